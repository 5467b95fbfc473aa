#include "cg/config.h"

#include <catch2/catch.hpp>

using namespace cg;

TEST_CASE("Kazakh IIN/BIN check digits", "[config]") {
  CHECK(kz_id_valid("180540012343"));
  CHECK_FALSE(kz_id_valid("180540012344"));
  CHECK_FALSE(kz_id_valid("18054001234"));
  CHECK_FALSE(kz_id_valid("18054001234a"));
  CHECK(kz_id_valid("000000000101"));  // first weighting gives 10: uses 3..11,1,2
}

TEST_CASE("defaults are safe and complete", "[config]") {
  auto r = parse_config(R"({"site":"namo-almaty","policyVersion":"2026-04-04"})", "");
  REQUIRE(r.config);
  CHECK(r.config->max_age_days == 365);
  CHECK(r.config->consent_mode);
  CHECK(r.config->ads_data_redaction);
  CHECK_FALSE(r.config->url_passthrough);
  CHECK(r.config->cookie_domain.empty());
  CHECK(r.config->language.empty());
}

TEST_CASE("bad input of any kind is refused with its field", "[config]") {
  const char* attrs = R"({"site":"a","policyVersion":"1"})";
  CHECK(parse_config("not json", "").error.message.find("attributes") != std::string::npos);
  CHECK(parse_config(attrs, "\"text\"").error.message == "configuration must be a JSON object");
  CHECK(parse_config(attrs, std::string(70000, ' ')).error.message.find("64 KiB") !=
        std::string::npos);
  CHECK(parse_config(attrs, R"({"operator":"Namo"})").error.field == "operator");
  CHECK(parse_config(attrs, R"({"cookie":{"maxAgeDays":731}})").error.field == "cookie.maxAgeDays");
  CHECK(parse_config(attrs, R"({"operator":{"name":""}})").config.has_value());
  std::string long_name(201, 'x');
  CHECK(parse_config(attrs, R"({"operator":{"name":")" + long_name + R"("}})").error.field ==
        "operator.name");
  CHECK(parse_config(R"({"site":"-a","policyVersion":"1"})", "").error.field == "site");
  CHECK(parse_config(R"({"site":7,"policyVersion":"1"})", "").error.field == "data-site");
}

TEST_CASE("configuration text must be well-formed UTF-8 JSON", "[config][json]") {
  const char* attrs = R"({"site":"a","policyVersion":"1"})";
  CHECK(parse_config(attrs, R"({"operator":{"name":"Намо"}})").config.has_value());
  CHECK(parse_config(attrs, R"({"operator":{"name":"\ud83c\udf75 tea"}})").config.has_value());
  CHECK_FALSE(parse_config(attrs, R"({"operator":{"name":"\udcff"}})").config.has_value());
  CHECK_FALSE(parse_config(attrs, "{\"operator\":{\"name\":\"\xC0\xAF\"}}").config.has_value());
  CHECK_FALSE(parse_config(attrs, "{\"operator\":{\"name\":\"\xED\xA0\x80\"}}").config.has_value());
  CHECK_FALSE(parse_config(attrs, "{\"operator\":{\"name\":\"\xD0\"}}").config.has_value());
  CHECK_FALSE(parse_config(attrs, R"({"language":"ru"} {"language":"en"})").config.has_value());
  CHECK_FALSE(parse_config(attrs, R"({"language":"ru",})").config.has_value());
  CHECK_FALSE(parse_config(attrs, R"({"cookie":{"maxAgeDays":NaN}})").config.has_value());
}
