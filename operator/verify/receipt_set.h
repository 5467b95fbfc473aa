// A set of receipts checked together: each one on its own (verifier.h), then what only the
// set shows: a receipt id used twice, and each key's chain (seq from 0 without gaps, every
// prev the hash of the receipt before, no two receipts at one seq). Problems are reported,
// never dropped: a gap may be a receipt the operator lost or hid, a fork two tabs or a
// replayed key.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "verify/verifier.h"

namespace cg::verify {

struct Entry {
  std::string source;  // where it came from, e.g. "line 3" or "[2]"
  Verdict verdict;
};

struct ChainFinding {
  enum Kind { gap, fork, broken_link } kind;
  std::string kid;
  int64_t seq = 0;                   // gap: first missing seq; fork/broken_link: the seq
  int64_t missing_to = 0;            // gap: last missing seq
  std::vector<std::string> sources;  // the receipts involved
  std::string message;
};
std::string_view finding_code(ChainFinding::Kind k);  // chain.gap, chain.fork, chain.broken

// "What did key K consent to, for purpose P, at time T": the latest valid receipt of K
// (highest seq) with iat <= T.
struct Answer {
  enum Outcome {
    given,        // consent was given and had not expired at T
    refused,      // the purpose was refused (or withdrawn)
    expired,      // the latest receipt gave consent, but it had expired by T
    not_covered,  // the latest receipt does not mention the purpose
    no_receipt,   // no valid receipt of K at or before T
    ambiguous,    // a fork: receipts at the same seq disagree
  } outcome = no_receipt;
  const Entry* receipt = nullptr;    // the receipt the answer rests on
  std::vector<std::string> caveats;  // chain findings for K, unsigned receipts ignored, ...
};
std::string_view outcome_name(Answer::Outcome o);

class ReceiptSet {
 public:
  explicit ReceiptSet(VerifyOptions options) : options_(std::move(options)) {}

  // Verifies one receipt and records it. A receipt whose jti was seen before is invalid
  // (set.duplicate-jti), even when it is a byte-identical copy.
  const Entry& add(std::string_view jws, std::string source);
  // Records input that could not even be read as a receipt (e.g. an export item without jws).
  const Entry& add_unreadable(std::string source, std::string code, std::string message);

  const std::deque<Entry>& entries() const { return entries_; }
  std::vector<ChainFinding> chains() const;
  // `key`: a kid or its URN; `purpose`: e.g. "analytics"; `at`: unix seconds.
  Answer query(std::string_view key, std::string_view purpose, int64_t at) const;

  struct Summary {
    size_t total = 0, valid = 0, unsigned_ = 0, invalid = 0, keys = 0, chain_findings = 0;
  };
  Summary summary() const;

 private:
  VerifyOptions options_;
  KeyCache cache_;
  // A deque: an Entry returned by add() stays where it is, and growing never moves the
  // entries (each holds a dozen strings).
  std::deque<Entry> entries_;
  std::unordered_map<std::string, size_t> jtis_;  // jti -> index of its first receipt
};

}  // namespace cg::verify
