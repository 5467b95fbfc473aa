// The append algorithm, shared by both stores: what a batch does inside its transaction.
// Each store supplies the statements (AppendTxn) in as few round trips as it likes; begin
// and commit stay with the store.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace cg::collector {

struct Existing {
  int64_t index = 0;
  std::string receipt_hash, ack;
};

struct Locked {
  std::map<std::string, SiteHead> heads;                            // by site
  std::map<std::pair<std::string, std::string>, Existing> entries;  // by (site, jti)
};

class AppendTxn {
 public:
  virtual ~AppendTxn() = default;
  // Locks the log rows of `jtis`' sites (keys, in sorted order) until the transaction
  // ends, creating missing ones (size 0, genesis head); returns their heads and the stored
  // entries among the given jtis.
  virtual Locked lock(const std::map<std::string, std::vector<std::string>>& jtis) = 0;
  // Inserts the new entries and moves the heads.
  virtual void write(const std::vector<Entry>& entries, const std::vector<SiteHead>& heads) = 0;
};

// Locks, then for each new receipt in batch order signs its ack against its site's
// current head, computes the next head, and finally writes everything. A jti that is
// stored (or earlier in the batch) is a duplicate (same receipt) or a conflict.
std::vector<AppendOutcome> append_batch(AppendTxn& txn, const std::vector<const NewEntry*>& batch,
                                        const AckSigner& sign);

}  // namespace cg::collector
