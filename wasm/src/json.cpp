#include "cg/json.h"

#include <rapidjson/encodedstream.h>
#include <rapidjson/memorystream.h>

#include <cmath>
#include <cstdint>

#include "cg/utf8.h"

namespace cg::json {
namespace {

// Unique object keys and well-formed strings, all the way down. RapidJSON checks raw bytes,
// but turns an escaped lone surrogate ("\udcff") into bytes that are not UTF-8; this catches
// those.
bool well_formed(const Value& v) {
  if (v.IsString()) return utf8::valid(string_of(v));
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) {
      if (!well_formed(item)) return false;
    }
  } else if (v.IsObject()) {
    for (auto a = v.MemberBegin(); a != v.MemberEnd(); ++a) {
      for (auto b = v.MemberBegin(); b != a; ++b) {
        if (a->name == b->name) return false;
      }
      if (!utf8::valid(string_of(a->name)) || !well_formed(a->value)) return false;
    }
  }
  return true;
}

// Builds the document like Document::Parse, within the limits of json.h, except for
// numbers: the core's configuration
// has integers only, so numbers arrive as text (kParseNumbersAsStringsFlag) and are read
// here. That keeps RapidJSON's floating-point conversion and its 2.5 KB table of powers of
// ten out of the WebAssembly. Anything that is not an integer in int64 range becomes a NaN
// double, which every integer check refuses.
class IntegerNumbers {
 public:
  explicit IntegerNumbers(Document& doc) : doc_(doc) {}
  bool RawNumber(const char* s, rapidjson::SizeType length, bool) {
    std::string_view digits(s, length);
    bool minus = !digits.empty() && digits[0] == '-';
    if (minus) digits.remove_prefix(1);
    uint64_t n = 0;
    bool integer = !digits.empty() && digits.size() <= 19;
    for (char c : digits) {
      if (c < '0' || c > '9') integer = false;
      if (integer) n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    constexpr uint64_t kMax = static_cast<uint64_t>(INT64_MAX);
    if (!integer || n > kMax + (minus ? 1 : 0)) return doc_.Double(std::nan(""));
    return doc_.Int64(minus ? static_cast<int64_t>(~n + 1) : static_cast<int64_t>(n));
  }
  // Everything else goes to the document as it is.
  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int) { return false; }  // never called with kParseNumbersAsStringsFlag
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  // Refusing the level past kMaxDepth stops RapidJSON's recursive descent there: hostile
  // nesting cannot exhaust the stack (67,000 '[' once crashed the collector).
  bool StartObject() { return ++depth_ <= kMaxDepth && doc_.StartObject(); }
  bool StartArray() { return ++depth_ <= kMaxDepth && doc_.StartArray(); }
  // Past kMaxMembers an object is refused before well_formed() compares its keys pairwise.
  bool EndObject(rapidjson::SizeType n) {
    return n <= kMaxMembers && --depth_ >= 0 && doc_.EndObject(n);
  }
  bool EndArray(rapidjson::SizeType n) { return --depth_ >= 0 && doc_.EndArray(n); }

 private:
  Document& doc_;
  int depth_ = 0;
};

// Document::Populate's generator: runs the reader into the document, keeps the verdict.
struct Reading {
  std::string_view text;
  bool ok = false;
  bool operator()(Document& doc) {
    rapidjson::MemoryStream bytes(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(bytes);
    IntegerNumbers handler(doc);
    rapidjson::Reader reader;
    ok = !reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(in, handler).IsError();
    return ok;
  }
};

}  // namespace

bool parse(std::string_view text, Document& doc) {
  // Default flags already refuse trailing content, comments, NaN and Infinity; UTF-8 is
  // checked by well_formed(), escapes included, so RapidJSON's own check is not needed.
  Reading reading{text};
  doc.Populate(reading);
  return reading.ok && well_formed(doc);
}

const Value* member(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (string_of(it->name) == key) return &it->value;
  }
  return nullptr;
}

// Digits by hand: RapidJSON's unrolled i64toa costs 1.8 KB of WebAssembly.
void append_integer(std::string& out, int64_t n) {
  char digits[20];
  size_t at = sizeof digits;
  uint64_t u = n < 0 ? ~static_cast<uint64_t>(n) + 1 : static_cast<uint64_t>(n);
  do {
    digits[--at] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (n < 0) digits[--at] = '-';
  out.append(digits + at, sizeof digits - at);
}

Out::Out() : writer_(buffer_) {}
Out::~Out() = default;
[[gnu::noinline]] Out& Out::object() {
  writer_.StartObject();
  return *this;
}
[[gnu::noinline]] Out& Out::end_object() {
  writer_.EndObject();
  return *this;
}
[[gnu::noinline]] Out& Out::array() {
  writer_.StartArray();
  return *this;
}
[[gnu::noinline]] Out& Out::end_array() {
  writer_.EndArray();
  return *this;
}
[[gnu::noinline]] Out& Out::key(std::string_view k) {
  writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
  return *this;
}
[[gnu::noinline]] Out& Out::str(std::string_view s) {
  writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return *this;
}
[[gnu::noinline]] Out& Out::boolean(bool b) {
  writer_.Bool(b);
  return *this;
}
[[gnu::noinline]] Out& Out::number(int64_t n) {
  std::string digits;
  append_integer(digits, n);
  writer_.RawValue(digits.data(), digits.size(), rapidjson::kNumberType);
  return *this;
}
[[gnu::noinline]] Out& Out::raw(std::string_view json) {
  writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return *this;
}
[[gnu::noinline]] Out& Out::null() {
  writer_.Null();
  return *this;
}
std::string Out::text() const {
  return {buffer_.GetString(), buffer_.GetSize()};
}

std::string error_answer(std::string_view field, std::string_view message) {
  Out o;
  o.object().key("ok").boolean(false).key("error").object();
  o.key("field").str(field).key("message").str(message).end_object().end_object();
  return o.text();
}

}  // namespace cg::json
