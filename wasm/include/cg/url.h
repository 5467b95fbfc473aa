// A small, strict URL splitter: enough to classify request targets. The JS side resolves
// relative URLs against the page before asking, so only absolute and scheme-relative
// URLs ("//host/path") name a host here.
#pragma once

#include <string>
#include <string_view>

namespace cg {

struct UrlParts {
  bool has_host = false;
  std::string scheme;  // lower case, "" for scheme-relative
  std::string host;    // lower case, without port, userinfo or trailing dot
  std::string path;    // starts with "/" ("/" when absent)
  std::string query;   // without "?"; fragment dropped
};

UrlParts split_url(std::string_view url);

// True when `host` is `pattern` or, for a pattern starting with '.', the domain itself
// or any of its subdomains (".clarity.ms" matches "clarity.ms" and "www.clarity.ms").
bool host_matches(std::string_view host, std::string_view pattern);

// True when some "&"-separated parameter of `query` starts with `prefix`.
bool query_has_prefix(std::string_view query, std::string_view prefix);

std::string to_lower_ascii(std::string_view s);

// The one rule for every link and endpoint a configuration or receipt names (the policy
// link in the banner and on forms, the receipts endpoint, withdrawal.url): "" or an
// http(s) URL with a host, or a path on the site. No spaces, control characters or '\'
// anywhere: browsers read '\' as '/', so "/\evil.example/p" would be another host.
bool link_target(std::string_view s);

}  // namespace cg
