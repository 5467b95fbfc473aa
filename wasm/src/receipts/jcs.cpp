#include "cg/receipts/jcs.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "cg/utf8.h"

namespace cg::receipts {
namespace {

constexpr int64_t kMaxSafe = int64_t{1} << 53;

std::u16string utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = utf8::next(s, i);
    if (cp == utf8::kIllFormed) break;  // callers check well-formedness first
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

// The integer a number value holds, when it is one JCS can write exactly.
bool safe_integer(const json::Value& v, int64_t& n) {
  if (v.IsInt64()) {
    n = v.GetInt64();
  } else if (v.IsUint64()) {
    if (v.GetUint64() > static_cast<uint64_t>(kMaxSafe)) return false;
    n = static_cast<int64_t>(v.GetUint64());
  } else {
    double d = v.GetDouble();
    if (!std::isfinite(d) || std::fabs(d) > static_cast<double>(kMaxSafe) || d != std::trunc(d))
      return false;
    n = static_cast<int64_t>(d);
  }
  return n >= -kMaxSafe && n <= kMaxSafe;
}

struct Writer {
  std::string& out;
  std::string& error;
  std::string pointer;  // where we are, as a JSON Pointer, for error messages

  bool fail(std::string_view message) {
    error = std::string(message) + " at \"" + pointer + "\"";
    return false;
  }

  bool value(const json::Value& v, int depth) {
    if (depth > json::kMaxDepth) return fail("nesting deeper than 32 levels");
    if (v.IsNull())
      out += "null";
    else if (v.IsBool())
      out += v.GetBool() ? "true" : "false";
    else if (v.IsString())
      return string(json::string_of(v));
    else if (v.IsNumber())
      return number(v);
    else if (v.IsArray())
      return array(v, depth);
    else
      return object(v, depth);
    return true;
  }

  bool string(std::string_view s) {
    if (!utf8::valid(s)) return fail("ill-formed UTF-8 in a string");
    append_string(out, s);
    return true;
  }

  bool number(const json::Value& v) {
    int64_t n = 0;
    if (!safe_integer(v, n)) {
      return fail("a number that is not an integer within +-2^53 (only those are supported)");
    }
    json::append_integer(out, n);
    return true;
  }

  bool array(const json::Value& v, int depth) {
    out += '[';
    size_t base = pointer.size();
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      if (i > 0) out += ',';
      pointer += '/';
      json::append_integer(pointer, static_cast<int64_t>(i));
      if (!value(v[i], depth + 1)) return false;
      pointer.resize(base);
    }
    out += ']';
    return true;
  }

  bool object(const json::Value& v, int depth) {
    struct Entry {
      std::u16string key;
      const json::Value::Member* member;
    };
    std::vector<Entry> entries;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      if (!utf8::valid(json::string_of(it->name))) return fail("ill-formed UTF-8 in a key");
      entries.push_back({utf16(json::string_of(it->name)), &*it});
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
    out += '{';
    size_t base = pointer.size();
    for (size_t i = 0; i < entries.size(); ++i) {
      std::string_view key = json::string_of(entries[i].member->name);
      if (i > 0 && entries[i].key == entries[i - 1].key) return fail("a duplicate key");
      if (i > 0) out += ',';
      append_string(out, key);
      out += ':';
      pointer += '/';
      for (char c : key) pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
      if (!value(entries[i].member->value, depth + 1)) return false;
      pointer.resize(base);
    }
    out += '}';
    return true;
  }
};

}  // namespace

bool utf16_less(std::string_view a, std::string_view b) {
  return utf16(a) < utf16(b);
}

void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    unsigned char c = ch;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

bool canonicalize(const json::Value& value, std::string& out, std::string& error) {
  Writer w{out, error, {}};
  return w.value(value, 0);
}

bool canonicalize_text(std::string_view text, std::string& out, std::string& error) {
  json::Document doc;
  if (!json::parse(text, doc)) {
    error = "not strict JSON (syntax, UTF-8, a duplicate key, or past its limits)";
    return false;
  }
  return canonicalize(doc, out, error);
}

}  // namespace cg::receipts
