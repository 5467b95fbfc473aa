#include "verify/es256.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/params.h>
#include <openssl/sha.h>

namespace cg::verify {
namespace {

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct SigFree {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using Sig = std::unique_ptr<ECDSA_SIG, SigFree>;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// SHA-256 fetched once: an implicit fetch on every verification costs measurable time.
const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
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
  char group[] = "prime256v1";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point),
      OSSL_PARAM_construct_end()};
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  // Decoding the point checks that it lies on the curve (EC_POINT_oct2point); the explicit
  // check below keeps that guarantee if a provider ever decodes more loosely.
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    ERR_clear_error();
    error = "the point (x, y) is not on the P-256 curve";
    return nullptr;
  }
  Pkey out(key);
  PkeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!check || EVP_PKEY_public_check_quick(check.get()) != 1) {
    ERR_clear_error();
    error = "the point (x, y) is not on the P-256 curve";
    return nullptr;
  }
  return out;
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

bool verify_es256(EVP_PKEY* key, std::string_view message, std::string_view raw_signature) {
  std::string der = der_from_raw(raw_signature);
  if (der.empty() || !key) return false;
  MdCtx ctx(EVP_MD_CTX_new());
  bool ok =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, sha256_md(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx.get(), bytes(der), der.size(), bytes(message), message.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
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
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(bytes(data), data.size(), digest);
  return std::string(reinterpret_cast<char*>(digest), sizeof digest);
}

}  // namespace cg::verify
