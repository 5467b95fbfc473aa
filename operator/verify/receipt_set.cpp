#include "verify/receipt_set.h"

#include <algorithm>

#include "cg/receipts/jwk.h"

namespace cg::verify {
namespace {

// Valid receipts of one key, sorted by seq.
using Chain = std::vector<const Entry*>;

std::map<std::string, Chain> chains_by_key(const std::deque<Entry>& entries) {
  std::map<std::string, Chain> out;
  for (const auto& e : entries) {
    if (e.verdict.status == Status::valid) out[e.verdict.receipt.kid].push_back(&e);
  }
  for (auto& [kid, chain] : out) {
    std::stable_sort(chain.begin(), chain.end(), [](const Entry* a, const Entry* b) {
      return a->verdict.receipt.seq < b->verdict.receipt.seq;
    });
  }
  return out;
}

std::string list(const std::vector<std::string>& sources) {
  std::string out;
  for (const auto& s : sources) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Findings for one key's chain: gaps, forks (two receipts at one seq) and broken links.
void check_chain(const std::string& kid, const Chain& chain, std::vector<ChainFinding>& out) {
  int64_t expected = 0;  // the next seq a contiguous chain would have
  for (size_t i = 0; i < chain.size();) {
    const Receipt& r = chain[i]->verdict.receipt;
    size_t j = i;  // [i, j) share one seq
    std::vector<std::string> here;
    while (j < chain.size() && chain[j]->verdict.receipt.seq == r.seq)
      here.push_back(chain[j++]->source);
    if (r.seq > expected) {
      out.push_back({ChainFinding::gap, kid, expected, r.seq - 1, here,
                     "seq " + std::to_string(expected) +
                         (r.seq - 1 > expected ? ".." + std::to_string(r.seq - 1) : "") +
                         " missing before " + list(here)});
    }
    if (here.size() > 1) {
      out.push_back({ChainFinding::fork, kid, r.seq, 0, here,
                     std::to_string(here.size()) + " receipts at seq " + std::to_string(r.seq) +
                         ": " + list(here)});
    }
    // Every receipt must link to one of the receipts at seq - 1, when those are present.
    bool previous_present = i > 0 && chain[i - 1]->verdict.receipt.seq == r.seq - 1;
    for (size_t k = i; k < j && previous_present; ++k) {
      const Receipt& mine = chain[k]->verdict.receipt;
      bool linked = false;
      for (size_t m = i; m-- > 0 && chain[m]->verdict.receipt.seq == r.seq - 1;) {
        linked = linked || chain[m]->verdict.receipt.hash == mine.prev;
      }
      if (!linked) {
        out.push_back({ChainFinding::broken_link,
                       kid,
                       r.seq,
                       0,
                       {chain[k]->source},
                       chain[k]->source + " (seq " + std::to_string(r.seq) +
                           "): prev is not the hash of any receipt at seq " +
                           std::to_string(r.seq - 1)});
      }
    }
    expected = r.seq + 1;
    i = j;
  }
}

std::string kid_of(std::string_view key) {
  std::string_view prefix = receipts::kThumbprintUrnPrefix;
  if (key.substr(0, prefix.size()) == prefix) key.remove_prefix(prefix.size());
  return std::string(key);
}

}  // namespace

std::string_view finding_code(ChainFinding::Kind k) {
  switch (k) {
    case ChainFinding::gap: return "chain.gap";
    case ChainFinding::fork: return "chain.fork";
    case ChainFinding::broken_link: return "chain.broken";
  }
  return "chain.broken";
}

std::string_view outcome_name(Answer::Outcome o) {
  switch (o) {
    case Answer::given: return "given";
    case Answer::refused: return "refused";
    case Answer::expired: return "expired";
    case Answer::not_covered: return "not-covered";
    case Answer::no_receipt: return "no-receipt";
    case Answer::ambiguous: return "ambiguous";
  }
  return "no-receipt";
}

const Entry& ReceiptSet::add(std::string_view jws, std::string source) {
  Verdict v = verify_receipt(jws, options_, &cache_);
  if (v.status != Status::invalid) {
    auto [it, fresh] = jtis_.emplace(v.receipt.jti, entries_.size());
    if (!fresh) {
      const Entry& first = entries_[it->second];
      bool copy = first.verdict.receipt.hash == v.receipt.hash;
      v.status = Status::invalid;
      v.code = "set.duplicate-jti";
      v.message = "jti " + v.receipt.jti + " was already used by " + first.source +
                  (copy ? " (an identical copy)" : " (a different receipt)");
    }
  }
  entries_.push_back({std::move(source), std::move(v)});
  return entries_.back();
}

const Entry& ReceiptSet::add_unreadable(std::string source, std::string code, std::string message) {
  Verdict v;
  v.code = std::move(code);
  v.message = std::move(message);
  entries_.push_back({std::move(source), std::move(v)});
  return entries_.back();
}

std::vector<ChainFinding> ReceiptSet::chains() const {
  std::vector<ChainFinding> out;
  for (const auto& [kid, chain] : chains_by_key(entries_)) check_chain(kid, chain, out);
  return out;
}

Answer ReceiptSet::query(std::string_view key, std::string_view purpose, int64_t at) const {
  Answer a;
  std::string kid = kid_of(key);
  auto all = chains_by_key(entries_);
  auto found = all.find(kid);
  std::vector<const Entry*> candidates;
  if (found != all.end()) {
    for (const Entry* e : found->second) {
      if (e->verdict.receipt.iat <= at) candidates.push_back(e);
    }
  }
  for (const auto& f : chains()) {
    if (f.kid == kid) a.caveats.push_back(std::string(finding_code(f.kind)) + ": " + f.message);
  }
  if (candidates.empty()) return a;
  int64_t top = candidates.back()->verdict.receipt.seq;
  std::vector<int> answers;  // per receipt at `top`: 1 given, 0 refused, -1 not covered
  for (const Entry* e : candidates) {
    if (e->verdict.receipt.seq != top) continue;
    int said = -1;
    for (const auto& [p, given] : e->verdict.receipt.decisions) {
      if (p == purpose) said = given ? 1 : 0;
    }
    answers.push_back(said);
    a.receipt = e;
  }
  if (std::any_of(answers.begin(), answers.end(), [&](int x) { return x != answers[0]; })) {
    a.outcome = Answer::ambiguous;
    return a;
  }
  if (answers[0] < 0)
    a.outcome = Answer::not_covered;
  else if (answers[0] == 0)
    a.outcome = Answer::refused;
  else
    a.outcome = at > a.receipt->verdict.receipt.exp ? Answer::expired : Answer::given;
  return a;
}

ReceiptSet::Summary ReceiptSet::summary() const {
  Summary s;
  s.total = entries_.size();
  for (const auto& e : entries_) {
    if (e.verdict.status == Status::valid)
      ++s.valid;
    else if (e.verdict.status == Status::unsigned_)
      ++s.unsigned_;
    else
      ++s.invalid;
  }
  s.keys = chains_by_key(entries_).size();
  s.chain_findings = chains().size();
  return s;
}

}  // namespace cg::verify
