// The loader's shared state: what is allowed, what is held, and how a URL is classified
// with the compact registry copy. The runtime (consent-guard-core.js) takes it over.

// window[GUARD] is the guard: the later modules find it there, not through window.ConsentGuard.
export const GUARD = Symbol.for('consent-guard');

export function createGuard(data, tag) {
  const src = (tag && tag.src) || '';
  const guard = {
    allowed: 0, // purpose bits the visitor allowed: 1 analytics, 2 session_recording, 4 marketing
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
    purposeOf(url) {
      let u;
      try {
        u = new URL(url, location.href);
      } catch (e) {
        return 0;
      }
      if (!/^(https?|wss?):$/.test(u.protocol)) return 0;
      const target = u.hostname.replace(/\.$/, '') + u.pathname + u.search;
      for (const [re, bit] of data.h) if (re.test(target)) return bit;
      return 0;
    },
    // The purpose bit that holds this URL back now, or 0 when it may go.
    blocks(url) {
      const bit = guard.purposeOf(url);
      return bit & ~guard.allowed;
    },
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
