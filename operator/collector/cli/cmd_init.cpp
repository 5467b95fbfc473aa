#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "common/files.h"
#include "common/private_files.h"
#include "keys/keyring.h"
#include "store/store.h"

namespace cg::collector::cli {

const char kMainUsage[] =
    "usage: cg-collector COMMAND [options]    (cg-collector COMMAND --help for details)\n"
    "\n"
    "Collects signed consent receipts from the consent-guard tag, countersigns each with an\n"
    "acknowledgement, and keeps them in per-site hash-chained logs (docs/collector.md).\n"
    "\n"
    "commands:\n"
    "  init         create the operator key (0600) and the database\n"
    "  serve        accept receipts over HTTP\n"
    "  export       receipts and acks as JSON lines, by site and time or by visitor key\n"
    "  verify       check the whole log: chains, checkpoints, every receipt and ack\n"
    "  checkpoint   sign the current head of each site log and print it for safekeeping\n"
    "  rotate-key   make a new operator key; the old one stays published for old acks\n";

namespace {

constexpr char kUsage[] =
    "usage: cg-collector init [--config FILE] [--data-dir DIR] [--database DB]\n"
    "                         [--key-dir DIR] [--site ORIGIN]...\n"
    "\n"
    "Creates the data folder and the key folder (0700) with a first ES256 operator key (PEM,\n"
    "0600) and its public JWKS (keyring.json), and the database schema and the logs of the\n"
    "given sites.\n"
    "Safe to run again: an existing keyring and database are kept. Refuses to make a new\n"
    "keyring when keyring.json is gone but key files or acknowledged receipts remain (restore\n"
    "it from a backup: a new one would make every old ack unverifiable), and refuses key or\n"
    "data files that other users can reach (each with the chmod that fixes it).\n"
    "\n"
    "  --config FILE    settings file (name = value lines; see docs/collector.md)\n"
    "  --data-dir DIR   default home of the database and keys ($STATE_DIRECTORY or .)\n"
    "  --database DB    SQLite file (default DIR/collector.db) or a PostgreSQL connection\n"
    "                   string (postgresql://... or \"host=... dbname=...\")\n"
    "  --key-dir DIR    operator keys (default DIR/keys)\n"
    "  --site ORIGIN    a site served, e.g. https://namo.kz (repeat for more)\n";

// Why a keyring must not be made afresh: key files in the key folder, or a database that
// holds what its keys signed. "" when there is neither.
std::string keys_still_in_use(const Config& config) {
  std::vector<std::string> keys = names_ending_with(config.key_dir, ".pem");
  if (!keys.empty()) return "the key folder still holds operator keys (" + keys.front() + ")";
  bool database = database_kind(config.database) == DatabaseKind::postgresql ||
                  file_exists(sqlite_file(config.database));
  if (!database) return "";
  try {
    // Entries or checkpoints, whatever cg_sites says: both were signed by the lost keyring.
    std::vector<std::string> sites = open_store(config.database)->logged_sites();
    if (!sites.empty())
      return "the database holds acks or checkpoints of " + std::to_string(sites.size()) +
             " site log(s), signed by those keys";
  } catch (const StoreError&) {
    // Reported when init opens the database below.
  }
  return "";
}

}  // namespace

int cmd_init(int argc, char** argv, int first) {
  std::vector<Flag> flags = common_flags();
  Args args;
  Config config;
  if (int status = read_command_line("init", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;
  std::string error;

  if (!make_private_dir(config.data_dir, error))
    return std::fprintf(stderr, "cg-collector init: %s\n", error.c_str()), 1;
  if (file_exists(join_path(config.key_dir, Keyring::kFile))) {
    auto ring = Keyring::load(config.key_dir, true, error);
    if (!ring) return std::fprintf(stderr, "cg-collector init: keys: %s\n", error.c_str()), 1;
    std::printf("keys: keeping the keyring in %s (active key %s)\n", config.key_dir.c_str(),
                ring->active()->kid().c_str());
  } else {
    if (std::string why = keys_still_in_use(config); !why.empty()) {
      std::fprintf(stderr,
                   "cg-collector init: %s is missing, but %s. A new keyring would make every "
                   "ack and checkpoint made so far unverifiable: restore keyring.json from a "
                   "backup (or from the published /.well-known/consent-keys.json) and run init "
                   "again. Nothing was changed.\n",
                   join_path(config.key_dir, Keyring::kFile).c_str(), why.c_str());
      return 1;
    }
    std::string kid;
    if (!Keyring::create(config.key_dir, system_clock().now_s(), kid, error))
      return std::fprintf(stderr, "cg-collector init: keys: %s\n", error.c_str()), 1;
    std::printf("keys: created operator key %s\n      private key %s (mode 0600)\n", kid.c_str(),
                join_path(config.key_dir, kid + ".pem").c_str());
  }
  try {
    auto store = open_store(config.database);
    store->ensure_sites(config.sites);
    std::printf("database: %s ready, %zu site logs\n", store->describe().c_str(),
                store->heads().size());
  } catch (const StoreError& e) {
    std::fprintf(stderr, "cg-collector init: database: %s\n", e.what());
    return 1;
  }
  std::vector<std::string> exposed =
      exposed_files(config.key_dir, config.data_dir, sqlite_file(config.database));
  for (const std::string& line : exposed)
    std::fprintf(stderr, "cg-collector init: %s\n", line.c_str());
  if (!exposed.empty()) {
    std::fprintf(stderr,
                 "cg-collector init: other users can reach these files; serve will refuse "
                 "to start until they are private\n");
    return 1;
  }
  return 0;
}

}  // namespace cg::collector::cli
