// The list of what crosses the WebAssembly boundary of the core: plain C functions, JSON text
// in and out, over one Core per module instance. Not embind: its glue and type registry cost
// about 6 KB gzip of a first visit, which has a 50 KB budget (issue 2); the core only ever
// passes strings, so js/runtime/core-bridge.js does in a few lines what embind did.
//
// Every string goes in as (pointer, length) of UTF-8 bytes the caller allocated with
// malloc; the answer is left in one buffer, valid until the next call: cg_answer() and
// cg_answer_size() give it.
#include <emscripten/emscripten.h>

#include <memory>
#include <string>

#include "cg/core.h"

namespace {

std::unique_ptr<cg::Core> core = std::make_unique<cg::Core>();
std::string answer;

std::string text(const char* data, int size) {
  return size > 0 ? std::string(data, static_cast<size_t>(size)) : std::string();
}
void reply(std::string s) {
  answer = std::move(s);
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* cg_answer() {
  return answer.data();
}
EMSCRIPTEN_KEEPALIVE int cg_answer_size() {
  return static_cast<int>(answer.size());
}

#ifdef CG_TEST_EXPORTS
// Starts over with a fresh core: the node tests run many cases in one instance. Only the node
// build has it (wasm/CMakeLists.txt); the page's core never starts over.
EMSCRIPTEN_KEEPALIVE void cg_reset() {
  core = std::make_unique<cg::Core>();
}
#endif
EMSCRIPTEN_KEEPALIVE void cg_configure(const char* a, int an, const char* c, int cn, const char* p,
                                       int pn) {
  reply(core->configure(text(a, an), text(c, cn), text(p, pn)));
}
EMSCRIPTEN_KEEPALIVE void cg_classify_url(const char* u, int un) {
  reply(core->classify_url(text(u, un)));
}
// The three the page asks about every request, element, socket frame and cookie write answer
// a number (purpose bits), not JSON: they run often.
EMSCRIPTEN_KEEPALIVE int cg_url_bits(const char* u, int un) {
  return static_cast<int>(core->url_bits(text(u, un)));
}
EMSCRIPTEN_KEEPALIVE int cg_frame_bits(const char* u, int un, const char* f, int fn) {
  return static_cast<int>(core->frame_bits(text(u, un), text(f, fn)));
}
EMSCRIPTEN_KEEPALIVE int cg_name_bits(int cookie, const char* n, int nn) {
  return static_cast<int>(core->name_bits(cookie != 0, text(n, nn)));
}
EMSCRIPTEN_KEEPALIVE void cg_stubs() {
  reply(core->stubs());
}
EMSCRIPTEN_KEEPALIVE void cg_load_long_tail(const char* t, int tn) {
  reply(core->load_long_tail(text(t, tn)));
}
EMSCRIPTEN_KEEPALIVE void cg_classify_inline(const char* t, int tn) {
  reply(core->classify_inline(text(t, tn)));
}
EMSCRIPTEN_KEEPALIVE void cg_restore(const char* c, int cn, double now) {
  reply(core->restore(text(c, cn), now));
}
EMSCRIPTEN_KEEPALIVE void cg_decide(const char* c, int cn, double now) {
  reply(core->decide(text(c, cn), now));
}
EMSCRIPTEN_KEEPALIVE void cg_state() {
  reply(core->state());
}
EMSCRIPTEN_KEEPALIVE void cg_purge(const char* c, int cn, const char* k, int kn, int withdrawn) {
  reply(core->purge(text(c, cn), text(k, kn), withdrawn));
}
EMSCRIPTEN_KEEPALIVE void cg_text(const char* k, int kn) {
  reply(core->text(text(k, kn)));
}
EMSCRIPTEN_KEEPALIVE void cg_banner(const char* p, int pn) {
  reply(core->banner(text(p, pn)));
}
EMSCRIPTEN_KEEPALIVE void cg_receipt_input(const char* r, int rn) {
  reply(core->receipt_input(text(r, rn)));
}
EMSCRIPTEN_KEEPALIVE void cg_preload_warning(const char* t, int tn, const char* u, int un) {
  reply(core->preload_warning(text(t, tn), text(u, un)));
}

}  // extern "C"
