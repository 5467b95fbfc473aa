// consent-guard.js: the synchronous part that runs first in <head>. It must stay tiny and
// must not wait for WebAssembly: it installs interception at once, holds every tracker
// until the core (loaded asynchronously from the same folder) applies the visitor's
// decision, and fails closed if the core never arrives.
import DATA from 'cg:loader-data';
import { createGuard } from './guard.js';
import { holdElements } from './hold-elements.js';
import { holdNetwork } from './hold-network.js';
import { guardStorage } from './guard-storage.js';
import { createApi } from './api.js';

(function () {
  if (window.ConsentGuard) return; // the tag was pasted twice: the first one rules
  mark('start');
  const tag = document.currentScript;
  const guard = createGuard(DATA, tag);

  // Google Consent Mode v2 default, before any page code can configure a tag.
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  (function () {
    dataLayer.push(arguments);
  })('consent', 'default', DATA.d);

  holdElements(guard);
  holdNetwork(guard);
  guardStorage(guard, DATA);
  window.ConsentGuard = createApi(guard);
  mark('intercepting');
  loadCore(guard, tag);
})();

// User Timing marks (DevTools' Performance panel, bench/timing.mjs): consent-guard:start,
// consent-guard:intercepting, consent-guard:ready.
export function mark(name) {
  if (window.performance && performance.mark) performance.mark('consent-guard:' + name);
}

function loadCore(guard, tag) {
  // The wasm is fetched now, in parallel with the script that will compile it.
  guard.wasm = fetch(guard.base + 'consent-guard-core.wasm', { credentials: 'same-origin' });
  guard.wasm.catch(() => {}); // reported by the runtime, which awaits it
  const src = guard.base + 'consent-guard-core.js';
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  if (tag && tag.nonce) script.nonce = tag.nonce;
  script.onerror = () => guard.fail('could not load ' + src);
  (document.head || document.documentElement).appendChild(script);
}
