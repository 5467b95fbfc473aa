#include "cg/loader_data.h"

#include <vector>

#include "cg/registry.h"
#include "cg/signals.h"

namespace cg {
namespace {

std::string escape_regex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string host_regex(std::string_view host) {
  if (host.front() == '.') return "(?:[^/]*\\.)?" + escape_regex(host.substr(1));
  return escape_regex(host);
}

// Where a host's name is split for sharing: after its second label ("mc.yandex." of
// "mc.yandex.com.tr", ".mc.yandex." of ".mc.yandex.kz"), for names of three labels or more;
// 0 for none.
size_t shared_prefix(std::string_view host) {
  size_t start = host.front() == '.' ? 1 : 0;
  size_t first = host.find('.', start);
  size_t second = first == std::string_view::npos ? first : host.find('.', first + 1);
  return second == std::string_view::npos ? 0 : second + 1;
}

// An alternation of hosts; neighbours with the same first two labels share them
// ("mc\.yandex\.(?:ru|kz|com\.tr)", with "(?:[^/]*\.)?" before it for a leading '.'): the
// loader's copy of the registry stays small.
std::string hosts_regex(const std::vector<std::string_view>& hosts) {
  std::string out;
  for (size_t i = 0; i < hosts.size();) {
    size_t cut = shared_prefix(hosts[i]);
    size_t j = i + 1;
    while (cut && j < hosts.size() && shared_prefix(hosts[j]) == cut &&
           hosts[j].substr(0, cut) == hosts[i].substr(0, cut)) {
      ++j;
    }
    out += i ? "|" : "";
    if (j - i == 1) {
      out += host_regex(hosts[i]);
    } else {
      out += host_regex(hosts[i].substr(0, cut)) + "(?:";
      for (size_t k = i; k < j; ++k) out += (k > i ? "|" : "") + escape_regex(hosts[k].substr(cut));
      out += ")";
    }
    i = j;
  }
  return out;
}

// The part after the host: a path prefix, then optionally a query parameter prefix.
std::string tail_regex(const HostRule& r) {
  std::string tail = escape_regex(r.path_prefix.empty() ? "/" : r.path_prefix);
  if (!r.query_prefix.empty()) tail += "[^?]*\\?(?:[^&]*&)*" + escape_regex(r.query_prefix);
  return tail;
}

struct Run {
  PurposeMask bit;
  std::vector<std::string> alternatives;
};

// Consecutive rules of one purpose share a regex; order between runs is kept, so the
// first-match-wins semantics of the registry survive.
void add(std::vector<Run>& runs, PurposeMask bit, std::string alternative) {
  if (runs.empty() || runs.back().bit != bit) runs.push_back({bit, {}});
  runs.back().alternatives.push_back(std::move(alternative));
}

std::string emit(const std::vector<Run>& runs) {
  std::string out = "[";
  for (const auto& run : runs) {
    out += "[/^(?:";
    for (size_t i = 0; i < run.alternatives.size(); ++i) {
      out += (i ? "|" : "") + run.alternatives[i];
    }
    out += ")/," + std::to_string(run.bit) + "],";
  }
  out += "]";
  return out;
}

std::string host_runs() {
  std::vector<Run> runs;
  for (const auto& s : registry()) {
    const auto& rules = s.hosts;
    for (size_t i = 0; i < rules.size();) {
      // Group neighbours with the same purpose, path and query: one host alternation.
      size_t j = i;
      std::vector<std::string_view> hosts;
      while (j < rules.size() && rules[j].purpose == rules[i].purpose &&
             rules[j].path_prefix == rules[i].path_prefix &&
             rules[j].query_prefix == rules[i].query_prefix) {
        hosts.push_back(rules[j].host);
        ++j;
      }
      add(runs, purpose_bit(rules[i].purpose),
          "(?:" + hosts_regex(hosts) + ")" + tail_regex(rules[i]));
      i = j;
    }
  }
  return emit(runs);
}

// [[/^(?:scripts)/, "VK"], ...]: the globals a service's script defines and pages call inline
// (Service::page_globals), for its rules that name a script (a path in ".js").
std::string page_call_runs() {
  std::string out = "[";
  for (const auto& s : registry()) {
    if (s.page_globals.empty()) continue;
    std::vector<std::string> scripts;
    for (const HostRule& h : s.hosts) {
      std::string_view path = h.path_prefix;
      if (path.size() > 3 && path.substr(path.size() - 3) == ".js") {
        scripts.push_back(host_regex(h.host) + tail_regex(h));
      }
    }
    std::string calls;
    for (auto name : s.page_globals) calls += (calls.empty() ? "" : " ") + std::string(name);
    out += "[/^(?:";
    for (size_t i = 0; i < scripts.size(); ++i) out += (i ? "|" : "") + scripts[i];
    out += ")/,\"" + calls + "\"],";
  }
  return out + "]";
}

// {necessary:0,analytics:1,session_recording:2,marketing:4}: the purposes' names and bits, for
// the page's API before the core is ready, hand-tagged elements and markup the loader tags.
std::string purpose_bits() {
  std::string out = "{necessary:0";
  for (Purpose p : kOptionalPurposes) {
    out += "," + std::string(purpose_name(p)) + ":" + std::to_string(purpose_bit(p));
  }
  return out + "}";
}

std::string consent_default() {
  std::string out = "{";
  for (const auto& f : consent_mode_fields(0)) out += f.name + ":\"denied\",";
  return out + "wait_for_update:" + std::to_string(kConsentModeWaitMs) + "}";
}

}  // namespace

std::string loader_data_module() {
  return "// Generated from the C++ registry (wasm/src/registry.cpp) by cg-gen-loader-data.\n"
         "// Do not edit: change the registry and rebuild.\n"
         "export default {h:" +
         host_runs() + ",u:" + std::to_string(kUnknownYet) + ",p:" + purpose_bits() +
         ",g:" + page_call_runs() + ",d:" + consent_default() + "};\n";
}

}  // namespace cg
