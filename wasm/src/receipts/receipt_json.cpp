#include "cg/receipts/receipt_json.h"

#include <initializer_list>

namespace cg::receipts {
namespace {

using json::Value;

struct Reader {
  Error& error;

  bool fail(std::string field, std::string message) {
    if (error.message.empty()) error = {std::move(field), std::move(message)};
    return false;
  }

  bool only(const Value& obj, const std::string& at, std::initializer_list<std::string_view> keys) {
    if (!obj.IsObject())
      return fail(at.empty() ? "" : at.substr(0, at.size() - 1), "must be an object");
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
      bool known = false;
      for (auto k : keys) known = known || k == json::string_of(it->name);
      if (!known)
        return fail(at + std::string(json::string_of(it->name)), "is not a receipt field");
    }
    return true;
  }

  const Value* get(const Value& obj, const std::string& at, std::string_view key) {
    const Value* v = json::member(obj, key);
    if (!v) fail(at + std::string(key), "is required");
    return v;
  }

  bool str(const Value& obj, const std::string& at, std::string_view key, std::string& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsString()) return fail(at + std::string(key), "must be a string");
    out = std::string(json::string_of(*v));
    return true;
  }

  bool integer(const Value& obj, const std::string& at, std::string_view key, int64_t& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsInt64()) return fail(at + std::string(key), "must be an integer");
    out = v->GetInt64();
    return true;
  }

  bool boolean(const Value& obj, const std::string& at, std::string_view key, bool& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsBool()) return fail(at + std::string(key), "must be true or false");
    out = v->GetBool();
    return true;
  }

  const Value* array(const Value& obj, const std::string& at, std::string_view key) {
    const Value* v = get(obj, at, key);
    if (v && !v->IsArray()) {
      fail(at + std::string(key), "must be an array");
      return nullptr;
    }
    return v;
  }

  const Value* object(const Value& obj, const std::string& at, std::string_view key,
                      std::initializer_list<std::string_view> keys) {
    const Value* v = get(obj, at, key);
    return v && only(*v, at + std::string(key) + ".", keys) ? v : nullptr;
  }
};

bool read_controllers(Reader& r, const Value& root, ReceiptInput& in) {
  const Value* list = r.array(root, "", "piiControllers");
  if (!list) return false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string at = "piiControllers." + std::to_string(i) + ".";
    Controller c;
    if (!r.only((*list)[i], at, {"name", "bin", "contact"}) ||
        !r.str((*list)[i], at, "name", c.name) || !r.str((*list)[i], at, "bin", c.bin) ||
        !r.str((*list)[i], at, "contact", c.contact))
      return false;
    in.controllers.push_back(std::move(c));
  }
  return true;
}

bool read_decisions(Reader& r, const Value& root, ReceiptInput& in) {
  const Value* list = r.array(root, "", "decisions");
  if (!list) return false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string at = "decisions." + std::to_string(i) + ".";
    const Value& item = (*list)[i];
    PurposeDecision d;
    if (!r.only(item, at, {"purpose", "allowed", "services"}) ||
        !r.str(item, at, "purpose", d.purpose) || !r.boolean(item, at, "allowed", d.allowed))
      return false;
    const Value* services = r.array(item, at, "services");
    if (!services) return false;
    for (rapidjson::SizeType k = 0; k < services->Size(); ++k) {
      if (!(*services)[k].IsString()) {
        return r.fail(at + "services." + std::to_string(k), "must be a string");
      }
      d.services.emplace_back(json::string_of((*services)[k]));
    }
    in.decisions.push_back(std::move(d));
  }
  return true;
}

bool read_notice(Reader& r, const Value& root, ReceiptInput& in) {
  const Value* v = r.get(root, "", "notice");
  if (!v) return false;
  if (v->IsString()) {
    in.notice = std::string(json::string_of(*v));
    return true;
  }
  std::string why;
  if (!v->IsObject()) return r.fail("notice", "must be the notice hash or the notice object");
  return notice_hash(*v, in.notice, why) || r.fail("notice", why);
}

bool read_signing(Reader& r, const Value& root, ReceiptInput& in, std::optional<P256Jwk>& key) {
  std::string signing;
  if (!r.str(root, "", "signing", signing)) return false;
  if (signing == "ES256")
    in.signing = Signing::es256;
  else if (signing == "ES256-session")
    in.signing = Signing::es256_session_key;
  else if (signing == "unsigned-insecure-context")
    in.signing = Signing::unsigned_insecure_context;
  else if (signing == "unsigned-no-webcrypto")
    in.signing = Signing::unsigned_no_webcrypto;
  else
    return r.fail(
        "signing",
        "must be ES256, ES256-session, unsigned-insecure-context or unsigned-no-webcrypto");
  const Value* jwk = json::member(root, "jwk");
  key.reset();
  if (!jwk || jwk->IsNull()) return true;
  std::string kty, crv;
  P256Jwk k;
  if (!jwk->IsObject()) return r.fail("jwk", "must be a JWK object or null");
  if (!r.str(*jwk, "jwk.", "kty", kty) || !r.str(*jwk, "jwk.", "crv", crv) ||
      !r.str(*jwk, "jwk.", "x", k.x) || !r.str(*jwk, "jwk.", "y", k.y))
    return false;
  if (kty != "EC" || crv != "P-256") return r.fail("jwk", "must be an EC P-256 public key");
  if (json::member(*jwk, "d")) return r.fail("jwk.d", "a private key must never reach the core");
  key = std::move(k);
  return true;
}

bool read_root(Reader& r, const Value& root, ReceiptInput& in, std::optional<P256Jwk>& key) {
  std::string event;
  const Value *method = nullptr, *withdrawal = nullptr, *storage = nullptr;
  if (!r.only(root, "",
              {"aud", "jti", "iat", "language", "collectionMethod", "piiControllers", "policyUrl",
               "policyVersion", "notice", "decisions", "event", "expires", "withdrawal", "storage",
               "seq", "prev", "signing", "jwk"}) ||
      !r.str(root, "", "aud", in.aud) || !r.str(root, "", "jti", in.jti) ||
      !r.integer(root, "", "iat", in.iat) || !r.str(root, "", "language", in.language) ||
      !(method = r.object(root, "", "collectionMethod", {"button", "layer"})) ||
      !r.str(*method, "collectionMethod.", "button", in.button) ||
      !r.str(*method, "collectionMethod.", "layer", in.layer) || !read_controllers(r, root, in) ||
      !r.str(root, "", "policyUrl", in.policy_url) ||
      !r.str(root, "", "policyVersion", in.policy_version) || !read_notice(r, root, in) ||
      !read_decisions(r, root, in) || !r.str(root, "", "event", event) ||
      !r.integer(root, "", "expires", in.expires) ||
      !(withdrawal = r.object(root, "", "withdrawal", {"method", "url"})) ||
      !r.str(*withdrawal, "withdrawal.", "method", in.withdrawal_method) ||
      !r.str(*withdrawal, "withdrawal.", "url", in.withdrawal_url) ||
      !(storage = r.object(root, "", "storage", {"location", "retention"})) ||
      !r.str(*storage, "storage.", "location", in.storage_location) ||
      !r.str(*storage, "storage.", "retention", in.storage_retention) ||
      !r.integer(root, "", "seq", in.seq) || !read_signing(r, root, in, key))
    return false;
  auto e = event_from_name(event);
  if (!e) return r.fail("event", "must be given, refused, changed, withdrawn or renewed");
  in.event = *e;
  const Value* prev = r.get(root, "", "prev");
  if (!prev) return false;
  if (!prev->IsNull() && !prev->IsString()) return r.fail("prev", "must be a string or null");
  in.prev = prev->IsString() ? std::string(json::string_of(*prev)) : std::string();
  if (prev->IsString() && in.prev.empty()) return r.fail("prev", "must be null, not \"\"");
  return true;
}

std::string error_answer(const Error& e) {
  return json::error_answer(e.field, e.message);
}

}  // namespace

bool read_receipt_input(std::string_view input_json, ReceiptInput& in, std::optional<P256Jwk>& key,
                        Error& error) {
  error = {};
  json::Document doc;
  Reader r{error};
  if (!json::parse(input_json, doc)) return r.fail("", "is not strict JSON");
  return read_root(r, doc, in, key);
}

std::string prepare_receipt_json(std::string_view input_json) {
  ReceiptInput in;
  std::optional<P256Jwk> key;
  Error error;
  if (!read_receipt_input(input_json, in, key, error)) return error_answer(error);
  Prepared p = prepare_receipt(in, key ? &*key : nullptr);
  if (!p.ok) return error_answer(p.error);
  json::Out o;
  o.object().key("ok").boolean(true).key("kid");
  if (key)
    o.str(p.kid);
  else
    o.null();
  o.key("header").str(p.header).key("payload").str(p.payload);
  o.key("signingInput").str(p.signing_input).key("jws");
  if (key) {
    o.null().key("hash").null();
  } else {
    std::string jws = unsigned_jws(p.signing_input);
    o.str(jws).key("hash").str(jws_hash(jws));
  }
  o.end_object();
  return o.text();
}

std::string assemble_receipt_json(std::string_view signing_input, std::string_view signature) {
  std::string jws, why;
  if (!assemble_jws(signing_input, signature, jws, why)) return error_answer({"signature", why});
  json::Out o;
  o.object().key("ok").boolean(true).key("jws").str(jws).key("hash").str(jws_hash(jws));
  o.end_object();
  return o.text();
}

}  // namespace cg::receipts
