#include "log/checkpointing.h"

#include "common/files.h"
#include "log/chain.h"
#include "log/checkpoint.h"

namespace cg::collector {

StoredCheckpoint checkpoint_site(Store& store, const OperatorKey& key, const std::string& site,
                                 int64_t now_s) {
  std::optional<SiteHead> head = store.head(site);
  SiteHead h = head ? *head : SiteHead{site, 0, genesis_head_text(site)};
  CheckpointClaims claims{site, h.size, h.head, now_s};
  StoredCheckpoint cp{site, h.size, h.head, now_s, make_checkpoint(key, claims)};
  if (cp.jws.empty()) throw StoreError("the operator key could not sign a checkpoint");
  store.add_checkpoint(cp);
  return cp;
}

std::string checkpoint_export_line(const StoredCheckpoint& cp, const std::string& kid) {
  return checkpoint_line(cp.jws, {cp.site, cp.size, cp.head, cp.created_at}, kid);
}

CheckpointSchedule::CheckpointSchedule(Store& store, KeySource& keys,
                                       std::vector<std::string> sites, int64_t every_s,
                                       std::string file, const Logger& logger)
    : store_(store),
      keys_(keys),
      sites_(std::move(sites)),
      every_s_(every_s),
      file_(std::move(file)),
      logger_(logger) {}

int CheckpointSchedule::run(int64_t now_s) {
  int made = 0;
  for (const std::string& site : sites_) {
    try {
      std::vector<StoredCheckpoint> old = store_.checkpoints(site);
      int64_t newest = 0, largest = -1;
      for (const auto& cp : old) {
        newest = std::max(newest, cp.created_at);
        largest = std::max(largest, cp.size);
      }
      std::optional<SiteHead> head = store_.head(site);
      int64_t size = head ? head->size : 0;
      if (now_s - newest < every_s_ || (largest >= 0 && size <= largest)) continue;
      auto keys = keys_.current();
      StoredCheckpoint cp = checkpoint_site(store_, *keys->active(), site, now_s);
      ++made;
      logger_.info("checkpoint.made").str("site", site).num("size", cp.size);
      std::string error;
      if (!file_.empty() &&
          !append_line_durable(file_, checkpoint_export_line(cp, keys->active()->kid()), error))
        logger_.error("checkpoint.export-failed").str("message", error);
    } catch (const std::exception& e) {
      logger_.error("checkpoint.failed").str("site", site).str("message", e.what());
    }
  }
  return made;
}

}  // namespace cg::collector
