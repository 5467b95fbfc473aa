#include "audit/page_audit.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "audit/document.h"
#include "audit/js_text.h"
#include "audit/locator.h"
#include "cg/page_reading.h"

namespace cg::audit {
namespace {

// ---- One document, as the guard sees it -----------------------------------------------------

class Auditor {
 public:
  Auditor(const Document& doc, std::string frame) : doc_(doc), frame_(std::move(frame)) {}

  // Findings for this document, and the srcdoc iframes the guard would watch.
  void run(std::vector<Finding>& out, std::vector<std::pair<std::string, std::string>>& frames) {
    const GumboNode* html = doc_.document_element();
    if (!html) return;
    scan(html);
    link_labels();
    for (const GumboNode* f : fields_) out.push_back(audit_field(f));
    for (const GumboNode* b : blocks_) out.push_back(audit_block(b));
    for (const GumboNode* f : iframes_) {
      const char* srcdoc = attribute(f, "srcdoc");
      frames.emplace_back(frame_.empty() ? locator_.of(f) : frame_ + " >> " + locator_.of(f),
                          srcdoc);
    }
    // Declarative shadow roots (<template shadowrootmode=open>): a tree of their own, as the
    // guard sees them (its ids, labels and headings do not mix with the page's).
    for (const GumboNode* t : shadows_) {
      std::string host = locator_.of(parent_element(t)) + " >> shadow";
      frames.emplace_back(frame_.empty() ? host : frame_ + " >> " + host, doc_.inner_source(t));
    }
  }

 private:
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
      if (id && *id) ids_.emplace(id, n);  // the first in tree order wins
      locator_.count(n, name);
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
    f.locator = locator_.of(el);
    f.mark = mark_of(el);
    return f;
  }

  static Finding decided(Finding f, MaskVerdict v) {
    f.kind = v.kind;
    f.signal = std::move(v.signal);
    f.masked = v.mask;
    return f;
  }

  const Document& doc_;
  std::string frame_;
  std::unordered_map<std::string, const GumboNode*> ids_;
  Locator locator_{doc_};
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
