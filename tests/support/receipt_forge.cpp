#include "receipt_forge.h"

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <cstdio>
#include <cstdlib>

#include "cg/receipts/base64url.h"
#include "cg/receipts/jwk.h"

namespace cg::testkit {

using receipts::b64url_decode;
using receipts::b64url_encode;

namespace {

Signer finish(verify::Pkey key) {
  Signer s;
  std::string x, y;
  if (!key || !verify::p256_coordinates(key.get(), x, y)) {
    std::fputs("receipt_forge: no P-256 key\n", stderr);
    std::abort();
  }
  s.jwk = {b64url_encode(x), b64url_encode(y)};
  s.kid = receipts::jwk_thumbprint(s.jwk);
  s.key = std::move(key);
  return s;
}

}  // namespace

Signer new_signer() {
  verify::Pkey key = verify::generate_p256();
  BIGNUM* d = nullptr;
  EVP_PKEY_get_bn_param(key.get(), "priv", &d);
  unsigned char bytes[32];
  BN_bn2binpad(d, bytes, 32);
  BN_clear_free(d);
  Signer s = finish(std::move(key));
  s.d = b64url_encode({reinterpret_cast<char*>(bytes), 32});
  return s;
}

Signer signer_from_private(std::string_view d_b64url) {
  std::string d;
  if (!b64url_decode(d_b64url, d) || d.size() != 32) std::abort();
  // Derive the public point: a key from the private scalar alone, via EC_POINT_mul.
  EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  BIGNUM* priv = BN_bin2bn(reinterpret_cast<const unsigned char*>(d.data()), 32, nullptr);
  EC_POINT* pub = EC_POINT_new(group);
  EC_POINT_mul(group, pub, priv, nullptr, nullptr, nullptr);
  unsigned char point[65];
  EC_POINT_point2oct(group, pub, POINT_CONVERSION_UNCOMPRESSED, point, sizeof point, nullptr);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, "group", "prime256v1", 0);
  OSSL_PARAM_BLD_push_BN(bld, "priv", priv);
  OSSL_PARAM_BLD_push_octet_string(bld, "pub", point, sizeof point);
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
  EVP_PKEY* key = nullptr;
  EVP_PKEY_fromdata_init(ctx);
  EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_KEYPAIR, params);
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  EC_POINT_free(pub);
  BN_clear_free(priv);
  EC_GROUP_free(group);
  Signer s = finish(verify::Pkey(key));
  s.d = std::string(d_b64url);
  return s;
}

receipts::ReceiptInput sample_input(int n, int64_t seq, const std::string& prev,
                                    const std::string& aud) {
  receipts::ReceiptInput in;
  in.aud = aud;
  char jti[40];
  std::snprintf(jti, sizeof jti, "test-receipt-%06d", n);
  in.jti = jti;
  in.iat = 1767225600 + 3600 * static_cast<int64_t>(seq);  // 2026-01-01T00:00:00Z + seq hours
  in.language = "ru";
  in.button = seq % 2 == 0 ? "accept_all" : "save";
  in.layer = seq % 2 == 0 ? "banner" : "settings";
  in.controllers = {{"ТОО «Намо»", "180540012343", "privacy@namo.kz"}};
  in.policy_url = "https://namo.kz/privacy";
  in.policy_version = "2026-01";
  in.notice = b64url_encode(std::string(32, '\x42'));
  bool analytics = seq % 2 == 0;
  in.decisions = {{"necessary", true, {}},
                  {"analytics", analytics, {"yandex_metrica", "google_analytics"}},
                  {"session_recording", false, {"yandex_metrica"}},
                  {"marketing", false, {"meta_pixel"}}};
  in.event = seq == 0    ? receipts::Event::given
             : analytics ? receipts::Event::changed
                         : receipts::Event::withdrawn;
  in.expires = in.iat + 365 * 86400;
  in.withdrawal_method = "Кнопка «Настройки cookie» внизу каждой страницы";
  in.withdrawal_url = "https://namo.kz/privacy#withdraw";
  in.storage_location = "KZ";
  in.storage_retention = "P3Y";
  in.seq = seq;
  in.prev = prev;
  return in;
}

std::string sign_compact(const Signer& s, std::string_view header, std::string_view payload) {
  std::string input = b64url_encode(header) + "." + b64url_encode(payload), sig;
  if (!verify::sign_es256(s.key.get(), input, sig)) std::abort();
  return input + "." + b64url_encode(sig);
}

std::string hmac_compact(std::string_view secret, std::string_view header,
                         std::string_view payload) {
  std::string input = b64url_encode(header) + "." + b64url_encode(payload);
  unsigned char mac[32];
  size_t n = 0;
  EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
            reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, sizeof mac,
            &n);
  return input + "." + b64url_encode({reinterpret_cast<char*>(mac), n});
}

std::string make_receipt(const Signer& s, const receipts::ReceiptInput& in) {
  receipts::Prepared p = receipts::prepare_receipt(in, &s.jwk);
  if (!p.ok) {
    std::fprintf(stderr, "receipt_forge: %s %s\n", p.error.field.c_str(), p.error.message.c_str());
    std::abort();
  }
  std::string sig, jws, error;
  if (!verify::sign_es256(s.key.get(), p.signing_input, sig) ||
      !receipts::assemble_jws(p.signing_input, sig, jws, error))
    std::abort();
  return jws;
}

std::vector<std::string> make_chain(const Signer& s, int count, int first_n,
                                    const std::string& aud) {
  std::vector<std::string> out;
  std::string prev;
  for (int i = 0; i < count; ++i) {
    out.push_back(make_receipt(s, sample_input(first_n + i, i, prev, aud)));
    prev = receipts::jws_hash(out.back());
  }
  return out;
}

std::string header_for(const Signer& s) {
  return receipts::protected_header(s.jwk);
}

bool decode_parts(std::string_view jws, std::string& header, std::string& payload) {
  size_t a = jws.find('.'), b = jws.find('.', a + 1);
  if (a == std::string_view::npos || b == std::string_view::npos) return false;
  return b64url_decode(jws.substr(0, a), header) &&
         b64url_decode(jws.substr(a + 1, b - a - 1), payload);
}

}  // namespace cg::testkit
