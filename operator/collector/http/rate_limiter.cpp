#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace cg::collector {

RateLimiter::RateLimiter(double rate, double burst, const Clock& clock)
    : rate_(rate), burst_(std::max(1.0, burst)), clock_(clock) {}

bool RateLimiter::allow(std::string_view key, int& retry_after_s) {
  if (rate_ <= 0) return true;
  Shard& shard = shards_[std::hash<std::string_view>()(key) % kShards];
  int64_t now = clock_.now_ms();
  std::lock_guard<std::mutex> lock(shard.mutex);
  if (now - shard.last_sweep_ms > 60000 || shard.buckets.size() >= kMaxPerShard) sweep(shard, now);
  auto [it, fresh] = shard.buckets.try_emplace(std::string(key), Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    double elapsed = static_cast<double>(std::max<int64_t>(0, now - b.last_ms)) / 1000.0;
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.last_ms = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  retry_after_s = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_)));
  return false;
}

void RateLimiter::sweep(Shard& shard, int64_t now_ms) {
  shard.last_sweep_ms = now_ms;
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    double elapsed = static_cast<double>(now_ms - it->second.last_ms) / 1000.0;
    bool full = it->second.tokens + elapsed * rate_ >= burst_;
    it = full ? shard.buckets.erase(it) : std::next(it);
  }
  if (shard.buckets.size() >= kMaxPerShard) shard.buckets.clear();
}

}  // namespace cg::collector
