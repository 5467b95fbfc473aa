// What the guard tells trackers once they are allowed to run: Google Consent Mode v2
// signals, Metrica init options, and the vendors' own consent switches.
#pragma once

#include <string>
#include <vector>

#include "cg/config.h"
#include "cg/purpose.h"

namespace cg {

struct ConsentModeField {
  std::string name;  // "ad_storage", "analytics_storage", ...
  bool granted;
};

// The four Consent Mode v2 types for a set of allowed purposes (all denied for 0).
std::vector<ConsentModeField> consent_mode_fields(PurposeMask allowed);

// Milliseconds gtag waits for an update after the synchronous default.
constexpr int kConsentModeWaitMs = 500;

// Options to overwrite in a queued `ym(ID, 'init', {...})` before tag.js reads them.
struct OptionPatch {
  std::string key;
  bool value;
};
std::vector<OptionPatch> metrica_init_patch(PurposeMask allowed);

// A vendor switch to apply on the page: set a global, or call a global function if it exists.
struct VendorAction {
  enum Kind { set_global, call } kind;
  std::string target;             // global name, or dotted function path ("ttq.grantConsent")
  std::vector<std::string> args;  // string arguments for calls; "true"/"false" are booleans
  bool value = false;             // for set_global
};

// Switches for the ids seen on the page (Metrica counters, Google tags), for a decision.
std::vector<VendorAction> vendor_actions(PurposeMask allowed,
                                         const std::vector<std::string>& metrica_ids,
                                         const std::vector<std::string>& google_ids);

}  // namespace cg
