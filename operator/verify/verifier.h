// Verifies one consent receipt (the format in wasm/include/cg/receipts/receipt.h and
// docs/receipts.md). Checks run in this order and stop at the first failure, whose code
// says what was wrong:
//   structure.*  size (<= 64 KiB), three '.'-separated parts, strict base64url
//   header.*     strict JSON; no crit/jku/x5u/x5c; typ; alg (none, HS*, anything but ES256);
//                jwk an EC P-256 public key, point on the curve; kid = RFC 7638 thumbprint
//   signature.*  64 bytes r||s, valid over the signing input
//   payload.*    strict JSON (UTF-8, no duplicate keys), every member with its type and
//                value, agreement with the header (kid, jwk, signing status), expected aud
// Never throws and never crashes on hostile input.
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "verify/es256.h"

namespace cg::verify {

enum class Status {
  valid,      // signed, every check passed
  unsigned_,  // a well-formed unsigned receipt (alg "none"): a record, not a proof
  invalid,    // something failed; see Verdict::code
};
std::string_view status_name(Status s);  // "valid", "unsigned", "invalid"

// What a receipt says, filled in when its payload was read (valid and unsigned receipts).
struct Receipt {
  std::string hash;  // base64url SHA-256 of the JWS text: what the next receipt's prev holds
  std::string kid;   // "" when unsigned
  std::string jti, aud, event, notice, unsigned_reason;
  int64_t iat = 0, exp = 0, seq = 0;
  std::string prev;                                     // "" for null
  std::vector<std::pair<std::string, bool>> decisions;  // purpose -> consent given
};

struct Verdict {
  Status status = Status::invalid;
  std::string code;     // e.g. "header.alg-none"; "" when valid or unsigned
  std::string message;  // a sentence for people
  Receipt receipt;
};

struct VerifyOptions {
  std::string aud;  // when set, receipts for any other origin are invalid (payload.aud)
};

// What a receipt's key costs besides its signature check, paid once per key: the RFC 7638
// thumbprint of the jwk (computed once per x and y), and the OpenSSL key and context, one
// Es256Verifier re-pointed only when a receipt's key differs from the one before (a
// visitor's receipts come together). A point is checked on the curve each time it is set.
// Not thread-safe: one per thread. (verify_receipt without a cache uses a verifier of the
// calling thread's own.)
class KeyCache {
 public:
  // The thumbprint of the P-256 jwk with these x and y (base64url).
  const std::string& kid(std::string_view x, std::string_view y);
  Es256Verifier& verifier() { return verifier_; }
  size_t size() const { return kids_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> kids_;  // by x "." y
  Es256Verifier verifier_;
};

Verdict verify_receipt(std::string_view jws, const VerifyOptions& options,
                       KeyCache* cache = nullptr);

}  // namespace cg::verify
