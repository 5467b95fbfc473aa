#include "verify/payload.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>

#include "cg/config.h"
#include "cg/purpose.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/jwk.h"
#include "cg/receipts/receipt.h"
#include "verify/strict_json.h"

namespace cg::verify {
namespace {

using rapidjson::Value;
using Names = std::initializer_list<std::string_view>;
constexpr int64_t kMaxSeq = int64_t{1} << 53;

std::string_view text_of(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

// The member `key` of `obj`. Builders write members in a fixed order and lookups mostly
// follow it, so in small objects the scan starts after the member found last. The top level
// (27 members) is read in another order than it is written, and scanning it took a quarter
// of the payload checks: its names are hashed into a table once, and looked up there.
class Finder {
 public:
  const Value* operator()(const Value& obj, std::string_view key) {
    rapidjson::SizeType n = obj.MemberCount();
    if (n > 8 && n <= kSlots / 2) return lookup(obj, key);
    if (&obj != last_object_) last_object_ = &obj, next_ = 0;
    auto first = obj.MemberBegin();
    for (rapidjson::SizeType k = 0; k < n; ++k) {
      rapidjson::SizeType i = (next_ + k) % n;
      if (text_of(first[i].name) == key) {
        next_ = i + 1;
        return &first[i].value;
      }
    }
    return nullptr;
  }

 private:
  static constexpr uint32_t kSlots = 64;  // at least twice the members hashed

  static uint32_t hash(std::string_view s) { return member_name_hash(s) % kSlots; }
  const Value* lookup(const Value& obj, std::string_view key) {
    if (&obj != indexed_) {
      indexed_ = &obj;
      std::fill(std::begin(slots_), std::end(slots_), nullptr);
      for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
        uint32_t i = hash(text_of(it->name));
        while (slots_[i]) i = (i + 1) % kSlots;
        slots_[i] = &*it;
      }
    }
    for (uint32_t i = hash(key); slots_[i]; i = (i + 1) % kSlots) {
      if (text_of(slots_[i]->name) == key) return &slots_[i]->value;
    }
    return nullptr;
  }

  const Value* last_object_ = nullptr;  // scanned last, and where to start next time
  rapidjson::SizeType next_ = 0;
  const Value* indexed_ = nullptr;  // hashed into slots_
  const Value::Member* slots_[kSlots];
};

const Value* member(const Value& obj, std::string_view key) {
  Finder find;
  return find(obj, key);
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

// Where a member is, for messages ("services[0].purposes[1]."): a chain of links on the
// stack, turned into text only when something is wrong.
struct At {
  const At* parent = nullptr;
  std::string_view key;
  int index = -1;  // >= 0 for an array element
  std::string text() const {
    if (!parent) return std::string(key);
    std::string out = parent->text() + std::string(key);
    if (index >= 0) out += "[" + std::to_string(index) + "]";
    return out + ".";
  }
};
const At kRoot;

// Reads members by path, keeping the first problem.
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
  bool bad_value(const At& at, std::string_view key, const std::string& why) {
    return bad_value(at.text() + std::string(key), why);
  }

  const Value* find(const Value& obj, std::string_view key) { return find_(obj, key); }
  const Value* get(const Value& obj, const At& at, std::string_view key) {
    const Value* v = find_(obj, key);
    if (!v) fail("payload.missing", "the payload lacks " + at.text() + std::string(key));
    return v;
  }
  bool str(const Value& obj, const At& at, std::string_view key, std::string_view& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsString()) return type(at, key, "a string");
    out = text_of(*v);
    return true;
  }
  bool str(const Value& obj, const At& at, std::string_view key, std::string& out) {
    std::string_view view;
    if (!str(obj, at, key, view)) return false;
    out.assign(view);
    return true;
  }
  bool integer(const Value& obj, const At& at, std::string_view key, int64_t& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsInt64()) return type(at, key, "an integer");
    out = v->GetInt64();
    return true;
  }
  bool boolean(const Value& obj, const At& at, std::string_view key, bool& out) {
    const Value* v = get(obj, at, key);
    if (!v) return false;
    if (!v->IsBool()) return type(at, key, "true or false");
    out = v->GetBool();
    return true;
  }
  const Value* array(const Value& obj, const At& at, std::string_view key) {
    const Value* v = get(obj, at, key);
    if (v && !v->IsArray()) return type(at, key, "an array"), nullptr;
    return v;
  }
  // An object with exactly these members (optional ones may be missing).
  const Value* object(const Value& obj, const At& at, std::string_view key, Names members) {
    const Value* v = get(obj, at, key);
    if (!v) return nullptr;
    if (!v->IsObject()) return type(at, key, "an object"), nullptr;
    return only(*v, At{&at, key}, members) ? v : nullptr;
  }
  // `element` of an array is an object with exactly these members.
  bool element(const Value& element, const At& here, Names members) {
    if (!element.IsObject()) return fail("payload.type", here.text() + " must be an object");
    return only(element, here, members);
  }
  bool only(const Value& obj, const At& at, Names members) {
    size_t next = 0;  // members are usually in the listed order: start after the last match
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
      bool known = false;
      for (size_t k = 0; k < members.size() && !known; ++k) {
        size_t i = (next + k) % members.size();
        if (members.begin()[i] == text_of(it->name)) known = true, next = i + 1;
      }
      if (!known) {
        return fail("payload.unknown-member",
                    at.text() + std::string(text_of(it->name)) +
                        " is not part of the receipt format (receipts carry nothing else)");
      }
    }
    return true;
  }
  // A string member that must equal `expected`.
  bool exactly(const Value& obj, std::string_view key, std::string_view expected) {
    std::string_view got;
    if (!str(obj, kRoot, key, got)) return false;
    return got == expected ||
           bad_value(std::string(key), "must be \"" + std::string(expected) + "\"");
  }

 private:
  bool type(const At& at, std::string_view key, const char* what) {
    return fail("payload.type", at.text() + std::string(key) + " must be " + what);
  }
  Finder find_;
};

bool read_controllers(Reader& r, const Value& p) {
  const Value* list = r.array(p, kRoot, "piiControllers");
  if (!list) return false;
  if (list->Empty()) return r.bad_value("piiControllers", "must name at least one operator");
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    At at{&kRoot, "piiControllers", static_cast<int>(i)};
    std::string_view name, bin, contact;
    const Value& c = (*list)[i];
    if (!r.element(c, at, {"piiController", "bin", "contact"}) ||
        !r.str(c, at, "piiController", name) || !r.str(c, at, "bin", bin) ||
        !r.str(c, at, "contact", contact))
      return false;
    if (name.empty()) return r.bad_value(at, "piiController", "must not be empty");
    if (!bin.empty() && !kz_id_valid(bin)) {
      return r.bad_value(at, "bin", "must be \"\" or a 12-digit BIN with a valid check digit");
    }
  }
  return true;
}

bool read_decisions(Reader& r, const Value& p, const std::string& event, Receipt& out) {
  const Value* list = r.array(p, kRoot, "decisions");
  if (!list) return false;
  if (list->Empty()) return r.bad_value("decisions", "must hold at least one purpose");
  bool any_optional = false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    At at{&kRoot, "decisions", static_cast<int>(i)};
    std::string_view purpose;
    const Value& d = (*list)[i];
    bool given = false;
    if (!r.element(d, at, {"purpose", "consentGiven", "services"}) ||
        !r.str(d, at, "purpose", purpose) || !r.boolean(d, at, "consentGiven", given))
      return false;
    auto known = purpose_from_name(purpose);
    if (!known) return r.bad_value(at, "purpose", "is not a purpose");
    for (const auto& [seen, _] : out.decisions) {
      if (seen == purpose) return r.bad_value(at, "purpose", "is listed twice");
    }
    if (*known == Purpose::necessary && !given) {
      return r.bad_value(at, "consentGiven", "cannot be false for necessary");
    }
    any_optional = any_optional || (*known != Purpose::necessary && given);
    const Value* services = r.array(d, at, "services");
    if (!services) return false;
    for (const auto& s : services->GetArray()) {
      if (!s.IsString()) return r.fail("payload.type", at.text() + "services must hold strings");
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

bool read_purposes(Reader& r, const Value& list, const At& at, const Value& decisions,
                   std::string_view service_id) {
  for (rapidjson::SizeType k = 0; k < list.Size(); ++k) {
    At here{&at, "purposes", static_cast<int>(k)};
    std::string_view purpose, type, third_name;
    const Value& item = list[k];
    bool given = false, disclosure = false, cross = false;
    if (!r.element(item, here,
                   {"purpose", "consentType", "consentGiven", "thirdPartyDisclosure",
                    "thirdPartyName", "recipientCountries", "crossBorderTransfer"}) ||
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
        return r.fail("payload.type", here.text() + "recipientCountries must hold strings");
    }
    if (type != "EXPLICIT") return r.bad_value(here, "consentType", "must be \"EXPLICIT\"");
    bool decided = false;
    if (!decision_lists(decisions, purpose, service_id, decided) || decided != given) {
      return r.bad_value(here, "consentGiven",
                         "disagrees with decisions[] (every service purpose must be a decision "
                         "listing the service, with the same consentGiven)");
    }
  }
  return true;
}

bool read_services(Reader& r, const Value& p) {
  const Value* list = r.array(p, kRoot, "services");
  const Value* decisions = r.find(p, "decisions");  // read_decisions checked it
  if (!list) return false;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    At at{&kRoot, "services", static_cast<int>(i)};
    std::string_view name, id;
    const Value& s = (*list)[i];
    if (!r.element(s, at, {"service", "serviceId", "purposes"}) || !r.str(s, at, "service", name) ||
        !r.str(s, at, "serviceId", id))
      return false;
    const Value* purposes = r.array(s, at, "purposes");
    if (!purposes || !read_purposes(r, *purposes, at, *decisions, id)) return false;
  }
  return true;
}

// publicKey and piiPrincipalId name the header's key; signing agrees with the header's alg.
bool read_key_claims(Reader& r, const Value& p, const PayloadContext& c, Receipt& out) {
  const Value* signing = r.object(p, kRoot, "signing", {"status", "key", "reason"});
  At at{&kRoot, "signing"};
  std::string_view status;
  if (!signing || !r.str(*signing, at, "status", status)) return false;
  if (c.unsigned_) {
    if (status == "ES256") return r.fail("payload.signed-claim", "signing.status is ES256");
    if (status != "unsigned") return r.bad_value("signing.status", "must be ES256 or unsigned");
    if (!r.str(*signing, at, "reason", out.unsigned_reason)) return false;
    if (out.unsigned_reason != "insecure-context" && out.unsigned_reason != "no-webcrypto") {
      return r.bad_value("signing.reason", "must be insecure-context or no-webcrypto");
    }
    const Value* pk = r.get(p, kRoot, "publicKey");
    const Value* principal = r.get(p, kRoot, "piiPrincipalId");
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
  std::string_view key;
  if (!r.str(*signing, at, "key", key)) return false;
  const Value* reason = member(*signing, "reason");
  bool session_ok =
      key == "session" && reason && reason->IsString() && text_of(*reason) == "no-indexeddb";
  if (!(key == "persistent" && !reason) && !session_ok) {
    return r.bad_value("signing",
                       "must be {status ES256, key persistent} or {status ES256, key "
                       "session, reason no-indexeddb}");
  }
  std::string_view principal, prefix = receipts::kThumbprintUrnPrefix;
  if (!r.str(p, kRoot, "piiPrincipalId", principal)) return false;
  if (principal.substr(0, prefix.size()) != prefix || principal.substr(prefix.size()) != c.kid) {
    return r.fail("payload.header-mismatch",
                  "piiPrincipalId must be the thumbprint URN of the "
                  "header's key (" +
                      receipts::thumbprint_urn(c.kid) + ")");
  }
  const Value* pk = r.object(p, kRoot, "publicKey", {"crv", "kty", "x", "y"});
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
  if (!r.integer(p, kRoot, "seq", out.seq)) return false;
  if (out.seq < 0 || out.seq > kMaxSeq) return r.bad_value("seq", "must be 0..2^53");
  const Value* prev = r.get(p, kRoot, "prev");
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
  const Value* spi = r.array(p, kRoot, "spiCat");
  return r.exactly(p, "version", receipts::kKantaraVersion) &&
         r.exactly(p, "profile", receipts::kProfile) &&
         r.exactly(p, "jurisdiction", receipts::kJurisdiction) &&
         r.boolean(p, kRoot, "sensitive", sensitive) &&
         (!sensitive || r.bad_value("sensitive", "must be false")) && spi &&
         (spi->Empty() || r.bad_value("spiCat", "must be empty"));
}

bool read_times(Reader& r, const Value& p, Receipt& out) {
  int64_t timestamp = 0;
  if (!r.integer(p, kRoot, "iat", out.iat) || !r.integer(p, kRoot, "exp", out.exp) ||
      !r.integer(p, kRoot, "consentTimestamp", timestamp))
    return false;
  if (out.iat <= 0 || out.iat > receipts::kMaxTime)
    return r.bad_value("iat", "must be unix seconds");
  if (out.exp <= out.iat || out.exp > receipts::kMaxTime) {
    return r.bad_value("exp", "must be unix seconds after iat");
  }
  return timestamp == out.iat || r.bad_value("consentTimestamp", "must equal iat");
}

bool read_ids(Reader& r, const Value& p, const PayloadContext& c, Receipt& out) {
  std::string_view receipt_id, language, policy_url, version;
  if (!r.str(p, kRoot, "jti", out.jti) || !r.str(p, kRoot, "consentReceiptID", receipt_id) ||
      !r.str(p, kRoot, "aud", out.aud) || !r.str(p, kRoot, "language", language) ||
      !r.str(p, kRoot, "policyUrl", policy_url) || !r.str(p, kRoot, "policyVersion", version) ||
      !r.str(p, kRoot, "notice", out.notice) || !r.str(p, kRoot, "event", out.event))
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
  std::string_view button, layer, method, url, location, retention;
  At how_at{&kRoot, "collectionMethod"}, w_at{&kRoot, "withdrawal"}, s_at{&kRoot, "storage"};
  const Value* how = r.object(p, kRoot, "collectionMethod", {"button", "layer"});
  if (!how || !r.str(*how, how_at, "button", button) || !r.str(*how, how_at, "layer", layer))
    return false;
  if (!is_token(button, 64) || !is_token(layer, 64)) {
    return r.bad_value("collectionMethod", "button and layer must be 1..64 of [A-Za-z0-9._-]");
  }
  const Value* w = r.object(p, kRoot, "withdrawal", {"method", "url"});
  if (!w || !r.str(*w, w_at, "method", method) || !r.str(*w, w_at, "url", url)) return false;
  if (method.empty()) return r.bad_value("withdrawal.method", "must not be empty");
  const Value* s = r.object(p, kRoot, "storage", {"location", "retention"});
  if (!s || !r.str(*s, s_at, "location", location) || !r.str(*s, s_at, "retention", retention))
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
  bool ok = r.only(p, kRoot,
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
