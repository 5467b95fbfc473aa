// What POST /receipts accepts, before the receipt itself is verified:
//   Content-Type application/jose (RFC 7515 §9.2.1) or text/plain: the body is the compact
//     JWS itself; trailing CR/LF are ignored. text/plain is what navigator.sendBeacon sends
//     for a string, and it needs no CORS preflight.
//   Content-Type application/json: {"jws": "<compact JWS>"}, strict JSON, no other member.
// Media types are matched without case; parameters (charset=...) are ignored.
#pragma once

#include <string>
#include <string_view>

namespace cg::collector {

struct BodyProblem {
  int status = 0;    // 0 when fine; 400 or 415
  std::string code;  // request.content-type, request.empty, request.json
  std::string message;
};

BodyProblem extract_jws(std::string_view content_type, std::string_view body, std::string& jws);

}  // namespace cg::collector
