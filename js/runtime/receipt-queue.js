// Consent receipts (docs/receipts.md): every decision made on the page becomes a signed
// receipt. What a receipt says is taken from the core at the moment of the decision (another
// tab's decision may replace this page's state a moment later) and kept in localStorage until
// the receipts code has signed and stored it. That code (js/receipts/ and a second, smaller
// WebAssembly module) is loaded only once the visitor has decided: a first visit without a
// decision never downloads it. Offline, it is loaded when the browser is back online.

import { chunkLoader } from './chunks.js';

const PENDING = 'consent-guard-receipts-pending:';

export function startReceipts(guard, config) {
  guard.site = config.site;
  guard.receiptsEndpoint = config.receipts.endpoint;
  guard.pendingReceipts = pendingList(config.site);
  const load = chunkLoader(guard, 'consent-guard-receipts.js', 'onReceiptsModule');
  const flush = () =>
    load()
      .then((api) => api.flush())
      .catch((e) => console.error('consent-guard: receipts are kept until they can be made.', e));

  guard.receipts = {
    // via: {button, layer}: what the visitor used (the banner's buttons, or the API).
    record(via) {
      const answer = JSON.parse(
        guard.core.receiptInput(
          JSON.stringify({ origin: location.origin, button: via.button, layer: via.layer, seq: 0 }),
        ),
      );
      if (!answer.ok) return console.error('consent-guard: no receipt: ' + answer.error.message);
      guard.pendingReceipts.add(answer.input);
      return flush();
    },
    list: () => load().then((api) => api.list()),
  };
  window.addEventListener('online', () => guard.pendingReceipts.read().length && flush());
  // A returning visitor: receipts to finish or to deliver from earlier visits.
  if (JSON.parse(guard.core.state()).decided || guard.pendingReceipts.read().length) flush();
}

// Receipt inputs not yet made into receipts, oldest first, shared by the site's tabs: one
// localStorage item per decision (a single list would lose one of two tabs' writes).
function pendingList(site) {
  const prefix = PENDING + site + ':';
  const memory = new Map(); // when localStorage is unavailable
  const read = () => {
    const list = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(prefix)) list.push(JSON.parse(localStorage.getItem(key)));
      }
    } catch (e) {
      return Array.from(memory.values());
    }
    return list.sort((x, y) => x.iat - y.iat || x.decidedAt - y.decidedAt);
  };
  return {
    read,
    add(input) {
      input.decidedAt = Date.now();
      try {
        localStorage.setItem(prefix + input.jti, JSON.stringify(input));
      } catch (e) {
        memory.set(input.jti, input);
      }
    },
    remove(jti) {
      memory.delete(jti);
      try {
        localStorage.removeItem(prefix + jti);
      } catch (e) {}
    },
  };
}

// The receipt's collectionMethod for a decision made through the API.
export function apiVia(choice) {
  return { button: choice === 'all' ? 'accept_all' : choice === 'none' ? 'reject_all' : 'set', layer: 'api' };
}
