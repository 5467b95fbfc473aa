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

TEST_CASE("nesting past the depth limit is refused without recursing into it", "[json][limits]") {
  json::Document doc;
  // 67,000 '[' once overflowed the stack of the collector (exit 139).
  CHECK_FALSE(json::parse(std::string(67000, '['), doc));
  CHECK_FALSE(json::parse(std::string(1 << 20, '{'), doc));
  std::string deepest = std::string(json::kMaxDepth, '[') + std::string(json::kMaxDepth, ']');
  CHECK(json::parse(deepest, doc));
  CHECK_FALSE(json::parse("[" + deepest + "]", doc));
  std::string objects;
  for (int i = 0; i < json::kMaxDepth; ++i) objects += R"({"a":)";
  CHECK(json::parse(objects + "1" + std::string(json::kMaxDepth, '}'), doc));
  CHECK_FALSE(json::parse(R"({"a":)" + objects + "1" + std::string(json::kMaxDepth + 1, '}'), doc));
}

TEST_CASE("objects past the member limit are refused, so the key check stays linear",
          "[json][limits]") {
  auto object_of = [](unsigned members) {
    std::string text = "{";
    for (unsigned i = 0; i < members; ++i) {
      text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    }
    return text + "}";
  };
  json::Document doc;
  CHECK(json::parse(object_of(json::kMaxMembers), doc));
  CHECK_FALSE(json::parse(object_of(json::kMaxMembers + 1), doc));
  // 200,000 keys took 154 s to refuse in the browser when keys were compared pairwise.
  CHECK_FALSE(json::parse(object_of(200000), doc));
  // Arrays have no keys to compare: their length is bounded by the input only.
  std::string array = "[0";
  for (int i = 0; i < 100000; ++i) array += ",0";
  CHECK(json::parse(array + "]", doc));
}
