// Making checkpoints: sign a site's current head, store it, and optionally append it to an
// export file the operator ships elsewhere. Used by `checkpoint` and by `serve` (daily).
#pragma once

#include <string>
#include <vector>

#include "common/logger.h"
#include "keys/keyring.h"
#include "store/store.h"

namespace cg::collector {

// Signs and stores a checkpoint of `site`'s head as it is now. Throws StoreError.
StoredCheckpoint checkpoint_site(Store& store, const OperatorKey& key, const std::string& site,
                                 int64_t now_s);

// The export line of a stored checkpoint (log/checkpoint.h).
std::string checkpoint_export_line(const StoredCheckpoint& checkpoint, const std::string& kid);

// The schedule `serve` keeps: a checkpoint of each site whose newest one is older than
// `every_s` and whose log has grown since (an idle log needs no new one).
class CheckpointSchedule {
 public:
  CheckpointSchedule(Store& store, KeySource& keys, std::vector<std::string> sites, int64_t every_s,
                     std::string file, const Logger& logger);
  // Makes the checkpoints that are due; returns how many. Store failures are logged.
  int run(int64_t now_s);

 private:
  Store& store_;
  KeySource& keys_;
  std::vector<std::string> sites_;
  int64_t every_s_;
  std::string file_;
  const Logger& logger_;
};

}  // namespace cg::collector
