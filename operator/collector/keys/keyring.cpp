#include "keys/keyring.h"

#include <unistd.h>

#include <algorithm>

#include "cg/json.h"
#include "cg/receipts/base64url.h"
#include "common/files.h"

namespace cg::collector {
namespace {

std::string pem_path(const std::string& dir, std::string_view kid) {
  return join_path(dir, std::string(kid) + ".pem");
}

std::string keyring_path(const std::string& dir) {
  return join_path(dir, Keyring::kFile);
}

std::string jwks_text(const std::vector<KeyRecord>& keys) {
  json::Out out;
  out.object().key("keys").array();
  for (const KeyRecord& k : keys) {
    out.object().key("kty").str("EC").key("crv").str("P-256").key("x").str(k.x).key("y").str(k.y);
    out.key("kid").str(k.kid).key("alg").str("ES256").key("use").str("sig");
    out.key("nbf").number(k.nbf);
    if (k.exp != 0) out.key("exp").number(k.exp);
    out.end_object();
  }
  out.end_array().end_object();
  return out.text();
}

bool string_member(const json::Value& o, const char* name, std::string& out) {
  const json::Value* v = json::member(o, name);
  if (!v || !v->IsString()) return false;
  out = std::string(json::string_of(*v));
  return true;
}

bool read_record(const json::Value& k, KeyRecord& r, std::string& error) {
  std::string kty, crv;
  const json::Value* nbf = json::member(k, "nbf");
  const json::Value* exp = json::member(k, "exp");
  if (!k.IsObject() || !string_member(k, "kty", kty) || kty != "EC" ||
      !string_member(k, "crv", crv) || crv != "P-256" || !string_member(k, "x", r.x) ||
      !string_member(k, "y", r.y) || !string_member(k, "kid", r.kid) || !nbf || !nbf->IsInt64() ||
      (exp && !exp->IsInt64())) {
    error = "a key is not an EC P-256 JWK with kid and nbf";
    return false;
  }
  r.nbf = nbf->GetInt64();
  r.exp = exp ? exp->GetInt64() : 0;
  std::string thumbprint_error;
  receipts::P256Jwk jwk{r.x, r.y};
  if (!receipts::check_p256_jwk(jwk, thumbprint_error) || receipts::jwk_thumbprint(jwk) != r.kid) {
    error = "key " + r.kid + ": kid is not the thumbprint of the key";
    return false;
  }
  return true;
}

}  // namespace

const KeyRecord* Keyring::find(std::string_view kid) const {
  for (const KeyRecord& k : keys_) {
    if (k.kid == kid) return &k;
  }
  return nullptr;
}

std::string Keyring::jwks() const {
  return jwks_text(keys_);
}

std::shared_ptr<const Keyring> Keyring::from_jwks(std::string_view text, std::string& error) {
  return parse(text, error);
}

std::shared_ptr<Keyring> Keyring::parse(std::string_view text, std::string& error) {
  json::Document doc;
  const json::Value* keys = nullptr;
  if (!json::parse(text, doc) || !(keys = json::member(doc, "keys")) || !keys->IsArray()) {
    error = "not a JWKS ({\"keys\": [...]})";
    return nullptr;
  }
  auto ring = std::make_shared<Keyring>();
  for (const json::Value& k : keys->GetArray()) {
    KeyRecord r;
    if (!read_record(k, r, error)) return nullptr;
    std::string x, y;
    receipts::b64url_decode(r.x, x);
    receipts::b64url_decode(r.y, y);
    verify::Pkey key = verify::p256_public_key(x, y, error);
    if (!key) return nullptr;
    ring->public_[r.kid] = std::move(key);
    ring->keys_.push_back(std::move(r));
  }
  return ring;
}

std::shared_ptr<const Keyring> Keyring::load(const std::string& dir, bool with_private,
                                             std::string& error) {
  std::string text;
  if (!read_file(keyring_path(dir), text, error)) return nullptr;
  std::shared_ptr<Keyring> ring = parse(text, error);
  if (!ring || !with_private) return ring;
  auto active = std::find_if(ring->keys_.begin(), ring->keys_.end(),
                             [](const KeyRecord& k) { return k.exp == 0; });
  if (active == ring->keys_.end()) {
    error = "the keyring has no active key (every key has an exp): run rotate-key";
    return nullptr;
  }
  std::string pem;
  if (!read_file(pem_path(dir, active->kid), pem, error)) return nullptr;
  auto key = OperatorKey::from_pem(pem, error);
  if (!key) return nullptr;
  if (key->kid() != active->kid) {
    error = "the private key file does not match key " + active->kid;
    return nullptr;
  }
  ring->active_ = std::move(key);
  return ring;
}

bool Keyring::create(const std::string& dir, int64_t now_s, std::string& kid, std::string& error) {
  if (!make_private_dir(dir, error)) return false;
  if (file_exists(keyring_path(dir))) {
    error = "a keyring exists already in " + dir;
    return false;
  }
  auto key = OperatorKey::generate();
  if (!key) {
    error = "cannot generate a P-256 key";
    return false;
  }
  kid = key->kid();
  KeyRecord r{key->kid(), key->jwk().x, key->jwk().y, now_s, 0};
  return write_new_file(pem_path(dir, kid), key->pem(), 0600, error) &&
         write_file_atomic(keyring_path(dir), jwks_text({r}), 0644, error);
}

bool Keyring::rotate(const std::string& dir, int64_t now_s, int64_t grace_s, std::string& kid,
                     std::string& error) {
  auto ring = load(dir, false, error);
  if (!ring) return false;
  auto key = OperatorKey::generate();
  if (!key) {
    error = "cannot generate a P-256 key";
    return false;
  }
  std::vector<KeyRecord> keys = ring->keys_;
  std::vector<std::string> retired;
  for (KeyRecord& k : keys) {
    if (k.exp == 0) {
      k.exp = now_s + grace_s;
      retired.push_back(k.kid);
    }
  }
  kid = key->kid();
  keys.push_back({kid, key->jwk().x, key->jwk().y, now_s, 0});
  // New private key first, then the keyring that names it: a crash in between leaves the
  // old keyring in force and an unused key file.
  if (!write_new_file(pem_path(dir, kid), key->pem(), 0600, error) ||
      !write_file_atomic(keyring_path(dir), jwks_text(keys), 0644, error))
    return false;
  // Running collectors hold the old key in memory until they reload; nothing needs the file.
  for (const std::string& old : retired) ::unlink(pem_path(dir, old).c_str());
  return true;
}

Problem Keyring::check(const JwsParts& parts, int64_t iat_s, std::string_view what) const {
  std::string prefix(what);
  const KeyRecord* record = find(parts.kid);
  auto key = public_.find(parts.kid);
  if (!record || key == public_.end())
    return {prefix + ".kid", "signed by a key the collector does not publish: " + parts.kid};
  if (iat_s < record->nbf || (record->exp != 0 && iat_s > record->exp))
    return {prefix + ".window", "signed at a time outside key " + parts.kid + "'s validity window"};
  if (!verify::verify_es256(key->second.get(), parts.signing_input, parts.signature))
    return {prefix + ".signature", "the signature does not verify"};
  return {};
}

KeySource::KeySource(std::string dir, std::shared_ptr<const Keyring> initial)
    : dir_(std::move(dir)), keyring_(std::move(initial)) {
  struct stat st;
  if (::stat(keyring_path(dir_).c_str(), &st) == 0) {
    mtime_ = st.st_mtim;
    inode_ = st.st_ino;
  }
}

std::shared_ptr<const Keyring> KeySource::current() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return keyring_;
}

bool KeySource::reload_if_changed(std::string& error) {
  struct stat st;
  if (::stat(keyring_path(dir_).c_str(), &st) != 0) return true;  // keep what we have
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (st.st_ino == inode_ && st.st_mtim.tv_sec == mtime_.tv_sec &&
        st.st_mtim.tv_nsec == mtime_.tv_nsec)
      return true;
  }
  auto ring = Keyring::load(dir_, true, error);
  if (!ring) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  keyring_ = std::move(ring);
  mtime_ = st.st_mtim;
  inode_ = st.st_ino;
  return true;
}

}  // namespace cg::collector
