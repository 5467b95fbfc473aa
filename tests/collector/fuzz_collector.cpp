// libFuzzer target for what the collector reads from outside: POST /receipts bodies (the
// first input byte picks the Content-Type), the receipt verifier behind them, and the
// operator formats read back by `verify` (acks, checkpoints, checkpoint export files,
// JWKS) and the config file's lines; and the browser core's readers of the same JSON code
// (configuration, script tag attributes, the cg_consent cookie, a visitor's choice, masking
// requests, JCS). Run bounded in CI by fuzz_run.sh, with inputs up to the largest body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ack/ack.h"
#include "cg/core.h"
#include "cg/masking.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/jwk.h"
#include "config/config.h"
#include "ingest/request_body.h"
#include "keys/keyring.h"
#include "log/checkpoint.h"
#include "verify/verifier.h"

namespace {

const cg::collector::Keyring& keyring() {
  // A fixed public key (RFC 7515 A.3's), so acks and checkpoints reach the signature check.
  static const std::shared_ptr<const cg::collector::Keyring> ring = [] {
    cg::receipts::P256Jwk jwk{"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                              "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"};
    std::string error;
    auto keys = cg::collector::Keyring::from_jwks(
        R"({"keys":[{"kty":"EC","crv":"P-256","x":")" + jwk.x + R"(","y":")" + jwk.y +
            R"(","kid":")" + cg::receipts::jwk_thumbprint(jwk) + R"(","nbf":0}]})",
        error);
    if (!keys) __builtin_trap();
    return keys;
  }();
  return *ring;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* kTypes[] = {"application/jose", "text/plain;charset=UTF-8", "application/json",
                                 "application/x-www-form-urlencoded"};
  static cg::verify::KeyCache cache;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string jws, error;
  if (cg::collector::extract_jws(kTypes[data[0] % 4], body, jws).status == 0) {
    cg::verify::verify_receipt(jws, {}, &cache);
    if (cache.size() > 1000) cache = cg::verify::KeyCache();
  }
  cg::collector::AckClaims ack;
  cg::collector::read_ack(body, keyring(), ack);
  cg::collector::CheckpointClaims cp;
  cg::collector::read_checkpoint(body, keyring(), cp);
  std::vector<std::string> lines;
  cg::collector::read_checkpoint_lines(body, lines, error);
  cg::collector::Keyring::from_jwks(body, error);
  cg::collector::Config config;
  size_t eq = body.find('=');
  if (eq != std::string_view::npos)
    cg::collector::apply_setting(config, body.substr(0, eq), body.substr(eq + 1), error);
  std::string host;
  int port = 0;
  cg::collector::split_listen(body, host, port);

  // The browser core (built natively here, the same C++ as the wasm).
  std::string text(body);
  constexpr double kNow = 1767225600000;
  cg::Core core;
  core.configure(text, "", "{}");
  core.configure(R"({"site":"a","policyVersion":"1"})", text, text);
  core.restore(text, kNow);
  core.restore("cg_consent=" + text, kNow);
  core.decide(text, kNow);
  cg::mask_request(text);
  std::string canonical;
  cg::receipts::canonicalize_text(text, canonical, error);
  return 0;
}
