// The shared receipt vectors (tests/vectors/receipts/, written by cg-make-receipts): the
// native verifier and builder must agree with them. The JS side reuses the same files.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cg/receipts/receipt_json.h"
#include "receipt_forge.h"
#include "verify/receipt_set.h"
#include "verify/verifier.h"

using nlohmann::json;
using namespace cg::verify;

namespace {

json load(const std::string& name) {
  std::ifstream in(std::string(CG_VECTORS_DIR) + "/receipts/" + name);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

}  // namespace

TEST_CASE("receipt vectors: verify.json", "[receipts][vectors]") {
  json v = load("verify.json");
  REQUIRE(v["cases"].size() >= 45);
  for (const auto& c : v["cases"]) {
    INFO(c["name"].get<std::string>());
    Verdict verdict = verify_receipt(c["jws"].get<std::string>(), {v["aud"].get<std::string>()});
    CHECK(status_name(verdict.status) == c["status"].get<std::string>());
    CHECK(verdict.code == c.value("code", ""));
  }
}

TEST_CASE("receipt vectors: chains.json", "[receipts][vectors]") {
  json v = load("chains.json");
  REQUIRE(v["sets"].size() >= 7);
  for (const auto& c : v["sets"]) {
    INFO(c["name"].get<std::string>());
    ReceiptSet set({v["aud"].get<std::string>()});
    for (const auto& jws : c["jws"]) set.add(jws.get<std::string>(), "x");
    std::vector<std::string> codes;
    for (const auto& e : set.entries()) {
      if (e.verdict.status == Status::invalid) codes.push_back(e.verdict.code);
    }
    for (const auto& f : set.chains()) codes.emplace_back(finding_code(f.kind));
    CHECK(codes == c["codes"].get<std::vector<std::string>>());
  }
}

TEST_CASE("receipt vectors: builder.json", "[receipts][vectors]") {
  json v = load("builder.json");
  json keys = load("keys.json");
  // The builder answers exactly what the vector says, byte for byte.
  CHECK(json::parse(cg::receipts::prepare_receipt_json(v["input"].dump())) == v["prepared"]);
  CHECK(v["prepared"]["kid"] == keys["signer"]["kid"]);
  std::string hash, error;
  REQUIRE(cg::receipts::notice_hash(v["input"]["notice"].dump(), hash, error));
  CHECK(hash == v["noticeHash"]);
  // The signed receipt verifies, and is the prepared signing input plus a signature.
  std::string jws = v["jws"];
  CHECK(jws.rfind(v["prepared"]["signingInput"].get<std::string>() + ".", 0) == 0);
  CHECK(verify_receipt(jws, {"https://namo.kz"}).status == Status::valid);
  // The published test key is the key that signed.
  cg::testkit::Signer s = cg::testkit::signer_from_private(keys["signer"]["d"].get<std::string>());
  CHECK(s.kid == keys["signer"]["kid"]);
}
