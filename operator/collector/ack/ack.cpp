#include "ack/ack.h"

#include "cg/json.h"
#include "cg/receipts/receipt.h"

namespace cg::collector {
namespace {

bool text(const json::Value& o, const char* name, std::string& out) {
  const json::Value* v = json::member(o, name);
  if (!v || !v->IsString()) return false;
  out = std::string(json::string_of(*v));
  return true;
}

bool integer(const json::Value& o, const char* name, int64_t& out) {
  const json::Value* v = json::member(o, name);
  if (!v || !v->IsInt64()) return false;
  out = v->GetInt64();
  return true;
}

}  // namespace

std::string ack_payload(const AckClaims& c) {
  json::Out out;
  out.object().key("site").str(c.site).key("jti").str(c.jti);
  out.key("receiptHash").str(c.receipt_hash).key("receiptStatus").str(c.receipt_status);
  out.key("iat").number(c.received_at_ms / 1000).key("receivedAt").number(c.received_at_ms);
  out.key("logIndex").number(c.log_index).key("logHead").str(c.log_head);
  out.end_object();
  return out.text();
}

std::string make_ack(const OperatorKey& key, const AckClaims& claims) {
  return sign_operator_jws(key, kAckType, ack_payload(claims));
}

Problem read_ack(std::string_view jws, const Keyring& keys, AckClaims& c) {
  JwsParts parts;
  if (Problem p = split_operator_jws(jws, kAckType, "ack", parts)) return p;
  json::Document doc;
  int64_t iat = 0;
  if (!json::parse(parts.payload, doc) || !doc.IsObject() || doc.MemberCount() != 8 ||
      !text(doc, "site", c.site) || !text(doc, "jti", c.jti) ||
      !text(doc, "receiptHash", c.receipt_hash) || !text(doc, "receiptStatus", c.receipt_status) ||
      !integer(doc, "iat", iat) || !integer(doc, "receivedAt", c.received_at_ms) ||
      !integer(doc, "logIndex", c.log_index) || !text(doc, "logHead", c.log_head))
    return {"ack.payload",
            "the payload is not an ack (members: site, jti, receiptHash, "
            "receiptStatus, iat, receivedAt, logIndex, logHead)"};
  if (iat != c.received_at_ms / 1000 || c.log_index < 1 || !receipts::valid_hash(c.receipt_hash) ||
      !receipts::valid_hash(c.log_head) ||
      (c.receipt_status != "valid" && c.receipt_status != "unsigned"))
    return {"ack.payload", "the ack's members have impossible values"};
  return keys.check(parts, iat, "ack");
}

}  // namespace cg::collector
