#include "store/pg_store.h"

#include <pqxx/pqxx>

#include "log/chain.h"
#include "store/append.h"

namespace cg::collector {
namespace {

constexpr const char* kSchema[] = {
    // One migration at a time, whichever process starts first.
    "SELECT pg_advisory_xact_lock(7317001)",
    "CREATE TABLE IF NOT EXISTS cg_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO cg_meta (name, value) VALUES ('schema', '1') ON CONFLICT DO NOTHING",
    "CREATE TABLE IF NOT EXISTS cg_sites (site TEXT PRIMARY KEY, size BIGINT NOT NULL, "
    "head TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cg_entries (site TEXT NOT NULL, idx BIGINT NOT NULL, "
    "jti TEXT NOT NULL, kid TEXT NOT NULL, status TEXT NOT NULL, received_at BIGINT NOT NULL, "
    "receipt TEXT NOT NULL, receipt_hash TEXT NOT NULL, ack TEXT NOT NULL, head TEXT NOT NULL, "
    "client_ip TEXT, PRIMARY KEY (site, idx), UNIQUE (site, jti))",
    // Keep rows of ordinary receipts (2-3 KB with the ack) inline and uncompressed: TOAST's
    // pglz compression of every receipt cost more CPU than anything else in an append.
    "ALTER TABLE cg_entries SET (toast_tuple_target = 8160)",
    "CREATE INDEX IF NOT EXISTS cg_entries_kid ON cg_entries (kid)",
    "CREATE INDEX IF NOT EXISTS cg_entries_time ON cg_entries (site, received_at)",
    "CREATE TABLE IF NOT EXISTS cg_checkpoints (id BIGSERIAL PRIMARY KEY, site TEXT NOT NULL, "
    "size BIGINT NOT NULL, head TEXT NOT NULL, created_at BIGINT NOT NULL, jws TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS cg_checkpoints_site ON cg_checkpoints (site, size)",
    // Append-only, as a guard against mistakes (see sqlite_store.cpp).
    "CREATE OR REPLACE FUNCTION cg_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END$$",
    "DO $$BEGIN "
    "IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'cg_entries_append_only') THEN "
    "CREATE TRIGGER cg_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON cg_entries "
    "FOR EACH STATEMENT EXECUTE FUNCTION cg_append_only(); END IF; "
    "IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'cg_checkpoints_append_only') THEN "
    "CREATE TRIGGER cg_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "
    "cg_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION cg_append_only(); END IF; END$$",
};

#define CG_ENTRY_SELECT                                                                 \
  "SELECT site, idx, jti, kid, status, received_at, receipt, receipt_hash, ack, head, " \
  "COALESCE(client_ip, '') FROM cg_entries "

Entry read_entry(const pqxx::row& r) {
  Entry e;
  e.site = r[0].as<std::string>();
  e.index = r[1].as<int64_t>();
  e.jti = r[2].as<std::string>();
  e.kid = r[3].as<std::string>();
  e.status = r[4].as<std::string>();
  e.received_at_ms = r[5].as<int64_t>();
  e.receipt = r[6].as<std::string>();
  e.receipt_hash = r[7].as<std::string>();
  e.ack = r[8].as<std::string>();
  e.head = r[9].as<std::string>();
  e.client_ip = r[10].as<std::string>();
  return e;
}

std::vector<Entry> read_entries(const pqxx::result& result) {
  std::vector<Entry> out;
  out.reserve(result.size());
  for (const auto& row : result) out.push_back(read_entry(row));
  return out;
}

// An array literal: {"a","b",NULL} with '"' and '\' escaped; `null_if_empty` writes NULL
// for empty strings.
std::string array_literal(const std::vector<const std::string*>& items,
                          bool null_if_empty = false) {
  std::string out = "{";
  for (const std::string* item : items) {
    if (out.size() > 1) out += ',';
    if (null_if_empty && item->empty()) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char c : *item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string number_array(const std::vector<int64_t>& items) {
  std::string out = "{";
  for (int64_t n : items) {
    if (out.size() > 1) out += ',';
    out += std::to_string(n);
  }
  return out + "}";
}

// Round trips are what an append costs on PostgreSQL, so a batch takes three statements
// whatever its size (prepared once per connection): lock the site rows, look up the
// batch's jtis (after the locks, so with a snapshot that sees what the previous holder
// committed), write every entry and head.
constexpr char kLock[] =
    "SELECT site, size, head FROM cg_sites WHERE site = ANY($1::text[]) ORDER BY site FOR UPDATE";
constexpr char kExisting[] =
    "SELECT e.site, e.jti, e.idx, e.receipt_hash, e.ack FROM cg_entries e "
    "JOIN unnest($1::text[], $2::text[]) AS k(site, jti) ON e.site = k.site AND e.jti = k.jti";
constexpr char kWrite[] =
    "WITH ins AS (INSERT INTO cg_entries (site, idx, jti, kid, status, received_at, receipt, "
    "receipt_hash, ack, head, client_ip) SELECT * FROM unnest($1::text[], $2::bigint[], "
    "$3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[], "
    "$10::text[], $11::text[])) "
    "UPDATE cg_sites s SET size = v.size, head = v.head "
    "FROM unnest($12::text[], $13::bigint[], $14::text[]) AS v(site, size, head) "
    "WHERE s.site = v.site";

class PgTxn final : public AppendTxn {
 public:
  explicit PgTxn(pqxx::work& tx) : tx_(tx) {}

  Locked lock(const std::map<std::string, std::vector<std::string>>& jtis) override {
    std::vector<const std::string*> sites;
    for (const auto& entry : jtis) sites.push_back(&entry.first);
    Locked out;
    read_heads(tx_.exec_prepared("cg_lock", array_literal(sites)), out);
    if (out.heads.size() < sites.size()) {  // a site without a row yet: create, lock again
      for (const std::string* site : sites) {
        tx_.exec_params(
            "INSERT INTO cg_sites (site, size, head) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING",
            *site, genesis_head_text(*site));
      }
      out.heads.clear();
      read_heads(tx_.exec_prepared("cg_lock", array_literal(sites)), out);
    }
    std::vector<const std::string*> key_sites, key_jtis;
    for (const auto& [site, list] : jtis) {
      for (const std::string& jti : list) {
        key_sites.push_back(&site);
        key_jtis.push_back(&jti);
      }
    }
    for (const auto& r :
         tx_.exec_prepared("cg_existing", array_literal(key_sites), array_literal(key_jtis))) {
      out.entries[{r[0].as<std::string>(), r[1].as<std::string>()}] = {
          r[2].as<int64_t>(), r[3].as<std::string>(), r[4].as<std::string>()};
    }
    return out;
  }

  void write(const std::vector<Entry>& entries, const std::vector<SiteHead>& heads) override {
    std::vector<const std::string*> site, jti, kid, status, receipt, hash, ack, head, ip;
    std::vector<int64_t> index, received;
    for (const Entry& e : entries) {
      site.push_back(&e.site);
      index.push_back(e.index);
      jti.push_back(&e.jti);
      kid.push_back(&e.kid);
      status.push_back(&e.status);
      received.push_back(e.received_at_ms);
      receipt.push_back(&e.receipt);
      hash.push_back(&e.receipt_hash);
      ack.push_back(&e.ack);
      head.push_back(&e.head);
      ip.push_back(&e.client_ip);
    }
    std::vector<const std::string*> head_site, head_head;
    std::vector<int64_t> head_size;
    for (const SiteHead& h : heads) {
      head_site.push_back(&h.site);
      head_size.push_back(h.size);
      head_head.push_back(&h.head);
    }
    tx_.exec_prepared("cg_write", array_literal(site), number_array(index), array_literal(jti),
                      array_literal(kid), array_literal(status), number_array(received),
                      array_literal(receipt), array_literal(hash), array_literal(ack),
                      array_literal(head), array_literal(ip, true), array_literal(head_site),
                      number_array(head_size), array_literal(head_head));
  }

 private:
  static void read_heads(const pqxx::result& r, Locked& out) {
    for (const auto& row : r) {
      std::string site = row[0].as<std::string>();
      out.heads[site] = {site, row[1].as<int64_t>(), row[2].as<std::string>()};
    }
  }

  pqxx::work& tx_;
};

}  // namespace

template <class F>
auto PgStore::guarded(F&& body) {
  try {
    return body(connection());
  } catch (const StoreError&) {
    throw;
  } catch (const pqxx::broken_connection& e) {
    conn_.reset();  // reconnect on the next call
    throw StoreError(std::string("postgresql connection lost: ") + e.what());
  } catch (const std::exception& e) {
    if (conn_ && !conn_->is_open()) conn_.reset();
    throw StoreError(std::string("postgresql: ") + e.what());
  }
}

PgStore::PgStore(const std::string& conninfo) : conninfo_(conninfo) {
  guarded([](pqxx::connection& c) {
    pqxx::work tx(c);
    for (const char* sql : kSchema) tx.exec(sql);
    tx.commit();
    return 0;
  });
}

PgStore::~PgStore() = default;

pqxx::connection& PgStore::connection() {
  if (!conn_) {
    conn_ = std::make_unique<pqxx::connection>(conninfo_);
    // Plan each execution for its actual arguments and the table as it is now: a generic
    // plan made while cg_entries was small hash-joins it with a full scan forever after.
    pqxx::nontransaction(*conn_).exec("SET plan_cache_mode = force_custom_plan");
    conn_->prepare("cg_lock", kLock);
    conn_->prepare("cg_existing", kExisting);
    conn_->prepare("cg_write", kWrite);
  }
  return *conn_;
}

std::string PgStore::describe() const {
  return "postgresql";  // the connection string may hold a password
}

void PgStore::ensure_sites(const std::vector<std::string>& sites) {
  guarded([&](pqxx::connection& c) {
    pqxx::work tx(c);
    for (const std::string& site : sites) {
      tx.exec_params(
          "INSERT INTO cg_sites (site, size, head) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING", site,
          genesis_head_text(site));
    }
    tx.commit();
    return 0;
  });
}

std::vector<AppendOutcome> PgStore::append(const std::vector<const NewEntry*>& batch,
                                           const AckSigner& sign) {
  return guarded([&](pqxx::connection& c) {
    pqxx::work tx(c);
    PgTxn txn(tx);
    std::vector<AppendOutcome> out = append_batch(txn, batch, sign);
    tx.commit();
    return out;
  });
}

std::vector<SiteHead> PgStore::heads() {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    std::vector<SiteHead> out;
    for (const auto& r : tx.exec("SELECT site, size, head FROM cg_sites ORDER BY site"))
      out.push_back({r[0].as<std::string>(), r[1].as<int64_t>(), r[2].as<std::string>()});
    return out;
  });
}

std::vector<std::string> PgStore::logged_sites() {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    std::vector<std::string> out;
    for (const auto& r :
         tx.exec("SELECT site FROM cg_entries UNION SELECT site FROM cg_checkpoints "
                 "ORDER BY site"))
      out.push_back(r[0].as<std::string>());
    return out;
  });
}

std::optional<SiteHead> PgStore::head(const std::string& site) {
  return guarded([&](pqxx::connection& c) -> std::optional<SiteHead> {
    pqxx::nontransaction tx(c);
    pqxx::result r = tx.exec_params("SELECT site, size, head FROM cg_sites WHERE site = $1", site);
    if (r.empty()) return std::nullopt;
    return SiteHead{r[0][0].as<std::string>(), r[0][1].as<int64_t>(), r[0][2].as<std::string>()};
  });
}

std::optional<Entry> PgStore::find(const std::string& site, const std::string& jti) {
  return guarded([&](pqxx::connection& c) -> std::optional<Entry> {
    pqxx::nontransaction tx(c);
    pqxx::result r = tx.exec_params(CG_ENTRY_SELECT "WHERE site = $1 AND jti = $2", site, jti);
    if (r.empty()) return std::nullopt;
    return read_entry(r[0]);
  });
}

std::vector<Entry> PgStore::entries_after(const std::string& site, int64_t after, size_t limit) {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    return read_entries(tx.exec_params(CG_ENTRY_SELECT
                                       "WHERE site = $1 AND idx > $2 ORDER BY idx LIMIT $3",
                                       site, after, static_cast<int64_t>(limit)));
  });
}

std::vector<Entry> PgStore::entries_between(const std::string& site, int64_t from_ms, int64_t to_ms,
                                            int64_t after, size_t limit) {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    return read_entries(tx.exec_params(CG_ENTRY_SELECT
                                       "WHERE site = $1 AND idx > $2 AND received_at >= $3 AND "
                                       "received_at < $4 ORDER BY idx LIMIT $5",
                                       site, after, from_ms, to_ms, static_cast<int64_t>(limit)));
  });
}

std::vector<Entry> PgStore::entries_of_key(const std::string& kid) {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    return read_entries(tx.exec_params(CG_ENTRY_SELECT "WHERE kid = $1 ORDER BY site, idx", kid));
  });
}

void PgStore::add_checkpoint(const StoredCheckpoint& cp) {
  guarded([&](pqxx::connection& c) {
    pqxx::work tx(c);
    tx.exec_params(
        "INSERT INTO cg_checkpoints (site, size, head, created_at, jws) VALUES ($1, $2, $3, $4, "
        "$5)",
        cp.site, cp.size, cp.head, cp.created_at, cp.jws);
    tx.commit();
    return 0;
  });
}

std::vector<StoredCheckpoint> PgStore::checkpoints(const std::string& site) {
  return guarded([&](pqxx::connection& c) {
    pqxx::nontransaction tx(c);
    std::vector<StoredCheckpoint> out;
    for (const auto& r :
         tx.exec_params("SELECT site, size, head, created_at, jws FROM cg_checkpoints WHERE "
                        "site = $1 ORDER BY size, created_at, id",
                        site)) {
      out.push_back({r[0].as<std::string>(), r[1].as<int64_t>(), r[2].as<std::string>(),
                     r[3].as<int64_t>(), r[4].as<std::string>()});
    }
    return out;
  });
}

bool PgStore::ping() {
  try {
    return guarded([](pqxx::connection& c) {
      pqxx::nontransaction tx(c);
      return tx.exec("SELECT 1")[0][0].as<int>() == 1;
    });
  } catch (const StoreError&) {
    return false;
  }
}

}  // namespace cg::collector
