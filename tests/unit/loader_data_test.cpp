#include "cg/loader_data.h"

#include <catch2/catch.hpp>

TEST_CASE("the loader module is a well-formed ES module", "[loader]") {
  std::string m = cg::loader_data_module();
  CHECK(m.find("export default {h:[[/^(?:") != std::string::npos);
  CHECK(m.find(",u:16,") != std::string::npos);  // kUnknownYet
  CHECK(m.find(",p:{necessary:0,analytics:1,session_recording:2,marketing:4},") !=
        std::string::npos);
  CHECK(m.find(",g:[[/^(?:vk\\.com\\/js\\/api\\/openapi\\.js") != std::string::npos);
  CHECK(m.find("/,\"VK\"]") != std::string::npos);
  CHECK(m.find("d:{ad_storage:\"denied\",ad_user_data:\"denied\"") != std::string::npos);
  CHECK(m.find("wait_for_update:500}") != std::string::npos);
  // Agreement with the core is proven in tests/node/loader_data.test.mjs, where the
  // generated regular expressions run in JavaScript against the WebAssembly core.
}
