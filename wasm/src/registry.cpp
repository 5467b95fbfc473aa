// The registry's content. Facts come from the vendors' documentation and real copies of
// their scripts (see shared notes/trackers.md). Order matters: first matching rule wins.
#include "cg/registry.h"

#include <array>

namespace cg {
namespace {

using P = Purpose;

// Metrica counts on every mc.yandex.<tld> listed in its own tag.js host table, and on
// random subdomains of them (tag.js sends hits to "<hash>.mc.yandex.ru").
constexpr std::string_view kYandexHosts[] = {
    ".mc.yandex.ru",  ".mc.yandex.az",     ".mc.yandex.by",     ".mc.yandex.co.il",
    ".mc.yandex.com", ".mc.yandex.com.am", ".mc.yandex.com.ge", ".mc.yandex.com.tr",
    ".mc.yandex.ee",  ".mc.yandex.fr",     ".mc.yandex.kg",     ".mc.yandex.kz",
    ".mc.yandex.lt",  ".mc.yandex.lv",     ".mc.yandex.md",     ".mc.yandex.tj",
    ".mc.yandex.tm",  ".mc.yandex.uz"};
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

// VK Ads (myTarget, Top.Mail.ru): its counter, the retargeting pixel, and openapi.js, which
// pages load for comment and group widgets but which also runs VK's retargeting.
constexpr HostRule kVkHosts[] = {{".top-fwz1.mail.ru", "", "", P::marketing},
                                 {"ad.mail.ru", "", "", P::marketing},
                                 {"vk.com", "/rtrg", "", P::marketing},
                                 {"vk.com", "/js/api/openapi.js", "", P::marketing},
                                 {"vk.ru", "/js/api/openapi.js", "", P::marketing}};
constexpr NameRule kVkNames[] = {{"tmr_", true, P::marketing}};
constexpr std::string_view kVkSnippets[] = {"top-fwz1.mail.ru", "_tmr", "vk.com/rtrg",
                                            "VK.Retargeting"};
// Pages call VK.init(...) and VK.Widgets.Comments(...) inline after <script src=".../openapi.js">.
constexpr std::string_view kVkGlobals[] = {"VK"};

// Yandex's advertising: the Advertising Network and ADFOX ad loaders, Direct's conversion
// hits, and the cookie-sync calls tag.js makes when the counter's server settings say so
// (read in tag.js, 2026 builds: adstat.yandex.ru, Yango's asas, and partners below).
constexpr HostRule kYandexAdsHosts[] = {
    {"an.yandex.ru", "", "", P::marketing},     {"yandex.ru", "/ads/", "", P::marketing},
    {"yandex.ru", "/an/", "", P::marketing},    {".adfox.ru", "", "", P::marketing},
    {".adfox.yandex.ru", "", "", P::marketing}, {"adstat.yandex.ru", "", "", P::marketing},
    {"bs.yandex.ru", "", "", P::marketing},     {".asas.yango.com", "", "", P::marketing}};
constexpr std::string_view kYandexAdsSnippets[] = {
    "yandex.ru/ads/system/context.js", "an.yandex.ru/system/context.js", "yaContextCb", "adfox"};

// Cookie-sync partners Metrica calls: they only match ids for advertising.
constexpr HostRule kSyncPartnerHosts[] = {{"fcpe.beeline.ru", "", "", P::marketing},
                                          {".spadsync.com", "", "", P::marketing}};
constexpr std::string_view kSyncPartnerSnippets[] = {"fcpe.beeline.ru", "spadsync.com"};

// Rambler's Top100 (Kraken) counter: st.top100.ru/top100/top100.js, fed by a _top100q queue,
// hits to kraken.rambler.ru; its <noscript> pixel is counter.rambler.ru/top100.cnt.
constexpr HostRule kTop100Hosts[] = {{".top100.ru", "", "", P::analytics},
                                     {"counter.rambler.ru", "/top100", "", P::analytics},
                                     {"kraken.rambler.ru", "", "", P::analytics},
                                     {"scounter.rambler.ru", "", "", P::analytics}};
constexpr NameRule kTop100Cookies[] = {{"top100_id", false, P::analytics},
                                       {"t3_sid_", true, P::analytics},
                                       {"_t3_sid", false, P::analytics}};
constexpr std::string_view kTop100Snippets[] = {"_top100q", "top100Counter", "st.top100.ru"};

// Call tracking: these swap the page's phone numbers per visitor and report calls with their
// ad source to the ad networks (Direct, Google Ads): marketing.
constexpr HostRule kCalltouchHosts[] = {{".calltouch.ru", "", "", P::marketing}};
constexpr NameRule kCalltouchCookies[] = {
    {"_ct", true, P::marketing}, {"cted", false, P::marketing}, {"call_s", false, P::marketing}};
constexpr std::string_view kCalltouchSnippets[] = {"CalltouchDataObject", "mod.calltouch.ru"};

constexpr HostRule kRoistatHosts[] = {{".roistat.com", "", "", P::marketing}};
constexpr NameRule kRoistatNames[] = {{"roistat_", true, P::marketing}};
constexpr std::string_view kRoistatSnippets[] = {"roistatProjectId", "cloud.roistat.com"};

constexpr HostRule kComagicHosts[] = {{".comagic.ru", "", "", P::marketing},
                                      {".uiscom.ru", "", "", P::marketing}};
constexpr NameRule kComagicNames[] = {{"_comagic_", true, P::marketing},
                                      {"_cmg_", true, P::marketing}};
constexpr std::string_view kComagicSnippets[] = {"app.comagic.ru", "app.uiscom.ru", "Comagic"};

constexpr HostRule kCallibriHosts[] = {{".callibri.ru", "", "", P::marketing}};
constexpr NameRule kCallibriNames[] = {{"callibri", true, P::marketing}};
constexpr std::string_view kCallibriSnippets[] = {"cdn.callibri.ru", "callibri"};

// Carrot quest: a chat that also tracks visitors and leads for marketing automation (a real
// GTM container loads cdn.carrotquest.app/api.min.js).
constexpr HostRule kCarrotquestHosts[] = {{".carrotquest.app", "", "", P::marketing},
                                          {".carrotquest.io", "", "", P::marketing}};
constexpr NameRule kCarrotquestNames[] = {{"carrotquest_", true, P::marketing}};
constexpr std::string_view kCarrotquestSnippets[] = {"carrotquest"};

// The marketing tags a GTM container injects most (read in a real container, version 349).
constexpr HostRule kLinkedInHosts[] = {{"snap.licdn.com", "", "", P::marketing},
                                       {".ads.linkedin.com", "", "", P::marketing}};
constexpr NameRule kLinkedInCookies[] = {{"li_fat_id", false, P::marketing},
                                         {"li_giant", false, P::marketing}};
constexpr NameRule kLinkedInStorage[] = {{"li_adsId", false, P::marketing}};
constexpr std::string_view kLinkedInSnippets[] = {"_linkedin_partner_id", "snap.licdn.com"};

constexpr HostRule kRedditHosts[] = {{"www.redditstatic.com", "/ads/", "", P::marketing},
                                     {"alb.reddit.com", "", "", P::marketing},
                                     {"pixel-config.reddit.com", "", "", P::marketing}};
constexpr NameRule kRedditNames[] = {{"_rdt_", true, P::marketing}};
constexpr std::string_view kRedditSnippets[] = {"redditstatic.com/ads", "rdt("};

constexpr HostRule kBingHosts[] = {{"bat.bing.com", "", "", P::marketing},
                                   {"bat.bing.net", "", "", P::marketing}};
constexpr NameRule kBingNames[] = {{"_uet", true, P::marketing}};
constexpr std::string_view kBingSnippets[] = {"bat.bing.com", "uetq"};

constexpr HostRule kSnapHosts[] = {{"sc-static.net", "/scevent", "", P::marketing},
                                   {".tr.snapchat.com", "", "", P::marketing}};
constexpr NameRule kSnapNames[] = {{"_scid", true, P::marketing}, {"_sctr", false, P::marketing}};
constexpr std::string_view kSnapSnippets[] = {"sc-static.net/scevent", "snaptr("};

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
     span_of(kVkHosts), span_of(kVkNames), span_of(kVkNames), span_of(kVkSnippets),
     span_of(kVkGlobals)},
    {"yandex_ads",
     "Yandex Advertising Network / ADFOX",
     "Yandex LLC",
     "RU",
     P::marketing,
     IdKind::none,
     span_of(kYandexAdsHosts),
     {},
     {},
     span_of(kYandexAdsSnippets)},
    {"ad_sync_partners",
     "Ad cookie-sync partners (Beeline, spadsync.com)",
     "PJSC VimpelCom and other ad networks",
     "RU",
     P::marketing,
     IdKind::none,
     span_of(kSyncPartnerHosts),
     {},
     {},
     span_of(kSyncPartnerSnippets)},
    {"rambler_top100",
     "Rambler Top100",
     "Rambler Internet Holding LLC",
     "RU",
     P::analytics,
     IdKind::none,
     span_of(kTop100Hosts),
     span_of(kTop100Cookies),
     {},
     span_of(kTop100Snippets)},
    {"calltouch",
     "Calltouch",
     "Calltouch LLC",
     "RU",
     P::marketing,
     IdKind::none,
     span_of(kCalltouchHosts),
     span_of(kCalltouchCookies),
     {},
     span_of(kCalltouchSnippets)},
    {"roistat", "Roistat", "Roistat LLC", "RU", P::marketing, IdKind::none, span_of(kRoistatHosts),
     span_of(kRoistatNames), span_of(kRoistatNames), span_of(kRoistatSnippets)},
    {"comagic", "CoMagic / UIS", "UIS LLC", "RU", P::marketing, IdKind::none,
     span_of(kComagicHosts), span_of(kComagicNames), span_of(kComagicNames),
     span_of(kComagicSnippets)},
    {"callibri", "Callibri", "Callibri LLC", "RU", P::marketing, IdKind::none,
     span_of(kCallibriHosts), span_of(kCallibriNames), span_of(kCallibriNames),
     span_of(kCallibriSnippets)},
    {"carrotquest", "Carrot quest", "Carrot quest LLC", "RU", P::marketing, IdKind::none,
     span_of(kCarrotquestHosts), span_of(kCarrotquestNames), span_of(kCarrotquestNames),
     span_of(kCarrotquestSnippets)},
    {"linkedin_insight", "LinkedIn Insight Tag", "LinkedIn Ireland Unlimited Company", "IE,US",
     P::marketing, IdKind::none, span_of(kLinkedInHosts), span_of(kLinkedInCookies),
     span_of(kLinkedInStorage), span_of(kLinkedInSnippets)},
    {"reddit_pixel", "Reddit Pixel", "Reddit, Inc.", "US", P::marketing, IdKind::none,
     span_of(kRedditHosts), span_of(kRedditNames), span_of(kRedditNames), span_of(kRedditSnippets)},
    {"microsoft_uet", "Microsoft Advertising UET", "Microsoft Corporation", "US", P::marketing,
     IdKind::none, span_of(kBingHosts), span_of(kBingNames), span_of(kBingNames),
     span_of(kBingSnippets)},
    {"snap_pixel", "Snap Pixel", "Snap Inc.", "US", P::marketing, IdKind::none, span_of(kSnapHosts),
     span_of(kSnapNames), span_of(kSnapNames), span_of(kSnapSnippets)},
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

// Libraries, fonts, maps and captchas small sites load from others' servers, and the files of
// the site builders they are made with (Tilda, WordPress). Checked after the trackers, so
// cdn.jsdelivr.net/npm/yandex-metrica-watch stays Metrica's.
constexpr HostRule kKnownHarmless[] = {{".tildacdn.com", "", "", P::necessary},
                                       {".tildacdn.pro", "", "", P::necessary},
                                       {".tilda.ws", "", "", P::necessary},
                                       {"forms.tildaapi.com", "", "", P::necessary},
                                       {"fonts.googleapis.com", "", "", P::necessary},
                                       {"fonts.gstatic.com", "", "", P::necessary},
                                       {"ajax.googleapis.com", "", "", P::necessary},
                                       {"www.gstatic.com", "", "", P::necessary},
                                       {"maps.googleapis.com", "", "", P::necessary},
                                       {"maps.gstatic.com", "", "", P::necessary},
                                       {"www.google.com", "/recaptcha/", "", P::necessary},
                                       {"www.recaptcha.net", "", "", P::necessary},
                                       {"cdnjs.cloudflare.com", "", "", P::necessary},
                                       {"cdn.jsdelivr.net", "", "", P::necessary},
                                       {"unpkg.com", "", "", P::necessary},
                                       {"code.jquery.com", "", "", P::necessary},
                                       {"use.fontawesome.com", "", "", P::necessary},
                                       {"kit.fontawesome.com", "", "", P::necessary},
                                       {"stackpath.bootstrapcdn.com", "", "", P::necessary},
                                       {"maxcdn.bootstrapcdn.com", "", "", P::necessary},
                                       {"api-maps.yandex.ru", "", "", P::necessary},
                                       {"yastatic.net", "", "", P::necessary},
                                       {"smartcaptcha.yandexcloud.net", "", "", P::necessary},
                                       {"s.w.org", "", "", P::necessary},
                                       {"i0.wp.com", "", "", P::necessary},
                                       {"i1.wp.com", "", "", P::necessary},
                                       {"i2.wp.com", "", "", P::necessary},
                                       {"c0.wp.com", "", "", P::necessary},
                                       {"s0.wp.com", "", "", P::necessary}};

}  // namespace

Span<HostRule> known_harmless() {
  return span_of(kKnownHarmless);
}

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
