// Compact JWS made and checked by the collector itself: acknowledgements
// (typ consent-ack+jwt) and checkpoints (typ consent-checkpoint+jwt).
//   header  {"alg":"ES256","typ":<typ>,"kid":<operator key thumbprint>}
//   payload JSON (see ack.h and checkpoint.h), signature raw r||s (RFC 7518 §3.4).
// The public keys come from the JWKS (/.well-known/consent-keys.json), not from the header,
// so anyone holding an ack can check it with any JOSE library.
#pragma once

#include <string>
#include <string_view>

#include "keys/operator_key.h"

namespace cg::collector {

std::string sign_operator_jws(const OperatorKey& key, std::string_view typ,
                              std::string_view payload_json);

struct JwsParts {
  std::string kid;
  std::string payload;        // decoded JSON text
  std::string signing_input;  // BASE64URL(header) "." BASE64URL(payload)
  std::string signature;      // raw r||s
};

struct Problem {
  std::string code;  // "" when fine
  std::string message;
  explicit operator bool() const { return !code.empty(); }
};

// Splits and decodes an operator JWS without checking the signature: strict base64url,
// a header of exactly alg ES256, the expected typ and a kid string. Codes (prefixed by
// `what`, e.g. "ack"): <what>.structure, <what>.header.
Problem split_operator_jws(std::string_view jws, std::string_view typ, std::string_view what,
                           JwsParts& parts);

}  // namespace cg::collector
