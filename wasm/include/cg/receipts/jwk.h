// Public keys as JWKs (RFC 7517) and their RFC 7638 thumbprints, which are the receipts'
// key ids (`kid`) and, as URNs (RFC 9278), the pseudonymous subject of a receipt.
#pragma once

#include <string>
#include <string_view>

#include "cg/json.h"

namespace cg::receipts {

// An EC P-256 public key as WebCrypto exports it: x and y are the affine coordinates,
// 32 bytes each, base64url without padding. kty "EC" and crv "P-256" are implied.
struct P256Jwk {
  std::string x;
  std::string y;
};

// Checks the encoding only: both coordinates base64url (strict) of exactly 32 bytes.
// Whether the point lies on the curve needs field arithmetic; the native verifier checks
// that with OpenSSL. Returns false with a message naming "x" or "y".
bool check_p256_jwk(const P256Jwk& key, std::string& error);

// The RFC 7638 thumbprint: base64url(SHA-256(JCS of the required members)), here
// {"crv":"P-256","kty":"EC","x":..,"y":..}. The key must pass check_p256_jwk().
std::string jwk_thumbprint(const P256Jwk& key);

// The thumbprint of any JWK object: the required members by "kty" (EC: crv,kty,x,y;
// RSA: e,kty,n; OKP: crv,kty,x; oct: k,kty), each a string; other members are ignored,
// as RFC 7638 §3.3 says. False with a message when `kty` is unknown or a member is missing
// or not a string. This checks no key material: callers validate the key separately.
bool jwk_thumbprint(const json::Value& jwk, std::string& thumbprint, std::string& error);

// "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + thumbprint (RFC 9278).
std::string thumbprint_urn(std::string_view thumbprint);
constexpr std::string_view kThumbprintUrnPrefix = "urn:ietf:params:oauth:jwk-thumbprint:sha-256:";

// Writes {"crv":"P-256","kty":"EC","x":..,"y":..} (members in RFC 7638 order).
void write_jwk(json::Out& out, const P256Jwk& key);

}  // namespace cg::receipts
