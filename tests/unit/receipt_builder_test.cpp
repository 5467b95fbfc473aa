// The receipt builder: payload, header and signing input from a decision, and its refusals.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "cg/receipts/base64url.h"
#include "cg/receipts/receipt.h"
#include "cg/receipts/receipt_json.h"

using namespace cg::receipts;
using nlohmann::json;

namespace {

const P256Jwk kKey{"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                   "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"};
const std::string kKid = "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U";

ReceiptInput sample() {
  ReceiptInput in;
  in.aud = "https://namo.kz";
  in.jti = "4f1c2b9e-7d3a-4e8b-9a61-0c5d2e7f8a90";
  in.iat = 1767225600;
  in.language = "kk";
  in.button = "accept_all";
  in.layer = "banner";
  in.controllers = {{"ТОО «Намо»", "180540012343", "privacy@namo.kz"}};
  in.policy_url = "https://namo.kz/privacy";
  in.policy_version = "2026-01";
  in.notice = b64url_encode(std::string(32, '\x11'));
  in.decisions = {{"necessary", true, {}},
                  {"analytics", true, {"yandex_metrica", "google_analytics"}},
                  {"session_recording", false, {"yandex_metrica"}},
                  {"marketing", false, {}}};
  in.event = Event::given;
  in.expires = in.iat + 365 * 86400;
  in.withdrawal_method = "Настройки cookie внизу страницы";
  in.withdrawal_url = "https://namo.kz/privacy#withdraw";
  in.storage_location = "KZ";
  in.storage_retention = "P3Y";
  return in;
}

json decoded_part(const std::string& signing_input, int part) {
  size_t dot = signing_input.find('.');
  std::string bytes;
  REQUIRE(b64url_decode(part == 0 ? signing_input.substr(0, dot) : signing_input.substr(dot + 1),
                        bytes));
  return json::parse(bytes);
}

// The field a bad input is refused for.
std::string refused(const ReceiptInput& in, const P256Jwk* key = &kKey) {
  Prepared p = prepare_receipt(in, key);
  CHECK_FALSE(p.ok);
  return p.error.field;
}

}  // namespace

TEST_CASE("a signed receipt's header, payload and signing input", "[receipts][builder]") {
  Prepared p = prepare_receipt(sample(), &kKey);
  REQUIRE(p.ok);
  CHECK(p.kid == kKid);
  CHECK(
      p.header ==
      R"({"alg":"ES256","typ":"consent-receipt+jwt","kid":")" + kKid +
          R"(","jwk":{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}})");
  CHECK(p.signing_input == b64url_encode(p.header) + "." + b64url_encode(p.payload));
  CHECK(decoded_part(p.signing_input, 0) == json::parse(p.header));

  json pl = json::parse(p.payload);
  CHECK(pl["version"] == "KI-CR-v1.1.0");
  CHECK(pl["jurisdiction"] == "KZ");
  CHECK(pl["consentTimestamp"] == 1767225600);
  CHECK(pl["iat"] == 1767225600);
  CHECK(pl["exp"] == 1767225600 + 365 * 86400);
  CHECK(pl["consentReceiptID"] == pl["jti"]);
  CHECK(pl["aud"] == "https://namo.kz");
  CHECK(pl["piiPrincipalId"] == "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + kKid);
  CHECK(pl["publicKey"] == json::parse(p.header)["jwk"]);
  CHECK(pl["collectionMethod"] == json{{"button", "accept_all"}, {"layer", "banner"}});
  CHECK(pl["piiControllers"][0] == json{{"piiController", "ТОО «Намо»"},
                                        {"bin", "180540012343"},
                                        {"contact", "privacy@namo.kz"}});
  CHECK(pl["event"] == "given");
  CHECK(pl["seq"] == 0);
  CHECK(pl["prev"].is_null());
  CHECK(pl["signing"] == json{{"status", "ES256"}, {"key", "persistent"}});
  CHECK(pl["decisions"][1] == json{{"purpose", "analytics"},
                                   {"consentGiven", true},
                                   {"services", {"yandex_metrica", "google_analytics"}}});
  CHECK(pl["storage"] == json{{"location", "KZ"}, {"retention", "P3Y"}});
  // Nothing that identifies a person.
  for (const char* absent : {"ip", "name", "email", "form", "userAgent"})
    CHECK(!pl.contains(absent));
}

TEST_CASE("Kantara services[] regroup the decisions with the registry's recipients",
          "[receipts][builder]") {
  json services = json::parse(prepare_receipt(sample(), &kKey).payload)["services"];
  REQUIRE(services.size() == 2);
  CHECK(services[0]["serviceId"] == "yandex_metrica");
  CHECK(services[0]["service"] == "Yandex.Metrica");
  REQUIRE(services[0]["purposes"].size() == 2);
  json analytics = services[0]["purposes"][0];
  CHECK(analytics["purpose"] == "analytics");
  CHECK(analytics["consentGiven"] == true);
  CHECK(analytics["consentType"] == "EXPLICIT");
  CHECK(analytics["thirdPartyName"] == "Yandex LLC");
  CHECK(analytics["recipientCountries"] == json{"RU"});
  CHECK(analytics["crossBorderTransfer"] == true);
  CHECK(services[0]["purposes"][1]["purpose"] == "session_recording");
  CHECK(services[0]["purposes"][1]["consentGiven"] == false);
  CHECK(services[1]["serviceId"] == "google_analytics");
  CHECK(services[1]["purposes"][0]["thirdPartyName"] == "Google LLC");
}

TEST_CASE("an unsigned receipt is an Unsecured JWS that says why", "[receipts][builder]") {
  ReceiptInput in = sample();
  in.signing = Signing::unsigned_insecure_context;
  Prepared p = prepare_receipt(in, nullptr);
  REQUIRE(p.ok);
  CHECK(p.kid.empty());
  CHECK(p.header == R"({"alg":"none","typ":"consent-receipt+jwt"})");
  json pl = json::parse(p.payload);
  CHECK(pl["publicKey"].is_null());
  CHECK(pl["piiPrincipalId"].is_null());
  CHECK(pl["signing"] == json{{"status", "unsigned"}, {"reason", "insecure-context"}});
  std::string jws = unsigned_jws(p.signing_input);
  CHECK(jws == p.signing_input + ".");
  // And the other reasons.
  in.signing = Signing::unsigned_no_webcrypto;
  CHECK(json::parse(prepare_receipt(in, nullptr).payload)["signing"]["reason"] == "no-webcrypto");
  in.signing = Signing::es256_session_key;
  CHECK(json::parse(prepare_receipt(in, &kKey).payload)["signing"] ==
        json{{"status", "ES256"}, {"key", "session"}, {"reason", "no-indexeddb"}});
}

TEST_CASE("the builder refuses bad input, naming the field", "[receipts][builder]") {
  ReceiptInput in = sample();
  auto with = [&](auto change) {
    ReceiptInput copy = sample();
    change(copy);
    return refused(copy);
  };
  CHECK(with([](ReceiptInput& r) { r.aud = "https://namo.kz/"; }) == "aud");
  CHECK(with([](ReceiptInput& r) { r.aud = "namo.kz"; }) == "aud");
  CHECK(with([](ReceiptInput& r) { r.jti = "short"; }) == "jti");
  CHECK(with([](ReceiptInput& r) { r.jti = "has space in it"; }) == "jti");
  CHECK(with([](ReceiptInput& r) { r.iat = 0; }) == "iat");
  CHECK(with([](ReceiptInput& r) { r.language = "kazakh-language-xx"; }) == "language");
  CHECK(with([](ReceiptInput& r) { r.button = ""; }) == "collectionMethod.button");
  CHECK(with([](ReceiptInput& r) { r.controllers.clear(); }) == "piiControllers");
  CHECK(with([](ReceiptInput& r) { r.controllers[0].bin = "180540012344"; }) ==
        "piiControllers.0.bin");
  CHECK(with([](ReceiptInput& r) { r.controllers[0].name = "\xff"; }) == "piiControllers.0.name");
  CHECK(with([](ReceiptInput& r) { r.policy_url = "javascript:alert(1)"; }) == "policyUrl");
  CHECK(with([](ReceiptInput& r) { r.notice = "abc"; }) == "notice");
  CHECK(with([](ReceiptInput& r) { r.decisions.clear(); }) == "decisions");
  CHECK(with([](ReceiptInput& r) { r.decisions[1].purpose = "fun"; }) == "decisions.1.purpose");
  CHECK(with([](ReceiptInput& r) { r.decisions[2].purpose = "analytics"; }) ==
        "decisions.2.purpose");
  CHECK(with([](ReceiptInput& r) { r.decisions[0].allowed = false; }) == "decisions.0.allowed");
  CHECK(with([](ReceiptInput& r) { r.decisions[1].services = {"nope"}; }) ==
        "decisions.1.services.0");
  CHECK(with([](ReceiptInput& r) { r.decisions[1].services.push_back("yandex_metrica"); }) ==
        "decisions.1.services.2");
  CHECK(with([](ReceiptInput& r) { r.event = Event::refused; }) == "event");
  CHECK(with([](ReceiptInput& r) { r.decisions[1].allowed = false; }) == "event");
  CHECK(with([](ReceiptInput& r) { r.expires = r.iat; }) == "expires");
  CHECK(with([](ReceiptInput& r) { r.withdrawal_method = ""; }) == "withdrawal.method");
  CHECK(with([](ReceiptInput& r) { r.storage_retention = ""; }) == "storage.retention");
  CHECK(with([](ReceiptInput& r) { r.seq = -1; }) == "seq");
  CHECK(with([](ReceiptInput& r) { r.prev = r.notice; }) == "prev");
  CHECK(with([](ReceiptInput& r) { r.seq = 1; }) == "prev");
  CHECK(refused(in, nullptr) == "jwk");
  in.signing = Signing::unsigned_no_webcrypto;
  CHECK(refused(in, &kKey) == "jwk");  // an unsigned receipt takes no key
  P256Jwk short_key{kKey.x.substr(0, 40), kKey.y};
  CHECK(refused(sample(), &short_key) == "jwk");
}

TEST_CASE("chain fields: seq and prev", "[receipts][builder]") {
  ReceiptInput in = sample();
  in.seq = 1;
  in.prev = jws_hash("a.b.c");
  in.event = Event::changed;
  Prepared p = prepare_receipt(in, &kKey);
  REQUIRE(p.ok);
  json pl = json::parse(p.payload);
  CHECK(pl["seq"] == 1);
  CHECK(pl["prev"] == in.prev);
  CHECK(in.prev.size() == 43);
}

TEST_CASE("assembling the JWS from a raw signature", "[receipts][builder]") {
  Prepared p = prepare_receipt(sample(), &kKey);
  std::string jws, error;
  std::string signature(64, '\0');
  signature[0] = '\x01';
  REQUIRE(assemble_jws(p.signing_input, signature, jws, error));
  CHECK(jws == p.signing_input + "." + b64url_encode(signature));
  CHECK(jws.size() - p.signing_input.size() == 87);
  CHECK_FALSE(assemble_jws(p.signing_input, std::string(70, 'x'), jws, error));
  CHECK(error.find("64 bytes") != std::string::npos);
  CHECK_FALSE(assemble_jws("no dot here", signature, jws, error));
  CHECK_FALSE(assemble_jws("e30.e30=", signature, jws, error));
}

TEST_CASE("receipts larger than 64 KiB are refused", "[receipts][builder]") {
  ReceiptInput in = sample();
  in.controllers.assign(1000, {"An operator with a fairly long legal name, repeated", "", ""});
  Prepared p = prepare_receipt(in, &kKey);
  CHECK_FALSE(p.ok);
  CHECK(p.error.message.find("64 KiB") != std::string::npos);
}

TEST_CASE("notice hash: SHA-256 of the canonical notice, whatever its spelling",
          "[receipts][builder]") {
  std::string a, b, error;
  REQUIRE(notice_hash(R"({"texts":{"title":"Cookie"},"policyVersion":"2026-01","services":[1,2]})",
                      a, error));
  REQUIRE(notice_hash(
      "{ \"services\" : [1, 2],\n \"policyVersion\":\"2026-01\", \"texts\":{\"title\":\"Cookie\"}}",
      b, error));
  CHECK(a == b);
  // sha256 of {"policyVersion":"2026-01","services":[1,2],"texts":{"title":"Cookie"}}, by
  // `openssl dgst -sha256` and by node's crypto over JSON.stringify of the sorted object.
  CHECK(a == "t8kzmtkF4d-UBY1OGFp9KphOE43y6BroHeoLVt8hqiE");
  REQUIRE(notice_hash(R"({"texts":{"title":"Cookies"},"policyVersion":"2026-01","services":[1,2]})",
                      b, error));
  CHECK(a != b);
  CHECK_FALSE(notice_hash("[1,2]", a, error));
  CHECK_FALSE(notice_hash(R"({"ratio":0.5})", a, error));
}

namespace {

// The builder vector's input, edited.
json builder_input() {
  return json{
      {"aud", "https://namo.kz"},
      {"jti", "0b6f7e52-3c1d-4a9e-8f20-6d5b4c3a2b10"},
      {"iat", 1767225600},
      {"language", "ru"},
      {"collectionMethod", {{"button", "reject_all"}, {"layer", "banner"}}},
      {"piiControllers", {{{"name", "ТОО «Намо»"}, {"bin", ""}, {"contact", ""}}}},
      {"policyUrl", "/privacy"},
      {"policyVersion", "2026-01"},
      {"notice", {{"texts", {{"title", "Cookie"}}}}},
      {"decisions",
       {{{"purpose", "analytics"}, {"allowed", false}, {"services", {"yandex_metrica"}}}}},
      {"event", "refused"},
      {"expires", 1767225600 + 86400},
      {"withdrawal", {{"method", "Settings link"}, {"url", ""}}},
      {"storage", {{"location", "KZ"}, {"retention", "P3Y"}}},
      {"seq", 0},
      {"prev", nullptr},
      {"signing", "ES256"},
      {"jwk", {{"kty", "EC"}, {"crv", "P-256"}, {"x", kKey.x}, {"y", kKey.y}, {"ext", true}}}};
}

json answer(const json& input) {
  return json::parse(prepare_receipt_json(input.dump()));
}

}  // namespace

TEST_CASE("the JSON front end: what the browser bindings call", "[receipts][builder]") {
  json a = answer(builder_input());
  REQUIRE(a["ok"] == true);
  CHECK(a["kid"] == kKid);
  CHECK(a["jws"].is_null());
  CHECK(a["hash"].is_null());
  json payload = json::parse(a["payload"].get<std::string>());
  // The notice object was hashed in the core.
  std::string hash, error;
  REQUIRE(notice_hash(R"({"texts":{"title":"Cookie"}})", hash, error));
  CHECK(payload["notice"] == hash);
  CHECK(payload["event"] == "refused");

  json in = builder_input();
  in["signing"] = "unsigned-insecure-context";
  in.erase("jwk");
  a = answer(in);
  REQUIRE(a["ok"] == true);
  CHECK(a["kid"].is_null());
  CHECK(a["jws"] == a["signingInput"].get<std::string>() + ".");
  CHECK(a["hash"] == jws_hash(a["jws"].get<std::string>()));

  json signed_ = json::parse(assemble_receipt_json(
      answer(builder_input())["signingInput"].get<std::string>(), std::string(64, '\x07')));
  CHECK(signed_["ok"] == true);
  CHECK(signed_["hash"] == jws_hash(signed_["jws"].get<std::string>()));
  CHECK(json::parse(assemble_receipt_json("e30.e30", "short"))["error"]["field"] == "signature");
}

TEST_CASE("the JSON front end refuses bad input, naming the field", "[receipts][builder]") {
  auto field = [](json in) {
    json a = answer(in);
    CHECK(a["ok"] == false);
    return a["error"]["field"].get<std::string>();
  };
  json in = builder_input();
  in["ip"] = "10.0.0.1";
  CHECK(field(in) == "ip");
  in = builder_input();
  in["iat"] = "1767225600";
  CHECK(field(in) == "iat");
  in = builder_input();
  in["iat"] = 1767225600.5;
  CHECK(field(in) == "iat");
  in = builder_input();
  in.erase("storage");
  CHECK(field(in) == "storage");
  in = builder_input();
  in["storage"]["where"] = "x";
  CHECK(field(in) == "storage.where");
  in = builder_input();
  in["decisions"][0]["services"][0] = 5;
  CHECK(field(in) == "decisions.0.services.0");
  in = builder_input();
  in["event"] = "maybe";
  CHECK(field(in) == "event");
  in = builder_input();
  in["prev"] = "";
  CHECK(field(in) == "prev");
  in = builder_input();
  in["signing"] = "RS256";
  CHECK(field(in) == "signing");
  in = builder_input();
  in["jwk"]["d"] = "secret";
  CHECK(field(in) == "jwk.d");
  in = builder_input();
  in["jwk"]["crv"] = "P-384";
  CHECK(field(in) == "jwk");
  in = builder_input();
  in["notice"] = {{"ratio", 0.5}};
  CHECK(field(in) == "notice");
  in = builder_input();
  in["piiControllers"][0]["bin"] = "123";
  CHECK(field(in) == "piiControllers.0.bin");
  CHECK(json::parse(prepare_receipt_json("{"))["ok"] == false);
  CHECK(json::parse(prepare_receipt_json("[]"))["ok"] == false);
}
