// The native verifier, one receipt at a time: RFC 7515 A.3, signature encodings, every
// crafted receipt of the test kit, and hostile input that must fail precisely, not crash.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "cg/receipts/base64url.h"
#include "cg/receipts/sha256.h"
#include "receipt_forge.h"
#include "verify/es256.h"
#include "verify/verifier.h"

using namespace cg;
using namespace cg::verify;
using receipts::b64url_decode;
using receipts::b64url_encode;

namespace {

const VerifyOptions kNamo{"https://namo.kz"};

const testkit::Signer& signer() {
  static testkit::Signer s = testkit::new_signer();
  return s;
}

std::string decoded(std::string_view b64) {
  std::string out;
  REQUIRE(b64url_decode(b64, out));
  return out;
}

}  // namespace

TEST_CASE("RFC 7515 A.3: the ES256 example signature verifies", "[receipts][verify]") {
  // The example's header is {"alg":"ES256"}: no typ, kid or jwk, so it is checked with the
  // signature routine the verifier uses, not as a receipt.
  std::string input =
      "eyJhbGciOiJFUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVl"
      "fQ";
  std::string sig = decoded(
      "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");
  std::string error;
  Pkey key = p256_public_key(decoded("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
                             decoded("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"), error);
  REQUIRE(key);
  CHECK(verify_es256(key.get(), input, sig));
  std::string changed = input;
  changed[30] ^= 1;
  CHECK_FALSE(verify_es256(key.get(), changed, sig));
  std::string bad_sig = sig;
  bad_sig[63] ^= 1;
  CHECK_FALSE(verify_es256(key.get(), input, bad_sig));
  CHECK_FALSE(verify_es256(key.get(), input, sig.substr(0, 63)));
  // The verdict on the example as a receipt: refused for its header, before any signature.
  CHECK(verify_receipt(input + "." + b64url_encode(sig), {}).code == "header.typ");
}

TEST_CASE("raw r||s and DER convert both ways, leading zero bytes included", "[receipts][verify]") {
  const testkit::Signer& s = signer();
  bool zero_r = false, zero_s = false;
  for (int i = 0; i < 20000 && !(zero_r && zero_s); ++i) {
    std::string message = "message " + std::to_string(i), raw;
    REQUIRE(sign_es256(s.key.get(), message, raw));
    REQUIRE(raw.size() == 64);
    bool r0 = raw[0] == 0, s0 = raw[32] == 0;
    if (!r0 && !s0 && i > 50) continue;
    std::string der = der_from_raw(raw), back;
    REQUIRE(raw_from_der(der, back));
    CHECK(back == raw);
    CHECK(verify_es256(s.key.get(), message, raw));
    if (r0) {
      zero_r = true;
      // DER integers are minimal: a leading zero byte of r disappears (unless the next
      // byte's high bit needs a 0x00 pad), so the DER is shorter than usual.
      CHECK(der.size() < 72);
    }
    zero_s = zero_s || s0;
  }
  CHECK(zero_r);
  CHECK(zero_s);
  CHECK(der_from_raw(std::string(63, '\1')).empty());
  std::string raw;
  CHECK_FALSE(raw_from_der("\x30\x03\x02\x01", raw));
  // Non-minimal DER (r = 0x00 0x01 where 0x01 suffices) is refused.
  CHECK_FALSE(raw_from_der(std::string("\x30\x07\x02\x02\x00\x01\x02\x01\x01", 9), raw));
}

TEST_CASE("points off the curve are refused when the key is loaded", "[receipts][verify]") {
  std::string x = decoded(signer().jwk.x), y = decoded(signer().jwk.y), error;
  CHECK(p256_public_key(x, y, error));
  std::string y2 = y;
  y2[31] ^= 1;
  CHECK_FALSE(p256_public_key(x, y2, error));
  CHECK(error.find("not on the P-256 curve") != std::string::npos);
  CHECK_FALSE(p256_public_key(std::string(32, '\0'), std::string(32, '\0'), error));
  CHECK_FALSE(p256_public_key(std::string(32, '\xff'), y, error));  // x >= p
  CHECK_FALSE(p256_public_key(x, y.substr(1), error));
}

TEST_CASE("one Es256Verifier re-pointed from key to key checks only against the last",
          "[receipts][verify]") {
  const testkit::Signer& a = signer();
  testkit::Signer b = testkit::new_signer();
  std::string ax = decoded(a.jwk.x), ay = decoded(a.jwk.y), bx = decoded(b.jwk.x),
              by = decoded(b.jwk.y), off_y = ay, error;
  off_y[31] ^= 1;
  std::string by_a, by_b;
  REQUIRE(sign_es256(a.key.get(), "message", by_a));
  REQUIRE(sign_es256(b.key.get(), "message", by_b));
  std::string d = sha256_bytes("message");
  Sha256Digest digest;
  std::copy(d.begin(), d.end(), digest.begin());

  Es256Verifier verifier;
  CHECK_FALSE(verifier.verify(digest, by_a));  // no key yet
  REQUIRE(verifier.set_key(ax, ay, error));
  CHECK(verifier.verify(digest, by_a));
  CHECK_FALSE(verifier.verify(digest, by_b));
  REQUIRE(verifier.set_key(bx, by, error));
  CHECK(verifier.verify(digest, by_b));
  CHECK_FALSE(verifier.verify(digest, by_a));
  // A refused point leaves no key behind: neither the refused one nor the one before.
  CHECK_FALSE(verifier.set_key(ax, off_y, error));
  CHECK(error.find("not on the P-256 curve") != std::string::npos);
  CHECK_FALSE(verifier.verify(digest, by_b));
  CHECK_FALSE(verifier.set_key(bx, by.substr(1), error));
  REQUIRE(verifier.set_key(ax, ay, error));
  CHECK(verifier.verify(digest, by_a));
  CHECK_FALSE(verifier.verify(digest, by_a.substr(1)));
}

TEST_CASE("receipts in turns from several keys are each checked against their own jwk",
          "[receipts][verify]") {
  const testkit::Signer& a = signer();
  testkit::Signer b = testkit::new_signer();
  std::string from_a = testkit::make_receipt(a, testkit::sample_input(1, 0, ""));
  std::string from_b = testkit::make_receipt(b, testkit::sample_input(2, 0, ""));
  std::string header_b, payload_b, off_curve;
  REQUIRE(testkit::decode_parts(from_b, header_b, payload_b));
  std::string names_b_signed_by_a = testkit::sign_compact(a, header_b, payload_b);
  for (const auto& c : testkit::verify_cases(a, b)) {
    if (c.code == "header.point-not-on-curve") off_curve = c.jws;  // signed by a
  }
  REQUIRE_FALSE(off_curve.empty());
  KeyCache cache;
  for (KeyCache* use : {static_cast<KeyCache*>(nullptr), &cache}) {
    for (int round = 0; round < 2; ++round) {
      INFO((use ? "with" : "without") << " a key cache, round " << round);
      CHECK(verify_receipt(from_a, kNamo, use).status == Status::valid);
      CHECK(verify_receipt(names_b_signed_by_a, kNamo, use).code == "signature.invalid");
      CHECK(verify_receipt(from_b, kNamo, use).status == Status::valid);
      CHECK(verify_receipt(off_curve, kNamo, use).code == "header.point-not-on-curve");
      CHECK(verify_receipt(names_b_signed_by_a, kNamo, use).code == "signature.invalid");
      CHECK(verify_receipt(from_a, kNamo, use).status == Status::valid);
      CHECK(verify_receipt(from_a, kNamo, use).receipt.kid == a.kid);
    }
  }
  CHECK(cache.size() == 2);  // a and b: the refused point is not kept
}

TEST_CASE("the core's SHA-256 agrees with OpenSSL's", "[receipts][verify]") {
  std::mt19937 random(7);
  for (size_t n : {0, 1, 31, 55, 56, 64, 100, 1000, 4096, 65537}) {
    std::string data(n, '\0');
    for (auto& c : data) c = static_cast<char>(random());
    CHECK(receipts::digest_bytes(receipts::sha256(data)) == sha256_bytes(data));
  }
}

TEST_CASE("every crafted receipt gets its verdict", "[receipts][verify]") {
  testkit::Signer other = testkit::new_signer();
  auto cases = testkit::verify_cases(signer(), other);
  CHECK(cases.size() >= 45);
  for (const auto& c : cases) {
    INFO(c.name);
    Verdict v = verify_receipt(c.jws, kNamo);
    CHECK(status_name(v.status) == c.status);
    CHECK(v.code == c.code);
    CHECK_FALSE(v.message.empty());
  }
}

TEST_CASE("a valid receipt's contents are read out", "[receipts][verify]") {
  std::string jws = testkit::make_receipt(signer(), testkit::sample_input(7, 0, ""));
  Verdict v = verify_receipt(jws, kNamo);
  REQUIRE(v.status == Status::valid);
  const Receipt& r = v.receipt;
  CHECK(r.kid == signer().kid);
  CHECK(r.jti == "test-receipt-000007");
  CHECK(r.aud == "https://namo.kz");
  CHECK(r.event == "given");
  CHECK(r.iat == 1767225600);
  CHECK(r.exp == 1767225600 + 365 * 86400);
  CHECK(r.seq == 0);
  CHECK(r.prev.empty());
  CHECK(r.hash == receipts::jws_hash(jws));
  REQUIRE(r.decisions.size() == 4);
  CHECK(r.decisions[1] == std::make_pair(std::string("analytics"), true));
  // Without an expected aud any origin passes; with another one it fails.
  CHECK(verify_receipt(jws, {}).status == Status::valid);
  CHECK(verify_receipt(jws, {"https://other.kz"}).code == "payload.aud");
}

TEST_CASE("oversized, truncated and mangled receipts fail precisely", "[receipts][verify]") {
  std::string jws = testkit::make_receipt(signer(), testkit::sample_input(8, 0, ""));
  CHECK(verify_receipt(std::string(64 * 1024 + 1, 'a'), kNamo).code == "structure.size");
  // Every prefix fails, and says so with a code.
  for (size_t n = 0; n < jws.size(); ++n) {
    Verdict v = verify_receipt(jws.substr(0, n), kNamo);
    INFO("prefix of " << n << " bytes");
    CHECK(v.status == Status::invalid);
    bool named = false;
    for (const char* kind : {"structure.", "header.", "signature."}) {
      named = named || v.code.rfind(kind, 0) == 0;
    }
    CHECK(named);
  }
  // Every single-character change fails.
  const std::string alphabet = "ABCZaz09-_.=+/ \xff";
  std::mt19937 random(1);
  for (size_t at = 0; at < jws.size(); at += 1 + random() % 7) {
    std::string changed = jws;
    changed[at] = alphabet[random() % alphabet.size()];
    if (changed == jws) continue;
    INFO("changed byte " << at);
    CHECK(verify_receipt(changed, kNamo).status == Status::invalid);
  }
}

TEST_CASE("a payload of the wrong JSON type, or no payload at all", "[receipts][verify]") {
  std::string h = testkit::header_for(signer());
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, "[1,2]"), kNamo).code == "payload.type");
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, "\"receipt\""), kNamo).code ==
        "payload.type");
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, "{}"), kNamo).code == "payload.missing");
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, "{} x"), kNamo).code == "payload.json");
  std::string deep = std::string(40, '[') + std::string(40, ']');
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, deep), kNamo).code == "payload.depth");
  // Deep enough to overflow a recursive parser's stack, still under 64 KiB.
  std::string deeper = std::string(15000, '[') + std::string(15000, ']');
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, deeper), kNamo).code == "payload.depth");
  CHECK(verify_receipt(testkit::sign_compact(signer(), h, std::string(30000, '[')), kNamo).code ==
        "payload.json");
  CHECK(verify_receipt(testkit::sign_compact(signer(), "[]", "{}"), kNamo).code == "header.json");
  CHECK(verify_receipt(testkit::sign_compact(signer(), "{\"alg\":", "{}"), kNamo).code ==
        "header.json");
  // RapidJSON stops at a NUL byte as at the end of the text: whatever follows one must not
  // slip through unparsed.
  std::string jws = testkit::make_receipt(signer(), testkit::sample_input(9, 0, ""));
  std::string header, payload;
  REQUIRE(testkit::decode_parts(jws, header, payload));
  std::string nul("\0", 1);
  CHECK(
      verify_receipt(testkit::sign_compact(signer(), header, payload + nul + "junk"), kNamo).code ==
      "payload.json");
  CHECK(verify_receipt(testkit::sign_compact(signer(), header + nul + "]", payload), kNamo).code ==
        "header.json");
}
