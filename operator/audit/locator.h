// Where a finding is: a short CSS selector for an element within its document, e.g.
// `input[name=Phone]`, `p#confirmation`, `form#booking > textarea:nth-of-type(2)`.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "audit/document.h"

namespace cg::audit {

class Locator {
 public:
  explicit Locator(const Document& doc) : doc_(doc) {}
  // Counts an element's id and name (every element, in the scan before any of()), so that
  // a unique one can name it.
  void count(const GumboNode* el, const std::string& local_name);
  // A short CSS selector: the element's own, else a child path from the nearest ancestor that
  // has one (at most 6 steps; a longer path keeps its last steps after a descendant
  // combinator).
  std::string of(const GumboNode* el) const;

 private:
  bool unique(const std::string& name, char kind, const char* value) const;
  std::optional<std::string> own_selector(const GumboNode* el, bool by_name) const;
  std::string step(const GumboNode* el) const;

  const Document& doc_;
  std::unordered_map<std::string, int> counts_;
};

}  // namespace cg::audit
