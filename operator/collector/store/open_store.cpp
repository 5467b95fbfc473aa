#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace cg::collector {

std::unique_ptr<Store> open_store(const std::string& database) {
  if (database_kind(database) == DatabaseKind::postgresql)
    return std::make_unique<PgStore>(database);
  std::string path = sqlite_file(database);
  if (path.empty()) throw StoreError("no database file given");
  return std::make_unique<SqliteStore>(path);
}

}  // namespace cg::collector
