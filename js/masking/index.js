// consent-guard-masking.js: loaded by the runtime once the visitor has allowed a purpose
// (never on a first visit before a decision), and before anything allowed is released.
// Emscripten's glue for the masking module comes first in the same file
// (scripts/bundle.mjs); this starts marking the page and hands the runtime the report.
import { startMasking } from './observe.js';
import { instantiateHook } from '../runtime/instantiate.js';

/* global createConsentGuardMasking */
const guard = window[Symbol.for('consent-guard')]; // the loader's (js/loader/guard.js)
if (guard && guard.onMaskingModule) {
  const done = guard.onMaskingModule;
  const fail = (e) => done(null, e instanceof Error ? e : new Error(e));
  createConsentGuardMasking({
    onAbort: fail,
    // chunkLoader fetched the wasm alongside this script.
    instantiateWasm: instantiateHook(done.wasm, guard.base + 'consent-guard-masking.wasm', fail),
  })
    .then((module) => done(startMasking(module)))
    .catch(fail);
}
