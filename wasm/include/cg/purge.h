// What to delete when purposes are withdrawn: first-party cookies on every domain level
// they may have been written to, and storage keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cg/purpose.h"
#include "cg/registry.h"

namespace cg {

struct CookieDeletion {
  std::string name;
  std::vector<std::string> domains;  // "" means host-only (no Domain attribute)
};

struct PurgePlan {
  std::vector<CookieDeletion> cookies;
  std::vector<std::string> storage_keys;
};

// `cookie_header`: document.cookie; `storage_keys`: keys of localStorage and sessionStorage;
// `hostname`: location.hostname. Only names the registry ties to a withdrawn purpose.
PurgePlan plan_purge(PurposeMask withdrawn, std::string_view cookie_header,
                     const std::vector<std::string>& storage_keys, std::string_view hostname);

// Cookie names present in a document.cookie string, in order, without duplicates.
std::vector<std::string> cookie_names(std::string_view cookie_header);

// Domain attributes a cookie for `hostname` may carry: "" (host-only), then the host and
// each parent domain with at least two labels. IP addresses and single labels: host-only.
std::vector<std::string> domain_levels(std::string_view hostname);

// The purpose of a cookie or storage key the registry knows, if any.
const NameRule* tracker_cookie(std::string_view name);
const NameRule* tracker_storage_key(std::string_view name);

}  // namespace cg
