// The collector's HTTP face, on cpp-httplib:
//   POST    /receipts                        a receipt in, an ack out (ingest/intake.h)
//   OPTIONS /receipts                        CORS preflight (http/cors.h)
//   GET     /.well-known/consent-keys.json   the operator's public keys (JWKS with windows)
//   GET     /healthz                         200 {"status":"ok"} when the database answers
// Every error is {"error": {"code", "message"}} with a fitting status; nothing internal
// (exception texts, database messages) reaches a client: those go to the log.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/logger.h"
#include "http/rate_limiter.h"
#include "ingest/intake.h"
#include "keys/keyring.h"

namespace httplib {
class Server;
}

namespace cg::collector {

constexpr int kListenBacklog = 1024;

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8787;    // 0: any free port (tests)
  int threads = 512;  // most connections served at once: a worker each, started as needed
  size_t max_body = 66 * 1024;
  double rate = 50;  // requests per second per client address; 0 = no limit
  double burst = 100;
  std::vector<std::string> trusted_proxies;
  bool log_client_ip = false;
};

class HttpServer {
 public:
  HttpServer(HttpOptions options, Intake& intake, KeySource& keys, std::function<bool()> healthy,
             const Logger& logger, const Clock& clock);
  ~HttpServer();

  // Binds the listening socket; false with a message on failure. port() is known after.
  bool bind(std::string& error);
  int port() const { return port_; }
  // Serves until stop(), from the calling thread.
  void run();
  bool is_running() const;
  void stop();

 private:
  void routes();

  HttpOptions options_;
  Intake& intake_;
  KeySource& keys_;
  std::function<bool()> healthy_;
  const Logger& logger_;
  RateLimiter limiter_;
  int listen_fd_ = -1;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

}  // namespace cg::collector
