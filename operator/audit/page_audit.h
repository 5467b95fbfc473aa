// Audits a saved HTML page the way the guard's masking does in the browser (issue 4): finds
// the form fields and text blocks that js/masking/observe.js finds, describes them as
// js/masking/describe.js does (both by the core's rules, cg/page_reading.h), and asks the core
// (cg/masking.h) for the verdict. The
// page is parsed with gumbo as a browser with scripting enabled would parse it; the
// documents of same-origin srcdoc iframes are audited too. No printing here: see main.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cg/fields.h"
#include "cg/masking.h"

namespace cg::audit {

enum class Target { field, text };
std::string_view target_name(Target target);  // "field", "text"

struct Finding {
  Target target = Target::field;
  // Where: a short CSS selector for the element within its document, e.g.
  // `input[name=Phone]`, `p#confirmation`, `form#booking > textarea:nth-of-type(2)`.
  std::string locator;
  // "" for the page itself; for a document inside srcdoc iframes, the iframes' locators from
  // the outermost, joined by " >> ", e.g. "iframe#frame".
  std::string frame;
  PiiKind kind = PiiKind::none;
  std::string signal;  // what decided, as the core says it
  bool masked = false;
  OperatorMark mark = OperatorMark::none;  // the nearest data-consent-guard-mask/-unmask
  FieldInfo field;                         // fields only: what the classifier read
};

// Every field the guard would classify, and every text block it would ask about (those whose
// text passes the guard's cheap pre-filter), masked or not, in document order: a document's
// fields, then its text blocks, then the documents of its srcdoc iframes. Never throws on
// malformed HTML; bytes that are not UTF-8 are read as U+FFFD.
std::vector<Finding> audit_page(std::string_view html);

// The JS mark names: "mask", "unmask", "".
std::string_view mark_name(OperatorMark mark);

}  // namespace cg::audit
