// `export`: stored receipts with their acks, for a site and time range or for one visitor
// key (a data subject's request). One JSON object per line:
//   {"site":..,"index":..,"receivedAt":"2026-01-01T10:00:00.123Z","jti":..,"kid":..|null,
//    "status":"valid"|"unsigned","jws":<receipt>,"ack":<ack JWS>[,"clientIp":..]}
// or, with --format json, the same objects in one JSON array, which cg-verify reads as is
// (it checks each "jws" and the visitors' chains).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/store.h"

namespace cg::collector {

std::string export_line(const Entry& entry);

struct ExportQuery {
  std::string site;  // with from/to
  int64_t from_ms = 0;
  int64_t to_ms = INT64_MAX;
  std::string kid;  // or one visitor key (then site is ignored)
};

// Calls `emit` for each matching entry, in order; returns how many. Throws StoreError.
int64_t export_entries(Store& store, const ExportQuery& query,
                       const std::function<void(const Entry&)>& emit);

}  // namespace cg::collector
