// Text as the browser's JS sees it, for reading a saved page as js/masking/describe.js does:
// lengths in UTF-16 units, JS's whitespace, its trim, split and slice.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cg/page_reading.h"

namespace cg::audit {

// Decodes one code point at s[i] and advances i; anything ill-formed reads as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);
size_t utf16_units(char32_t cp);
// s.slice(0, units) of the JS string.
std::string slice_utf16(std::string_view s, size_t units);

// describe.js's text(): .replace(/\s+/g, ' ').trim().slice(0, TEXT_CHARS), fed piecewise.
class Collapsed {
 public:
  static constexpr size_t kLimit = page_reading::kTextChars;
  // False once enough is collected.
  bool feed(std::string_view chunk);
  std::string result() const;

 private:
  std::string out_;
  size_t units_ = 0;
  bool pending_space_ = false;
};

// String.prototype.trim().
std::string js_trim(std::string_view s);
// s.split(/\s+/).
std::vector<std::string> split_js_space(std::string_view s);
bool equals_ascii_ci(std::string_view a, std::string_view b);
bool ascii_space(char c);

}  // namespace cg::audit
