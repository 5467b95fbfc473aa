#include "cg/config.h"

#include "cg/json.h"
#include "cg/registry.h"
#include "cg/texts.h"
#include "cg/url.h"

namespace cg {
namespace {

using json::Value;

constexpr size_t kMaxConfigBytes = 64 * 1024;

struct Checker {
  ConfigError error;
  bool failed() const { return !error.message.empty(); }
  bool fail(std::string field, std::string message) {
    if (!failed()) error = {std::move(field), std::move(message)};
    return false;
  }
};

bool chars_in(std::string_view s, std::string_view extra, bool upper) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z') ||
              extra.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

bool read_string(Checker& ck, const Value& obj, const char* key, const std::string& field,
                 std::string& out, size_t max_len) {
  const Value* v = json::member(obj, key);
  if (!v) return true;
  if (!v->IsString()) return ck.fail(field, "must be a string");
  // Counted in code points (UTF-8 lead bytes), as a person would count characters.
  size_t chars = 0;
  for (char c : json::string_of(*v)) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max_len)
    return ck.fail(field, "is longer than " + std::to_string(max_len) + " characters");
  out = std::string(json::string_of(*v));
  return true;
}

bool read_bool(Checker& ck, const Value& obj, const char* key, const std::string& field,
               bool& out) {
  const Value* v = json::member(obj, key);
  if (!v) return true;
  if (!v->IsBool()) return ck.fail(field, "must be true or false");
  out = v->GetBool();
  return true;
}

bool only_known_keys(Checker& ck, const Value& obj, const std::string& prefix,
                     std::initializer_list<std::string_view> known) {
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    std::string_view name = json::string_of(it->name);
    bool ok = false;
    for (auto k : known) ok = ok || name == k;
    if (!ok) return ck.fail(prefix + std::string(name), "is not a known field");
  }
  return true;
}

bool read_object(Checker& ck, const Value& obj, const char* key, const std::string& field,
                 const Value*& out) {
  out = json::member(obj, key);
  if (out && !out->IsObject()) {
    out = nullptr;
    return ck.fail(field, "must be an object");
  }
  return true;
}

void read_operator(Checker& ck, const Value& root, Config& c) {
  const Value* op = nullptr;
  if (!read_object(ck, root, "operator", "operator", op) || !op) return;
  if (!only_known_keys(ck, *op, "operator.", {"name", "bin", "contact"})) return;
  // One name, or one per language: {"ru": "ТОО «Намо»", "kk": "«Намо» ЖШС", "en": "Namo LLP"}.
  if (const Value* names = json::member(*op, "name"); names && names->IsObject()) {
    if (!only_known_keys(ck, *names, "operator.name.", {"ru", "kk", "en"})) return;
    for (auto it = names->MemberBegin(); it != names->MemberEnd(); ++it) {
      std::string lang(json::string_of(it->name)), value;
      if (!read_string(ck, *names, lang.c_str(), "operator.name." + lang, value, 200)) return;
      c.operator_info.names.emplace_back(lang, value);
    }
    if (c.operator_info.names.empty()) {
      ck.fail("operator.name", "must name the operator in at least one language");
      return;
    }
    c.operator_info.name = c.operator_info.names.front().second;  // a language not given
    for (const auto& [lang, value] : c.operator_info.names)
      if (lang == "ru") c.operator_info.name = value;
  } else {
    read_string(ck, *op, "name", "operator.name", c.operator_info.name, 200);
  }
  read_string(ck, *op, "bin", "operator.bin", c.operator_info.bin, 12);
  read_string(ck, *op, "contact", "operator.contact", c.operator_info.contact, 200);
  if (!c.operator_info.bin.empty() && !kz_id_valid(c.operator_info.bin)) {
    ck.fail("operator.bin", "must be a 12-digit BIN with a valid check digit");
  }
}

void read_cookie(Checker& ck, const Value& root, Config& c) {
  const Value* cookie = nullptr;
  if (!read_object(ck, root, "cookie", "cookie", cookie) || !cookie) return;
  if (!only_known_keys(ck, *cookie, "cookie.", {"domain", "maxAgeDays"})) return;
  read_string(ck, *cookie, "domain", "cookie.domain", c.cookie_domain, 253);
  std::string_view d = c.cookie_domain;
  if (!d.empty() && d.front() == '.') d.remove_prefix(1);
  if (!c.cookie_domain.empty() &&
      (d.empty() || !chars_in(d, ".-", false) || d.find('.') == std::string_view::npos)) {
    ck.fail("cookie.domain", "must be a lower-case domain name such as \"namo.kz\"");
  }
  const Value* days = json::member(*cookie, "maxAgeDays");
  if (!days) return;
  if (!days->IsInt64() || days->GetInt64() < 1 || days->GetInt64() > 730) {
    ck.fail("cookie.maxAgeDays", "must be a whole number of days from 1 to 730");
    return;
  }
  c.max_age_days = static_cast<int>(days->GetInt64());
}

void read_consent_mode(Checker& ck, const Value& root, Config& c) {
  const Value* cm = nullptr;
  if (!read_object(ck, root, "consentMode", "consentMode", cm) || !cm) return;
  if (!only_known_keys(ck, *cm, "consentMode.",
                       {"enabled", "adsDataRedaction", "urlPassthrough"})) {
    return;
  }
  read_bool(ck, *cm, "enabled", "consentMode.enabled", c.consent_mode);
  read_bool(ck, *cm, "adsDataRedaction", "consentMode.adsDataRedaction", c.ads_data_redaction);
  read_bool(ck, *cm, "urlPassthrough", "consentMode.urlPassthrough", c.url_passthrough);
}

// The fields a script tag attribute can also set; `attribute` picks the name to report.
// Forms whose submissions need the visitor's consent to the processing of personal data.
void read_forms(Checker& ck, const Value& root, Config& c) {
  const Value* forms = nullptr;
  if (!read_object(ck, root, "forms", "forms", forms) || !forms) return;
  if (!only_known_keys(ck, *forms, "forms.", {"selector", "field"})) return;
  read_string(ck, *forms, "selector", "forms.selector", c.form_selector, 512);
  read_string(ck, *forms, "field", "forms.field", c.form_field, 64);
  if (c.form_selector.empty() || c.form_selector.find_first_of("{}") != std::string::npos)
    ck.fail("forms.selector", "must be a CSS selector for the forms, such as \"form.booking\"");
  else if (c.form_field.empty() || !chars_in(c.form_field, "_-", true))
    ck.fail("forms.field", "must be a field name of letters, digits, '_' and '-'");
}

// Where the visitor's signed receipts go, and what they say of their keeping.
void read_receipts(Checker& ck, const Value& root, Config& c) {
  const Value* r = nullptr;
  if (!read_object(ck, root, "receipts", "receipts", r) || !r) return;
  if (!only_known_keys(ck, *r, "receipts.", {"endpoint", "location", "retention"})) return;
  read_string(ck, *r, "endpoint", "receipts.endpoint", c.receipts_endpoint, 2048);
  read_string(ck, *r, "location", "receipts.location", c.receipts_location, 64);
  read_string(ck, *r, "retention", "receipts.retention", c.receipts_retention, 64);
  if (c.receipts_location.empty()) ck.fail("receipts.location", "must not be empty");
  if (c.receipts_retention.empty()) ck.fail("receipts.retention", "must not be empty");
}

void read_banner(Checker& ck, const Value& root, Config& c) {
  const Value* banner = nullptr;
  if (!read_object(ck, root, "banner", "banner", banner) || !banner) return;
  if (!only_known_keys(ck, *banner, "banner.", {"enabled", "reopen", "theme"})) return;
  read_bool(ck, *banner, "enabled", "banner.enabled", c.banner);
  read_string(ck, *banner, "reopen", "banner.reopen", c.reopen, 16);
  read_string(ck, *banner, "theme", "banner.theme", c.theme, 16);
  if (c.reopen != "bottom-left" && c.reopen != "bottom-right" && c.reopen != "none") {
    ck.fail("banner.reopen", "must be \"bottom-left\", \"bottom-right\" or \"none\"");
  }
  if (c.theme != "light" && c.theme != "dark" && c.theme != "auto") {
    ck.fail("banner.theme", "must be \"light\", \"dark\" or \"auto\"");
  }
}

void read_services(Checker& ck, const Value& root, Config& c) {
  const Value* list = json::member(root, "services");
  if (!list) return;
  if (!list->IsArray()) {
    ck.fail("services", "must be a list of service ids");
    return;
  }
  for (const auto& item : list->GetArray()) {
    std::string field = "services[" + std::to_string(c.services.size()) + "]";
    if (!item.IsString() || !find_service(json::string_of(item))) {
      ck.fail(field, "is not a known service (see the README's list)");
      return;
    }
    c.services.emplace_back(json::string_of(item));
  }
}

// {"kk": {"accept_all": "..."}}: the operator's wording, for catalog keys only.
void read_texts(Checker& ck, const Value& root, Config& c) {
  const Value* texts = nullptr;
  if (!read_object(ck, root, "texts", "texts", texts) || !texts) return;
  if (!only_known_keys(ck, *texts, "texts.", {"ru", "kk", "en"})) return;
  for (auto lang = texts->MemberBegin(); lang != texts->MemberEnd(); ++lang) {
    std::string prefix = "texts." + std::string(json::string_of(lang->name));
    if (!lang->value.IsObject()) {
      ck.fail(prefix, "must be an object of texts");
      return;
    }
    for (auto t = lang->value.MemberBegin(); t != lang->value.MemberEnd(); ++t) {
      std::string key(json::string_of(t->name));
      if (!known_text_key(key)) {
        ck.fail(prefix + "." + key, "is not a known text");
        return;
      }
      TextOverride o{std::string(json::string_of(lang->name)), key, ""};
      if (!read_string(ck, lang->value, key.c_str(), prefix + "." + key, o.value, 2000)) return;
      c.texts.push_back(std::move(o));
    }
  }
}

void read_common(Checker& ck, const Value& obj, Config& c, bool attribute) {
  read_string(ck, obj, "site", attribute ? "data-site" : "site", c.site, 64);
  read_string(ck, obj, "policyVersion", attribute ? "data-policy-version" : "policyVersion",
              c.policy_version, 64);
  read_string(ck, obj, "language", attribute ? "data-language" : "language", c.language, 8);
  if (attribute) read_string(ck, obj, "receipts", "data-receipts", c.receipts_endpoint, 2048);
}

void validate(Checker& ck, Config& c) {
  if (c.site.empty()) {
    ck.fail("site", "is required (data-site on the script tag)");
  } else if (!chars_in(c.site, "-", false) || c.site.front() == '-' || c.site.back() == '-') {
    ck.fail("site", "may hold only a-z, 0-9 and inner '-'");
  }
  if (c.policy_version.empty()) {
    ck.fail("policyVersion", "is required (data-policy-version on the script tag)");
  } else if (!chars_in(c.policy_version, "._-", true)) {
    ck.fail("policyVersion", "may hold only A-Z, a-z, 0-9, '.', '_' and '-'");
  }
  if (c.language == "auto") c.language.clear();
  if (!c.language.empty() && c.language != "ru" && c.language != "kk" && c.language != "en") {
    ck.fail("language", "must be \"ru\", \"kk\", \"en\" or \"auto\"");
  }
  if (!link_target(c.policy_url)) {
    ck.fail("policyUrl", "must be an http(s) URL or a path starting with '/', without '\\'");
  }
  if (!link_target(c.receipts_endpoint)) {
    ck.fail("receipts.endpoint",
            "must be an http(s) URL or a path starting with '/', without '\\'");
  }
}

}  // namespace

bool kz_id_valid(std::string_view id) {
  if (id.size() != 12 || id.find_first_not_of("0123456789") != std::string_view::npos) {
    return false;
  }
  auto weighted = [&](int first) {
    int sum = 0;
    for (int i = 0; i < 11; ++i) sum += (id[i] - '0') * ((first + i - 1) % 11 + 1);
    return sum % 11;
  };
  int check = weighted(1);
  if (check == 10) check = weighted(3);
  return check != 10 && check == id[11] - '0';
}

ConfigResult parse_config(std::string_view attributes_json, std::string_view config_json) {
  Checker ck;
  Config c;
  if (config_json.size() > kMaxConfigBytes) {
    return {std::nullopt, {"", "configuration is larger than 64 KiB"}};
  }
  if (!config_json.empty()) {
    json::Document root;
    if (!json::parse(config_json, root)) {
      return {std::nullopt, {"", "configuration is not valid JSON (or repeats a field)"}};
    }
    if (!root.IsObject()) return {std::nullopt, {"", "configuration must be a JSON object"}};
    only_known_keys(ck, root, "",
                    {"site", "policyVersion", "language", "policyUrl", "operator", "cookie",
                     "consentMode", "banner", "forms", "receipts", "services", "texts"});
    read_common(ck, root, c, false);
    read_string(ck, root, "policyUrl", "policyUrl", c.policy_url, 2048);
    read_operator(ck, root, c);
    read_cookie(ck, root, c);
    read_consent_mode(ck, root, c);
    read_banner(ck, root, c);
    read_forms(ck, root, c);
    read_receipts(ck, root, c);
    read_services(ck, root, c);
    read_texts(ck, root, c);
  }
  json::Document attrs;
  if (!json::parse(attributes_json, attrs) || !attrs.IsObject()) {
    return {std::nullopt, {"", "script tag attributes must be a JSON object"}};
  }
  if (!only_known_keys(ck, attrs, "data attribute ",
                       {"site", "policyVersion", "language", "receipts"})) {
    return {std::nullopt, ck.error};
  }
  read_common(ck, attrs, c, true);
  validate(ck, c);
  if (ck.failed()) return {std::nullopt, ck.error};
  return {c, {}};
}

const std::string& operator_name(const Config& config, std::string_view language) {
  for (const auto& [lang, name] : config.operator_info.names)
    if (lang == language) return name;
  return config.operator_info.name;
}

}  // namespace cg
