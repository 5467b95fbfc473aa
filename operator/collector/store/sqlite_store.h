// The default store: one SQLite file in WAL mode with synchronous=FULL.
//
// Why FULL: an ack promises the receipt is durable. In WAL mode, synchronous=NORMAL skips
// the fsync at commit (the WAL is synced only at checkpoints), which survives a killed
// process but not a power cut: the last acknowledged receipts would vanish. FULL syncs the
// WAL at every commit. The collector commits a batch of receipts per transaction (group
// commit, ingest/appender.h), so that one fsync covers many acks.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

struct sqlite3;

namespace cg::collector {

class SqliteStore final : public Store {
 public:
  // Opens or creates the file (mode 0600) and its schema. Throws StoreError.
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;

  std::string describe() const override { return "sqlite:" + path_; }
  void ensure_sites(const std::vector<std::string>& sites) override;
  std::vector<AppendOutcome> append(const std::vector<const NewEntry*>& batch,
                                    const AckSigner& sign) override;
  std::vector<SiteHead> heads() override;
  std::vector<std::string> logged_sites() override;
  std::optional<SiteHead> head(const std::string& site) override;
  std::optional<Entry> find(const std::string& site, const std::string& jti) override;
  std::vector<Entry> entries_after(const std::string& site, int64_t after, size_t limit) override;
  std::vector<Entry> entries_between(const std::string& site, int64_t from_ms, int64_t to_ms,
                                     int64_t after, size_t limit) override;
  std::vector<Entry> entries_of_key(const std::string& kid) override;
  void add_checkpoint(const StoredCheckpoint& checkpoint) override;
  std::vector<StoredCheckpoint> checkpoints(const std::string& site) override;
  bool ping() override;

  class Statement;

 private:
  Statement& statement(const char* sql);
  void exec(const char* sql);
  template <class F>
  auto transaction(F&& body);

  std::string path_;
  sqlite3* db_ = nullptr;
  std::vector<std::pair<const char*, std::unique_ptr<Statement>>> statements_;
};

}  // namespace cg::collector
