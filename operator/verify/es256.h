// ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) on OpenSSL 3, for native tools only.
// JWS signatures are the raw 64-byte r || s (32 bytes each, big-endian, zero-padded);
// OpenSSL speaks DER (ECDSA-Sig-Value): these functions convert both ways, so callers
// never see DER.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>

namespace cg::verify {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// The public key for the affine point (x, y), each 32 bytes big-endian. Null, with a
// message, when the point is not on P-256 (an invalid-curve point) or a coordinate is not
// 32 bytes or not below the field prime.
Pkey p256_public_key(std::string_view x, std::string_view y, std::string& error);

// True when `raw_signature` (r || s, 64 bytes) is a valid ES256 signature of `message` by
// `key`. Any malformed signature (wrong size, r or s zero or too large) is simply false.
bool verify_es256(EVP_PKEY* key, std::string_view message, std::string_view raw_signature);

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

}  // namespace cg::verify
