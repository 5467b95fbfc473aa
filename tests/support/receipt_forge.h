// Test kit for receipts: keys, signed receipts made with the core's builder and OpenSSL,
// and the crafted ones attackers would try. Used by the unit tests and by
// cg-make-receipts (tests/tools), which writes tests/vectors/receipts/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cg/receipts/receipt.h"
#include "verify/es256.h"

namespace cg::testkit {

struct Signer {
  verify::Pkey key;
  receipts::P256Jwk jwk;  // public part, base64url
  std::string kid;        // RFC 7638 thumbprint
  std::string d;          // private scalar, base64url (test keys only)
};

Signer new_signer();
// The signer for a private scalar (32 bytes, base64url) from a vectors file.
Signer signer_from_private(std::string_view d_b64url);

// A valid decision for `aud`, chained by seq/prev; jti made unique from `n`.
receipts::ReceiptInput sample_input(int n, int64_t seq, const std::string& prev,
                                    const std::string& aud = "https://namo.kz");

// The compact JWS for any header and payload text, signed ES256 (raw r||s).
std::string sign_compact(const Signer& s, std::string_view header, std::string_view payload);
// The same with an HS256 MAC under `secret`.
std::string hmac_compact(std::string_view secret, std::string_view header,
                         std::string_view payload);

// A receipt from the builder, signed by `s`. Fails the calling test (via abort message)
// if the input is refused: callers pass valid inputs.
std::string make_receipt(const Signer& s, const receipts::ReceiptInput& in);
// `count` receipts chained seq 0.. with prev links, decisions alternating.
std::vector<std::string> make_chain(const Signer& s, int count, int first_n = 0,
                                    const std::string& aud = "https://namo.kz");

// The header text our builder writes for `s`.
std::string header_for(const Signer& s);

// A crafted receipt and what the verifier must say about it (status "valid", "unsigned" or
// "invalid"; code for invalid ones). Options used: aud "https://namo.kz".
struct Case {
  std::string name, jws, status, code;
};
std::vector<Case> verify_cases(const Signer& s, const Signer& other);

// A set of receipts and the codes the set check must report: invalid receipts' codes
// (e.g. set.duplicate-jti) and chain findings (chain.gap, chain.fork, chain.broken), in order.
struct ChainCase {
  std::string name;
  std::vector<std::string> jws;
  std::vector<std::string> codes;
};
std::vector<ChainCase> chain_cases(const Signer& s);

// Splits a compact JWS and decodes header and payload (no checks). False if not 3 parts.
bool decode_parts(std::string_view jws, std::string& header, std::string& payload);

}  // namespace cg::testkit
