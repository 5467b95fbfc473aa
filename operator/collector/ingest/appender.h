// Group commit: HTTP threads queue verified receipts here and wait; a writer thread per lane
// takes everything queued (up to a batch), appends it in one transaction, and only after
// the commit hands each waiting request its outcome. One fsync then covers a whole batch,
// and an ack is never sent for a receipt that is not durable.
//
// Lanes: sites are spread over `lanes` writer threads (by hash of the site), each with its
// own store connection. SQLite has one writer at a time anyway (use 1); PostgreSQL appends
// different sites in parallel.
#pragma once

#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/logger.h"
#include "store/store.h"

namespace cg::collector {

struct AppendResult {
  bool ok = false;  // false: the store failed and nothing was stored; the client may retry
  AppendOutcome outcome;
};

class Appender {
 public:
  struct Options {
    size_t max_batch = 256;
    size_t max_queue = 10000;  // per lane; beyond it submit() refuses (back-pressure)
  };

  // One store per lane, each used only by its lane's thread. The receive time of each
  // entry is set from `clock` when its batch is appended (just before its ack is signed,
  // so it always falls inside the signing key's validity window).
  Appender(std::vector<std::unique_ptr<Store>> stores, AckSigner sign, Options options,
           const Clock& clock, const Logger& logger);
  ~Appender();
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;

  // Queues `entry`; nullopt when its lane's queue is full.
  std::optional<std::future<AppendResult>> submit(NewEntry entry);
  // Finishes what is queued, then stops the writers. Later submits are refused.
  void stop();

 private:
  struct Item {
    NewEntry entry;
    std::promise<AppendResult> done;
  };
  struct Lane {
    std::unique_ptr<Store> store;
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Item> queue;
    bool stopping = false;
    std::thread thread;
  };

  void run(Lane& lane);
  void write_batch(Lane& lane, std::vector<Item>& batch);

  AckSigner sign_;
  Options options_;
  const Clock& clock_;
  const Logger& logger_;
  std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace cg::collector
