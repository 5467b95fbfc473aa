// File helpers for secrets and exported evidence: private modes, atomic replacement and
// fsync, so that a crash never leaves a half-written key file or keyring.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace cg::collector {

bool read_file(const std::string& path, std::string& out, std::string& error);

// Replaces `path` atomically: writes a temporary file beside it with `mode`, fsyncs it,
// renames it over `path` and fsyncs the folder. False with a message on any failure (the
// old file, if any, is then left as it was).
bool write_file_atomic(const std::string& path, std::string_view data, mode_t mode,
                       std::string& error);

// Creates `path` with `mode` and writes `data`, refusing to replace an existing file
// (O_EXCL), then fsyncs it and its folder. For new private keys.
bool write_new_file(const std::string& path, std::string_view data, mode_t mode,
                    std::string& error);

// An evidence file opened for writing becomes 0600 even if it existed with a wider mode
// (a regular file only: /dev/stdout and pipes are left alone).
void make_private(int fd);

// Appends `line` (plus '\n') to `path` (0600, see make_private) and fsyncs it.
bool append_line_durable(const std::string& path, std::string_view line, std::string& error);

// Creates the folder (0700) if missing; an existing folder is left as it is.
bool make_private_dir(const std::string& path, std::string& error);

bool file_exists(const std::string& path);
// Names of the entries of `dir` ending with `suffix` (".pem": the operator's private keys);
// none when the folder cannot be read.
std::vector<std::string> names_ending_with(const std::string& dir, std::string_view suffix);
std::string join_path(const std::string& dir, std::string_view name);

}  // namespace cg::collector
