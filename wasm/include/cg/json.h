// JSON in and out of the core, on RapidJSON: small and exception-free, which the
// WebAssembly size budget needs (nlohmann/json cost 30 KB gzip in the wasm; see README).
#pragma once

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace cg::json {

using Value = rapidjson::Value;
using Document = rapidjson::Document;

// Limits of every JSON text the core and the collector read (docs/collector.md's table).
// Nothing they read comes near them: configurations nest 4 levels and their largest object
// (one language's texts) has under 60 members. The member limit keeps the duplicate-key
// check linear in the input's size.
constexpr int kMaxDepth = 32;
constexpr unsigned kMaxMembers = 256;

// Parses `text` strictly: valid UTF-8 (escapes included), no trailing content, no object
// with the same key twice (RapidJSON would keep both; a duplicate is how a forged value
// hides), nesting and objects within the limits above.
// Returns false and leaves `doc` unspecified on any problem.
bool parse(std::string_view text, Document& doc);

// Member lookup that never asserts: null when `object` is not an object or lacks `key`.
const Value* member(const Value& object, std::string_view key);

inline std::string_view string_of(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

// Appends the decimal digits of n (with '-' when negative): how JSON and RFC 8785 write it.
void append_integer(std::string& out, int64_t n);

// The answer every JSON entry point gives on bad input:
// {"ok": false, "error": {"field": ..., "message": ...}}.
std::string error_answer(std::string_view field, std::string_view message);

// A JSON text writer with short verbs; values are written in call order. The verbs are
// out of line on purpose: inlined at every call site, RapidJSON's writer cost kilobytes
// of WebAssembly.
class Out {
 public:
  Out();
  ~Out();
  Out& object();
  Out& end_object();
  Out& array();
  Out& end_array();
  Out& key(std::string_view k);
  Out& str(std::string_view s);
  Out& boolean(bool b);
  Out& number(int64_t n);
  Out& null();
  Out& raw(std::string_view json);  // a JSON text written as it is (the caller made it)
  std::string text() const;

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace cg::json
