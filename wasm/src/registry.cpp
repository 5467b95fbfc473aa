// The registry's content. Facts come from the vendors' documentation and real copies of
// their scripts (see shared notes/trackers.md). Order matters: first matching rule wins.
#include "cg/registry.h"

namespace cg {
namespace {

using P = Purpose;

// Metrica counts on every mc.yandex.<tld> listed in its own tag.js host table.
constexpr std::string_view kMetricaHosts[] = {
    "mc.yandex.ru",     "mc.yandex.az",     "mc.yandex.by",     "mc.yandex.co.il", "mc.yandex.com",
    "mc.yandex.com.am", "mc.yandex.com.ge", "mc.yandex.com.tr", "mc.yandex.ee",    "mc.yandex.fr",
    "mc.yandex.kg",     "mc.yandex.kz",     "mc.yandex.lt",     "mc.yandex.lv",    "mc.yandex.md",
    "mc.yandex.tj",     "mc.yandex.tm",     "mc.yandex.uz"};

std::vector<HostRule> metrica_hosts() {
  std::vector<HostRule> rules;
  for (const auto& n : kMetricaHosts) rules.push_back({n, "/webvisor/", "", P::session_recording});
  rules.push_back({".webvisor.org", "", "", P::session_recording});
  rules.push_back({".webvisor.com", "", "", P::session_recording});
  for (const auto& n : kMetricaHosts) rules.push_back({n, "", "", P::analytics});
  rules.push_back({"informer.yandex.ru", "", "", P::analytics});
  rules.push_back({".ymetrica1.com", "", "", P::analytics});
  rules.push_back({"cdn.jsdelivr.net", "/npm/yandex-metrica-watch", "", P::analytics});
  return rules;
}

// Yandex Audience's retargeting pixel shares Metrica's hosts: its paths come first.
std::vector<HostRule> audience_hosts() {
  std::vector<HostRule> rules;
  for (const auto& n : kMetricaHosts) rules.push_back({n, "/pixel/", "", P::marketing});
  return rules;
}

std::vector<Service> build() {
  std::vector<Service> s;
  s.push_back({"yandex_audience",
               "Yandex Audience",
               "Yandex LLC",
               "RU",
               P::marketing,
               IdKind::none,
               audience_hosts(),
               {},
               {},
               {"mc.yandex.ru/pixel/"}});
  s.push_back({"yandex_metrica",
               "Yandex.Metrica",
               "Yandex LLC",
               "RU",
               P::analytics,
               IdKind::metrica_counter,
               metrica_hosts(),
               {{"_ym_visorc", false, P::session_recording},
                {"_ym_", true, P::analytics},
                {"yandexuid", false, P::analytics},
                {"yabs-sid", false, P::analytics}},
               {{"_ym_wv2rf", true, P::session_recording}, {"_ym", true, P::analytics}},
               {"mc.yandex.ru/metrika", "yandex_metrika_callbacks", "Ya.Metrika", "ym(",
                "yandex-metrica-watch", "mc.yandex.ru/watch"}});
  // Google Ads conversion tags load through gtag.js with an AW-/DC- id: marketing.
  s.push_back({"google_ads",
               "Google Ads",
               "Google LLC",
               "US",
               P::marketing,
               IdKind::google_tag,
               {{"www.googletagmanager.com", "/gtag/js", "id=AW-", P::marketing},
                {"www.googletagmanager.com", "/gtag/js", "id=DC-", P::marketing},
                {".doubleclick.net", "", "", P::marketing},
                {".googleadservices.com", "", "", P::marketing},
                {".googlesyndication.com", "", "", P::marketing},
                {"www.google.com", "/ccm/", "", P::marketing},
                {"www.google.com", "/pagead/", "", P::marketing},
                {".google.kz", "/pagead/", "", P::marketing}},
               {{"_gcl_", true, P::marketing}, {"_gac_", true, P::marketing}},
               {{"_gcl_", true, P::marketing}},
               {"googleadservices.com", "googlesyndication.com"}});
  s.push_back({"google_tag_manager",
               "Google Tag Manager",
               "Google LLC",
               "US",
               P::analytics,
               IdKind::google_tag,
               {{"www.googletagmanager.com", "/gtm.js", "", P::analytics},
                {"www.googletagmanager.com", "/ns.html", "", P::analytics}},
               {{"_dc_gtm_", true, P::analytics}},
               {},
               {"googletagmanager.com/gtm.js", "gtm.start"}});
  s.push_back({"google_analytics",
               "Google Analytics",
               "Google LLC",
               "US",
               P::analytics,
               IdKind::google_tag,
               {{".googletagmanager.com", "", "", P::analytics},
                {".google-analytics.com", "", "", P::analytics},
                {".analytics.google.com", "", "", P::analytics}},
               {{"_ga", false, P::analytics},
                {"_ga_", true, P::analytics},
                {"_gid", false, P::analytics},
                {"_gat", false, P::analytics},
                {"_gat_", true, P::analytics}},
               {},
               {"googletagmanager.com/gtag/js", "gtag(", "google-analytics.com/analytics.js",
                "GoogleAnalyticsObject"}});
  s.push_back({"meta_pixel",
               "Meta Pixel",
               "Meta Platforms, Inc.",
               "US",
               P::marketing,
               IdKind::none,
               {{"connect.facebook.net", "", "", P::marketing},
                {"www.facebook.com", "/tr", "", P::marketing}},
               {{"_fbp", false, P::marketing}, {"_fbc", false, P::marketing}},
               {},
               {"connect.facebook.net", "fbq("}});
  s.push_back({"tiktok_pixel",
               "TikTok Pixel",
               "TikTok Pte. Ltd.",
               "SG",
               P::marketing,
               IdKind::none,
               {{".analytics.tiktok.com", "", "", P::marketing}},
               {{"_ttp", false, P::marketing}, {"ttcsid", true, P::marketing}},
               {},
               {"analytics.tiktok.com", "TiktokAnalyticsObject"}});
  s.push_back({"vk_ads",
               "VK Ads / Top.Mail.ru",
               "VK LLC",
               "RU",
               P::marketing,
               IdKind::none,
               {{"top-fwz1.mail.ru", "", "", P::marketing},
                {"vk.com", "/rtrg", "", P::marketing},
                {"vk.com", "/js/api/openapi.js", "", P::marketing}},
               {{"tmr_", true, P::marketing}},
               {{"tmr_", true, P::marketing}},
               {"top-fwz1.mail.ru", "_tmr", "vk.com/rtrg", "VK.Retargeting"}});
  s.push_back({"liveinternet",
               "LiveInternet",
               "LiveInternet LLC",
               "RU",
               P::analytics,
               IdKind::none,
               {{"counter.yadro.ru", "", "", P::analytics}},
               {},
               {},
               {"counter.yadro.ru", "liveinternet.ru/click"}});
  s.push_back({"microsoft_clarity",
               "Microsoft Clarity",
               "Microsoft Corporation",
               "US",
               P::session_recording,
               IdKind::none,
               {{".clarity.ms", "", "", P::session_recording}},
               {{"_clck", false, P::session_recording},
                {"_clsk", false, P::session_recording},
                {"CLID", false, P::session_recording}},
               {{"_cl", true, P::session_recording}},
               {"clarity.ms/tag", "clarity("}});
  s.push_back({"hotjar",
               "Hotjar",
               "Hotjar Ltd.",
               "MT",
               P::session_recording,
               IdKind::none,
               {{".hotjar.com", "", "", P::session_recording},
                {".hotjar.io", "", "", P::session_recording}},
               {{"_hj", true, P::session_recording}},
               {{"_hj", true, P::session_recording}},
               {"static.hotjar.com", "hjSettings"}});
  return s;
}

}  // namespace

const std::vector<Service>& registry() {
  static const std::vector<Service> services = build();
  return services;
}

const Service* find_service(std::string_view id) {
  for (const auto& s : registry()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace cg
