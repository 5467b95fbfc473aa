#include "cg/page_reading.h"

#include "cg/utf8.h"

namespace cg::page_reading {

bool js_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

bool maybe_personal(std::string_view s) {
  int digits = 0;                // the current run of digits
  bool separated_digit = false;  // in a run of [\s()-] that follows a digit
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, i);
    if (c == '@') return true;
    if (c >= '0' && c <= '9') {
      if (separated_digit || ++digits >= 5) return true;
    } else if (js_space(c) || c == '(' || c == ')' || c == '-' || (c >= 0x2010 && c <= 0x2015)) {
      separated_digit = separated_digit || digits > 0;
      digits = 0;
    } else {
      digits = 0;
      separated_digit = false;
    }
  }
  return false;
}

std::string js_module() {
  std::string skip;
  for (auto tag : kSkipText) {
    std::string upper(tag);
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    skip += (skip.empty() ? "\"" : ",\"") + upper + "\"";
  }
  return "// Generated from wasm/include/cg/page_reading.h by cg-gen-page-reading. Do not edit.\n"
         "export const TEXT_CHARS = " +
         std::to_string(kTextChars) +
         ";\nexport const BLOCK_CHARS = " + std::to_string(kBlockChars) +
         ";\nexport const HEADING_LEVELS = " + std::to_string(kHeadingLevels) +
         ";\nexport const HEADING_SIBLINGS = " + std::to_string(kHeadingSiblings) +
         ";\nexport const HEADINGS = \"" + std::string(kHeadings) +
         "\";\nexport const SKIP_TEXT = new Set([" + skip + "]);\nexport const MAYBE_PERSONAL = /" +
         std::string(kMaybePersonal) + "/;\n";
}

}  // namespace cg::page_reading
