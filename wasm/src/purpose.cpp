#include "cg/purpose.h"

namespace cg {

PurposeMask purpose_bit(Purpose p) {
  switch (p) {
    case Purpose::analytics: return kAnalytics;
    case Purpose::session_recording: return kSessionRecording;
    case Purpose::marketing: return kMarketing;
    case Purpose::necessary: break;
  }
  return 0;
}

bool is_allowed(Purpose p, PurposeMask allowed) {
  return p == Purpose::necessary || (allowed & purpose_bit(p)) != 0;
}

std::string_view purpose_name(Purpose p) {
  switch (p) {
    case Purpose::necessary: return "necessary";
    case Purpose::analytics: return "analytics";
    case Purpose::session_recording: return "session_recording";
    case Purpose::marketing: return "marketing";
  }
  return "necessary";
}

std::optional<Purpose> purpose_from_name(std::string_view name) {
  for (Purpose p :
       {Purpose::necessary, Purpose::analytics, Purpose::session_recording, Purpose::marketing}) {
    if (purpose_name(p) == name) return p;
  }
  return std::nullopt;
}

}  // namespace cg
