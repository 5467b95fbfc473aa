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

// Duplicate keys, strings that unescape to ill-formed UTF-8 ("\udc00"), and nesting depth.
JsonProblem check(const rapidjson::Value& v, int depth, const std::string& where) {
  if (depth > kMaxDepth) return {"depth", "nested deeper than 32 levels at \"" + where + "\""};
  if (v.IsString() && !receipts::valid_utf8(name_of(v))) {
    return {"utf8",
            "a string is not well-formed UTF-8 (a lone surrogate escape?) at \"" + where + "\""};
  }
  if (v.IsArray()) {
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      JsonProblem p = check(v[i], depth + 1, where + "/" + std::to_string(i));
      if (!p.code.empty()) return p;
    }
  } else if (v.IsObject()) {
    std::vector<std::string_view> keys;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) keys.push_back(name_of(it->name));
    std::sort(keys.begin(), keys.end());
    auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) {
      return {"duplicate-key", "the key \"" + std::string(*dup) +
                                   "\" appears twice in the object at \"" + where + "\""};
    }
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      if (!receipts::valid_utf8(name_of(it->name))) {
        return {"utf8", "a key is not well-formed UTF-8 at \"" + where + "\""};
      }
      JsonProblem p = check(it->value, depth + 1, where + "/" + std::string(name_of(it->name)));
      if (!p.code.empty()) return p;
    }
  }
  return {};
}

}  // namespace

JsonProblem parse_strict(std::string_view text, rapidjson::Document& doc) {
  if (!receipts::valid_utf8(text)) return {"utf8", "the text is not well-formed UTF-8"};
  // Iterative parsing: hostile nesting cannot exhaust the stack before the depth check.
  // The default flags refuse trailing content, comments, NaN and Infinity.
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    return {"json", std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " (at byte " +
                        std::to_string(doc.GetErrorOffset()) + ")"};
  }
  return check(doc, 0, "");
}

}  // namespace cg::verify
