#include "cg/banner.h"

#include <algorithm>

#include "cg/json.h"
#include "cg/texts.h"

namespace cg {
namespace {

// Country names from the registry's "RU,US" codes, in the visitor's language.
std::string countries(const Config& c, std::string_view codes, std::string_view lang) {
  std::string out;
  while (!codes.empty()) {
    auto comma = codes.find(',');
    std::string code(codes.substr(0, comma));
    if (!out.empty()) out += site_text(c, "list_separator", lang);
    std::string name = site_text(c, "country_" + code, lang);
    out += name == "country_" + code ? code : name;
    codes.remove_prefix(comma == std::string_view::npos ? codes.size() : comma + 1);
  }
  return out;
}

bool serves(const Service& s, Purpose p) {
  return s.purpose == p || std::any_of(s.hosts.begin(), s.hosts.end(),
                                       [&](const HostRule& r) { return r.purpose == p; });
}

// The first sentence names the operator (and BIN); without a name, it speaks as "we".
std::string intro(const BannerInput& in) {
  const auto& op = in.config->operator_info;
  const std::string& own = operator_name(*in.config, in.language);
  if (own.empty()) return site_text(*in.config, "intro_anonymous", in.language);
  std::string name = op.bin.empty() ? own
                                    : fill(site_text(*in.config, "operator_bin", in.language),
                                           {{"name", own}, {"bin", op.bin}});
  return fill(site_text(*in.config, "intro", in.language), {{"operator", name}});
}

std::string recipients(const BannerInput& in) {
  std::vector<std::string_view> vendors;
  std::string out;
  for (const Service* s : in.services) {
    if (std::find(vendors.begin(), vendors.end(), s->vendor) != vendors.end()) continue;
    vendors.push_back(s->vendor);
    if (!out.empty()) out += site_text(*in.config, "list_separator", in.language);
    out += fill(
        site_text(*in.config, "recipient_in", in.language),
        {{"vendor", s->vendor}, {"countries", countries(*in.config, s->countries, in.language)}});
  }
  if (out.empty()) return "";
  return fill(site_text(*in.config, "recipients", in.language), {{"recipients", out}});
}

std::string reason(const BannerInput& in) {
  if (in.problem == "policy-changed") {
    return fill(site_text(*in.config, "reason_policy_changed", in.language),
                {{"version", in.config->policy_version}});
  }
  if (in.problem == "expired" && in.outdated) {
    return fill(site_text(*in.config, "reason_expired", in.language),
                {{"date", iso_time(in.outdated->updated_at_ms).substr(0, 10)}});
  }
  return "";
}

void write_purposes(json::Out& o, const BannerInput& in) {
  o.array();
  for (Purpose p :
       {Purpose::necessary, Purpose::analytics, Purpose::session_recording, Purpose::marketing}) {
    std::string id(purpose_name(p));
    o.object().key("id").str(id);
    o.key("name").str(site_text(*in.config, "purpose_" + id, in.language));
    o.key("description").str(site_text(*in.config, "about_" + id, in.language));
    o.key("required").boolean(p == Purpose::necessary);
    o.key("checked").boolean(p == Purpose::necessary ||
                             (in.state.decided && is_allowed(p, in.state.allowed)));
    o.key("services").array();
    for (const Service* s : in.services) {
      if (p == Purpose::necessary || !serves(*s, p)) continue;
      o.object().key("name").str(s->name).key("vendor").str(s->vendor);
      o.key("countries").str(countries(*in.config, s->countries, in.language)).end_object();
    }
    o.end_array().end_object();
  }
  o.end_array();
}

// Model text names (camelCase, as the JS reads them) and their catalog keys.
constexpr std::pair<std::string_view, std::string_view> kPlainTexts[] = {
    {"title", "title"},
    {"policyLink", "policy_link"},
    {"acceptAll", "accept_all"},
    {"rejectAll", "reject_all"},
    {"settings", "settings"},
    {"settingsTitle", "settings_title"},
    {"save", "save"},
    {"close", "close"},
    {"reopen", "reopen"},
    {"alwaysOn", "always_on"},
    {"services", "services"},
    {"recipient", "recipient"},
    {"country", "country"},
    {"downloadReceipts", "download_receipts"}};

}  // namespace

std::string site_text(const Config& config, std::string_view key, std::string_view language) {
  for (const auto& o : config.texts) {
    if (o.language == language && o.key == key) return o.value;
  }
  return text(key, language);
}

std::string banner_model(const BannerInput& in) {
  const Config& c = *in.config;
  json::Out o;
  o.object().key("language").str(in.language).key("decided").boolean(in.state.decided);
  o.key("reason");
  if (in.problem == "policy-changed" || in.problem == "expired")
    o.str(in.problem);
  else
    o.null();
  o.key("gpc").boolean(in.gpc).key("theme").str(c.theme).key("reopen").str(c.reopen);
  o.key("policyUrl").str(c.policy_url);
  o.key("operator").object().key("name").str(operator_name(c, in.language));
  o.key("bin").str(c.operator_info.bin).end_object();
  o.key("texts").object();
  for (const auto& [name, key] : kPlainTexts) o.key(name).str(site_text(c, key, in.language));
  o.key("intro").str(intro(in));
  o.key("recipients").str(recipients(in));
  o.key("reason").str(reason(in));
  o.key("gpcNotice").str(in.gpc ? site_text(c, "gpc_notice", in.language) : "");
  o.end_object().key("purposes");
  write_purposes(o, in);
  // What "Accept all" means here: with GPC, everything but marketing.
  o.key("acceptChoice").object();
  for (Purpose p : kOptionalPurposes)
    o.key(purpose_name(p)).boolean(!(in.gpc && p == Purpose::marketing));
  o.end_object().end_object();
  return o.text();
}

}  // namespace cg
