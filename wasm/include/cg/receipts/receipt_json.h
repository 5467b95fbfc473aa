// The receipt builder with JSON text in and out, in the core's boundary style (see core.h):
// what the browser bindings call. Answers are JSON objects; failures are
// {"ok": false, "error": {"field": ..., "message": ...}}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cg/receipts/receipt.h"

namespace cg::receipts {

// Reads a ReceiptInput (and the key) from JSON. Members, all required unless noted:
//   aud, jti (strings), iat (integer), language, collectionMethod {button, layer},
//   piiControllers [{name, bin, contact}], policyUrl, policyVersion,
//   notice: the hash (string) or the notice object itself, which is hashed here,
//   decisions [{purpose, allowed, services [ids]}], event, expires (integer),
//   withdrawal {method, url}, storage {location, retention}, seq (integer),
//   prev (string, or null for seq 0),
//   signing: "ES256" | "ES256-session" | "unsigned-insecure-context" | "unsigned-no-webcrypto",
//   jwk: {"kty":"EC","crv":"P-256","x":..,"y":..} for ES256*, null or absent when unsigned
//        (other JWK members, such as WebCrypto's "ext" and "key_ops", are ignored).
// Unknown members are refused, so a misspelt field cannot silently drop out of a receipt.
bool read_receipt_input(std::string_view input_json, ReceiptInput& in, std::optional<P256Jwk>& key,
                        Error& error);

// read_receipt_input + prepare_receipt:
// {"ok":true,"kid":..|null,"header":..,"payload":..,"signingInput":..,"jws":..|null,
//  "hash":..|null} where "jws" is the finished receipt when the input says unsigned (and
// "hash" its jws_hash(), the next prev); both are null when it still needs a signature.
std::string prepare_receipt_json(std::string_view input_json);

// assemble_jws: signature is the raw 64-byte r||s (WebCrypto's output, as bytes).
// {"ok":true,"jws":..,"hash":..} where hash is jws_hash(jws), the next receipt's prev.
std::string assemble_receipt_json(std::string_view signing_input, std::string_view signature);

}  // namespace cg::receipts
