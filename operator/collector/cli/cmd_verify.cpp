#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "common/files.h"
#include "log/checkpoint.h"
#include "log/log_verifier.h"

namespace cg::collector::cli {
namespace {

constexpr char kUsage[] =
    "usage: cg-collector verify [--config FILE] [--database DB] [--key-dir DIR] [options]\n"
    "\n"
    "Checks the whole log: every site's hash chain, every stored receipt (signature and\n"
    "contents) and ack (signature, key window, what it acknowledges), the site heads, and\n"
    "every checkpoint, stored or exported. Prints a line per site, one per problem, and a\n"
    "verdict. Exit status 0: all intact; 1: problems found; 2: usage error.\n"
    "\n"
    "  --config FILE, --data-dir DIR, --database DB, --key-dir DIR   as for init\n"
    "  --site ORIGIN        only this site's log\n"
    "  --checkpoints FILE   exported checkpoints to hold the log against (repeat)\n"
    "  --jwks FILE          the published keys (consent-keys.json) instead of --key-dir\n"
    "  --quiet              no progress lines on standard error\n";

}  // namespace

int cmd_verify(int argc, char** argv, int first) {
  std::vector<Flag> flags = common_flags();
  flags.push_back({"checkpoints", true, false});
  flags.push_back({"jwks", true, false});
  flags.push_back({"quiet", false, false});
  Args args;
  Config config;
  if (int status = read_command_line("verify", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;
  std::string error;
  // Sites from a config file say what serve accepts; here only --site narrows the check.
  std::vector<std::string> only = args.all("site");
  if (only.size() > 1) return usage_error("verify", "give at most one --site", kUsage);

  std::shared_ptr<const Keyring> keys;
  if (args.has("jwks")) {
    std::string text;
    if (read_file(args.get("jwks"), text, error)) keys = Keyring::from_jwks(text, error);
  } else {
    keys = Keyring::load(config.key_dir, false, error);
  }
  if (!keys) return std::fprintf(stderr, "cg-collector verify: keys: %s\n", error.c_str()), 1;

  LogVerifyOptions options;
  if (!only.empty()) options.site = only[0];
  for (const std::string& path : args.all("checkpoints")) {
    std::string text;
    if (!read_file(path, text, error) ||
        !read_checkpoint_lines(text, options.extra_checkpoints, error))
      return std::fprintf(stderr, "cg-collector verify: %s: %s\n", path.c_str(), error.c_str()), 1;
  }
  Progress progress(!args.has("quiet"));
  options.progress = [&](const std::string& site, int64_t done, int64_t total) {
    progress.update("verify: " + site + ": " + std::to_string(done) + "/" + std::to_string(total) +
                    " entries");
  };
  try {
    auto store = open_store(config.database);
    LogReport report = verify_log(*store, *keys, options);
    std::fputs(format_log_report(report).c_str(), stdout);
    return report.ok() ? 0 : 1;
  } catch (const StoreError& e) {
    std::fprintf(stderr, "cg-collector verify: database: %s\n", e.what());
    return 1;
  }
}

}  // namespace cg::collector::cli
