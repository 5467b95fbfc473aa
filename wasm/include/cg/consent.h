// The visitor's decision and its first-party cookie form.
//
// Cookie value (version 2), fields separated by '|':
//   2|<site>|<policyVersion>|<purpose mask>|<updated, unix s>|<expires, unix s>|<id>|<check>
// where <id> names the decision (22 base64url characters, 128 random bits: what a form
// submission carries to tie a booking to the consent, and later the receipt id) and <check> is the
// FNV-1a 32-bit hash of everything before it, in hex. The check catches truncation, hand edits and
// values written by other code; it is not a signature (any script on the page could compute it:
// consent receipts prove decisions). Version 1 (the same without <id>) is still read; its decisions
// have no id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cg/config.h"
#include "cg/purpose.h"

namespace cg {

constexpr std::string_view kConsentCookie = "cg_consent";

struct ConsentState {
  bool decided = false;
  PurposeMask allowed = 0;
  std::string policy_version;
  int64_t updated_at_ms = 0;
  int64_t expires_at_ms = 0;
  std::string id;  // the decision's id, "" for version 1 cookies
};

// Why a stored decision was not applied.
enum class CookieProblem { none, absent, malformed, tampered, other_site, policy_changed, expired };
std::string_view problem_name(CookieProblem p);

struct CookieRead {
  ConsentState state;  // decided == false unless problem == none
  CookieProblem problem = CookieProblem::absent;
  std::optional<ConsentState> previous;  // the outdated decision, for policy_changed/expired
};

// Reads every cg_consent cookie in a `document.cookie` string and keeps the newest valid one.
CookieRead read_consent_cookie(std::string_view cookie_header, const Config& config,
                               int64_t now_ms);

std::string encode_cookie_value(const Config& config, const ConsentState& state);

// The full `document.cookie` assignment that stores (or, with max_age 0, removes) the value.
std::string cookie_assignment(const Config& config, const std::string& value, int64_t max_age_s,
                              bool secure);

ConsentState make_decision(const Config& config, PurposeMask allowed, int64_t now_ms,
                           std::string id);

// 128 bits from the platform's entropy source (getentropy: crypto.getRandomValues in the
// browser), base64url: 22 characters. "" if the platform has none.
std::string new_decision_id();

// "2026-04-04T10:20:30.000Z" for a unix time in milliseconds.
std::string iso_time(int64_t ms);

}  // namespace cg
