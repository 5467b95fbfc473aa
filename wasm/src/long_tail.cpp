#include "cg/long_tail.h"

#include <algorithm>

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

bool LongTail::load(std::string_view input, std::string& error) {
  if (input.size() > kMaxBytes) {
    error = "long-tail data is larger than " + std::to_string(kMaxBytes) + " bytes";
    return false;
  }
  LongTail next;
  next.text_ = std::string(input);
  std::string_view text = next.text_;
  next.source_ = std::string(next_line(text));
  if (next.source_.substr(0, 16) != "third-party-web " || next.source_.size() > 40) {
    error = "long-tail data must start with \"third-party-web <version>\"";
    return false;
  }
  for (size_t number = 2; !text.empty(); ++number) {
    std::string_view line = next_line(text);
    auto fail = [&](const std::string& why) {
      error = "long-tail data, line " + std::to_string(number) + ": " + why;
      return false;
    };
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return fail("expected a category and a host");
    std::optional<Purpose> purpose = long_tail_purpose(line.substr(0, tab));
    if (!purpose) return fail("category is not a tracking one");
    std::string_view host = line.substr(tab + 1);
    bool subdomains = host.substr(0, 2) == "*.";
    if (subdomains) host.remove_prefix(2);
    if (!is_host_name(host)) return fail("\"" + std::string(host) + "\" is not a host name");
    if (!next.entries_.empty() && !(next.host(next.entries_.back()) < host)) {
      return fail("hosts must be in increasing order, each once");
    }
    if (next.entries_.size() == kMaxHosts)
      return fail("more than " + std::to_string(kMaxHosts) + " hosts");
    next.entries_.push_back({static_cast<uint32_t>(host.data() - next.text_.data()),
                             static_cast<uint32_t>(host.size()), subdomains, *purpose});
  }
  if (next.entries_.empty()) {
    error = "long-tail data names no hosts";
    return false;
  }
  *this = std::move(next);  // entries hold offsets: a short text's inline buffer may move
  return true;
}

const LongTail::Entry* LongTail::lookup(std::string_view host) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), host,
                             [&](const Entry& e, std::string_view h) { return this->host(e) < h; });
  return it != entries_.end() && this->host(*it) == host ? &*it : nullptr;
}

std::optional<LongTailMatch> LongTail::find(std::string_view host) const {
  // The host itself, exact or "*."; then each parent domain, "*." entries only.
  for (std::string_view d = host; !d.empty();) {
    const Entry* e = lookup(d);
    if (e && (e->subdomains || d.size() == host.size())) {
      return LongTailMatch{this->host(*e), e->purpose};
    }
    size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d.remove_prefix(dot + 1);
  }
  return std::nullopt;
}

}  // namespace cg
