// Command-line flags for the cg-collector subcommands: "--name value", "--name=value" and
// value-less switches. Settings flags (config/config.h) are applied over the config file.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "config/config.h"

namespace cg::collector::cli {

struct Flag {
  const char* name;  // without "--"
  bool takes_value;
  bool is_setting;  // applied to Config via apply_setting()
};

struct Args {
  std::vector<std::pair<std::string, std::string>> values;  // in command-line order
  bool help = false;
  std::string get(const std::string& name) const;  // the last value, or ""
  std::vector<std::string> all(const std::string& name) const;
  bool has(const std::string& name) const;
};

// Flags every command that touches the data accepts: config, data-dir, database, key-dir,
// site.
std::vector<Flag> common_flags();

// False with a message on an unknown flag or a missing value.
bool parse_args(int argc, char** argv, int first, const std::vector<Flag>& flags, Args& args,
                std::string& error);

// The config file (--config), then the settings flags over it, then the defaults.
bool build_config(const Args& args, const std::vector<Flag>& flags, Config& config,
                  std::string& error);

int usage_error(const char* command, const std::string& message, const char* usage);

// What every command does first: parse its flags, answer --help, build its config. Returns
// -1 to go on, otherwise the exit status (0 after --help, 2 on a usage error, with the
// message and the usage printed).
int read_command_line(const char* command, const char* usage, int argc, char** argv, int first,
                      const std::vector<Flag>& flags, Args& args, Config& config);

}  // namespace cg::collector::cli
