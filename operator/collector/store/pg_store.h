// PostgreSQL store, for operators who run several collector processes (or hosts) on one
// database. Appends to a site log serialise in the database: each append transaction takes
// the site's cg_sites row with SELECT ... FOR UPDATE, reads the head, inserts and moves the
// head, and commits; other processes appending to that site wait for the row, then see the
// new head (READ COMMITTED re-reads the locked row). Sites are locked in sorted order, so
// transactions spanning several sites cannot deadlock. Durability is PostgreSQL's own
// (synchronous_commit must stay on, its default: an ack is sent only after COMMIT returns).
#pragma once

#include <memory>
#include <pqxx/connection>
#include <string>

#include "store/store.h"

namespace cg::collector {

class PgStore final : public Store {
 public:
  // Connects and creates or migrates the schema (under an advisory lock, so several
  // processes may start at once). Throws StoreError.
  explicit PgStore(const std::string& conninfo);
  ~PgStore() override;

  std::string describe() const override;
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

 private:
  pqxx::connection& connection();
  template <class F>
  auto guarded(F&& body);

  std::string conninfo_;
  std::unique_ptr<pqxx::connection> conn_;
};

}  // namespace cg::collector
