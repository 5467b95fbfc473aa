#include "log/export.h"

#include "cg/json.h"
#include "common/logger.h"

namespace cg::collector {

std::string export_line(const Entry& e) {
  json::Out out;
  out.object().key("site").str(e.site).key("index").number(e.index);
  out.key("receivedAt").str(iso_time_ms(e.received_at_ms)).key("jti").str(e.jti).key("kid");
  e.kid.empty() ? out.null() : out.str(e.kid);
  out.key("status").str(e.status).key("jws").str(e.receipt).key("ack").str(e.ack);
  if (!e.client_ip.empty()) out.key("clientIp").str(e.client_ip);
  out.end_object();
  return out.text();
}

int64_t export_entries(Store& store, const ExportQuery& q,
                       const std::function<void(const Entry&)>& emit) {
  int64_t count = 0;
  if (!q.kid.empty()) {
    for (const Entry& e : store.entries_of_key(q.kid)) {
      emit(e);
      ++count;
    }
    return count;
  }
  int64_t after = 0;
  for (;;) {
    std::vector<Entry> page = store.entries_between(q.site, q.from_ms, q.to_ms, after, 2000);
    if (page.empty()) return count;
    for (const Entry& e : page) emit(e);
    count += static_cast<int64_t>(page.size());
    after = page.back().index;
  }
}

}  // namespace cg::collector
