#include "common/private_files.h"

#include <sys/stat.h>

#include <cstdio>

#include "common/files.h"

namespace cg::collector {
namespace {

std::string octal(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// Adds a line when `path` exists and has any of the `forbidden` permission bits.
void check(const std::string& path, mode_t forbidden, const char* what, const char* fix,
           std::vector<std::string>& out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || (st.st_mode & forbidden) == 0) return;
  out.push_back(std::string(what) + " " + path + " has mode " + octal(st.st_mode) +
                ": run `chmod " + fix + " " + path + "`");
}

// True when `path` lies in the folder `dir` (as the defaults put keys and database in the
// data folder).
bool inside(const std::string& dir, const std::string& path) {
  if (dir.empty() || path.empty()) return false;
  if (dir == "." && path.front() != '/') return true;
  return path.rfind(join_path(dir, ""), 0) == 0;
}

}  // namespace

std::vector<std::string> exposed_files(const std::string& key_dir, const std::string& data_dir,
                                       const std::string& sqlite_file) {
  std::vector<std::string> out;
  check(key_dir, 0077, "the key folder", "700", out);
  for (const std::string& name : names_ending_with(key_dir, ".pem"))
    check(join_path(key_dir, name), 0077, "the private key", "600", out);
  check(join_path(key_dir, "keyring.json"), 0022, "the keyring", "644", out);
  // The data folder matters for what it holds: another user who can enter it can read
  // whatever of ours lies there with a wider mode, or the exports written there later.
  if (inside(data_dir, key_dir) || inside(data_dir, sqlite_file))
    check(data_dir, 0007, "the data folder", "o-rwx", out);
  if (!sqlite_file.empty()) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      check(sqlite_file + suffix, 0007, "the database file", "600", out);
  }
  return out;
}

}  // namespace cg::collector
