#include <cstdio>

#include "cli/args.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "keys/keyring.h"
#include "verify/report.h"

namespace cg::collector::cli {
namespace {

constexpr char kUsage[] =
    "usage: cg-collector rotate-key [--config FILE] [--data-dir DIR] [--key-dir DIR]\n"
    "                               [--grace SECONDS]\n"
    "\n"
    "Makes a new operator key and makes it the active one. The old key gets an end of\n"
    "validity (exp) of now + grace, stays in the published JWKS so that acks it signed can\n"
    "still be checked, and its private key file is deleted. Running collectors switch to the\n"
    "new key within a few seconds, without a restart.\n"
    "\n"
    "  --config FILE, --data-dir DIR, --key-dir DIR   as for init\n"
    "  --grace SECONDS   how long the old key may still sign (default 60; 0 after a leak)\n";

}  // namespace

int cmd_rotate_key(int argc, char** argv, int first) {
  std::vector<Flag> flags = {{"config", true, false},
                             {"data-dir", true, true},
                             {"key-dir", true, true},
                             {"grace", true, false}};
  Args args;
  Config config;
  if (int status = read_command_line("rotate-key", kUsage, argc, argv, first, flags, args, config);
      status >= 0)
    return status;
  std::string error;
  int64_t grace = 60;
  if (args.has("grace")) {
    std::string g = args.get("grace");
    if (g.empty() || g.size() > 9 || g.find_first_not_of("0123456789") != std::string::npos)
      return usage_error("rotate-key", "--grace: seconds", kUsage);
    grace = std::stoll(g);
  }
  int64_t now = system_clock().now_s();
  std::string kid;
  if (!Keyring::rotate(config.key_dir, now, grace, kid, error))
    return std::fprintf(stderr, "cg-collector rotate-key: %s\n", error.c_str()), 1;
  std::printf(
      "rotate-key: new active key %s\nrotate-key: the previous key signs nothing after %s\n",
      kid.c_str(), verify::format_time(now + grace).c_str());
  return 0;
}

}  // namespace cg::collector::cli
