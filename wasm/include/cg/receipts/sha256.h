// SHA-256 (FIPS 180-4), written out by hand so the WebAssembly core needs no crypto library.
// Used for the notice hash, the `prev` chain link and JWK thumbprints; never for secrets, so
// it makes no attempt to be constant-time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cg::receipts {

using Digest = std::array<uint8_t, 32>;

// Incremental hashing: update() any number of times, then finish() once. After finish()
// the object holds nothing useful; make a new one for the next message.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  Digest finish();

 private:
  void block(const uint8_t* p);

  uint32_t h_[8];
  uint8_t buffer_[64];
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes hashed so far
};

Digest sha256(std::string_view bytes);

// The digest as bytes (for base64url) or as lower-case hex.
std::string_view digest_bytes(const Digest& d);
std::string to_hex(std::string_view bytes);

}  // namespace cg::receipts
