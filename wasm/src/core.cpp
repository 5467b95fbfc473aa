#include "cg/core.h"

#include <algorithm>

#include "cg/banner.h"
#include "cg/classify.h"
#include "cg/json.h"
#include "cg/masking.h"
#include "cg/purge.h"
#include "cg/signals.h"
#include "cg/texts.h"
#include "cg/url.h"

namespace cg {
namespace {

std::string error(std::string_view field, std::string_view message) {
  return json::error_answer(field, message);
}

void write_config(json::Out& o, const Config& c) {
  o.object();
  o.key("site").str(c.site).key("policyVersion").str(c.policy_version);
  o.key("language").str(c.language.empty() ? "auto" : c.language);
  o.key("policyUrl").str(c.policy_url);
  o.key("operator").object().key("name");
  if (c.operator_info.names.empty()) {
    o.str(c.operator_info.name);
  } else {
    o.object();
    for (const auto& [lang, name] : c.operator_info.names) o.key(lang).str(name);
    o.end_object();
  }
  o.key("bin").str(c.operator_info.bin).key("contact").str(c.operator_info.contact).end_object();
  o.key("cookie").object().key("domain").str(c.cookie_domain);
  o.key("maxAgeDays").number(c.max_age_days).end_object();
  o.key("consentMode").object().key("enabled").boolean(c.consent_mode);
  o.key("adsDataRedaction").boolean(c.ads_data_redaction);
  o.key("urlPassthrough").boolean(c.url_passthrough).end_object();
  o.key("banner").object().key("enabled").boolean(c.banner).key("reopen").str(c.reopen);
  o.key("theme").str(c.theme).end_object();
  o.key("receipts").object().key("endpoint").str(c.receipts_endpoint);
  o.key("location")
      .str(c.receipts_location)
      .key("retention")
      .str(c.receipts_retention)
      .end_object();
  o.key("forms").object().key("selector").str(c.form_selector);
  o.key("field").str(c.form_field).end_object();
  o.key("services").array();
  for (const auto& s : c.services) o.str(s);
  o.end_array().end_object();
}

// The public state, as ConsentGuard.get() returns it.
void write_state(json::Out& o, const ConsentState& s, const std::string& policy_version) {
  o.object().key("decided").boolean(s.decided).key("purposes").object();
  o.key("necessary").boolean(true);
  for (Purpose p : kOptionalPurposes)
    o.key(purpose_name(p)).boolean(s.decided && is_allowed(p, s.allowed));
  o.end_object().key("policyVersion").str(s.decided ? s.policy_version : policy_version);
  o.key("updatedAt");
  if (s.decided)
    o.str(iso_time(s.updated_at_ms));
  else
    o.null();
  o.key("decisionId");
  if (s.decided && !s.id.empty())
    o.str(s.id);
  else
    o.null();
  o.end_object();
}

void write_actions(json::Out& o, const std::vector<VendorAction>& actions) {
  o.array();
  for (const auto& a : actions) {
    o.object();
    if (a.kind == VendorAction::set_global) {
      o.key("set").str(a.target).key("value").boolean(a.value);
    } else {
      o.key("call").str(a.target).key("args").array();
      for (const auto& arg : a.args) {
        if (arg == "true" || arg == "false")
          o.boolean(arg == "true");
        else
          o.str(arg);
      }
      o.end_array();
    }
    o.end_object();
  }
  o.end_array();
}

// Reads a choice into a mask; `current` supplies omitted purposes.
std::optional<PurposeMask> read_choice(const json::Value& choice, PurposeMask current,
                                       std::string& field, std::string& message) {
  if (choice.IsString() && json::string_of(choice) == "all") return kAllOptional;
  if (choice.IsString() && json::string_of(choice) == "none") return PurposeMask{0};
  if (!choice.IsObject()) {
    message = "must be \"all\", \"none\" or an object of purposes";
    return std::nullopt;
  }
  PurposeMask mask = current;
  for (auto it = choice.MemberBegin(); it != choice.MemberEnd(); ++it) {
    field = std::string(json::string_of(it->name));
    auto purpose = purpose_from_name(field);
    if (!purpose) {
      message = "is not a purpose (use analytics, session_recording, marketing)";
      return std::nullopt;
    }
    if (!it->value.IsBool()) {
      message = "must be true or false";
      return std::nullopt;
    }
    bool on = it->value.GetBool();
    if (*purpose == Purpose::necessary) {
      if (!on) {
        message = "cannot be turned off: it covers only what the site needs to work";
        return std::nullopt;
      }
      continue;
    }
    mask = on ? (mask | purpose_bit(*purpose)) : (mask & ~purpose_bit(*purpose));
  }
  return mask;
}

std::string string_member(const json::Value& obj, std::string_view key) {
  const json::Value* v = json::member(obj, key);
  return v && v->IsString() ? std::string(json::string_of(*v)) : std::string();
}

// The receipt event of a decision: given or refused the first time; withdrawn when
// something allowed before is not now; changed otherwise; renewed when the same choice is
// confirmed again (saved unchanged, or after a policy change or expiry).
std::string_view receipt_event(bool decided, PurposeMask before, PurposeMask now,
                               const std::optional<ConsentState>& outdated) {
  if (!decided && outdated) {
    decided = true;
    before = outdated->allowed;
  }
  if (!decided) return now == 0 ? "refused" : "given";
  if (before & ~now) return "withdrawn";
  return before == now ? "renewed" : "changed";
}

}  // namespace

std::string Core::configure(const std::string& attributes, const std::string& config,
                            const std::string& page) {
  ConfigResult result = parse_config(attributes, config);
  if (!result.config) return error(result.error.field, result.error.message);
  json::Document p;
  if (!json::parse(page, p) || !p.IsObject()) return error("page", "must be a JSON object");
  std::vector<std::string> languages;
  if (const json::Value* list = json::member(p, "languages"); list && list->IsArray()) {
    for (const auto& l : list->GetArray()) {
      if (l.IsString()) languages.emplace_back(json::string_of(l));
    }
  }
  hostname_ = string_member(p, "hostname");
  const json::Value* secure = json::member(p, "secure");
  secure_ = secure && secure->IsBool() && secure->GetBool();
  const json::Value* gpc = json::member(p, "gpc");
  gpc_ = gpc && gpc->IsBool() && gpc->GetBool();
  config_ = result.config;
  language_ = pick_language(config_->language, string_member(p, "htmlLang"), languages);
  state_ = {};
  json::Out o;
  o.object().key("ok").boolean(true).key("config");
  write_config(o, *config_);
  o.key("language").str(language_).end_object();
  return o.text();
}

std::string Core::classify_url(const std::string& url) {
  UrlVerdict v = cg::classify_url(url);
  json::Out o;
  o.object();
  if (v.service) {
    remember_ids(*v.service, extract_ids(v.service->id_kind, url));
    o.key("tracker").boolean(true).key("service").str(v.service->id);
    o.key("purpose").str(purpose_name(v.purpose)).end_object();
    return o.text();
  }
  PurposeMask bits = url_bits(url);
  std::optional<LongTailMatch> tail;
  if (bits && bits != kUnknownYet) tail = long_tail_.find(split_url(url).host);
  o.key("tracker").boolean(tail.has_value());
  if (tail) o.key("entity").str(tail->host).key("purpose").str(purpose_name(tail->purpose));
  if (bits == kUnknownYet) o.key("pending").boolean(true);
  o.end_object();
  return o.text();
}

namespace {

// The page's own site: its host (less a leading "www."), a subdomain or a parent domain of it:
// for www.namo.kz, namo.kz and cdn.namo.kz. (No public-suffix list: a host "kz" has no dot.)
bool same_site(std::string_view host, std::string_view page) {
  if (page.substr(0, 4) == "www.") page.remove_prefix(4);
  auto under = [](std::string_view a, std::string_view b) {
    return b.find('.') != std::string_view::npos && a.size() > b.size() &&
           a.compare(a.size() - b.size(), b.size(), b) == 0 && a[a.size() - b.size() - 1] == '.';
  };
  return !page.empty() && (host == page || under(host, page) || under(page, host));
}

}  // namespace

PurposeMask Core::url_bits(const std::string& url) const {
  UrlVerdict v = cg::classify_url(url);
  if (v.service) return purpose_bit(v.purpose);
  std::optional<UrlParts> parts = network_parts(url);
  if (!parts || same_site(parts->host, hostname_) || known_harmless_url(url)) return 0;
  if (!long_tail_.loaded()) return kUnknownYet;
  std::optional<LongTailMatch> tail = long_tail_.find(parts->host);
  return tail ? purpose_bit(tail->purpose) : 0;
}

PurposeMask Core::frame_bits(const std::string& url, const std::string& frame) const {
  PurposeMask curated = frame_purposes(url, frame);
  return curated ? curated : url_bits(url);
}

PurposeMask Core::name_bits(bool cookie, const std::string& name) const {
  for (const auto& service : registry()) {
    if (const NameRule* rule = match_name(cookie ? service.cookies : service.storage, name)) {
      return purpose_bit(rule->purpose);
    }
  }
  return 0;
}

std::string Core::stubs() const {
  auto service_bit = [](std::string_view id) {
    const Service* s = find_service(id);
    return s ? purpose_bit(s->purpose) : 0;
  };
  bool analytics_tag = google_ids_.empty();
  for (const auto& id : google_ids_) {
    if (id.rfind("AW-", 0) != 0 && id.rfind("DC-", 0) != 0) analytics_tag = true;
  }
  json::Out o;
  o.object().key("ym").number(service_bit("yandex_metrica"));
  o.key("ga").number(service_bit("google_analytics"));
  o.key("dataLayer").number(service_bit(analytics_tag ? "google_analytics" : "google_ads"));
  o.end_object();
  return o.text();
}

std::string Core::load_long_tail(const std::string& text) {
  std::string problem;
  if (!long_tail_.load(text, problem)) return error("longTail", problem);
  json::Out o;
  o.object().key("ok").boolean(true).key("source").str(long_tail_.source());
  o.key("hosts").number(static_cast<int64_t>(long_tail_.hosts())).end_object();
  return o.text();
}

std::string Core::classify_inline(const std::string& text) {
  json::Out o;
  o.object().key("services").array();
  for (const auto& m : cg::classify_inline(text)) {
    remember_ids(*m.service, m.ids);
    o.object()
        .key("service")
        .str(m.service->id)
        .key("purpose")
        .str(purpose_name(m.service->purpose));
    o.key("ids").array();
    for (const auto& id : m.ids) o.str(id);
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.text();
}

void Core::remember_ids(const Service& service, const std::vector<std::string>& ids) {
  if (std::find(seen_services_.begin(), seen_services_.end(), &service) == seen_services_.end()) {
    seen_services_.push_back(&service);
  }
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
  problem_ = std::string(problem_name(read.problem));
  outdated_ = read.previous;
  // Re-read after another tab decided: what this page had allowed may now be withdrawn.
  PurposeMask previous = state_.decided ? state_.allowed : 0;
  return apply(next, previous, false, problem_, read.previous);
}

std::string Core::decide(const std::string& choice_text, double now_ms) {
  if (!config_) return error("", "not configured");
  json::Document choice;
  if (!json::parse(choice_text, choice)) return error("", "choice is not valid JSON");
  std::string field, message;
  auto mask = read_choice(choice, state_.allowed, field, message);
  if (!mask) return error(field, message);
  PurposeMask previous = state_.decided ? state_.allowed : 0;
  // What the visitor was shown when deciding, for the receipt (before the state changes).
  notice_json_ = banner_json(gpc_);
  last_event_ = std::string(receipt_event(state_.decided, previous, *mask, outdated_));
  problem_ = "none";
  outdated_.reset();
  return apply(make_decision(*config_, *mask, static_cast<int64_t>(now_ms), new_decision_id()),
               previous, true, "none", std::nullopt);
}

std::string Core::apply(const ConsentState& next, PurposeMask previous, bool store,
                        const std::string& problem, const std::optional<ConsentState>& outdated) {
  state_ = next;
  json::Out o;
  o.object().key("ok").boolean(true).key("state");
  write_state(o, state_, config_->policy_version);
  o.key("allowed").number(state_.allowed).key("withdrawn").number(previous & ~state_.allowed);
  o.key("masking").boolean(state_.decided && masking_needed(state_.allowed));
  o.key("problem").str(problem);
  if (outdated) write_state(o.key("outdated"), *outdated, outdated->policy_version);
  o.key("cookie");
  if (store) {
    int64_t max_age = (state_.expires_at_ms - state_.updated_at_ms) / 1000;
    o.str(cookie_assignment(*config_, encode_cookie_value(*config_, state_), max_age, secure_));
  } else {
    o.null();
  }
  o.key("consentMode");
  if (state_.decided && config_->consent_mode) {
    o.object().key("update").object();
    for (const auto& f : consent_mode_fields(state_.allowed)) {
      o.key(f.name).str(f.granted ? "granted" : "denied");
    }
    o.end_object().key("adsDataRedaction").boolean(config_->ads_data_redaction);
    o.key("urlPassthrough").boolean(config_->url_passthrough).end_object();
  } else {
    o.null();
  }
  o.key("metricaPatch").object();
  if (state_.decided) {
    for (const auto& patch : metrica_init_patch(state_.allowed))
      o.key(patch.key).boolean(patch.value);
  }
  o.end_object().key("actions");
  write_actions(o, state_.decided ? vendor_actions(state_.allowed, metrica_ids_, google_ids_)
                                  : std::vector<VendorAction>{});
  o.end_object();
  return o.text();
}

std::string Core::state() const {
  json::Out o;
  write_state(o, config_ ? state_ : ConsentState{}, config_ ? config_->policy_version : "");
  return o.text();
}

std::string Core::purge(const std::string& cookie_header, const std::string& storage_keys_json,
                        int withdrawn) const {
  json::Document keys_json;
  std::vector<std::string> keys;
  if (json::parse(storage_keys_json, keys_json) && keys_json.IsArray()) {
    for (const auto& k : keys_json.GetArray()) {
      if (k.IsString()) keys.emplace_back(json::string_of(k));
    }
  }
  PurgePlan plan = plan_purge(static_cast<PurposeMask>(withdrawn) & kAllOptional, cookie_header,
                              keys, hostname_);
  json::Out o;
  o.object().key("cookies").array();
  for (const auto& c : plan.cookies) {
    o.object().key("name").str(c.name).key("domains").array();
    for (const auto& d : c.domains) o.str(d);
    o.end_array().end_object();
  }
  o.end_array().key("storage").array();
  for (const auto& k : plan.storage_keys) o.str(k);
  o.end_array().end_object();
  return o.text();
}

std::string Core::text(const std::string& key) const {
  return config_ ? site_text(*config_, key, language_) : cg::text(key, language_);
}

std::string Core::banner(const std::string& page) const {
  if (!config_) return error("", "not configured");
  json::Document p;
  const json::Value* gpc = json::parse(page, p) ? json::member(p, "gpc") : nullptr;
  return banner_json(gpc ? gpc->IsBool() && gpc->GetBool() : gpc_);
}

std::string Core::banner_json(bool gpc) const {
  return banner_model({&*config_, language_, state_, problem_, outdated_, shown_services(), gpc});
}

std::vector<const Service*> Core::shown_services() const {
  if (config_->services.empty()) return seen_services_;
  std::vector<const Service*> out;
  for (const auto& id : config_->services) out.push_back(find_service(id));
  return out;
}

std::string Core::receipt_input(const std::string& request) const {
  if (!config_) return error("", "not configured");
  if (!state_.decided || state_.id.empty())
    return error("", "no decision made on this page to make a receipt of");
  json::Document r;
  if (!json::parse(request, r) || !r.IsObject()) return error("", "request must be a JSON object");
  const json::Value* seq = json::member(r, "seq");
  if (!seq || !seq->IsInt64()) return error("seq", "must be an integer");
  const json::Value* jwk = json::member(r, "jwk");
  if (jwk && !jwk->IsObject() && !jwk->IsNull()) return error("jwk", "must be an object or null");

  json::Out o;
  o.object().key("ok").boolean(true).key("input").object();
  o.key("aud").str(string_member(r, "origin")).key("jti").str(state_.id);
  o.key("iat").number(state_.updated_at_ms / 1000).key("language").str(language_);
  o.key("collectionMethod").object().key("button").str(string_member(r, "button"));
  o.key("layer").str(string_member(r, "layer")).end_object();
  const OperatorInfo& op = config_->operator_info;
  o.key("piiControllers").array().object();
  const std::string& name = operator_name(*config_, language_);
  o.key("name").str(name.empty() ? hostname_ : name).key("bin").str(op.bin);
  o.key("contact").str(op.contact).end_object().end_array();
  o.key("policyUrl").str(config_->policy_url).key("policyVersion").str(state_.policy_version);
  o.key("notice").raw(notice_json_);
  o.key("decisions").array();
  o.object().key("purpose").str("necessary").key("allowed").boolean(true);
  o.key("services").array().end_array().end_object();
  auto services = shown_services();
  for (Purpose p : kOptionalPurposes) {
    o.object().key("purpose").str(purpose_name(p));
    o.key("allowed").boolean(is_allowed(p, state_.allowed)).key("services").array();
    for (const Service* s : services)
      if (s && s->purpose == p) o.str(s->id);
    o.end_array().end_object();
  }
  o.end_array().key("event").str(last_event_);
  o.key("expires").number(state_.expires_at_ms / 1000);
  o.key("withdrawal")
      .object()
      .key("method")
      .str(site_text(*config_, "withdrawal_method", language_));
  o.key("url").str(config_->policy_url).end_object();
  o.key("storage").object().key("location").str(config_->receipts_location);
  o.key("retention").str(config_->receipts_retention).end_object();
  o.key("seq").number(seq->GetInt64()).key("prev");
  if (const json::Value* prev = json::member(r, "prev"); prev && prev->IsString())
    o.str(json::string_of(*prev));
  else
    o.null();
  o.key("signing").str(string_member(r, "signing")).key("jwk");
  if (jwk && jwk->IsObject()) {
    o.object().key("kty").str("EC").key("crv").str("P-256");
    o.key("x").str(string_member(*jwk, "x")).key("y").str(string_member(*jwk, "y")).end_object();
  } else {
    o.null();
  }
  o.end_object().end_object();
  return o.text();
}

std::string Core::preload_warning(const std::string& tag, const std::string& url) {
  UrlVerdict v = cg::classify_url(url);
  if (!v.service) return "";
  std::string purpose(purpose_name(v.purpose));
  return "consent-guard: " + tag + " (" + std::string(v.service->name) +
         ") is written in the page's HTML, so the browser's preload scanner may fetch it before "
         "the guard runs. It will not run without consent, but to stop the early request add "
         "type=\"text/plain\" data-consent=\"" +
         purpose + "\" to that tag.";
}

}  // namespace cg
