// The crafted receipts: every way in which a receipt can be wrong that the issue lists, and
// the valid edge cases (leading zero bytes in r or s, session keys, unsigned receipts).
#include <nlohmann/json.hpp>

#include "cg/receipts/base64url.h"
#include "cg/receipts/jwk.h"
#include "receipt_forge.h"
#include "verify/es256.h"

namespace cg::testkit {
namespace {

using nlohmann::ordered_json;
using receipts::b64url_decode;
using receipts::b64url_encode;

struct Parts {
  std::string header, payload;
};

Parts parts_of(const std::string& jws) {
  Parts p;
  decode_parts(jws, p.header, p.payload);
  return p;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  if (at == std::string::npos) std::abort();
  return s.replace(at, from.size(), to);
}

// Signs until byte 0 of r (half 0) or s (half 1) is zero: about 1 in 256 signatures.
std::string with_leading_zero(const Signer& s, const std::string& jws, int half) {
  std::string input = jws.substr(0, jws.rfind('.')), sig;
  do {
    if (!verify::sign_es256(s.key.get(), input, sig)) std::abort();
  } while (sig[half * 32] != 0);
  return input + "." + b64url_encode(sig);
}

// The payload of a fresh receipt, edited as JSON and signed again with a proper header.
template <typename Edit>
std::string edited(const Signer& s, Edit edit, int n) {
  Parts p = parts_of(make_receipt(s, sample_input(n, 0, "")));
  ordered_json payload = ordered_json::parse(p.payload);
  edit(payload);
  return sign_compact(s, p.header, payload.dump());
}

std::string with_header(const Signer& s, const std::string& payload, ordered_json header) {
  return sign_compact(s, header.dump(), payload);
}

ordered_json header_json(const Signer& s) {
  return ordered_json::parse(header_for(s));
}

void add_structure_cases(std::vector<Case>& out, const std::string& good) {
  std::string h = good.substr(0, good.find('.'));
  out.push_back({"structure: empty", "", "invalid", "structure.empty"});
  out.push_back(
      {"structure: two parts", good.substr(0, good.rfind('.')), "invalid", "structure.parts"});
  out.push_back({"structure: five parts (a JWE)", h + ".a.b.c.d", "invalid", "structure.parts"});
  out.push_back({"structure: padded signature", good + "==", "invalid", "structure.base64url"});
  size_t sig = good.rfind('.') + 1;
  out.push_back({"structure: standard base64 alphabet ('+')",
                 good.substr(0, sig) + "+" + good.substr(sig + 1), "invalid",
                 "structure.base64url"});
  out.push_back(
      {"structure: a space inside", replace(good, ".", ". "), "invalid", "structure.base64url"});
}

void add_header_cases(std::vector<Case>& out, const Signer& s, const Signer& other,
                      const std::string& good) {
  Parts p = parts_of(good);
  std::string payload_b64 = good.substr(good.find('.') + 1, good.rfind('.') - good.find('.') - 1);
  std::string none = b64url_encode(R"({"alg":"none","typ":"consent-receipt+jwt"})");
  out.push_back({"header: alg none, signature part kept",
                 none + "." + payload_b64 + good.substr(good.rfind('.')), "invalid",
                 "header.alg-none"});
  out.push_back({"header: alg none, a signed receipt with its signature stripped",
                 none + "." + payload_b64 + ".", "invalid", "header.alg-none"});
  ordered_json h = header_json(s);
  h["alg"] = "HS256";
  // HMAC keyed with the public key, as the classic RS256/HS256 confusion attack does.
  out.push_back({"header: HS256 keyed with the public key",
                 hmac_compact(ordered_json(h["jwk"]).dump(), h.dump(), p.payload), "invalid",
                 "header.alg-hmac"});
  h["alg"] = "RS256";
  out.push_back({"header: RS256", with_header(s, p.payload, h), "invalid", "header.alg"});
  for (const char* member : {"crit", "jku", "x5u", "x5c"}) {
    ordered_json x = header_json(s);
    x[member] = member == std::string("crit") ? ordered_json::array({"exp"})
                                              : ordered_json("https://evil.example/key");
    out.push_back({std::string("header: ") + member, with_header(s, p.payload, x), "invalid",
                   std::string("header.") + member});
  }
  h = header_json(s);
  h["typ"] = "JWT";
  out.push_back({"header: typ JWT", with_header(s, p.payload, h), "invalid", "header.typ"});
  h.erase("typ");
  out.push_back({"header: no typ", with_header(s, p.payload, h), "invalid", "header.typ"});
  out.push_back(
      {"header: alg twice (ES256, then none)",
       sign_compact(
           s, replace(header_for(s), "\"alg\":\"ES256\"", "\"alg\":\"ES256\",\"alg\":\"none\""),
           p.payload),
       "invalid", "header.duplicate-key"});
  h = header_json(s);
  h["kid"] = other.kid;
  out.push_back({"header: kid of another key", with_header(s, p.payload, h), "invalid",
                 "header.kid-mismatch"});
  h = header_json(s);
  h["jwk"]["crv"] = "P-384";
  out.push_back({"header: ES256 with a P-384 jwk", with_header(s, p.payload, h), "invalid",
                 "header.alg-key-mismatch"});
  h = header_json(s);
  h["jwk"]["d"] = s.d;
  out.push_back({"header: jwk with the private key", with_header(s, p.payload, h), "invalid",
                 "header.jwk-private"});
  h = header_json(s);
  h["jwk"]["email"] = "guest@example.kz";
  out.push_back({"header: jwk with an extra member (personal data outside the payload)",
                 with_header(s, p.payload, h), "invalid", "header.jwk-members"});
  h = header_json(s);
  h["cty"] = "json";
  out.push_back(
      {"header: unknown member", with_header(s, p.payload, h), "invalid", "header.unknown-member"});
  // An invalid-curve point: y + 1 (mod 2^256) is not on P-256 for this x.
  std::string y;
  b64url_decode(s.jwk.y, y);
  for (int i = 31; i >= 0 && ++y[i] == 0; --i) {
  }
  receipts::P256Jwk off{s.jwk.x, b64url_encode(y)};
  h = header_json(s);
  h["jwk"]["y"] = off.y;
  h["kid"] = receipts::jwk_thumbprint(off);
  out.push_back({"header: jwk point not on the curve", with_header(s, p.payload, h), "invalid",
                 "header.point-not-on-curve"});
}

void add_signature_cases(std::vector<Case>& out, const Signer& other, const std::string& good) {
  Parts p = parts_of(good);
  std::string tail = good.substr(good.rfind('.'));
  std::string moved =
      replace(p.payload, "\"aud\":\"https://namo.kz\"", "\"aud\":\"https://evil.kz\"");
  out.push_back({"signature: valid signature over a modified payload",
                 b64url_encode(p.header) + "." + b64url_encode(moved) + tail, "invalid",
                 "signature.invalid"});
  std::string forged = sign_compact(other, p.header, p.payload);
  out.push_back({"signature: signed by another key", forged, "invalid", "signature.invalid"});
  std::string sig;
  b64url_decode(tail.substr(1), sig);
  std::string der = verify::der_from_raw(sig);
  out.push_back({"signature: DER instead of r||s",
                 good.substr(0, good.rfind('.') + 1) + b64url_encode(der), "invalid",
                 "signature.length"});
  std::string swapped = sig.substr(32) + sig.substr(0, 32);
  out.push_back({"signature: r and s swapped",
                 good.substr(0, good.rfind('.') + 1) + b64url_encode(swapped), "invalid",
                 "signature.invalid"});
}

void add_payload_cases(std::vector<Case>& out, const Signer& s, const std::string& good) {
  Parts p = parts_of(good);
  std::string h = p.header;
  out.push_back({"payload: invalid UTF-8, signed",
                 sign_compact(s, h, replace(p.payload, "ТОО", "\xff\xfe")), "invalid",
                 "payload.utf8"});
  out.push_back({"payload: a lone surrogate escape, signed",
                 sign_compact(s, h, replace(p.payload, "\"KZ\"", "\"\\udc00\"")), "invalid",
                 "payload.utf8"});
  out.push_back({"payload: aud twice, signed",
                 sign_compact(s, h,
                              replace(p.payload, "\"aud\":\"https://namo.kz\"",
                                      "\"aud\":\"https://namo.kz\",\"aud\":\"https://evil.kz\"")),
                 "invalid", "payload.duplicate-key"});
  out.push_back({"payload: truncated JSON, signed",
                 sign_compact(s, h, p.payload.substr(0, p.payload.size() / 2)), "invalid",
                 "payload.json"});
  out.push_back({"payload: iat as a string",
                 edited(
                     s, [](auto& j) { j["iat"] = "1767225600"; }, 900),
                 "invalid", "payload.type"});
  out.push_back({"payload: iat as a fraction",
                 edited(
                     s, [](auto& j) { j["iat"] = 1767225600.5; }, 901),
                 "invalid", "payload.type"});
  out.push_back({"payload: no notice",
                 edited(
                     s, [](auto& j) { j.erase("notice"); }, 902),
                 "invalid", "payload.missing"});
  out.push_back({"payload: an ip member",
                 edited(
                     s, [](auto& j) { j["ip"] = "10.0.0.1"; }, 903),
                 "invalid", "payload.unknown-member"});
  out.push_back(
      {"payload: piiPrincipalId of another key",
       edited(
           s,
           [](auto& j) { j["piiPrincipalId"] = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:x"; },
           904),
       "invalid", "payload.header-mismatch"});
  out.push_back({"payload: for another site",
                 edited(
                     s, [](auto& j) { j["aud"] = "https://other.kz"; }, 905),
                 "invalid", "payload.aud"});
  out.push_back({"payload: prev at seq 0",
                 edited(
                     s, [](auto& j) { j["prev"] = b64url_encode(std::string(32, 'p')); }, 906),
                 "invalid", "payload.value"});
  out.push_back(
      {"payload: services[] disagree with decisions[]",
       edited(
           s, [](auto& j) { j["services"][0]["purposes"][0]["consentGiven"] = false; }, 907),
       "invalid", "payload.value"});
  out.push_back({"payload: event given with nothing given",
                 edited(
                     s,
                     [](auto& j) {
                       j["decisions"][1]["consentGiven"] = false;
                       for (auto& svc : j["services"])
                         for (auto& pp : svc["purposes"])
                           if (pp["purpose"] == "analytics") pp["consentGiven"] = false;
                     },
                     908),
                 "invalid", "payload.value"});
}

}  // namespace

std::vector<Case> verify_cases(const Signer& s, const Signer& other) {
  std::vector<Case> out;
  std::string good = make_receipt(s, sample_input(0, 0, ""));
  out.push_back({"valid: a first receipt", good, "valid", ""});
  out.push_back({"valid: r has a leading zero byte", with_leading_zero(s, good, 0), "valid", ""});
  out.push_back({"valid: s has a leading zero byte", with_leading_zero(s, good, 1), "valid", ""});
  receipts::ReceiptInput in = sample_input(1, 0, "");
  in.signing = receipts::Signing::es256_session_key;
  out.push_back({"valid: a session key (no IndexedDB)", make_receipt(s, in), "valid", ""});
  for (auto why :
       {receipts::Signing::unsigned_insecure_context, receipts::Signing::unsigned_no_webcrypto}) {
    in = sample_input(why == receipts::Signing::unsigned_no_webcrypto ? 3 : 2, 0, "");
    in.signing = why;
    out.push_back({why == receipts::Signing::unsigned_no_webcrypto ? "unsigned: no WebCrypto"
                                                                   : "unsigned: insecure context",
                   receipts::unsigned_jws(receipts::prepare_receipt(in, nullptr).signing_input),
                   "unsigned", ""});
  }
  add_structure_cases(out, good);
  add_header_cases(out, s, other, good);
  add_signature_cases(out, other, good);
  add_payload_cases(out, s, good);
  return out;
}

std::vector<ChainCase> chain_cases(const Signer& s) {
  std::vector<ChainCase> out;
  std::vector<std::string> chain = make_chain(s, 4, 100);
  out.push_back({"intact chain of 4", chain, {}});
  out.push_back({"gap: seq 1 missing", {chain[0], chain[2], chain[3]}, {"chain.gap"}});
  out.push_back({"gap: seq 0 missing", {chain[1], chain[2], chain[3]}, {"chain.gap"}});
  // Two receipts at seq 2, both linked to seq 1: two tabs deciding at once without a lock.
  std::string twin = make_receipt(s, sample_input(120, 2, receipts::jws_hash(chain[1])));
  out.push_back({"fork: two receipts at seq 2",
                 {chain[0], chain[1], chain[2], twin, chain[3]},
                 {"chain.fork"}});
  std::string unlinked = make_receipt(s, sample_input(121, 3, receipts::jws_hash(chain[1])));
  out.push_back({"broken link: seq 3 does not follow seq 2",
                 {chain[0], chain[1], chain[2], unlinked},
                 {"chain.broken"}});
  out.push_back(
      {"a receipt twice (identical copy)", {chain[0], chain[1], chain[1]}, {"set.duplicate-jti"}});
  receipts::ReceiptInput again = sample_input(101, 1, receipts::jws_hash(chain[0]));
  again.iat += 60;
  out.push_back({"one jti for two different receipts",
                 {chain[0], chain[1], make_receipt(s, again)},
                 {"set.duplicate-jti"}});
  return out;
}

}  // namespace cg::testkit
