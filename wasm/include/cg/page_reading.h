// How the guard reads a page for masking, written once for the two readers: the browser's
// (js/masking/describe.js and observe.js, which get these generated as build/gen/page-reading.js
// by cg-gen-page-reading) and cg-audit's (operator/audit/, which reads saved pages the same
// way). tests/browser/audit-agreement.test.mjs compares the two on the same pages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cg::page_reading {

// UTF-16 units (JS string length) kept of an attribute, a label's or a heading's text.
constexpr size_t kTextChars = 200;
// UTF-16 units kept of a text block's textContent when it is asked about.
constexpr size_t kBlockChars = 2000;
// The nearest heading: up to this many ancestors, and this many earlier siblings on each.
constexpr int kHeadingLevels = 6;
constexpr int kHeadingSiblings = 20;
// What counts as a heading (a CSS selector; cg-audit's is_heading() reads it the same way).
constexpr std::string_view kHeadings = "h1,h2,h3,h4,h5,h6,legend,[role=heading]";
// Elements whose text is not shown as text, so never a text block (HTML elements only).
constexpr std::string_view kSkipText[] = {"script",   "style",    "noscript",
                                          "template", "textarea", "option"};
// The cheap first look at a text: could it hold a phone number, an IIN or an e-mail address
// (two digit groups, five digits in a row, or an @)? As a JS regular expression without the u
// flag (\d and \s as JS reads them); maybe_personal() is the same rule natively.
constexpr std::string_view kMaybePersonal = R"(\d{5}|\d[\s()\u2010-\u2015-]+\d|@)";

// JS's \s and String.prototype.trim()'s whitespace: WhiteSpace and LineTerminator.
bool js_space(char32_t c);
// kMaybePersonal's rule on UTF-8 text.
bool maybe_personal(std::string_view text);

// The ES module the browser's masking code imports (cg:page-reading).
std::string js_module();

}  // namespace cg::page_reading
