// CORS for the configured site origins only. Receipts come from the guard in pages of those
// sites; no other origin gets Access-Control-Allow-Origin, and a POST or preflight carrying
// any other Origin is refused outright (403 cors.origin), not just hidden from the page.
// Requests without Origin (servers, curl) pass; the receipt's aud is checked anyway.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg::collector {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct CorsCheck {
  bool ok = true;
  std::string code, message;  // when !ok: cors.origin, cors.method, cors.headers
  HeaderList headers;         // to add to the response
};

// A simple request (POST /receipts) from `origin` ("" when the request had none).
CorsCheck cors_simple(const std::vector<std::string>& sites, std::string_view origin);
// A preflight: OPTIONS with Access-Control-Request-Method and -Headers.
CorsCheck cors_preflight(const std::vector<std::string>& sites, std::string_view origin,
                         std::string_view method, std::string_view headers);

}  // namespace cg::collector
