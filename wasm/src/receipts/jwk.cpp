#include "cg/receipts/jwk.h"

#include <initializer_list>

#include "cg/receipts/base64url.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/sha256.h"
#include "cg/utf8.h"

namespace cg::receipts {
namespace {

bool coordinate(std::string_view name, std::string_view value, std::string& error) {
  std::string bytes;
  if (!b64url_decode(value, bytes) || bytes.size() != 32) {
    error = std::string(name) + " must be 32 bytes in base64url without padding";
    return false;
  }
  return true;
}

// SHA-256 of {"m1":"v1",...} for members already in lexicographic order.
std::string thumbprint_of(std::initializer_list<std::pair<std::string_view, std::string_view>> m) {
  std::string text = "{";
  for (const auto& [name, value] : m) {
    if (text.size() > 1) text += ',';
    append_string(text, name);
    text += ':';
    append_string(text, value);
  }
  text += '}';
  return b64url_encode(digest_bytes(sha256(text)));
}

}  // namespace

bool check_p256_jwk(const P256Jwk& key, std::string& error) {
  return coordinate("x", key.x, error) && coordinate("y", key.y, error);
}

std::string jwk_thumbprint(const P256Jwk& key) {
  return thumbprint_of({{"crv", "P-256"}, {"kty", "EC"}, {"x", key.x}, {"y", key.y}});
}

bool jwk_thumbprint(const json::Value& jwk, std::string& thumbprint, std::string& error) {
  error.clear();
  std::string_view got[3];
  auto read = [&](std::initializer_list<std::string_view> names) {
    size_t i = 0;
    for (std::string_view name : names) {
      const json::Value* v = json::member(jwk, name);
      if (!v || !v->IsString() || !utf8::valid(json::string_of(*v))) {
        error = "the JWK member \"" + std::string(name) + "\" is missing or not a string";
        return false;
      }
      got[i++] = json::string_of(*v);
    }
    return true;
  };
  const json::Value* kty = json::member(jwk, "kty");
  std::string_view type = kty && kty->IsString() ? json::string_of(*kty) : "";
  if (type == "EC" && read({"crv", "x", "y"})) {
    thumbprint = thumbprint_of({{"crv", got[0]}, {"kty", "EC"}, {"x", got[1]}, {"y", got[2]}});
  } else if (type == "RSA" && read({"e", "n"})) {
    thumbprint = thumbprint_of({{"e", got[0]}, {"kty", "RSA"}, {"n", got[1]}});
  } else if (type == "OKP" && read({"crv", "x"})) {
    thumbprint = thumbprint_of({{"crv", got[0]}, {"kty", "OKP"}, {"x", got[1]}});
  } else if (type == "oct" && read({"k"})) {
    thumbprint = thumbprint_of({{"k", got[0]}, {"kty", "oct"}});
  } else {
    if (error.empty()) error = "the JWK has no known \"kty\" (EC, RSA, OKP or oct)";
    return false;
  }
  return true;
}

std::string thumbprint_urn(std::string_view thumbprint) {
  return std::string(kThumbprintUrnPrefix) + std::string(thumbprint);
}

void write_jwk(json::Out& out, const P256Jwk& key) {
  out.object().key("crv").str("P-256").key("kty").str("EC");
  out.key("x").str(key.x).key("y").str(key.y).end_object();
}

}  // namespace cg::receipts
