// A saved page parsed with gumbo as a browser with scripting enabled parses it, and the DOM
// reading the browser's masking code does on it: children, siblings, textContent, attributes.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg::audit {

inline bool is_element(const GumboNode* n) {
  return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

// A node's children in the tree. A <template>'s content is a separate fragment, out of the
// guard's reach (querySelectorAll, TreeWalker and textContent skip it), and so of ours.
inline const GumboVector* children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT) return &n->v.element.children;
  return nullptr;
}

inline const GumboNode* child(const GumboVector* v, unsigned i) {
  return static_cast<const GumboNode*>(v->data[i]);
}

inline const GumboNode* parent_element(const GumboNode* n) {
  return is_element(n->parent) ? n->parent : nullptr;
}

const GumboNode* previous_element_sibling(const GumboNode* n);

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
std::string collapsed_text(const GumboNode* el);
// observe.js's el.textContent, clipped to BLOCK_CHARS.
std::string block_text(const GumboNode* el);

const char* attribute(const GumboNode* el, const char* name);
std::string attribute_or_empty(const GumboNode* el, const char* name);

class Document {
 public:
  explicit Document(std::string_view html);

  const GumboNode* document() const { return output_ ? output_->document : nullptr; }
  // The first element child of the document (html), or null.
  const GumboNode* document_element() const;

  // localName, lower case.
  std::string local_name(const GumboNode* el) const;
  bool is_html(const GumboNode* el, std::string_view name) const {
    return el->v.element.tag_namespace == GUMBO_NAMESPACE_HTML && local_name(el) == name;
  }
  // The source text between an element's start and end tags (to the end of the page when the
  // end tag is implied).
  std::string_view inner_source(const GumboNode* el) const;

 private:
  struct OutputDeleter {
    void operator()(GumboOutput* output) const {
      if (output) gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  };
  bool was_noscript(const GumboElement& e) const;

  std::string buffer_;
  std::string_view source_;
  std::unique_ptr<GumboOutput, OutputDeleter> output_;
};

}  // namespace cg::audit
