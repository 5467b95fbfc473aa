#include "store/store.h"

namespace cg::collector {

DatabaseKind database_kind(const std::string& database) {
  if (database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0)
    return DatabaseKind::postgresql;
  if (database.rfind("sqlite:", 0) == 0) return DatabaseKind::sqlite;
  // libpq keyword/value strings ("host=... dbname=..."); file paths never hold '=' here.
  return database.find('=') != std::string::npos ? DatabaseKind::postgresql : DatabaseKind::sqlite;
}

std::string sqlite_file(const std::string& database) {
  if (database_kind(database) == DatabaseKind::postgresql) return "";
  return database.rfind("sqlite:", 0) == 0 ? database.substr(7) : database;
}

}  // namespace cg::collector
