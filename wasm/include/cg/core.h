// The core as the browser (and the shared test vectors) see it: one object per page,
// JSON text in and out, no exceptions across the boundary. Every answer is a JSON object;
// failures are {"ok": false, "error": {"field": ..., "message": ...}} and change nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cg/config.h"
#include "cg/consent.h"
#include "cg/long_tail.h"
#include "cg/registry.h"

namespace cg {

class Core {
 public:
  // attributes: the tag's data attributes; config: the full configuration text or "";
  // page: {"htmlLang": "ru", "languages": ["ru-RU"], "hostname": "namo.kz", "secure": true}.
  // Answers {"ok": true, "config": {...}, "language": "ru"} or an error.
  std::string configure(const std::string& attributes, const std::string& config,
                        const std::string& page);

  // {"tracker": true, "service": "yandex_metrica", "purpose": "analytics"} for the curated
  // registry, {"tracker": true, "entity": "LinkedIn Ads", "purpose": "marketing"} for the long
  // tail, {"tracker": false} or {"tracker": false, "pending": true} (see url_bits).
  // Remembers tracker ids found in the URL (for the vendors' switches).
  std::string classify_url(const std::string& url);

  // The purpose bits a request to `url` needs: the curated registry's; 0 for the page's own
  // site and hosts known to be harmless; else the long tail's (0 when it does not name the
  // host), or kUnknownYet while the long tail is not loaded. The page asks this for every
  // element, request and socket once the core is ready (js/runtime/classifier.js).
  PurposeMask url_bits(const std::string& url) const;
  // The bits a WebSocket frame needs: its socket's, and those of a frame rule it matches.
  PurposeMask frame_bits(const std::string& url, const std::string& frame) const;
  // The bits a cookie (cookie = true) or storage key named `name` needs to be written.
  PurposeMask name_bits(bool cookie, const std::string& name) const;
  // The purpose bits each queue function a page calls while its tracker is held follows
  // (js/runtime/stubs.js answers their callbacks until those are allowed):
  // {"ym": 1, "ga": 1, "dataLayer": 1}. ym and ga follow their services; dataLayer (gtag and
  // GTM) follows the Google tags seen on the page: analytics when one of them is an analytics
  // tag (G-, GT-, UA-, GTM-), marketing when all are Google Ads tags (AW-, DC-).
  std::string stubs() const;
  // Takes the long tail's text (long_tail.h): {"ok": true, "source": "third-party-web 0.30.0",
  // "hosts": n}, or an error that changes nothing.
  std::string load_long_tail(const std::string& text);

  // {"services": [{"service": .., "purpose": .., "ids": [..]}]}; remembers the ids.
  std::string classify_inline(const std::string& text);

  // Applies the decision stored in the cookie header, if valid (at start, and when another
  // tab decided). Answers like decide(), with "problem" saying why nothing was applied
  // ("absent", "tampered", ...) and "withdrawn" relative to what was allowed before.
  std::string restore(const std::string& cookie_header, double now_ms);

  // choice: "all", "none", or {"analytics": bool, ...} (omitted purposes keep their value).
  // Answers {"ok": true, "state": {...}, "allowed": n, "withdrawn": n, "cookie": "...",
  // "consentMode": {...} | null, "metricaPatch": {...}, "actions": [...]}.
  std::string decide(const std::string& choice, double now_ms);

  // The public state: {"decided", "purposes", "policyVersion", "updatedAt"}.
  std::string state() const;

  // {"cookies": [{"name", "domains"}], "storage": [keys]} for withdrawn purposes (a mask).
  std::string purge(const std::string& cookie_header, const std::string& storage_keys_json,
                    int withdrawn) const;

  // Visitor-facing text in the page's language (the operator's wording where configured).
  std::string text(const std::string& key) const;

  // What the banner shows (see banner.h); page: {"gpc": true|false}.
  std::string banner(const std::string& page) const;

  // The console warning for a tracker tag found in the page's HTML, which the browser's
  // preload scanner may fetch before the guard runs.
  std::string preload_warning(const std::string& tag, const std::string& url);

  // What the receipt of this page's latest decision says, for the receipts module
  // (wasm/include/cg/receipts/receipt_json.h, which validates, builds and hashes it). request:
  // {"origin": "https://namo.kz", "button": "accept_all", "layer": "banner",
  //  "signing": "ES256" | "ES256-session" | "unsigned-insecure-context" |
  //  "unsigned-no-webcrypto", "jwk": {"x", "y"} | null, "seq": n, "prev": hash | null}.
  // Answers {"ok": true, "input": {...}}; the notice in it is the banner model the visitor was
  // shown when deciding (its RFC 8785 SHA-256 goes into the receipt).
  std::string receipt_input(const std::string& request) const;

 private:
  std::string banner_json(bool gpc) const;
  std::vector<const Service*> shown_services() const;
  std::string apply(const ConsentState& next, PurposeMask previous, bool store,
                    const std::string& problem, const std::optional<ConsentState>& outdated);
  void remember_ids(const Service& service, const std::vector<std::string>& ids);

  std::optional<Config> config_;
  std::string language_ = "ru";
  std::string hostname_;
  bool secure_ = false;
  bool gpc_ = false;  // the page's Global Privacy Control signal
  // The latest decision made here: what it was shown (the banner model JSON, hashed into
  // the receipt's notice) and its receipt event (given, refused, changed, withdrawn, renewed).
  std::string notice_json_, last_event_;
  ConsentState state_;
  std::string problem_ = "absent";        // why the stored decision did not apply
  std::optional<ConsentState> outdated_;  // that decision, when outdated
  std::vector<const Service*> seen_services_;
  std::vector<std::string> metrica_ids_;
  std::vector<std::string> google_ids_;
  LongTail long_tail_;
};

}  // namespace cg
