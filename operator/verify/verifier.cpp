#include "verify/verifier.h"

#include "cg/receipts/base64url.h"
#include "cg/receipts/jwk.h"
#include "cg/receipts/receipt.h"
#include "verify/payload.h"
#include "verify/strict_json.h"

namespace cg::verify {
namespace {

using rapidjson::Value;
using receipts::b64url_decode;

std::string_view text_of(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

const Value* member(const Value& obj, std::string_view key) {
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    if (text_of(it->name) == key) return &it->value;
  }
  return nullptr;
}

struct Parts {
  std::string_view header_b64, payload_b64, signature_b64;
  std::string header, payload, signature;  // decoded
};

// What the header established.
struct Header {
  bool unsigned_ = false;
  std::string kid;
  const Value* jwk = nullptr;
  EVP_PKEY* key = nullptr;
  Pkey owned;  // the key when there is no cache to own it
};

class Run {
 public:
  Run(std::string_view jws, const VerifyOptions& options, KeyCache* cache)
      : jws_(jws), options_(options), cache_(cache) {}

  Verdict go() {
    if (structure() && header() && signature() && payload()) {
      verdict_.status = header_.unsigned_ ? Status::unsigned_ : Status::valid;
      verdict_.receipt.hash = receipts::b64url_encode(sha256_bytes(jws_));
      verdict_.message = header_.unsigned_
                             ? "unsigned receipt (" + verdict_.receipt.unsigned_reason +
                                   "): it records a decision but proves nothing"
                             : "signature and contents check out";
    }
    return std::move(verdict_);
  }

 private:
  bool fail(std::string code, std::string message) {
    verdict_.status = Status::invalid;
    verdict_.code = std::move(code);
    verdict_.message = std::move(message);
    return false;
  }

  bool structure() {
    if (jws_.empty()) return fail("structure.empty", "the receipt is empty");
    if (jws_.size() > receipts::kMaxJwsBytes) {
      return fail("structure.size", "the receipt is " + std::to_string(jws_.size()) +
                                        " bytes; receipts are at most 65536");
    }
    size_t first = jws_.find('.'), second = jws_.find('.', first + 1);
    size_t dots = 0;
    for (char c : jws_) dots += c == '.';
    if (dots != 2) {
      return fail("structure.parts", "a compact JWS has 3 parts separated by '.', this has " +
                                         std::to_string(dots + 1) +
                                         (dots == 4 ? " (a JWE, not a JWS)" : ""));
    }
    p_.header_b64 = jws_.substr(0, first);
    p_.payload_b64 = jws_.substr(first + 1, second - first - 1);
    p_.signature_b64 = jws_.substr(second + 1);
    if (p_.header_b64.empty() || p_.payload_b64.empty()) {
      return fail("structure.parts", "the header or payload part is empty");
    }
    const char* names[] = {"header", "payload", "signature"};
    std::string_view in[] = {p_.header_b64, p_.payload_b64, p_.signature_b64};
    std::string* out[] = {&p_.header, &p_.payload, &p_.signature};
    for (int i = 0; i < 3; ++i) {
      if (!b64url_decode(in[i], *out[i])) {
        return fail("structure.base64url", std::string("the ") + names[i] +
                                               " part is not strict base64url (no padding, "
                                               "no '+' '/' or spaces, canonical last character)");
      }
    }
    return true;
  }

  bool header() {
    JsonProblem problem = parse_strict(p_.header, header_doc_);
    if (!problem.code.empty()) return fail("header." + problem.code, "header: " + problem.message);
    if (!header_doc_.IsObject()) return fail("header.json", "the header is not a JSON object");
    const Value& h = header_doc_;
    if (member(h, "crit")) {
      return fail("header.crit", "the header has \"crit\": receipts use no critical extensions");
    }
    for (const char* remote : {"jku", "x5u", "x5c"}) {
      if (member(h, remote)) {
        return fail(std::string("header.") + remote,
                    std::string("the header has \"") + remote +
                        "\": a receipt's key is its own jwk, never fetched or certified elsewhere");
      }
    }
    const Value* typ = member(h, "typ");
    if (!typ || !typ->IsString() || text_of(*typ) != receipts::kReceiptType) {
      return fail("header.typ", "the header's typ must be \"consent-receipt+jwt\"");
    }
    const Value* alg = member(h, "alg");
    if (!alg || !alg->IsString()) return fail("header.alg", "the header has no alg string");
    std::string_view a = text_of(*alg);
    if (a == "none") return unsigned_header();
    if (a.substr(0, 2) == "HS") {
      return fail("header.alg-hmac", "alg " + std::string(a) +
                                         " is refused: HMAC would turn the public key into a "
                                         "shared secret anyone can sign with");
    }
    if (a != "ES256") {
      return fail("header.alg", "alg " + std::string(a) + " is refused: receipts are ES256");
    }
    for (auto it = h.MemberBegin(); it != h.MemberEnd(); ++it) {
      std::string_view name = text_of(it->name);
      if (name != "alg" && name != "typ" && name != "kid" && name != "jwk") {
        return fail("header.unknown-member",
                    "the header member \"" + std::string(name) + "\" is not part of the format");
      }
    }
    return key_from_header(h);
  }

  bool unsigned_header() {
    if (!p_.signature_b64.empty()) {
      return fail("header.alg-none", "alg none with a signature part: not a receipt we make");
    }
    if (header_doc_.MemberCount() != 2) {
      return fail("header.alg-none",
                  "alg none with members besides alg and typ: not an unsigned receipt we make");
    }
    header_.unsigned_ = true;
    return true;
  }

  bool key_from_header(const Value& h) {
    const Value* jwk = member(h, "jwk");
    if (!jwk || !jwk->IsObject()) return fail("header.jwk", "the header has no jwk object");
    const Value* kty = member(*jwk, "kty");
    const Value* crv = member(*jwk, "crv");
    if (!kty || !kty->IsString() || text_of(*kty) != "EC" || !crv || !crv->IsString() ||
        text_of(*crv) != "P-256") {
      return fail("header.alg-key-mismatch", "ES256 needs an EC P-256 jwk (kty EC, crv P-256)");
    }
    if (member(*jwk, "d")) {
      return fail("header.jwk-private", "the jwk contains the private key \"d\"");
    }
    const Value* x = member(*jwk, "x");
    const Value* y = member(*jwk, "y");
    std::string xb, yb;
    if (!x || !x->IsString() || !y || !y->IsString() || !b64url_decode(text_of(*x), xb) ||
        !b64url_decode(text_of(*y), yb) || xb.size() != 32 || yb.size() != 32) {
      return fail("header.jwk", "the jwk's x and y must be 32 bytes each in strict base64url");
    }
    header_.jwk = jwk;
    std::string thumbprint = receipts::jwk_thumbprint(
        receipts::P256Jwk{std::string(text_of(*x)), std::string(text_of(*y))});
    if (!load_key(thumbprint, xb, yb)) return false;
    const Value* kid = member(h, "kid");
    if (!kid || !kid->IsString()) return fail("header.kid", "the header has no kid string");
    if (text_of(*kid) != thumbprint) {
      return fail("header.kid-mismatch",
                  "kid is not the RFC 7638 thumbprint of the jwk (" + thumbprint + ")");
    }
    header_.kid = thumbprint;
    return true;
  }

  bool load_key(const std::string& thumbprint, const std::string& x, const std::string& y) {
    if (cache_ && (header_.key = cache_->find(thumbprint))) return true;
    std::string why;
    Pkey key = p256_public_key(x, y, why);
    if (!key) return fail("header.point-not-on-curve", "the jwk: " + why);
    header_.key = key.get();
    if (cache_) {
      cache_->insert(thumbprint, std::move(key));
    } else {
      header_.owned = std::move(key);
    }
    return true;
  }

  bool signature() {
    if (header_.unsigned_) return true;
    if (p_.signature.size() != 64) {
      return fail("signature.length", "an ES256 signature is 64 bytes (r || s), this one is " +
                                          std::to_string(p_.signature.size()));
    }
    std::string_view input = jws_.substr(0, p_.header_b64.size() + 1 + p_.payload_b64.size());
    if (!verify_es256(header_.key, input, p_.signature)) {
      return fail("signature.invalid",
                  "the signature does not match the header and payload: they were changed after "
                  "signing, or another key signed");
    }
    return true;
  }

  bool payload() {
    rapidjson::Document doc;
    JsonProblem problem = parse_strict(p_.payload, doc);
    if (!problem.code.empty()) {
      return fail("payload." + problem.code, "payload: " + problem.message);
    }
    PayloadContext context{header_.unsigned_, header_.kid, header_.jwk, options_.aud};
    PayloadProblem pp = read_payload(doc, context, verdict_.receipt);
    if (!pp.code.empty()) {
      if (pp.code == "payload.signed-claim") {
        return fail("header.alg-none",
                    "alg none, but the payload says it was signed (ES256): a signed receipt with "
                    "its signature stripped");
      }
      return fail(pp.code, pp.message);
    }
    return true;
  }

  std::string_view jws_;
  const VerifyOptions& options_;
  KeyCache* cache_;
  Verdict verdict_;
  Parts p_;
  rapidjson::Document header_doc_;
  Header header_;
};

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::valid: return "valid";
    case Status::unsigned_: return "unsigned";
    case Status::invalid: return "invalid";
  }
  return "invalid";
}

EVP_PKEY* KeyCache::find(const std::string& kid) const {
  auto it = keys_.find(kid);
  return it == keys_.end() ? nullptr : it->second.get();
}

void KeyCache::insert(const std::string& kid, Pkey key) {
  keys_[kid] = std::move(key);
}

Verdict verify_receipt(std::string_view jws, const VerifyOptions& options, KeyCache* cache) {
  return Run(jws, options, cache).go();
}

}  // namespace cg::verify
