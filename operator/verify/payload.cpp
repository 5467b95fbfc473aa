#include "verify/payload.h"

#include <initializer_list>

#include "cg/config.h"
#include "cg/purpose.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/jwk.h"
#include "cg/receipts/receipt.h"

namespace cg::verify {
namespace {

using rapidjson::Value;
constexpr int64_t kMaxSeq = int64_t{1} << 53;

std::string_view text_of(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

const Value* member(const Value& obj, std::string_view key) {
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    if (text_of(it->name) == key) return &it->value;
  }
  return nullptr;
}

bool is_token(std::string_view s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Reads members by path ("services[0].purposes[1].consentGiven"), keeping the first problem.
class Reader {
 public:
  PayloadProblem problem;

  bool fail(std::string code, std::string message) {
    if (problem.code.empty()) problem = {std::move(code), std::move(message)};
    return false;
  }
  bool bad_value(const std::string& path, const std::string& why) {
    return fail("payload.value", path + " " + why);
  }

  const Value* get(const Value& obj, const std::string& at, std::string_view key) {
    const Value* v = member(obj, key);
    if (!v) fail("payload.missing", "the payload lacks " + at + std::string(key));
    return v;
  }
  bool str(const Value& obj, const std::string& at, std::string_view key, std::string& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsString()) return fail("payload.type", at + std::string(key) + " must be a string");
    out.assign(text_of(*v));
    return true;
  }
  bool integer(const Value& obj, const std::string& at, std::string_view key, int64_t& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsInt64()) return fail("payload.type", at + std::string(key) + " must be an integer");
    out = v->GetInt64();
    return true;
  }
  bool boolean(const Value& obj, const std::string& at, std::string_view key, bool& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsBool()) return fail("payload.type", at + std::string(key) + " must be true or false");
    out = v->GetBool();
    return true;
  }
  const Value* array(const Value& obj, const std::string& at, std::string_view key) {
    const Value* v = get(obj, at, key);
    if (v && !v->IsArray())
      return fail("payload.type", at + std::string(key) + " must be an array"), nullptr;
    return v;
  }
  // An object with exactly these members (optional ones may be missing).
  const Value* object(const Value& obj, const std::string& at, std::string_view key,
                      std::initializer_list<std::string_view> members) {
    const Value* v = get(obj, at, key);
    if (!v) return nullptr;
    if (!v->IsObject())
      return fail("payload.type", at + std::string(key) + " must be an object"), nullptr;
    return only(*v, at + std::string(key) + ".", members) ? v : nullptr;
  }
  bool only(const Value& obj, const std::string& at,
            std::initializer_list<std::string_view> members) {
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
      bool known = false;
      for (auto m : members) known = known || m == text_of(it->name);
      if (!known) {
        return fail("payload.unknown-member",
                    at + std::string(text_of(it->name)) +
                        " is not part of the receipt format (receipts carry nothing else)");
      }
    }
    return true;
  }
  // A string member that must equal `expected`.
  bool exactly(const Value& obj, std::string_view key, std::string_view expected) {
    std::string got;
    if (!str(obj, "", key, got)) return false;
    return got == expected ||
           bad_value(std::string(key), "must be \"" + std::string(expected) + "\"");
  }
};

std::string at_index(const std::string& at, std::string_view key, rapidjson::SizeType i) {
  return at + std::string(key) + "[" + std::to_string(i) + "].";
}

bool read_controllers(Reader& r, const Value& p) {
  const Value* list = r.array(p, "", "piiControllers");
  if (!list) return false;
  if (list->Empty()) return r.bad_value("piiControllers", "must name at least one operator");
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string at = at_index("", "piiControllers", i), name, bin, contact;
    const Value& c = (*list)[i];
    if (!c.IsObject()) return r.fail("payload.type", at + " must be an object");
    if (!r.only(c, at, {"piiController", "bin", "contact"}) ||
        !r.str(c, at, "piiController", name) || !r.str(c, at, "bin", bin) ||
        !r.str(c, at, "contact", contact))
      return false;
    if (name.empty()) return r.bad_value(at + "piiController", "must not be empty");
    if (!bin.empty() && !kz_id_valid(bin)) {
      return r.bad_value(at + "bin", "must be \"\" or a 12-digit BIN with a valid check digit");
    }
  }
  return true;
}

bool read_decisions(Reader& r, const Value& p, const std::string& event, Receipt& out) {
  const Value* list = r.array(p, "", "decisions");
  if (!list) return false;
  if (list->Empty()) return r.bad_value("decisions", "must hold at least one purpose");
  bool any_optional = false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string at = at_index("", "decisions", i), purpose;
    const Value& d = (*list)[i];
    bool given = false;
    if (!d.IsObject()) return r.fail("payload.type", at + " must be an object");
    if (!r.only(d, at, {"purpose", "consentGiven", "services"}) ||
        !r.str(d, at, "purpose", purpose) || !r.boolean(d, at, "consentGiven", given))
      return false;
    auto known = purpose_from_name(purpose);
    if (!known) return r.bad_value(at + "purpose", "is not a purpose");
    for (const auto& [seen, _] : out.decisions) {
      if (seen == purpose) return r.bad_value(at + "purpose", "is listed twice");
    }
    if (*known == Purpose::necessary && !given) {
      return r.bad_value(at + "consentGiven", "cannot be false for necessary");
    }
    any_optional = any_optional || (*known != Purpose::necessary && given);
    const Value* services = r.array(d, at, "services");
    if (!services) return false;
    for (const auto& s : services->GetArray()) {
      if (!s.IsString()) return r.fail("payload.type", at + "services must hold strings");
    }
    out.decisions.emplace_back(purpose, given);
  }
  if (event == "given" && !any_optional) {
    return r.bad_value("event", "is \"given\" but no optional purpose is given");
  }
  if (event == "refused" && any_optional) {
    return r.bad_value("event", "is \"refused\" but an optional purpose is given");
  }
  return true;
}

// True when `d` (a decisions[] entry for `purpose`) lists `service_id`.
bool decision_lists(const Value& decisions, std::string_view purpose, std::string_view service_id,
                    bool& given) {
  for (const auto& d : decisions.GetArray()) {
    if (text_of(*member(d, "purpose")) != purpose) continue;
    given = member(d, "consentGiven")->GetBool();
    for (const auto& s : member(d, "services")->GetArray()) {
      if (text_of(s) == service_id) return true;
    }
  }
  return false;
}

bool read_purposes(Reader& r, const Value& list, const std::string& at, const Value& decisions,
                   std::string_view service_id) {
  for (rapidjson::SizeType k = 0; k < list.Size(); ++k) {
    std::string here = at_index(at, "purposes", k), purpose, type, third_name;
    const Value& item = list[k];
    bool given = false, disclosure = false, cross = false;
    if (!item.IsObject()) return r.fail("payload.type", here + " must be an object");
    if (!r.only(item, here,
                {"purpose", "consentType", "consentGiven", "thirdPartyDisclosure", "thirdPartyName",
                 "recipientCountries", "crossBorderTransfer"}) ||
        !r.str(item, here, "purpose", purpose) || !r.str(item, here, "consentType", type) ||
        !r.boolean(item, here, "consentGiven", given) ||
        !r.boolean(item, here, "thirdPartyDisclosure", disclosure) ||
        !r.str(item, here, "thirdPartyName", third_name) ||
        !r.boolean(item, here, "crossBorderTransfer", cross))
      return false;
    const Value* countries = r.array(item, here, "recipientCountries");
    if (!countries) return false;
    for (const auto& c : countries->GetArray()) {
      if (!c.IsString())
        return r.fail("payload.type", here + "recipientCountries must hold strings");
    }
    if (type != "EXPLICIT") return r.bad_value(here + "consentType", "must be \"EXPLICIT\"");
    bool decided = false;
    if (!decision_lists(decisions, purpose, service_id, decided) || decided != given) {
      return r.bad_value(here + "consentGiven",
                         "disagrees with decisions[] (every service purpose must be a decision "
                         "listing the service, with the same consentGiven)");
    }
  }
  return true;
}

bool read_services(Reader& r, const Value& p) {
  const Value* list = r.array(p, "", "services");
  const Value* decisions = member(p, "decisions");
  if (!list) return false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    std::string at = at_index("", "services", i), name, id;
    const Value& s = (*list)[i];
    if (!s.IsObject()) return r.fail("payload.type", at + " must be an object");
    if (!r.only(s, at, {"service", "serviceId", "purposes"}) || !r.str(s, at, "service", name) ||
        !r.str(s, at, "serviceId", id))
      return false;
    const Value* purposes = r.array(s, at, "purposes");
    if (!purposes || !read_purposes(r, *purposes, at, *decisions, id)) return false;
  }
  return true;
}

// publicKey and piiPrincipalId name the header's key; signing agrees with the header's alg.
bool read_key_claims(Reader& r, const Value& p, const PayloadContext& c, Receipt& out) {
  const Value* signing = r.object(p, "", "signing", {"status", "key", "reason"});
  std::string status;
  if (!signing || !r.str(*signing, "signing.", "status", status)) return false;
  if (c.unsigned_) {
    if (status == "ES256") return r.fail("payload.signed-claim", "signing.status is ES256");
    if (status != "unsigned") return r.bad_value("signing.status", "must be ES256 or unsigned");
    if (!r.str(*signing, "signing.", "reason", out.unsigned_reason)) return false;
    if (out.unsigned_reason != "insecure-context" && out.unsigned_reason != "no-webcrypto") {
      return r.bad_value("signing.reason", "must be insecure-context or no-webcrypto");
    }
    const Value* pk = r.get(p, "", "publicKey");
    const Value* principal = r.get(p, "", "piiPrincipalId");
    if (!pk || !principal) return false;
    if (!pk->IsNull() || !principal->IsNull()) {
      return r.fail("payload.header-mismatch",
                    "an unsigned receipt names no key: publicKey and piiPrincipalId must be null");
    }
    return true;
  }
  if (status != "ES256") {
    return r.fail("payload.header-mismatch", "signing.status must be ES256 in a signed receipt");
  }
  std::string key;
  if (!r.str(*signing, "signing.", "key", key)) return false;
  const Value* reason = member(*signing, "reason");
  bool session_ok =
      key == "session" && reason && reason->IsString() && text_of(*reason) == "no-indexeddb";
  if (!(key == "persistent" && !reason) && !session_ok) {
    return r.bad_value("signing",
                       "must be {status ES256, key persistent} or {status ES256, key "
                       "session, reason no-indexeddb}");
  }
  std::string principal;
  if (!r.str(p, "", "piiPrincipalId", principal)) return false;
  if (principal != receipts::thumbprint_urn(c.kid)) {
    return r.fail("payload.header-mismatch",
                  "piiPrincipalId must be the thumbprint URN of the "
                  "header's key (" +
                      receipts::thumbprint_urn(c.kid) + ")");
  }
  const Value* pk = r.object(p, "", "publicKey", {"crv", "kty", "x", "y"});
  if (!pk) return false;
  for (const char* m : {"crv", "kty", "x", "y"}) {
    const Value* mine = member(*pk, m);
    const Value* theirs = member(*c.jwk, m);
    if (!mine || !mine->IsString() || text_of(*mine) != text_of(*theirs)) {
      return r.fail("payload.header-mismatch", "publicKey must be the header's jwk");
    }
  }
  return true;
}

bool read_chain(Reader& r, const Value& p, Receipt& out) {
  if (!r.integer(p, "", "seq", out.seq)) return false;
  if (out.seq < 0 || out.seq > kMaxSeq) return r.bad_value("seq", "must be 0..2^53");
  const Value* prev = r.get(p, "", "prev");
  if (!prev) return false;
  if (out.seq == 0) {
    return prev->IsNull() || r.bad_value("prev", "must be null when seq is 0");
  }
  if (!prev->IsString() || !receipts::valid_hash(text_of(*prev))) {
    return r.bad_value("prev", "must be the base64url SHA-256 of the previous receipt (seq > 0)");
  }
  out.prev.assign(text_of(*prev));
  return true;
}

bool read_constants(Reader& r, const Value& p) {
  bool sensitive = true;
  const Value* spi = r.array(p, "", "spiCat");
  return r.exactly(p, "version", receipts::kKantaraVersion) &&
         r.exactly(p, "profile", receipts::kProfile) && r.exactly(p, "jurisdiction", "KZ") &&
         r.boolean(p, "", "sensitive", sensitive) &&
         (!sensitive || r.bad_value("sensitive", "must be false")) && spi &&
         (spi->Empty() || r.bad_value("spiCat", "must be empty"));
}

bool read_times(Reader& r, const Value& p, Receipt& out) {
  int64_t timestamp = 0;
  if (!r.integer(p, "", "iat", out.iat) || !r.integer(p, "", "exp", out.exp) ||
      !r.integer(p, "", "consentTimestamp", timestamp))
    return false;
  if (out.iat <= 0 || out.iat > receipts::kMaxTime)
    return r.bad_value("iat", "must be unix seconds");
  if (out.exp <= out.iat || out.exp > receipts::kMaxTime) {
    return r.bad_value("exp", "must be unix seconds after iat");
  }
  return timestamp == out.iat || r.bad_value("consentTimestamp", "must equal iat");
}

bool read_ids(Reader& r, const Value& p, const PayloadContext& c, Receipt& out) {
  std::string receipt_id, language, policy_url, version;
  if (!r.str(p, "", "jti", out.jti) || !r.str(p, "", "consentReceiptID", receipt_id) ||
      !r.str(p, "", "aud", out.aud) || !r.str(p, "", "language", language) ||
      !r.str(p, "", "policyUrl", policy_url) || !r.str(p, "", "policyVersion", version) ||
      !r.str(p, "", "notice", out.notice) || !r.str(p, "", "event", out.event))
    return false;
  if (!receipts::valid_receipt_id(out.jti))
    return r.bad_value("jti", "must be 8..128 of [A-Za-z0-9_-]");
  if (receipt_id != out.jti) return r.bad_value("consentReceiptID", "must equal jti");
  if (!receipts::valid_origin(out.aud)) return r.bad_value("aud", "must be a site origin");
  if (!c.expected_aud.empty() && out.aud != c.expected_aud) {
    return r.fail("payload.aud", "the receipt is for " + out.aud + ", not " + c.expected_aud);
  }
  if (!is_token(language, 35)) return r.bad_value("language", "must be a language tag");
  if (!is_token(version, 64))
    return r.bad_value("policyVersion", "must be 1..64 of [A-Za-z0-9._-]");
  if (!receipts::valid_hash(out.notice))
    return r.bad_value("notice", "must be a base64url SHA-256");
  if (!receipts::event_from_name(out.event)) {
    return r.bad_value("event", "must be given, refused, changed, withdrawn or renewed");
  }
  return true;
}

bool read_texts(Reader& r, const Value& p) {
  std::string button, layer, method, url, location, retention;
  const Value* how = r.object(p, "", "collectionMethod", {"button", "layer"});
  if (!how || !r.str(*how, "collectionMethod.", "button", button) ||
      !r.str(*how, "collectionMethod.", "layer", layer))
    return false;
  if (!is_token(button, 64) || !is_token(layer, 64)) {
    return r.bad_value("collectionMethod", "button and layer must be 1..64 of [A-Za-z0-9._-]");
  }
  const Value* w = r.object(p, "", "withdrawal", {"method", "url"});
  if (!w || !r.str(*w, "withdrawal.", "method", method) || !r.str(*w, "withdrawal.", "url", url))
    return false;
  if (method.empty()) return r.bad_value("withdrawal.method", "must not be empty");
  const Value* s = r.object(p, "", "storage", {"location", "retention"});
  if (!s || !r.str(*s, "storage.", "location", location) ||
      !r.str(*s, "storage.", "retention", retention))
    return false;
  return (!location.empty() && !retention.empty()) ||
         r.bad_value("storage", "location and retention must not be empty");
}

}  // namespace

PayloadProblem read_payload(const Value& p, const PayloadContext& context, Receipt& out) {
  Reader r;
  out.kid = context.kid;
  if (!p.IsObject()) {
    r.fail("payload.type", "the payload is not a JSON object");
    return r.problem;
  }
  bool ok = r.only(p, "",
                   {"version",
                    "profile",
                    "jurisdiction",
                    "consentTimestamp",
                    "collectionMethod",
                    "consentReceiptID",
                    "publicKey",
                    "language",
                    "piiPrincipalId",
                    "piiControllers",
                    "policyUrl",
                    "policyVersion",
                    "services",
                    "sensitive",
                    "spiCat",
                    "jti",
                    "aud",
                    "iat",
                    "exp",
                    "event",
                    "decisions",
                    "notice",
                    "withdrawal",
                    "storage",
                    "seq",
                    "prev",
                    "signing"}) &&
            read_key_claims(r, p, context, out) && read_constants(r, p) &&
            read_ids(r, p, context, out) && read_times(r, p, out) && read_texts(r, p) &&
            read_controllers(r, p) && read_decisions(r, p, out.event, out) && read_services(r, p) &&
            read_chain(r, p, out);
  (void)ok;
  return r.problem;
}

}  // namespace cg::verify
