// RFC 8785 JSON Canonicalization Scheme over the core's JSON values, for the JSON whose hash
// must come out the same on every side (the notice hash, JWK thumbprints).
//
// Supported subset: null, booleans, strings, arrays, objects, and integers with |n| <= 2^53
// (as Int64/Uint64 values, or doubles holding such an integer). The core's parser reads
// integers only (other numbers become NaN, see json.h), and receipts and notices need
// nothing else, so any other number is refused rather than formatted: ECMAScript number
// formatting would need printf-free shortest round-trip code in the WebAssembly.
#pragma once

#include <string>
#include <string_view>

#include "cg/json.h"

namespace cg::receipts {

// Appends the canonical text of `value` to `out`. Returns false with a message naming the
// offending place (a JSON Pointer, e.g. "/texts/0") on: a number outside the subset,
// ill-formed UTF-8 in a string or key, a duplicate key, or nesting deeper than 64 levels.
bool canonicalize(const json::Value& value, std::string& out, std::string& error);

// Parses `text` (strictly, see json::parse) and canonicalizes it.
bool canonicalize_text(std::string_view text, std::string& out, std::string& error);

// Appends `s` as a JSON string literal the RFC 8785 way (ECMAScript JSON.stringify):
// \b \t \n \f \r \" \\ short forms, other controls as \u00xx in lower-case hex, everything
// else as it is. `s` must be well-formed UTF-8 (check with utf8::valid(), cg/utf8.h).
void append_string(std::string& out, std::string_view s);

// True when `a` sorts before `b` comparing their UTF-16 code units (RFC 8785 §3.2.3).
// Both must be well-formed UTF-8.
bool utf16_less(std::string_view a, std::string_view b);

}  // namespace cg::receipts
