#include "serve/service.h"

#include <chrono>

#include "ack/ack.h"
#include "common/private_files.h"

namespace cg::collector {

Service::Service(const Config& config, const Logger& logger, const Clock& clock)
    : config_(config), logger_(logger), clock_(clock) {}

std::unique_ptr<Service> Service::start(const Config& config, const Logger& logger,
                                        const Clock& clock, std::string& error) {
  if (config.sites.empty()) {
    error = "no sites configured (--site https://example.kz)";
    return nullptr;
  }
  if (!check_sites(config.sites, error)) return nullptr;
  std::vector<std::string> exposed =
      exposed_files(config.key_dir, config.data_dir, sqlite_file(config.database));
  if (!exposed.empty()) {
    error = "refusing to start with files other users can reach:";
    for (const std::string& line : exposed) error += "\n  " + line;
    return nullptr;
  }
  std::unique_ptr<Service> service(new Service(config, logger, clock));
  if (!service->open(error)) return nullptr;
  return service;
}

bool Service::open(std::string& error) {
  auto ring = Keyring::load(config_.key_dir, true, error);
  if (!ring) {
    error = "keys: " + error + " (run init first)";
    return false;
  }
  keys_ = std::make_unique<KeySource>(config_.key_dir, ring);
  bool sqlite = database_kind(config_.database) == DatabaseKind::sqlite;
  int lanes = sqlite ? 1 : std::max(1, config_.writers);
  std::vector<std::unique_ptr<Store>> stores;
  try {
    reader_ = open_store(config_.database);
    reader_->ensure_sites(config_.sites);
    for (int i = 0; i < lanes; ++i) stores.push_back(open_store(config_.database));
  } catch (const StoreError& e) {
    error = std::string("database: ") + e.what();
    return false;
  }
  KeySource* keys = keys_.get();
  AckSigner sign = [keys](const NewEntry& e, int64_t index, const std::string& prev_head) {
    auto ring = keys->current();  // holds the keyring alive while signing
    return make_ack(*ring->active(),
                    {e.site, e.jti, e.receipt_hash, e.status, e.received_at_ms, index, prev_head});
  };
  appender_ = std::make_unique<Appender>(std::move(stores), std::move(sign), Appender::Options{},
                                         clock_, logger_);
  intake_ =
      std::make_unique<Intake>(IntakeOptions{config_.sites, config_.store_client_ip}, *appender_);
  HttpOptions http;
  if (!split_listen(config_.listen, http.host, http.port)) {
    error = "bad listen address " + config_.listen;
    return false;
  }
  http.threads = config_.threads;
  http.max_body = config_.max_body;
  http.rate = config_.rate;
  http.burst = config_.burst;
  http.trusted_proxies = config_.trusted_proxies;
  http.log_client_ip = config_.store_client_ip;
  http_ = std::make_unique<HttpServer>(
      http, *intake_, *keys_, [this] { return healthy(); }, logger_, clock_);
  schedule_ = std::make_unique<CheckpointSchedule>(*reader_, *keys_, config_.sites,
                                                   config_.checkpoint_every_s,
                                                   config_.checkpoint_file, logger_);
  return http_->bind(error);
}

Service::~Service() {
  stop();
  if (maintenance_.joinable()) maintenance_.join();
}

bool Service::healthy() {
  std::lock_guard<std::mutex> lock(reader_mutex_);
  return reader_->ping();
}

int Service::checkpoint_due() {
  std::lock_guard<std::mutex> lock(reader_mutex_);
  return schedule_->run(clock_.now_s());
}

void Service::maintain() {
  int64_t last_schedule = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    std::string error;
    if (!keys_->reload_if_changed(error)) logger_.error("keys.reload-failed").str("message", error);
    int64_t now = clock_.now_s();
    if (now - last_schedule >= std::min<int64_t>(60, config_.checkpoint_every_s)) {
      last_schedule = now;
      checkpoint_due();
    }
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
  }
}

void Service::run() {
  // Every log due a checkpoint gets it before the first receipt is taken, so that a fresh
  // log's first checkpoint is of the log as it was when serving began.
  checkpoint_due();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    running_ = true;
    maintenance_ = std::thread([this] { maintain(); });
  }
  logger_.info("serve.start")
      .str("listen", config_.listen)
      .num("port", port())
      .str("store", reader_->describe())
      .str("kid", keys_->current()->active()->kid())
      .num("sites", static_cast<int64_t>(config_.sites.size()));
  http_->run();
  appender_->stop();  // the HTTP threads are done: write out anything still queued
  logger_.info("serve.stop");
}

void Service::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (!http_) return;
  // run() may not be listening yet; httplib's stop() only acts on a running server.
  for (int i = 0; i < 2000 && running_ && !http_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  http_->stop();
}

}  // namespace cg::collector
