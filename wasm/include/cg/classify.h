// Classification of request targets and inline snippets against the registry.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cg/registry.h"
#include "cg/url.h"

namespace cg {

struct UrlVerdict {
  const Service* service = nullptr;  // null: not a tracker
  Purpose purpose = Purpose::necessary;
};

// Classifies an absolute or scheme-relative URL. Relative URLs are same-origin: never trackers.
UrlVerdict classify_url(std::string_view url);

// The parts of a URL the registry's rules look at; nullopt for a URL they never match (no
// host, or a scheme other than http(s) and ws(s)).
std::optional<UrlParts> network_parts(std::string_view url);

// True for a URL on a host known_harmless() names.
bool known_harmless_url(std::string_view url);

// The purposes a WebSocket frame needs on the socket to `url`: the socket's own, and that of
// a frame rule it matches (frame_rules()). Empty for sockets that are not trackers'.
PurposeMask frame_purposes(std::string_view url, std::string_view frame);

struct InlineMatch {
  const Service* service;
  std::vector<std::string> ids;  // counter / tag ids found in the snippet, e.g. "98765432", "G-X1"
};

// Which services an inline script's text belongs to (a page may paste several in one block).
std::vector<InlineMatch> classify_inline(std::string_view text);

// Ids of the service's kind found in `text` (also used on script URLs, e.g. "?id=G-X1").
std::vector<std::string> extract_ids(IdKind kind, std::string_view text);

// The name rule a cookie or storage key falls under, or null.
const NameRule* match_name(Span<NameRule> rules, std::string_view name);

}  // namespace cg
