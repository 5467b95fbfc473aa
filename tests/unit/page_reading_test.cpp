// How the guard reads a page (cg/page_reading.h): the native pre-filter against the shared
// vectors, which tests/node/page-reading.test.mjs runs against the generated JS regex too.
#include "cg/page_reading.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

TEST_CASE("maybe_personal agrees with the vectors", "[page-reading]") {
  std::ifstream in(std::string(CG_VECTORS_DIR) + "/page-reading/prefilter.json");
  REQUIRE(in);
  nlohmann::json vectors = nlohmann::json::parse(in);
  REQUIRE(vectors["cases"].size() > 10);
  for (const auto& c : vectors["cases"]) {
    std::string text = c["text"];
    INFO(text);
    CHECK(cg::page_reading::maybe_personal(text) == c["maybe"].get<bool>());
  }
}

TEST_CASE("the browser's copy is generated from the same constants", "[page-reading]") {
  std::string m = cg::page_reading::js_module();
  CHECK(m.find("export const TEXT_CHARS = 200;") != std::string::npos);
  CHECK(m.find("export const MAYBE_PERSONAL = /" + std::string(cg::page_reading::kMaybePersonal) +
               "/;") != std::string::npos);
  CHECK(m.find("\"TEXTAREA\"") != std::string::npos);
}
