// The cg-collector subcommands; each parses its own flags (argv[first..]) and returns the
// process exit status: 0 success, 1 failure (or problems found), 2 usage error.
#pragma once

namespace cg::collector::cli {

int cmd_init(int argc, char** argv, int first);
int cmd_serve(int argc, char** argv, int first);
int cmd_export(int argc, char** argv, int first);
int cmd_verify(int argc, char** argv, int first);
int cmd_checkpoint(int argc, char** argv, int first);
int cmd_rotate_key(int argc, char** argv, int first);

// "--help" of the tool as a whole.
extern const char kMainUsage[];

}  // namespace cg::collector::cli
