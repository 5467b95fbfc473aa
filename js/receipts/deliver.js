// Delivery to the operator's collector: every receipt without an acknowledgement is POSTed
// (the compact JWS as text/plain, so no preflight) until the collector answers with its ack;
// retried with backoff, on coming back online, and on the next page load; on page hide the
// rest go by sendBeacon. The collector is idempotent by jti, so a receipt sent twice is
// stored once and gets the same ack.

const MAX_DELAY = 60 * 60 * 1000;

export function createDelivery(store, endpoint) {
  let timer = null;
  let running = null;

  // force: try every receipt now (back online), whatever its backoff says.
  async function deliver(force) {
    if (!endpoint) return;
    if (running) return running.then(() => force && deliver(true));
    running = (async () => {
      let next = Infinity;
      for (const record of await store.all()) {
        if (record.ack) continue;
        if (!force && record.nextAttemptAt > Date.now()) {
          next = Math.min(next, record.nextAttemptAt);
          continue;
        }
        const ack = await post(record.jws);
        if (ack) {
          record.ack = ack;
          record.ackedAt = new Date().toISOString();
        } else {
          record.attempts = (record.attempts || 0) + 1;
          const delay = Math.min(MAX_DELAY, 2000 * 2 ** record.attempts) * (0.75 + Math.random() / 2);
          record.nextAttemptAt = Date.now() + delay;
          next = Math.min(next, record.nextAttemptAt);
        }
        await store.put(record);
      }
      if (next !== Infinity) schedule(next - Date.now());
    })().finally(() => (running = null));
    return running;
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(deliver, Math.max(0, ms));
  }

  // The collector's ack (a compact JWS), or null when it did not take the receipt.
  async function post(jws) {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        body: jws,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        credentials: 'omit',
        keepalive: true,
      });
      if (!response.ok) return null;
      const body = await response.text();
      const ack = body.trim().startsWith('{') ? JSON.parse(body).ack : body.trim();
      return typeof ack === 'string' && ack.split('.').length === 3 ? ack : null;
    } catch (e) {
      return null;
    }
  }

  async function onHide() {
    if (!endpoint || !navigator.sendBeacon) return;
    for (const record of await store.all()) {
      if (!record.ack) navigator.sendBeacon(endpoint, new Blob([record.jws], { type: 'text/plain' }));
    }
  }

  window.addEventListener('online', () => deliver(true));
  window.addEventListener('pagehide', onHide);
  return { deliver };
}
