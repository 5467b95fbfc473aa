// The registry's second tier (long_tail.h) and how the core places a third-party URL with it.
#include "cg/long_tail.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cg/classify.h"
#include "cg/core.h"
#include "cg/url.h"

using namespace cg;

namespace {

std::string generated_tail() {
  std::ifstream in(CG_LONG_TAIL);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Core configured_core() {
  Core core;
  std::string answer = core.configure(
      R"({"site":"namo-almaty","policyVersion":"1"})",
      R"({"operator":{"name":"ТОО «Намо»","bin":"180540012343","contact":"privacy@namo.kz"},
                         "policyUrl":"/privacy.html"})",
      R"({"hostname":"www.namo.kz"})");
  INFO(answer);
  REQUIRE(answer.find("\"ok\":true") != std::string::npos);
  return core;
}

}  // namespace

TEST_CASE("the generated long tail loads, whole", "[long-tail]") {
  LongTail tail;
  std::string error;
  REQUIRE(tail.load(generated_tail(), error));
  CHECK(error.empty());
  CHECK(tail.source().rfind("third-party-web ", 0) == 0);
  CHECK(tail.hosts() > 1800);
  // Its categories, as purposes: an ad network, an analytics tool, a social network's pixel.
  CHECK(tail.find("www.redditstatic.com")->purpose == Purpose::marketing);
  CHECK(tail.find("static.hotjar.com"));  // the curated registry wins, but the data knows it
  CHECK(tail.find("px.ads.linkedin.com")->purpose == Purpose::marketing);
  CHECK_FALSE(tail.find("namo.kz"));
  CHECK_FALSE(tail.find("code.jquery.com"));
}

TEST_CASE("long-tail hosts: '*.x' is x and its subdomains, 'x' is x alone", "[long-tail]") {
  LongTail tail;
  std::string error;
  REQUIRE(tail.load("third-party-web 9\nad\t*.ads.example\nanalytics\tcount.example\n", error));
  CHECK(tail.find("ads.example")->purpose == Purpose::marketing);
  CHECK(tail.find("a.b.ads.example")->host == "ads.example");
  CHECK_FALSE(tail.find("notads.example"));
  CHECK_FALSE(tail.find("ads.example.evil"));
  CHECK(tail.find("count.example")->purpose == Purpose::analytics);
  CHECK_FALSE(tail.find("x.count.example"));
}

TEST_CASE("bad long-tail data is refused whole, with the line, and changes nothing",
          "[long-tail]") {
  LongTail tail;
  std::string error;
  REQUIRE(tail.load("third-party-web 1\nad\t*.a.example\n", error));
  const std::pair<std::string, std::string> bad[] = {
      {"", "must start with"},
      {"tpw 1\nad\tb.example\n", "must start with"},
      {"third-party-web 1\n", "names no hosts"},
      {"third-party-web 1\nad\n", "line 2: expected a category and a host"},
      {"third-party-web 1\ncdn\tb.example\n", "line 2: category is not a tracking one"},
      {"third-party-web 1\nad\tB.example\n", "line 2: \"B.example\" is not a host name"},
      {"third-party-web 1\nad\tb..example\n", "is not a host name"},
      {"third-party-web 1\nad\t*.\n", "is not a host name"},
      {"third-party-web 1\nad\tlocalhost\n", "is not a host name"},
      {"third-party-web 1\nad\tc.example\nad\tb.example\n", "line 3: hosts must be in increasing"},
      {"third-party-web 1\nad\tb.example\nad\t*.b.example\n", "line 3: hosts must be in"},
      {"third-party-web 1\nad\tb.example\n\n", "line 3: expected"},
      {"third-party-web 1\n" + std::string(LongTail::kMaxBytes, 'a'), "larger than"},
  };
  for (const auto& [text, why] : bad) {
    INFO(text.substr(0, 60));
    error.clear();
    CHECK_FALSE(tail.load(text, error));
    CHECK_THAT(error, Catch::Contains(why));
    CHECK(tail.find("x.a.example"));  // the old data stays
    CHECK(tail.hosts() == 1);
  }
}

TEST_CASE("no host is both harmless and a tracker, in either tier", "[long-tail]") {
  LongTail tail;
  std::string error;
  REQUIRE(tail.load(generated_tail(), error));
  for (const HostRule& rule : known_harmless()) {
    std::string host(rule.host.front() == '.' ? rule.host.substr(1) : rule.host);
    std::string url =
        "https://" + host + std::string(rule.path_prefix.empty() ? "/" : rule.path_prefix);
    INFO(url);
    CHECK(known_harmless_url(url));
    CHECK_FALSE(tail.find(host));
    CHECK(classify_url(url).service == nullptr);
  }
}

TEST_CASE("the core places third-party URLs: curated, harmless, long tail, or not yet",
          "[long-tail]") {
  Core core = configured_core();
  // Curated rules answer at once, the long tail or not.
  CHECK(core.url_bits("https://mc.yandex.ru/watch/1") == kAnalytics);
  CHECK(core.url_bits("https://abc123.mc.yandex.ru/watch/1") == kAnalytics);
  CHECK(core.url_bits("https://mc.yandex.ru/webvisor/1") == kSessionRecording);
  CHECK(core.url_bits("https://st.top100.ru/top100/top100.js") == kAnalytics);
  CHECK(core.url_bits("https://mod.calltouch.ru/init.js?id=abc") == kMarketing);
  // The site itself, its subdomains and parents, and harmless hosts: never held.
  CHECK(core.url_bits("https://www.namo.kz/app.js") == 0);
  CHECK(core.url_bits("https://cdn.namo.kz/app.js") == 0);
  CHECK(core.url_bits("https://namo.kz/app.js") == 0);
  CHECK(core.url_bits("https://code.jquery.com/jquery.js") == 0);
  CHECK(core.url_bits("https://cdn.jsdelivr.net/npm/yandex-metrica-watch/tag.js") == kAnalytics);
  CHECK(core.url_bits("/relative.js") == 0);
  CHECK(core.url_bits("data:text/javascript,1") == 0);
  // Another site's host: not known until the long tail is loaded.
  CHECK(core.url_bits("https://www.redditstatic.com/ads/pixel.js") == kMarketing);  // curated
  CHECK(core.url_bits("https://px.example-ads.io/p.gif") == kUnknownYet);
  CHECK(core.url_bits("https://s.adroll.com/j/roundtrip.js") == kUnknownYet);
  CHECK(core.classify_url("https://s.adroll.com/j/x.js") == R"({"tracker":false,"pending":true})");

  CHECK(core.load_long_tail("nonsense").find("\"ok\":false") != std::string::npos);
  CHECK(core.url_bits("https://s.adroll.com/j/roundtrip.js") == kUnknownYet);
  std::string loaded = core.load_long_tail(generated_tail());
  CHECK_THAT(loaded, Catch::StartsWith(R"({"ok":true,"source":"third-party-web )"));
  CHECK(core.url_bits("https://s.adroll.com/j/roundtrip.js") == kMarketing);
  CHECK(core.classify_url("https://s.adroll.com/j/x.js") ==
        R"({"tracker":true,"entity":"adroll.com","purpose":"marketing"})");
  CHECK(core.url_bits("https://px.example-ads.io/p.gif") == 0);  // unknown to both tiers
  CHECK(core.classify_url("https://px.example-ads.io/p.gif") == R"({"tracker":false})");
}

TEST_CASE("the core answers for cookies, storage keys and socket frames", "[long-tail]") {
  Core core = configured_core();
  CHECK(core.name_bits(true, "_ym_uid") == kAnalytics);
  CHECK(core.name_bits(true, "_ym_visorc") == kSessionRecording);
  CHECK(core.name_bits(false, "li_adsId") == kMarketing);
  CHECK(core.name_bits(true, "li_adsId") == 0);  // a storage key, not a cookie
  CHECK(core.name_bits(true, "_uetsid") == kMarketing);
  CHECK(core.name_bits(true, "t3_sid_1234") == kAnalytics);
  CHECK(core.name_bits(true, "PHPSESSID") == 0);
  const std::string ws = "wss://mc.yandex.ru/solid.ws?wmode=0";
  CHECK(core.frame_bits(ws, R"({"resource":"webvisor/1","data":[]})") ==
        (kAnalytics | kSessionRecording));
  CHECK(core.frame_bits(ws, R"({"type":"ping"})") == kAnalytics);
  CHECK(core.frame_bits("wss://chat.example/socket", "hello") == kUnknownYet);
  CHECK(core.frame_bits("wss://www.namo.kz/socket", "hello") == 0);
}
