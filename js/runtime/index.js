// consent-guard-core.js: the asynchronous part. Emscripten's glue for the C++ core comes
// first in the same file (see scripts/bundle.mjs); this takes over the loader's guard,
// asks the core what to do, and does it. Every decision is the core's: this file only
// touches the DOM, cookies and the network.
import { readConfig } from './config-source.js';
import { applyAnswer } from './apply.js';
import { release } from './release.js';
import { watchPage } from './page-scan.js';
import { startUi } from './ui.js';
import { syncTabs } from './tabs.js';
import { maskingGate } from './masking-gate.js';
import { watchForms } from './forms.js';
import { startReceipts, apiVia } from './receipt-queue.js';
import { bridge } from './core-bridge.js';
import { instantiateHook } from './instantiate.js';
import { chunkLoader } from './chunks.js';
import { useCoreClassifier } from './classifier.js';

/* global createConsentGuardCore */
const guard = window[Symbol.for('consent-guard')]; // the loader's (js/loader/guard.js)
if (guard && !guard.impl && !guard.failure) {
  start(guard).catch((e) => guard.fail((e && e.message) || String(e)));
}

async function start(guard) {
  const [core, config] = await Promise.all([loadCore(guard), readConfig(guard.tag)]);
  const page = {
    htmlLang: document.documentElement.lang || '',
    languages: Array.from(navigator.languages || [navigator.language || '']),
    hostname: location.hostname,
    secure: location.protocol === 'https:',
  };
  const configured = JSON.parse(core.configure(JSON.stringify(config.attributes), config.text, JSON.stringify(page)));
  if (!configured.ok) {
    const { field, message } = configured.error;
    throw new Error('configuration error: ' + (field ? field + ' ' : '') + message);
  }
  guard.core = core;
  useCoreClassifier(guard, core);
  guard.notices = chunkLoader(guard, 'consent-guard-notices.js', 'onNoticesModule', false);
  guard.noticesFailed = (e) => console.error('consent-guard: ' + e.message);
  // A stored decision may allow a session recorder just below: masking comes first.
  guard.whenMasked = maskingGate(guard);
  watchPage(guard);
  applyAnswer(guard, JSON.parse(core.restore(document.cookie, Date.now())), false);

  guard.impl = {
    get: () => JSON.parse(core.state()),
    decide(choice, via) {
      const answer = JSON.parse(core.decide(JSON.stringify(choice === undefined ? null : choice), Date.now()));
      if (!answer.ok) {
        const { field, message } = answer.error;
        return Promise.reject(new TypeError('consent-guard: ' + (field ? field + ' ' : '') + message));
      }
      applyAnswer(guard, answer, true);
      guard.receipts.record(via || apiVia(choice));
      if (guard.broadcast) guard.broadcast();
      // The banner catches up after the released trackers have been sent on their way.
      if (guard.ui) setTimeout(guard.ui.decided);
      return Promise.resolve(answer.state);
    },
    open() {
      guard.ui.open();
      return Promise.resolve();
    },
    receipts: () => guard.receipts.list(),
  };
  guard.release = () => release(guard); // for hand-tagged elements added later
  syncTabs(guard, configured.config.site);
  startReceipts(guard, configured.config);
  startUi(guard, configured.config);
  watchForms(guard, configured.config);
  for (const call of guard.queue.splice(0)) guard.impl[call.name](call.arg).then(call.resolve, call.reject);
  if (window.performance && performance.mark) performance.mark('consent-guard:ready');
  guard.resolve();
}

function loadCore(guard) {
  return new Promise((resolve, reject) => {
    const fail = (e) => reject(new Error('the core could not start (' + ((e && e.message) || e) + ')'));
    createConsentGuardCore({
      onAbort: fail,
      // The loader already started fetching the wasm: compile that response.
      instantiateWasm: instantiateHook(guard.wasm, guard.base + 'consent-guard-core.wasm', fail),
    }).then((module) => resolve(bridge(module)), fail); // configure(), decide(), ...
  });
}
