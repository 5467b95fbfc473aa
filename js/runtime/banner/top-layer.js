// The banner lives in the browser's top layer (a manual popover), above anything the page
// can stack, whatever its z-index. Only another top-layer element (a popover, a modal
// dialog, a fullscreen element) can go above it: one opened after ours and over a decision
// button makes that click refused, and ours is raised again so the visitor sees it. A
// consent the visitor could not see is no consent.
const TOP = ':popover-open,:modal,:fullscreen';

export function topLayer(host) {
  const supported = typeof host.showPopover === 'function';
  const openedAt = new WeakMap(); // other top-layer elements: when they opened
  let ourAt = 0;
  if (supported) host.popover = 'manual';
  const note = (el) => el && el !== host && openedAt.set(el, performance.now());
  document.addEventListener('toggle', (e) => e.newState === 'open' && note(e.target), true);
  document.addEventListener('fullscreenchange', () => note(document.fullscreenElement), true);

  function raise() {
    if (!supported || !host.isConnected) return;
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
    ourAt = performance.now();
  }
  return {
    show() {
      if (supported && host.isConnected && !host.matches(':popover-open')) raise();
    },
    hide() {
      if (supported && host.matches(':popover-open')) host.hidePopover();
    },
    // True (and ours raised) when a top-layer element opened after ours covers `el`.
    covered(el) {
      const r = el.getBoundingClientRect();
      for (const other of document.querySelectorAll(TOP)) {
        const o = other.getBoundingClientRect();
        const above = other !== host && (openedAt.get(other) || 0) > ourAt;
        if (above && o.left < r.right && o.right > r.left && o.top < r.bottom && o.bottom > r.top) {
          raise();
          return true;
        }
      }
      return false;
    },
  };
}
