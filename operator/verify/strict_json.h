// Strict JSON for receipts that come from outside: every problem gets its own code, so an
// auditor learns whether a receipt is truncated, mis-encoded or crafted (a duplicate key is
// how a forged value hides behind a genuine one: parsers disagree on which one wins).
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace cg::verify {

struct JsonProblem {
  std::string code;  // "utf8", "json", "duplicate-key", "depth"; "" when fine
  std::string message;
};

// Parses `text` into `doc`: well-formed UTF-8 (escapes included), RFC 8259 syntax with no
// trailing content (nor a NUL byte, where RapidJSON would stop as at the end), no object with a key
// twice, at most 32 levels of nesting. Numbers keep RapidJSON's types (Int64 for integers in
// range); callers check types.
JsonProblem parse_strict(std::string_view text, rapidjson::Document& doc);
// The same, parsing in place (about half the time: strings are not copied): `text` is
// overwritten, and the strings of `doc` point into it, so it must outlive `doc`.
JsonProblem parse_strict_in_place(std::string& text, rapidjson::Document& doc);

// A hash of a member name for small tables that find members or duplicates: its length
// and three of its characters. Hashing every character cost more than the lookups it
// served; the receipt payload's 27 names collide once in 64 slots.
inline uint32_t member_name_hash(std::string_view s) {
  if (s.empty()) return 0;
  auto at = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  return static_cast<uint32_t>(s.size() + at(0) + 5 * at(s.size() - 1) + 3 * at(s.size() / 2));
}

}  // namespace cg::verify
