// The registry's second tier: the long tail of ad, analytics, social, marketing and tag-manager
// hosts from a well-kept public data set (npm third-party-web, MIT; the entity data Lighthouse
// uses), turned into text at build time (scripts/gen-long-tail.mjs) and loaded by the page only
// when it meets a third-party host the curated registry does not know. The curated registry
// always wins: the long tail is asked only about hosts it does not name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cg/purpose.h"

namespace cg {

// The data set's category, as our purpose; nullopt for categories that are not tracking (cdn,
// hosting, utility, content, video, customer-success, consent-provider, other), which the
// generator leaves out. The documented map (README "What is recognised").
std::optional<Purpose> long_tail_purpose(std::string_view category);

struct LongTailMatch {
  std::string_view host;  // the data's entry that matched ("*.licdn.com")
  Purpose purpose;
};

class LongTail {
 public:
  // Limits on the text: the 0.30 data is 1,901 hosts in 42 KB.
  static constexpr size_t kMaxBytes = 512 * 1024;
  static constexpr size_t kMaxHosts = 20000;

  // Text of lines "<category>\t<host>" in strictly increasing order of host (a host "*.x", x
  // and its subdomains, sorts as x; "x" is x alone), after a first line
  // "third-party-web <version>" (scripts/gen-long-tail.mjs). Either all of it is taken, or
  // nothing changes and `error` says which line is wrong.
  bool load(std::string_view text, std::string& error);

  bool loaded() const { return !entries_.empty(); }
  const std::string& source() const { return source_; }  // "third-party-web 0.30.0"
  size_t hosts() const { return entries_.size(); }

  // The entry a host falls under, if any.
  std::optional<LongTailMatch> find(std::string_view host) const;

 private:
  struct Entry {
    uint32_t at, size;  // the host in text_, without "*."
    bool subdomains;
    Purpose purpose;
  };
  std::string text_;  // the loaded text
  std::string source_;
  std::vector<Entry> entries_;  // in order of host
  std::string_view host(const Entry& e) const {
    return std::string_view(text_).substr(e.at, e.size);
  }
  const Entry* lookup(std::string_view host) const;
};

}  // namespace cg
