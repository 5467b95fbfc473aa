// Text as JS sees it: UTF-16 lengths, JS whitespace (cg/page_reading.h's js_space).
#include "audit/js_text.h"

#include "cg/page_reading.h"
#include "cg/utf8.h"

namespace cg::audit {

using page_reading::js_space;

// Decodes one code point at s[i] and advances i; anything ill-formed reads as U+FFFD, as a
// browser shows it (gumbo's output is well-formed UTF-8: this is only a guard).
char32_t next_code_point(std::string_view s, size_t& i) {
  char32_t cp = utf8::next(s, i);
  return cp == utf8::kIllFormed ? 0xFFFD : cp;
}

size_t utf16_units(char32_t cp) {
  return cp > 0xFFFF ? 2 : 1;
}

// s.slice(0, units) of the JS string. A cut through a surrogate pair drops the pair: a lone
// surrogate has no UTF-8 form.
std::string slice_utf16(std::string_view s, size_t units) {
  size_t i = 0, used = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (used + utf16_units(cp) > units) return std::string(s.substr(0, start));
    used += utf16_units(cp);
  }
  return std::string(s);
}

// Fed piecewise so that a huge element is not read past what the result can hold.
bool Collapsed::feed(std::string_view chunk) {
  for (size_t i = 0; i < chunk.size();) {
    char32_t cp = next_code_point(chunk, i);
    if (js_space(cp)) {
      pending_space_ = !out_.empty();
      continue;
    }
    if (pending_space_) {
      out_ += ' ';
      ++units_;
      pending_space_ = false;
    }
    utf8::append(out_, cp);
    units_ += utf16_units(cp);
    // Past kLimit + 1 units the trailing trim cannot reach the first kLimit.
    if (units_ > kLimit + 1) return false;
  }
  return true;
}

std::string Collapsed::result() const {
  return slice_utf16(out_, kLimit);  // the trailing space dropped
}

// String.prototype.trim().
std::string js_trim(std::string_view s) {
  size_t begin = s.size(), end = 0;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    if (js_space(next_code_point(s, i))) continue;
    if (begin == s.size()) begin = at;
    end = i;
  }
  return begin < end ? std::string(s.substr(begin, end - begin)) : std::string();
}

// s.split(/\s+/): an empty first (last) part when s starts (ends) with whitespace.
std::vector<std::string> split_js_space(std::string_view s) {
  std::vector<std::string> parts(1);
  bool in_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    if (js_space(next_code_point(s, i))) {
      if (!in_space) parts.emplace_back();
      in_space = true;
    } else {
      parts.back().append(s.substr(at, i - at));
      in_space = false;
    }
  }
  return parts;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

}  // namespace cg::audit
