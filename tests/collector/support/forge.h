// Receipts for the collector tests, the fault test and the benchmark, made the documented
// way: the core's builder (prepare_receipt), an ES256 signature from OpenSSL (raw r||s),
// and assemble_jws. Each visitor key keeps its own chain (seq, prev).
#pragma once

#include <cstdint>
#include <string>

#include "cg/receipts/receipt.h"
#include "verify/es256.h"

namespace cg::collector::testing {

struct Visitor {
  verify::Pkey key;
  receipts::P256Jwk jwk;
  std::string kid;
  int64_t seq = 0;
  std::string prev;  // jws_hash of the last receipt
};

Visitor new_visitor();
// A random receipt id (32 base64url characters).
std::string random_jti();
// A valid decision for `aud`; `allowed` toggles analytics.
receipts::ReceiptInput receipt_input(const std::string& aud, const std::string& jti, int64_t seq,
                                     const std::string& prev, bool allowed = true);
// The visitor's next receipt (signed), advancing its chain.
std::string signed_receipt(Visitor& visitor, const std::string& aud,
                           const std::string& jti = random_jti());
// An unsigned receipt (insecure context).
std::string unsigned_receipt(const std::string& aud, const std::string& jti = random_jti());

}  // namespace cg::collector::testing
