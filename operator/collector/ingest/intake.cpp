#include "ingest/intake.h"

#include <algorithm>

#include "cg/json.h"
#include "ingest/request_body.h"
#include "verify/verifier.h"

namespace cg::collector {
namespace {

IntakeReply error(int status, std::string code, std::string_view message, int retry_after = 0) {
  IntakeReply r;
  r.status = status;
  r.body = error_body(code, message);
  r.code = std::move(code);
  r.retry_after_s = retry_after;
  return r;
}

// Decoded visitor keys, per HTTP thread; bounded so a flood of fresh keys cannot grow it.
verify::KeyCache& key_cache() {
  thread_local verify::KeyCache cache;
  if (cache.size() > 4096) cache = verify::KeyCache();
  return cache;
}

}  // namespace

std::string error_body(std::string_view code, std::string_view message) {
  json::Out out;
  out.object().key("error").object().key("code").str(code).key("message").str(message);
  out.end_object().end_object();
  return out.text();
}

Intake::Intake(IntakeOptions options, Appender& appender)
    : options_(std::move(options)), appender_(appender) {}

bool Intake::serves(std::string_view origin) const {
  return std::find(options_.sites.begin(), options_.sites.end(), origin) != options_.sites.end();
}

IntakeReply Intake::receive(std::string_view content_type, std::string_view body,
                            std::string_view origin, std::string_view client_ip) {
  std::string jws;
  BodyProblem problem = extract_jws(content_type, body, jws);
  if (problem.status) return error(problem.status, problem.code, problem.message);

  verify::Verdict verdict = verify::verify_receipt(jws, {}, &key_cache());
  if (verdict.status == verify::Status::invalid) return error(422, verdict.code, verdict.message);
  const verify::Receipt& receipt = verdict.receipt;
  if (!serves(receipt.aud))
    return error(422, "payload.aud", "this collector does not keep receipts for " + receipt.aud);
  if (!origin.empty() && origin != receipt.aud)
    return error(403, "receipt.origin",
                 "a receipt for " + receipt.aud + " was sent from " + std::string(origin));

  NewEntry entry;
  entry.site = receipt.aud;
  entry.jti = receipt.jti;
  entry.kid = receipt.kid;
  entry.status = verdict.status == verify::Status::valid ? "valid" : "unsigned";
  entry.receipt = std::move(jws);
  entry.receipt_hash = receipt.hash;
  if (options_.store_client_ip) entry.client_ip = std::string(client_ip);
  bool unsigned_receipt = verdict.status == verify::Status::unsigned_;

  auto future = appender_.submit(std::move(entry));
  if (!future) return error(503, "store.busy", "the collector is busy; retry shortly", 1);
  if (future->wait_for(options_.wait) != std::future_status::ready)
    return error(503, "store.timeout", "the receipt could not be stored in time; retry", 1);
  AppendResult result = future->get();
  if (!result.ok)
    return error(503, "store.unavailable", "the receipt could not be stored; retry", 5);
  if (result.outcome.kind == AppendOutcome::conflict)
    return error(409, "receipt.jti-conflict",
                 "another receipt with this jti is stored for " + receipt.aud);

  IntakeReply reply;
  json::Out out;
  out.object().key("ack").str(result.outcome.ack).end_object();
  reply.body = out.text();
  reply.site = receipt.aud;
  reply.index = result.outcome.index;
  reply.duplicate = result.outcome.kind == AppendOutcome::duplicate;
  reply.unsigned_ = unsigned_receipt;
  return reply;
}

}  // namespace cg::collector
