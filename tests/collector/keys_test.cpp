// The operator's key folder: modes, the JWKS with validity windows, rotation and reload.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "cg/json.h"
#include "cg/receipts/jwk.h"
#include "common/files.h"
#include "harness.h"

using namespace cg::collector;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat st;
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("keys: init makes a private key file 0600 in a 0700 folder", "[collector][keys]") {
  testing::TempDir dir;
  std::string keys = dir.file("keys"), kid, error;
  REQUIRE(Keyring::create(keys, 1767225600, kid, error));
  CHECK(mode_of(keys) == 0700);
  CHECK(mode_of(keys + "/" + kid + ".pem") == 0600);
  std::string pem;
  REQUIRE(read_file(keys + "/" + kid + ".pem", pem, error));
  CHECK(pem.rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);

  auto ring = Keyring::load(keys, true, error);
  REQUIRE(ring);
  REQUIRE(ring->active());
  CHECK(ring->active()->kid() == kid);
  CHECK(cg::receipts::jwk_thumbprint(ring->active()->jwk()) == kid);

  SECTION("a second init refuses to replace the keyring") {
    std::string again;
    CHECK_FALSE(Keyring::create(keys, 1767225600, again, error));
    CHECK(error.find("exists already") != std::string::npos);
  }
  SECTION("the JWKS lists the public key, its thumbprint and its window") {
    cg::json::Document doc;
    REQUIRE(cg::json::parse(ring->jwks(), doc));
    const auto& list = *cg::json::member(doc, "keys");
    REQUIRE(list.Size() == 1);
    const auto& k = list[0];
    CHECK(cg::json::string_of(*cg::json::member(k, "kty")) == "EC");
    CHECK(cg::json::string_of(*cg::json::member(k, "crv")) == "P-256");
    CHECK(cg::json::string_of(*cg::json::member(k, "alg")) == "ES256");
    CHECK(cg::json::string_of(*cg::json::member(k, "use")) == "sig");
    CHECK(cg::json::string_of(*cg::json::member(k, "kid")) == kid);
    CHECK(cg::json::member(k, "nbf")->GetInt64() == 1767225600);
    CHECK(cg::json::member(k, "exp") == nullptr);
    CHECK(cg::json::member(k, "d") == nullptr);  // never the private scalar
    std::string thumbprint;
    REQUIRE(cg::receipts::jwk_thumbprint(k, thumbprint, error));
    CHECK(thumbprint == kid);
  }
  SECTION("a keyring whose kid is not the key's thumbprint is refused") {
    std::string text = ring->jwks();
    text.replace(text.find(kid), kid.size(), std::string(kid.size(), 'A'));
    REQUIRE(write_file_atomic(keys + "/keyring.json", text, 0644, error));
    CHECK_FALSE(Keyring::load(keys, false, error));
    CHECK(error.find("thumbprint") != std::string::npos);
  }
}

TEST_CASE("keys: rotation keeps the old public key with an end, and drops its private key",
          "[collector][keys]") {
  testing::TempDir dir;
  std::string keys = dir.file("keys"), first, second, error;
  REQUIRE(Keyring::create(keys, 1767225600, first, error));
  auto before = Keyring::load(keys, true, error);
  KeySource source(keys, before);

  REQUIRE(Keyring::rotate(keys, 1767300000, 60, second, error));
  CHECK(second != first);
  CHECK_FALSE(file_exists(keys + "/" + first + ".pem"));
  CHECK(mode_of(keys + "/" + second + ".pem") == 0600);

  auto after = Keyring::load(keys, true, error);
  REQUIRE(after);
  CHECK(after->active()->kid() == second);
  REQUIRE(after->keys().size() == 2);
  const KeyRecord* old = after->find(first);
  REQUIRE(old);
  CHECK(old->nbf == 1767225600);
  CHECK(old->exp == 1767300060);
  CHECK(after->find(second)->nbf == 1767300000);
  CHECK(after->find(second)->exp == 0);

  // The running collector's source picks the new key up.
  CHECK(source.current()->active()->kid() == first);
  REQUIRE(source.reload_if_changed(error));
  CHECK(source.current()->active()->kid() == second);

  // A second rotation ends the second key and keeps all three published.
  std::string third;
  REQUIRE(Keyring::rotate(keys, 1767400000, 0, third, error));
  auto last = Keyring::load(keys, true, error);
  CHECK(last->keys().size() == 3);
  CHECK(last->find(second)->exp == 1767400000);
  CHECK(last->find(first)->exp == 1767300060);
  CHECK(last->active()->kid() == third);

  // Someone with only the published JWKS can check.
  auto published = Keyring::from_jwks(last->jwks(), error);
  REQUIRE(published);
  CHECK(published->keys().size() == 3);
  CHECK(published->active() == nullptr);
}
