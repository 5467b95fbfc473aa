// Strict JSON for receipts that come from outside: every problem gets its own code, so an
// auditor learns whether a receipt is truncated, mis-encoded or crafted (a duplicate key is
// how a forged value hides behind a genuine one: parsers disagree on which one wins).
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace cg::verify {

struct JsonProblem {
  std::string code;  // "utf8", "json", "duplicate-key", "depth"; "" when fine
  std::string message;
};

// Parses `text` into `doc`: well-formed UTF-8 (escapes included), RFC 8259 syntax with no
// trailing content, no object with a key twice, at most 32 levels of nesting. Numbers keep
// RapidJSON's types (Int64 for integers in range); callers check types.
JsonProblem parse_strict(std::string_view text, rapidjson::Document& doc);

}  // namespace cg::verify
