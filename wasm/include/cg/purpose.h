// Purposes a visitor can allow, and the bit mask that carries a set of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cg {

enum class Purpose : uint8_t { necessary, analytics, session_recording, marketing };

// A set of purposes. `necessary` is always allowed and therefore never stored.
using PurposeMask = uint32_t;
constexpr PurposeMask kAnalytics = 1u << 0;
constexpr PurposeMask kSessionRecording = 1u << 1;
constexpr PurposeMask kMarketing = 1u << 2;
constexpr PurposeMask kAllOptional = kAnalytics | kSessionRecording | kMarketing;
// Not a purpose: "not known yet". A third-party host neither registry tier names until the
// long tail is loaded (long_tail.h). No decision allows it, so what carries it waits.
constexpr PurposeMask kUnknownYet = 1u << 4;

constexpr Purpose kOptionalPurposes[] = {Purpose::analytics, Purpose::session_recording,
                                         Purpose::marketing};

// The bit for a purpose; 0 for `necessary`, which needs no consent.
PurposeMask purpose_bit(Purpose p);
bool is_allowed(Purpose p, PurposeMask allowed);
std::string_view purpose_name(Purpose p);
std::optional<Purpose> purpose_from_name(std::string_view name);

}  // namespace cg
