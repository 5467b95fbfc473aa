// The list of what crosses the WebAssembly boundary: free functions, JSON text in and out,
// over one Core per module instance (a page has one; createConsentGuardCore() called twice
// gives two independent instances). Free functions instead of a bound class save about
// 2.3 KB gzip of embind's class machinery in the glue JS.
#include <emscripten/bind.h>

#include <memory>

#include "cg/core.h"

namespace {

std::unique_ptr<cg::Core> core = std::make_unique<cg::Core>();

// Starts over with a fresh core (tests run many cases in one instance).
void reset() {
  core = std::make_unique<cg::Core>();
}

using S = const std::string&;
std::string configure(S attributes, S config, S page) {
  return core->configure(attributes, config, page);
}
std::string classify_url(S url) {
  return core->classify_url(url);
}
std::string classify_inline(S text) {
  return core->classify_inline(text);
}
std::string restore(S cookies, double now) {
  return core->restore(cookies, now);
}
std::string decide(S choice, double now) {
  return core->decide(choice, now);
}
std::string state() {
  return core->state();
}
std::string purge(S cookies, S keys, int withdrawn) {
  return core->purge(cookies, keys, withdrawn);
}
std::string text(S key) {
  return core->text(key);
}
std::string banner(S page) {
  return core->banner(page);
}
std::string receipt_input(S request) {
  return core->receipt_input(request);
}
std::string preload_warning(S tag, S url) {
  return core->preload_warning(tag, url);
}

}  // namespace

EMSCRIPTEN_BINDINGS(consent_guard) {
  using emscripten::function;
  function("reset", &reset);
  function("configure", &configure);
  function("classifyUrl", &classify_url);
  function("classifyInline", &classify_inline);
  function("restore", &restore);
  function("decide", &decide);
  function("state", &state);
  function("purge", &purge);
  function("text", &text);
  function("banner", &banner);
  function("receiptInput", &receipt_input);
  function("preloadWarning", &preload_warning);
}
