#include "log/log_verifier.h"

#include <algorithm>
#include <map>

#include "ack/ack.h"
#include "cg/receipts/base64url.h"
#include "log/chain.h"
#include "log/checkpoint.h"
#include "verify/verifier.h"

namespace cg::collector {
namespace {

using receipts::b64url_decode;
using receipts::b64url_encode;

struct Checkpoint {
  CheckpointClaims claims;
  std::string source;  // "stored" or "file"
};

std::string raw(const std::string& b64) {
  std::string out;
  b64url_decode(b64, out);
  return out;
}

class SiteCheck {
 public:
  SiteCheck(Store& store, const Keyring& keys, const SiteHead& head,
            std::vector<Checkpoint> checkpoints, const LogVerifyOptions& options, LogReport& report)
      : store_(store),
        keys_(keys),
        site_head_(head),
        checkpoints_(std::move(checkpoints)),
        options_(options),
        report_(report) {
    summary_.site = head.site;
    summary_.checkpoints = static_cast<int64_t>(checkpoints_.size());
    std::sort(
        checkpoints_.begin(), checkpoints_.end(),
        [](const Checkpoint& a, const Checkpoint& b) { return a.claims.size < b.claims.size; });
  }

  void run() {
    computed_ = authentic_ = genesis_head(site_head_.site);
    check_checkpoints_at(0);
    int64_t last = 0;
    for (;;) {
      std::vector<Entry> page = store_.entries_after(site_head_.site, last, 2000);
      if (page.empty()) break;
      for (const Entry& e : page) entry(e);
      last = page.back().index;
      if (options_.progress) options_.progress(site_head_.site, summary_.entries, site_head_.size);
    }
    finish(last);
    report_.sites.push_back(summary_);
  }

 private:
  void problem(int64_t index, std::string code, std::string message) {
    ++summary_.problems;
    report_.problems.push_back({site_head_.site, index, std::move(code), std::move(message)});
  }

  void entry(const Entry& e) {
    ++summary_.entries;
    bool gap = e.index != expected_;
    if (gap) {
      problem(e.index, "log.gap",
              e.index > expected_ ? "entries " + std::to_string(expected_) + ".." +
                                        std::to_string(e.index - 1) + " are missing (deleted)"
                                  : "index out of order");
    }
    expected_ = e.index + 1;
    std::string receipt_hash = receipt(e);
    AckClaims ack;
    Problem bad = read_ack(e.ack, keys_, ack);
    if (bad) problem(e.index, bad.code, bad.message);
    if (!bad) ack_agrees(e, ack, receipt_hash, gap);
    // The authentic head follows the signed acks; the computed one the stored rows.
    authentic_ = bad ? next_head(authentic_, raw(receipt_hash), e.ack)
                     : next_head(raw(ack.log_head), raw(ack.receipt_hash), e.ack);
    computed_ = next_head(computed_, raw(receipt_hash), e.ack);
    if (e.head != b64url_encode(authentic_))
      problem(e.index, "entry.head", "the stored head is not the head after this entry's ack");
    check_checkpoints_at(e.index);
  }

  // Verifies the stored receipt; returns its actual hash.
  std::string receipt(const Entry& e) {
    verify::Verdict v = verify::verify_receipt(e.receipt, {}, &cache_);
    if (cache_.size() > 4096) cache_ = verify::KeyCache();
    std::string hash = b64url_encode(verify::sha256_bytes(e.receipt));
    if (v.status == verify::Status::invalid) {
      problem(e.index, "entry.receipt", "the stored receipt does not verify (" + v.code + ")");
      return hash;
    }
    v.status == verify::Status::valid ? ++summary_.valid : ++summary_.unsigned_;
    const verify::Receipt& r = v.receipt;
    std::string status = v.status == verify::Status::valid ? "valid" : "unsigned";
    if (r.aud != e.site || r.jti != e.jti || r.kid != e.kid || status != e.status ||
        hash != e.receipt_hash)
      problem(e.index, "entry.columns", "the row's columns disagree with its receipt");
    return hash;
  }

  void ack_agrees(const Entry& e, const AckClaims& a, const std::string& receipt_hash, bool gap) {
    if (a.site != e.site || a.jti != e.jti || a.receipt_status != e.status ||
        a.received_at_ms != e.received_at_ms || a.log_index != e.index)
      problem(e.index, "ack.mismatch", "the ack does not describe this row");
    if (a.receipt_hash != receipt_hash)
      problem(e.index, "ack.receipt-hash",
              "the stored receipt is not the one acknowledged: it was changed after storing");
    if (!gap && a.log_head != b64url_encode(authentic_))
      problem(e.index, "ack.link",
              "the ack does not extend the previous entry: entries were removed, replaced or "
              "reordered");
  }

  void check_checkpoints_at(int64_t size) {
    for (const Checkpoint& cp : checkpoints_) {
      if (cp.claims.size != size) continue;
      if (cp.claims.head != b64url_encode(computed_))
        problem(size, "checkpoint.mismatch",
                "the " + cp.source + " checkpoint at size " + std::to_string(size) +
                    " does not match the log: entries up to it were edited or deleted");
    }
  }

  void finish(int64_t last) {
    if (site_head_.size >= 0 &&  // -1: no row at all, reported as site.missing
        (site_head_.size != last || site_head_.head != b64url_encode(authentic_)))
      problem(0, "site.head",
              "the site row says " + std::to_string(site_head_.size) + " entries, the log has " +
                  std::to_string(last) + " (or its head differs)");
    for (const Checkpoint& cp : checkpoints_) {
      if (cp.claims.size > last)
        problem(0, "checkpoint.truncated",
                "a " + cp.source + " checkpoint covers " + std::to_string(cp.claims.size) +
                    " entries but the log has " + std::to_string(last) +
                    ": entries were deleted after it");
    }
  }

  Store& store_;
  const Keyring& keys_;
  SiteHead site_head_;
  std::vector<Checkpoint> checkpoints_;
  const LogVerifyOptions& options_;
  LogReport& report_;
  SiteSummary summary_;
  verify::KeyCache cache_;
  int64_t expected_ = 1;
  std::string computed_, authentic_;  // raw heads after the last entry checked
};

}  // namespace

LogReport verify_log(Store& store, const Keyring& keys, const LogVerifyOptions& options) {
  LogReport report;
  std::vector<SiteHead> heads = store.heads();
  // A site whose cg_sites row was deleted is still checked, entry by entry: its row's
  // absence is a problem of its own (and finish() reports the head it should have had).
  for (const std::string& site : store.logged_sites()) {
    bool listed =
        std::any_of(heads.begin(), heads.end(), [&](const SiteHead& h) { return h.site == site; });
    if (listed || (!options.site.empty() && site != options.site)) continue;
    report.problems.push_back({site, 0, "site.missing",
                               "the log holds entries or checkpoints of this site, but cg_sites "
                               "has no row for it (deleted?)"});
    heads.push_back({site, -1, ""});
  }
  std::map<std::string, std::vector<Checkpoint>> by_site;
  auto add = [&](const std::string& jws, const std::string& source) {
    CheckpointClaims claims;
    if (Problem p = read_checkpoint(jws, keys, claims)) {
      report.problems.push_back(
          {claims.site, 0, p.code, "a " + source + " checkpoint: " + p.message});
      return;
    }
    by_site[claims.site].push_back({claims, source});
  };
  for (const SiteHead& h : heads) {
    if (!options.site.empty() && h.site != options.site) continue;
    for (const StoredCheckpoint& cp : store.checkpoints(h.site)) add(cp.jws, "stored");
  }
  for (const std::string& jws : options.extra_checkpoints) add(jws, "file");
  for (const auto& checked : by_site) {
    const std::string& site = checked.first;  // not a structured binding: clang 14's lambdas
    bool known =
        std::any_of(heads.begin(), heads.end(), [&](const SiteHead& h) { return h.site == site; });
    if (!known && (options.site.empty() || options.site == site))
      report.problems.push_back({site, 0, "checkpoint.site-missing",
                                 "checkpoints exist for this site but its log is gone"});
  }
  for (const SiteHead& h : heads) {
    if (!options.site.empty() && h.site != options.site) continue;
    SiteCheck(store, keys, h, by_site[h.site], options, report).run();
  }
  return report;
}

std::string format_log_report(const LogReport& report) {
  std::string out;
  int64_t entries = 0;
  for (const SiteSummary& s : report.sites) {
    entries += s.entries;
    out += "site " + s.site + ": " + std::to_string(s.entries) + " entries (" +
           std::to_string(s.valid) + " signed, " + std::to_string(s.unsigned_) + " unsigned), " +
           std::to_string(s.checkpoints) +
           " checkpoints: " + (s.problems ? std::to_string(s.problems) + " problems" : "intact") +
           "\n";
  }
  for (const Finding& f : report.problems) {
    out += "PROBLEM " + f.code + " " + f.site;
    if (f.index) out += " #" + std::to_string(f.index);
    out += ": " + f.message + "\n";
  }
  out += report.ok() ? "verify: ok: " + std::to_string(entries) + " entries in " +
                           std::to_string(report.sites.size()) +
                           " site logs; chains, receipts, acks and checkpoints check out\n"
                     : "verify: FAILED: " + std::to_string(report.problems.size()) +
                           " problems in " + std::to_string(entries) + " entries\n";
  return out;
}

}  // namespace cg::collector
