#include "cg/url.h"

namespace cg {

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

namespace {

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

// Length of a leading "scheme:" (without the colon), or 0 when there is none.
size_t scheme_length(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && is_scheme_char(url[i])) ++i;
  if (i == 0 || i >= url.size() || url[i] != ':') return 0;
  return i;
}

std::string clean_host(std::string_view authority) {
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  if (!authority.empty() && authority.front() == '[') {  // IPv6 literal keeps its colons
    auto close = authority.find(']');
    return to_lower_ascii(
        authority.substr(0, close == std::string_view::npos ? authority.size() : close + 1));
  }
  if (auto colon = authority.find(':'); colon != std::string_view::npos) {
    authority = authority.substr(0, colon);
  }
  while (!authority.empty() && authority.back() == '.') authority.remove_suffix(1);
  return to_lower_ascii(authority);
}

}  // namespace

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  if (auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  size_t scheme_len = scheme_length(url);
  std::string_view rest = url;
  if (scheme_len > 0) {
    parts.scheme = to_lower_ascii(url.substr(0, scheme_len));
    rest = url.substr(scheme_len + 1);
  }
  if (rest.substr(0, 2) == "//" || rest.substr(0, 2) == "\\\\") {
    rest.remove_prefix(2);
    size_t end = rest.find_first_of("/?\\");
    if (end == std::string_view::npos) end = rest.size();
    parts.host = clean_host(rest.substr(0, end));
    parts.has_host = !parts.host.empty();
    rest.remove_prefix(end);
  }
  auto q = rest.find('?');
  std::string_view path = rest.substr(0, q);
  parts.path = path.empty() ? "/" : std::string(path);
  for (char& c : parts.path) {
    if (c == '\\') c = '/';
  }
  if (q != std::string_view::npos) parts.query = std::string(rest.substr(q + 1));
  return parts;
}

bool host_matches(std::string_view host, std::string_view pattern) {
  if (pattern.empty()) return false;
  if (pattern.front() != '.') return host == pattern;
  std::string_view domain = pattern.substr(1);
  if (host == domain) return true;
  return host.size() > pattern.size() &&
         host.compare(host.size() - pattern.size(), pattern.size(), pattern) == 0;
}

bool query_has_prefix(std::string_view query, std::string_view prefix) {
  while (true) {
    auto amp = query.find('&');
    if (query.substr(0, amp).substr(0, prefix.size()) == prefix) return true;
    if (amp == std::string_view::npos) return false;
    query.remove_prefix(amp + 1);
  }
}

bool link_target(std::string_view s) {
  if (s.empty()) return true;
  if (s.size() > 2048) return false;
  for (unsigned char c : s) {
    if (c <= 0x20 || c == 0x7f || c == '\\') return false;
  }
  auto host_after = [&](std::string_view scheme) {
    return s.rfind(scheme, 0) == 0 && s.size() > scheme.size() && s[scheme.size()] != '/';
  };
  return host_after("https://") || host_after("http://") ||
         (s[0] == '/' && (s.size() == 1 || s[1] != '/'));
}

}  // namespace cg
