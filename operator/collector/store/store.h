// Where receipts, acks and the per-site logs live. Two implementations behind this
// interface: SQLite (the default, one file, zero configuration) and PostgreSQL (several
// collector processes sharing one database). The same tests run against both.
//
// Tables (cg_ prefix, so the PostgreSQL ones can share a database):
//   cg_sites        site -> size, head            one row per site log; appends lock it
//   cg_entries      (site, idx) -> jti, kid, status, received_at, receipt, receipt_hash,
//                   ack, head, client_ip           append-only (triggers refuse UPDATE and
//                                                  DELETE); unique (site, jti)
//   cg_checkpoints  site, size, head, created_at, jws
// A Store object is one connection: use it from one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cg::collector {

struct NewEntry {
  std::string site, jti;
  std::string kid;           // the visitor key's thumbprint; "" when unsigned
  std::string status;        // "valid" or "unsigned"
  std::string receipt;       // the JWS, verbatim
  std::string receipt_hash;  // BASE64URL(SHA-256(receipt))
  int64_t received_at_ms = 0;
  std::string client_ip;  // "" unless the operator turned storing addresses on
};

struct Entry : NewEntry {
  int64_t index = 0;  // from 1
  std::string ack;    // the ack JWS
  std::string head;   // head_index (log/chain.h), base64url
};

struct SiteHead {
  std::string site;
  int64_t size = 0;
  std::string head;  // base64url
};

struct StoredCheckpoint {
  std::string site;
  int64_t size = 0;
  std::string head;
  int64_t created_at = 0;  // unix seconds
  std::string jws;
};

struct AppendOutcome {
  enum Kind {
    stored,     // appended now
    duplicate,  // the same receipt (same jti and bytes) was stored before: its ack
    conflict,   // another receipt with this jti is stored for the site
  } kind = stored;
  int64_t index = 0;
  std::string ack;
};

// Signs the ack of `entry` as entry `index` of its site log, whose head before it is
// `prev_head` (base64url). Called inside the append transaction.
using AckSigner =
    std::function<std::string(const NewEntry& entry, int64_t index, const std::string& prev_head)>;

// The database failed (connection lost, disk full, ...): nothing of the failed call was
// committed. The message may name internals: log it, never send it to clients.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;

  // Where the data is, for logs and reports (never a password).
  virtual std::string describe() const = 0;
  // Creates the log rows of sites that have none yet.
  virtual void ensure_sites(const std::vector<std::string>& sites) = 0;

  // Appends `batch` in one transaction, which is committed (durably) before this returns:
  // for each item, in order, its outcome. Items of one site are appended in batch order;
  // the site's log row is locked in the database for the whole transaction (sites in
  // sorted order), so any number of processes can append to one database.
  // Throws StoreError when the transaction fails; then nothing was stored.
  virtual std::vector<AppendOutcome> append(const std::vector<const NewEntry*>& batch,
                                            const AckSigner& sign) = 0;

  virtual std::vector<SiteHead> heads() = 0;
  // Every site that has entries or checkpoints, whatever cg_sites says (verify must not
  // trust the table it checks), in order.
  virtual std::vector<std::string> logged_sites() = 0;
  virtual std::optional<SiteHead> head(const std::string& site) = 0;
  virtual std::optional<Entry> find(const std::string& site, const std::string& jti) = 0;
  // Entries of `site` with index > after, in index order, at most `limit` of them.
  virtual std::vector<Entry> entries_after(const std::string& site, int64_t after,
                                           size_t limit) = 0;
  // The same, restricted to from_ms <= received_at < to_ms.
  virtual std::vector<Entry> entries_between(const std::string& site, int64_t from_ms,
                                             int64_t to_ms, int64_t after, size_t limit) = 0;
  // Every entry of one visitor key, by site and index.
  virtual std::vector<Entry> entries_of_key(const std::string& kid) = 0;

  virtual void add_checkpoint(const StoredCheckpoint& checkpoint) = 0;
  // By size, then creation time.
  virtual std::vector<StoredCheckpoint> checkpoints(const std::string& site) = 0;

  virtual bool ping() = 0;  // a trivial query answered
};

enum class DatabaseKind { sqlite, postgresql };
// "postgresql://...", "postgres://..." and libpq "key=value" strings are PostgreSQL;
// anything else is a SQLite file path (an optional "sqlite:" prefix is removed).
DatabaseKind database_kind(const std::string& database);
// The file of an SQLite database setting ("sqlite:PATH" or PATH); "" for PostgreSQL.
std::string sqlite_file(const std::string& database);

// Opens (and creates or migrates the schema of) the database. Throws StoreError.
std::unique_ptr<Store> open_store(const std::string& database);

}  // namespace cg::collector
