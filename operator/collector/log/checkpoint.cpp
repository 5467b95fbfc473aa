#include "log/checkpoint.h"

#include "cg/json.h"
#include "cg/receipts/receipt.h"

namespace cg::collector {

std::string make_checkpoint(const OperatorKey& key, const CheckpointClaims& c) {
  json::Out out;
  out.object().key("site").str(c.site).key("size").number(c.size).key("head").str(c.head);
  out.key("iat").number(c.iat).end_object();
  return sign_operator_jws(key, kCheckpointType, out.text());
}

Problem read_checkpoint(std::string_view jws, const Keyring& keys, CheckpointClaims& c) {
  JwsParts parts;
  if (Problem p = split_operator_jws(jws, kCheckpointType, "checkpoint", parts)) return p;
  json::Document doc;
  const json::Value *site, *size, *head, *iat;
  if (!json::parse(parts.payload, doc) || !doc.IsObject() || doc.MemberCount() != 4 ||
      !(site = json::member(doc, "site")) || !site->IsString() ||
      !(size = json::member(doc, "size")) || !size->IsInt64() || size->GetInt64() < 0 ||
      !(head = json::member(doc, "head")) || !head->IsString() ||
      !receipts::valid_hash(json::string_of(*head)) || !(iat = json::member(doc, "iat")) ||
      !iat->IsInt64())
    return {"checkpoint.payload", "the payload is not {site, size, head, iat}"};
  c.site = std::string(json::string_of(*site));
  c.size = size->GetInt64();
  c.head = std::string(json::string_of(*head));
  c.iat = iat->GetInt64();
  return keys.check(parts, c.iat, "checkpoint");
}

std::string checkpoint_line(std::string_view jws, const CheckpointClaims& c, std::string_view kid) {
  json::Out out;
  out.object().key("checkpoint").str(jws).key("site").str(c.site).key("size").number(c.size);
  out.key("head").str(c.head).key("iat").number(c.iat).key("kid").str(kid).end_object();
  return out.text();
}

bool read_checkpoint_lines(std::string_view text, std::vector<std::string>& out,
                           std::string& error) {
  size_t number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) continue;
    if (line.front() != '{') {
      out.emplace_back(line);
      continue;
    }
    json::Document doc;
    const json::Value* jws = nullptr;
    if (!json::parse(line, doc) || !(jws = json::member(doc, "checkpoint")) || !jws->IsString()) {
      error = "line " + std::to_string(number) + ": not a checkpoint export line";
      return false;
    }
    out.emplace_back(json::string_of(*jws));
  }
  return true;
}

}  // namespace cg::collector
