// Test harness for the collector: temporary folders, a fresh database per test on either
// store (SQLite file, or a new database on the PostgreSQL server the ctest fixture started),
// and an in-process collector on an ephemeral port.
#pragma once

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/logger.h"
#include "config/config.h"
#include "keys/keyring.h"
#include "serve/service.h"
#include "store/store.h"

namespace cg::collector::testing {

enum class Backend { sqlite, pg };
const char* backend_name(Backend b);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The PostgreSQL server of the ctest fixture: its admin connection string, from the state
// file named by $CG_TEST_PG_STATE. Fails the calling test when there is none: a PostgreSQL
// test must never pass without PostgreSQL.
std::string pg_admin_conninfo();

// A fresh, empty database, dropped again at the end.
class TestDb {
 public:
  explicit TestDb(Backend backend);
  ~TestDb();
  const std::string& url() const { return url_; }
  Backend backend() const { return backend_; }
  // Runs SQL directly, behind the collector's back (tamper tests). Throws on failure.
  void exec_raw(const std::string& sql) const;
  std::unique_ptr<Store> open() const { return open_store(url_); }

 private:
  Backend backend_;
  TempDir dir_;
  std::string url_, name_;
};

// Records log lines for assertions.
struct LogCapture {
  std::mutex mutex;
  std::vector<std::string> lines;
  Logger logger{Level::debug, [this](std::string_view line) {
                  std::lock_guard<std::mutex> lock(mutex);
                  lines.emplace_back(line);
                }};
  std::string all();
};

// An initialised collector (keys + database) served in-process on 127.0.0.1:<any port>.
class TestCollector {
 public:
  static constexpr const char* kSite = "https://namo.kz";
  static constexpr const char* kOtherSite = "https://shop.namo.kz";

  // `adjust` may change the config before the service starts (rate limits, sizes...).
  explicit TestCollector(Backend backend, const std::function<void(Config&)>& adjust = nullptr);
  ~TestCollector();

  void start();
  void stop();
  int port() const { return service_->port(); }
  std::unique_ptr<httplib::Client> client() const;
  httplib::Result post(const std::string& body, const std::string& type = "application/jose",
                       const httplib::Headers& headers = {}) const;
  std::shared_ptr<const Keyring> keys() const;
  Service& service() { return *service_; }
  const Config& config() const { return config_; }
  const TestDb& db() const { return db_; }
  LogCapture& logs() { return logs_; }

 private:
  TestDb db_;
  TempDir keys_dir_;
  Config config_;
  LogCapture logs_;
  std::unique_ptr<Service> service_;
  std::thread thread_;
};

}  // namespace cg::collector::testing
