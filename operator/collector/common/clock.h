// Time enters the collector through this seam, so tests can set it: key validity windows,
// checkpoint schedules and rate-limit buckets all read a Clock, never the system directly.
#pragma once

#include <atomic>
#include <cstdint>

namespace cg::collector {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() const = 0;  // unix time, milliseconds
  int64_t now_s() const { return now_ms() / 1000; }
};

class SystemClock final : public Clock {
 public:
  int64_t now_ms() const override;
};
const Clock& system_clock();

// A clock that moves only when told to (tests).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t ms) : ms_(ms) {}
  int64_t now_ms() const override { return ms_.load(); }
  void set_ms(int64_t ms) { ms_ = ms; }
  void advance_ms(int64_t delta) { ms_ += delta; }

 private:
  std::atomic<int64_t> ms_;
};

}  // namespace cg::collector
