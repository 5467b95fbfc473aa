// The list of what crosses the WebAssembly boundary: one class, JSON text in and out.
#include <emscripten/bind.h>

#include "cg/core.h"

EMSCRIPTEN_BINDINGS(consent_guard) {
  emscripten::class_<cg::Core>("Core")
      .constructor<>()
      .function("configure", &cg::Core::configure)
      .function("classifyUrl", &cg::Core::classify_url)
      .function("classifyInline", &cg::Core::classify_inline)
      .function("restore", &cg::Core::restore)
      .function("decide", &cg::Core::decide)
      .function("state", &cg::Core::state)
      .function("purge", &cg::Core::purge)
      .function("text", &cg::Core::text)
      .function("banner", &cg::Core::banner)
      .function("preloadWarning", &cg::Core::preload_warning);
}
