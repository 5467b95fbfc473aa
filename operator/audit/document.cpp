#include "audit/document.h"

#include "audit/js_text.h"

namespace cg::audit {
namespace {

// The guard runs with scripting enabled, so the browser parses <noscript> as raw text; gumbo
// parses it as if scripting were disabled (its content as elements, and in <head> a body
// element inside it ends the head). <noframes> is parsed as raw text in <head> and <body>
// alike, so each noscript tag is renamed to noframes (same length, offsets keep) and the
// element is named noscript again from the source. (Between </head> and <body>, where a
// browser would start the body, the renamed element lands in the head instead.)
std::string rename_noscript(std::string_view html) {
  std::string out(html);
  for (size_t i = 0; i + 9 < out.size(); ++i) {
    if (out[i] != '<') continue;
    size_t name = i + 1 + (out[i + 1] == '/' ? 1 : 0);
    if (name + 8 > out.size() ||
        !equals_ascii_ci(std::string_view(out).substr(name, 8), "noscript"))
      continue;
    if (name + 8 < out.size() && !ascii_space(out[name + 8]) && out[name + 8] != '/' &&
        out[name + 8] != '>')
      continue;
    out.replace(name, 8, "noframes");
  }
  return out;
}

}  // namespace

const GumboNode* previous_element_sibling(const GumboNode* n) {
  if (!n->parent) return nullptr;
  const GumboVector* siblings = children(n->parent);
  if (!siblings) return nullptr;
  unsigned i = static_cast<unsigned>(n->index_within_parent);
  if (i >= siblings->length || child(siblings, i) != n) {  // not expected; look it up
    for (i = 0; i < siblings->length && child(siblings, i) != n; ++i) {
    }
    if (i >= siblings->length) return nullptr;
  }
  while (i-- > 0)
    if (is_element(child(siblings, i))) return child(siblings, i);
  return nullptr;
}

// describe.js's text(el).
std::string collapsed_text(const GumboNode* el) {
  Collapsed c;
  text_content(el, [&](std::string_view piece) { return c.feed(piece); });
  return c.result();
}

// observe.js's el.textContent, clipped to BLOCK_CHARS.
std::string block_text(const GumboNode* el) {
  constexpr size_t kLimit = page_reading::kBlockChars;
  std::string out;
  size_t units = 0;
  text_content(el, [&](std::string_view piece) {
    for (size_t i = 0; i < piece.size();) units += utf16_units(next_code_point(piece, i));
    out += piece;
    return units <= kLimit;
  });
  return slice_utf16(out, kLimit);
}

const char* attribute(const GumboNode* el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string attribute_or_empty(const GumboNode* el, const char* name) {
  const char* v = attribute(el, name);
  return v ? v : "";
}

Document::Document(std::string_view html) : buffer_(rename_noscript(html)), source_(html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // recording errors costs memory quadratic in the nesting depth
  output_.reset(gumbo_parse_with_options(&options, buffer_.data(), buffer_.size()));
}

const GumboNode* Document::document_element() const {
  const GumboNode* root = document();
  if (!root) return nullptr;
  const GumboVector* kids = children(root);
  for (unsigned i = 0; kids && i < kids->length; ++i)
    if (is_element(child(kids, i))) return child(kids, i);
  return nullptr;
}

std::string Document::local_name(const GumboNode* el) const {
  const GumboElement& e = el->v.element;
  if (e.tag == GUMBO_TAG_NOFRAMES && was_noscript(e)) return "noscript";
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece name = e.original_tag;
  if (!name.data || name.length == 0) return "";
  gumbo_tag_from_original_text(&name);
  std::string out(name.data, name.length);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view Document::inner_source(const GumboNode* el) const {
  const GumboElement& e = el->v.element;
  size_t start = e.start_pos.offset + e.original_tag.length;
  size_t end = e.end_pos.offset > start ? e.end_pos.offset : source_.size();
  return start <= source_.size() ? source_.substr(start, std::min(end, source_.size()) - start)
                                 : std::string_view();
}

bool Document::was_noscript(const GumboElement& e) const {
  const char* at = e.original_tag.data;
  if (!at || at < buffer_.data() || at >= buffer_.data() + buffer_.size()) return false;
  size_t offset = static_cast<size_t>(at - buffer_.data()) + 1;
  return offset + 8 <= source_.size() && equals_ascii_ci(source_.substr(offset, 8), "noscript");
}

}  // namespace cg::audit
