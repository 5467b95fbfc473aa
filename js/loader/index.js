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
  const tag = document.currentScript;
  const guard = createGuard(DATA, tag);

  // Google Consent Mode v2 default, before any page code can configure a tag.
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  (function () { dataLayer.push(arguments); })('consent', 'default', DATA.d);

  holdElements(guard);
  holdNetwork(guard);
  guardStorage(guard, DATA);
  window.ConsentGuard = createApi(guard);
  loadCore(guard, tag);
})();

function loadCore(guard, tag) {
  const src = guard.base + 'consent-guard-core.js';
  const script = document.createElement('script');
  script.src = src;
  script.async = true;
  if (tag && tag.nonce) script.nonce = tag.nonce;
  script.onerror = () => guard.fail('could not load ' + src);
  (document.head || document.documentElement).appendChild(script);
}
