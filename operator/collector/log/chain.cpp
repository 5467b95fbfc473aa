#include "log/chain.h"

#include "cg/receipts/base64url.h"
#include "verify/es256.h"

namespace cg::collector {

using receipts::b64url_decode;
using receipts::b64url_encode;

std::string genesis_head(std::string_view site) {
  return verify::sha256_bytes("consent-guard/log/v1\n" + std::string(site));
}

std::string next_head(std::string_view prev_head, std::string_view receipt_hash,
                      std::string_view ack_jws) {
  std::string input;
  input.reserve(96);
  input.append(prev_head).append(receipt_hash).append(verify::sha256_bytes(ack_jws));
  return verify::sha256_bytes(input);
}

std::string genesis_head_text(std::string_view site) {
  return b64url_encode(genesis_head(site));
}

bool next_head_text(std::string_view prev_head_text, std::string_view receipt_hash_text,
                    std::string_view ack_jws, std::string& head_text) {
  std::string prev, receipt;
  if (!b64url_decode(prev_head_text, prev) || prev.size() != 32 ||
      !b64url_decode(receipt_hash_text, receipt) || receipt.size() != 32)
    return false;
  head_text = b64url_encode(next_head(prev, receipt, ack_jws));
  return true;
}

}  // namespace cg::collector
