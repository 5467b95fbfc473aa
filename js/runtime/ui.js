// The built-in banner (js/runtime/banner/), ConsentGuard.open(), and elements marked
// data-consent-guard-open. What the banner says comes from the core (core.banner()).
import { createBanner } from './banner/index.js';

export function startUi(guard, config) {
  let banner = null;
  const model = () => JSON.parse(guard.core.banner(JSON.stringify({ gpc: navigator.globalPrivacyControl === true })));
  const ensure = () =>
    banner ||
    (banner = createBanner({
      model: model(),
      decide: (choice) => guard.impl.decide(choice),
      onClose() {},
      stylesheet: guard.base + 'consent-guard.css',
    }));
  const whenBody = (fn) => (document.body ? fn() : document.addEventListener('DOMContentLoaded', fn, { once: true }));

  let opened = false; // open() came first: the first layer must not replace it
  guard.ui = {
    open() {
      opened = true;
      whenBody(() => ensure().show('settings'));
    },
    // After any decision (the banner's, the API's, another tab's): new switch states, and the
    // first layer goes (settings the visitor opened stay open).
    decided() {
      if (!banner) return;
      banner.update(model());
      if (banner.layer === 'first') banner.hide();
    },
  };
  if (config.banner.enabled) {
    // In a task of its own: ready (and the trackers a stored decision releases) come first.
    setTimeout(() =>
      whenBody(() => {
        if (opened) return;
        const b = ensure();
        if (JSON.parse(guard.core.state()).decided) b.hide();
        else b.show('first');
      }),
    );
  }
  document.addEventListener('click', (event) => {
    const opener = event.target && event.target.closest && event.target.closest('[data-consent-guard-open]');
    if (!opener) return;
    event.preventDefault();
    guard.ui.open();
  });
}
