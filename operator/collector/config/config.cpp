#include "config/config.h"

#include <cstdlib>

#include "cg/receipts/receipt.h"
#include "common/files.h"
#include "store/store.h"

namespace cg::collector {
namespace {

bool to_int(std::string_view text, int64_t min, int64_t max, int64_t& out) {
  if (text.empty() || text.size() > 18) return false;
  int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  if (n < min || n > max) return false;
  out = n;
  return true;
}

bool to_number(std::string_view text, double& out) {
  std::string s(text);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !(d >= 0) || d > 1e9) return false;
  out = d;
  return true;
}

bool to_bool(std::string_view text, bool& out) {
  if (text == "true" || text == "yes" || text == "on" || text == "1") return out = true, true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return out = false, true;
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool apply_setting(Config& c, std::string_view name, std::string_view value, std::string& error) {
  int64_t n = 0;
  bool ok = true;
  std::string v(value);
  if (name == "site") {
    c.sites.push_back(v);
  } else if (name == "data-dir") {
    c.data_dir = v;
  } else if (name == "database") {
    c.database = v;
  } else if (name == "key-dir") {
    c.key_dir = v;
  } else if (name == "listen") {
    std::string host;
    int port = 0;
    ok = split_listen(value, host, port);
    if (ok) c.listen = v;
  } else if (name == "threads") {
    ok = to_int(value, 2, 4096, n);
    if (ok) c.threads = static_cast<int>(n);
  } else if (name == "writers") {
    ok = to_int(value, 1, 64, n);
    if (ok) c.writers = static_cast<int>(n);
  } else if (name == "max-body") {
    ok = to_int(value, 1024, 1 << 20, n);
    if (ok) c.max_body = static_cast<size_t>(n);
  } else if (name == "rate") {
    ok = to_number(value, c.rate);
  } else if (name == "burst") {
    ok = to_number(value, c.burst) && c.burst >= 1;
  } else if (name == "trusted-proxy") {
    c.trusted_proxies.push_back(v);
  } else if (name == "store-client-ip") {
    ok = to_bool(value, c.store_client_ip);
  } else if (name == "checkpoint-every") {
    ok = to_int(value, 60, 366 * 86400, n);
    if (ok) c.checkpoint_every_s = n;
  } else if (name == "checkpoint-file") {
    c.checkpoint_file = v;
  } else if (name == "log-level") {
    ok = value == "debug" || value == "info" || value == "warn" || value == "error";
    if (ok) c.log_level = v;
  } else {
    error = "unknown setting \"" + std::string(name) + "\"";
    return false;
  }
  if (!ok) error = "bad value for " + std::string(name) + ": \"" + v + "\"";
  return ok;
}

bool load_config_file(const std::string& path, Config& config, std::string& error) {
  std::string text;
  if (!read_file(path, text, error)) return false;
  std::string_view rest = text;
  for (int number = 1; !rest.empty(); ++number) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    size_t hash = line.find('#');
    line = trim(line.substr(0, hash));
    if (line.empty()) continue;
    size_t eq = line.find('=');
    std::string message;
    if (eq == std::string_view::npos) {
      message = "expected name = value";
    } else if (!apply_setting(config, trim(line.substr(0, eq)), trim(line.substr(eq + 1)),
                              message)) {
    } else {
      continue;
    }
    error = path + ":" + std::to_string(number) + ": " + message;
    return false;
  }
  return true;
}

void resolve_defaults(Config& c) {
  if (c.data_dir.empty()) {
    const char* state = std::getenv("STATE_DIRECTORY");  // systemd: may list several, ':'
    std::string s = state ? state : "";
    c.data_dir = s.empty() ? "." : s.substr(0, s.find(':'));
  }
  if (c.database.empty()) c.database = join_path(c.data_dir, "collector.db");
  if (c.key_dir.empty()) c.key_dir = join_path(c.data_dir, "keys");
  if (c.writers == 0) c.writers = database_kind(c.database) == DatabaseKind::sqlite ? 1 : 2;
}

bool split_listen(std::string_view listen, std::string& host, int& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view h = listen.substr(0, colon);
  if (h.front() == '[') {
    if (h.size() < 3 || h.back() != ']') return false;
    h = h.substr(1, h.size() - 2);
  }
  int64_t p = 0;
  if (!to_int(listen.substr(colon + 1), 0, 65535, p)) return false;
  host = std::string(h);
  port = static_cast<int>(p);
  return true;
}

bool check_sites(const std::vector<std::string>& sites, std::string& error) {
  for (const std::string& site : sites) {
    if (!receipts::valid_origin(site)) {
      error = "not a site origin (scheme://host[:port], no path): " + site;
      return false;
    }
  }
  return true;
}

}  // namespace cg::collector
