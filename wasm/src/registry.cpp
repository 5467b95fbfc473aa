// The registry's content. Facts come from the vendors' documentation and real copies of
// their scripts (see shared notes/trackers.md). Order matters: first matching rule wins.
#include "cg/registry.h"

#include <array>

namespace cg {
namespace {

using P = Purpose;

// Metrica counts on every mc.yandex.<tld> listed in its own tag.js host table.
constexpr std::string_view kYandexHosts[] = {
    "mc.yandex.ru",     "mc.yandex.az",     "mc.yandex.by",     "mc.yandex.co.il", "mc.yandex.com",
    "mc.yandex.com.am", "mc.yandex.com.ge", "mc.yandex.com.tr", "mc.yandex.ee",    "mc.yandex.fr",
    "mc.yandex.kg",     "mc.yandex.kz",     "mc.yandex.lt",     "mc.yandex.lv",    "mc.yandex.md",
    "mc.yandex.tj",     "mc.yandex.tm",     "mc.yandex.uz"};
constexpr size_t kYandexCount = std::size(kYandexHosts);

// Yandex Audience's retargeting pixel shares Metrica's hosts: its paths come first.
constexpr auto kAudienceHosts = [] {
  std::array<HostRule, kYandexCount> out{};
  for (size_t i = 0; i < kYandexCount; ++i) out[i] = {kYandexHosts[i], "/pixel/", "", P::marketing};
  return out;
}();

// Webvisor (session recording) before Metrica's host-wide hits (analytics).
constexpr auto kMetricaHosts = [] {
  std::array<HostRule, 2 * kYandexCount + 5> out{};
  size_t n = 0;
  for (auto host : kYandexHosts) out[n++] = {host, "/webvisor/", "", P::session_recording};
  out[n++] = {".webvisor.org", "", "", P::session_recording};
  out[n++] = {".webvisor.com", "", "", P::session_recording};
  for (auto host : kYandexHosts) out[n++] = {host, "", "", P::analytics};
  out[n++] = {"informer.yandex.ru", "", "", P::analytics};
  out[n++] = {".ymetrica1.com", "", "", P::analytics};
  out[n++] = {"cdn.jsdelivr.net", "/npm/yandex-metrica-watch", "", P::analytics};
  return out;
}();

constexpr NameRule kMetricaCookies[] = {{"_ym_visorc", false, P::session_recording},
                                        {"_ym_", true, P::analytics},
                                        {"yandexuid", false, P::analytics},
                                        {"yabs-sid", false, P::analytics}};
constexpr NameRule kMetricaStorage[] = {{"_ym_wv2rf", true, P::session_recording},
                                        {"_ym", true, P::analytics}};
constexpr std::string_view kMetricaSnippets[] = {"mc.yandex.ru/metrika", "yandex_metrika_callbacks",
                                                 "Ya.Metrika",           "ym(",
                                                 "yandex-metrica-watch", "mc.yandex.ru/watch"};
constexpr std::string_view kAudienceSnippets[] = {"mc.yandex.ru/pixel/"};

// Google Ads conversion tags load through gtag.js with an AW-/DC- id: marketing.
constexpr HostRule kGoogleAdsHosts[] = {
    {"www.googletagmanager.com", "/gtag/js", "id=AW-", P::marketing},
    {"www.googletagmanager.com", "/gtag/js", "id=DC-", P::marketing},
    {".doubleclick.net", "", "", P::marketing},
    {".googleadservices.com", "", "", P::marketing},
    {".googlesyndication.com", "", "", P::marketing},
    {"www.google.com", "/ccm/", "", P::marketing},
    {"www.google.com", "/pagead/", "", P::marketing},
    {".google.kz", "/pagead/", "", P::marketing}};
constexpr NameRule kGoogleAdsCookies[] = {{"_gcl_", true, P::marketing},
                                          {"_gac_", true, P::marketing}};
constexpr NameRule kGoogleAdsStorage[] = {{"_gcl_", true, P::marketing}};
constexpr std::string_view kGoogleAdsSnippets[] = {"googleadservices.com", "googlesyndication.com"};

constexpr HostRule kGtmHosts[] = {{"www.googletagmanager.com", "/gtm.js", "", P::analytics},
                                  {"www.googletagmanager.com", "/ns.html", "", P::analytics}};
constexpr NameRule kGtmCookies[] = {{"_dc_gtm_", true, P::analytics}};
constexpr std::string_view kGtmSnippets[] = {"googletagmanager.com/gtm.js", "gtm.start"};

constexpr HostRule kGoogleAnalyticsHosts[] = {{".googletagmanager.com", "", "", P::analytics},
                                              {".google-analytics.com", "", "", P::analytics},
                                              {".analytics.google.com", "", "", P::analytics}};
constexpr NameRule kGoogleAnalyticsCookies[] = {{"_ga", false, P::analytics},
                                                {"_ga_", true, P::analytics},
                                                {"_gid", false, P::analytics},
                                                {"_gat", false, P::analytics},
                                                {"_gat_", true, P::analytics}};
constexpr std::string_view kGoogleAnalyticsSnippets[] = {"googletagmanager.com/gtag/js", "gtag(",
                                                         "google-analytics.com/analytics.js",
                                                         "GoogleAnalyticsObject"};

constexpr HostRule kMetaHosts[] = {{"connect.facebook.net", "", "", P::marketing},
                                   {"www.facebook.com", "/tr", "", P::marketing}};
constexpr NameRule kMetaCookies[] = {{"_fbp", false, P::marketing}, {"_fbc", false, P::marketing}};
constexpr std::string_view kMetaSnippets[] = {"connect.facebook.net", "fbq("};

constexpr HostRule kTikTokHosts[] = {{".analytics.tiktok.com", "", "", P::marketing}};
constexpr NameRule kTikTokCookies[] = {{"_ttp", false, P::marketing},
                                       {"ttcsid", true, P::marketing}};
constexpr std::string_view kTikTokSnippets[] = {"analytics.tiktok.com", "TiktokAnalyticsObject"};

constexpr HostRule kVkHosts[] = {{"top-fwz1.mail.ru", "", "", P::marketing},
                                 {"vk.com", "/rtrg", "", P::marketing},
                                 {"vk.com", "/js/api/openapi.js", "", P::marketing}};
constexpr NameRule kVkNames[] = {{"tmr_", true, P::marketing}};
constexpr std::string_view kVkSnippets[] = {"top-fwz1.mail.ru", "_tmr", "vk.com/rtrg",
                                            "VK.Retargeting"};

constexpr HostRule kLiveInternetHosts[] = {{"counter.yadro.ru", "", "", P::analytics}};
constexpr std::string_view kLiveInternetSnippets[] = {"counter.yadro.ru", "liveinternet.ru/click"};

constexpr HostRule kClarityHosts[] = {{".clarity.ms", "", "", P::session_recording}};
constexpr NameRule kClarityCookies[] = {{"_clck", false, P::session_recording},
                                        {"_clsk", false, P::session_recording},
                                        {"CLID", false, P::session_recording}};
constexpr NameRule kClarityStorage[] = {{"_cl", true, P::session_recording}};
constexpr std::string_view kClaritySnippets[] = {"clarity.ms/tag", "clarity("};

constexpr HostRule kHotjarHosts[] = {{".hotjar.com", "", "", P::session_recording},
                                     {".hotjar.io", "", "", P::session_recording}};
constexpr NameRule kHotjarNames[] = {{"_hj", true, P::session_recording}};
constexpr std::string_view kHotjarSnippets[] = {"static.hotjar.com", "hjSettings"};

constexpr Service kServices[] = {
    {"yandex_audience",
     "Yandex Audience",
     "Yandex LLC",
     "RU",
     P::marketing,
     IdKind::none,
     span_of(kAudienceHosts),
     {},
     {},
     span_of(kAudienceSnippets)},
    {"yandex_metrica", "Yandex.Metrica", "Yandex LLC", "RU", P::analytics, IdKind::metrica_counter,
     span_of(kMetricaHosts), span_of(kMetricaCookies), span_of(kMetricaStorage),
     span_of(kMetricaSnippets)},
    {"google_ads", "Google Ads", "Google LLC", "US", P::marketing, IdKind::google_tag,
     span_of(kGoogleAdsHosts), span_of(kGoogleAdsCookies), span_of(kGoogleAdsStorage),
     span_of(kGoogleAdsSnippets)},
    {"google_tag_manager",
     "Google Tag Manager",
     "Google LLC",
     "US",
     P::analytics,
     IdKind::google_tag,
     span_of(kGtmHosts),
     span_of(kGtmCookies),
     {},
     span_of(kGtmSnippets)},
    {"google_analytics",
     "Google Analytics",
     "Google LLC",
     "US",
     P::analytics,
     IdKind::google_tag,
     span_of(kGoogleAnalyticsHosts),
     span_of(kGoogleAnalyticsCookies),
     {},
     span_of(kGoogleAnalyticsSnippets)},
    {"meta_pixel",
     "Meta Pixel",
     "Meta Platforms, Inc.",
     "US",
     P::marketing,
     IdKind::none,
     span_of(kMetaHosts),
     span_of(kMetaCookies),
     {},
     span_of(kMetaSnippets)},
    {"tiktok_pixel",
     "TikTok Pixel",
     "TikTok Pte. Ltd.",
     "SG",
     P::marketing,
     IdKind::none,
     span_of(kTikTokHosts),
     span_of(kTikTokCookies),
     {},
     span_of(kTikTokSnippets)},
    {"vk_ads", "VK Ads / Top.Mail.ru", "VK LLC", "RU", P::marketing, IdKind::none,
     span_of(kVkHosts), span_of(kVkNames), span_of(kVkNames), span_of(kVkSnippets)},
    {"liveinternet",
     "LiveInternet",
     "LiveInternet LLC",
     "RU",
     P::analytics,
     IdKind::none,
     span_of(kLiveInternetHosts),
     {},
     {},
     span_of(kLiveInternetSnippets)},
    {"microsoft_clarity", "Microsoft Clarity", "Microsoft Corporation", "US", P::session_recording,
     IdKind::none, span_of(kClarityHosts), span_of(kClarityCookies), span_of(kClarityStorage),
     span_of(kClaritySnippets)},
    {"hotjar", "Hotjar", "Hotjar Ltd.", "MT", P::session_recording, IdKind::none,
     span_of(kHotjarHosts), span_of(kHotjarNames), span_of(kHotjarNames), span_of(kHotjarSnippets)},
};

// Read in tag.js (Metrica, 2026 builds): Webvisor's parts go as JSON frames whose "resource" is
// "webvisor/<counter>"; the same socket carries pings and other resources for analytics.
constexpr FrameRule kFrameRules[] = {
    {"yandex_metrica", "/solid.ws", "\"resource\":\"webvisor/", P::session_recording},
};

}  // namespace

Span<FrameRule> frame_rules() {
  return span_of(kFrameRules);
}

Span<Service> registry() {
  return span_of(kServices);
}

const Service* find_service(std::string_view id) {
  for (const auto& s : registry()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace cg
