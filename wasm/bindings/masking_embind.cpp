// The masking module: a third WebAssembly module, loaded by the page once the visitor has
// allowed a purpose (a first visit without a decision never downloads it), and before
// anything allowed is released. It holds the personal-data classifier and the recorders'
// markers (cg/masking.h); it keeps no state.
#include <emscripten/bind.h>

#include "cg/masking.h"

EMSCRIPTEN_BINDINGS(consent_guard_masking) {
  emscripten::function("mask", &cg::mask_request);
}
