#include "cg/core.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cg/classify.h"
#include "cg/purge.h"
#include "cg/signals.h"
#include "cg/texts.h"

namespace cg {
namespace {

using nlohmann::json;

// Text that came from the page may hold broken UTF-8: replace it rather than fail.
std::string to_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error(const std::string& field, const std::string& message) {
  return to_text({{"ok", false}, {"error", {{"field", field}, {"message", message}}}});
}

json parse(const std::string& text) { return json::parse(text, nullptr, false); }

json config_json(const Config& c) {
  return {{"site", c.site},
          {"policyVersion", c.policy_version},
          {"language", c.language.empty() ? "auto" : c.language},
          {"policyUrl", c.policy_url},
          {"operator",
           {{"name", c.operator_info.name},
            {"bin", c.operator_info.bin},
            {"contact", c.operator_info.contact}}},
          {"cookie", {{"domain", c.cookie_domain}, {"maxAgeDays", c.max_age_days}}},
          {"consentMode",
           {{"enabled", c.consent_mode},
            {"adsDataRedaction", c.ads_data_redaction},
            {"urlPassthrough", c.url_passthrough}}}};
}

json public_state(const ConsentState& s, const std::string& policy_version) {
  json purposes = {{"necessary", true}};
  for (Purpose p : kOptionalPurposes) {
    purposes[std::string(purpose_name(p))] = s.decided && is_allowed(p, s.allowed);
  }
  return {{"decided", s.decided},
          {"purposes", purposes},
          {"policyVersion", s.decided ? s.policy_version : policy_version},
          {"updatedAt", s.decided ? json(iso_time(s.updated_at_ms)) : json(nullptr)}};
}

json actions_json(const std::vector<VendorAction>& actions) {
  json out = json::array();
  for (const auto& a : actions) {
    if (a.kind == VendorAction::set_global) {
      out.push_back({{"set", a.target}, {"value", a.value}});
    } else {
      json args = json::array();
      for (const auto& arg : a.args) {
        args.push_back(arg == "true" ? json(true) : arg == "false" ? json(false) : json(arg));
      }
      out.push_back({{"call", a.target}, {"args", args}});
    }
  }
  return out;
}

// Reads a choice into a mask; `current` supplies omitted purposes.
std::optional<PurposeMask> read_choice(const json& choice, PurposeMask current,
                                       std::string& field, std::string& message) {
  if (choice.is_string() && choice == "all") return kAllOptional;
  if (choice.is_string() && choice == "none") return PurposeMask{0};
  if (!choice.is_object()) {
    message = "must be \"all\", \"none\" or an object of purposes";
    return std::nullopt;
  }
  PurposeMask mask = current;
  for (auto it = choice.begin(); it != choice.end(); ++it) {
    auto purpose = purpose_from_name(it.key());
    field = it.key();
    if (!purpose) {
      message = "is not a purpose (use analytics, session_recording, marketing)";
      return std::nullopt;
    }
    if (!it->is_boolean()) {
      message = "must be true or false";
      return std::nullopt;
    }
    if (*purpose == Purpose::necessary) {
      if (!it->get<bool>()) {
        message = "cannot be turned off: it covers only what the site needs to work";
        return std::nullopt;
      }
      continue;
    }
    mask = it->get<bool>() ? (mask | purpose_bit(*purpose)) : (mask & ~purpose_bit(*purpose));
  }
  return mask;
}

}  // namespace

std::string Core::configure(const std::string& attributes, const std::string& config,
                            const std::string& page) {
  ConfigResult result = parse_config(attributes, config);
  if (!result.config) return error(result.error.field, result.error.message);
  json p = parse(page);
  if (!p.is_object()) return error("page", "must be a JSON object");
  auto lang = p.find("htmlLang");
  std::string html_lang = lang != p.end() && lang->is_string() ? lang->get<std::string>() : "";
  std::vector<std::string> languages;
  if (auto it = p.find("languages"); it != p.end() && it->is_array()) {
    for (const auto& l : *it) {
      if (l.is_string()) languages.push_back(l.get<std::string>());
    }
  }
  auto host = p.find("hostname");
  hostname_ = host != p.end() && host->is_string() ? host->get<std::string>() : "";
  auto secure = p.find("secure");
  secure_ = secure != p.end() && secure->is_boolean() && secure->get<bool>();
  config_ = result.config;
  language_ = pick_language(config_->language, html_lang, languages);
  state_ = {};
  return to_text({{"ok", true}, {"config", config_json(*config_)}, {"language", language_}});
}

std::string Core::classify_url(const std::string& url) {
  UrlVerdict v = cg::classify_url(url);
  if (!v.service) return to_text({{"tracker", false}});
  remember_ids(*v.service, extract_ids(v.service->id_kind, url));
  return to_text(
      {{"tracker", true}, {"service", v.service->id}, {"purpose", purpose_name(v.purpose)}});
}

std::string Core::classify_inline(const std::string& text) {
  json services = json::array();
  for (const auto& m : cg::classify_inline(text)) {
    remember_ids(*m.service, m.ids);
    services.push_back({{"service", m.service->id},
                        {"purpose", purpose_name(m.service->purpose)},
                        {"ids", m.ids}});
  }
  return to_text({{"services", services}});
}

void Core::remember_ids(const Service& service, const std::vector<std::string>& ids) {
  std::vector<std::string>* list = nullptr;
  if (service.id_kind == IdKind::metrica_counter) list = &metrica_ids_;
  if (service.id_kind == IdKind::google_tag) list = &google_ids_;
  if (!list) return;
  for (const auto& id : ids) {
    if (std::find(list->begin(), list->end(), id) == list->end()) list->push_back(id);
  }
}

std::string Core::restore(const std::string& cookie_header, double now_ms) {
  if (!config_) return error("", "not configured");
  CookieRead read = read_consent_cookie(cookie_header, *config_, static_cast<int64_t>(now_ms));
  ConsentState next = read.problem == CookieProblem::none ? read.state : ConsentState{};
  return apply(next, 0, false, std::string(problem_name(read.problem)), read.previous);
}

std::string Core::decide(const std::string& choice_text, double now_ms) {
  if (!config_) return error("", "not configured");
  json choice = parse(choice_text);
  if (choice.is_discarded()) return error("", "choice is not valid JSON");
  std::string field, message;
  auto mask = read_choice(choice, state_.allowed, field, message);
  if (!mask) return error(field, message);
  PurposeMask previous = state_.decided ? state_.allowed : 0;
  return apply(make_decision(*config_, *mask, static_cast<int64_t>(now_ms)), previous, true,
               "none", std::nullopt);
}

std::string Core::apply(const ConsentState& next, PurposeMask previous, bool store,
                        const std::string& problem, const std::optional<ConsentState>& outdated) {
  state_ = next;
  json out = {{"ok", true},
              {"state", public_state(state_, config_->policy_version)},
              {"allowed", state_.allowed},
              {"withdrawn", previous & ~state_.allowed},
              {"problem", problem},
              {"cookie", nullptr},
              {"consentMode", nullptr},
              {"metricaPatch", json::object()},
              {"actions", json::array()}};
  if (outdated) out["outdated"] = public_state(*outdated, outdated->policy_version);
  if (store) {
    int64_t max_age = (state_.expires_at_ms - state_.updated_at_ms) / 1000;
    out["cookie"] =
        cookie_assignment(*config_, encode_cookie_value(*config_, state_), max_age, secure_);
  }
  if (!state_.decided) return to_text(out);
  if (config_->consent_mode) {
    json fields = json::object();
    for (const auto& f : consent_mode_fields(state_.allowed)) {
      fields[f.name] = f.granted ? "granted" : "denied";
    }
    out["consentMode"] = {{"update", fields},
                          {"adsDataRedaction", config_->ads_data_redaction},
                          {"urlPassthrough", config_->url_passthrough}};
  }
  for (const auto& patch : metrica_init_patch(state_.allowed)) {
    out["metricaPatch"][patch.key] = patch.value;
  }
  out["actions"] = actions_json(vendor_actions(state_.allowed, metrica_ids_, google_ids_));
  return to_text(out);
}

std::string Core::state() const {
  if (!config_) return to_text(public_state({}, ""));
  return to_text(public_state(state_, config_->policy_version));
}

std::string Core::purge(const std::string& cookie_header, const std::string& storage_keys_json,
                        int withdrawn) const {
  json keys_json = parse(storage_keys_json);
  std::vector<std::string> keys;
  if (keys_json.is_array()) {
    for (const auto& k : keys_json) {
      if (k.is_string()) keys.push_back(k.get<std::string>());
    }
  }
  PurgePlan plan = plan_purge(static_cast<PurposeMask>(withdrawn) & kAllOptional, cookie_header,
                              keys, hostname_);
  json cookies = json::array();
  for (const auto& c : plan.cookies) cookies.push_back({{"name", c.name}, {"domains", c.domains}});
  return to_text({{"cookies", cookies}, {"storage", plan.storage_keys}});
}

std::string Core::text(const std::string& key) const { return cg::text(key, language_); }

std::string Core::preload_warning(const std::string& tag, const std::string& url) {
  UrlVerdict v = cg::classify_url(url);
  if (!v.service) return "";
  std::string purpose(purpose_name(v.purpose));
  return "consent-guard: " + tag + " (" + std::string(v.service->name) +
         ") is written in the page's HTML, so the browser's preload scanner may fetch it before "
         "the guard runs. It will not run without consent, but to stop the early request add "
         "type=\"text/plain\" data-consent=\"" + purpose + "\" to that tag.";
}

}  // namespace cg
