// The HTTP-facing parts on their own: request bodies, CORS, client addresses, rate limits,
// and the configuration.
#include <catch2/catch.hpp>

#include "common/files.h"
#include "config/config.h"
#include "harness.h"
#include "http/client_address.h"
#include "http/cors.h"
#include "http/rate_limiter.h"
#include "ingest/request_body.h"

using namespace cg::collector;

TEST_CASE("request body: JWS as text, or {\"jws\"} as JSON, nothing else", "[collector][body]") {
  std::string jws;
  CHECK(extract_jws("application/jose", "a.b.c", jws).status == 0);
  CHECK(jws == "a.b.c");
  CHECK(extract_jws("text/plain;charset=UTF-8", "a.b.c\r\n", jws).status == 0);
  CHECK(jws == "a.b.c");
  CHECK(extract_jws(" Application/JSON ; charset=utf-8", "{\"jws\":\"x.y.z\"}", jws).status == 0);
  CHECK(jws == "x.y.z");

  struct Bad {
    const char* type;
    const char* body;
    int status;
    const char* code;
  } cases[] = {
      {"application/x-www-form-urlencoded", "jws=a.b.c", 415, "request.content-type"},
      {"", "a.b.c", 415, "request.content-type"},
      {"application/jose", "", 400, "request.empty"},
      {"application/jose", "\n", 400, "request.empty"},
      {"application/json", "[\"a.b.c\"]", 400, "request.json"},
      {"application/json", "{\"jws\":1}", 400, "request.json"},
      {"application/json", "{\"jws\":\"a\",\"jws\":\"b\"}", 400, "request.json"},
      {"application/json", "{\"jws\":\"a.b.c\",\"extra\":true}", 400, "request.json"},
      {"application/json", "{\"jws\":\"a.b.c\"", 400, "request.json"},
      {"application/json", "{\"jws\":\"\"}", 400, "request.empty"},
      {"application/json", "{\"jws\":\"\\ud800\"}", 400, "request.json"},
  };
  for (const Bad& c : cases) {
    INFO(c.type << " | " << c.body);
    BodyProblem p = extract_jws(c.type, c.body, jws);
    CHECK(p.status == c.status);
    CHECK(p.code == c.code);
  }
}

TEST_CASE("cors: only the configured origins, only POST with Content-Type", "[collector][cors]") {
  std::vector<std::string> sites = {"https://namo.kz"};
  CHECK(cors_simple(sites, "").ok);
  CHECK(cors_simple(sites, "").headers.empty());
  CorsCheck ok = cors_simple(sites, "https://namo.kz");
  CHECK(ok.ok);
  CHECK(ok.headers[0] ==
        std::make_pair(std::string("Access-Control-Allow-Origin"), std::string("https://namo.kz")));
  CHECK(cors_simple(sites, "https://evil.kz").code == "cors.origin");
  CHECK(cors_simple(sites, "https://namo.kz.evil.kz").code == "cors.origin");
  CHECK(cors_simple(sites, "null").code == "cors.origin");

  CorsCheck pre = cors_preflight(sites, "https://namo.kz", "POST", "content-type");
  CHECK(pre.ok);
  CHECK(pre.headers.size() == 5);
  CHECK(cors_preflight(sites, "https://namo.kz", "POST", "").ok);
  CHECK(cors_preflight(sites, "https://namo.kz", "POST", "Content-Type, X-Evil").code ==
        "cors.headers");
  CHECK(cors_preflight(sites, "https://namo.kz", "PUT", "").code == "cors.method");
  CHECK(cors_preflight(sites, "https://evil.kz", "POST", "").code == "cors.origin");
  CHECK(cors_preflight(sites, "", "POST", "").code == "cors.origin");
}

TEST_CASE("client address: X-Forwarded-For only from trusted proxies", "[collector][ratelimit]") {
  std::vector<std::string> proxies = {"127.0.0.1"};
  CHECK(client_address("203.0.113.9", "1.2.3.4", proxies) == "203.0.113.9");
  CHECK(client_address("127.0.0.1", "198.51.100.7", proxies) == "198.51.100.7");
  // The client wrote the left part; the proxy appended the real address.
  CHECK(client_address("127.0.0.1", "6.6.6.6, 198.51.100.7", proxies) == "198.51.100.7");
  CHECK(client_address("127.0.0.1", "198.51.100.7, 127.0.0.1", proxies) == "198.51.100.7");
  CHECK(client_address("127.0.0.1", "", proxies) == "127.0.0.1");
  CHECK(client_address("127.0.0.1", "1.2.3.4", {}) == "127.0.0.1");
}

TEST_CASE("client address: only an IP address is taken from X-Forwarded-For, in one spelling",
          "[collector][ratelimit]") {
  std::vector<std::string> proxies = {"127.0.0.1"};
  // Stored and logged with store-client-ip: never markup, SQL or bidi controls.
  for (const char* forged : {"<script>alert(1)</script>", "1.2.3.4'); DROP TABLE cg_entries;--",
                             "\u202e4.3.2.1", "1.2.3.4:8080", "01.02.03.04", "example.kz",
                             "1.2.3.4.5", "", " ", "::ffff:1.2.3.4:80", "fe80::1%eth0"}) {
    INFO(forged);
    CHECK(client_address("127.0.0.1", forged, proxies) == "127.0.0.1");
  }
  CHECK(client_address("127.0.0.1", "2001:DB8:0:0::1", proxies) == "2001:db8::1");
  CHECK(client_address("127.0.0.1", " 198.51.100.7 ", proxies) == "198.51.100.7");
}

TEST_CASE("rate limiter: token bucket per address", "[collector][ratelimit]") {
  ManualClock clock(1767225600000);
  RateLimiter limiter(2, 3, clock);
  int retry = 0;
  for (int i = 0; i < 3; ++i) CHECK(limiter.allow("a", retry));
  CHECK_FALSE(limiter.allow("a", retry));
  CHECK(retry == 1);
  CHECK(limiter.allow("b", retry));  // another address has its own bucket
  clock.advance_ms(500);             // one token back at 2/s
  CHECK(limiter.allow("a", retry));
  CHECK_FALSE(limiter.allow("a", retry));
  clock.advance_ms(10000);  // refills to the burst, no further
  for (int i = 0; i < 3; ++i) CHECK(limiter.allow("a", retry));
  CHECK_FALSE(limiter.allow("a", retry));

  RateLimiter off(0, 1, clock);
  for (int i = 0; i < 1000; ++i) REQUIRE(off.allow("a", retry));
}

TEST_CASE("config: file, defaults, database selection", "[collector][config]") {
  testing::TempDir dir;
  std::string path = dir.file("collector.conf"), error;
  REQUIRE(write_file_atomic(path,
                            "# consent-guard collector\n"
                            "site = https://namo.kz\n"
                            "site = https://shop.namo.kz   # second\n"
                            "\n"
                            "listen = [::1]:9000\n"
                            "rate = 12.5\n"
                            "store-client-ip = yes\n"
                            "database = postgresql://collector@db.local/consent\n",
                            0600, error));
  Config c;
  REQUIRE(load_config_file(path, c, error));
  CHECK(c.sites == std::vector<std::string>{"https://namo.kz", "https://shop.namo.kz"});
  CHECK(c.rate == 12.5);
  CHECK(c.store_client_ip);
  std::string host;
  int port = 0;
  REQUIRE(split_listen(c.listen, host, port));
  CHECK(host == "::1");
  CHECK(port == 9000);
  resolve_defaults(c);
  CHECK(c.writers == 2);
  CHECK(c.key_dir == "./keys");

  Config d;
  resolve_defaults(d);
  CHECK(d.database == "./collector.db");
  CHECK(d.writers == 1);
  CHECK(database_kind("host=127.0.0.1 dbname=x") == DatabaseKind::postgresql);
  CHECK(database_kind("postgres://u@h/d") == DatabaseKind::postgresql);
  CHECK(database_kind("/var/lib/c.db") == DatabaseKind::sqlite);
  CHECK(database_kind("sqlite:/var/lib/c.db") == DatabaseKind::sqlite);

  REQUIRE(write_file_atomic(path, "site = https://namo.kz\nlisten 8080\n", 0600, error));
  Config e;
  CHECK_FALSE(load_config_file(path, e, error));
  CHECK(error.find("collector.conf:2:") != std::string::npos);
  REQUIRE(write_file_atomic(path, "colour = blue\n", 0600, error));
  CHECK_FALSE(load_config_file(path, e, error));
  CHECK(error.find("unknown setting") != std::string::npos);
  CHECK_FALSE(apply_setting(e, "rate", "-1", error));
  CHECK_FALSE(apply_setting(e, "listen", "8080", error));
  CHECK_FALSE(check_sites({"https://namo.kz/"}, error));
  CHECK(check_sites({"https://namo.kz", "http://localhost:8080"}, error));
}
