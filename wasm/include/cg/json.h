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

// Parses `text` strictly: valid UTF-8 (escapes included), no trailing content, and no
// object with the same key twice (RapidJSON would keep both; a duplicate is how a forged
// value hides).
// Returns false and leaves `doc` unspecified on any problem.
bool parse(std::string_view text, Document& doc);

// Member lookup that never asserts: null when `object` is not an object or lacks `key`.
const Value* member(const Value& object, std::string_view key);

inline std::string_view string_of(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

// A JSON text writer with short verbs; values are written in call order.
class Out {
 public:
  Out() : writer_(buffer_) {}
  Out& object() { return done(writer_.StartObject()); }
  Out& end_object() { return done(writer_.EndObject()); }
  Out& array() { return done(writer_.StartArray()); }
  Out& end_array() { return done(writer_.EndArray()); }
  Out& key(std::string_view k) {
    return done(writer_.Key(k.data(), static_cast<unsigned>(k.size())));
  }
  Out& str(std::string_view s) {
    return done(writer_.String(s.data(), static_cast<unsigned>(s.size())));
  }
  Out& boolean(bool b) { return done(writer_.Bool(b)); }
  Out& number(int64_t n) { return done(writer_.Int64(n)); }
  Out& null() { return done(writer_.Null()); }
  // Copies a parsed value through unchanged.
  Out& value(const Value& v) {
    v.Accept(writer_);
    return *this;
  }
  std::string text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  Out& done(bool) { return *this; }
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace cg::json
