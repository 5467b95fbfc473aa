#include "verify/verifier.h"

#include "cg/json.h"
#include "cg/receipts/base64url.h"
#include "cg/receipts/receipt.h"
#include "verify/payload.h"
#include "verify/strict_json.h"

namespace cg::verify {
namespace {

using rapidjson::Value;
using receipts::b64url_decode;

using json::member;
constexpr auto text_of = json::string_of;

struct Parts {
  std::string_view header_b64, payload_b64, signature_b64;
  // Decoded. Header and payload are parsed in place: the documents' strings point into them.
  std::string header, payload, signature;
};

// What the header established.
struct Header {
  bool unsigned_ = false;
  std::string kid;
  const Value* jwk = nullptr;
  Es256Verifier* verifier = nullptr;  // set to the header's key
};

// The RFC 7638 thumbprint of the P-256 jwk (x, y): SHA-256 of its required members in
// lexicographic order without whitespace, in base64url. The same text and hash as
// receipts::jwk_thumbprint (tests compare kids made by the builder with it), but hashed by
// OpenSSL, which uses the CPU's SHA instructions: a third of the time of the core's portable
// SHA-256. x and y are strict base64url here, so they need no JSON escaping.
std::string p256_thumbprint(std::string_view x, std::string_view y) {
  std::string text = R"({"crv":"P-256","kty":"EC","x":")";
  text.append(x).append(R"(","y":")").append(y).append(R"("})");
  return receipts::b64url_encode(sha256_bytes(text));
}

// The verifier for calls without a KeyCache: one per thread, so that even then a receipt
// costs no new OpenSSL key and context.
Es256Verifier& thread_verifier() {
  thread_local Es256Verifier verifier;
  return verifier;
}

class Run {
 public:
  Run(std::string_view jws, const VerifyOptions& options, KeyCache* cache)
      : jws_(jws), options_(options), cache_(cache) {}

  Verdict go() {
    if (structure() && header() && signature() && payload()) {
      verdict_.status = header_.unsigned_ ? Status::unsigned_ : Status::valid;
      std::string_view hash(reinterpret_cast<const char*>(jws_hash_.data()), jws_hash_.size());
      std::string unsigned_hash;
      if (header_.unsigned_) hash = unsigned_hash = sha256_bytes(jws_);
      verdict_.receipt.hash = receipts::b64url_encode(hash);
      verdict_.message = header_.unsigned_
                             ? "unsigned receipt (" + verdict_.receipt.unsigned_reason +
                                   "): it records a decision but proves nothing"
                             : "all checks pass";
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
    size_t dots = first == std::string_view::npos ? 0 : second == std::string_view::npos ? 1 : 2;
    if (dots == 2) {
      for (size_t at = jws_.find('.', second + 1); at != std::string_view::npos;
           at = jws_.find('.', at + 1)) {
        ++dots;
      }
    }
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
    JsonProblem problem = parse_strict_in_place(p_.header, header_doc_);
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
    // Exactly kty, crv, x and y (docs/receipts.md): anything else (an e-mail, a name, a
    // blob) would be personal data stored with every receipt, outside what was signed for.
    if (jwk->MemberCount() != 4) {
      return fail("header.jwk-members", "the jwk must have exactly kty, crv, x and y");
    }
    const Value* x = member(*jwk, "x");
    const Value* y = member(*jwk, "y");
    std::string xb, yb;
    if (!x || !x->IsString() || !y || !y->IsString() || !b64url_decode(text_of(*x), xb) ||
        !b64url_decode(text_of(*y), yb) || xb.size() != 32 || yb.size() != 32) {
      return fail("header.jwk", "the jwk's x and y must be 32 bytes each in strict base64url");
    }
    header_.jwk = jwk;
    std::string thumbprint;
    if (!load_key(text_of(*x), text_of(*y), xb, yb, thumbprint)) return false;
    const Value* kid = member(h, "kid");
    if (!kid || !kid->IsString()) return fail("header.kid", "the header has no kid string");
    if (text_of(*kid) != thumbprint) {
      return fail("header.kid-mismatch",
                  "kid is not the RFC 7638 thumbprint of the jwk (" + thumbprint + ")");
    }
    header_.kid = thumbprint;
    return true;
  }

  // Sets the verifier to the jwk's key (x, y as text and as bytes) and gives its
  // thumbprint, from the cache when it has it.
  bool load_key(std::string_view x, std::string_view y, const std::string& xb,
                const std::string& yb, std::string& thumbprint) {
    Es256Verifier& verifier = cache_ ? cache_->verifier() : thread_verifier();
    std::string why;
    if (!verifier.set_key(xb, yb, why)) return fail("header.point-not-on-curve", "the jwk: " + why);
    header_.verifier = &verifier;
    thumbprint = cache_ ? cache_->kid(x, y) : p256_thumbprint(x, y);
    return true;
  }

  bool signature() {
    if (header_.unsigned_) return true;
    if (p_.signature.size() != 64) {
      return fail("signature.length", "an ES256 signature is 64 bytes (r || s), this one is " +
                                          std::to_string(p_.signature.size()));
    }
    // One pass of SHA-256 gives the signature's digest (of the signing input) and, going on
    // over "." and the signature part, the receipt's hash that the next receipt's prev holds.
    size_t input_size = p_.header_b64.size() + 1 + p_.payload_b64.size();
    Sha256Digest input_digest, whole{};
    sha256_prefix_and_whole(jws_.substr(0, input_size), jws_.substr(input_size), input_digest,
                            whole);
    jws_hash_ = whole;
    if (!header_.verifier->verify(input_digest, p_.signature)) {
      return fail("signature.invalid",
                  "the signature does not match the header and payload: they were changed after "
                  "signing, or another key signed");
    }
    return true;
  }

  bool payload() {
    rapidjson::Document doc(&pool_);
    JsonProblem problem = parse_strict_in_place(p_.payload, doc);
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
  Sha256Digest jws_hash_{};  // SHA-256 of the whole JWS, once the signature was checked
  // Both documents allocate from a buffer on the stack: a receipt's DOM fits in it, so
  // parsing costs no heap allocation (larger ones spill over to the heap). Declared after
  // p_, whose text they point into.
  char buffer_[32 * 1024];
  rapidjson::MemoryPoolAllocator<> pool_{buffer_, sizeof buffer_};
  rapidjson::Document header_doc_{&pool_};
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

namespace {

// "x.y" in a buffer on the stack: lookups allocate nothing (coordinates are 43 characters).
struct KeyId {
  char text[128];
  size_t size = 0;
  KeyId(std::string_view x, std::string_view y) {
    if (x.size() + y.size() + 1 > sizeof text) return;  // never for P-256 (43 + 1 + 43)
    std::copy(x.begin(), x.end(), text);
    text[x.size()] = '.';
    std::copy(y.begin(), y.end(), text + x.size() + 1);
    size = x.size() + 1 + y.size();
  }
  std::string_view view() const { return {text, size}; }
};

}  // namespace

const std::string& KeyCache::kid(std::string_view x, std::string_view y) {
  KeyId id(x, y);
  auto it = id.size ? kids_.find(id.view()) : kids_.end();
  if (it == kids_.end()) {
    it = kids_.emplace(std::string(x) + "." + std::string(y), p256_thumbprint(x, y)).first;
  }
  return it->second;
}

Verdict verify_receipt(std::string_view jws, const VerifyOptions& options, KeyCache* cache) {
  return Run(jws, options, cache).go();
}

}  // namespace cg::verify
