#include "keys/operator_jws.h"

#include "cg/json.h"
#include "cg/receipts/base64url.h"

namespace cg::collector {

using receipts::b64url_decode;
using receipts::b64url_encode;

std::string sign_operator_jws(const OperatorKey& key, std::string_view typ,
                              std::string_view payload_json) {
  json::Out header;
  header.object().key("alg").str("ES256").key("typ").str(typ).key("kid").str(key.kid());
  header.end_object();
  std::string input = b64url_encode(header.text()) + "." + b64url_encode(payload_json), sig;
  if (!key.sign(input, sig)) return "";
  return input + "." + b64url_encode(sig);
}

Problem split_operator_jws(std::string_view jws, std::string_view typ, std::string_view what,
                           JwsParts& parts) {
  std::string prefix(what);
  size_t a = jws.find('.');
  size_t b = a == std::string_view::npos ? a : jws.find('.', a + 1);
  if (b == std::string_view::npos || jws.find('.', b + 1) != std::string_view::npos)
    return {prefix + ".structure", "not a compact JWS (three parts separated by '.')"};
  std::string header;
  if (!b64url_decode(jws.substr(0, a), header) ||
      !b64url_decode(jws.substr(a + 1, b - a - 1), parts.payload) ||
      !b64url_decode(jws.substr(b + 1), parts.signature))
    return {prefix + ".structure", "a part is not strict base64url"};
  json::Document doc;
  if (!json::parse(header, doc) || !doc.IsObject() || doc.MemberCount() != 3)
    return {prefix + ".header", "the header is not {alg, typ, kid}"};
  const json::Value* alg = json::member(doc, "alg");
  const json::Value* t = json::member(doc, "typ");
  const json::Value* kid = json::member(doc, "kid");
  if (!alg || !alg->IsString() || json::string_of(*alg) != "ES256")
    return {prefix + ".header", "alg must be ES256"};
  if (!t || !t->IsString() || json::string_of(*t) != typ)
    return {prefix + ".header", "typ must be " + std::string(typ)};
  if (!kid || !kid->IsString()) return {prefix + ".header", "kid missing"};
  parts.kid = std::string(json::string_of(*kid));
  parts.signing_input = std::string(jws.substr(0, b));
  return {};
}

}  // namespace cg::collector
