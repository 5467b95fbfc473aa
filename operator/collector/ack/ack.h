// Acknowledgements: the collector's countersignature of a stored receipt, a compact JWS
// (keys/operator_jws.h) with typ "consent-ack+jwt" and this payload, members in this order:
//   {"site":       the receipt's aud, the log it was appended to,
//    "jti":        the receipt's id,
//    "receiptHash": BASE64URL(SHA-256(receipt JWS text)),
//    "receiptStatus": "valid" (signed and verified) or "unsigned" (stored, proves nothing),
//    "iat":        receive time, unix seconds (JWT claim; checked against the key's window),
//    "receivedAt": receive time, unix milliseconds (the collector's clock),
//    "logIndex":   the entry's position in the site's log, from 1,
//    "logHead":    the log's head before this entry, head_{logIndex-1} (log/chain.h)}
// The head after the entry cannot be inside the ack, since it hashes the ack; anyone can
// compute it: SHA-256(logHead || receiptHash || SHA-256(ack)) over the raw digests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "keys/keyring.h"

namespace cg::collector {

constexpr std::string_view kAckType = "consent-ack+jwt";

struct AckClaims {
  std::string site, jti, receipt_hash, receipt_status;
  int64_t received_at_ms = 0;
  int64_t log_index = 0;
  std::string log_head;
};

std::string ack_payload(const AckClaims& claims);
std::string make_ack(const OperatorKey& key, const AckClaims& claims);

// Checks the ack's structure, header, payload schema (exactly the members above), that
// its key is in `keys` with iat inside its window, and the signature. Codes: ack.structure,
// ack.header, ack.payload, ack.kid, ack.window, ack.signature.
Problem read_ack(std::string_view jws, const Keyring& keys, AckClaims& claims);

}  // namespace cg::collector
