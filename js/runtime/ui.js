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
      decide: (choice, via) => guard.impl.decide(choice, via),
      download: () => downloadReceipts(guard, config.site),
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

// The visitor's receipts as a JSON file (the settings layer's "download my consent receipts").
function downloadReceipts(guard, site) {
  return guard.receipts.list().then((receipts) => {
    // An array of {jws, ...}: the form cg-verify reads (docs/receipts.md).
    const file = new Blob([JSON.stringify(receipts, null, 2)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file);
    a.download = 'consent-receipts-' + site + '.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });
}
