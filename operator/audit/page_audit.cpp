#include "audit/page_audit.h"

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cg/page_reading.h"
#include "cg/utf8.h"

namespace cg::audit {
namespace {

// ---- Text as JS sees it: UTF-16 lengths, JS whitespace ----------------------------------

// Decodes one code point at s[i] and advances i; anything ill-formed reads as U+FFFD, as a
// browser shows it (gumbo's output is well-formed UTF-8: this is only a guard).
char32_t next_code_point(std::string_view s, size_t& i) {
  char32_t cp = utf8::next(s, i);
  return cp == utf8::kIllFormed ? 0xFFFD : cp;
}

size_t utf16_units(char32_t cp) {
  return cp > 0xFFFF ? 2 : 1;
}

using page_reading::js_space;

// s.slice(0, units) of the JS string. A cut through a surrogate pair drops the pair: a lone
// surrogate has no UTF-8 form.
std::string slice_utf16(std::string_view s, size_t units) {
  size_t i = 0, used = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (used + utf16_units(cp) > units) return std::string(s.substr(0, start));
    used += utf16_units(cp);
  }
  return std::string(s);
}

// describe.js's text(): .replace(/\s+/g, ' ').trim().slice(0, TEXT_CHARS), fed piecewise so
// that a huge element is not read past what the result can hold.
class Collapsed {
 public:
  static constexpr size_t kLimit = page_reading::kTextChars;
  // False once enough is collected.
  bool feed(std::string_view chunk) {
    for (size_t i = 0; i < chunk.size();) {
      char32_t cp = next_code_point(chunk, i);
      if (js_space(cp)) {
        pending_space_ = !out_.empty();
        continue;
      }
      if (pending_space_) {
        out_ += ' ';
        ++units_;
        pending_space_ = false;
      }
      utf8::append(out_, cp);
      units_ += utf16_units(cp);
      // Past kLimit + 1 units the trailing trim cannot reach the first kLimit.
      if (units_ > kLimit + 1) return false;
    }
    return true;
  }
  std::string result() const { return slice_utf16(out_, kLimit); }  // the trailing space dropped

 private:
  std::string out_;
  size_t units_ = 0;
  bool pending_space_ = false;
};

// String.prototype.trim().
std::string js_trim(std::string_view s) {
  size_t begin = s.size(), end = 0;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    if (js_space(next_code_point(s, i))) continue;
    if (begin == s.size()) begin = at;
    end = i;
  }
  return begin < end ? std::string(s.substr(begin, end - begin)) : std::string();
}

// s.split(/\s+/): an empty first (last) part when s starts (ends) with whitespace.
std::vector<std::string> split_js_space(std::string_view s) {
  std::vector<std::string> parts(1);
  bool in_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    if (js_space(next_code_point(s, i))) {
      if (!in_space) parts.emplace_back();
      in_space = true;
    } else {
      parts.back().append(s.substr(at, i - at));
      in_space = false;
    }
  }
  return parts;
}

bool equals_ascii_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// ---- The parsed document ------------------------------------------------------------------

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

struct OutputDeleter {
  void operator()(GumboOutput* output) const {
    if (output) gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

bool is_element(const GumboNode* n) {
  return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

// A node's children in the tree. A <template>'s content is a separate fragment, out of the
// guard's reach (querySelectorAll, TreeWalker and textContent skip it), and so of ours.
const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT) return &n->v.element.children;
  return nullptr;
}

const GumboNode* child(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

const GumboNode* parent_element(const GumboNode* n) {
  return is_element(n->parent) ? n->parent : nullptr;
}

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

enum class Walk { descend, skip, stop };

// Pre-order over `root` and its descendants, without recursion (pages can nest deeply).
template <class Visit>
void walk(const GumboNode* root, Visit&& visit) {
  Walk first = visit(root);
  if (first != Walk::descend || !children(root)) return;
  std::vector<std::pair<const GumboVector*, unsigned>> stack{{children(root), 0u}};
  while (!stack.empty()) {
    auto& top = stack.back();
    if (top.second >= top.first->length) {
      stack.pop_back();
      continue;
    }
    const GumboNode* n = child(top.first, top.second++);
    Walk w = visit(n);
    if (w == Walk::stop) return;
    if (w == Walk::descend && children(n)) stack.emplace_back(children(n), 0u);
  }
}

// textContent, in pieces: the data of every Text (and CDATASection) descendant.
template <class Sink>
void text_content(const GumboNode* el, Sink&& sink) {
  walk(el, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA)
      return sink(std::string_view(n->v.text.text)) ? Walk::skip : Walk::stop;
    return Walk::descend;
  });
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

class Document {
 public:
  explicit Document(std::string_view html) : buffer_(rename_noscript(html)), source_(html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // recording errors costs memory quadratic in the nesting depth
    output_.reset(gumbo_parse_with_options(&options, buffer_.data(), buffer_.size()));
  }

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }

  // localName, lower case.
  std::string local_name(const GumboNode* el) const {
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

  bool is_html(const GumboNode* el, std::string_view name) const {
    return el->v.element.tag_namespace == GUMBO_NAMESPACE_HTML && local_name(el) == name;
  }

  // The source text between an element's start and end tags (to the end of the page when the
  // end tag is implied).
  std::string_view inner_source(const GumboNode* el) const {
    const GumboElement& e = el->v.element;
    size_t start = e.start_pos.offset + e.original_tag.length;
    size_t end = e.end_pos.offset > start ? e.end_pos.offset : source_.size();
    return start <= source_.size() ? source_.substr(start, std::min(end, source_.size()) - start)
                                   : std::string_view();
  }

 private:
  bool was_noscript(const GumboElement& e) const {
    const char* at = e.original_tag.data;
    if (!at || at < buffer_.data() || at >= buffer_.data() + buffer_.size()) return false;
    size_t offset = static_cast<size_t>(at - buffer_.data()) + 1;
    return offset + 8 <= source_.size() && equals_ascii_ci(source_.substr(offset, 8), "noscript");
  }

  std::string buffer_;
  std::string_view source_;
  std::unique_ptr<GumboOutput, OutputDeleter> output_;
};

// ---- One document, as the guard sees it -----------------------------------------------------

class Auditor {
 public:
  Auditor(const Document& doc, std::string frame) : doc_(doc), frame_(std::move(frame)) {}

  // Findings for this document, and the srcdoc iframes the guard would watch.
  void run(std::vector<Finding>& out, std::vector<std::pair<std::string, std::string>>& frames) {
    const GumboNode* html = document_element();
    if (!html) return;
    scan(html);
    link_labels();
    for (const GumboNode* f : fields_) out.push_back(audit_field(f));
    for (const GumboNode* b : blocks_) out.push_back(audit_block(b));
    for (const GumboNode* f : iframes_) {
      const char* srcdoc = attribute(f, "srcdoc");
      frames.emplace_back(frame_.empty() ? locator(f) : frame_ + " >> " + locator(f), srcdoc);
    }
    // Declarative shadow roots (<template shadowrootmode=open>): a tree of their own, as the
    // guard sees them (its ids, labels and headings do not mix with the page's).
    for (const GumboNode* t : shadows_) {
      std::string host = locator(parent_element(t)) + " >> shadow";
      frames.emplace_back(frame_.empty() ? host : frame_ + " >> " + host, doc_.inner_source(t));
    }
  }

 private:
  const GumboNode* document_element() const {
    const GumboNode* root = doc_.document();
    if (!root) return nullptr;
    const GumboVector* kids = children(root);
    for (unsigned i = 0; kids && i < kids->length; ++i)
      if (is_element(child(kids, i))) return child(kids, i);
    return nullptr;
  }

  // One pass over the tree: ids, labels, fields, text blocks, iframes, and the counts the
  // locators need.
  void scan(const GumboNode* html) {
    walk(html, [&](const GumboNode* n) {
      if (n->type == GUMBO_NODE_TEXT) {
        collect_text(n);
        return Walk::skip;
      }
      if (!is_element(n)) return Walk::skip;
      std::string name = doc_.local_name(n);
      bool html_ns = n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
      const char* id = attribute(n, "id");
      if (id && *id) {
        ids_.emplace(id, n);  // the first in tree order wins
        ++counts_[name + "#" + id];
      }
      if (const char* field_name = attribute(n, "name")) ++counts_[name + "[" + field_name];
      if (name == "input" || name == "textarea" || name == "select") fields_.push_back(n);
      if (html_ns && name == "label") labels_.push_back(n);
      if (html_ns && name == "iframe" && same_origin_srcdoc(n)) iframes_.push_back(n);
      if (html_ns && name == "template" && parent_element(n) &&
          (equals_ascii_ci(attribute_or_empty(n, "shadowrootmode"), "open") ||
           equals_ascii_ci(attribute_or_empty(n, "shadowroot"), "open")))
        shadows_.push_back(n);
      return Walk::descend;
    });
  }

  // observe.js's collectText(): the text's parent, unless one whose text is not shown.
  void collect_text(const GumboNode* text) {
    const GumboNode* el = parent_element(text);
    if (!el || blocks_seen_.count(el)) return;
    if (el->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
      std::string name = doc_.local_name(el);  // tagName matches upper case in HTML only
      for (std::string_view skip : page_reading::kSkipText)
        if (name == skip) return;
    }
    if (!page_reading::maybe_personal(text->v.text.text)) return;
    blocks_seen_.insert(el);
    blocks_.push_back(el);
  }

  // A srcdoc document is same-origin (so the guard watches it) unless the frame is
  // sandboxed without allow-same-origin.
  static bool same_origin_srcdoc(const GumboNode* frame) {
    if (!attribute(frame, "srcdoc")) return false;
    const char* sandbox = attribute(frame, "sandbox");
    if (!sandbox) return true;
    std::string_view tokens(sandbox);
    for (size_t i = 0; i < tokens.size();) {
      while (i < tokens.size() && ascii_space(tokens[i])) ++i;
      size_t start = i;
      while (i < tokens.size() && !ascii_space(tokens[i])) ++i;
      if (i > start && equals_ascii_ci(tokens.substr(start, i - start), "allow-same-origin"))
        return true;
    }
    return false;
  }

  bool labelable(const GumboNode* el) const {
    if (el->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
    std::string name = doc_.local_name(el);
    if (name == "input") return !equals_ascii_ci(attribute_or_empty(el, "type"), "hidden");
    return name == "button" || name == "meter" || name == "output" || name == "progress" ||
           name == "select" || name == "textarea";
  }

  // Each label's labeled control (the element its for= names, if labelable; without for=,
  // its first labelable descendant), so that a field's labels are in tree order.
  void link_labels() {
    for (const GumboNode* label : labels_) {
      const GumboNode* control = nullptr;
      if (const char* target = attribute(label, "for")) {
        auto it = ids_.find(target);
        if (it != ids_.end() && labelable(it->second)) control = it->second;
      } else {
        walk(label, [&](const GumboNode* n) {
          if (!is_element(n)) return Walk::skip;
          if (n != label && labelable(n)) {
            control = n;
            return Walk::stop;
          }
          return Walk::descend;
        });
      }
      if (control) labels_of_[control].push_back(label);
    }
  }

  // describe.js's markOf(): the nearest element, itself or an ancestor, with a mark.
  static OperatorMark mark_of(const GumboNode* el) {
    for (const GumboNode* n = el; n; n = parent_element(n)) {
      if (attribute(n, "data-consent-guard-mask")) return OperatorMark::mask;
      if (attribute(n, "data-consent-guard-unmask")) return OperatorMark::unmask;
    }
    return OperatorMark::none;
  }

  // page_reading::kHeadings: h1..h6, legend, [role=heading].
  bool is_heading(const GumboNode* el) const {
    std::string name = doc_.local_name(el);
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return true;
    const char* role = attribute(el, "role");
    return name == "legend" || (role && std::string_view(role) == "heading");
  }

  // describe.js's nearestHeading(): the last heading before the field, in its earlier
  // siblings (themselves or their content), then in its ancestors' (kHeadingLevels levels,
  // kHeadingSiblings siblings each).
  std::string nearest_heading(const GumboNode* el) const {
    int depth = 0;
    for (const GumboNode* n = el; n && parent_element(n) && depth < page_reading::kHeadingLevels;
         n = parent_element(n), ++depth) {
      int seen = 0;
      for (const GumboNode* s = previous_element_sibling(n);
           s && seen < page_reading::kHeadingSiblings; s = previous_element_sibling(s), ++seen) {
        if (is_heading(s)) return collapsed_text(s);
        const GumboNode* last = nullptr;
        walk(s, [&](const GumboNode* d) {
          if (!is_element(d)) return Walk::skip;
          if (d != s && is_heading(d)) last = d;
          return Walk::descend;
        });
        if (last) return collapsed_text(last);
      }
    }
    return "";
  }

  // describe.js's describeField().
  FieldInfo describe(const GumboNode* el) const {
    auto attr = [&](const char* name) {
      return slice_utf16(attribute_or_empty(el, name), page_reading::kTextChars);
    };
    // .split(/\s+/).map((id) => id && text(getElementById(id))).join(' ').trim()
    std::string labelled_by;
    std::vector<std::string> ids = split_js_space(attr("aria-labelledby"));
    for (size_t k = 0; k < ids.size(); ++k) {
      if (k) labelled_by += ' ';
      auto it = ids[k].empty() ? ids_.end() : ids_.find(ids[k]);
      if (it != ids_.end()) labelled_by += collapsed_text(it->second);
    }
    std::string labels;
    auto found = labels_of_.find(el);
    if (found != labels_of_.end()) {
      for (size_t k = 0; k < found->second.size(); ++k) {
        if (k) labels += ' ';
        labels += collapsed_text(found->second[k]);
      }
    }
    FieldInfo f;
    f.tag = doc_.local_name(el);
    f.type = attr("type");
    f.name = attr("name");
    f.id = attr("id");
    f.autocomplete = attr("autocomplete");
    f.inputmode = attr("inputmode");
    f.placeholder = attr("placeholder");
    f.aria_label = js_trim(attr("aria-label") + ' ' + js_trim(labelled_by));
    f.label = labels;
    f.heading = nearest_heading(el);
    return f;
  }

  Finding audit_field(const GumboNode* el) const {
    Finding f = finding(el, Target::field);
    f.field = describe(el);
    MaskVerdict v = mask_field(f.field, f.mark);
    return decided(std::move(f), std::move(v));
  }

  Finding audit_block(const GumboNode* el) const {
    Finding f = finding(el, Target::text);
    MaskVerdict v = mask_text(block_text(el), f.mark);
    return decided(std::move(f), std::move(v));
  }

  // Where `el` is and how the operator marked it; the verdict comes next.
  Finding finding(const GumboNode* el, Target target) const {
    Finding f;
    f.target = target;
    f.frame = frame_;
    f.locator = locator(el);
    f.mark = mark_of(el);
    return f;
  }

  static Finding decided(Finding f, MaskVerdict v) {
    f.kind = v.kind;
    f.signal = std::move(v.signal);
    f.masked = v.mask;
    return f;
  }

  // ---- Locators -----------------------------------------------------------------------------

  static bool css_identifier(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i < s.size() && s[i] == '-') {
      ++i;  // a custom-property-like "--x" is an identifier too
    } else {
      if (i >= s.size()) return false;
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return false;
    }
    for (; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (!(c == '_' || c == '-' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9')))
        return false;
    }
    return true;
  }

  static std::string css_string(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char ch : s) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += ch;
      } else if (c < 0x20 || c == 0x7F) {
        out += '\\';
        if (c >= 0x10) out += kHex[c >> 4];
        out += kHex[c & 0xF];
        out += ' ';
      } else {
        out += ch;
      }
    }
    return out + "\"";
  }

  bool unique(const std::string& name, char kind, const char* value) const {
    auto it = counts_.find(name + kind + value);
    return it != counts_.end() && it->second == 1;
  }

  // The element on its own: by a unique name (fields prefer it) or id; html, head, body.
  std::optional<std::string> own_selector(const GumboNode* el, bool by_name) const {
    std::string name = doc_.local_name(el);
    const char* id = attribute(el, "id");
    const char* field_name = by_name ? attribute(el, "name") : nullptr;
    if (field_name && *field_name && unique(name, '[', field_name))
      return name + "[name=" +
             (css_identifier(field_name) ? std::string(field_name) : css_string(field_name)) + "]";
    if (id && *id && unique(name, '#', id))
      return css_identifier(id) ? name + "#" + id : name + "[id=" + css_string(id) + "]";
    if (el->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
        (name == "html" || name == "head" || name == "body"))
      return name;
    return std::nullopt;
  }

  // `tag`, or `tag:nth-of-type(k)` when it has siblings of its type.
  std::string step(const GumboNode* el) const {
    std::string name = doc_.local_name(el);
    size_t index = 0, count = 0;
    if (const GumboVector* siblings = el->parent ? children(el->parent) : nullptr) {
      for (unsigned i = 0; i < siblings->length; ++i) {
        const GumboNode* s = child(siblings, i);
        if (!is_element(s) || doc_.local_name(s) != name) continue;
        ++count;
        if (s == el) index = count;
      }
    }
    return count > 1 ? name + ":nth-of-type(" + std::to_string(index) + ")" : name;
  }

  // A short CSS selector: the element's own, else a child path from the nearest ancestor that
  // has one (at most kSteps steps; a longer path keeps its last steps after a descendant
  // combinator).
  std::string locator(const GumboNode* el) const {
    std::string name = doc_.local_name(el);
    bool field = name == "input" || name == "textarea" || name == "select" || name == "iframe";
    if (auto own = own_selector(el, field)) return *own;
    constexpr size_t kSteps = 6;
    std::vector<std::string> steps{step(el)};
    bool cut = false;
    std::string anchor;
    for (const GumboNode* p = parent_element(el); p; p = parent_element(p)) {
      if (auto own = own_selector(p, false)) {
        anchor = *own;
        break;
      }
      if (steps.size() < kSteps)
        steps.push_back(step(p));
      else
        cut = true;
    }
    std::string out = anchor;
    for (size_t k = steps.size(); k-- > 0;) {
      if (!out.empty()) out += (cut && k + 1 == steps.size()) ? " " : " > ";
      out += steps[k];
    }
    return out;
  }

  const Document& doc_;
  std::string frame_;
  std::unordered_map<std::string, const GumboNode*> ids_;
  std::unordered_map<std::string, int> counts_;
  std::vector<const GumboNode*> fields_, labels_, blocks_, iframes_, shadows_;
  std::unordered_set<const GumboNode*> blocks_seen_;
  std::unordered_map<const GumboNode*, std::vector<const GumboNode*>> labels_of_;
};

// srcdoc documents inside srcdoc documents: a browser has no limit, a page has no need.
constexpr int kMaxFrameDepth = 8;

void audit_document(std::string_view html, const std::string& frame, int depth,
                    std::vector<Finding>& out) {
  Document doc(html);
  std::vector<std::pair<std::string, std::string>> frames;
  Auditor(doc, frame).run(out, frames);
  if (depth >= kMaxFrameDepth) return;
  for (const auto& [where, srcdoc] : frames) audit_document(srcdoc, where, depth + 1, out);
}

}  // namespace

std::string_view target_name(Target target) {
  return target == Target::field ? "field" : "text";
}

std::string_view mark_name(OperatorMark mark) {
  return mark == OperatorMark::mask ? "mask" : mark == OperatorMark::unmask ? "unmask" : "";
}

std::vector<Finding> audit_page(std::string_view html) {
  std::vector<Finding> out;
  audit_document(html, "", 0, out);
  return out;
}

}  // namespace cg::audit
