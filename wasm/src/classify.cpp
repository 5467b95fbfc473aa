#include "cg/classify.h"

#include <algorithm>

#include "cg/url.h"

namespace cg {

std::optional<UrlParts> network_parts(std::string_view url) {
  UrlParts parts = split_url(url);
  if (!parts.has_host) return std::nullopt;
  if (!parts.scheme.empty() && parts.scheme != "http" && parts.scheme != "https" &&
      parts.scheme != "ws" && parts.scheme != "wss") {
    return std::nullopt;
  }
  return parts;
}

namespace {

bool rule_matches(const HostRule& rule, const UrlParts& parts) {
  return host_matches(parts.host, rule.host) &&
         parts.path.compare(0, rule.path_prefix.size(), rule.path_prefix) == 0 &&
         (rule.query_prefix.empty() || query_has_prefix(parts.query, rule.query_prefix));
}

}  // namespace

UrlVerdict classify_url(std::string_view url) {
  std::optional<UrlParts> parts = network_parts(url);
  if (!parts) return {};
  for (const auto& service : registry()) {
    for (const auto& rule : service.hosts) {
      if (rule_matches(rule, *parts)) return {&service, rule.purpose};
    }
  }
  return {};
}

bool known_harmless_url(std::string_view url) {
  std::optional<UrlParts> parts = network_parts(url);
  if (!parts) return false;
  for (const auto& rule : known_harmless()) {
    if (rule_matches(rule, *parts)) return true;
  }
  return false;
}

PurposeMask frame_purposes(std::string_view url, std::string_view frame) {
  UrlVerdict socket = classify_url(url);
  if (!socket.service) return 0;
  PurposeMask needed = purpose_bit(socket.purpose);
  UrlParts parts = split_url(url);
  for (const FrameRule& rule : frame_rules()) {
    if (rule.service != socket.service->id || frame.find(rule.marker) == std::string_view::npos ||
        parts.path.compare(0, rule.path_prefix.size(), rule.path_prefix) != 0)
      continue;
    needed |= purpose_bit(rule.purpose);
  }
  return needed;
}

namespace {

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper_alnum(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z');
}

// A signature counts only where it starts a token: "ym(" must not match "rhythm(".
bool contains_token(std::string_view text, std::string_view sig) {
  for (size_t pos = text.find(sig); pos != std::string_view::npos; pos = text.find(sig, pos + 1)) {
    if (pos == 0 || !is_ident_char(text[pos - 1]) || !is_ident_char(sig.front())) return true;
  }
  return false;
}

void add_unique(std::vector<std::string>& ids, std::string id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
}

// Metrica counter ids: 5+ digits right after one of the forms pages use.
void metrica_ids(std::string_view text, std::vector<std::string>& ids) {
  static constexpr std::string_view kLeads[] = {
      "ym(", "yaCounter", "tag.js?id=", "/watch/", "Metrika({id:", "Metrika2({id:", "id:"};
  for (auto lead : kLeads) {
    for (size_t pos = text.find(lead); pos != std::string_view::npos;
         pos = text.find(lead, pos + 1)) {
      size_t i = pos + lead.size();
      while (i < text.size() && text[i] == ' ') ++i;
      size_t start = i;
      while (i < text.size() && is_digit(text[i])) ++i;
      if (i - start >= 5 && i - start <= 12)
        add_unique(ids, std::string(text.substr(start, i - start)));
    }
  }
}

// Google tag ids: G-, GT-, AW-, DC-, GTM- followed by upper-case letters/digits, or UA-n-n.
void google_ids(std::string_view text, std::vector<std::string>& ids) {
  static constexpr std::string_view kPrefixes[] = {"GTM-", "G-", "GT-", "AW-", "DC-", "UA-"};
  for (auto prefix : kPrefixes) {
    for (size_t pos = text.find(prefix); pos != std::string_view::npos;
         pos = text.find(prefix, pos + 1)) {
      if (pos > 0 && is_ident_char(text[pos - 1])) continue;
      size_t i = pos + prefix.size();
      while (i < text.size() && (is_upper_alnum(text[i]) || (prefix == "UA-" && text[i] == '-'))) {
        ++i;
      }
      if (i - pos - prefix.size() >= 4) add_unique(ids, std::string(text.substr(pos, i - pos)));
    }
  }
}

}  // namespace

std::vector<std::string> extract_ids(IdKind kind, std::string_view text) {
  std::vector<std::string> ids;
  if (kind == IdKind::metrica_counter) metrica_ids(text, ids);
  if (kind == IdKind::google_tag) google_ids(text, ids);
  return ids;
}

std::vector<InlineMatch> classify_inline(std::string_view text) {
  std::vector<InlineMatch> matches;
  for (const auto& service : registry()) {
    bool hit = std::any_of(service.inline_signatures.begin(), service.inline_signatures.end(),
                           [&](std::string_view sig) { return contains_token(text, sig); });
    if (hit) matches.push_back({&service, extract_ids(service.id_kind, text)});
  }
  return matches;
}

const NameRule* match_name(Span<NameRule> rules, std::string_view name) {
  for (const auto& rule : rules) {
    if (rule.prefix ? name.substr(0, rule.name.size()) == rule.name : name == rule.name) {
      return &rule;
    }
  }
  return nullptr;
}

}  // namespace cg
