#include "store/append.h"

#include "log/chain.h"

namespace cg::collector {

std::vector<AppendOutcome> append_batch(AppendTxn& txn, const std::vector<const NewEntry*>& batch,
                                        const AckSigner& sign) {
  std::map<std::string, std::vector<std::string>> jtis;  // sorted by site: the lock order
  for (const NewEntry* e : batch) jtis[e->site].push_back(e->jti);
  Locked locked = txn.lock(jtis);

  std::vector<AppendOutcome> out(batch.size());
  std::vector<Entry> entries;
  for (size_t i = 0; i < batch.size(); ++i) {
    const NewEntry& item = *batch[i];
    auto key = std::make_pair(item.site, item.jti);
    auto found = locked.entries.find(key);
    if (found != locked.entries.end()) {
      const Existing& e = found->second;
      bool same = e.receipt_hash == item.receipt_hash;
      out[i] = {same ? AppendOutcome::duplicate : AppendOutcome::conflict, e.index,
                same ? e.ack : std::string()};
      continue;
    }
    auto head = locked.heads.find(item.site);
    if (head == locked.heads.end()) throw StoreError("no log row for " + item.site);
    SiteHead& h = head->second;
    Entry entry;
    static_cast<NewEntry&>(entry) = item;
    entry.index = h.size + 1;
    entry.ack = sign(item, entry.index, h.head);
    if (entry.ack.empty()) throw StoreError("the operator key could not sign an ack");
    if (!next_head_text(h.head, item.receipt_hash, entry.ack, entry.head))
      throw StoreError("the stored head of " + item.site + " is not a hash");
    h.size = entry.index;
    h.head = entry.head;
    locked.entries[key] = {entry.index, item.receipt_hash, entry.ack};
    out[i] = {AppendOutcome::stored, entry.index, entry.ack};
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) return out;
  std::vector<SiteHead> heads;
  for (const auto& [site, h] : locked.heads) {
    for (const Entry& e : entries) {
      if (e.site == site) {
        heads.push_back(h);
        break;
      }
    }
  }
  txn.write(entries, heads);
  return out;
}

}  // namespace cg::collector
