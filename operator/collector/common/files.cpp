#include "common/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cg::collector {
namespace {

std::string os_error(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::string parent_dir(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Syncs the folder holding `path`, so that the file's name (a creation or a rename) is
// durable too; sets `error` when it cannot.
bool sync_folder_of(const std::string& path, std::string& error) {
  int fd = ::open(parent_dir(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool ok = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) error = os_error("cannot sync the folder of", path);
  return ok;
}

// Writes, syncs and closes `fd`; on failure closes it and sets `error`.
bool finish(int fd, std::string_view data, const std::string& path, std::string& error) {
  bool ok = write_all(fd, data) && ::fsync(fd) == 0;
  if (!ok) error = os_error("cannot write", path);
  if (::close(fd) != 0 && ok) {
    error = os_error("cannot close", path);
    ok = false;
  }
  return ok;
}

}  // namespace

bool read_file(const std::string& path, std::string& out, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = os_error("cannot open", path);
    return false;
  }
  out.clear();
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = os_error("cannot read", path);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

bool write_file_atomic(const std::string& path, std::string_view data, mode_t mode,
                       std::string& error) {
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) {
    error = os_error("cannot create", temp);
    return false;
  }
  ::fchmod(fd, mode);  // the umask may have taken bits away; never add any either
  if (!finish(fd, data, temp, error)) {
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    error = os_error("cannot replace", path);
    ::unlink(temp.c_str());
    return false;
  }
  return sync_folder_of(path, error);
}

bool write_new_file(const std::string& path, std::string_view data, mode_t mode,
                    std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    error = os_error("cannot create", path);
    return false;
  }
  ::fchmod(fd, mode);
  if (!finish(fd, data, path, error)) {
    ::unlink(path.c_str());
    return false;
  }
  return sync_folder_of(path, error);
}

void make_private(int fd) {
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0077)) ::fchmod(fd, 0600);
}

bool append_line_durable(const std::string& path, std::string_view line, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd >= 0) make_private(fd);
  if (fd < 0) {
    error = os_error("cannot open", path);
    return false;
  }
  std::string text(line);
  text += '\n';
  return finish(fd, text, path, error);
}

bool make_private_dir(const std::string& path, std::string& error) {
  if (::mkdir(path.c_str(), 0700) == 0 || errno == EEXIST) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
    errno = ENOTDIR;
  }
  error = os_error("cannot create the folder", path);
  return false;
}

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> names_ending_with(const std::string& dir, std::string_view suffix) {
  std::vector<std::string> out;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      std::string_view name = e->d_name;
      if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
        out.emplace_back(name);
    }
    ::closedir(d);
  }
  return out;
}

std::string join_path(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

}  // namespace cg::collector
