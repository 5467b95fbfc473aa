#include "verify/strict_json.h"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <vector>

#include "cg/receipts/jcs.h"

namespace cg::verify {
namespace {

constexpr int kMaxDepth = 32;

std::string_view name_of(const rapidjson::Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

// Raw text was checked as UTF-8 already, so a parsed string can only be ill-formed through
// an escaped lone surrogate ("\udc00"), which RapidJSON writes as ED A0..BF xx: look only
// at strings holding 0xED, and only when the text has a \u escape at all.
bool string_ok(std::string_view s, bool escapes) {
  return !escapes || s.find('\xED') == std::string_view::npos || receipts::valid_utf8(s);
}

// True when two members of `v` share a name; `name` gets it. Names are hashed into a table
// on the stack (receipt objects have a few dozen members); larger objects are sorted.
bool duplicate_key(const rapidjson::Value& v, std::string_view& name) {
  constexpr size_t kSlots = 128;
  if (v.MemberCount() > kSlots / 2) {
    std::vector<std::string_view> keys;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) keys.push_back(name_of(it->name));
    std::sort(keys.begin(), keys.end());
    auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) name = *dup;
    return dup != keys.end();
  }
  const rapidjson::Value* slots[kSlots] = {};
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    std::string_view key = name_of(it->name);
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    for (size_t i = h % kSlots;; i = (i + 1) % kSlots) {
      if (!slots[i]) {
        slots[i] = &it->name;
        break;
      }
      if (name_of(*slots[i]) == key) {
        name = key;
        return true;
      }
    }
  }
  return false;
}

// Duplicate keys, strings that unescape to ill-formed UTF-8, and nesting depth. The JSON
// Pointer of the problem is built only when there is one, on the way back up.
JsonProblem check(const rapidjson::Value& v, int depth, bool escapes, std::string& where) {
  if (depth > kMaxDepth) return {"depth", "nested deeper than 32 levels"};
  if (v.IsString() && !string_ok(name_of(v), escapes)) {
    return {"utf8", "a string is not well-formed UTF-8 (a lone surrogate escape?)"};
  }
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      JsonProblem p = check(v[i], depth + 1, escapes, where);
      if (!p.code.empty()) {
        where = "/" + std::to_string(i) + where;
        return p;
      }
    }
  } else if (v.IsObject()) {
    std::string_view dup;
    if (duplicate_key(v, dup)) {
      return {"duplicate-key", "the key \"" + std::string(dup) + "\" appears twice in an object"};
    }
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      if (!string_ok(name_of(it->name), escapes)) {
        return {"utf8", "a key is not well-formed UTF-8"};
      }
      JsonProblem p = check(it->value, depth + 1, escapes, where);
      if (!p.code.empty()) {
        where = "/" + std::string(name_of(it->name)) + where;
        return p;
      }
    }
  }
  return {};
}

JsonProblem syntax_error(const rapidjson::Document& doc) {
  return {"json", std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " (at byte " +
                      std::to_string(doc.GetErrorOffset()) + ")"};
}

}  // namespace

JsonProblem parse_strict(std::string_view text, rapidjson::Document& doc) {
  if (!receipts::valid_utf8(text)) return {"utf8", "the text is not well-formed UTF-8"};
  bool escapes = text.find("\\u") != std::string_view::npos;
  // Iterative parsing: hostile nesting cannot exhaust the stack before the depth check.
  // The default flags refuse trailing content, comments, NaN and Infinity.
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError()) return syntax_error(doc);
  std::string where;
  JsonProblem p = check(doc, 0, escapes, where);
  if (!p.code.empty()) p.message += " at \"" + where + "\"";
  return p;
}

}  // namespace cg::verify
