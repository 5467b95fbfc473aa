#include "verify/report.h"

#include <cstdio>

#include "verify/strict_json.h"

namespace cg::verify {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool read_export(std::string_view text, ReceiptSet& set, std::string& error) {
  rapidjson::Document doc;
  JsonProblem problem = parse_strict(text, doc);
  if (!problem.code.empty() || !doc.IsArray()) {
    error = "the export is not a strict JSON array: " +
            (problem.code.empty() ? std::string("the top level is not an array") : problem.message);
    return false;
  }
  for (rapidjson::SizeType i = 0; i < doc.Size(); ++i) {
    std::string source = "[" + std::to_string(i) + "]";
    const auto& item = doc[i];
    auto jws = item.IsObject() ? item.FindMember("jws") : rapidjson::Value::ConstMemberIterator();
    if (!item.IsObject() || jws == item.MemberEnd() || !jws->value.IsString()) {
      set.add_unreadable(source, "input.item", "the item is not an object with a \"jws\" string");
      continue;
    }
    set.add({jws->value.GetString(), jws->value.GetStringLength()}, source);
  }
  return true;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool digits(std::string_view s, size_t at, size_t n, int64_t& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

bool read_receipts(std::string_view text, ReceiptSet& set, std::string& error) {
  if (text.size() > kMaxInputBytes) {
    error = "the input is larger than 64 MiB: split it";
    return false;
  }
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') return read_export(text, set, error);
  size_t line = 0;
  for (size_t at = 0; at <= text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string_view jws = trim(text.substr(at, end - at));
    if (!jws.empty()) set.add(jws, "line " + std::to_string(line));
    at = end + 1;
  }
  return true;
}

bool parse_time(std::string_view s, int64_t& seconds) {
  if (!s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string_view::npos) {
    return digits(s, 0, s.size(), seconds);
  }
  int64_t y, mo, d, h = 0, mi = 0, se = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  if (s.size() != 10) {
    if (s.size() != 20 || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' ||
        !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, se) || s[19] != 'Z')
      return false;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap) || h > 23 ||
      mi > 59 || se > 59)
    return false;
  seconds = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
  return true;
}

std::string format_time(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400, rest = t - days * 86400;
  // civil_from_days (H. Hinnant).
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9,
          y = yoe + era * 400 + (m <= 2);
  char out[128];
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                static_cast<long long>(rest % 60));
  return out;
}

std::string format_report(const ReceiptSet& set) {
  std::string out;
  for (const auto& e : set.entries()) {
    const Verdict& v = e.verdict;
    out += e.source + ": ";
    if (v.status == Status::invalid) {
      out += "INVALID " + v.code + ": " + v.message + "\n";
      continue;
    }
    const Receipt& r = v.receipt;
    out += v.status == Status::valid ? "VALID" : "UNSIGNED (" + r.unsigned_reason + ")";
    out += " jti=" + r.jti + " event=" + r.event + " iat=" + format_time(r.iat);
    if (!r.kid.empty()) out += " kid=" + r.kid + " seq=" + std::to_string(r.seq);
    out += "\n";
  }
  for (const auto& f : set.chains()) {
    out += "CHAIN " + std::string(finding_code(f.kind)) + " kid=" + f.kid + ": " + f.message + "\n";
  }
  auto s = set.summary();
  out += "summary: " + std::to_string(s.total) + " receipts: " + std::to_string(s.valid) +
         " valid, " + std::to_string(s.unsigned_) + " unsigned, " + std::to_string(s.invalid) +
         " invalid; " + std::to_string(s.keys) + " keys, " + std::to_string(s.chain_findings) +
         " chain findings\n";
  return out;
}

std::string format_answer(const Answer& a, std::string_view key, std::string_view purpose,
                          int64_t at) {
  std::string out = "query: key " + std::string(key) + ", purpose " + std::string(purpose) +
                    ", at " + format_time(at) + ": " + std::string(outcome_name(a.outcome)) + "\n";
  if (a.receipt) {
    const Receipt& r = a.receipt->verdict.receipt;
    out += "  based on " + a.receipt->source + ": jti=" + r.jti + " seq=" + std::to_string(r.seq) +
           " event=" + r.event + " iat=" + format_time(r.iat) + " exp=" + format_time(r.exp) + "\n";
  }
  for (const auto& c : a.caveats) out += "  caveat: " + c + "\n";
  return out;
}

int exit_status(const ReceiptSet& set) {
  auto s = set.summary();
  if (s.total == 0) return 2;
  if (s.invalid > 0 || s.chain_findings > 0) return 1;
  return s.unsigned_ > 0 ? 3 : 0;
}

}  // namespace cg::verify
