// `verify`: the whole log, entry by entry, from the database alone (plus checkpoint files
// kept elsewhere). Per entry i of a site:
//   - indices run 1, 2, 3... (log.gap: rows deleted)
//   - the stored receipt still verifies (entry.receipt) and its columns agree with it
//     (entry.columns)
//   - the ack verifies under a published key within its window (ack.*), and says what the
//     row says (ack.mismatch), including the hash of the stored receipt (ack.receipt-hash:
//     the receipt was changed after it was acknowledged)
//   - the ack links to the previous entry: its logHead is the head after entry i-1 (ack.link:
//     rows removed, reordered or replaced)
//   - the stored head column is the head after the ack (entry.head)
// and per site: the cg_sites row matches the last entry (site.head), and every checkpoint
// (stored, or from files) is signed (checkpoint.*) and equals the head recomputed from the
// stored rows at its size (checkpoint.mismatch), which cannot exceed the log's length
// (checkpoint.truncated: entries deleted after the checkpoint). Checkpoints of sites that
// are not in the database are reported too (checkpoint.site-missing).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "keys/keyring.h"
#include "store/store.h"

namespace cg::collector {

struct Finding {
  std::string site;
  int64_t index = 0;  // the entry, or 0 for the site as a whole
  std::string code, message;
};

struct SiteSummary {
  std::string site;
  int64_t entries = 0, valid = 0, unsigned_ = 0, checkpoints = 0, problems = 0;
};

struct LogReport {
  std::vector<SiteSummary> sites;
  std::vector<Finding> problems;
  bool ok() const { return problems.empty(); }
};

struct LogVerifyOptions {
  std::string site;                            // "" for every site
  std::vector<std::string> extra_checkpoints;  // JWS texts, e.g. from exported files
  // Called every few thousand entries: site, entries checked, entries in the site's log.
  std::function<void(const std::string&, int64_t, int64_t)> progress;
};

LogReport verify_log(Store& store, const Keyring& keys, const LogVerifyOptions& options);

// One line per site, one per problem, then a verdict line.
std::string format_log_report(const LogReport& report);

}  // namespace cg::collector
