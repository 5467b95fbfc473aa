// ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) on OpenSSL 3, for native tools only.
// JWS signatures are the raw 64-byte r || s (32 bytes each, big-endian, zero-padded);
// OpenSSL speaks DER (ECDSA-Sig-Value): these functions convert both ways, so callers
// never see DER.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace cg::verify {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

using Sha256Digest = std::array<unsigned char, 32>;

// The public key for the affine point (x, y), each 32 bytes big-endian. Null, with a
// message, when the point is not on P-256 (an invalid-curve point) or a coordinate is not
// 32 bytes or not below the field prime.
Pkey p256_public_key(std::string_view x, std::string_view y, std::string& error);

// True when `raw_signature` (r || s, 64 bytes) is a valid ES256 signature of `message` by
// `key`. Any malformed signature (wrong size, r or s zero or too large) is simply false.
bool verify_es256(EVP_PKEY* key, std::string_view message, std::string_view raw_signature);

// The same check in two steps, for a verifier that checks many signatures: a context bound
// to one key (reusable, not thread-safe), and the check of SHA-256(message) against it.
// ES256 is ECDSA over SHA-256(message): EVP_DigestVerify would hash and check in one call,
// but it fetches the algorithms and builds a context every time (about 10% of a check), and
// the receipt verifier needs the hash of the whole JWS too, which continues the same hash.
PkeyCtx es256_context(EVP_PKEY* key);
bool verify_es256_digest(EVP_PKEY_CTX* context, const Sha256Digest& digest,
                         std::string_view raw_signature);

// ES256 checks for one public key at a time, on one OpenSSL key and context that are
// re-pointed at each new key. Building a key and a context per key (EVP_PKEY_dup of a P-256
// key, EVP_PKEY_CTX_new, the signature fetch) costs about a tenth of a signature check;
// setting the point of an existing key and re-initialising its context, a thirtieth. Not
// thread-safe: one per thread (KeyCache holds one).
class Es256Verifier {
 public:
  // Makes (x, y), 32 bytes each big-endian, the key that verify() checks against. False,
  // with a message, when the point is not on P-256 (as p256_public_key); verify() then
  // fails until a key is set. Setting the key it already has costs nothing.
  bool set_key(std::string_view x, std::string_view y, std::string& error);
  // True when `raw_signature` (r || s) is a valid ES256 signature over `digest`, the
  // SHA-256 of the signing input, by the key set last.
  bool verify(const Sha256Digest& digest, std::string_view raw_signature);

 private:
  Pkey key_;
  PkeyCtx context_;
  std::array<unsigned char, 65> point_{};  // 04 || x || y: the key set, when ready_
  bool ready_ = false;
};

// DER ECDSA-Sig-Value for a raw r || s; "" when `raw` is not 64 bytes. r and s with leading
// zero bytes are fine (DER integers are minimal; the raw form is fixed-width).
std::string der_from_raw(std::string_view raw);
// r || s (each left-padded to 32 bytes) from DER; false when the DER is malformed,
// not minimal, has trailing bytes, or r or s does not fit in 32 bytes.
bool raw_from_der(std::string_view der, std::string& raw);

// For tests and tools (and the collector's acknowledgements later): a fresh P-256 key,
// its public coordinates (32 bytes each), and an ES256 signature in raw form.
Pkey generate_p256();
bool p256_coordinates(EVP_PKEY* key, std::string& x, std::string& y);
bool sign_es256(EVP_PKEY* key, std::string_view message, std::string& raw_signature);

// SHA-256 through OpenSSL (hardware-accelerated where the CPU can): same digest as
// cg::receipts::sha256, used where the verifier hashes whole receipts.
std::string sha256_bytes(std::string_view data);
// SHA-256 of `first` (into first_digest) and of `first` + `second` (into both_digest), in one
// pass over `first`: a JWS's signing input, then the whole JWS.
void sha256_prefix_and_whole(std::string_view first, std::string_view second,
                             Sha256Digest& first_digest, Sha256Digest& both_digest);

}  // namespace cg::verify
