// The per-site hash chain. Every stored receipt extends its site's log:
//   head_0 = SHA-256("consent-guard/log/v1\n" || site)            (the genesis head)
//   head_i = SHA-256(head_{i-1} || SHA-256(receipt_i) || SHA-256(ack_i))
// over raw 32-byte digests; receipt_i and ack_i are the compact JWS texts as stored (ASCII).
// Indices start at 1; a log of size n has head head_n. Heads travel as base64url text.
// Editing, removing or reordering any entry changes every later head, so a signed
// checkpoint (size, head) kept elsewhere exposes it.
#pragma once

#include <string>
#include <string_view>

namespace cg::collector {

// Raw 32-byte digests.
std::string genesis_head(std::string_view site);
std::string next_head(std::string_view prev_head, std::string_view receipt_hash,
                      std::string_view ack_jws);

// Text forms (base64url, as stored and signed) of the same.
std::string genesis_head_text(std::string_view site);
// False when prev_head_text or receipt_hash_text is not base64url of 32 bytes.
bool next_head_text(std::string_view prev_head_text, std::string_view receipt_hash_text,
                    std::string_view ack_jws, std::string& head_text);

}  // namespace cg::collector
