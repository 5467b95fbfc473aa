#include "cg/receipts/receipt.h"

#include "cg/config.h"
#include "cg/purpose.h"
#include "cg/receipts/base64url.h"
#include "cg/receipts/jcs.h"
#include "cg/receipts/sha256.h"
#include "cg/registry.h"
#include "cg/url.h"
#include "cg/utf8.h"

namespace cg::receipts {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool token(std::string_view s, std::string_view extra, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!is_alnum(c) && extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

size_t chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool text(std::string_view s, size_t min, size_t max) {
  return utf8::valid(s) && chars(s) >= min && chars(s) <= max;
}

bool language_tag(std::string_view s) {
  if (s.size() < 2 || s.size() > 35) return false;
  size_t first = s.find('-');
  std::string_view primary = s.substr(0, first);
  if (primary.size() < 2 || primary.size() > 3 || !token(primary, "", 2, 3)) return false;
  while (first != std::string_view::npos) {
    s.remove_prefix(first + 1);
    first = s.find('-');
    if (!token(s.substr(0, first), "", 1, 8)) return false;
  }
  return true;
}

struct Check {
  Error& error;
  bool operator()(bool ok, std::string field, std::string message) {
    if (!ok && error.message.empty()) error = {std::move(field), std::move(message)};
    return ok;
  }
};

bool check_controllers(const std::vector<Controller>& list, Check& check) {
  if (!check(!list.empty(), "piiControllers", "must name at least one operator")) return false;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string at = "piiControllers." + std::to_string(i) + ".";
    const Controller& c = list[i];
    if (!check(text(c.name, 1, 256), at + "name", "must be 1..256 characters of UTF-8") ||
        !check(c.bin.empty() || kz_id_valid(c.bin), at + "bin",
               "must be \"\" or a 12-digit BIN with a valid check digit") ||
        !check(text(c.contact, 0, 256), at + "contact", "must be up to 256 characters of UTF-8"))
      return false;
  }
  return true;
}

bool check_decisions(const ReceiptInput& in, Check& check) {
  const auto& list = in.decisions;
  if (!check(!list.empty(), "decisions", "must hold at least one purpose")) return false;
  bool any_allowed = false;
  for (size_t i = 0; i < list.size(); ++i) {
    std::string at = "decisions." + std::to_string(i) + ".";
    auto purpose = purpose_from_name(list[i].purpose);
    if (!check(purpose.has_value(), at + "purpose",
               "must be necessary, analytics, session_recording or marketing"))
      return false;
    for (size_t j = 0; j < i; ++j) {
      if (!check(list[j].purpose != list[i].purpose, at + "purpose", "is listed twice"))
        return false;
    }
    if (*purpose == Purpose::necessary) {
      if (!check(list[i].allowed, at + "allowed", "cannot be false for necessary")) return false;
    } else {
      any_allowed = any_allowed || list[i].allowed;
    }
    const auto& services = list[i].services;
    for (size_t k = 0; k < services.size(); ++k) {
      std::string field = at + "services." + std::to_string(k);
      if (!check(find_service(services[k]) != nullptr, field, "is not a known service id"))
        return false;
      for (size_t j = 0; j < k; ++j) {
        if (!check(services[j] != services[k], field, "is listed twice")) return false;
      }
    }
  }
  if (in.event == Event::given) {
    return check(any_allowed, "event", "is \"given\" but no optional purpose is allowed");
  }
  if (in.event == Event::refused) {
    return check(!any_allowed, "event", "is \"refused\" but an optional purpose is allowed");
  }
  return true;
}

bool check_chain(const ReceiptInput& in, Check& check) {
  if (!check(in.seq >= 0 && in.seq <= (int64_t{1} << 53), "seq", "must be 0..2^53")) return false;
  if (in.seq == 0) return check(in.prev.empty(), "prev", "must be null when seq is 0");
  return check(valid_hash(in.prev), "prev",
               "must be the base64url SHA-256 of the previous receipt when seq > 0");
}

bool check_key(const ReceiptInput& in, const P256Jwk* key, Check& check) {
  if (!is_signed(in.signing)) {
    return check(key == nullptr, "jwk", "must be absent for an unsigned receipt");
  }
  std::string why;
  if (!check(key != nullptr, "jwk", "is required for a signed receipt")) return false;
  return check(check_p256_jwk(*key, why), "jwk", why);
}

bool validate(const ReceiptInput& in, const P256Jwk* key, Error& error) {
  Check check{error};
  return check(valid_origin(in.aud), "aud", "must be a site origin such as https://namo.kz") &&
         check(valid_receipt_id(in.jti), "jti", "must be 8..128 characters of [A-Za-z0-9_-]") &&
         check(in.iat > 0 && in.iat <= kMaxTime, "iat", "must be unix seconds") &&
         check(language_tag(in.language), "language", "must be a language tag such as \"kk\"") &&
         check(token(in.button, "._-", 1, 64), "collectionMethod.button",
               "must be 1..64 characters of [A-Za-z0-9._-]") &&
         check(token(in.layer, "._-", 1, 64), "collectionMethod.layer",
               "must be 1..64 characters of [A-Za-z0-9._-]") &&
         check_controllers(in.controllers, check) &&
         check(utf8::valid(in.policy_url) && link_target(in.policy_url), "policyUrl",
               "must be \"\", a URL or a site path") &&
         check(token(in.policy_version, "._-", 1, 64), "policyVersion",
               "must be 1..64 characters of [A-Za-z0-9._-]") &&
         check(valid_hash(in.notice), "notice", "must be notice_hash() of the notice shown") &&
         check_decisions(in, check) &&
         check(in.expires > in.iat && in.expires <= kMaxTime, "expires",
               "must be unix seconds after iat") &&
         check(text(in.withdrawal_method, 1, 1024), "withdrawal.method",
               "must be 1..1024 characters of UTF-8") &&
         check(utf8::valid(in.withdrawal_url) && link_target(in.withdrawal_url), "withdrawal.url",
               "must be \"\", a URL or a site path") &&
         check(text(in.storage_location, 1, 256), "storage.location",
               "must be 1..256 characters of UTF-8") &&
         check(text(in.storage_retention, 1, 256), "storage.retention",
               "must be 1..256 characters of UTF-8") &&
         check_chain(in, check) && check_key(in, key, check);
}

// Kantara's services[].purposes[]: the decisions regrouped by service, with the registry's
// recipient and countries.
void write_services(json::Out& o, const std::vector<PurposeDecision>& decisions) {
  std::vector<std::string_view> order;  // service ids in order of first mention
  for (const auto& d : decisions) {
    for (const auto& id : d.services) {
      bool seen = false;
      for (auto s : order) seen = seen || s == id;
      if (!seen) order.push_back(id);
    }
  }
  o.key("services").array();
  for (std::string_view id : order) {
    const Service* s = find_service(id);
    o.object().key("service").str(s->name).key("serviceId").str(s->id).key("purposes").array();
    for (const auto& d : decisions) {
      bool listed = false;
      for (const auto& x : d.services) listed = listed || x == id;
      if (!listed) continue;
      o.object().key("purpose").str(d.purpose).key("consentType").str("EXPLICIT");
      o.key("consentGiven").boolean(d.allowed).key("thirdPartyDisclosure").boolean(true);
      o.key("thirdPartyName").str(s->vendor).key("recipientCountries").array();
      bool cross_border = false;
      for (std::string_view rest = s->countries; !rest.empty();) {
        size_t comma = rest.find(',');
        std::string_view code = rest.substr(0, comma);
        o.str(code);
        cross_border = cross_border || code != kJurisdiction;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      }
      o.end_array().key("crossBorderTransfer").boolean(cross_border).end_object();
    }
    o.end_array().end_object();
  }
  o.end_array();
}

void write_decisions(json::Out& o, const std::vector<PurposeDecision>& decisions) {
  o.key("decisions").array();
  for (const auto& d : decisions) {
    o.object().key("purpose").str(d.purpose).key("consentGiven").boolean(d.allowed);
    o.key("services").array();
    for (const auto& s : d.services) o.str(s);
    o.end_array().end_object();
  }
  o.end_array();
}

void write_signing(json::Out& o, Signing s) {
  o.key("signing").object().key("status").str(is_signed(s) ? "ES256" : "unsigned");
  switch (s) {
    case Signing::es256: o.key("key").str("persistent"); break;
    case Signing::es256_session_key:
      o.key("key").str("session").key("reason").str("no-indexeddb");
      break;
    case Signing::unsigned_insecure_context: o.key("reason").str("insecure-context"); break;
    case Signing::unsigned_no_webcrypto: o.key("reason").str("no-webcrypto"); break;
  }
  o.end_object();
}

void write_kantara(json::Out& o, const ReceiptInput& in, const P256Jwk* key) {
  o.key("version").str(kKantaraVersion).key("profile").str(kProfile);
  o.key("jurisdiction").str(kJurisdiction).key("consentTimestamp").number(in.iat);
  o.key("collectionMethod").object().key("button").str(in.button);
  o.key("layer").str(in.layer).end_object();
  o.key("consentReceiptID").str(in.jti).key("publicKey");
  if (key)
    write_jwk(o, *key);
  else
    o.null();
  o.key("language").str(in.language).key("piiPrincipalId");
  if (key)
    o.str(thumbprint_urn(jwk_thumbprint(*key)));
  else
    o.null();
  o.key("piiControllers").array();
  for (const auto& c : in.controllers) {
    o.object().key("piiController").str(c.name).key("bin").str(c.bin);
    o.key("contact").str(c.contact).end_object();
  }
  o.end_array().key("policyUrl").str(in.policy_url).key("policyVersion").str(in.policy_version);
  write_services(o, in.decisions);
  o.key("sensitive").boolean(false).key("spiCat").array().end_array();
}

void write_payload(json::Out& o, const ReceiptInput& in, const P256Jwk* key) {
  o.object();
  write_kantara(o, in, key);
  o.key("jti").str(in.jti).key("aud").str(in.aud).key("iat").number(in.iat);
  o.key("exp").number(in.expires).key("event").str(event_name(in.event));
  write_decisions(o, in.decisions);
  o.key("notice").str(in.notice);
  o.key("withdrawal").object().key("method").str(in.withdrawal_method);
  o.key("url").str(in.withdrawal_url).end_object();
  o.key("storage").object().key("location").str(in.storage_location);
  o.key("retention").str(in.storage_retention).end_object();
  o.key("seq").number(in.seq).key("prev");
  if (in.prev.empty())
    o.null();
  else
    o.str(in.prev);
  write_signing(o, in.signing);
  o.end_object();
}

}  // namespace

std::string_view event_name(Event e) {
  switch (e) {
    case Event::given: return "given";
    case Event::refused: return "refused";
    case Event::changed: return "changed";
    case Event::withdrawn: return "withdrawn";
    case Event::renewed: return "renewed";
  }
  return "given";
}

std::optional<Event> event_from_name(std::string_view name) {
  for (Event e : {Event::given, Event::refused, Event::changed, Event::withdrawn, Event::renewed}) {
    if (event_name(e) == name) return e;
  }
  return std::nullopt;
}

bool is_signed(Signing s) {
  return s == Signing::es256 || s == Signing::es256_session_key;
}

bool valid_origin(std::string_view s) {
  if (s.size() > 255) return false;
  size_t start = s.rfind("https://", 0) == 0 ? 8 : s.rfind("http://", 0) == 0 ? 7 : 0;
  if (start == 0) return false;
  std::string_view host = s.substr(start);
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && host.find(']', colon) == std::string_view::npos) {
    std::string_view port = host.substr(colon + 1);
    if (!token(port, "", 1, 5) || port.find_first_not_of("0123456789") != port.npos) return false;
    host = host.substr(0, colon);
  }
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    return token(host.substr(1, host.size() - 2), ":.", 2, 45);
  }
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  for (char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return host.find("..") == std::string_view::npos;
}

bool valid_receipt_id(std::string_view s) {
  return token(s, "_-", 8, 128);
}

bool valid_hash(std::string_view s) {
  std::string bytes;
  return s.size() == 43 && b64url_decode(s, bytes) && bytes.size() == 32;
}

bool build_payload(const ReceiptInput& in, const P256Jwk* key, std::string& payload, Error& error) {
  error = {};
  if (!validate(in, key, error)) return false;
  json::Out o;
  write_payload(o, in, key);
  payload = o.text();
  return true;
}

std::string protected_header(const P256Jwk& key) {
  json::Out o;
  o.object().key("alg").str("ES256").key("typ").str(kReceiptType);
  o.key("kid").str(jwk_thumbprint(key)).key("jwk");
  write_jwk(o, key);
  o.end_object();
  return o.text();
}

std::string unsigned_header() {
  json::Out o;
  o.object().key("alg").str("none").key("typ").str(kReceiptType).end_object();
  return o.text();
}

std::string signing_input(std::string_view header_json, std::string_view payload_json) {
  return b64url_encode(header_json) + "." + b64url_encode(payload_json);
}

Prepared prepare_receipt(const ReceiptInput& in, const P256Jwk* key) {
  Prepared p;
  if (!build_payload(in, key, p.payload, p.error)) return p;
  p.header = key ? protected_header(*key) : unsigned_header();
  if (key) p.kid = jwk_thumbprint(*key);
  p.signing_input = signing_input(p.header, p.payload);
  // 64 bytes of signature take 86 characters, plus the dot.
  if (p.signing_input.size() + 87 > kMaxJwsBytes) {
    p.error = {"", "the receipt would be larger than 64 KiB"};
    return p;
  }
  p.ok = true;
  return p;
}

bool assemble_jws(std::string_view signing_input, std::string_view signature, std::string& jws,
                  std::string& error) {
  size_t dot = signing_input.find('.');
  std::string scratch;
  if (dot == std::string_view::npos || !b64url_decode(signing_input.substr(0, dot), scratch) ||
      !b64url_decode(signing_input.substr(dot + 1), scratch)) {
    error = "the signing input must be BASE64URL(header).BASE64URL(payload)";
    return false;
  }
  if (signature.size() != 64) {
    error = "an ES256 signature is 64 bytes (r || s), not " + std::to_string(signature.size());
    return false;
  }
  jws = std::string(signing_input) + "." + b64url_encode(signature);
  if (jws.size() > kMaxJwsBytes) {
    error = "the receipt is larger than 64 KiB";
    return false;
  }
  return true;
}

std::string unsigned_jws(std::string_view signing_input) {
  return std::string(signing_input) + ".";
}

std::string jws_hash(std::string_view jws) {
  return b64url_encode(digest_bytes(sha256(jws)));
}

bool notice_hash(const json::Value& notice, std::string& hash, std::string& error) {
  if (!notice.IsObject()) {
    error = "the notice must be a JSON object";
    return false;
  }
  std::string canonical;
  if (!canonicalize(notice, canonical, error)) return false;
  hash = b64url_encode(digest_bytes(sha256(canonical)));
  return true;
}

bool notice_hash(std::string_view notice_json, std::string& hash, std::string& error) {
  json::Document doc;
  if (!json::parse(notice_json, doc)) {
    error = "the notice is not strict JSON (syntax, UTF-8 or a duplicate key)";
    return false;
  }
  return notice_hash(doc, hash, error);
}

}  // namespace cg::receipts
