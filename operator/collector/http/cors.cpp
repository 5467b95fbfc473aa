#include "http/cors.h"

#include <algorithm>
#include <cctype>

namespace cg::collector {
namespace {

bool allowed(const std::vector<std::string>& sites, std::string_view origin) {
  return std::find(sites.begin(), sites.end(), origin) != sites.end();
}

// Only Content-Type may be asked for (the guard sends nothing else).
bool headers_allowed(std::string_view list) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    std::string name;
    for (char c : item) {
      if (c != ' ' && c != '\t')
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!name.empty() && name != "content-type") return false;
  }
  return true;
}

CorsCheck refuse(std::string code, std::string message) {
  CorsCheck c;
  c.ok = false;
  c.code = std::move(code);
  c.message = std::move(message);
  c.headers = {{"Vary", "Origin"}};
  return c;
}

}  // namespace

CorsCheck cors_simple(const std::vector<std::string>& sites, std::string_view origin) {
  if (origin.empty()) return {};
  if (!allowed(sites, origin))
    return refuse("cors.origin", "this collector does not accept receipts from this origin");
  CorsCheck c;
  c.headers = {{"Access-Control-Allow-Origin", std::string(origin)}, {"Vary", "Origin"}};
  return c;
}

CorsCheck cors_preflight(const std::vector<std::string>& sites, std::string_view origin,
                         std::string_view method, std::string_view headers) {
  if (origin.empty() || !allowed(sites, origin))
    return refuse("cors.origin", "this collector does not accept receipts from this origin");
  if (method != "POST") return refuse("cors.method", "only POST is allowed");
  if (!headers_allowed(headers))
    return refuse("cors.headers", "only the Content-Type request header is allowed");
  CorsCheck c;
  c.headers = {{"Access-Control-Allow-Origin", std::string(origin)},
               {"Access-Control-Allow-Methods", "POST"},
               {"Access-Control-Allow-Headers", "Content-Type"},
               {"Access-Control-Max-Age", "600"},
               {"Vary", "Origin"}};
  return c;
}

}  // namespace cg::collector
