#include "harness.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <pqxx/pqxx>

#include "common/clock.h"

namespace cg::collector::testing {

const char* backend_name(Backend b) {
  return b == Backend::sqlite ? "sqlite" : "pg";
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/cg-collector-test.XXXXXX";
  const char* made = ::mkdtemp(tmpl);
  if (!made) throw std::runtime_error("mkdtemp failed");
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string pg_admin_conninfo() {
  const char* state = std::getenv("CG_TEST_PG_STATE");
  INFO("PostgreSQL tests need the ctest fixture (CG_TEST_PG_STATE names its state file)");
  REQUIRE(state != nullptr);
  std::ifstream in(state);
  std::string dir;
  int port = 0;
  in >> dir >> port;
  INFO("the PostgreSQL fixture did not start (state file " << state << ")");
  REQUIRE(port > 0);
  return "host=127.0.0.1 port=" + std::to_string(port) + " user=postgres dbname=postgres";
}

TestDb::TestDb(Backend backend) : backend_(backend) {
  if (backend == Backend::sqlite) {
    url_ = dir_.file("collector.db");
    return;
  }
  static std::atomic<int> counter{0};
  name_ = "cgt_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  std::string admin = pg_admin_conninfo();
  pqxx::connection c(admin);
  pqxx::nontransaction tx(c);
  tx.exec("DROP DATABASE IF EXISTS " + name_);
  tx.exec("CREATE DATABASE " + name_);
  url_ = admin.substr(0, admin.rfind("dbname=")) + "dbname=" + name_;
}

TestDb::~TestDb() {
  if (backend_ != Backend::pg) return;
  try {
    pqxx::connection c(pg_admin_conninfo());
    pqxx::nontransaction tx(c);
    tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
  }
}

void TestDb::exec_raw(const std::string& sql) const {
  if (backend_ == Backend::pg) {
    pqxx::connection c(url_);
    pqxx::nontransaction tx(c);
    tx.exec(sql);
    return;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(url_.c_str(), &db) != SQLITE_OK) throw std::runtime_error("sqlite3_open");
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error(sql + ": " + message);
}

std::string LogCapture::all() {
  std::lock_guard<std::mutex> lock(mutex);
  std::string out;
  for (const auto& line : lines) out += line;
  return out;
}

TestCollector::TestCollector(Backend backend, const std::function<void(Config&)>& adjust)
    : db_(backend) {
  config_.sites = {kSite, kOtherSite};
  config_.database = db_.url();
  config_.key_dir = keys_dir_.file("keys");
  config_.listen = "127.0.0.1:0";
  config_.threads = 16;
  config_.rate = 0;  // tests that need limits turn them on
  if (adjust) adjust(config_);
  resolve_defaults(config_);
  std::string kid, error;
  INFO(error);
  REQUIRE(Keyring::create(config_.key_dir, system_clock().now_s() - 5, kid, error));
  start();
}

TestCollector::~TestCollector() {
  stop();
}

void TestCollector::start() {
  std::string error;
  service_ = Service::start(config_, logs_.logger, system_clock(), error);
  INFO(error);
  REQUIRE(service_);
  Service* s = service_.get();
  thread_ = std::thread([s] { s->run(); });
  for (int i = 0; i < 200; ++i) {  // until it answers
    if (auto res = client()->Get("/healthz"); res && res->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("the collector did not come up");
}

void TestCollector::stop() {
  if (!service_) return;
  service_->stop();
  if (thread_.joinable()) thread_.join();
  service_.reset();
}

std::unique_ptr<httplib::Client> TestCollector::client() const {
  auto c = std::make_unique<httplib::Client>("127.0.0.1", service_->port());
  c->set_read_timeout(20, 0);
  return c;
}

httplib::Result TestCollector::post(const std::string& body, const std::string& type,
                                    const httplib::Headers& headers) const {
  return client()->Post("/receipts", headers, body, type.c_str());
}

std::shared_ptr<const Keyring> TestCollector::keys() const {
  std::string error;
  auto ring = Keyring::load(config_.key_dir, false, error);
  REQUIRE(ring);
  return ring;
}

}  // namespace cg::collector::testing
