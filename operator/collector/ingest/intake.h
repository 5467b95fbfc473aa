// One receipt in, one answer out: body extraction (request_body.h), verification with the
// core's verifier, the site checks, then the append (appender.h) and the ack. Independent
// of HTTP, so the pipeline can be tested and fuzzed without sockets.
//
// Answers (status, error code):
//   200  {"ack": "<ack JWS>"}     stored now, or stored before (the same ack again)
//   400  request.empty, request.json
//   403  receipt.origin           sent from a configured site that is not the receipt's aud
//   409  receipt.jti-conflict     another receipt with this jti is stored for the site
//   415  request.content-type
//   422  the verifier's code      structure.*, header.*, signature.*, payload.*; payload.aud
//                                 when aud is not one of the collector's sites
//   503  store.busy, store.unavailable, store.timeout (with Retry-After; retry)
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/appender.h"

namespace cg::collector {

struct IntakeOptions {
  std::vector<std::string> sites;  // origins served
  bool store_client_ip = false;
  std::chrono::milliseconds wait{10000};  // longest wait for the commit
};

struct IntakeReply {
  int status = 200;
  std::string body;  // JSON
  std::string code;  // error code, "" on success
  int retry_after_s = 0;
  // For the access log:
  std::string site;
  int64_t index = 0;
  bool duplicate = false;
  bool unsigned_ = false;
};

class Intake {
 public:
  Intake(IntakeOptions options, Appender& appender);

  IntakeReply receive(std::string_view content_type, std::string_view body, std::string_view origin,
                      std::string_view client_ip);

  const std::vector<std::string>& sites() const { return options_.sites; }
  bool serves(std::string_view origin) const;

 private:
  IntakeOptions options_;
  Appender& appender_;
};

// {"error": {"code": .., "message": ..}}
std::string error_body(std::string_view code, std::string_view message);

}  // namespace cg::collector
