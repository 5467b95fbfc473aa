#include "ingest/request_body.h"

#include <cctype>

#include "cg/json.h"

namespace cg::collector {
namespace {

std::string media_type(std::string_view content_type) {
  std::string_view t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  std::string out(t);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

BodyProblem extract_jws(std::string_view content_type, std::string_view body, std::string& jws) {
  std::string type = media_type(content_type);
  bool text = type == "application/jose" || type == "text/plain";
  if (!text && type != "application/json") {
    return {415, "request.content-type",
            "send the receipt as application/jose or text/plain (the JWS), or application/json "
            "({\"jws\": ...})"};
  }
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
  if (body.empty()) return {400, "request.empty", "the request has no receipt"};
  if (text) {
    jws.assign(body);
    return {};
  }
  json::Document doc;
  const json::Value* member = nullptr;
  if (!json::parse(body, doc) || !doc.IsObject() || doc.MemberCount() != 1 ||
      !(member = json::member(doc, "jws")) || !member->IsString()) {
    return {400, "request.json", "the JSON body must be {\"jws\": \"<compact JWS>\"}"};
  }
  jws.assign(json::string_of(*member));
  if (jws.empty()) return {400, "request.empty", "the request has no receipt"};
  return {};
}

}  // namespace cg::collector
