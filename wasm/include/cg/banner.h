// What the banner shows: every text in the visitor's language (the operator's wording where
// configured), the operator, the purposes with their services, recipients and countries,
// and why the visitor is asked again. The JS only lays it out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cg/config.h"
#include "cg/consent.h"
#include "cg/registry.h"

namespace cg {

struct BannerInput {
  const Config* config;
  std::string language;
  ConsentState state;                    // the current decision (checked switches)
  std::string problem;                   // why no stored decision applies: "policy-changed", ...
  std::optional<ConsentState> outdated;  // the decision that no longer applies
  std::vector<const Service*> services;  // the services to name
  bool gpc = false;                      // the browser sends Global Privacy Control
};

// The banner model as JSON text (shape documented in js/runtime/banner/index.js).
std::string banner_model(const BannerInput& in);

// A catalog text in `language`, or the operator's override of it.
std::string site_text(const Config& config, std::string_view key, std::string_view language);

}  // namespace cg
