#include "cg/json.h"

namespace cg::json {
namespace {

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
// RapidJSON checks raw bytes, but turns an escaped lone surrogate ("\udcff") into bytes
// that are not UTF-8; this catches those.
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
    if (n == 9 || i + n >= s.size()) return false;  // bad lead byte, or cut short
    uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (size_t k = 1; k <= n; ++k) {
      unsigned char t = s[i + k];
      if ((t & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (t & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// Unique object keys and well-formed strings, all the way down.
bool well_formed(const Value& v) {
  if (v.IsString()) return valid_utf8(string_of(v));
  if (v.IsArray()) {
    for (const auto& item : v.GetArray()) {
      if (!well_formed(item)) return false;
    }
  } else if (v.IsObject()) {
    for (auto a = v.MemberBegin(); a != v.MemberEnd(); ++a) {
      for (auto b = v.MemberBegin(); b != a; ++b) {
        if (a->name == b->name) return false;
      }
      if (!valid_utf8(string_of(a->name)) || !well_formed(a->value)) return false;
    }
  }
  return true;
}

}  // namespace

bool parse(std::string_view text, Document& doc) {
  // Default flags already refuse trailing content, comments, NaN and Infinity; UTF-8 is
  // checked by well_formed(), escapes included, so RapidJSON's own check is not needed.
  doc.Parse(text.data(), text.size());
  return !doc.HasParseError() && well_formed(doc);
}

const Value* member(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (string_of(it->name) == key) return &it->value;
  }
  return nullptr;
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
  writer_.Int64(n);
  return *this;
}
[[gnu::noinline]] Out& Out::null() {
  writer_.Null();
  return *this;
}
std::string Out::text() const {
  return {buffer_.GetString(), buffer_.GetSize()};
}

}  // namespace cg::json
