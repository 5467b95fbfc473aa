// base64url without padding (RFC 4648 §5, as JOSE uses it: RFC 7515 §2).
#pragma once

#include <string>
#include <string_view>

namespace cg::receipts {

std::string b64url_encode(std::string_view bytes);

// Strict decoding, so that one byte string has exactly one accepted text (a JWS must not
// verify under several spellings): refuses '=' padding, characters outside [A-Za-z0-9_-]
// (including '+', '/' and whitespace), a length of 1 mod 4, and non-zero unused bits in the
// last character. Returns false and leaves `bytes` unspecified on refusal.
bool b64url_decode(std::string_view text, std::string& bytes);

}  // namespace cg::receipts
