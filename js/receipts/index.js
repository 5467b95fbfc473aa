// consent-guard-receipts.js: loaded by the runtime once the visitor has decided (never on a
// first visit before a decision). Emscripten's glue for the receipts module comes first in
// the same file (scripts/bundle.mjs). Every decision made on the page becomes a receipt: the
// core said what it holds when the visitor decided (receiptInput, waiting in
// guard.pendingReceipts), the receipts module builds it, WebCrypto signs it, and it is kept in
// IndexedDB and delivered to the operator's collector (docs/receipts.md).
import { openStore } from './store.js';
import { signingMode, visitorKey, sign } from './signing.js';
import { createDelivery } from './deliver.js';
import { instantiateHook } from '../runtime/instantiate.js';

/* global createConsentGuardReceipts */
const guard = window[Symbol.for('consent-guard')]; // the loader's (js/loader/guard.js)
if (guard && guard.onReceiptsModule) {
  start(guard).then(guard.onReceiptsModule, (e) => guard.onReceiptsModule(null, e));
}

async function start(guard) {
  const module = await new Promise((resolve, reject) => {
    createConsentGuardReceipts({
      onAbort: (e) => reject(new Error(e)),
      // chunkLoader fetched the wasm alongside this script.
      instantiateWasm: instantiateHook(guard.onReceiptsModule.wasm, guard.base + 'consent-guard-receipts.wasm', reject),
    }).then(resolve, reject);
  });
  const store = await openStore(guard.site);
  const delivery = createDelivery(store, guard.receiptsEndpoint);
  const lockName = 'consent-guard-receipts:' + guard.site;
  const locked = (fn) => (navigator.locks ? navigator.locks.request(lockName, fn) : fn());

  // Makes the receipts of the decisions waiting in guard.pendingReceipts, oldest first. Under
  // a lock across the site's tabs, so that two tabs deciding at once append to the chain one
  // after the other instead of forking it, and no decision is made into two receipts.
  async function flush() {
    await locked(async () => {
      for (let input; (input = guard.pendingReceipts.read()[0]);) {
        const done = (await store.all()).some((r) => r.jti === input.jti);
        if (!done) await make(input);
        guard.pendingReceipts.remove(input.jti);
      }
    });
    return delivery.deliver();
  }

  async function make(input) {
    const mode = signingMode(store);
    const signed = mode.startsWith('ES256');
    let key = await store.getKey();
    if (signed && !(key && key.privateKey)) key = await visitorKey(store);
    if (!key) key = { privateKey: null, jwk: null, seq: 0, prev: null };
    const complete = Object.assign({}, input, {
      signing: mode,
      jwk: signed ? Object.assign({ kty: 'EC', crv: 'P-256' }, key.jwk) : null,
      seq: key.seq,
      prev: key.prev,
    });
    delete complete.decidedAt; // the runtime's bookkeeping, not part of the receipt
    const prepared = JSON.parse(module.prepare(JSON.stringify(complete)));
    if (!prepared.ok) throw new Error((prepared.error.field || '') + ' ' + prepared.error.message);
    let sealed = prepared;
    if (!prepared.jws) {
      sealed = JSON.parse(module.seal(prepared.signingInput, await sign(key.privateKey, prepared.signingInput)));
      if (!sealed.ok) throw new Error(sealed.error.message);
    }
    await store.put({
      jti: input.jti,
      seq: key.seq,
      event: input.event,
      createdAt: new Date().toISOString(),
      jws: sealed.jws,
      hash: sealed.hash,
      notice: input.notice,
      ack: null,
    });
    await store.putKey(Object.assign({}, key, { seq: key.seq + 1, prev: sealed.hash }));
  }

  async function list() {
    const all = await store.all();
    return all
      .sort((a, b) => a.seq - b.seq || a.createdAt.localeCompare(b.createdAt))
      .map(({ jti, seq, event, createdAt, jws, notice, ack, ackedAt }) => ({
        jti,
        seq,
        event,
        createdAt,
        jws,
        notice,
        ack: ack || null,
        ackedAt: ackedAt || null,
      }));
  }

  return { flush, list };
}
