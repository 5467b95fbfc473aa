// Per-client token buckets: each address may send `rate` requests a second on average and
// `burst` at once. Memory stays bounded: buckets that have refilled are forgotten, and
// when a shard still holds too many addresses it starts over (a flood of addresses then
// only resets buckets; it never grows memory without end). Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.h"

namespace cg::collector {

class RateLimiter {
 public:
  // rate <= 0 turns limiting off.
  RateLimiter(double rate, double burst, const Clock& clock);
  // True when `key` may proceed now (and spends a token); otherwise false, with the
  // seconds until a token is back.
  bool allow(std::string_view key, int& retry_after_s);
  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens;
    int64_t last_ms;
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Bucket> buckets;
    int64_t last_sweep_ms = 0;
  };
  static constexpr size_t kShards = 16;
  static constexpr size_t kMaxPerShard = 65536;

  void sweep(Shard& shard, int64_t now_ms);

  double rate_, burst_;
  const Clock& clock_;
  Shard shards_[kShards];
};

}  // namespace cg::collector
