// The receipts' building blocks in the core: SHA-256, base64url, RFC 8785 canonical JSON and
// RFC 7638 thumbprints, against the standards' own vectors.
#include <catch2/catch.hpp>
#include <string>

#include "cg/json.h"
#include "cg/receipts/base64url.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/jwk.h"
#include "cg/receipts/sha256.h"
#include "cg/utf8.h"

using namespace cg;
using namespace cg::receipts;

namespace {

std::string hex_sha256(std::string_view s) {
  return to_hex(digest_bytes(sha256(s)));
}

std::string canonical(std::string_view text) {
  std::string out, error;
  INFO(text);
  REQUIRE(canonicalize_text(text, out, error));
  return out;
}

std::string canonical_error(std::string_view text) {
  std::string out, error;
  INFO(text);
  REQUIRE_FALSE(canonicalize_text(text, out, error));
  return error;
}

}  // namespace

TEST_CASE("SHA-256 matches the NIST FIPS 180-4 examples", "[receipts][sha256]") {
  CHECK(hex_sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex_sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(
      hex_sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                 "klmnopqrlmnopqrsmnopqrstnopqrstu") ==
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(hex_sha256(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives the same digest however the input is split", "[receipts][sha256]") {
  std::string message;
  for (int i = 0; i < 300; ++i) message += static_cast<char>(i * 7 + 3);
  for (size_t length : {0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 300}) {
    std::string_view m(message.data(), length);
    Digest whole = sha256(m);
    for (size_t step : {1, 3, 63, 64, 100}) {
      Sha256 h;
      for (size_t at = 0; at < m.size(); at += step) h.update(m.substr(at, step));
      INFO("length " << length << ", step " << step);
      CHECK(h.finish() == whole);
    }
  }
}

TEST_CASE("base64url encodes the RFC 4648 vectors without padding", "[receipts][base64url]") {
  const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
  const char* coded[] = {"", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"};
  for (int i = 0; i < 7; ++i) {
    CHECK(b64url_encode(plain[i]) == coded[i]);
    std::string back;
    CHECK(b64url_decode(coded[i], back));
    CHECK(back == plain[i]);
  }
  // The URL-safe alphabet: 0xfb 0xff -> "-_8" (standard base64 would say "+/8=").
  CHECK(b64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("base64url round-trips every byte value", "[receipts][base64url]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n <= all.size(); n += 17) {
    std::string back;
    REQUIRE(b64url_decode(b64url_encode(all.substr(0, n)), back));
    CHECK(back == all.substr(0, n));
  }
}

TEST_CASE("base64url decoding is strict", "[receipts][base64url]") {
  std::string out;
  for (const char* bad : {"Zg==", "Zm8=", "Zg=", "Z", "Zm9vY", "Zm9v+", "Zm9v/", "Zm 9v", "Zm9v\n",
                          "Zh", "Zm9", "Zm9vYh", "Zm9vYmF", "Zm.9", "Zm\x80v"}) {
    INFO(bad);
    CHECK_FALSE(b64url_decode(bad, out));
  }
  // "Zh" and "Zm9" spell "f" and "fo" with non-zero unused bits: only "Zg" and "Zm8" are right.
  CHECK(b64url_decode("Zg", out));
  CHECK(b64url_decode("Zm8", out));
}

TEST_CASE("JCS: the RFC 8785 §3.2.2 example, without its non-integer numbers", "[receipts][jcs]") {
  CHECK(canonical(R"({
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    })") ==
        "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

TEST_CASE("JCS: the RFC 8785 §3.2.3 sorting example (UTF-16 code unit order)", "[receipts][jcs]") {
  std::string in = R"({
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    })";
  // The emoji (U+1F600, surrogates D83D DE00) sorts before U+FB33 by UTF-16 code units,
  // although its code point is larger.
  CHECK(canonical(in) ==
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
        "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
        "\"\U0001F600\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  CHECK(utf16_less("\U0001F600", "\ufb33"));
  CHECK_FALSE(utf16_less("\ufb33", "\U0001F600"));
}

TEST_CASE("JCS: integers of RFC 8785 Appendix B that are in our subset", "[receipts][jcs]") {
  CHECK(canonical("0") == "0");
  CHECK(canonical("-0") == "0");
  CHECK(canonical("9007199254740992") == "9007199254740992");
  CHECK(canonical("-9007199254740992") == "-9007199254740992");
  CHECK(canonical("[1,-2,30]") == "[1,-2,30]");
}

TEST_CASE("JCS refuses what it cannot write exactly, saying where", "[receipts][jcs]") {
  // 295147905179352830000 is in Appendix B; we refuse it rather than format a double.
  for (const char* text : {"295147905179352830000", "9007199254740993", "1.5", "1e30", "4.50"}) {
    CHECK(canonical_error(text).find("not an integer") != std::string::npos);
  }
  CHECK(canonical_error(R"({"a":{"b":[0,2.5]}})").find("\"/a/b/1\"") != std::string::npos);
  CHECK(canonical_error(R"({"a":1,"a":2})").find("not strict JSON") != std::string::npos);
  std::string deep(33, '['), out, error;
  deep += std::string(33, ']');
  CHECK(canonical_error(deep).find("past its limits") != std::string::npos);
  // A value built in memory, not parsed, meets the same depth limit.
  cg::json::Document built;
  built.SetArray();
  for (int i = 0; i < 40; ++i) {
    cg::json::Value outer(rapidjson::kArrayType);
    outer.PushBack(built, built.GetAllocator());
    static_cast<cg::json::Value&>(built).Swap(outer);
  }
  CHECK_FALSE(cg::receipts::canonicalize(built, out, error));
  CHECK(error.find("deeper than 32") != std::string::npos);
}

TEST_CASE("JCS escapes strings as ECMAScript JSON.stringify does", "[receipts][jcs]") {
  CHECK(canonical(R"("\u0000\u001f\u007f\u2028\u2029/\b\f\n\r\t")") ==
        "\"\\u0000\\u001f\x7f\u2028\u2029/\\b\\f\\n\\r\\t\"");
  CHECK(canonical(R"({"b":[],"a":{},"":null})") == R"({"":null,"a":{},"b":[]})");
  CHECK(canonical(" [ true , \"\u049a\u0430\u0437\u0430\u049b\" ] ") ==
        "[true,\"\u049a\u0430\u0437\u0430\u049b\"]");
}

TEST_CASE("JCS refuses ill-formed UTF-8 in values built by hand", "[receipts][jcs]") {
  json::Document doc;
  doc.SetObject();
  doc.AddMember("k", json::Value("\xed\xa0\x80", doc.GetAllocator()), doc.GetAllocator());
  std::string out, error;
  CHECK_FALSE(canonicalize(doc, out, error));
  CHECK(error.find("UTF-8") != std::string::npos);
  CHECK(cg::utf8::valid("\xd2\x9a"));
  for (const char* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\x80"}) {
    CHECK_FALSE(cg::utf8::valid(bad));
  }
}

TEST_CASE("RFC 7638 §3.1: the thumbprint of the example RSA key", "[receipts][jwk]") {
  json::Document jwk;
  REQUIRE(json::parse(
      R"({"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"})",
      jwk));
  std::string thumbprint, error;
  REQUIRE(jwk_thumbprint(jwk, thumbprint, error));
  CHECK(thumbprint == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
}

TEST_CASE("RFC 7638: the EC thumbprint of the RFC 7515 A.3 key", "[receipts][jwk]") {
  // Expected value computed independently with npm jose 6.2.17 calculateJwkThumbprint() and with
  // `printf '{"crv":"P-256","kty":"EC","x":"..","y":".."}' | openssl dgst -sha256 -binary`.
  P256Jwk key{"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
              "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"};
  std::string error;
  REQUIRE(check_p256_jwk(key, error));
  CHECK(jwk_thumbprint(key) == "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U");
  json::Document jwk;
  REQUIRE(json::parse(R"({"y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","use":"sig",
      "kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","crv":"P-256"})",
                      jwk));
  std::string thumbprint;
  REQUIRE(jwk_thumbprint(jwk, thumbprint, error));
  CHECK(thumbprint == jwk_thumbprint(key));
  CHECK(thumbprint_urn(thumbprint) == "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + thumbprint);
}

TEST_CASE("JWK checks refuse malformed keys", "[receipts][jwk]") {
  std::string error, thumbprint;
  std::string good = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
  CHECK_FALSE(check_p256_jwk({good.substr(1), good}, error));
  CHECK(error.find("x must be 32 bytes") != std::string::npos);
  CHECK_FALSE(check_p256_jwk({good, good + "A"}, error));
  CHECK_FALSE(check_p256_jwk({good, good.substr(0, 42) + "="}, error));
  json::Document jwk;
  REQUIRE(json::parse(R"({"kty":"EC","crv":"P-256","x":"abc"})", jwk));
  CHECK_FALSE(jwk_thumbprint(jwk, thumbprint, error));
  CHECK(error.find("\"y\"") != std::string::npos);
  REQUIRE(json::parse(R"({"kty":"XYZ"})", jwk));
  CHECK_FALSE(jwk_thumbprint(jwk, thumbprint, error));
  REQUIRE(json::parse(R"({"kty":"EC","crv":"P-256","x":"a","y":7})", jwk));
  CHECK_FALSE(jwk_thumbprint(jwk, thumbprint, error));
}
