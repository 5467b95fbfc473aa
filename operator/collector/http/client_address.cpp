#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>

namespace cg::collector {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The canonical text of an IPv4 or IPv6 address, or "" when `text` is not one: whatever a
// header says is stored and logged only as an address (never markup, SQL or U+202E), and
// one address has one spelling, so a client cannot pick a fresh rate-limit bucket.
std::string canonical_address(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return "";
  std::string z(text);
  unsigned char bytes[16];
  char out[INET6_ADDRSTRLEN];
  int family = z.find(':') == std::string::npos ? AF_INET : AF_INET6;
  if (inet_pton(family, z.c_str(), bytes) != 1 || !inet_ntop(family, bytes, out, sizeof out))
    return "";
  return out;
}

bool is_trusted(std::string_view address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted) {
  if (!is_trusted(peer, trusted)) return std::string(peer);
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    size_t comma = rest.rfind(',');
    std::string_view entry = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    std::string address = canonical_address(entry);
    if (address.empty()) break;  // not an address: fall back to the proxy's
    if (!is_trusted(address, trusted)) return address;
  }
  return std::string(peer);
}

}  // namespace cg::collector
