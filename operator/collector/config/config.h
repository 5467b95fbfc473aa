// The collector's settings, from a small config file and/or command-line flags (flags win).
//
// Config file: one "name = value" per line, '#' starts a comment; the names are the long
// flag names without "--" (docs/collector.md lists them). `site` may repeat:
//   site = https://namo.kz
//   site = https://shop.namo.kz
//   database = /var/lib/consent-guard-collector/collector.db
//   listen = 127.0.0.1:8787
// Zero configuration: the data folder is $STATE_DIRECTORY (systemd) or the current folder;
// the database defaults to <data>/collector.db (SQLite) and the keys to <data>/keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cg::collector {

struct Config {
  std::vector<std::string> sites;  // origins served, e.g. https://namo.kz
  std::string data_dir;            // "" -> $STATE_DIRECTORY or "."
  std::string database;            // "" -> <data_dir>/collector.db; or a PostgreSQL URL
  std::string key_dir;             // "" -> <data_dir>/keys
  std::string listen = "127.0.0.1:8787";
  int threads = 512;
  int writers = 0;  // writer lanes; 0 -> 1 for SQLite, 2 for PostgreSQL
  size_t max_body = 66 * 1024;
  double rate = 50;  // per client address per second; 0 = off
  double burst = 100;
  std::vector<std::string> trusted_proxies;
  bool store_client_ip = false;
  int64_t checkpoint_every_s = 86400;
  std::string checkpoint_file;  // also append each checkpoint here (JSON lines)
  std::string log_level = "info";
};

// Applies one setting by its name (flag name without "--"). False with a message for an
// unknown name or a bad value.
bool apply_setting(Config& config, std::string_view name, std::string_view value,
                   std::string& error);
// Reads a config file; false with "FILE:LINE: message" on a bad line.
bool load_config_file(const std::string& path, Config& config, std::string& error);
// Fills in the defaults (data folder, database, key folder, writers).
void resolve_defaults(Config& config);
// Splits "host:port" ("[::1]:8787" for IPv6); false when malformed.
bool split_listen(std::string_view listen, std::string& host, int& port);
// Origins must be scheme://host[:port] exactly (cg::receipts::valid_origin).
bool check_sites(const std::vector<std::string>& sites, std::string& error);

}  // namespace cg::collector
