// The core's receipts as the browser makes them: Core::receipt_input() says what the receipt
// holds, the receipts module builds it (prepare_receipt_json), an ES256 signature (OpenSSL
// here, WebCrypto there) signs the signing input, assemble_receipt_json() seals it, and the
// operator's verifier accepts the result and reads back what was decided.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cg/core.h"
#include "cg/receipts/base64url.h"
#include "cg/receipts/receipt_json.h"
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
  // Signs what the receipts module prepared and seals it: the compact JWS and its hash.
  json sign(const json& prepared) {
    std::string input = prepared["signingInput"], raw;
    REQUIRE(cg::verify::sign_es256(key.get(), input, raw));
    json sealed = json::parse(cg::receipts::assemble_receipt_json(input, raw));
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

// What the browser asks the core for, then hands to the receipts module.
json prepare(cg::Core& core, const json& request) {
  json input = json::parse(core.receipt_input(request.dump()));
  if (input["ok"] != true) return input;
  return json::parse(cg::receipts::prepare_receipt_json(input["input"].dump()));
}

json request(json jwk, std::string signing, int seq, json prev) {
  return {{"origin", "https://namo.kz"}, {"button", "accept_all"}, {"layer", "banner"},
          {"jwk", std::move(jwk)},       {"signing", signing},     {"seq", seq},
          {"prev", std::move(prev)}};
}

cg::verify::Verdict verify(const std::string& jws) {
  cg::verify::VerifyOptions options;
  options.aud = "https://namo.kz";
  return cg::verify::verify_receipt(jws, options);
}

}  // namespace

TEST_CASE("a decision becomes a signed receipt that the verifier accepts", "[receipts][core]") {
  cg::Core core = configured();
  Visitor visitor;
  REQUIRE(json::parse(core.decide(R"("all")", kNow))["ok"] == true);
  json input = json::parse(core.receipt_input(request(visitor.jwk(), "ES256", 0, nullptr).dump()));
  REQUIRE(input["ok"] == true);
  CHECK(input["input"]["jti"] == json::parse(core.state())["decisionId"]);
  CHECK(input["input"]["event"] == "given");
  // The notice is what the visitor saw: the banner model, in Kazakh here.
  CHECK(input["input"]["notice"]["language"] == "kk");

  json prepared = prepare(core, request(visitor.jwk(), "ES256", 0, nullptr));
  REQUIRE(prepared["ok"] == true);
  json first = visitor.sign(prepared);
  auto verdict = verify(first["jws"]);
  INFO(verdict.code << ": " << verdict.message);
  REQUIRE(verdict.status == cg::verify::Status::valid);
  CHECK(verdict.receipt.jti == input["input"]["jti"]);
  CHECK(verdict.receipt.event == "given");
  CHECK(verdict.receipt.hash == first["hash"]);
  CHECK(verdict.receipt.kid == prepared["kid"]);

  // Withdrawing analytics: the next receipt in the chain says so.
  REQUIRE(json::parse(core.decide(R"({"analytics":false})", kNow + 60000))["ok"] == true);
  json next = prepare(core, request(visitor.jwk(), "ES256", 1, first["hash"]));
  REQUIRE(next["ok"] == true);
  auto second = verify(visitor.sign(next)["jws"]);
  REQUIRE(second.status == cg::verify::Status::valid);
  CHECK(second.receipt.event == "withdrawn");
  CHECK(second.receipt.seq == 1);
  CHECK(second.receipt.prev == first["hash"]);
  bool analytics = true;
  for (const auto& [purpose, given] : second.receipt.decisions)
    if (purpose == "analytics") analytics = given;
  CHECK_FALSE(analytics);
}

TEST_CASE("events: refused, changed, renewed", "[receipts][core]") {
  cg::Core core = configured();
  auto event = [&]() {
    return json::parse(core.receipt_input(
        request(nullptr, "unsigned-no-webcrypto", 0, nullptr).dump()))["input"]["event"];
  };
  REQUIRE(json::parse(core.decide(R"("none")", kNow))["ok"] == true);
  CHECK(event() == "refused");
  REQUIRE(json::parse(core.decide(R"({"marketing":true})", kNow))["ok"] == true);
  CHECK(event() == "changed");
  REQUIRE(json::parse(core.decide(R"({"marketing":true})", kNow))["ok"] == true);
  CHECK(event() == "renewed");
}

TEST_CASE("receipts without a key are unsigned and say why", "[receipts][core]") {
  cg::Core core = configured();
  REQUIRE(json::parse(core.decide(R"("none")", kNow))["ok"] == true);
  json prepared = prepare(core, request(nullptr, "unsigned-insecure-context", 0, nullptr));
  REQUIRE(prepared["ok"] == true);
  REQUIRE(prepared["jws"].is_string());
  auto verdict = verify(prepared["jws"]);
  CHECK(verdict.status == cg::verify::Status::unsigned_);
  CHECK(verdict.receipt.unsigned_reason == "insecure-context");
}

TEST_CASE("bad receipt requests are refused with their field", "[receipts][core]") {
  cg::Core core = configured();
  json good = request(nullptr, "unsigned-no-webcrypto", 0, nullptr);
  // Nothing decided on this page yet.
  CHECK(json::parse(core.receipt_input(good.dump()))["ok"] == false);
  REQUIRE(json::parse(core.decide(R"("all")", kNow))["ok"] == true);
  CHECK(prepare(core, good)["ok"] == true);
  auto field_of = [&](const char* key, json value) {
    json bad = good;
    bad[key] = std::move(value);
    json answer = prepare(core, bad);
    CHECK(answer["ok"] == false);
    return answer["error"]["field"].get<std::string>();
  };
  CHECK(field_of("seq", "0") == "seq");
  CHECK(field_of("jwk", "x") == "jwk");
  CHECK_FALSE(field_of("signing", "RS256").empty());
  CHECK_FALSE(field_of("signing", "ES256").empty());  // no key to sign with
  CHECK_FALSE(field_of("origin", "namo.kz").empty());
  CHECK(json::parse(core.receipt_input("[]"))["ok"] == false);
  CHECK(json::parse(cg::receipts::assemble_receipt_json("a.b", "short"))["ok"] == false);
}
