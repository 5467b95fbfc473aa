#include "verify/es256.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/params.h>

#include <algorithm>

namespace cg::verify {
namespace {

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct SigFree {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Sig = std::unique_ptr<ECDSA_SIG, SigFree>;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// SHA-256 fetched once: an implicit fetch on every verification costs measurable time.
const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

// A public-only P-256 key (the point is the generator G), built once.
EVP_PKEY* public_template() {
  static const unsigned char g[65] = {
      0x04, 0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5,
      0x63, 0xa4, 0x40, 0xf2, 0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4,
      0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96, 0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a,
      0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16, 0x2b, 0xce, 0x33,
      0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5};
  char group[] = "prime256v1";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
                         OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                                           const_cast<unsigned char*>(g), sizeof g),
                         OSSL_PARAM_construct_end()};
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    return nullptr;
  }
  return key;
}

// A copy of the P-256 template; null if OpenSSL has none.
Pkey new_p256_key() {
  static EVP_PKEY* p256 = public_template();
  return Pkey(p256 ? EVP_PKEY_dup(p256) : nullptr);
}

// 04 || x || y, the encoded point EVP_PKEY_set1_encoded_public_key takes.
using EncodedPoint = std::array<unsigned char, 65>;
EncodedPoint encoded_point(std::string_view x, std::string_view y) {
  EncodedPoint point{0x04};
  std::copy(x.begin(), x.end(), point.begin() + 1);
  std::copy(y.begin(), y.end(), point.begin() + 33);
  return point;
}

// Sets `key`'s point. Decoding it (EC_POINT_oct2point) refuses points off the curve and
// coordinates not below the field prime (tests/unit/receipt_verify_test.cpp holds OpenSSL to
// that); P-256's cofactor is 1, so a point on the curve is in the prime-order group.
bool set_point(EVP_PKEY* key, const EncodedPoint& point, std::string& error) {
  if (!key || EVP_PKEY_set1_encoded_public_key(key, point.data(), point.size()) != 1) {
    ERR_clear_error();
    error = "the point (x, y) is not on the P-256 curve";
    return false;
  }
  return true;
}

// The DER ECDSA-Sig-Value of a raw r || s, written into `out` (72 bytes at most); 0 when
// `raw` is not 64 bytes. By hand rather than through two BIGNUMs and i2d_ECDSA_SIG, which
// cost more than the rest of turning a receipt's signature part into a check; the bytes
// are the same (DER has one encoding).
constexpr size_t kMaxDer = 2 + 2 * (2 + 33);
size_t der_encode(std::string_view raw, unsigned char* out) {
  if (raw.size() != 64) return 0;
  unsigned char* at = out + 2;
  for (const unsigned char* v : {bytes(raw), bytes(raw) + 32}) {
    size_t skip = 0;  // minimal: no leading zero bytes, but one byte for zero itself
    while (skip < 31 && v[skip] == 0) ++skip;
    bool pad = v[skip] & 0x80;  // a set high bit would make the integer negative
    *at++ = 0x02;
    *at++ = static_cast<unsigned char>(32 - skip + pad);
    if (pad) *at++ = 0x00;
    at = std::copy(v + skip, v + 32, at);
  }
  out[0] = 0x30;
  out[1] = static_cast<unsigned char>(at - out - 2);
  return static_cast<size_t>(at - out);
}

}  // namespace

Pkey p256_public_key(std::string_view x, std::string_view y, std::string& error) {
  if (x.size() != 32 || y.size() != 32) {
    error = "P-256 coordinates are 32 bytes each";
    return nullptr;
  }
  // A copy of a P-256 template key with the new point: building the group from its name
  // each time (EVP_PKEY_fromdata) costs three to four times as much.
  Pkey key = new_p256_key();
  if (!set_point(key.get(), encoded_point(x, y), error)) return nullptr;
  return key;
}

bool Es256Verifier::set_key(std::string_view x, std::string_view y, std::string& error) {
  if (x.size() != 32 || y.size() != 32) {
    ready_ = false;
    error = "P-256 coordinates are 32 bytes each";
    return false;
  }
  EncodedPoint point = encoded_point(x, y);
  if (ready_ && point == point_) return true;
  ready_ = false;  // a failed set_point may leave the refused point in the key
  if (!key_) {
    key_ = new_p256_key();
    context_.reset(key_ ? EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr) : nullptr);
  }
  if (!context_) {
    error = "OpenSSL could not make a P-256 key";
    return false;
  }
  if (!set_point(key_.get(), point, error)) return false;
  // Initialising binds the key's current data to the context: after a new point, always
  // initialise anew. No digest is set on the context (setting one costs a third of the
  // initialisation): verify() passes a SHA-256 digest, 32 bytes by its type.
  if (EVP_PKEY_verify_init(context_.get()) != 1) {
    ERR_clear_error();
    error = "OpenSSL refused the key";
    return false;
  }
  point_ = point;
  ready_ = true;
  return true;
}

bool Es256Verifier::verify(const Sha256Digest& digest, std::string_view raw_signature) {
  unsigned char der[kMaxDer];
  size_t n = der_encode(raw_signature, der);
  if (!ready_ || n == 0) return false;
  bool ok = EVP_PKEY_verify(context_.get(), der, n, digest.data(), digest.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

std::string der_from_raw(std::string_view raw) {
  unsigned char der[kMaxDer];
  size_t n = der_encode(raw, der);
  return std::string(reinterpret_cast<char*>(der), n);
}

bool raw_from_der(std::string_view der, std::string& raw) {
  const unsigned char* at = bytes(der);
  Sig sig(d2i_ECDSA_SIG(nullptr, &at, static_cast<long>(der.size())));
  if (!sig || at != bytes(der) + der.size()) {
    ERR_clear_error();
    return false;
  }
  const BIGNUM *r = nullptr, *s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  unsigned char out[64];
  if (BN_bn2binpad(r, out, 32) != 32 || BN_bn2binpad(s, out + 32, 32) != 32) return false;
  raw.assign(reinterpret_cast<char*>(out), sizeof out);
  // Re-encoding must give the same bytes: refuses non-minimal (BER-only) integers.
  return der_from_raw(raw) == der;
}

PkeyCtx es256_context(EVP_PKEY* key) {
  PkeyCtx ctx(key ? EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr) : nullptr);
  if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_signature_md(ctx.get(), sha256_md()) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return ctx;
}

bool verify_es256_digest(EVP_PKEY_CTX* context, const Sha256Digest& digest,
                         std::string_view raw_signature) {
  unsigned char der[kMaxDer];
  size_t n = der_encode(raw_signature, der);
  if (n == 0 || !context) return false;
  bool ok = EVP_PKEY_verify(context, der, n, digest.data(), digest.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

bool verify_es256(EVP_PKEY* key, std::string_view message, std::string_view raw_signature) {
  Sha256Digest digest;
  unsigned int n = 0;
  if (EVP_Digest(message.data(), message.size(), digest.data(), &n, sha256_md(), nullptr) != 1) {
    return false;
  }
  PkeyCtx context = es256_context(key);
  return verify_es256_digest(context.get(), digest, raw_signature);
}

void sha256_prefix_and_whole(std::string_view first, std::string_view second,
                             Sha256Digest& first_digest, Sha256Digest& both_digest) {
  MdCtx whole(EVP_MD_CTX_new()), prefix(EVP_MD_CTX_new());
  unsigned int n = 0;
  EVP_DigestInit_ex(whole.get(), sha256_md(), nullptr);
  EVP_DigestUpdate(whole.get(), first.data(), first.size());
  EVP_MD_CTX_copy_ex(prefix.get(), whole.get());
  EVP_DigestFinal_ex(prefix.get(), first_digest.data(), &n);
  EVP_DigestUpdate(whole.get(), second.data(), second.size());
  EVP_DigestFinal_ex(whole.get(), both_digest.data(), &n);
}

Pkey generate_p256() {
  char group[] = "P-256";
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", group));
}

bool p256_coordinates(EVP_PKEY* key, std::string& x, std::string& y) {
  unsigned char point[65];
  size_t n = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point, sizeof point,
                                      &n) != 1 ||
      n != 65 || point[0] != 0x04) {
    ERR_clear_error();
    return false;
  }
  x.assign(reinterpret_cast<char*>(point + 1), 32);
  y.assign(reinterpret_cast<char*>(point + 33), 32);
  return true;
}

bool sign_es256(EVP_PKEY* key, std::string_view message, std::string& raw_signature) {
  MdCtx ctx(EVP_MD_CTX_new());
  unsigned char der[80];
  size_t n = sizeof der;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, sha256_md(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), der, &n, bytes(message), message.size()) != 1) {
    ERR_clear_error();
    return false;
  }
  return raw_from_der({reinterpret_cast<char*>(der), n}, raw_signature);
}

std::string sha256_bytes(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), digest, &n, sha256_md(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), n);
}

}  // namespace cg::verify
