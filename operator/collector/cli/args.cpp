#include "cli/args.h"

#include <cstdio>
#include <cstring>

namespace cg::collector::cli {

std::string Args::get(const std::string& name) const {
  std::string out;
  for (const auto& [n, v] : values) {
    if (n == name) out = v;
  }
  return out;
}

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : values) {
    if (n == name) out.push_back(v);
  }
  return out;
}

bool Args::has(const std::string& name) const {
  for (const auto& entry : values) {
    if (entry.first == name) return true;
  }
  return false;
}

std::vector<Flag> common_flags() {
  return {{"config", true, false},
          {"data-dir", true, true},
          {"database", true, true},
          {"key-dir", true, true},
          {"site", true, true}};
}

bool parse_args(int argc, char** argv, int first, const std::vector<Flag>& flags, Args& args,
                std::string& error) {
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      args.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      error = "unexpected argument " + arg;
      return false;
    }
    std::string name = arg.substr(2), value;
    size_t eq = name.find('=');
    bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const Flag* flag = nullptr;
    for (const Flag& f : flags) {
      if (name == f.name) flag = &f;
    }
    if (!flag) {
      error = "unknown option --" + name;
      return false;
    }
    if (flag->takes_value && !inline_value) {
      if (i + 1 >= argc) {
        error = "--" + name + " needs a value";
        return false;
      }
      value = argv[++i];
    } else if (!flag->takes_value) {
      if (inline_value) {
        error = "--" + name + " takes no value";
        return false;
      }
      value = "true";
    }
    args.values.emplace_back(name, value);
  }
  return true;
}

bool build_config(const Args& args, const std::vector<Flag>& flags, Config& config,
                  std::string& error) {
  if (args.has("config") && !load_config_file(args.get("config"), config, error)) return false;
  bool sites_given = false;
  for (const auto& [name, value] : args.values) {
    bool setting = false;
    for (const Flag& f : flags) {
      if (name == f.name) setting = f.is_setting;
    }
    if (!setting) continue;
    if (name == "site" && !sites_given) {
      config.sites.clear();  // sites on the command line replace the file's
      sites_given = true;
    }
    if (!apply_setting(config, name, value, error)) return false;
  }
  resolve_defaults(config);
  return check_sites(config.sites, error);
}

int usage_error(const char* command, const std::string& message, const char* usage) {
  std::fprintf(stderr, "cg-collector %s: %s\n\n%s", command, message.c_str(), usage);
  return 2;
}

int read_command_line(const char* command, const char* usage, int argc, char** argv, int first,
                      const std::vector<Flag>& flags, Args& args, Config& config) {
  std::string error;
  if (!parse_args(argc, argv, first, flags, args, error)) return usage_error(command, error, usage);
  if (args.help) return std::fputs(usage, stdout), 0;
  if (!build_config(args, flags, config, error)) return usage_error(command, error, usage);
  return -1;
}

}  // namespace cg::collector::cli
