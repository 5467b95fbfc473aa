// consent-guard-masking.js: loaded by the runtime once the visitor has allowed a purpose
// (never on a first visit before a decision), and before anything allowed is released.
// Emscripten's glue for the masking module comes first in the same file
// (scripts/bundle.mjs); this starts marking the page and hands the runtime the report.
import { startMasking } from './observe.js';

/* global createConsentGuardMasking */
const guard = window.ConsentGuard && window.ConsentGuard.__guard;
if (guard && guard.onMaskingModule) {
  const done = guard.onMaskingModule;
  createConsentGuardMasking({ locateFile: (file) => guard.base + file, onAbort: (e) => done(null, new Error(e)) })
    .then((module) => done(startMasking(module)))
    .catch((e) => done(null, e));
}
