#include "cg/masking.h"

namespace cg {
namespace {

struct Attribute {
  std::string_view name, value;
};

// One row per recorder, from its documentation. Webvisor: ym-disable-keys keeps typed text
// out of recordings, Form Analysis and Metrica's contact-data capture; ym-hide-content
// hides an element's content. Clarity wants the value "True" (presence counts).
constexpr std::string_view kFieldClasses[] = {
    "ym-disable-keys", "ym-hide-content",  // Yandex Metrica Webvisor
    "fs-mask",                             // FullStory
    "no-mouseflow",                        // Mouseflow
    "ph-no-capture",                       // PostHog
    "sentry-mask",                         // Sentry Replay
};
constexpr std::string_view kTextClasses[] = {"ym-hide-content", "fs-mask", "no-mouseflow",
                                             "ph-no-capture", "sentry-mask"};
constexpr Attribute kMaskAttributes[] = {
    {"data-hj-suppress", ""},          // Hotjar
    {"data-clarity-mask", "True"},     // Microsoft Clarity
    {"data-private", ""},              // LogRocket
    {"data-recording-sensitive", ""},  // Smartlook
    {"data-sentry-mask", ""},          // Sentry Replay
    {"data-matomo-mask", ""},          // Matomo heatmaps and session recording
};
// Opt-in markers that would undo the masking from the element or any ancestor.
constexpr std::string_view kUnmaskClasses[] = {"ym-record-keys", "ym-show-content", "fs-unmask"};
constexpr std::string_view kUnmaskAttributes[] = {"data-hj-allow", "data-clarity-unmask",
                                                  "data-recording-gdpr-safe", "data-matomo-unmask"};

// Typographic spaces and dashes between a number's digits, as pages write them (&nbsp;,
// U+202F, U+2011 non-breaking hyphen, en dash), read as a plain space or hyphen.
std::string plain_separators(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      out += ' ';
      i += 1;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char t = text[i + 2];
      bool space = t == 0x87 || t == 0x89 || t == 0xAF;  // figure, thin, narrow no-break space
      bool dash = t >= 0x90 && t <= 0x95;                // U+2010..U+2015 hyphens and dashes
      if (space || dash) {
        out += space ? ' ' : '-';
        i += 2;
        continue;
      }
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

template <size_t N>
void write_names(json::Out& o, const std::string_view (&names)[N]) {
  o.array();
  for (auto n : names) o.str(n);
  o.end_array();
}

void write_markers(json::Out& o, bool field) {
  o.object().key("classes");
  if (field)
    write_names(o, kFieldClasses);
  else
    write_names(o, kTextClasses);
  o.key("attributes").object();
  for (const auto& a : kMaskAttributes) o.key(a.name).str(a.value);
  o.end_object().end_object();
}

}  // namespace

MaskVerdict mask_field(const FieldInfo& field, OperatorMark mark) {
  FieldVerdict v = classify_field(field);
  if (fold_case(field.type) == "password") return {true, PiiKind::secret, "type=password"};
  if (mark == OperatorMark::mask) return {true, v.kind, "data-consent-guard-mask"};
  if (mark == OperatorMark::unmask) return {false, v.kind, "data-consent-guard-unmask"};
  return {v.kind != PiiKind::none, v.kind, v.signal};
}

MaskVerdict mask_text(std::string_view text, OperatorMark mark) {
  if (mark == OperatorMark::mask) return {true, PiiKind::none, "data-consent-guard-mask"};
  if (mark == OperatorMark::unmask) return {false, PiiKind::none, "data-consent-guard-unmask"};
  auto found = find_pii_in_text(plain_separators(text));
  if (found.empty()) return {};
  return {true, found.front().kind, "text:" + std::string(pii_kind_name(found.front().kind))};
}

void write_masking_markers(json::Out& o) {
  o.object().key("field");
  write_markers(o, true);
  o.key("text");
  write_markers(o, false);
  o.key("unmask").object().key("classes");
  write_names(o, kUnmaskClasses);
  o.key("attributes");
  write_names(o, kUnmaskAttributes);
  o.end_object().end_object();
}

bool masking_needed(PurposeMask allowed) {
  return (allowed & kAllOptional) != 0;
}

}  // namespace cg
