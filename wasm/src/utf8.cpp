#include "cg/utf8.h"

#include <cstdint>
#include <cstring>

namespace cg::utf8 {

char32_t next(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
  if (n == 9 || n > s.size() - i - 1) {  // bad lead byte, or cut short
    ++i;
    return kIllFormed;
  }
  char32_t cp = n == 0 ? c : c & (0x3F >> n);
  for (size_t k = 1; k <= n; ++k) {
    unsigned char t = s[i + k];
    if ((t & 0xC0) != 0x80) {
      ++i;
      return kIllFormed;
    }
    cp = (cp << 6) | (t & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kIllFormed;
  }
  i += n + 1;
  return cp;
}

bool valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    // ASCII, the common case: eight bytes at a time while none has its high bit set.
    uint64_t word;
    if (i + 8 <= s.size() &&
        (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080u) == 0)) {
      i += 8;
    } else if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    } else if (next(s, i) == kIllFormed) {
      return false;
    }
  }
  return true;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace cg::utf8
