#include "cg/consent.h"

#include <unistd.h>

#include <vector>

namespace cg {
namespace {

uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string hex8(uint32_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 15];
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    auto pos = s.find(sep);
    parts.push_back(s.substr(0, pos));
    if (pos == std::string_view::npos) return parts;
    s.remove_prefix(pos + 1);
  }
}

// Strict decimal: digits only, no sign, no leading zeros beyond "0", fits in int64.
std::optional<int64_t> parse_uint(std::string_view s) {
  if (s.empty() || s.size() > 15 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_decision_id(std::string_view s) {
  if (s.size() != 22) return false;
  for (char ch : s) {
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '-' || ch == '_';
    if (!ok) return false;
  }
  return true;
}

struct Parsed {
  CookieProblem problem = CookieProblem::malformed;
  std::string site;
  ConsentState state;
};

Parsed parse_value(std::string_view value) {
  Parsed out;
  auto f = split(value, '|');
  bool v2 = f.size() == 8 && f[0] == "2";
  if (!v2 && (f.size() != 7 || f[0] != "1")) return out;
  auto body = value.substr(0, value.size() - f.back().size() - 1);
  if (f.back() != hex8(fnv1a(body))) {
    out.problem = CookieProblem::tampered;
    return out;
  }
  auto mask = parse_uint(f[3]);
  auto updated = parse_uint(f[4]);
  auto expires = parse_uint(f[5]);
  if (!mask || *mask > kAllOptional || !updated || !expires || *updated > *expires ||
      f[1].empty() || f[2].empty() || (v2 && !is_decision_id(f[6]))) {
    return out;
  }
  out.problem = CookieProblem::none;
  out.site = std::string(f[1]);
  out.state = {true,
               static_cast<PurposeMask>(*mask),
               std::string(f[2]),
               *updated * 1000,
               *expires * 1000,
               v2 ? std::string(f[6]) : ""};
  return out;
}

// How far ahead of this browser's clock a decision time may be (another tab's clock, a
// corrected clock); anything later was written by hand.
constexpr int64_t kClockSkewMs = int64_t{24} * 3600 * 1000;

// Ranks problems so that the most telling one is reported when no cookie is usable.
int rank(CookieProblem p) {
  return static_cast<int>(p);
}

}  // namespace

std::string_view problem_name(CookieProblem p) {
  switch (p) {
    case CookieProblem::none: return "none";
    case CookieProblem::absent: return "absent";
    case CookieProblem::malformed: return "malformed";
    case CookieProblem::tampered: return "tampered";
    case CookieProblem::other_site: return "other-site";
    case CookieProblem::policy_changed: return "policy-changed";
    case CookieProblem::expired: return "expired";
  }
  return "malformed";
}

CookieRead read_consent_cookie(std::string_view header, const Config& config, int64_t now_ms) {
  CookieRead best;
  for (auto pair : split(header, ';')) {
    pair = trim(pair);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != kConsentCookie) continue;
    Parsed p = parse_value(trim(pair.substr(eq + 1)));
    if (p.problem == CookieProblem::none) {
      if (p.site != config.site) {
        p.problem = CookieProblem::other_site;
      } else if (p.state.policy_version != config.policy_version) {
        p.problem = CookieProblem::policy_changed;
      } else if (p.state.updated_at_ms > now_ms + kClockSkewMs ||
                 p.state.expires_at_ms >
                     p.state.updated_at_ms + int64_t{config.max_age_days} * 86400 * 1000) {
        // A decision from the future, or kept longer than the site keeps one: not ours.
        p.problem = CookieProblem::tampered;
      } else if (p.state.expires_at_ms <= now_ms) {
        p.problem = CookieProblem::expired;
      }
    }
    if (p.problem == CookieProblem::none) {
      if (best.problem != CookieProblem::none || p.state.updated_at_ms > best.state.updated_at_ms) {
        best = {p.state, CookieProblem::none, std::nullopt};
      }
    } else if (best.problem != CookieProblem::none && rank(p.problem) > rank(best.problem)) {
      best.problem = p.problem;
      if (p.problem == CookieProblem::policy_changed || p.problem == CookieProblem::expired) {
        best.previous = p.state;
      }
    }
  }
  return best;
}

std::string encode_cookie_value(const Config& config, const ConsentState& state) {
  std::string body = "2|" + config.site + "|" + state.policy_version + "|" +
                     std::to_string(state.allowed) + "|" +
                     std::to_string(state.updated_at_ms / 1000) + "|" +
                     std::to_string(state.expires_at_ms / 1000) + "|" + state.id;
  return body + "|" + hex8(fnv1a(body));
}

std::string cookie_assignment(const Config& config, const std::string& value, int64_t max_age_s,
                              bool secure) {
  std::string out = std::string(kConsentCookie) + "=" + value +
                    "; Path=/; Max-Age=" + std::to_string(max_age_s) + "; SameSite=Lax";
  if (!config.cookie_domain.empty()) out += "; Domain=" + config.cookie_domain;
  if (secure) out += "; Secure";
  return out;
}

ConsentState make_decision(const Config& config, PurposeMask allowed, int64_t now_ms,
                           std::string id) {
  // Whole seconds, so that the stored cookie reads back exactly as decided.
  int64_t now = now_ms / 1000 * 1000;
  return {true,
          allowed & kAllOptional,
          config.policy_version,
          now,
          now + int64_t{config.max_age_days} * 86400 * 1000,
          std::move(id)};
}

std::string new_decision_id() {
  unsigned char bytes[16];
  if (getentropy(bytes, sizeof bytes) != 0) return "";
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string id;
  uint32_t bits = 0;
  int have = 0;
  for (unsigned char b : bytes) {
    bits = (bits << 8) | b;
    for (have += 8; have >= 6; have -= 6) id += kAlphabet[(bits >> (have - 6)) & 63];
  }
  id += kAlphabet[(bits << (6 - have)) & 63];  // the last 2 bits
  return id;
}

std::string iso_time(int64_t ms) {
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  int64_t days = ms / 86400000, rem = ms % 86400000;
  if (rem < 0) rem += 86400000, --days;
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  auto two = [](int64_t v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  auto three = [](int64_t v) {
    return std::string(v < 100 ? (v < 10 ? "00" : "0") : "") + std::to_string(v);
  };
  return std::to_string(y) + "-" + two(m) + "-" + two(d) + "T" + two(rem / 3600000) + ":" +
         two(rem / 60000 % 60) + ":" + two(rem / 1000 % 60) + "." + three(rem % 1000) + "Z";
}

}  // namespace cg
