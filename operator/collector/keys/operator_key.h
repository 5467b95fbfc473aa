// The operator's signing key: ES256 (ECDSA P-256, the same curve and code as the visitors'
// receipts, so one verifier library checks both). Kept as a PKCS#8 PEM file with mode 0600;
// its key id is the RFC 7638 thumbprint of its public JWK.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cg/receipts/jwk.h"
#include "verify/es256.h"

namespace cg::collector {

class OperatorKey {
 public:
  static std::unique_ptr<OperatorKey> generate();
  // Reads a PEM private key; null with a message when unreadable or not a P-256 key.
  static std::unique_ptr<OperatorKey> from_pem(std::string_view pem, std::string& error);

  std::string pem() const;  // PKCS#8, unencrypted (the file's mode protects it)
  const std::string& kid() const { return kid_; }
  const receipts::P256Jwk& jwk() const { return jwk_; }
  // Raw r||s signature of `message` (thread-safe: each call has its own context).
  bool sign(std::string_view message, std::string& raw_signature) const;

 private:
  explicit OperatorKey(verify::Pkey key);
  verify::Pkey key_;
  receipts::P256Jwk jwk_;
  std::string kid_;
};

}  // namespace cg::collector
