// Both stores through the Store interface: appends, idempotency, conflicts, queries,
// checkpoints, concurrent writers on separate connections, and the append-only guard.
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "ack/ack.h"
#include "both_stores.h"
#include "common/clock.h"
#include "common/files.h"
#include "forge.h"
#include "log/chain.h"
#include "log/checkpoint.h"
#include "log/checkpointing.h"
#include "log/log_verifier.h"
#include "verify/verifier.h"

using namespace cg::collector;
using namespace cg::collector::testing;

namespace {

const std::string kSite = "https://namo.kz";
const std::string kShop = "https://shop.namo.kz";

struct Signer {
  TempDir dir;
  std::shared_ptr<const Keyring> keys;
  Signer() {
    std::string kid, error;
    REQUIRE(Keyring::create(dir.file("keys"), 1767225000, kid, error));
    keys = Keyring::load(dir.file("keys"), true, error);
    REQUIRE(keys);
  }
  AckSigner sign() const {
    auto ring = keys;
    return [ring](const NewEntry& e, int64_t index, const std::string& prev) {
      return make_ack(*ring->active(),
                      {e.site, e.jti, e.receipt_hash, e.status, e.received_at_ms, index, prev});
    };
  }
};

NewEntry entry_for(const std::string& jws, int64_t at_ms = 1767225600000) {
  cg::verify::Verdict v = cg::verify::verify_receipt(jws, {});
  REQUIRE(v.status != cg::verify::Status::invalid);
  NewEntry e;
  e.site = v.receipt.aud;
  e.jti = v.receipt.jti;
  e.kid = v.receipt.kid;
  e.status = v.status == cg::verify::Status::valid ? "valid" : "unsigned";
  e.receipt = jws;
  e.receipt_hash = v.receipt.hash;
  e.received_at_ms = at_ms;
  return e;
}

std::vector<AppendOutcome> append(Store& store, const std::vector<NewEntry>& entries,
                                  const Signer& signer) {
  std::vector<const NewEntry*> batch;
  for (const NewEntry& e : entries) batch.push_back(&e);
  return store.append(batch, signer.sign());
}

void appends_and_queries(Backend backend) {
  TestDb db(backend);
  Signer signer;
  auto store = db.open();
  store->ensure_sites({kSite, kShop});
  auto heads = store->heads();
  REQUIRE(heads.size() == 2);
  CHECK(heads[0].size == 0);
  CHECK(heads[0].head == genesis_head_text(heads[0].site));

  Visitor alice = new_visitor(), bob = new_visitor();
  std::vector<NewEntry> first = {entry_for(signed_receipt(alice, kSite), 1767225601000),
                                 entry_for(signed_receipt(bob, kShop), 1767225602000),
                                 entry_for(signed_receipt(alice, kSite), 1767225603000),
                                 entry_for(unsigned_receipt(kSite), 1767225604000)};
  first[1].client_ip = "198.51.100.7";
  auto out = append(*store, first, signer);
  REQUIRE(out.size() == 4);
  CHECK(out[0].kind == AppendOutcome::stored);
  CHECK(out[0].index == 1);
  CHECK(out[1].index == 1);  // its own site's log
  CHECK(out[2].index == 2);
  CHECK(out[3].index == 3);

  SECTION("the acks describe the entries and chain the heads") {
    auto e1 = store->find(kSite, first[0].jti);
    auto e2 = store->find(kSite, first[2].jti);
    REQUIRE(e1);
    REQUIRE(e2);
    AckClaims a1, a2;
    REQUIRE_FALSE(read_ack(e1->ack, *signer.keys, a1));
    REQUIRE_FALSE(read_ack(e2->ack, *signer.keys, a2));
    CHECK(a1.log_index == 1);
    CHECK(a1.log_head == genesis_head_text(kSite));
    CHECK(a1.receipt_hash == first[0].receipt_hash);
    CHECK(a2.log_head == e1->head);
    std::string expected;
    REQUIRE(next_head_text(a2.log_head, a2.receipt_hash, e2->ack, expected));
    CHECK(e2->head == expected);
    CHECK(store->head(kSite)->size == 3);
    CHECK(e1->receipt == first[0].receipt);  // verbatim
    CHECK(store->find(kShop, first[1].jti)->client_ip == "198.51.100.7");
    CHECK(e1->client_ip.empty());
  }
  SECTION("re-appending returns the stored ack; another receipt under a used jti conflicts") {
    auto again = append(*store, {first[2], first[0]}, signer);
    CHECK(again[0].kind == AppendOutcome::duplicate);
    CHECK(again[0].ack == out[2].ack);
    CHECK(again[1].ack == out[0].ack);
    NewEntry clash = entry_for(signed_receipt(bob, kSite, first[0].jti));
    auto c = append(*store, {clash}, signer);
    CHECK(c[0].kind == AppendOutcome::conflict);
    CHECK(store->head(kSite)->size == 3);
  }
  SECTION("the same receipt twice in one batch is stored once") {
    NewEntry n = entry_for(signed_receipt(bob, kSite));
    auto twice = append(*store, {n, n}, signer);
    CHECK(twice[0].kind == AppendOutcome::stored);
    CHECK(twice[1].kind == AppendOutcome::duplicate);
    CHECK(twice[1].ack == twice[0].ack);
    CHECK(store->head(kSite)->size == 4);
  }
  SECTION("queries by index, time range and visitor key") {
    auto all = store->entries_after(kSite, 0, 100);
    REQUIRE(all.size() == 3);
    CHECK(all[0].index == 1);
    CHECK(all[2].status == "unsigned");
    CHECK(all[2].kid.empty());
    CHECK(store->entries_after(kSite, 1, 1).size() == 1);
    CHECK(store->entries_after(kSite, 1, 1)[0].index == 2);
    auto range = store->entries_between(kSite, 1767225602000, 1767225604000, 0, 100);
    REQUIRE(range.size() == 1);
    CHECK(range[0].jti == first[2].jti);
    auto mine = store->entries_of_key(alice.kid);
    REQUIRE(mine.size() == 2);
    CHECK(mine[0].jti == first[0].jti);
    CHECK(store->entries_of_key(bob.kid).size() == 1);
    CHECK_FALSE(store->find(kShop, first[0].jti));
  }
  SECTION("checkpoints are stored in order") {
    store->add_checkpoint({kSite, 3, "h3", 1767230000, "jws3"});
    store->add_checkpoint({kSite, 1, "h1", 1767220000, "jws1"});
    auto cps = store->checkpoints(kSite);
    REQUIRE(cps.size() == 2);
    CHECK(cps[0].size == 1);
    CHECK(cps[1].jws == "jws3");
    CHECK(store->checkpoints(kShop).empty());
  }
  SECTION("rows cannot be updated or deleted through SQL by mistake") {
    CHECK_THROWS(db.exec_raw("UPDATE cg_entries SET ack = 'x' WHERE idx = 1"));
    CHECK_THROWS(db.exec_raw("DELETE FROM cg_entries WHERE idx = 1"));
    store->add_checkpoint({kSite, 3, "h3", 1767230000, "jws3"});
    CHECK_THROWS(db.exec_raw("DELETE FROM cg_checkpoints"));
    CHECK(store->entries_after(kSite, 0, 100).size() == 3);
  }
  CHECK(store->ping());
}

// Several connections append to the same sites at once, as several collector processes
// would: the database serialises each site, so every log stays one unbroken chain.
void concurrent_writers(Backend backend) {
  TestDb db(backend);
  Signer signer;
  db.open()->ensure_sites({kSite, kShop});
  constexpr int kWriters = 4, kBatches = 15, kPerBatch = 5;
  std::vector<std::vector<NewEntry>> work(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    Visitor v = new_visitor();
    for (int i = 0; i < kBatches * kPerBatch; ++i)
      work[w].push_back(entry_for(signed_receipt(v, i % 3 ? kSite : kShop)));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      try {
        auto store = db.open();  // its own connection
        for (int b = 0; b < kBatches; ++b) {
          std::vector<NewEntry> batch(work[w].begin() + b * kPerBatch,
                                      work[w].begin() + (b + 1) * kPerBatch);
          for (const auto& o : append(*store, batch, signer))
            if (o.kind != AppendOutcome::stored) ++failures;
        }
      } catch (const std::exception& e) {
        UNSCOPED_INFO(e.what());
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  REQUIRE(failures == 0);
  auto store = db.open();
  int64_t total = store->head(kSite)->size + store->head(kShop)->size;
  CHECK(total == kWriters * kBatches * kPerBatch);
  std::set<int64_t> indices;
  for (const Entry& e : store->entries_after(kSite, 0, 10000)) indices.insert(e.index);
  CHECK(static_cast<int64_t>(indices.size()) == store->head(kSite)->size);
  CHECK(*indices.rbegin() == store->head(kSite)->size);
  LogReport report = verify_log(*store, *signer.keys, {});
  INFO(format_log_report(report));
  CHECK(report.ok());
}

}  // namespace

CG_BOTH_STORES("store: appends, duplicates, conflicts, queries", "[store]", appends_and_queries)
CG_BOTH_STORES("store: concurrent writers keep each site log one chain", "[store]",
               concurrent_writers)

namespace {

// serve's daily checkpoints: one per site when due and when the log has grown.
void checkpoint_schedule(Backend backend) {
  TestDb db(backend);
  Signer signer;
  auto store = db.open();
  store->ensure_sites({kSite, kShop});
  KeySource keys(signer.dir.file("keys"), signer.keys);
  LogCapture logs;
  TempDir out;
  CheckpointSchedule schedule(*store, keys, {kSite, kShop}, 86400, out.file("cp.jsonl"),
                              logs.logger);
  int64_t day = 1767225600;
  CHECK(schedule.run(day) == 2);  // no checkpoints yet: both, even empty
  CHECK(schedule.run(day + 3600) == 0);
  Visitor v = new_visitor();
  append(*store, {entry_for(signed_receipt(v, kSite))}, signer);
  CHECK(schedule.run(day + 3600) == 0);       // not a day yet
  CHECK(schedule.run(day + 86400) == 1);      // only the site that grew
  CHECK(schedule.run(day + 2 * 86400) == 0);  // nothing new since
  auto cps = store->checkpoints(kSite);
  REQUIRE(cps.size() == 2);
  CHECK(cps[1].size == 1);
  CHECK(cps[1].head == store->head(kSite)->head);
  std::string text, error;
  REQUIRE(cg::collector::read_file(out.file("cp.jsonl"), text, error));
  std::vector<std::string> lines;
  REQUIRE(read_checkpoint_lines(text, lines, error));
  CHECK(lines.size() == 3);
  CheckpointClaims claims;
  CHECK_FALSE(read_checkpoint(lines[2], *signer.keys, claims));
  CHECK(claims.size == 1);
}

}  // namespace

CG_BOTH_STORES("store: daily checkpoints when due and grown", "[store]", checkpoint_schedule)
