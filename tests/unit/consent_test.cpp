#include "cg/consent.h"

#include <catch2/catch.hpp>
#include <cstdio>

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
    ConsentState s = make_decision(c, mask, kNow + 777, "AAAAAAAAAAAAAAAAAAAAAA");
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
  std::string value =
      encode_cookie_value(c, make_decision(c, kAnalytics, kNow, "AAAAAAAAAAAAAAAAAAAAAA"));
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
  std::string header =
      "cg_consent=" +
      encode_cookie_value(c, make_decision(c, kAllOptional, kNow, "AAAAAAAAAAAAAAAAAAAAAA"));
  CHECK(read_consent_cookie(header, c, kNow + 86399 * 1000).problem == CookieProblem::none);
  CHECK(read_consent_cookie(header, c, kNow + 86400 * 1000).problem == CookieProblem::expired);
}

TEST_CASE("a decision from the future or kept past cookie.maxAgeDays is refused", "[consent]") {
  Config c = site_config();
  c.max_age_days = 30;
  auto header_of = [&](int64_t updated_ms, int64_t expires_ms) {
    ConsentState s = make_decision(c, kAllOptional, updated_ms, "AAAAAAAAAAAAAAAAAAAAAA");
    s.expires_at_ms = expires_ms;
    return "cg_consent=" + encode_cookie_value(c, s);
  };
  constexpr int64_t kDay = 86400 * 1000;
  CHECK(read_consent_cookie(header_of(kNow, kNow + 30 * kDay), c, kNow).problem ==
        CookieProblem::none);
  // A valid check value, but kept for ten years, or decided five years from now.
  CHECK(read_consent_cookie(header_of(kNow, kNow + 3650 * kDay), c, kNow).problem ==
        CookieProblem::tampered);
  CHECK(read_consent_cookie(header_of(kNow + 1825 * kDay, kNow + 1855 * kDay), c, kNow).problem ==
        CookieProblem::tampered);
  // Another tab's clock a few minutes ahead is fine.
  CHECK(read_consent_cookie(header_of(kNow + 600000, kNow + 600000 + 30 * kDay), c, kNow).problem ==
        CookieProblem::none);
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

TEST_CASE("decisions carry a random id; version 1 cookies still read", "[consent]") {
  Config c = site_config();
  std::string a = new_decision_id(), b = new_decision_id();
  CHECK(a.size() == 22);
  CHECK(a != b);
  CHECK(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);

  std::string value = encode_cookie_value(c, make_decision(c, kAnalytics, kNow, a));
  CHECK(value.rfind("2|", 0) == 0);
  CookieRead r = read_consent_cookie("cg_consent=" + value, c, kNow);
  REQUIRE(r.problem == CookieProblem::none);
  CHECK(r.state.id == a);

  // Version 1: the same fields without the id.
  std::string v1 = "1|" + c.site + "|" + c.policy_version + "|1|" + std::to_string(kNow / 1000) +
                   "|" + std::to_string(kNow / 1000 + 86400);
  std::string body = v1;
  uint32_t h = 2166136261u;
  for (unsigned char ch : body) h = (h ^ ch) * 16777619u;
  char check[9];
  std::snprintf(check, sizeof check, "%08x", h);
  CookieRead old = read_consent_cookie("cg_consent=" + v1 + "|" + check, c, kNow);
  REQUIRE(old.problem == CookieProblem::none);
  CHECK(old.state.id.empty());

  // An id of the wrong shape, even with a matching check, is not a decision.
  std::string bad = encode_cookie_value(c, make_decision(c, kAnalytics, kNow, "short"));
  CHECK(read_consent_cookie("cg_consent=" + bad, c, kNow).problem == CookieProblem::malformed);
}
