#include "cg/consent.h"

#include <catch2/catch.hpp>

using namespace cg;

namespace {
Config site_config() {
  Config c;
  c.site = "namo-almaty";
  c.policy_version = "2026-04-04";
  return c;
}
constexpr int64_t kNow = 1775296800000;  // 2026-04-04T10:00:00Z
}  // namespace

TEST_CASE("a decision survives the cookie round trip", "[consent]") {
  Config c = site_config();
  for (PurposeMask mask = 0; mask <= kAllOptional; ++mask) {
    ConsentState s = make_decision(c, mask, kNow + 777);
    std::string header = "a=1; cg_consent=" + encode_cookie_value(c, s) + "; b=2";
    CookieRead r = read_consent_cookie(header, c, kNow + 1000);
    REQUIRE(r.problem == CookieProblem::none);
    CHECK(r.state.allowed == mask);
    CHECK(r.state.updated_at_ms == kNow);
    CHECK(r.state.expires_at_ms == kNow + 365LL * 86400 * 1000);
  }
}

TEST_CASE("any edit to the stored value is caught", "[consent]") {
  Config c = site_config();
  std::string value = encode_cookie_value(c, make_decision(c, kAnalytics, kNow));
  for (size_t i = 0; i < value.size(); ++i) {
    std::string edited = value;
    edited[i] = edited[i] == '1' ? '2' : '1';
    if (edited == value) continue;
    CookieRead r = read_consent_cookie("cg_consent=" + edited, c, kNow);
    INFO(edited);
    CHECK(r.problem != CookieProblem::none);
    CHECK_FALSE(r.state.decided);
  }
}

TEST_CASE("the decision expires with its validity", "[consent]") {
  Config c = site_config();
  c.max_age_days = 1;
  std::string header = "cg_consent=" + encode_cookie_value(c, make_decision(c, kAllOptional, kNow));
  CHECK(read_consent_cookie(header, c, kNow + 86399 * 1000).problem == CookieProblem::none);
  CHECK(read_consent_cookie(header, c, kNow + 86400 * 1000).problem == CookieProblem::expired);
}

TEST_CASE("cookie assignment carries the configured attributes", "[consent]") {
  Config c = site_config();
  c.cookie_domain = ".namo.kz";
  CHECK(cookie_assignment(c, "v", 60, true) ==
        "cg_consent=v; Path=/; Max-Age=60; SameSite=Lax; Domain=.namo.kz; Secure");
  CHECK(cookie_assignment(site_config(), "v", 60, false) ==
        "cg_consent=v; Path=/; Max-Age=60; SameSite=Lax");
}

TEST_CASE("ISO times", "[consent]") {
  CHECK(iso_time(0) == "1970-01-01T00:00:00.000Z");
  CHECK(iso_time(kNow + 5) == "2026-04-04T10:00:00.005Z");
  CHECK(iso_time(951782400000) == "2000-02-29T00:00:00.000Z");
}
