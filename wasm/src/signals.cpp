#include "cg/signals.h"

namespace cg {

std::vector<ConsentModeField> consent_mode_fields(PurposeMask allowed) {
  bool ads = (allowed & kMarketing) != 0;
  return {{"ad_storage", ads},
          {"ad_user_data", ads},
          {"ad_personalization", ads},
          {"analytics_storage", (allowed & kAnalytics) != 0}};
}

std::vector<OptionPatch> metrica_init_patch(PurposeMask allowed) {
  // Webvisor is Metrica's session recorder: analytics alone must not switch it on.
  if ((allowed & kSessionRecording) == 0) return {{"webvisor", false}};
  return {};
}

std::vector<VendorAction> vendor_actions(PurposeMask allowed,
                                         const std::vector<std::string>& metrica_ids,
                                         const std::vector<std::string>& google_ids) {
  bool analytics = (allowed & kAnalytics) != 0;
  bool marketing = (allowed & kMarketing) != 0;
  bool recording = (allowed & kSessionRecording) != 0;
  std::vector<VendorAction> out;
  for (const auto& id : metrica_ids) {
    out.push_back({VendorAction::set_global, "disableYaCounter" + id, {}, !analytics});
  }
  for (const auto& id : google_ids) {
    // ga-disable-<id> is honoured by analytics.js and gtag.js for measurement ids.
    if (id.rfind("G-", 0) == 0 || id.rfind("UA-", 0) == 0) {
      out.push_back({VendorAction::set_global, "ga-disable-" + id, {}, !analytics});
    }
  }
  out.push_back({VendorAction::call, "fbq", {"consent", marketing ? "grant" : "revoke"}});
  out.push_back({VendorAction::call, marketing ? "ttq.grantConsent" : "ttq.revokeConsent", {}});
  out.push_back({VendorAction::call, "clarity", {"consent", recording ? "true" : "false"}});
  return out;
}

}  // namespace cg
