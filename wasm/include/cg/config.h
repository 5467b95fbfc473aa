// The site's configuration: what the operator sets on the script tag and in the optional
// JSON configuration, validated strictly. A bad value names its field; nothing is guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cg {

struct OperatorInfo {
  std::string name;  // legal name shown to visitors and put in receipts (see operator_name)
  // The name per language where the operator gave it so ("ТОО «Намо»", "«Намо» ЖШС",
  // "Namo LLP"): [language, name], ru/kk/en.
  std::vector<std::pair<std::string, std::string>> names;
  std::string bin;      // Kazakh business identification number (12 digits) or ""
  std::string contact;  // e-mail, phone or address for data subject requests
};

// An operator's own wording for one catalog text in one language (see texts.cpp for keys).
struct TextOverride {
  std::string language;  // ru, kk or en
  std::string key;       // e.g. "accept_all"
  std::string value;
};

struct Config {
  std::string site;            // data-site: [a-z0-9-], 1..64
  std::string policy_version;  // data-policy-version: [A-Za-z0-9._-], 1..64
  std::string language;        // "" (auto) or ru / kk / en
  std::string policy_url;      // "" or an http(s) URL or a site path
  OperatorInfo operator_info;
  std::string cookie_domain;  // "" (host only) or a domain to share the decision with
  int max_age_days = 365;     // how long a decision is valid, 1..730
  bool consent_mode = true;   // send Google Consent Mode v2 signals
  bool ads_data_redaction = true;
  bool url_passthrough = false;
  bool banner = true;                     // show the built-in banner (false: the site uses the API)
  std::string reopen = "bottom-left";     // the reopen button: bottom-left, bottom-right or none
  std::string theme = "auto";             // light, dark or auto
  std::string form_selector;              // forms needing consent to personal data, "": none
  std::string form_field = "consent_id";  // their hidden field with the decision id
  std::string receipts_endpoint;          // the collector's URL for receipts, "": none sent
  std::string receipts_location = "KZ";   // where the operator keeps receipts (ISO 3166)
  std::string receipts_retention = "P3Y";  // for how long (ISO 8601 duration or words)
  std::vector<std::string> services;       // registry ids to name in the banner; empty: those seen
  std::vector<TextOverride> texts;
};

struct ConfigError {
  std::string field;  // dotted path of the offending field, "" for the document itself
  std::string message;
};

struct ConfigResult {
  std::optional<Config> config;
  ConfigError error;  // set when config is empty
};

// `attributes_json`: the tag's data attributes as a JSON object ({"site": ..,
// "policyVersion": .., "language": ..}); they override the same fields of `config_json`,
// the optional full configuration (inline or fetched; "" when there is none).
ConfigResult parse_config(std::string_view attributes_json, std::string_view config_json);

// True for a 12-digit Kazakh IIN/BIN whose check digit is right.
bool kz_id_valid(std::string_view id);

// The operator's legal name in `language`: its own form where the configuration gives one per
// language, else the one name it gives.
const std::string& operator_name(const Config& config, std::string_view language);

}  // namespace cg
