// The loader's shared state: what is allowed, what is held, and how a URL is classified
// with the compact registry copy. The runtime (consent-guard-core.js) takes it over. Every
// member, and which file sets it, is described in js/guard.d.ts (tests/node/guard-contract).

// window[GUARD] is the guard: the later modules find it there, not through window.ConsentGuard.
export const GUARD = Symbol.for('consent-guard');

// host + path + query of an http(s) or ws(s) URL, what the registry's rules match; null else.
function targetOf(url) {
  let u;
  try {
    u = new URL(url, location.href);
  } catch (e) {
    return null;
  }
  return /^(https?|wss?):$/.test(u.protocol) ? u.hostname.replace(/\.$/, '') + u.pathname + u.search : null;
}

// The bit of the first [regex, bit] rule that matches `text` (URL targets, cookie and storage
// key names), or 0.
export function ruleBit(rules, text) {
  if (text) for (const [re, bit] of rules) if (re.test(text)) return bit;
  return 0;
}

// The page's own site: its host (less "www."), a subdomain or a parent of it (the core's same_site).
function sameSite(host) {
  const page = location.hostname.replace(/^www\./, '');
  const under = (a, b) => b.includes('.') && a.endsWith('.' + b);
  return host === page || under(host, page) || under(page, host);
}

export function createGuard(data, tag) {
  const src = (tag && tag.src) || '';
  const guard = {
    allowed: 0, // purpose bits the visitor allowed (data.p names them)
    held: [], // {el, kind: 'script'|'img'|'iframe', bit, url, type} in the order they were held
    released: new WeakSet(), // elements let go (a moved element is not held again)
    preloaded: [], // tracker tags written in the HTML (the preload scanner may fetch them)
    tag,
    data,
    unguarded: [], // natives that code before the tag made impossible to replace (patch.js)
    base: src.slice(0, src.lastIndexOf('/') + 1),
    listeners: { change: [] },
    failure: null,
    queue: [], // API calls made before the core was ready: {name, arg, resolve, reject}
    // The loader's answer, until the core's (js/runtime/classifier.js) replaces it: the
    // registry's copy, and data.u ("not known yet") for another site's host, which waits for
    // the core (the long tail, js/runtime/classifier.js) where it can.
    purposeOf(url) {
      const target = targetOf(url);
      const host = target && target.slice(0, target.indexOf('/'));
      return ruleBit(data.h, target) || (host && !sameSite(host) ? data.u : 0);
    },
    // The purpose bits that hold this URL back now (data.u among them), or 0 when it may go.
    blocks(url) {
      return guard.purposeOf(url) & ~guard.allowed;
    },
    // Resolves once a URL that blocks() held as data.u is placed; rejects if it never can be.
    whenKnown: (url) => guard.ready.then(() => guard.known(url)),
    // A WebSocket frame, a cookie or storage key being written: only tracker code still in
    // memory after a withdrawal writes those, and none runs before the core answers for them.
    frameBlocks: (url) => guard.blocks(url),
    nameBlocks: () => 0,
    sockets: new Set(), // open WebSockets; those of a withdrawn purpose are closed
  };
  guard.ready = new Promise((resolve, reject) => {
    guard.resolve = resolve;
    guard.reject = reject;
  });
  guard.ready.catch(() => {}); // the console says why; pages that await it see the error
  guard.fail = (reason) => {
    if (guard.failure) return;
    guard.failure = reason;
    console.error('consent-guard: ' + reason + '. Trackers stay blocked.');
    const error = new Error('consent-guard: ' + reason);
    guard.reject(error);
    for (const call of guard.queue.splice(0)) call.reject(error);
  };
  return guard;
}
