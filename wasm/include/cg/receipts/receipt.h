// Consent receipts: one compact JWS (RFC 7515) per decision, built here and signed outside
// the core (WebCrypto in the browser, OpenSSL in tests). The format is a stable contract,
// documented with a worked example in docs/receipts.md; this header is its source.
//
// Signed receipt:   BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(r || s)
//   header  {"alg":"ES256","typ":"consent-receipt+jwt","kid":<thumbprint>,"jwk":<P-256 JWK>}
//   r || s  the raw 64-byte ECDSA signature (what WebCrypto returns; RFC 7518 §3.4)
//
// Unsigned receipt (no secure context, or no usable WebCrypto): an Unsecured JWS as RFC 7515
// §A.5 defines it, with an empty signature part:
//   BASE64URL({"alg":"none","typ":"consent-receipt+jwt"}) "." BASE64URL(payload) "."
// and the payload says why ("signing":{"status":"unsigned","reason":...}). Every JOSE
// library refuses "alg":"none" unless told otherwise, so an unsigned receipt can never pass
// for a signed one; our verifier reports it as "unsigned" (not valid, not an attack) only
// when the header is exactly those two members, the signature part is empty and the payload
// agrees; any other use of "none" is an error.
//
// Payload members (all present, in this order; types in docs/receipts.md):
//   version "KI-CR-v1.1.0", profile "consent-guard-receipt/1", jurisdiction "KZ",
//   consentTimestamp (= iat), collectionMethod {button, layer}, consentReceiptID (= jti),
//   publicKey (the JWK, or null when unsigned), language,
//   piiPrincipalId ("urn:ietf:params:oauth:jwk-thumbprint:sha-256:<kid>", or null),
//   piiControllers [{piiController, bin, contact}], policyUrl, policyVersion,
//   services [{service, serviceId, purposes [{purpose, consentType, consentGiven,
//     thirdPartyDisclosure, thirdPartyName, recipientCountries, crossBorderTransfer}]}],
//   sensitive false, spiCat [], jti, aud, iat, exp, event, decisions [{purpose,
//   consentGiven, services}], notice, withdrawal {method, url}, storage {location,
//   retention}, seq, prev, signing {status, key?, reason?}.
// Kantara Consent Receipt v1.1 names are used where Kantara has the field; `services` is
// derived from `decisions` and the registry (vendor and countries of each service).
// Nothing identifies the person: no IP, no name, no form data; the subject is the key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cg/json.h"
#include "cg/receipts/jwk.h"

namespace cg::receipts {

constexpr std::string_view kReceiptType = "consent-receipt+jwt";
constexpr std::string_view kKantaraVersion = "KI-CR-v1.1.0";
constexpr std::string_view kProfile = "consent-guard-receipt/1";
// Law No. 94-V applies; a recipient outside this country is a cross-border transfer.
constexpr std::string_view kJurisdiction = "KZ";
constexpr size_t kMaxJwsBytes = 64 * 1024;  // builders refuse, verifiers reject, larger receipts

enum class Event { given, refused, changed, withdrawn, renewed };
std::string_view event_name(Event e);
std::optional<Event> event_from_name(std::string_view name);

// How the receipt is (or is not) signed; written to the payload's `signing` member.
enum class Signing {
  es256,                      // {"status":"ES256","key":"persistent"}: the site key in IndexedDB
  es256_session_key,          // {"status":"ES256","key":"session","reason":"no-indexeddb"}
  unsigned_insecure_context,  // {"status":"unsigned","reason":"insecure-context"} (plain http)
  unsigned_no_webcrypto,      // {"status":"unsigned","reason":"no-webcrypto"}
};
bool is_signed(Signing s);

struct Controller {
  std::string name;     // the operator's legal name, 1..256 characters
  std::string bin;      // "" or a 12-digit BIN with a valid check digit
  std::string contact;  // "" or up to 256 characters
};

struct PurposeDecision {
  std::string purpose;                // necessary, analytics, session_recording or marketing
  bool allowed = false;               // `necessary` must be true
  std::vector<std::string> services;  // registry ids (registry.h), each at most once
};

struct ReceiptInput {
  std::string aud;       // the site origin, "https://namo.kz" (scheme, host, port)
  std::string jti;       // receipt id, 8..128 of [A-Za-z0-9_-] (a UUID fits)
  int64_t iat = 0;       // decision time, unix seconds (the visitor's clock)
  std::string language;  // BCP 47 tag of the texts shown, e.g. "kk"
  std::string button;    // collectionMethod.button, e.g. "accept_all" ([A-Za-z0-9._-])
  std::string layer;     // collectionMethod.layer, e.g. "banner", "settings", "api"
  std::vector<Controller> controllers;     // at least one
  std::string policy_url;                  // "" or an http(s) URL or a site path
  std::string policy_version;              // [A-Za-z0-9._-], 1..64
  std::string notice;                      // notice_hash() of the texts and configuration shown
  std::vector<PurposeDecision> decisions;  // at least one, each purpose once
  Event event = Event::given;     // given: something allowed; refused: nothing optional allowed
  int64_t expires = 0;            // validity end, unix seconds, after iat
  std::string withdrawal_method;  // how to withdraw, in words (1..1024 characters)
  std::string withdrawal_url;     // "" or an http(s) URL or a site path
  std::string storage_location;   // where receipts are kept, e.g. "KZ" (1..256)
  std::string storage_retention;  // how long, e.g. "P3Y" or words (1..256)
  int64_t seq = 0;                // per-key counter from 0
  std::string prev;               // jws_hash() of the previous receipt; "" exactly when seq is 0
  Signing signing = Signing::es256;
};

struct Error {
  std::string field;  // the ReceiptInput member in JSON spelling ("piiControllers.0.bin")
  std::string message;
};

struct Prepared {
  bool ok = false;
  Error error;                // set when !ok
  std::string kid;            // RFC 7638 thumbprint; "" when unsigned
  std::string header;         // the protected header JSON
  std::string payload;        // the payload JSON
  std::string signing_input;  // BASE64URL(header) "." BASE64URL(payload): what gets signed
};

// Validates `in` and builds header, payload and signing input. `key` is the visitor's
// public key: required for es256*, must be null for unsigned receipts. Never throws; on any
// problem returns ok == false with the offending field.
Prepared prepare_receipt(const ReceiptInput& in, const P256Jwk* key);

// The pieces, for callers that need them separately.
bool build_payload(const ReceiptInput& in, const P256Jwk* key, std::string& payload, Error& error);
std::string protected_header(const P256Jwk& key);  // key must pass check_p256_jwk()
std::string unsigned_header();
std::string signing_input(std::string_view header_json, std::string_view payload_json);

// The compact JWS from a prepared signing input and the raw 64-byte r||s signature.
// False (with a message) when the signature is not 64 bytes or the result would be larger
// than kMaxJwsBytes.
bool assemble_jws(std::string_view signing_input, std::string_view signature, std::string& jws,
                  std::string& error);
// The unsigned receipt: signing input + "." (empty signature part).
std::string unsigned_jws(std::string_view signing_input);

// BASE64URL(SHA-256(jws)): the next receipt's `prev`.
std::string jws_hash(std::string_view jws);

// BASE64URL(SHA-256(RFC 8785 canonical form of the notice)): the receipt's `notice`. The
// notice is a JSON object of the texts shown and the configuration that shaped them
// (docs/receipts.md suggests its members); strings, booleans, null and integers only.
bool notice_hash(const json::Value& notice, std::string& hash, std::string& error);
bool notice_hash(std::string_view notice_json, std::string& hash, std::string& error);

// Field checks shared with the verifier.
bool valid_origin(std::string_view s);
bool valid_receipt_id(std::string_view s);
bool valid_hash(std::string_view s);        // base64url of exactly 32 bytes
constexpr int64_t kMaxTime = 253402300799;  // 9999-12-31T23:59:59Z

}  // namespace cg::receipts
