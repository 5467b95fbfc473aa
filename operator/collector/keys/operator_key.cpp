#include "keys/operator_key.h"

#include <openssl/bio.h>
#include <openssl/pem.h>

#include "cg/receipts/base64url.h"

namespace cg::collector {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

}  // namespace

OperatorKey::OperatorKey(verify::Pkey key) : key_(std::move(key)) {
  std::string x, y;
  verify::p256_coordinates(key_.get(), x, y);
  jwk_ = {receipts::b64url_encode(x), receipts::b64url_encode(y)};
  kid_ = receipts::jwk_thumbprint(jwk_);
}

std::unique_ptr<OperatorKey> OperatorKey::generate() {
  verify::Pkey key = verify::generate_p256();
  if (!key) return nullptr;
  return std::unique_ptr<OperatorKey>(new OperatorKey(std::move(key)));
}

std::unique_ptr<OperatorKey> OperatorKey::from_pem(std::string_view pem, std::string& error) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  verify::Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  std::string x, y;
  if (!key || !verify::p256_coordinates(key.get(), x, y) || x.size() != 32 || y.size() != 32) {
    error = "not a PEM P-256 private key";
    return nullptr;
  }
  return std::unique_ptr<OperatorKey>(new OperatorKey(std::move(key)));
}

std::string OperatorKey::pem() const {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    return "";
  char* data = nullptr;
  long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(n));
}

bool OperatorKey::sign(std::string_view message, std::string& raw_signature) const {
  return verify::sign_es256(key_.get(), message, raw_signature);
}

}  // namespace cg::collector
