#include "forge.h"

#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>

#include "cg/receipts/base64url.h"
#include "cg/receipts/jwk.h"

namespace cg::collector::testing {
namespace {

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "forge: %s\n", message.c_str());
  std::abort();
}

}  // namespace

Visitor new_visitor() {
  Visitor v;
  v.key = verify::generate_p256();
  std::string x, y;
  if (!v.key || !verify::p256_coordinates(v.key.get(), x, y)) fail("no P-256 key");
  v.jwk = {receipts::b64url_encode(x), receipts::b64url_encode(y)};
  v.kid = receipts::jwk_thumbprint(v.jwk);
  return v;
}

std::string random_jti() {
  unsigned char bytes[24];
  if (RAND_bytes(bytes, sizeof bytes) != 1) fail("no randomness");
  return receipts::b64url_encode({reinterpret_cast<char*>(bytes), sizeof bytes});
}

receipts::ReceiptInput receipt_input(const std::string& aud, const std::string& jti, int64_t seq,
                                     const std::string& prev, bool allowed) {
  receipts::ReceiptInput in;
  in.aud = aud;
  in.jti = jti;
  in.iat = 1767225600 + seq * 60;
  in.language = "kk";
  in.button = allowed ? "accept_all" : "reject_all";
  in.layer = "banner";
  in.controllers = {{"ТОО «Намо»", "180540012343", "privacy@namo.kz"}};
  in.policy_url = aud + "/privacy";
  in.policy_version = "2026-01";
  in.notice = receipts::b64url_encode(std::string(32, '\x11'));
  in.decisions = {{"necessary", true, {}},
                  {"analytics", allowed, {"yandex_metrica"}},
                  {"marketing", false, {"meta_pixel"}}};
  in.event = seq == 0 ? (allowed ? receipts::Event::given : receipts::Event::refused)
                      : receipts::Event::changed;
  if (seq > 0 && !allowed) in.event = receipts::Event::withdrawn;
  in.expires = in.iat + 365 * 86400;
  in.withdrawal_method = "«Cookie баптаулары» батырмасы әр беттің төменгі жағында";
  in.withdrawal_url = aud + "/privacy#withdraw";
  in.storage_location = "KZ";
  in.storage_retention = "P3Y";
  in.seq = seq;
  in.prev = prev;
  return in;
}

std::string signed_receipt(Visitor& v, const std::string& aud, const std::string& jti) {
  receipts::ReceiptInput in = receipt_input(aud, jti, v.seq, v.prev, v.seq % 2 == 0);
  receipts::Prepared p = receipts::prepare_receipt(in, &v.jwk);
  if (!p.ok) fail(p.error.field + ": " + p.error.message);
  std::string signature, jws, error;
  if (!verify::sign_es256(v.key.get(), p.signing_input, signature)) fail("signing failed");
  if (!receipts::assemble_jws(p.signing_input, signature, jws, error)) fail(error);
  v.prev = receipts::jws_hash(jws);
  ++v.seq;
  return jws;
}

std::string unsigned_receipt(const std::string& aud, const std::string& jti) {
  receipts::ReceiptInput in = receipt_input(aud, jti, 0, "", true);
  in.signing = receipts::Signing::unsigned_insecure_context;
  receipts::Prepared p = receipts::prepare_receipt(in, nullptr);
  if (!p.ok) fail(p.error.field + ": " + p.error.message);
  return receipts::unsigned_jws(p.signing_input);
}

}  // namespace cg::collector::testing
