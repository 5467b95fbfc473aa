#include "cg/purge.h"

#include <catch2/catch.hpp>

using namespace cg;

TEST_CASE("domain levels cover every place a tracker may have written", "[purge]") {
  CHECK(domain_levels("www.namo.kz") == std::vector<std::string>{"", "www.namo.kz", "namo.kz"});
  CHECK(domain_levels("a.b.cafe.com.kz") ==
        std::vector<std::string>{"", "a.b.cafe.com.kz", "b.cafe.com.kz", "cafe.com.kz", "com.kz"});
  CHECK(domain_levels("localhost") == std::vector<std::string>{""});
  CHECK(domain_levels("127.0.0.1") == std::vector<std::string>{""});
  CHECK(domain_levels("[::1]") == std::vector<std::string>{""});
}

TEST_CASE("cookie names are read from document.cookie", "[purge]") {
  CHECK(cookie_names(" a=1; b = 2;c=; a=3;=x; d") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(cookie_names("").empty());
}

TEST_CASE("only withdrawn purposes are purged, never the site's own data", "[purge]") {
  std::string header = "_ym_uid=1; _fbp=2; _hjSession_1=3; PHPSESSID=4; cg_consent=5";
  auto marketing = plan_purge(kMarketing, header, {"_gcl_ls", "basket"}, "namo.kz");
  REQUIRE(marketing.cookies.size() == 1);
  CHECK(marketing.cookies[0].name == "_fbp");
  CHECK(marketing.storage_keys == std::vector<std::string>{"_gcl_ls"});
  auto all = plan_purge(kAllOptional, header, {}, "namo.kz");
  CHECK(all.cookies.size() == 3);
  CHECK(plan_purge(0, header, {"_ym_uid"}, "namo.kz").cookies.empty());
  CHECK(tracker_cookie("cg_consent") == nullptr);
  CHECK(tracker_cookie("PHPSESSID") == nullptr);
}
