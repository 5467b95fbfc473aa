// cg-make-receipts: receipts made by the core's builder and signed with OpenSSL, for tests
// that need real ones from outside C++ (the jose interoperability test) and for the shared
// vectors in tests/vectors/receipts/.
//   cg-make-receipts chain N [--aud ORIGIN]   N chained receipts of a fresh key, one per line
//   cg-make-receipts unsigned [--aud ORIGIN]  one unsigned receipt (insecure context)
//   cg-make-receipts vectors DIR              writes DIR/{verify,chains,builder}.json
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cg/receipts/jcs.h"
#include "cg/receipts/receipt.h"
#include "cg/receipts/receipt_json.h"
#include "receipt_forge.h"

using nlohmann::ordered_json;
using namespace cg;

namespace {

int usage() {
  std::fputs(
      "usage: cg-make-receipts chain N [--aud ORIGIN] | unsigned [--aud ORIGIN] | vectors DIR\n",
      stderr);
  return 2;
}

bool write(const std::string& path, const ordered_json& j) {
  std::ofstream out(path);
  out << j.dump(2) << "\n";
  return bool(out);
}

// The builder's JSON front end on a fixed input: what the browser will call.
ordered_json builder_vector(const testkit::Signer& s) {
  ordered_json notice = {{"language", "ru"},
                         {"texts",
                          {{"title", "Мы используем cookie"},
                           {"body", "Яндекс.Метрика (ООО «Яндекс», Россия) — аналитика."},
                           {"accept_all", "Принять все"},
                           {"reject_all", "Отклонить"}}},
                         {"policyVersion", "2026-01"},
                         {"services", {"yandex_metrica"}},
                         {"operator", {{"name", "ТОО «Намо»"}, {"bin", "180540012343"}}},
                         {"maxAgeDays", 365}};
  ordered_json input = {
      {"aud", "https://namo.kz"},
      {"jti", "0b6f7e52-3c1d-4a9e-8f20-6d5b4c3a2b10"},
      {"iat", 1767225600},
      {"language", "ru"},
      {"collectionMethod", {{"button", "accept_all"}, {"layer", "banner"}}},
      {"piiControllers",
       {{{"name", "ТОО «Намо»"}, {"bin", "180540012343"}, {"contact", "privacy@namo.kz"}}}},
      {"policyUrl", "https://namo.kz/privacy"},
      {"policyVersion", "2026-01"},
      {"notice", notice},
      {"decisions",
       {{{"purpose", "necessary"}, {"allowed", true}, {"services", ordered_json::array()}},
        {{"purpose", "analytics"}, {"allowed", true}, {"services", {"yandex_metrica"}}},
        {{"purpose", "session_recording"}, {"allowed", false}, {"services", {"yandex_metrica"}}},
        {{"purpose", "marketing"}, {"allowed", false}, {"services", ordered_json::array()}}}},
      {"event", "given"},
      {"expires", 1767225600 + 365 * 86400},
      {"withdrawal",
       {{"method", "Кнопка «Настройки cookie» внизу каждой страницы"},
        {"url", "https://namo.kz/privacy#withdraw"}}},
      {"storage", {{"location", "KZ"}, {"retention", "P3Y"}}},
      {"seq", 0},
      {"prev", nullptr},
      {"signing", "ES256"},
      {"jwk", {{"kty", "EC"}, {"crv", "P-256"}, {"x", s.jwk.x}, {"y", s.jwk.y}}}};
  ordered_json prepared = ordered_json::parse(receipts::prepare_receipt_json(input.dump()));
  std::string canonical, error, hash;
  receipts::canonicalize_text(notice.dump(), canonical, error);
  receipts::notice_hash(notice.dump(), hash, error);
  std::string sig, jws;
  verify::sign_es256(s.key.get(), prepared["signingInput"].get<std::string>(), sig);
  receipts::assemble_jws(prepared["signingInput"].get<std::string>(), sig, jws, error);
  return {{"description",
           "prepare_receipt_json(input) must answer `prepared` exactly; `notice` hashes to "
           "`noticeHash` via its RFC 8785 form `noticeCanonical`; `jws` is that signing input "
           "signed by the test key in keys (ES256, verifies with any JOSE library)."},
          {"input", input},
          {"prepared", prepared},
          {"noticeCanonical", canonical},
          {"noticeHash", hash},
          {"jws", jws}};
}

int vectors(const std::string& dir) {
  testkit::Signer s = testkit::new_signer(), other = testkit::new_signer();
  ordered_json keys = {
      {"description", "TEST KEYS ONLY, published on purpose: never use them for anything real."},
      {"signer",
       {{"kty", "EC"},
        {"crv", "P-256"},
        {"x", s.jwk.x},
        {"y", s.jwk.y},
        {"d", s.d},
        {"kid", s.kid}}},
      {"other",
       {{"kty", "EC"},
        {"crv", "P-256"},
        {"x", other.jwk.x},
        {"y", other.jwk.y},
        {"d", other.d},
        {"kid", other.kid}}}};
  ordered_json cases = ordered_json::array();
  for (const auto& c : testkit::verify_cases(s, other)) {
    ordered_json item = {{"name", c.name}, {"jws", c.jws}, {"status", c.status}};
    if (!c.code.empty()) item["code"] = c.code;
    cases.push_back(item);
  }
  ordered_json sets = ordered_json::array();
  for (const auto& c : testkit::chain_cases(s)) {
    sets.push_back({{"name", c.name}, {"jws", c.jws}, {"codes", c.codes}});
  }
  bool ok =
      write(dir + "/keys.json", keys) &&
      write(dir + "/verify.json",
            {{"description",
              "One receipt each. Verify with expected aud https://namo.kz; `status` is valid, "
              "unsigned or invalid, and `code` the first failed check (see docs/receipts.md)."},
             {"aud", "https://namo.kz"},
             {"cases", cases}}) &&
      write(dir + "/chains.json",
            {{"description",
              "Sets of receipts: `codes` lists, in order, the codes of receipts the set makes "
              "invalid (set.duplicate-jti) and then the chain findings."},
             {"aud", "https://namo.kz"},
             {"sets", sets}}) &&
      write(dir + "/builder.json", builder_vector(s));
  if (!ok) std::fprintf(stderr, "cg-make-receipts: cannot write to %s\n", dir.c_str());
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1], aud = "https://namo.kz";
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--aud") aud = argv[i + 1];
  }
  if (command == "vectors" && argc == 3) return vectors(argv[2]);
  if (command == "chain" && argc >= 3) {
    int n = std::atoi(argv[2]);
    if (n < 1 || n > 1000000) return usage();
    testkit::Signer s = testkit::new_signer();
    for (const auto& jws : testkit::make_chain(s, n, 0, aud)) std::printf("%s\n", jws.c_str());
    return 0;
  }
  if (command == "unsigned") {
    receipts::ReceiptInput in = testkit::sample_input(0, 0, "", aud);
    in.signing = receipts::Signing::unsigned_insecure_context;
    receipts::Prepared p = receipts::prepare_receipt(in, nullptr);
    if (!p.ok) return 1;
    std::printf("%s\n", receipts::unsigned_jws(p.signing_input).c_str());
    return 0;
  }
  return usage();
}
