// Progress on standard error for long runs: at most one line a second, and only once a run
// has taken more than a second (short runs stay quiet).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace cg::collector::cli {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void update(const std::string& what) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    std::fprintf(stderr, "%s\n", what.c_str());
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

}  // namespace cg::collector::cli
