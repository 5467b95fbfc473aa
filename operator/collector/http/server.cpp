#include "http/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>

#include "http/client_address.h"
#include "http/cors.h"
#include "http/elastic_pool.h"

namespace cg::collector {
namespace {

constexpr char kJson[] = "application/json";

void add_headers(httplib::Response& res, const HeaderList& headers) {
  for (const auto& [name, value] : headers) res.set_header(name, value);
}

void send_error(httplib::Response& res, int status, std::string_view code,
                std::string_view message) {
  res.status = status;
  res.set_content(error_body(code, message), kJson);
}

// The error a status gets when nothing more specific was said (httplib's own refusals).
void default_error(httplib::Response& res) {
  switch (res.status) {
    case 400: return send_error(res, 400, "request.malformed", "the request is not valid HTTP");
    case 404: return send_error(res, 404, "not-found", "no such resource");
    case 405: return send_error(res, 405, "method-not-allowed", "method not allowed here");
    case 413: return send_error(res, 413, "request.too-large", "the request body is too large");
    case 414: return send_error(res, 414, "request.uri-too-long", "the request URI is too long");
    default:
      return send_error(res, res.status, res.status >= 500 ? "internal" : "request.refused",
                        res.status >= 500 ? "internal error" : "request refused");
  }
}

int64_t elapsed_us(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

}  // namespace

HttpServer::HttpServer(HttpOptions options, Intake& intake, KeySource& keys,
                       std::function<bool()> healthy, const Logger& logger, const Clock& clock)
    : options_(std::move(options)),
      intake_(intake),
      keys_(keys),
      healthy_(std::move(healthy)),
      logger_(logger),
      limiter_(options_.rate, options_.burst, clock),
      server_(std::make_unique<httplib::Server>()) {
  routes();
}

HttpServer::~HttpServer() = default;

void HttpServer::routes() {
  httplib::Server& s = *server_;
  int threads = options_.threads;
  s.new_task_queue = [threads] { return new ElasticPool(static_cast<size_t>(threads)); };
  // cpp-httplib's own options (both reuse flags, for several processes on one port), and the
  // listening socket, whose backlog bind() raises from cpp-httplib's compiled-in 5.
  s.set_socket_options([this](int fd) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    listen_fd_ = fd;
  });
  s.set_payload_max_length(options_.max_body);
  s.set_tcp_nodelay(true);  // an ack is one small write: never hold it back for Nagle
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(5);
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

  s.Post("/receipts", [this](const httplib::Request& req, httplib::Response& res) {
    auto start = std::chrono::steady_clock::now();
    std::string origin = req.get_header_value("Origin");
    std::string client = client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"),
                                        options_.trusted_proxies);
    res.set_header("Cache-Control", "no-store");
    CorsCheck cors = cors_simple(intake_.sites(), origin);
    add_headers(res, cors.headers);
    IntakeReply reply;
    int retry = 0;
    if (!limiter_.allow(client, retry)) {
      reply.status = 429;
      reply.code = "rate-limited";
      reply.body = error_body(reply.code, "too many requests from this address; slow down");
      reply.retry_after_s = retry;
    } else if (!cors.ok) {
      reply.status = 403;
      reply.code = cors.code;
      reply.body = error_body(cors.code, cors.message);
    } else {
      reply = intake_.receive(req.get_header_value("Content-Type"), req.body, origin, client);
    }
    res.status = reply.status;
    if (reply.retry_after_s > 0) res.set_header("Retry-After", std::to_string(reply.retry_after_s));
    res.set_content(reply.body, kJson);
    auto line = logger_.at(reply.status == 200 ? Level::info : Level::warn, "http.receipt");
    line.num("status", reply.status).num("us", elapsed_us(start));
    if (!reply.code.empty()) line.str("code", reply.code);
    if (!reply.site.empty()) line.str("site", reply.site).num("index", reply.index);
    if (reply.duplicate) line.flag("duplicate", true);
    if (reply.unsigned_) line.flag("unsigned", true);
    if (options_.log_client_ip) line.str("client", client);
  });

  s.Options("/receipts", [this](const httplib::Request& req, httplib::Response& res) {
    CorsCheck cors = cors_preflight(intake_.sites(), req.get_header_value("Origin"),
                                    req.get_header_value("Access-Control-Request-Method"),
                                    req.get_header_value("Access-Control-Request-Headers"));
    add_headers(res, cors.headers);
    if (!cors.ok) {
      send_error(res, 403, cors.code, cors.message);
      logger_.warn("http.preflight").num("status", 403).str("code", cors.code);
      return;
    }
    res.status = 204;
  });

  s.Get("/.well-known/consent-keys.json", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Access-Control-Allow-Origin", "*");  // public keys: anyone may check acks
    res.set_header("Cache-Control", "public, max-age=300");
    res.set_content(keys_.current()->jwks(), "application/jwk-set+json");
  });

  s.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (healthy_()) {
      res.set_content("{\"status\":\"ok\"}", kJson);
      return;
    }
    send_error(res, 503, "unhealthy", "the database does not answer");
  });

  auto not_allowed = [](const char* allow) {
    return [allow](const httplib::Request&, httplib::Response& res) {
      res.set_header("Allow", allow);
      send_error(res, 405, "method-not-allowed", std::string("use ") + allow);
    };
  };
  s.Get("/receipts", not_allowed("POST, OPTIONS"));
  s.Put("/receipts", not_allowed("POST, OPTIONS"));
  s.Delete("/receipts", not_allowed("POST, OPTIONS"));
  s.Patch("/receipts", not_allowed("POST, OPTIONS"));
  s.Post("/healthz", not_allowed("GET"));
  s.Post("/.well-known/consent-keys.json", not_allowed("GET"));

  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) default_error(res);
  });
  s.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        logger_.error("http.exception").str("path", req.path).str("message", what);
        send_error(res, 500, "internal", "internal error");
      });
}

bool HttpServer::bind(std::string& error) {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
  } else {
    port_ = server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    error = "cannot listen on " + options_.host + ":" + std::to_string(options_.port);
    return false;
  }
  // A burst of connections waits in the kernel instead of being refused (with 5, 256 at once
  // gave 367 queue overflows and 62 resets).
  if (listen_fd_ >= 0) ::listen(listen_fd_, kListenBacklog);
  return true;
}

void HttpServer::run() {
  server_->listen_after_bind();
}

bool HttpServer::is_running() const {
  return server_->is_running();
}

void HttpServer::stop() {
  server_->stop();
}

}  // namespace cg::collector
