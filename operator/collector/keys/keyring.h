// The operator's keys: one active signing key and the retired ones, kept in a key folder
//   <dir>/keyring.json   the public keys as a JWKS (RFC 7517) with validity windows
//   <dir>/<kid>.pem      the active private key, mode 0600 (retired ones are deleted)
// keyring.json is exactly what /.well-known/consent-keys.json serves:
//   {"keys":[{"kty":"EC","crv":"P-256","x":..,"y":..,"kid":..,"alg":"ES256","use":"sig",
//             "nbf":<unix s>,"exp":<unix s>}]}
// A key signs from `nbf` on; `exp` is set when it is rotated out (absent while it is the
// active key). An ack or checkpoint is genuine only if its kid is listed and its `iat`
// falls inside that key's window, so a stolen retired key cannot sign new acks that pass.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "keys/operator_jws.h"
#include "keys/operator_key.h"

namespace cg::collector {

struct KeyRecord {
  std::string kid, x, y;  // x, y base64url
  int64_t nbf = 0;
  int64_t exp = 0;  // 0: no end yet (the active key)
};

class Keyring {
 public:
  static constexpr std::string_view kFile = "keyring.json";

  // A new key folder (0700) with a first key; refuses when the folder has a keyring already.
  static bool create(const std::string& dir, int64_t now_s, std::string& kid, std::string& error);
  // Loads keyring.json, and the active private key when `with_private` (serving, checkpoints).
  static std::shared_ptr<const Keyring> load(const std::string& dir, bool with_private,
                                             std::string& error);
  // The public keys of a JWKS text (verifying with only what the collector publishes).
  static std::shared_ptr<const Keyring> from_jwks(std::string_view jwks, std::string& error);
  // A new active key valid from now; the previous one signs nothing after now + grace_s
  // (time for running collectors to pick the new key up; they check every few seconds).
  static bool rotate(const std::string& dir, int64_t now_s, int64_t grace_s, std::string& kid,
                     std::string& error);

  const std::vector<KeyRecord>& keys() const { return keys_; }
  const KeyRecord* find(std::string_view kid) const;
  // The signing key; null when loaded without the private key.
  const OperatorKey* active() const { return active_.get(); }
  std::string jwks() const;  // the JWKS text

  // Checks a split operator JWS: known kid, `iat_s` inside its window, valid signature.
  // Codes: <what>.kid, <what>.window, <what>.signature.
  Problem check(const JwsParts& parts, int64_t iat_s, std::string_view what) const;

 private:
  static std::shared_ptr<Keyring> parse(std::string_view jwks, std::string& error);

  std::vector<KeyRecord> keys_;
  std::map<std::string, verify::Pkey, std::less<>> public_;
  std::unique_ptr<OperatorKey> active_;
};

// The keyring a running collector signs with, reloaded when keyring.json changes (after
// `rotate-key`), so rotation needs no restart. Thread-safe.
class KeySource {
 public:
  KeySource(std::string dir, std::shared_ptr<const Keyring> initial);
  std::shared_ptr<const Keyring> current() const;
  // Reloads if the file changed since the last load; false with a message when it changed
  // but could not be loaded (the previous keyring stays in use).
  bool reload_if_changed(std::string& error);

 private:
  std::string dir_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Keyring> keyring_;
  struct timespec mtime_ {};
  ino_t inode_ = 0;
};

}  // namespace cg::collector
