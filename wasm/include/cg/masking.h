// Masking personal data from session recorders: which fields and text blocks to mask
// (the classifier of fields.h plus the operator's overrides) and the markers every
// recorder honours (see ../shared/notes/trackers.md). The JS applies them to the DOM.
#pragma once

#include <string>
#include <string_view>

#include "cg/fields.h"
#include "cg/json.h"
#include "cg/purpose.h"

namespace cg {

// The operator's own marking of a field: data-consent-guard-mask / -unmask.
enum class OperatorMark { none, mask, unmask };

struct MaskVerdict {
  bool mask = false;
  PiiKind kind = PiiKind::none;
  std::string signal;  // what decided: "type=password", "label:телефон", "data-consent-guard-mask"
};

// Passwords are always masked, then the operator's mark wins, then the classifier.
MaskVerdict mask_field(const FieldInfo& field, OperatorMark mark);

// A text block is masked when it shows a phone number, an e-mail address or an IIN.
MaskVerdict mask_text(std::string_view text, OperatorMark mark);

// The markers as JSON: {"field": {"classes": [...], "attributes": {name: value}},
// "text": {...}, "unmask": {"classes": [...], "attributes": [...]}}. Fields get both the
// "do not record input" and "hide content" markers; the unmask markers are removed from a
// masked element and all its ancestors (they would opt it back in).
void write_masking_markers(json::Out& o);

// Whether the page must be masked before anything allowed is released: once any optional
// purpose is allowed. Recorders are session_recording, but analytics (Metrica's contact-data
// capture) and marketing (Meta's automatic advanced matching) read form fields too.
bool masking_needed(PurposeMask allowed);

// The masking module's one call. request: {"fields": [{"tag", "type", "name", "id",
// "autocomplete", "inputmode", "placeholder", "ariaLabel", "label", "heading", "mark"}],
// "texts": [{"text", "mark"}]}, every value a string, omitted ones empty; mark is "mask",
// "unmask" or "". Answers {"ok": true, "fields": [{"mask", "kind", "signal"}], "texts": [...]}
// in the same order, and with "markers" (see write_masking_markers) when the request asks
// {"markers": true}; {"ok": false, "error": {"field", "message"}} on a bad request.
std::string mask_request(const std::string& request);

}  // namespace cg
