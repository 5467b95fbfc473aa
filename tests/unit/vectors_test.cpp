// Runs the shared JSON vectors (tests/vectors/*.json) against the native core. The node
// test tests/node/vectors.test.mjs runs the same files against the WebAssembly build.
#include <dirent.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cg/core.h"
#include "cg/masking.h"

using nlohmann::json;

namespace {

json load(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

// A JSON-text argument: {"$raw": text} passes text as is, null passes "", else serialised.
std::string json_arg(const json& v) {
  if (v.is_null()) return "";
  if (v.is_object() && v.size() == 1 && v.contains("$raw")) return v["$raw"].get<std::string>();
  return v.dump();
}

json call(cg::Core& core, const std::string& name, const json& a) {
  std::string out;
  if (name == "configure")
    out = core.configure(json_arg(a[0]), json_arg(a[1]), json_arg(a[2]));
  else if (name == "classifyUrl")
    out = core.classify_url(a[0].get<std::string>());
  else if (name == "classifyInline")
    out = core.classify_inline(a[0].get<std::string>());
  else if (name == "restore")
    out = core.restore(a[0].get<std::string>(), a[1].get<double>());
  else if (name == "decide")
    out = core.decide(json_arg(a[0]), a[1].get<double>());
  else if (name == "state")
    out = core.state();
  else if (name == "purge")
    out = core.purge(a[0].get<std::string>(), json_arg(a[1]), a[2].get<int>());
  else if (name == "text")
    out = core.text(a[0].get<std::string>());
  else if (name == "banner")
    out = core.banner(json_arg(a[0]));
  else if (name == "mask")  // the masking module's call: no core state
    out = cg::mask_request(json_arg(a[0]));
  else
    FAIL("unknown call " << name);
  json parsed = json::parse(out, nullptr, false);
  return parsed.is_discarded() ? json{{"$text", out}} : parsed;
}

// Every key of `expected` must be in `actual` with a matching value; arrays match in full;
// {"$match": regex} matches a string that varies (a random id).
bool subset(const json& expected, const json& actual, std::string& where) {
  if (expected.is_object() && expected.size() == 1 && expected.contains("$match")) {
    return actual.is_string() &&
           std::regex_search(actual.get<std::string>(),
                             std::regex(expected["$match"].get<std::string>()));
  }
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual.contains(it.key()) || !subset(*it, actual[it.key()], where)) {
        where = "." + it.key() + where;
        return false;
      }
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!subset(expected[i], actual[i], where)) {
        where = "[" + std::to_string(i) + "]" + where;
        return false;
      }
    }
    return true;
  }
  return expected == actual;
}

std::vector<std::string> vector_files() {
  std::vector<std::string> files;
  if (DIR* dir = opendir(CG_VECTORS_DIR)) {
    while (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".json") files.push_back(name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("shared vectors pass on the native core", "[vectors]") {
  auto files = vector_files();
  REQUIRE(files.size() >= 4);
  for (const auto& file : files) {
    json doc = load(std::string(CG_VECTORS_DIR) + "/" + file);
    for (const auto& c : doc["cases"]) {
      INFO(file << ": " << c.value("name", ""));
      cg::Core core;
      if (doc.contains("setup")) {
        const auto& s = doc["setup"];
        REQUIRE(call(core, "configure", {s["attributes"], s["config"], s["page"]})["ok"] == true);
      }
      json steps = c.contains("steps") ? c["steps"] : json::array({c});
      for (const auto& step : steps) {
        json actual = call(core, step["call"], step["args"]);
        std::string where;
        INFO(step["call"].get<std::string>() << " -> " << actual.dump());
        bool ok = subset(step["expect"], actual, where);
        INFO("mismatch at " << where);
        CHECK(ok);
      }
    }
  }
}
