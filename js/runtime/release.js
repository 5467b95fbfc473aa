// Lets held elements go, in the order they were held, once their purpose is allowed.
// A held script is replaced by a fresh copy (the original can no longer run) carrying its
// attributes: async/defer, nonce, integrity, crossorigin.

const BITS = { necessary: 0, analytics: 1, session_recording: 2, marketing: 4 };

export function release(guard) {
  const still = [];
  for (const held of guard.held) {
    if (held.bit === undefined) {
      held.bit = BITS[held.manual];
      if (held.bit === undefined) {
        console.error(
          'consent-guard: data-consent="' +
            held.manual +
            '" is not a purpose (use necessary, analytics, session_recording or marketing); the element stays held',
        );
        held.bit = 8; // a bit no decision sets: held for good
      }
    }
    if (held.bit & ~guard.allowed) {
      still.push(held);
    } else {
      releaseOne(guard, held);
    }
  }
  guard.held = still;
}

function releaseOne(guard, held) {
  const { el } = held;
  if (held.kind !== 'script') {
    const url = held.manual === undefined ? held.url : el.getAttribute('data-src');
    if (url) guard.raw.srcSetters.get(Object.getPrototypeOf(el)).call(el, url);
    return;
  }
  const info = guard.raw.heldScripts.get(el) || { type: el.getAttribute('data-type') };
  info.released = true;
  if (!el.isConnected && held.manual === undefined) {
    // Not inserted yet: restoring the type lets it run when the page inserts it.
    if (info.type === null) el.removeAttribute('type');
    else guard.raw.typeDesc.set.call(el, info.type);
    return;
  }
  const fresh = document.createElement('script');
  for (const { name, value } of el.attributes) {
    if (name !== 'type' && name !== 'data-consent' && name !== 'data-type') fresh.setAttribute(name, value);
  }
  if (info.type) fresh.setAttribute('type', info.type);
  if (!el.hasAttribute('async')) fresh.async = false; // keep the order of parsed scripts
  if (el.nonce) fresh.nonce = el.nonce;
  if (!el.src) fresh.text = el.text;
  el.replaceWith(fresh);
}
