#include "cg/purge.h"

#include <algorithm>

#include "cg/classify.h"
#include "cg/registry.h"

namespace cg {
namespace {

bool looks_like_ip(std::string_view host) {
  if (host.find(':') != std::string_view::npos || host.find('[') != std::string_view::npos) {
    return true;
  }
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

const NameRule* find_rule(std::string_view name, bool cookie) {
  for (const auto& s : registry()) {
    if (const NameRule* r = match_name(cookie ? s.cookies : s.storage, name)) return r;
  }
  return nullptr;
}

bool withdrawn_rule(const NameRule* r, PurposeMask withdrawn) {
  return r && (purpose_bit(r->purpose) & withdrawn) != 0;
}

}  // namespace

const NameRule* tracker_cookie(std::string_view name) {
  return find_rule(name, true);
}
const NameRule* tracker_storage_key(std::string_view name) {
  return find_rule(name, false);
}

std::vector<std::string> cookie_names(std::string_view header) {
  std::vector<std::string> names;
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    auto eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.emplace_back(name);
    }
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return names;
}

std::vector<std::string> domain_levels(std::string_view hostname) {
  std::vector<std::string> levels{""};
  if (looks_like_ip(hostname) || hostname.find('.') == std::string_view::npos) return levels;
  std::string_view rest = hostname;
  while (rest.find('.') != std::string_view::npos) {
    levels.emplace_back(rest);
    rest.remove_prefix(rest.find('.') + 1);
  }
  return levels;
}

PurgePlan plan_purge(PurposeMask withdrawn, std::string_view cookie_header,
                     const std::vector<std::string>& storage_keys, std::string_view hostname) {
  PurgePlan plan;
  if (withdrawn == 0) return plan;
  auto levels = domain_levels(hostname);
  for (auto& name : cookie_names(cookie_header)) {
    if (withdrawn_rule(tracker_cookie(name), withdrawn)) plan.cookies.push_back({name, levels});
  }
  for (const auto& key : storage_keys) {
    bool seen = std::find(plan.storage_keys.begin(), plan.storage_keys.end(), key) !=
                plan.storage_keys.end();
    if (!seen && withdrawn_rule(tracker_storage_key(key), withdrawn)) {
      plan.storage_keys.push_back(key);
    }
  }
  return plan;
}

}  // namespace cg
