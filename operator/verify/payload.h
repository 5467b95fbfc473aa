// The receipt payload's schema check (see receipt.h for the members): every member present
// with its type and an allowed value, nothing else, and agreement with the header.
#pragma once

#include <rapidjson/document.h>

#include <string>

#include "verify/verifier.h"

namespace cg::verify {

struct PayloadContext {
  bool unsigned_;               // the header said alg "none"
  std::string kid;              // the header's verified kid ("" when unsigned)
  const rapidjson::Value* jwk;  // the header's jwk (null when unsigned)
  std::string expected_aud;     // "" to accept any origin
};

struct PayloadProblem {
  std::string code;  // payload.missing, payload.type, payload.value, payload.unknown-member,
                     // payload.header-mismatch, payload.aud, payload.signed-claim; "" if fine
  std::string message;
};

// Checks `payload` and fills `out` (all but `hash`).
PayloadProblem read_payload(const rapidjson::Value& payload, const PayloadContext& context,
                            Receipt& out);

}  // namespace cg::verify
