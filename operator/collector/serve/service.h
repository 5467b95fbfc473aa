// `serve`, assembled: keys (reloaded after rotate-key), the store connections (one per
// writer lane, one for reads), the group-commit appender, the intake, the HTTP server,
// and a maintenance thread for key reloads and the checkpoint schedule. Tests run it
// in-process on port 0.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/logger.h"
#include "config/config.h"
#include "http/server.h"
#include "ingest/appender.h"
#include "ingest/intake.h"
#include "keys/keyring.h"
#include "log/checkpointing.h"
#include "store/store.h"

namespace cg::collector {

class Service {
 public:
  // Loads the keys, opens the database, binds the port. Null with a message on failure.
  // `config` must have its defaults resolved and at least one site.
  static std::unique_ptr<Service> start(const Config& config, const Logger& logger,
                                        const Clock& clock, std::string& error);
  ~Service();

  int port() const { return http_->port(); }
  // Serves until stop(); then lets the writers finish what they hold, and returns.
  void run();
  // Thread-safe; may come before, during or after run().
  void stop();
  // Runs the checkpoint schedule now (tests; serve does it periodically).
  int checkpoint_due();

 private:
  Service(const Config& config, const Logger& logger, const Clock& clock);
  bool open(std::string& error);
  void maintain();
  bool healthy();

  Config config_;
  const Logger& logger_;
  const Clock& clock_;
  std::unique_ptr<KeySource> keys_;
  std::mutex reader_mutex_;
  std::unique_ptr<Store> reader_;  // health checks and checkpoints
  std::unique_ptr<Appender> appender_;
  std::unique_ptr<Intake> intake_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<CheckpointSchedule> schedule_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<bool> running_{false};
  std::thread maintenance_;
};

}  // namespace cg::collector
