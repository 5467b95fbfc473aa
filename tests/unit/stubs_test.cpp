// Which purpose each queue function follows while its tracker is held (Core::stubs).
#include <catch2/catch.hpp>

#include "cg/core.h"

TEST_CASE("queue functions follow their services; gtag follows the Google tags seen", "[stubs]") {
  cg::Core core;
  REQUIRE(core.configure(R"({"site":"namo","policyVersion":"1"})",
                         R"({"operator":{"name":"Namo","bin":"180540012343","contact":"a@namo.kz"},
                             "policyUrl":"/p"})",
                         R"({"hostname":"namo.kz"})")
              .find("\"ok\":true") != std::string::npos);
  CHECK(core.stubs() == R"({"ym":1,"ga":1,"dataLayer":1})");  // no tag seen: analytics
  core.classify_url("https://www.googletagmanager.com/gtag/js?id=AW-123456789");
  CHECK(core.stubs() == R"({"ym":1,"ga":1,"dataLayer":4})");  // Google Ads only: marketing
  core.classify_inline("gtag('config', 'G-AB12CD34');");
  CHECK(core.stubs() == R"({"ym":1,"ga":1,"dataLayer":1})");  // an analytics tag answers
}
