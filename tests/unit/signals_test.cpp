#include "cg/signals.h"

#include <catch2/catch.hpp>

#include "cg/texts.h"

using namespace cg;

TEST_CASE("Consent Mode follows analytics and marketing", "[signals]") {
  auto none = consent_mode_fields(0);
  REQUIRE(none.size() == 4);
  for (const auto& f : none) CHECK_FALSE(f.granted);
  for (const auto& f : consent_mode_fields(kAnalytics)) {
    CHECK(f.granted == (f.name == "analytics_storage"));
  }
  for (const auto& f : consent_mode_fields(kMarketing)) {
    CHECK(f.granted == (f.name != "analytics_storage"));
  }
}

TEST_CASE("Webvisor is switched off unless session recording is allowed", "[signals]") {
  auto patch = metrica_init_patch(kAnalytics);
  REQUIRE(patch.size() == 1);
  CHECK(patch[0].key == "webvisor");
  CHECK_FALSE(patch[0].value);
  CHECK(metrica_init_patch(kAnalytics | kSessionRecording).empty());
}

TEST_CASE("vendor switches are set per id", "[signals]") {
  auto actions = vendor_actions(kAllOptional, {"98765432"}, {"G-AB12", "AW-1", "GTM-X"});
  CHECK(actions[0].target == "disableYaCounter98765432");
  CHECK_FALSE(actions[0].value);
  CHECK(actions[1].target == "ga-disable-G-AB12");
  CHECK(actions[2].target == "fbq");  // no ga-disable for Ads or GTM ids
  CHECK(actions[2].args == std::vector<std::string>{"consent", "grant"});
}

TEST_CASE("texts exist in every language and fall back visibly", "[texts]") {
  for (const char* key : {"reload_notice", "reload_button", "dismiss_button"}) {
    CHECK(text(key, "ru") != text(key, "en"));
    CHECK(text(key, "kk") != text(key, "ru"));
    CHECK(text(key, "kk") != key);
  }
  CHECK(text("no_such_text", "kk") == "no_such_text");
  CHECK(pick_language("", "", {}) == "ru");
  CHECK(pick_language("en", "kk", {}) == "en");
  CHECK(pick_language("", "RU-ru", {"en"}) == "ru");
}
