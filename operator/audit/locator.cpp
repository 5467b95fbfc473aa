#include "audit/locator.h"

namespace cg::audit {
namespace {

bool css_identifier(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '-') {
    ++i;  // a custom-property-like "--x" is an identifier too
  } else {
    if (i >= s.size()) return false;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!(c == '_' || c == '-' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

std::string css_string(std::string_view s) {
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

}  // namespace

void Locator::count(const GumboNode* el, const std::string& name) {
  const char* id = attribute(el, "id");
  if (id && *id) ++counts_[name + "#" + id];
  if (const char* field_name = attribute(el, "name")) ++counts_[name + "[" + field_name];
}

bool Locator::unique(const std::string& name, char kind, const char* value) const {
  auto it = counts_.find(name + kind + value);
  return it != counts_.end() && it->second == 1;
}

// The element on its own: by a unique name (fields prefer it) or id; html, head, body.
std::optional<std::string> Locator::own_selector(const GumboNode* el, bool by_name) const {
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
std::string Locator::step(const GumboNode* el) const {
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
std::string Locator::of(const GumboNode* el) const {
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

}  // namespace cg::audit
