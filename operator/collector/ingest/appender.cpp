#include "ingest/appender.h"

#include <chrono>
#include <functional>

namespace cg::collector {

Appender::Appender(std::vector<std::unique_ptr<Store>> stores, AckSigner sign, Options options,
                   const Clock& clock, const Logger& logger)
    : sign_(std::move(sign)), options_(options), clock_(clock), logger_(logger) {
  for (auto& store : stores) {
    auto lane = std::make_unique<Lane>();
    lane->store = std::move(store);
    lanes_.push_back(std::move(lane));
  }
  for (auto& lane : lanes_) {
    Lane* l = lane.get();
    l->thread = std::thread([this, l] { run(*l); });
  }
}

Appender::~Appender() {
  stop();
}

std::optional<std::future<AppendResult>> Appender::submit(NewEntry entry) {
  Lane& lane = *lanes_[std::hash<std::string>()(entry.site) % lanes_.size()];
  Item item{std::move(entry), {}};
  std::future<AppendResult> future = item.done.get_future();
  {
    std::lock_guard<std::mutex> lock(lane.mutex);
    if (lane.stopping || lane.queue.size() >= options_.max_queue) return std::nullopt;
    lane.queue.push_back(std::move(item));
  }
  lane.ready.notify_one();
  return future;
}

void Appender::stop() {
  for (auto& lane : lanes_) {
    {
      std::lock_guard<std::mutex> lock(lane->mutex);
      lane->stopping = true;
    }
    lane->ready.notify_all();
  }
  for (auto& lane : lanes_) {
    if (lane->thread.joinable()) lane->thread.join();
  }
}

void Appender::run(Lane& lane) {
  std::vector<Item> batch;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(lane.mutex);
      lane.ready.wait(lock, [&] { return lane.stopping || !lane.queue.empty(); });
      if (lane.queue.empty()) return;  // stopping, and everything queued is written
      size_t n = std::min(lane.queue.size(), options_.max_batch);
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(lane.queue.front()));
        lane.queue.pop_front();
      }
    }
    write_batch(lane, batch);
    batch.clear();
  }
}

void Appender::write_batch(Lane& lane, std::vector<Item>& batch) {
  std::vector<const NewEntry*> entries;
  entries.reserve(batch.size());
  int64_t now = clock_.now_ms();
  for (Item& item : batch) {
    item.entry.received_at_ms = now;
    entries.push_back(&item.entry);
  }
  auto start = std::chrono::steady_clock::now();
  try {
    std::vector<AppendOutcome> outcomes = lane.store->append(entries, sign_);
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value({true, outcomes[i]});
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    logger_.debug("store.batch").num("receipts", static_cast<int64_t>(batch.size())).num("us", us);
  } catch (const std::exception& e) {
    logger_.error("store.append-failed")
        .str("store", lane.store->describe())
        .str("message", e.what())
        .num("receipts", static_cast<int64_t>(batch.size()));
    for (Item& item : batch) item.done.set_value({false, {}});
    // A failing database fails fast: pause so the next requests do not spin on it.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace cg::collector
