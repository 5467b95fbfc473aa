// consent-guard.js: the synchronous part that runs first in <head>. It must stay tiny and
// must not wait for WebAssembly: it installs interception at once, holds every tracker
// until the core (loaded asynchronously from the same folder) applies the visitor's
// decision, and fails closed if the core never arrives.
import DATA from 'cg:loader-data';
import { createGuard, GUARD } from './guard.js';
import { guardRealm } from './realm.js';
import { createApi } from './api.js';

(function () {
  if (window[GUARD]) return; // the tag was pasted twice: the first one rules
  const tag = document.currentScript;
  if (tag && tag.hasAttribute('data-cg-frame')) {
    // Put in a frame's srcdoc by the page's guard (hold-elements.js): that guard holds this
    // window too, before the frame's own scripts run.
    const parentGuard = window.parent[GUARD];
    if (parentGuard) guardRealm(parentGuard, window);
    return;
  }
  mark('start');
  const guard = createGuard(DATA, tag);
  Object.defineProperty(window, GUARD, { value: guard }); // how the runtime finds it

  // Google Consent Mode v2 default, before any page code can configure a tag.
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  (function () {
    dataLayer.push(arguments);
  })('consent', 'default', DATA.d);

  guardRealm(guard, window);
  if (guard.unguarded.length) {
    console.error('consent-guard: code before the tag fixed ' + guard.unguarded + ': put the tag first in <head>');
  }
  publish(guard);
  mark('intercepting');
  loadCore(guard, tag);
})();

// window.ConsentGuard, frozen and fixed. The name may be taken already: an element with
// id="ConsentGuard" is reachable as window.ConsentGuard (the browser's named access), and
// a leftover of another tool may have set it. Neither may switch the guard off.
function publish(guard) {
  const taken = window.ConsentGuard;
  if (taken !== undefined) console.error('consent-guard: window.ConsentGuard was taken by', taken);
  try {
    Object.defineProperty(window, 'ConsentGuard', { value: createApi(guard), enumerable: true, writable: false });
  } catch (e) {
    guard.fail('window.ConsentGuard is fixed: put the tag first in <head>');
  }
}

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
