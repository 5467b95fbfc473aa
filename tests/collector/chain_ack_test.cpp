// The log's hash chain, acks and checkpoints as formats: computed independently here.
#include <openssl/evp.h>

#include <catch2/catch.hpp>

#include "ack/ack.h"
#include "cg/receipts/base64url.h"
#include "harness.h"
#include "log/chain.h"
#include "log/checkpoint.h"

using namespace cg::collector;
using cg::receipts::b64url_decode;
using cg::receipts::b64url_encode;

namespace {

std::string sha256(const std::string& data) {
  unsigned char out[32];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), out, &n, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<char*>(out), n);
}

std::shared_ptr<const Keyring> fresh_keys(testing::TempDir& dir, int64_t nbf) {
  std::string kid, error;
  REQUIRE(Keyring::create(dir.file("keys"), nbf, kid, error));
  auto ring = Keyring::load(dir.file("keys"), true, error);
  REQUIRE(ring);
  return ring;
}

AckClaims sample_claims() {
  AckClaims c;
  c.site = "https://namo.kz";
  c.jti = "0b6f7e52-3c1d-4a9e-8f20-6d5b4c3a2b10";
  c.receipt_hash = b64url_encode(sha256("receipt"));
  c.receipt_status = "valid";
  c.received_at_ms = 1767225600123;
  c.log_index = 7;
  c.log_head = b64url_encode(sha256("head 6"));
  return c;
}

// Re-signs a JWS's payload after `edit` with `key` (same header).
std::string replace_payload(const std::string& jws, const std::string& payload,
                            const OperatorKey& key) {
  std::string header = jws.substr(0, jws.find('.'));
  std::string input = header + "." + b64url_encode(payload), sig;
  REQUIRE(key.sign(input, sig));
  return input + "." + b64url_encode(sig);
}

}  // namespace

TEST_CASE("chain: genesis and next head are the documented SHA-256 compositions",
          "[collector][chain]") {
  std::string site = "https://namo.kz";
  CHECK(genesis_head(site) == sha256("consent-guard/log/v1\n" + site));
  CHECK(genesis_head(site) != genesis_head("https://other.kz"));
  std::string prev = sha256("p"), receipt = sha256("r"), ack = "eyJ.eyJ.sig";
  CHECK(next_head(prev, receipt, ack) == sha256(prev + receipt + sha256(ack)));
  std::string text;
  REQUIRE(next_head_text(b64url_encode(prev), b64url_encode(receipt), ack, text));
  CHECK(text == b64url_encode(sha256(prev + receipt + sha256(ack))));
  CHECK_FALSE(next_head_text("short", b64url_encode(receipt), ack, text));
  CHECK(genesis_head_text(site) == b64url_encode(genesis_head(site)));
}

TEST_CASE("ack: signed, typed, and read back strictly", "[collector][ack]") {
  testing::TempDir dir;
  auto keys = fresh_keys(dir, 1767225000);
  AckClaims claims = sample_claims();
  std::string jws = make_ack(*keys->active(), claims);

  std::string header, payload;
  REQUIRE(b64url_decode(jws.substr(0, jws.find('.')), header));
  CHECK(header == "{\"alg\":\"ES256\",\"typ\":\"consent-ack+jwt\",\"kid\":\"" +
                      keys->active()->kid() + "\"}");
  CHECK(ack_payload(claims) ==
        "{\"site\":\"https://namo.kz\",\"jti\":\"0b6f7e52-3c1d-4a9e-8f20-6d5b4c3a2b10\","
        "\"receiptHash\":\"" +
            claims.receipt_hash +
            "\",\"receiptStatus\":\"valid\",\"iat\":1767225600,\"receivedAt\":1767225600123,"
            "\"logIndex\":7,\"logHead\":\"" +
            claims.log_head + "\"}");

  AckClaims back;
  REQUIRE_FALSE(read_ack(jws, *keys, back));
  CHECK(back.site == claims.site);
  CHECK(back.jti == claims.jti);
  CHECK(back.receipt_hash == claims.receipt_hash);
  CHECK(back.received_at_ms == claims.received_at_ms);
  CHECK(back.log_index == 7);
  CHECK(back.log_head == claims.log_head);

  SECTION("a modified payload fails the signature") {
    std::string forged = jws;
    std::string p = ack_payload(claims);
    p.replace(p.find("\"logIndex\":7"), 12, "\"logIndex\":8");
    forged = jws.substr(0, jws.find('.') + 1) + b64url_encode(p) + jws.substr(jws.rfind('.'));
    CHECK(read_ack(forged, *keys, back).code == "ack.signature");
  }
  SECTION("an unknown key") {
    testing::TempDir other_dir;
    auto other = fresh_keys(other_dir, 1767225000);
    CHECK(read_ack(make_ack(*other->active(), claims), *keys, back).code == "ack.kid");
  }
  SECTION("signed before the key's window") {
    claims.received_at_ms = 1767224000000;
    CHECK(read_ack(make_ack(*keys->active(), claims), *keys, back).code == "ack.window");
  }
  SECTION("wrong typ, extra members, broken structure") {
    CHECK(read_ack(sign_operator_jws(*keys->active(), "JWT", ack_payload(claims)), *keys, back)
              .code == "ack.header");
    std::string extra = ack_payload(claims);
    extra.insert(extra.size() - 1, ",\"x\":1");
    CHECK(read_ack(replace_payload(jws, extra, *keys->active()), *keys, back).code ==
          "ack.payload");
    std::string bad_iat = ack_payload(claims);
    bad_iat.replace(bad_iat.find("1767225600,"), 10, "1767225601");
    CHECK(read_ack(replace_payload(jws, bad_iat, *keys->active()), *keys, back).code ==
          "ack.payload");
    CHECK(read_ack("a.b", *keys, back).code == "ack.structure");
    CHECK(read_ack(jws + "=", *keys, back).code == "ack.structure");
  }
}

TEST_CASE("checkpoint: signed head, export lines", "[collector][checkpoint]") {
  testing::TempDir dir;
  auto keys = fresh_keys(dir, 1767225000);
  CheckpointClaims claims{"https://namo.kz", 42, b64url_encode(sha256("h")), 1767225600};
  std::string jws = make_checkpoint(*keys->active(), claims);
  CheckpointClaims back;
  REQUIRE_FALSE(read_checkpoint(jws, *keys, back));
  CHECK(back.site == claims.site);
  CHECK(back.size == 42);
  CHECK(back.head == claims.head);
  CHECK(read_checkpoint(make_ack(*keys->active(), sample_claims()), *keys, back).code ==
        "checkpoint.header");
  std::string tampered = jws;
  tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
  CHECK(read_checkpoint(tampered, *keys, back).code == "checkpoint.signature");

  std::string file = checkpoint_line(jws, claims, keys->active()->kid()) + "\n\n" + jws + "\r\n";
  std::vector<std::string> lines;
  std::string error;
  REQUIRE(read_checkpoint_lines(file, lines, error));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == jws);
  CHECK(lines[1] == jws);
  CHECK_FALSE(read_checkpoint_lines("{\"nope\":1}\n", lines, error));
  CHECK(error.find("line 1") != std::string::npos);
}
