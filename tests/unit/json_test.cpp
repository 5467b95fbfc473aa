#include "cg/json.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

using namespace cg;

namespace {
// The parsed value of `text`, which must parse.
json::Document parsed(const std::string& text) {
  json::Document doc;
  REQUIRE(json::parse(text, doc));
  return doc;
}
}  // namespace

TEST_CASE("integers are read exactly, other numbers never pass as integers", "[json]") {
  CHECK(parsed("30").GetInt64() == 30);
  CHECK(parsed("-0").GetInt64() == 0);
  CHECK(parsed("9223372036854775807").GetInt64() == std::numeric_limits<int64_t>::max());
  CHECK(parsed("-9223372036854775808").GetInt64() == std::numeric_limits<int64_t>::min());
  CHECK(parsed(R"({"a":[1,-2,3]})")["a"][1].GetInt64() == -2);
  for (const char* not_integer : {"1.5", "30.0", "1e2", "-1E-2", "9223372036854775808",
                                  "-9223372036854775809", "123456789012345678901234"}) {
    INFO(not_integer);
    json::Document doc = parsed(not_integer);
    CHECK(doc.IsNumber());
    CHECK_FALSE(doc.IsInt64());
  }
  // A number in quotes stays a string.
  CHECK(parsed(R"("30")").IsString());
}

TEST_CASE("malformed numbers and documents are refused", "[json]") {
  json::Document doc;
  for (const char* bad : {"01", "1.", ".5", "+1", "1e", "-", "NaN", "Infinity", "[1,]", "1 2",
                          R"({"a":1,"a":2})", "\"\\udcff\""}) {
    INFO(bad);
    CHECK_FALSE(json::parse(bad, doc));
  }
}

TEST_CASE("numbers are written exactly", "[json]") {
  json::Out out;
  out.array()
      .number(0)
      .number(7)
      .number(-42)
      .number(std::numeric_limits<int64_t>::max())
      .number(std::numeric_limits<int64_t>::min())
      .end_array();
  CHECK(out.text() == "[0,7,-42,9223372036854775807,-9223372036854775808]");
}
