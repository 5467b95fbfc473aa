// The receipts module: a second, smaller WebAssembly module that the page loads only once
// the visitor has decided (a first-time visitor who has not decided never downloads it).
// It turns the main core's receipt input (Core::receipt_input) into a receipt ready to sign,
// and a signature into the compact JWS. The private key never comes here: the JS signs the
// signing input with WebCrypto and hands over the signature only.
#include <emscripten/bind.h>

#include "cg/receipts/base64url.h"
#include "cg/receipts/receipt_json.h"

namespace {

using S = const std::string&;

std::string prepare(S input) {
  return cg::receipts::prepare_receipt_json(input);
}

// signature: WebCrypto's raw r||s, base64url (embind strings are UTF-8 text, not bytes).
std::string seal(S signing_input, S signature) {
  std::string raw;
  if (!cg::receipts::b64url_decode(signature, raw))
    return R"({"ok":false,"error":{"field":"signature","message":"must be base64url"}})";
  return cg::receipts::assemble_receipt_json(signing_input, raw);
}

}  // namespace

EMSCRIPTEN_BINDINGS(consent_guard_receipts) {
  emscripten::function("prepare", &prepare);
  emscripten::function("seal", &seal);
}
