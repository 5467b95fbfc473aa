#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "common/files.h"
#include "log/checkpointing.h"

namespace cg::collector::cli {
namespace {

constexpr char kUsage[] =
    "usage: cg-collector checkpoint [--config FILE] [--database DB] [--key-dir DIR]\n"
    "                               [--site ORIGIN]... [--out FILE]\n"
    "\n"
    "Signs the current head of each site log (or of the given sites), stores the checkpoint\n"
    "and prints it as a JSON line. Keep these lines somewhere the database's administrators\n"
    "cannot write: `verify --checkpoints FILE` then exposes any entry edited or deleted\n"
    "before them. `serve` also makes one per site daily.\n"
    "\n"
    "  --config FILE, --data-dir DIR, --database DB, --key-dir DIR   as for init\n"
    "  --site ORIGIN   only these sites (repeat)\n"
    "  --out FILE      append the lines to FILE (created 0600, synced) instead of printing\n";

}  // namespace

int cmd_checkpoint(int argc, char** argv, int first) {
  std::vector<Flag> flags = common_flags();
  flags.push_back({"out", true, false});
  Args args;
  Config config;
  if (int status = read_command_line("checkpoint", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;
  std::string error;
  auto keys = Keyring::load(config.key_dir, true, error);
  if (!keys) return std::fprintf(stderr, "cg-collector checkpoint: keys: %s\n", error.c_str()), 1;
  try {
    auto store = open_store(config.database);
    std::vector<std::string> sites = config.sites;
    if (sites.empty()) {
      for (const SiteHead& h : store->heads()) sites.push_back(h.site);
    }
    for (const std::string& site : sites) {
      StoredCheckpoint cp = checkpoint_site(*store, *keys->active(), site, system_clock().now_s());
      std::string line = checkpoint_export_line(cp, keys->active()->kid());
      if (!args.has("out")) {
        std::printf("%s\n", line.c_str());
      } else if (!append_line_durable(args.get("out"), line, error)) {
        std::fprintf(stderr, "cg-collector checkpoint: %s\n", error.c_str());
        return 1;
      }
      std::fprintf(stderr, "checkpoint: %s at %lld entries\n", site.c_str(),
                   static_cast<long long>(cp.size));
    }
  } catch (const StoreError& e) {
    std::fprintf(stderr, "cg-collector checkpoint: database: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace cg::collector::cli
