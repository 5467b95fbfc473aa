#include "cg/receipts/base64url.h"

#include <cstdint>

namespace cg::receipts {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// 0..63 for the alphabet, 64 for anything else: one lookup per character.
struct Table {
  uint8_t value[256];
  constexpr Table() : value() {
    for (int i = 0; i < 256; ++i) value[i] = 64;
    for (int i = 0; i < 64; ++i)
      value[static_cast<uint8_t>(kAlphabet[i])] = static_cast<uint8_t>(i);
  }
};
constexpr Table kTable;

}  // namespace

std::string b64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = uint32_t{static_cast<uint8_t>(bytes[i])} << 16 |
                 uint32_t{static_cast<uint8_t>(bytes[i + 1])} << 8 |
                 static_cast<uint8_t>(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{static_cast<uint8_t>(bytes[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<uint8_t>(bytes[i + 1])} << 8;
    for (size_t k = 0; k <= rest; ++k) out += kAlphabet[(v >> (18 - 6 * k)) & 63];
  }
  return out;
}

bool b64url_decode(std::string_view text, std::string& bytes) {
  if (text.size() % 4 == 1) return false;
  bytes.resize(text.size() / 4 * 3 + (text.size() % 4 ? text.size() % 4 - 1 : 0));
  auto in = reinterpret_cast<const uint8_t*>(text.data());
  char* out = bytes.data();
  size_t whole = text.size() / 4 * 4;
  uint32_t bad = 0;  // any character outside the alphabet sets bit 6
  for (size_t i = 0; i < whole; i += 4) {
    uint32_t a = kTable.value[in[i]], b = kTable.value[in[i + 1]], c = kTable.value[in[i + 2]],
             d = kTable.value[in[i + 3]];
    bad |= a | b | c | d;
    uint32_t v = a << 18 | b << 12 | c << 6 | d;
    *out++ = static_cast<char>(v >> 16);
    *out++ = static_cast<char>(v >> 8);
    *out++ = static_cast<char>(v);
  }
  size_t rest = text.size() - whole;
  if (rest > 0) {
    uint32_t v = 0;
    for (size_t k = 0; k < rest; ++k) {
      uint32_t x = kTable.value[in[whole + k]];
      bad |= x;
      v |= x << (18 - 6 * k);
    }
    // The unused low bits of the last character must be zero (canonical encoding).
    if (v & (rest == 2 ? 0xFFFFu : 0xFFu)) return false;
    *out++ = static_cast<char>(v >> 16);
    if (rest == 3) *out++ = static_cast<char>(v >> 8);
  }
  return (bad & 64) == 0;
}

}  // namespace cg::receipts
