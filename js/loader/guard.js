// The loader's shared state: what is allowed, what is held, and how a URL is classified
// with the compact registry copy. The runtime (consent-guard-core.js) takes it over.

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
    purposeOf: (url) => ruleBit(data.h, targetOf(url)),
    // The purpose bit that holds this URL back now, or 0 when it may go.
    blocks(url) {
      const bit = guard.purposeOf(url);
      return bit & ~guard.allowed;
    },
    // The same for a WebSocket frame: its socket's purpose, and the purpose of the kind of
    // frame it is (Webvisor's parts on Metrica's socket; the core's frame rules). The URL is
    // parsed once: Webvisor sends many frames a second.
    frameBlocks(url, frame) {
      const target = targetOf(url);
      let bit = ruleBit(data.h, target);
      for (const [re, marker, b] of data.w) if (bit && re.test(target) && String(frame).includes(marker)) bit |= b;
      return bit & ~guard.allowed;
    },
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
