// The collector over HTTP, in-process on an ephemeral port, against both stores.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "ack/ack.h"
#include "both_stores.h"
#include "cg/json.h"
#include "cg/receipts/base64url.h"
#include "forge.h"
#include "log/chain.h"
#include "log/log_verifier.h"
#include "verify/verifier.h"

using namespace cg::collector;
using namespace cg::collector::testing;

namespace {

const std::string kSite = TestCollector::kSite;
const std::string kShop = TestCollector::kOtherSite;

std::string ack_of(const httplib::Result& res) {
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  cg::json::Document doc;
  REQUIRE(cg::json::parse(res->body, doc));
  REQUIRE(doc.IsObject());
  REQUIRE(doc.MemberCount() == 1);
  return std::string(cg::json::string_of(*cg::json::member(doc, "ack")));
}

// Status and error code of an error answer; checks the body's shape on the way.
std::pair<int, std::string> error_of(const httplib::Result& res) {
  REQUIRE(res);
  INFO(res->status << " " << res->body);
  CHECK(res->get_header_value("Content-Type") == "application/json");
  cg::json::Document doc;
  REQUIRE(cg::json::parse(res->body, doc));
  const auto* error = cg::json::member(doc, "error");
  REQUIRE(error);
  REQUIRE(cg::json::member(*error, "code"));
  REQUIRE(cg::json::member(*error, "message"));
  CHECK(error->MemberCount() == 2);
  for (const char* internal :
       {"sqlite", "SQLITE", "pqxx", "postgres", "exception", "std::", "/tmp"})
    CHECK(res->body.find(internal) == std::string::npos);
  return {res->status, std::string(cg::json::string_of(*cg::json::member(*error, "code")))};
}

std::shared_ptr<const Keyring> published_keys(const TestCollector& c) {
  auto res = c.client()->Get("/.well-known/consent-keys.json");
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "application/jwk-set+json");
  CHECK(res->get_header_value("Access-Control-Allow-Origin") == "*");
  std::string error;
  auto ring = Keyring::from_jwks(res->body, error);
  INFO(error);
  REQUIRE(ring);
  return ring;
}

// The body with one character of the part `part` (0 header, 1 payload, 2 signature) changed.
std::string tamper(std::string jws, int part) {
  size_t a = jws.find('.'), b = jws.find('.', a + 1);
  size_t at = part == 0 ? 5 : part == 1 ? a + 20 : b + 10;
  jws[at] = jws[at] == 'A' ? 'B' : 'A';
  return jws;
}

// A JWS signed by `v` over arbitrary header and payload text.
std::string sign_raw(const Visitor& v, const std::string& header, const std::string& payload) {
  std::string input =
      cg::receipts::b64url_encode(header) + "." + cg::receipts::b64url_encode(payload);
  std::string sig;
  REQUIRE(cg::verify::sign_es256(v.key.get(), input, sig));
  return input + "." + cg::receipts::b64url_encode(sig);
}

std::string payload_of(const std::string& jws) {
  size_t a = jws.find('.'), b = jws.find('.', a + 1);
  std::string out;
  REQUIRE(cg::receipts::b64url_decode(jws.substr(a + 1, b - a - 1), out));
  return out;
}

// A TCP connection to the collector on loopback.
int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

// Sends raw bytes and returns the raw response.
std::string raw_http(int port, const std::string& request) {
  int fd = connect_loopback(port);
  REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
    out.append(buffer, static_cast<size_t>(n));
    if (out.find("}}") != std::string::npos) break;
  }
  ::close(fd);
  return out;
}

void ack_and_idempotency(Backend backend) {
  TestCollector c(backend);
  Visitor v = new_visitor();
  std::string jws = signed_receipt(v, kSite);
  auto res = c.post(jws);
  std::string ack = ack_of(res);
  CHECK(res->get_header_value("Cache-Control") == "no-store");
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");

  // The ack checks out against the published keys and says what it acknowledges.
  auto keys = published_keys(c);
  AckClaims claims;
  Problem p = read_ack(ack, *keys, claims);
  INFO(p.message);
  REQUIRE_FALSE(p);
  CHECK(claims.site == kSite);
  CHECK(claims.receipt_hash == cg::receipts::jws_hash(jws));
  CHECK(claims.receipt_status == "valid");
  CHECK(claims.log_index == 1);
  CHECK(claims.log_head == genesis_head_text(kSite));
  CHECK(std::abs(claims.received_at_ms - system_clock().now_ms()) < 60000);

  // Re-posting (the guard retrying) returns the very same ack, in either body format.
  CHECK(ack_of(c.post(jws)) == ack);
  CHECK(ack_of(c.post("{\"jws\":\"" + jws + "\"}", "application/json")) == ack);
  CHECK(ack_of(c.post(jws + "\n", "text/plain;charset=UTF-8")) == ack);
  auto store = c.db().open();
  CHECK(store->head(kSite)->size == 1);
  CHECK(store->find(kSite, claims.jti)->receipt == jws);

  // The next receipt extends the log.
  std::string second = signed_receipt(v, kSite);
  AckClaims next;
  REQUIRE_FALSE(read_ack(ack_of(c.post(second)), *keys, next));
  CHECK(next.log_index == 2);
  CHECK(next.log_head == store->find(kSite, claims.jti)->head);

  // A different receipt reusing a stored jti is refused.
  Visitor other = new_visitor();
  CHECK(error_of(c.post(signed_receipt(other, kSite, claims.jti))) ==
        std::make_pair(409, std::string("receipt.jti-conflict")));

  // Unsigned receipts are stored, and marked so.
  std::string plain = unsigned_receipt(kShop);
  AckClaims u;
  REQUIRE_FALSE(read_ack(ack_of(c.post(plain)), *keys, u));
  CHECK(u.receipt_status == "unsigned");
  CHECK(u.site == kShop);
  CHECK(store->find(kShop, u.jti)->status == "unsigned");
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// {"jws": good, "k1": 0, ...}: a wrapper of `members` members.
std::string many_members(int members, const std::string& good) {
  std::string body = "{\"jws\":\"" + good + "\"";
  for (int i = 1; i < members; ++i) body += ",\"k" + std::to_string(i) + "\":0";
  return body + "}";
}

void bad_input(Backend backend) {
  TestCollector c(backend);
  Visitor v = new_visitor();
  std::string good = signed_receipt(v, kSite);
  std::string header = cg::receipts::protected_header(v.jwk), payload = payload_of(good);
  std::string dup_payload = "{\"aud\":\"https://evil.kz\"," + payload.substr(1);
  std::string foreign = signed_receipt(v, "https://other.kz");

  struct Case {
    const char* name;
    std::string type, body;
    int status;
    std::string code;  // "" = whatever the verifier says, checked below
    const char* prefix;
  } cases[] = {
      {"empty body", "application/jose", "", 400, "request.empty", ""},
      {"form post", "application/x-www-form-urlencoded", "jws=" + good, 415, "request.content-type",
       ""},
      {"JSON without jws", "application/json", "{\"receipt\":\"" + good + "\"}", 400,
       "request.json", ""},
      {"JSON truncated", "application/json", "{\"jws\":\"" + good, 400, "request.json", ""},
      // Once a crash (stack overflow in the parser), and once 371 ms of CPU a request.
      {"JSON nested 67,000 deep", "application/json", std::string(67000, '['), 400, "request.json",
       ""},
      {"JSON wrapper with 6,000 members", "application/json", many_members(6000, good), 400,
       "request.json", ""},
      {"one part", "application/jose", "hello", 422, "", "structure."},
      {"truncated JWS", "application/jose", good.substr(0, good.size() / 2), 422, "", "structure."},
      {"five parts (JWE)", "application/jose", "a.b.c.d.e", 422, "", "structure."},
      {"padding", "application/jose", good + "==", 422, "", "structure."},
      {"invalid UTF-8", "application/jose", "\xff\xfe." + good, 422, "", "structure."},
      {"header edited", "application/jose", tamper(good, 0), 422, "", ""},
      {"payload edited", "application/jose", tamper(good, 1), 422, "", ""},
      {"signature edited", "application/jose", tamper(good, 2), 422, "", "signature."},
      {"alg none with a signature", "application/jose",
       sign_raw(v, "{\"alg\":\"none\",\"typ\":\"consent-receipt+jwt\"}", payload), 422, "",
       "header."},
      {"HS256", "application/jose",
       cg::receipts::b64url_encode("{\"alg\":\"HS256\",\"typ\":\"consent-receipt+jwt\"}") + "." +
           cg::receipts::b64url_encode(payload) + ".c2lnbmF0dXJl",
       422, "", "header."},
      {"duplicate key in the payload", "application/jose", sign_raw(v, header, dup_payload), 422,
       "", "payload."},
      {"not a receipt payload", "application/jose", sign_raw(v, header, "{\"hello\":1}"), 422, "",
       "payload."},
      {"aud not served", "application/jose", foreign, 422, "payload.aud", ""},
      {"personal data in the header's jwk", "application/jose",
       sign_raw(v, replace_once(header, "\"jwk\":{", "\"jwk\":{\"email\":\"guest@example.kz\","),
                payload),
       422, "header.jwk-members", ""},
  };
  for (const Case& k : cases) {
    INFO(k.name);
    auto [status, code] = error_of(c.post(k.body, k.type));
    CHECK(status == k.status);
    if (!k.code.empty()) {
      CHECK(code == k.code);
    } else {
      // The collector passes on the verifier's precise code.
      std::string jws = k.body;
      CHECK(code == cg::verify::verify_receipt(jws, {}).code);
      CHECK(code.rfind(k.prefix, 0) == 0);
    }
  }
  // Wrong methods and paths.
  auto cl = c.client();
  CHECK(error_of(cl->Get("/receipts")) == std::make_pair(405, std::string("method-not-allowed")));
  CHECK(cl->Get("/receipts")->get_header_value("Allow") == "POST, OPTIONS");
  CHECK(error_of(cl->Put("/receipts", good, "application/jose")).first == 405);
  CHECK(error_of(cl->Get("/admin")) == std::make_pair(404, std::string("not-found")));
  CHECK(error_of(cl->Post("/healthz", "", "text/plain")).first == 405);
  // Not even HTTP.
  std::string raw = raw_http(c.port(), "HELLO THERE\r\n\r\n");
  CHECK(raw.rfind("HTTP/1.1 400", 0) == 0);
  CHECK(raw.find("{\"error\":{\"code\":\"request.malformed\"") != std::string::npos);
  // Nothing above was stored.
  CHECK(c.db().open()->head(kSite)->size == 0);
  // Every log line is one JSON object.
  for (const std::string& line : c.logs().lines) {
    cg::json::Document doc;
    INFO(line);
    CHECK(cg::json::parse(line.substr(0, line.size() - 1), doc));
  }
}

void size_limit(Backend backend) {
  TestCollector c(backend, [](Config& config) { config.max_body = 8192; });
  Visitor v = new_visitor();
  std::string good = signed_receipt(v, kSite);
  REQUIRE(good.size() < 8192);
  ack_of(c.post(good));
  CHECK(error_of(c.post(good + std::string(9000, 'A'))) ==
        std::make_pair(413, std::string("request.too-large")));
  CHECK(
      error_of(c.post("{\"jws\":\"" + std::string(20000, 'A') + "\"}", "application/json")).first ==
      413);
  ack_of(c.post(signed_receipt(v, kSite)));  // and it still works afterwards
}

void cors(Backend backend) {
  TestCollector c(backend);
  auto cl = c.client();
  httplib::Headers preflight = {{"Origin", kSite},
                                {"Access-Control-Request-Method", "POST"},
                                {"Access-Control-Request-Headers", "content-type"}};
  auto ok = cl->Options("/receipts", preflight);
  REQUIRE(ok);
  CHECK(ok->status == 204);
  CHECK(ok->get_header_value("Access-Control-Allow-Origin") == kSite);
  CHECK(ok->get_header_value("Access-Control-Allow-Methods") == "POST");
  CHECK(ok->get_header_value("Access-Control-Allow-Headers") == "Content-Type");
  CHECK(ok->get_header_value("Vary") == "Origin");

  httplib::Headers evil = {{"Origin", "https://evil.kz"},
                           {"Access-Control-Request-Method", "POST"}};
  auto bad = cl->Options("/receipts", evil);
  CHECK(error_of(bad) == std::make_pair(403, std::string("cors.origin")));
  CHECK_FALSE(bad->has_header("Access-Control-Allow-Origin"));
  httplib::Headers extra = preflight;
  extra.erase("Access-Control-Request-Headers");
  extra.emplace("Access-Control-Request-Headers", "content-type, authorization");
  CHECK(error_of(cl->Options("/receipts", extra)).second == "cors.headers");

  Visitor v = new_visitor();
  auto posted = c.post(signed_receipt(v, kSite), "text/plain", {{"Origin", kSite}});
  ack_of(posted);
  CHECK(posted->get_header_value("Access-Control-Allow-Origin") == kSite);
  auto refused = c.post(signed_receipt(v, kSite), "text/plain", {{"Origin", "https://evil.kz"}});
  CHECK(error_of(refused) == std::make_pair(403, std::string("cors.origin")));
  CHECK_FALSE(refused->has_header("Access-Control-Allow-Origin"));
  // A configured origin posting another site's receipt.
  CHECK(error_of(c.post(signed_receipt(v, kSite), "text/plain", {{"Origin", kShop}})) ==
        std::make_pair(403, std::string("receipt.origin")));
  // The JWKS is public to every origin; health needs no CORS.
  CHECK(cl->Get("/.well-known/consent-keys.json", {{"Origin", "https://evil.kz"}})
            ->get_header_value("Access-Control-Allow-Origin") == "*");
  auto health = cl->Get("/healthz");
  CHECK(health->status == 200);
  CHECK(health->body == "{\"status\":\"ok\"}");
}

void rate_limit(Backend backend) {
  SECTION("directly on the internet: per peer address, X-Forwarded-For ignored") {
    TestCollector c(backend, [](Config& config) {
      config.rate = 0.05;
      config.burst = 3;
    });
    Visitor v = new_visitor();
    for (int i = 0; i < 3; ++i) ack_of(c.post(signed_receipt(v, kSite)));
    auto limited =
        c.post(signed_receipt(v, kSite), "application/jose", {{"X-Forwarded-For", "198.51.100.1"}});
    CHECK(error_of(limited) == std::make_pair(429, std::string("rate-limited")));
    CHECK(std::stoi(limited->get_header_value("Retry-After")) >= 1);
  }
  SECTION("behind a trusted proxy: per forwarded client address") {
    TestCollector c(backend, [](Config& config) {
      config.rate = 0.05;
      config.burst = 2;
      config.trusted_proxies = {"127.0.0.1"};
    });
    Visitor v = new_visitor();
    httplib::Headers a = {{"X-Forwarded-For", "198.51.100.1"}};
    httplib::Headers b = {{"X-Forwarded-For", "203.0.113.5, 198.51.100.2"}};
    ack_of(c.post(signed_receipt(v, kSite), "application/jose", a));
    ack_of(c.post(signed_receipt(v, kSite), "application/jose", a));
    CHECK(error_of(c.post(signed_receipt(v, kSite), "application/jose", a)).first == 429);
    ack_of(c.post(signed_receipt(v, kSite), "application/jose", b));
  }
}

void client_addresses(Backend backend) {
  SECTION("not stored or logged by default") {
    TestCollector c(backend);
    Visitor v = new_visitor();
    std::string jws = signed_receipt(v, kSite);
    ack_of(c.post(jws));
    auto e = c.db().open()->find(kSite, cg::verify::verify_receipt(jws, {}).receipt.jti);
    REQUIRE(e);
    CHECK(e->client_ip.empty());
    CHECK(c.logs().all().find("\"client\"") == std::string::npos);
  }
  SECTION("stored and logged when the operator turns it on") {
    TestCollector c(backend, [](Config& config) { config.store_client_ip = true; });
    Visitor v = new_visitor();
    std::string jws = signed_receipt(v, kSite);
    ack_of(c.post(jws));
    auto e = c.db().open()->find(kSite, cg::verify::verify_receipt(jws, {}).receipt.jti);
    CHECK(e->client_ip == "127.0.0.1");
    CHECK(c.logs().all().find("\"client\":\"127.0.0.1\"") != std::string::npos);
  }
}

void rotation_and_checkpoints(Backend backend) {
  TestCollector c(backend);
  Visitor v = new_visitor();
  std::string first_ack = ack_of(c.post(signed_receipt(v, kSite)));
  std::string old_kid = c.keys()->keys()[0].kid;
  std::string new_kid, error;
  REQUIRE(Keyring::rotate(c.config().key_dir, system_clock().now_s(), 60, new_kid, error));
  // The running collector picks the new key up by itself.
  std::string ack;
  for (int i = 0; i < 100; ++i) {
    ack = ack_of(c.post(signed_receipt(v, kSite)));
    JwsParts parts;
    REQUIRE_FALSE(split_operator_jws(ack, kAckType, "ack", parts));
    if (parts.kid == new_kid) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  auto keys = published_keys(c);
  REQUIRE(keys->keys().size() == 2);
  CHECK(keys->find(old_kid)->exp > 0);
  CHECK(keys->find(new_kid)->exp == 0);
  AckClaims a, b;
  CHECK_FALSE(read_ack(first_ack, *keys, a));  // old acks still check out
  REQUIRE_FALSE(read_ack(ack, *keys, b));
  JwsParts parts;
  split_operator_jws(ack, kAckType, "ack", parts);
  CHECK(parts.kid == new_kid);

  // serve checkpointed both (empty) logs when it started; the next is due in a day.
  CHECK(c.service().checkpoint_due() == 0);
  auto store = c.db().open();
  auto cps = store->checkpoints(kSite);
  REQUIRE(cps.size() == 1);
  CHECK(cps[0].size == 0);
  CHECK(store->checkpoints(kShop).size() == 1);
  LogReport report = verify_log(*store, *keys, {});
  INFO(format_log_report(report));
  CHECK(report.ok());
}

void parallel_clients(Backend backend) {
  TestCollector c(backend);
  constexpr int kThreads = 8, kEach = 25;
  std::atomic<int> acked{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Visitor v = new_visitor();
      auto cl = c.client();
      for (int i = 0; i < kEach; ++i) {
        auto res =
            cl->Post("/receipts", signed_receipt(v, t % 2 ? kSite : kShop), "application/jose");
        if (res && res->status == 200) ++acked;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(acked == kThreads * kEach);
  auto store = c.db().open();
  CHECK(store->head(kSite)->size + store->head(kShop)->size == kThreads * kEach);
  LogReport report = verify_log(*store, *c.keys(), {});
  INFO(format_log_report(report));
  CHECK(report.ok());
}

}  // namespace

// 100 clients sending their headers a byte at a time and 100 that connect and say nothing
// (with a fixed pool of workers they once held /healthz for 29 s): a well-behaved client is
// answered every time meanwhile. Its latency is a figure for bench/collector_slow_clients.mjs.
void slow_clients(Backend backend) {
  TestCollector c(backend, [](Config& config) { config.threads = Config{}.threads; });
  std::vector<int> slow, idle;
  for (int i = 0; i < 100; ++i) slow.push_back(connect_loopback(c.port()));
  for (int i = 0; i < 100; ++i) idle.push_back(connect_loopback(c.port()));
  const std::string head =
      "POST /receipts HTTP/1.1\r\nHost: namo.kz\r\nContent-Type: application/jose\r\n";
  std::atomic<bool> done{false};
  std::thread dribble([&] {
    for (size_t i = 0; i < head.size() && !done; ++i) {
      for (int fd : slow) ::send(fd, &head[i], 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  auto cl = c.client();
  cl->set_read_timeout(5, 0);
  for (int i = 0; i < 50; ++i) {
    auto res = cl->Get("/healthz");
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  done = true;
  dribble.join();
  for (int fd : slow) ::close(fd);
  for (int fd : idle) ::close(fd);
}

CG_BOTH_STORES("server: ack verifiable with the JWKS, re-posts get the same ack", "[server]",
               ack_and_idempotency)
CG_BOTH_STORES("server: bad input gets the right 4xx and a JSON error", "[server]", bad_input)
CG_BOTH_STORES("server: request size limit", "[server]", size_limit)
CG_BOTH_STORES("server: CORS limited to the configured sites", "[server]", cors)
CG_BOTH_STORES("server: rate limit per client address", "[server]", rate_limit)
CG_BOTH_STORES("server: client addresses only when turned on", "[server]", client_addresses)
CG_BOTH_STORES("server: key rotation while serving, and checkpoints", "[server]",
               rotation_and_checkpoints)
CG_BOTH_STORES("server: parallel clients", "[server]", parallel_clients)
CG_BOTH_STORES("server: slow and idle clients cannot starve the others", "[server]", slow_clients)
