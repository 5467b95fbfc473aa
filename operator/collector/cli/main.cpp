// cg-collector: the consent-receipt collector (docs/collector.md). A thin dispatcher; each
// subcommand lives in its own file.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace cg::collector::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the process
  if (argc < 2 || std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    std::fputs(kMainUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  if (command == "init") return cmd_init(argc, argv, 2);
  if (command == "serve") return cmd_serve(argc, argv, 2);
  if (command == "export") return cmd_export(argc, argv, 2);
  if (command == "verify") return cmd_verify(argc, argv, 2);
  if (command == "checkpoint") return cmd_checkpoint(argc, argv, 2);
  if (command == "rotate-key") return cmd_rotate_key(argc, argv, 2);
  std::fprintf(stderr, "cg-collector: unknown command \"%s\"\n\n%s", command.c_str(), kMainUsage);
  return 2;
}
