#include "verify/es256.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/params.h>

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

}  // namespace

Pkey p256_public_key(std::string_view x, std::string_view y, std::string& error) {
  if (x.size() != 32 || y.size() != 32) {
    error = "P-256 coordinates are 32 bytes each";
    return nullptr;
  }
  unsigned char point[65] = {0x04};
  std::copy(x.begin(), x.end(), point + 1);
  std::copy(y.begin(), y.end(), point + 33);
  // A copy of a P-256 template key with the new point: building the group from its name
  // each time (EVP_PKEY_fromdata) costs three to four times as much. Setting the point
  // decodes it with EC_POINT_oct2point, which refuses points off the curve and coordinates
  // not below the field prime (tests/unit/receipt_verify_test.cpp holds OpenSSL to that).
  static EVP_PKEY* p256 = public_template();
  Pkey key(p256 ? EVP_PKEY_dup(p256) : nullptr);
  if (!key || EVP_PKEY_set1_encoded_public_key(key.get(), point, sizeof point) != 1) {
    ERR_clear_error();
    error = "the point (x, y) is not on the P-256 curve";
    return nullptr;
  }
  return key;
}

std::string der_from_raw(std::string_view raw) {
  if (raw.size() != 64) return {};
  Sig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(bytes(raw), 32, nullptr);
  BIGNUM* s = BN_bin2bn(bytes(raw) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  unsigned char der[80];  // 2 + 2 * (2 + 33) = 72 at most
  unsigned char* at = der;
  int n = i2d_ECDSA_SIG(sig.get(), &at);
  return n > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<size_t>(n)) : std::string();
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
  std::string der = der_from_raw(raw_signature);
  if (der.empty() || !context) return false;
  bool ok = EVP_PKEY_verify(context, bytes(der), der.size(), digest.data(), digest.size()) == 1;
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
