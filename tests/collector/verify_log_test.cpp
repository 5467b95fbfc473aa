// `verify` against a database changed behind the collector's back, on both stores: every
// kind of edit or deletion is reported, and an intact log passes.
#include <catch2/catch.hpp>
#include <fstream>

#include "both_stores.h"
#include "common/files.h"
#include "forge.h"
#include "log/checkpoint.h"
#include "log/checkpointing.h"
#include "log/log_verifier.h"
#include "verify/verifier.h"

using namespace cg::collector;
using namespace cg::collector::testing;

namespace {

const std::string kSite = TestCollector::kSite;
const std::string kShop = TestCollector::kOtherSite;

std::vector<std::string> codes(const LogReport& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.problems) out.push_back(f.code);
  return out;
}

bool has(const LogReport& r, const std::string& code) {
  for (const Finding& f : r.problems) {
    if (f.code == code) return true;
  }
  return false;
}

// What an attacker with database access does first.
void drop_guards(const TestDb& db) {
  if (db.backend() == Backend::sqlite) {
    db.exec_raw(
        "DROP TRIGGER cg_entries_no_update; DROP TRIGGER cg_entries_no_delete; "
        "DROP TRIGGER cg_checkpoints_no_update; DROP TRIGGER cg_checkpoints_no_delete;");
  } else {
    db.exec_raw(
        "DROP TRIGGER cg_entries_append_only ON cg_entries; "
        "DROP TRIGGER cg_checkpoints_append_only ON cg_checkpoints;");
  }
}

std::string sql_text(const std::string& s) {
  return "'" + s + "'";  // JWS and base64url text hold no quotes
}

void tamper_detection(Backend backend) {
  TestCollector c(backend);
  Visitor v = new_visitor();
  std::vector<std::string> receipts;
  for (int i = 0; i < 6; ++i) {
    receipts.push_back(signed_receipt(v, kSite));
    REQUIRE(c.post(receipts.back())->status == 200);
  }
  REQUIRE(c.post(signed_receipt(v, kShop))->status == 200);
  c.stop();

  auto store = c.db().open();
  std::string error;
  auto signing = Keyring::load(c.config().key_dir, true, error);
  REQUIRE(signing);
  // A checkpoint at 6 entries, stored and exported to a file kept elsewhere.
  TempDir elsewhere;
  std::string file = elsewhere.file("checkpoints.jsonl");
  for (const std::string& site : {kSite, kShop}) {
    StoredCheckpoint cp = checkpoint_site(*store, *signing->active(), site, system_clock().now_s());
    REQUIRE(append_line_durable(file, checkpoint_export_line(cp, signing->active()->kid()), error));
  }
  std::string text;
  LogVerifyOptions options;
  REQUIRE(read_file(file, text, error));
  REQUIRE(read_checkpoint_lines(text, options.extra_checkpoints, error));
  auto keys = c.keys();
  auto verify = [&] {
    LogReport r = verify_log(*store, *keys, options);
    UNSCOPED_INFO(format_log_report(r));
    return r;
  };

  SECTION("intact") {
    LogReport r = verify();
    CHECK(r.ok());
    REQUIRE(r.sites.size() == 2);
    CHECK(r.sites[0].entries + r.sites[1].entries == 7);
    CHECK(r.sites[0].checkpoints == 3);  // made at start-up (size 0), stored, file
  }
  SECTION("a receipt replaced by another genuine one") {
    drop_guards(c.db());
    Visitor mallory = new_visitor();
    std::string jti = cg::verify::verify_receipt(receipts[2], {}).receipt.jti;
    c.db().exec_raw(
        "UPDATE cg_entries SET receipt = " + sql_text(signed_receipt(mallory, kSite, jti)) +
        " WHERE idx = 3 AND site = " + sql_text(kSite));
    LogReport r = verify();
    CHECK(has(r, "ack.receipt-hash"));
    CHECK(has(r, "entry.columns"));
    CHECK(has(r, "checkpoint.mismatch"));
  }
  SECTION("a receipt edited in place") {
    drop_guards(c.db());
    std::string edited = receipts[1];
    edited[edited.find('.') + 30] ^= 1;
    c.db().exec_raw("UPDATE cg_entries SET receipt = " + sql_text(edited) + " WHERE idx = 2");
    LogReport r = verify();
    CHECK(has(r, "entry.receipt"));
    CHECK(has(r, "ack.receipt-hash"));
  }
  SECTION("a row deleted in the middle") {
    drop_guards(c.db());
    c.db().exec_raw("DELETE FROM cg_entries WHERE idx = 3 AND site = " + sql_text(kSite));
    LogReport r = verify();
    CHECK(codes(r).front() == "log.gap");
    CHECK(has(r, "checkpoint.mismatch"));
    CHECK(r.problems.front().index == 4);
  }
  SECTION("the newest rows deleted and the head row rewritten to match") {
    drop_guards(c.db());
    auto fourth = store->entries_after(kSite, 3, 1).at(0);
    c.db().exec_raw("DELETE FROM cg_entries WHERE idx > 4 AND site = " + sql_text(kSite));
    c.db().exec_raw("UPDATE cg_sites SET size = 4, head = " + sql_text(fourth.head) +
                    " WHERE site = " + sql_text(kSite));
    LogReport r = verify();
    CHECK(codes(r) == std::vector<std::string>{"checkpoint.truncated", "checkpoint.truncated"});
    // Deleting the stored checkpoints too leaves the exported one to tell.
    c.db().exec_raw("DELETE FROM cg_checkpoints");
    LogReport again = verify();
    CHECK(codes(again) == std::vector<std::string>{"checkpoint.truncated"});
  }
  SECTION("acks swapped between rows") {
    drop_guards(c.db());
    auto rows = store->entries_after(kSite, 0, 10);
    c.db().exec_raw("UPDATE cg_entries SET ack = " + sql_text(rows[2].ack) + " WHERE idx = 2");
    c.db().exec_raw("UPDATE cg_entries SET ack = " + sql_text(rows[1].ack) + " WHERE idx = 3");
    LogReport r = verify();
    CHECK(has(r, "ack.mismatch"));
    CHECK(has(r, "ack.link"));
  }
  SECTION("a head column edited") {
    drop_guards(c.db());
    auto rows = store->entries_after(kSite, 0, 10);
    c.db().exec_raw("UPDATE cg_entries SET head = " + sql_text(rows[0].head) + " WHERE idx = 5");
    CHECK(codes(verify()) == std::vector<std::string>{"entry.head"});
  }
  SECTION("a site's whole log removed") {
    drop_guards(c.db());
    c.db().exec_raw("DELETE FROM cg_entries WHERE site = " + sql_text(kShop));
    c.db().exec_raw("DELETE FROM cg_sites WHERE site = " + sql_text(kShop));
    LogReport r = verify();
    CHECK(has(r, "site.missing"));  // its stored checkpoints remain
    CHECK(has(r, "checkpoint.truncated"));
    c.db().exec_raw("DELETE FROM cg_checkpoints WHERE site = " + sql_text(kShop));
    CHECK(has(verify(), "checkpoint.site-missing"));  // the exported one remains
  }
  SECTION("a site's row deleted: its entries are still checked, whatever cg_sites says") {
    drop_guards(c.db());
    c.db().exec_raw("DELETE FROM cg_sites WHERE site = " + sql_text(kSite));
    LogReport r = verify();
    CHECK(codes(r) == std::vector<std::string>{"site.missing"});
    CHECK_FALSE(r.ok());
    REQUIRE(r.sites.size() == 2);
    c.db().exec_raw("UPDATE cg_entries SET receipt = 'garbage' WHERE idx = 2 AND site = " +
                    sql_text(kSite));
    CHECK(has(verify(), "entry.receipt"));
  }
  SECTION("a checkpoint not signed by the operator") {
    TempDir other;
    std::string kid;
    REQUIRE(Keyring::create(other.file("k"), 1767225000, kid, error));
    auto foreign = Keyring::load(other.file("k"), true, error);
    options.extra_checkpoints.push_back(make_checkpoint(
        *foreign->active(), {kSite, 6, store->head(kSite)->head, system_clock().now_s()}));
    CHECK(codes(verify()) == std::vector<std::string>{"checkpoint.kid"});
  }
}

}  // namespace

CG_BOTH_STORES("verify: edits and deletions behind the collector's back are reported", "[verify]",
               tamper_detection)
