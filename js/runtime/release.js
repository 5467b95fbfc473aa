// Lets held elements go, in the order they were held, once their purpose is allowed.

export function release(guard) {
  const still = [];
  for (const held of guard.held) {
    if (held.bit === undefined) {
      const bits = guard.data.p; // the purposes' names and bits, from the core
      held.bit = Object.prototype.hasOwnProperty.call(bits, held.manual) ? bits[held.manual] : undefined;
      if (held.bit === undefined) {
        console.error(
          'consent-guard: data-consent="' +
            held.manual +
            '" is not a purpose (use ' +
            Object.keys(bits).join(', ') +
            '); the element stays held',
        );
        held.bit = 8; // a bit no decision sets: held for good
      }
    }
    // A host the loader could not place: the core places it now, or it waits for the long tail.
    if (held.bit & guard.data.u) held.bit = guard.purposeOf(held.url);
    if (held.bit & ~guard.allowed) {
      still.push(held);
    } else {
      releaseOne(guard, held);
    }
  }
  guard.held = still;
  // Frames held by hand show why, and how to allow them (placeholders, js/notices/).
  if (still.some((held) => held.kind === 'iframe' && held.manual && held.bit < 8 && !held.unplace))
    guard.notices().then((n) => n.placeholders(guard), guard.noticesFailed);
}

function releaseOne(guard, held) {
  const { el } = held;
  guard.released.add(el);
  const { setAttribute, src: srcSetter, typeDesc, heldScripts } = guard.raw; // work on any guarded window's elements
  if (held.unplace) held.unplace();
  if (held.unstub) held.unstub();
  if (held.kind !== 'script') {
    const url = held.manual === undefined ? held.url : el.getAttribute('data-src');
    if (url) srcSetter[held.kind].call(el, url);
    return;
  }
  const info = heldScripts.get(el) || { type: el.getAttribute('data-type') };
  heldScripts.set(el, info);
  info.released = true;
  if (info.type) typeDesc.set.call(el, info.type);
  else el.removeAttribute('type');
  if (!el.isConnected) return; // runs when the page inserts it, like any script
  // A connected script runs again only when it gains a src, or a child: the same element
  // runs, keeping its onload handlers, nonce, integrity and crossorigin. Parsed scripts
  // without async keep their order.
  if (!el.hasAttribute('async')) el.async = false;
  const src = el.getAttribute('src');
  if (src === null) {
    el.appendChild(document.createTextNode(''));
  } else {
    el.removeAttribute('src');
    setAttribute.call(el, 'src', src);
  }
}
