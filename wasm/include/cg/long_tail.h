// The registry's second tier: the long tail of ad, analytics, social, marketing and tag-manager
// hosts from a well-kept public data set (npm third-party-web, MIT; the entity data Lighthouse
// uses), turned into text at build time (scripts/gen-long-tail.mjs) and loaded by the page only
// when it meets a third-party host the curated registry does not know. The curated registry
// always wins: the long tail is asked only about hosts it does not name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cg/purpose.h"

namespace cg {

// The data set's category, as our purpose; nullopt for categories that are not tracking (cdn,
// hosting, utility, content, video, customer-success, consent-provider, other), which the
// generator leaves out. The documented map (README "What is recognised").
std::optional<Purpose> long_tail_purpose(std::string_view category);

struct LongTailMatch {
  std::string_view entity;  // the entity's first host, as named in the data ("*.licdn.com")
  Purpose purpose;
};

class LongTail {
 public:
  // Limits on the text: the 0.30 data is 1,909 hosts of 1,305 entities in 40 KB.
  static constexpr size_t kMaxBytes = 512 * 1024;
  static constexpr size_t kMaxHosts = 20000;

  // Text of lines "<category>\t<host> <host> ...", one per entity, after a first line
  // "third-party-web <version>"; a host "*.x" is x and its subdomains, "x" is x alone. Either
  // all of it is taken, or nothing changes and `error` says which line is wrong.
  bool load(std::string_view text, std::string& error);

  bool loaded() const { return !source_.empty(); }
  const std::string& source() const { return source_; }  // "third-party-web 0.30.0"
  size_t hosts() const { return exact_.size() + wildcard_.size(); }

  // The entity a host belongs to, if any.
  std::optional<LongTailMatch> find(std::string_view host) const;

 private:
  struct Entity {
    std::string name;
    Purpose purpose;
  };
  std::string source_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, size_t> exact_;     // host -> entity index
  std::unordered_map<std::string, size_t> wildcard_;  // domain of "*.domain" -> entity index
};

}  // namespace cg
