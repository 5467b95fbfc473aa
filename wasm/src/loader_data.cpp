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
      std::string hosts;
      while (j < rules.size() && rules[j].purpose == rules[i].purpose &&
             rules[j].path_prefix == rules[i].path_prefix &&
             rules[j].query_prefix == rules[i].query_prefix) {
        hosts += (j > i ? "|" : "") + host_regex(rules[j].host);
        ++j;
      }
      add(runs, purpose_bit(rules[i].purpose), "(?:" + hosts + ")" + tail_regex(rules[i]));
      i = j;
    }
  }
  return emit(runs);
}

std::string name_runs(bool cookies) {
  std::vector<Run> runs;
  for (const auto& s : registry()) {
    for (const auto& r : cookies ? s.cookies : s.storage) {
      add(runs, purpose_bit(r.purpose), escape_regex(r.name) + (r.prefix ? "" : "$"));
    }
  }
  return emit(runs);
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
         host_runs() + ",c:" + name_runs(true) + ",s:" + name_runs(false) +
         ",d:" + consent_default() + "};\n";
}

}  // namespace cg
