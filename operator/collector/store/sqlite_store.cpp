#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "log/chain.h"
#include "store/append.h"

namespace cg::collector {

// A prepared statement, reset after each use. Errors throw StoreError.
class SqliteStore::Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      throw StoreError(std::string("sqlite prepare: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int i, const std::string& s) {
    check(sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int i, int64_t n) {
    check(sqlite3_bind_int64(stmt_, i, n));
    return *this;
  }
  Statement& bind_null(int i) {
    check(sqlite3_bind_null(stmt_, i));
    return *this;
  }
  // True when a row is ready; false when done (and the statement is reset).
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE) throw StoreError(std::string("sqlite: ") + sqlite3_errmsg(db_));
    return false;
  }
  void run() {
    while (step()) {
    }
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) throw StoreError(std::string("sqlite bind: ") + sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

namespace {

constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS cg_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT OR IGNORE INTO cg_meta (name, value) VALUES ('schema', '1')",
    "CREATE TABLE IF NOT EXISTS cg_sites (site TEXT PRIMARY KEY, size INTEGER NOT NULL, "
    "head TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cg_entries (site TEXT NOT NULL, idx INTEGER NOT NULL, "
    "jti TEXT NOT NULL, kid TEXT NOT NULL, status TEXT NOT NULL, received_at INTEGER NOT NULL, "
    "receipt TEXT NOT NULL, receipt_hash TEXT NOT NULL, ack TEXT NOT NULL, head TEXT NOT NULL, "
    "client_ip TEXT, PRIMARY KEY (site, idx), UNIQUE (site, jti))",
    "CREATE INDEX IF NOT EXISTS cg_entries_kid ON cg_entries (kid)",
    "CREATE INDEX IF NOT EXISTS cg_entries_time ON cg_entries (site, received_at)",
    "CREATE TABLE IF NOT EXISTS cg_checkpoints (id INTEGER PRIMARY KEY, site TEXT NOT NULL, "
    "size INTEGER NOT NULL, head TEXT NOT NULL, created_at INTEGER NOT NULL, jws TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS cg_checkpoints_site ON cg_checkpoints (site, size)",
    // Append-only, as a guard against mistakes: whoever can drop a trigger can also edit
    // rows, which is what the chain and the checkpoints are for.
    "CREATE TRIGGER IF NOT EXISTS cg_entries_no_update BEFORE UPDATE ON cg_entries "
    "BEGIN SELECT RAISE(ABORT, 'cg_entries is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS cg_entries_no_delete BEFORE DELETE ON cg_entries "
    "BEGIN SELECT RAISE(ABORT, 'cg_entries is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS cg_checkpoints_no_update BEFORE UPDATE ON cg_checkpoints "
    "BEGIN SELECT RAISE(ABORT, 'cg_checkpoints is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS cg_checkpoints_no_delete BEFORE DELETE ON cg_checkpoints "
    "BEGIN SELECT RAISE(ABORT, 'cg_checkpoints is append-only'); END",
};

Entry read_entry(const SqliteStore::Statement& s) {
  Entry e;
  e.site = s.text(0);
  e.index = s.integer(1);
  e.jti = s.text(2);
  e.kid = s.text(3);
  e.status = s.text(4);
  e.received_at_ms = s.integer(5);
  e.receipt = s.text(6);
  e.receipt_hash = s.text(7);
  e.ack = s.text(8);
  e.head = s.text(9);
  e.client_ip = s.text(10);
  return e;
}

std::vector<Entry> read_entries(SqliteStore::Statement& s) {
  std::vector<Entry> out;
  while (s.step()) out.push_back(read_entry(s));
  return out;
}

#define CG_ENTRY_SELECT                                                                 \
  "SELECT site, idx, jti, kid, status, received_at, receipt, receipt_hash, ack, head, " \
  "COALESCE(client_ip, '') FROM cg_entries "

}  // namespace

template <class F>
auto SqliteStore::transaction(F&& body) {
  // IMMEDIATE: take the write lock now, so the site heads read below cannot change under us
  // even if another process writes to the same file.
  exec("BEGIN IMMEDIATE");
  try {
    auto result = body();
    exec("COMMIT");
    return result;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

SqliteStore::SqliteStore(const std::string& path) : path_(path) {
  struct stat st;
  bool existed = ::stat(path.c_str(), &st) == 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open " + path + ": " + message);
  }
  // Receipts are personal data: only the collector's user reads the file (the -wal and
  // -shm files take the same mode).
  if (!existed) ::chmod(path.c_str(), 0600);
  sqlite3_busy_timeout(db_, 10000);
  try {
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec("BEGIN IMMEDIATE");
    for (const char* sql : kSchema) exec(sql);
    exec("COMMIT");
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteStore::~SqliteStore() {
  statements_.clear();
  if (db_) sqlite3_close(db_);
}

void SqliteStore::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw StoreError("sqlite: " + text);
  }
}

SqliteStore::Statement& SqliteStore::statement(const char* sql) {
  for (auto& [text, stmt] : statements_) {
    if (text == sql) {  // the SQL literals below are unique objects
      stmt->reset();    // a use cut short by an exception may have left it mid-step
      return *stmt;
    }
  }
  statements_.emplace_back(sql, std::make_unique<Statement>(db_, sql));
  return *statements_.back().second;
}

void SqliteStore::ensure_sites(const std::vector<std::string>& sites) {
  transaction([&] {
    for (const std::string& site : sites) {
      statement("INSERT OR IGNORE INTO cg_sites (site, size, head) VALUES (?, 0, ?)")
          .bind(1, site)
          .bind(2, genesis_head_text(site))
          .run();
    }
    return 0;
  });
}

namespace {

class SqliteTxn final : public AppendTxn {
 public:
  using Lookup = std::function<SqliteStore::Statement&(const char*)>;
  explicit SqliteTxn(Lookup statement) : statement_(std::move(statement)) {}

  // The whole database is locked already (BEGIN IMMEDIATE), and statements are in-process
  // calls: one per row is fine.
  Locked lock(const std::map<std::string, std::vector<std::string>>& jtis) override {
    Locked out;
    for (const auto& [site, list] : jtis) {
      statement_("INSERT OR IGNORE INTO cg_sites (site, size, head) VALUES (?, 0, ?)")
          .bind(1, site)
          .bind(2, genesis_head_text(site))
          .run();
      auto& s = statement_("SELECT size, head FROM cg_sites WHERE site = ?").bind(1, site);
      if (!s.step()) throw StoreError("site row vanished: " + site);
      out.heads[site] = {site, s.integer(0), s.text(1)};
      s.reset();
      for (const std::string& jti : list) {
        auto& e =
            statement_("SELECT idx, receipt_hash, ack FROM cg_entries WHERE site = ? AND jti = ?")
                .bind(1, site)
                .bind(2, jti);
        if (e.step()) out.entries[{site, jti}] = {e.integer(0), e.text(1), e.text(2)};
        e.reset();
      }
    }
    return out;
  }

  void write(const std::vector<Entry>& entries, const std::vector<SiteHead>& heads) override {
    for (const Entry& e : entries) insert(e);
    for (const SiteHead& h : heads) {
      statement_("UPDATE cg_sites SET size = ?, head = ? WHERE site = ?")
          .bind(1, h.size)
          .bind(2, h.head)
          .bind(3, h.site)
          .run();
    }
  }

 private:
  void insert(const Entry& e) {
    auto& s = statement_(
        "INSERT INTO cg_entries (site, idx, jti, kid, status, received_at, receipt, "
        "receipt_hash, ack, head, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, e.site).bind(2, e.index).bind(3, e.jti).bind(4, e.kid).bind(5, e.status);
    s.bind(6, e.received_at_ms).bind(7, e.receipt).bind(8, e.receipt_hash).bind(9, e.ack);
    s.bind(10, e.head);
    if (e.client_ip.empty()) {
      s.bind_null(11);
    } else {
      s.bind(11, e.client_ip);
    }
    s.run();
  }

  Lookup statement_;
};

}  // namespace

std::vector<AppendOutcome> SqliteStore::append(const std::vector<const NewEntry*>& batch,
                                               const AckSigner& sign) {
  SqliteTxn txn([this](const char* sql) -> Statement& { return statement(sql); });
  return transaction([&] { return append_batch(txn, batch, sign); });
}

std::vector<SiteHead> SqliteStore::heads() {
  auto& s = statement("SELECT site, size, head FROM cg_sites ORDER BY site");
  std::vector<SiteHead> out;
  while (s.step()) out.push_back({s.text(0), s.integer(1), s.text(2)});
  return out;
}

std::vector<std::string> SqliteStore::logged_sites() {
  auto& s = statement(
      "SELECT DISTINCT site FROM cg_entries UNION SELECT DISTINCT site FROM cg_checkpoints "
      "ORDER BY site");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

std::optional<SiteHead> SqliteStore::head(const std::string& site) {
  auto& s = statement("SELECT site, size, head FROM cg_sites WHERE site = ?").bind(1, site);
  if (!s.step()) return std::nullopt;
  SiteHead h{s.text(0), s.integer(1), s.text(2)};
  s.reset();
  return h;
}

std::optional<Entry> SqliteStore::find(const std::string& site, const std::string& jti) {
  auto& s = statement(CG_ENTRY_SELECT "WHERE site = ? AND jti = ?").bind(1, site).bind(2, jti);
  if (!s.step()) return std::nullopt;
  Entry e = read_entry(s);
  s.reset();
  return e;
}

std::vector<Entry> SqliteStore::entries_after(const std::string& site, int64_t after,
                                              size_t limit) {
  auto& s = statement(CG_ENTRY_SELECT "WHERE site = ? AND idx > ? ORDER BY idx LIMIT ?");
  s.bind(1, site).bind(2, after).bind(3, static_cast<int64_t>(limit));
  return read_entries(s);
}

std::vector<Entry> SqliteStore::entries_between(const std::string& site, int64_t from_ms,
                                                int64_t to_ms, int64_t after, size_t limit) {
  auto& s = statement(CG_ENTRY_SELECT
                      "WHERE site = ? AND idx > ? AND received_at >= ? AND received_at < ? "
                      "ORDER BY idx LIMIT ?");
  s.bind(1, site).bind(2, after).bind(3, from_ms).bind(4, to_ms);
  s.bind(5, static_cast<int64_t>(limit));
  return read_entries(s);
}

std::vector<Entry> SqliteStore::entries_of_key(const std::string& kid) {
  auto& s = statement(CG_ENTRY_SELECT "WHERE kid = ? ORDER BY site, idx").bind(1, kid);
  return read_entries(s);
}

void SqliteStore::add_checkpoint(const StoredCheckpoint& c) {
  transaction([&] {
    statement(
        "INSERT INTO cg_checkpoints (site, size, head, created_at, jws) VALUES (?, ?, ?, ?, ?)")
        .bind(1, c.site)
        .bind(2, c.size)
        .bind(3, c.head)
        .bind(4, c.created_at)
        .bind(5, c.jws)
        .run();
    return 0;
  });
}

std::vector<StoredCheckpoint> SqliteStore::checkpoints(const std::string& site) {
  auto& s = statement(
      "SELECT site, size, head, created_at, jws FROM cg_checkpoints WHERE site = ? "
      "ORDER BY size, created_at, id");
  s.bind(1, site);
  std::vector<StoredCheckpoint> out;
  while (s.step()) out.push_back({s.text(0), s.integer(1), s.text(2), s.integer(3), s.text(4)});
  return out;
}

bool SqliteStore::ping() {
  try {
    auto& s = statement("SELECT 1");
    bool ok = s.step() && s.integer(0) == 1;
    s.reset();
    return ok;
  } catch (const StoreError&) {
    return false;
  }
}

}  // namespace cg::collector
