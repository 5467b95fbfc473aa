// Focus handling for the banner: where focus is (through shadow roots), moving it without
// scrolling the page, the Tab/Shift+Tab trap of the modal settings layer, and giving focus
// back to the element that had it.

// What the banner's layers contain that Tab can reach.
const TABBABLE = 'a[href],button:not([disabled]),input:not([disabled]),summary';

// Rendered (not display:none, not inside a closed <details>, not detached).
export function isShown(el) {
  return !!el && el.isConnected && el.getClientRects().length > 0;
}

// The focused element, looking inside open shadow roots; null for none / <body>.
export function deepActiveElement() {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active === document.body || active === document.documentElement ? null : active;
}

// Focuses without scrolling the page; true when the element now has focus.
export function focusQuietly(el) {
  if (!el || typeof el.focus !== 'function') return false;
  try {
    el.focus({ preventScroll: true });
  } catch {
    return false;
  }
  return el.getRootNode().activeElement === el;
}

// Gives focus to the first candidate that is still there, visible and focusable.
export function restoreFocus(candidates) {
  for (const el of candidates) if (isShown(el) && focusQuietly(el)) return true;
  return false;
}

export function tabbables(container) {
  return Array.from(container.querySelectorAll(TABBABLE)).filter(isShown);
}

// Keeps Tab and Shift+Tab inside `container` (call from a keydown handler for Tab).
// `root` is the container's shadow root (its activeElement is the focused element there).
export function trapTab(event, container, root) {
  const items = tabbables(container);
  const active = root.activeElement;
  if (!items.length) {
    event.preventDefault();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const within = items.includes(active);
  if (event.shiftKey ? active === first || !within : active === last || !within) {
    event.preventDefault();
    focusQuietly(event.shiftKey ? last : first);
  }
}
