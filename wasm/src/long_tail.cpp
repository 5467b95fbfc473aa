#include "cg/long_tail.h"

#include "cg/url.h"

namespace cg {

std::optional<Purpose> long_tail_purpose(std::string_view category) {
  if (category == "analytics" || category == "tag-manager") return Purpose::analytics;
  if (category == "ad" || category == "social" || category == "marketing") {
    return Purpose::marketing;
  }
  return std::nullopt;
}

namespace {

bool is_host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// A lower-case DNS name of two labels or more, without empty labels.
bool is_host_name(std::string_view h) {
  if (h.size() < 3 || h.size() > 253 || h.front() == '.' || h.back() == '.') return false;
  if (h.find("..") != std::string_view::npos || h.find('.') == std::string_view::npos) return false;
  for (char c : h) {
    if (!is_host_char(c)) return false;
  }
  return true;
}

std::string_view next_line(std::string_view& text) {
  size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

}  // namespace

bool LongTail::load(std::string_view text, std::string& error) {
  if (text.size() > kMaxBytes) {
    error = "long-tail data is larger than " + std::to_string(kMaxBytes) + " bytes";
    return false;
  }
  std::string_view header = next_line(text);
  if (header.substr(0, 16) != "third-party-web " || header.size() > 40) {
    error = "long-tail data must start with \"third-party-web <version>\"";
    return false;
  }
  LongTail next;
  next.source_ = std::string(header);
  for (size_t number = 2; !text.empty(); ++number) {
    std::string_view line = next_line(text);
    auto fail = [&](const std::string& why) {
      error = "long-tail data, line " + std::to_string(number) + ": " + why;
      return false;
    };
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return fail("expected a category and hosts");
    std::optional<Purpose> purpose = long_tail_purpose(line.substr(0, tab));
    if (!purpose) return fail("category is not a tracking one");
    std::string_view hosts = line.substr(tab + 1);
    next.entities_.push_back({std::string(hosts.substr(0, hosts.find(' '))), *purpose});
    while (!hosts.empty()) {
      size_t space = hosts.find(' ');
      std::string_view host = hosts.substr(0, space);
      hosts.remove_prefix(space == std::string_view::npos ? hosts.size() : space + 1);
      bool wild = host.substr(0, 2) == "*.";
      if (wild) host.remove_prefix(2);
      if (!is_host_name(host)) return fail("\"" + std::string(host) + "\" is not a host name");
      auto& table = wild ? next.wildcard_ : next.exact_;
      table.emplace(std::string(host), next.entities_.size() - 1);  // the first entity keeps it
      if (next.hosts() > kMaxHosts) return fail("more than " + std::to_string(kMaxHosts) + " hosts");
    }
  }
  if (next.hosts() == 0) {
    error = "long-tail data names no hosts";
    return false;
  }
  *this = std::move(next);
  return true;
}

std::optional<LongTailMatch> LongTail::find(std::string_view host) const {
  auto match = [&](size_t i) { return LongTailMatch{entities_[i].name, entities_[i].purpose}; };
  if (auto it = exact_.find(std::string(host)); it != exact_.end()) return match(it->second);
  // "*.x" covers x and every subdomain: try the host and each parent domain.
  for (std::string_view d = host; !d.empty();) {
    if (auto it = wildcard_.find(std::string(d)); it != wildcard_.end()) return match(it->second);
    size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d.remove_prefix(dot + 1);
  }
  return std::nullopt;
}

}  // namespace cg
