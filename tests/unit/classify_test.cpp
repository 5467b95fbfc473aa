#include "cg/classify.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cg/url.h"

using namespace cg;

TEST_CASE("split_url takes URLs apart strictly", "[url]") {
  auto p = split_url("https://User:pw@MC.Yandex.RU.:8443/watch/1?a=1&b=2#frag");
  CHECK(p.has_host);
  CHECK(p.scheme == "https");
  CHECK(p.host == "mc.yandex.ru");
  CHECK(p.path == "/watch/1");
  CHECK(p.query == "a=1&b=2");

  CHECK(split_url("//cdn.example/x.js").host == "cdn.example");
  CHECK(split_url("https://example.kz").path == "/");
  CHECK_FALSE(split_url("/relative/path").has_host);
  CHECK_FALSE(split_url("mailto:x@y.kz").has_host);
  CHECK(split_url("https://[::1]:8080/x").host == "[::1]");
  // Browsers treat backslashes like slashes in http URLs; so must we.
  CHECK(split_url("https:\\\\mc.yandex.ru\\watch\\1").host == "mc.yandex.ru");
}

TEST_CASE("host patterns match a domain and its subdomains only", "[url]") {
  CHECK(host_matches("clarity.ms", ".clarity.ms"));
  CHECK(host_matches("a.b.clarity.ms", ".clarity.ms"));
  CHECK_FALSE(host_matches("notclarity.ms", ".clarity.ms"));
  CHECK_FALSE(host_matches("clarity.ms.evil.kz", ".clarity.ms"));
  CHECK(host_matches("mc.yandex.ru", "mc.yandex.ru"));
  CHECK_FALSE(host_matches("x.mc.yandex.ru", "mc.yandex.ru"));
}

TEST_CASE("query parameters are matched by prefix per parameter", "[url]") {
  CHECK(query_has_prefix("id=AW-1", "id=AW-"));
  CHECK(query_has_prefix("l=dataLayer&id=AW-1", "id=AW-"));
  CHECK_FALSE(query_has_prefix("xid=AW-1", "id=AW-"));
  CHECK_FALSE(query_has_prefix("", "id=AW-"));
}

TEST_CASE("every registry host rule classifies to its own purpose", "[registry]") {
  for (const auto& s : registry()) {
    for (const auto& rule : s.hosts) {
      std::string host(rule.host.front() == '.' ? rule.host.substr(1) : rule.host);
      std::string url =
          "https://" + host + std::string(rule.path_prefix.empty() ? "/" : rule.path_prefix);
      if (!rule.query_prefix.empty()) url += "?" + std::string(rule.query_prefix) + "1";
      INFO(url);
      UrlVerdict v = classify_url(url);
      REQUIRE(v.service != nullptr);
      CHECK(v.service->id == s.id);
      CHECK(v.purpose == rule.purpose);
    }
  }
}

TEST_CASE("registry entries are complete", "[registry]") {
  for (const auto& s : registry()) {
    INFO(s.id);
    CHECK_FALSE(s.name.empty());
    CHECK_FALSE(s.vendor.empty());
    CHECK(s.countries.size() >= 2);
    CHECK_FALSE(s.hosts.empty());
    CHECK_FALSE(s.inline_signatures.empty());
    CHECK(s.purpose != Purpose::necessary);
    CHECK(find_service(s.id) == &s);
  }
}

TEST_CASE("ids are pulled out of snippets and URLs", "[classify]") {
  CHECK(extract_ids(IdKind::metrica_counter, "ym(98765432,'init')") ==
        std::vector<std::string>{"98765432"});
  CHECK(extract_ids(IdKind::metrica_counter, "ym(123,'init')").empty());  // too short
  CHECK(extract_ids(IdKind::google_tag, "gtag('config','G-AB12CD'); gtag('config','AW-1234567')") ==
        std::vector<std::string>{"G-AB12CD", "AW-1234567"});
  CHECK(extract_ids(IdKind::google_tag, "ga('create','UA-1234-5','auto')") ==
        std::vector<std::string>{"UA-1234-5"});
  CHECK(extract_ids(IdKind::google_tag, "BIG-ABCDEF").empty());
}

TEST_CASE("WebSocket frames need their socket's purpose and their own (loader/frames.json)",
          "[classify][vectors]") {
  std::ifstream in(std::string(CG_VECTORS_DIR) + "/loader/frames.json");
  nlohmann::json vectors = nlohmann::json::parse(in);
  for (const auto& c : vectors["cases"]) {
    INFO(c["name"].get<std::string>());
    CHECK(frame_purposes(c["url"].get<std::string>(), c["frame"].get<std::string>()) ==
          c["bits"].get<cg::PurposeMask>());
  }
}
