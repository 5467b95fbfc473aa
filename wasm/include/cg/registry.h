// The tracker registry: every service the guard knows, the hosts it talks to, the
// cookies and storage keys it writes, and how its inline snippets look. This is the one
// source of truth, kept as constant data; the synchronous loader gets a generated copy of
// the host rules (see loader_data.h) and a test proves the two classify alike.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cg/purpose.h"

namespace cg {

// A read-only view of a constant array (C++17 has no std::span).
template <typename T>
struct Span {
  const T* first = nullptr;
  size_t count = 0;
  constexpr const T* begin() const { return first; }
  constexpr const T* end() const { return first + count; }
  constexpr size_t size() const { return count; }
  constexpr bool empty() const { return count == 0; }
  constexpr const T& operator[](size_t i) const { return first[i]; }
};

template <typename T, size_t N>
constexpr Span<T> span_of(const T (&items)[N]) {
  return {items, N};
}
template <typename T, size_t N>
constexpr Span<T> span_of(const std::array<T, N>& items) {
  return {items.data(), N};
}

// One host (and optionally path/query) a service contacts, and the purpose that traffic
// serves. Rules are checked in registry order; the first match wins, so narrower rules
// (a path, a query parameter) come before the host-wide rule of the same service.
struct HostRule {
  std::string_view host;          // "mc.yandex.ru" exactly, or ".clarity.ms": it and subdomains
  std::string_view path_prefix;   // "" matches any path; otherwise the path starts with it
  std::string_view query_prefix;  // "" matches any query; else a parameter starts with it
  Purpose purpose = Purpose::necessary;
};

// A cookie or storage key name: exact, or a prefix when `prefix` is true ("_ga_" + id).
struct NameRule {
  std::string_view name;
  bool prefix;
  Purpose purpose;
};

// How a service's ids appear in page code, so that per-id switches can be used.
enum class IdKind : uint8_t { none, metrica_counter, google_tag };

struct Service {
  std::string_view id;         // stable identifier, e.g. "yandex_metrica"
  std::string_view name;       // human name, e.g. "Yandex.Metrica"
  std::string_view vendor;     // legal recipient, e.g. "Yandex LLC"
  std::string_view countries;  // ISO 3166 codes of the recipient, comma separated
  Purpose purpose;             // the service's main purpose
  IdKind id_kind;
  Span<HostRule> hosts;
  Span<NameRule> cookies;
  Span<NameRule> storage;
  Span<std::string_view> inline_signatures;  // substrings that betray its snippets
  // Globals the page calls inline right after the service's <script> tag (VK's "VK", for
  // VK.init(...) and VK.Widgets.Comments(...)): while the script is held, the loader stands in
  // for them and queues every call made through them, which the real script answers once it is
  // allowed and loaded.
  Span<std::string_view> page_globals = {};
};

// A kind of WebSocket frame that serves another purpose than its socket: Metrica sends
// Webvisor's session recording ({"resource":"webvisor/<counter>", ...}) over the same
// wss://mc.yandex.*/solid.ws as its analytics. Frames containing `marker` on a socket to one
// of the service's host-wide hosts under `path_prefix` need `purpose` too.
struct FrameRule {
  std::string_view service;      // a Service id
  std::string_view path_prefix;  // "/solid.ws"
  std::string_view marker;       // text a frame of that kind contains
  Purpose purpose;
};

// All known services, in classification order.
Span<Service> registry();
// Third-party hosts known to serve the page, not to track it (CDNs, fonts, maps, captchas,
// site builders' files): never held, and never a reason to load the long tail.
Span<HostRule> known_harmless();
Span<FrameRule> frame_rules();
const Service* find_service(std::string_view id);

}  // namespace cg
