#include "verify/strict_json.h"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <vector>

#include "cg/receipts/jcs.h"
#include "cg/utf8.h"

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
  return !escapes || s.find('\xED') == std::string_view::npos || utf8::valid(s);
}

// True when two members of `v` share a name; `name` gets it. Small objects (most of a
// receipt's) compare names pairwise; up to 64 members, names are hashed (member_name_hash)
// into a table on the stack sized to the object, where even crafted collisions cost at most
// 64 * 63 / 2 comparisons; larger objects are sorted.
bool duplicate_key(const rapidjson::Value& v, std::string_view& name) {
  size_t count = v.MemberCount();
  auto first = v.MemberBegin();
  if (count <= 8) {
    for (size_t i = 1; i < count; ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (name_of(first[i].name) == name_of(first[j].name)) {
          name = name_of(first[i].name);
          return true;
        }
      }
    }
    return false;
  }
  constexpr size_t kMaxSlots = 128;
  if (count > kMaxSlots / 2) {
    std::vector<std::string_view> keys;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) keys.push_back(name_of(it->name));
    std::sort(keys.begin(), keys.end());
    auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) name = *dup;
    return dup != keys.end();
  }
  size_t slots_used = 16;  // a power of two, at least twice the members
  while (slots_used < 2 * count) slots_used *= 2;
  const rapidjson::Value* slots[kMaxSlots];
  std::fill(slots, slots + slots_used, nullptr);
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    std::string_view key = name_of(it->name);
    for (size_t i = member_name_hash(key) & (slots_used - 1);; i = (i + 1) & (slots_used - 1)) {
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
  // Most values are numbers, booleans and strings without escapes, where a visit would
  // find nothing (unless they are too deep): the walk skips them.
  auto skip = [&](const rapidjson::Value& child) {
    return depth < kMaxDepth && !child.IsArray() && !child.IsObject() &&
           !(escapes && child.IsString());
  };
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      if (skip(v[i])) continue;
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
      if (skip(it->value)) continue;
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

// What both ways of parsing check before and after RapidJSON. `parse` parses `text`
// into `doc` and is called only once the text passed the checks before.
template <typename Parse>
JsonProblem parse_checked(std::string_view text, rapidjson::Document& doc, Parse parse) {
  if (!utf8::valid(text)) return {"utf8", "the text is not well-formed UTF-8"};
  // RapidJSON reads a NUL byte as the end of the text, so "{}\0junk" would pass: JSON has
  // no raw NUL anywhere (in strings it is escaped), so one is a syntax error.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return {"json", "a NUL byte (at byte " + std::to_string(nul) + ")"};
  }
  bool escapes = text.find("\\u") != std::string_view::npos;  // before parsing in place
  // Iterative parsing: hostile nesting cannot exhaust the stack before the depth check.
  // The default flags refuse trailing content, comments, NaN and Infinity.
  parse();
  if (doc.HasParseError()) return syntax_error(doc);
  std::string where;
  JsonProblem p = check(doc, 0, escapes, where);
  if (!p.code.empty()) p.message += " at \"" + where + "\"";
  return p;
}

}  // namespace

JsonProblem parse_strict(std::string_view text, rapidjson::Document& doc) {
  return parse_checked(
      text, doc, [&] { doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size()); });
}

JsonProblem parse_strict_in_place(std::string& text, rapidjson::Document& doc) {
  // std::string keeps a NUL after its last character: the end ParseInsitu looks for.
  return parse_checked(text, doc,
                       [&] { doc.ParseInsitu<rapidjson::kParseIterativeFlag>(text.data()); });
}

}  // namespace cg::verify
