// cpp-httplib's workers, started as connections need them. cpp-httplib reads a connection
// with blocking calls, so each open connection holds a worker while it is open; with a fixed
// pool, a hundred slow or idle clients took every worker and /healthz waited 29 s (issue 12).
// Here a new worker starts whenever a connection would otherwise wait, up to `max`; workers
// stay for the connections that come later (an idle thread costs a few pages).
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cg::collector {

class ElasticPool final : public httplib::TaskQueue {
 public:
  explicit ElasticPool(size_t max) : max_(max < 1 ? 1 : max) {}
  ~ElasticPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  size_t workers();  // started so far (tests)

 private:
  void work();

  const size_t max_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace cg::collector
