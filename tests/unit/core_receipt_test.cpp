// The core's receipts as the browser makes them: Core::receipt() builds, an ES256 signature
// (OpenSSL here, WebCrypto there) signs the signing input, Core::seal_receipt() assembles,
// and the operator's verifier accepts the result and reads back what was decided.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cg/core.h"
#include "cg/receipts/base64url.h"
#include "verify/es256.h"
#include "verify/verifier.h"

using nlohmann::json;

namespace {

constexpr double kNow = 1775296800123;  // 2026-04-04T10:00:00.123Z

struct Visitor {
  cg::verify::Pkey key = cg::verify::generate_p256();
  json jwk() {
    std::string x, y;
    REQUIRE(cg::verify::p256_coordinates(key.get(), x, y));
    return {{"x", cg::receipts::b64url_encode(x)}, {"y", cg::receipts::b64url_encode(y)}};
  }
  // Signs what the core prepared and seals it: the compact JWS and its hash.
  json sign(cg::Core& core, const json& prepared) {
    std::string raw;
    REQUIRE(cg::verify::sign_es256(key.get(), prepared["signingInput"].get<std::string>(), raw));
    json sealed =
        json::parse(core.seal_receipt(prepared["signingInput"], cg::receipts::b64url_encode(raw)));
    REQUIRE(sealed["ok"] == true);
    return sealed;
  }
};

cg::Core configured() {
  cg::Core core;
  auto answer = json::parse(core.configure(
      R"({"site":"namo-almaty","policyVersion":"2026-04-04"})",
      R"({"operator":{"name":"ТОО «Намо»","bin":"180540012343","contact":"privacy@namo.kz"},
          "policyUrl":"/privacy.html","services":["yandex_metrica","google_analytics"]})",
      R"({"htmlLang":"kk","hostname":"namo.kz","secure":true})"));
  REQUIRE(answer["ok"] == true);
  return core;
}

}  // namespace

TEST_CASE("a decision becomes a signed receipt that the verifier accepts", "[receipts][core]") {
  cg::Core core = configured();
  Visitor visitor;
  REQUIRE(json::parse(core.decide(R"("all")", kNow))["ok"] == true);
  json request = {{"origin", "https://namo.kz"},
                  {"button", "accept_all"},
                  {"layer", "banner"},
                  {"key", visitor.jwk()},
                  {"signing", "es256"},
                  {"seq", 0},
                  {"prev", ""}};
  json prepared = json::parse(core.receipt(request.dump()));
  REQUIRE(prepared["ok"] == true);
  CHECK(prepared["event"] == "given");
  CHECK(prepared["jti"] == json::parse(core.state())["decisionId"]);
  json first = visitor.sign(core, prepared);

  cg::verify::VerifyOptions options{"https://namo.kz"};
  auto verdict = cg::verify::verify_receipt(first["jws"].get<std::string>(), options);
  INFO(verdict.code << ": " << verdict.message);
  REQUIRE(verdict.status == cg::verify::Status::valid);
  CHECK(verdict.receipt.jti == prepared["jti"]);
  CHECK(verdict.receipt.event == "given");
  CHECK(verdict.receipt.hash == first["hash"]);
  CHECK(verdict.receipt.kid == prepared["kid"]);
  // The notice is what the visitor saw: the banner model, in Kazakh here.
  CHECK(json::parse(prepared["notice"].get<std::string>())["language"] == "kk");

  // Withdrawing analytics: the next receipt in the chain says so.
  REQUIRE(json::parse(core.decide(R"({"analytics":false})", kNow + 60000))["ok"] == true);
  request["button"] = "save";
  request["layer"] = "settings";
  request["seq"] = 1;
  request["prev"] = first["hash"];
  json next = json::parse(core.receipt(request.dump()));
  REQUIRE(next["ok"] == true);
  CHECK(next["event"] == "withdrawn");
  auto second =
      cg::verify::verify_receipt(visitor.sign(core, next)["jws"].get<std::string>(), options);
  REQUIRE(second.status == cg::verify::Status::valid);
  CHECK(second.receipt.seq == 1);
  CHECK(second.receipt.prev == first["hash"]);
  bool analytics = true;
  for (const auto& [purpose, given] : second.receipt.decisions)
    if (purpose == "analytics") analytics = given;
  CHECK_FALSE(analytics);
}

TEST_CASE("receipts without a key are unsigned and say why", "[receipts][core]") {
  cg::Core core = configured();
  REQUIRE(json::parse(core.decide(R"("none")", kNow))["ok"] == true);
  json prepared = json::parse(core.receipt(json{
      {"origin", "http://namo.kz"},
      {"button", "reject_all"},
      {"layer", "banner"},
      {"key", nullptr},
      {"signing", "insecure-context"},
      {"seq", 0},
      {"prev", ""}}.dump()));
  REQUIRE(prepared["ok"] == true);
  CHECK(prepared["event"] == "refused");
  auto verdict = cg::verify::verify_receipt(prepared["jws"].get<std::string>(), {});
  CHECK(verdict.status == cg::verify::Status::unsigned_);
  CHECK(verdict.receipt.unsigned_reason == "insecure-context");
}

TEST_CASE("bad receipt requests are refused with their field", "[receipts][core]") {
  cg::Core core = configured();
  json good = {{"origin", "https://namo.kz"},
               {"button", "accept_all"},
               {"layer", "banner"},
               {"key", nullptr},
               {"signing", "no-webcrypto"},
               {"seq", 0},
               {"prev", ""}};
  // Nothing decided on this page yet.
  CHECK(json::parse(core.receipt(good.dump()))["ok"] == false);
  REQUIRE(json::parse(core.decide(R"("all")", kNow))["ok"] == true);
  CHECK(json::parse(core.receipt(good.dump()))["ok"] == true);
  auto field_of = [&](json request) {
    json answer = json::parse(core.receipt(request.dump()));
    CHECK(answer["ok"] == false);
    return answer["error"]["field"].get<std::string>();
  };
  auto with = [&](const char* key, json value) {
    json request = good;
    request[key] = std::move(value);
    return request;
  };
  CHECK(field_of(with("signing", "rsa")) == "signing");
  CHECK(field_of(with("signing", "es256")) == "key");
  CHECK(field_of(with("seq", "0")) == "seq");
  CHECK(field_of(with("origin", "namo.kz")) == "aud");
  CHECK(json::parse(core.receipt("[]"))["ok"] == false);
  CHECK(json::parse(core.seal_receipt("a.b", "!!"))["error"]["field"] == "signature");
  CHECK(json::parse(core.seal_receipt("a.b", "AAAA"))["ok"] == false);  // not 64 bytes
}
