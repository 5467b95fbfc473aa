// UTF-8, code point by code point: one decoder and one encoder for every part of the core
// that reads or writes text that way (JSON checks, RFC 8785, the field classifier, cg-audit).
#pragma once

#include <string>
#include <string_view>

namespace cg::utf8 {

constexpr char32_t kIllFormed = 0xFFFFFFFF;

// The code point at s[i], advancing i past it, for well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing past U+10FFFF); kIllFormed, advancing i by one byte, for
// anything else.
char32_t next(std::string_view s, size_t& i);

// True when all of `s` is well-formed UTF-8.
bool valid(std::string_view s);

// Appends `cp` (at most U+10FFFF) as UTF-8.
void append(std::string& out, char32_t cp);

}  // namespace cg::utf8
