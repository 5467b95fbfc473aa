// Signed consent receipts in the browser (issue 5): every decision becomes a receipt signed
// by a non-extractable WebCrypto key, chained, kept in IndexedDB, delivered to the collector
// exactly once (through reloads, offline periods and two tabs at once), verifiable by the
// operator's cg-verify and by npm jose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jose from 'jose';
import { withBrowser, open, eventually, root } from './harness.mjs';
import { installTrackerRoutes } from './standins/routes.mjs';

const env = withBrowser();
const CG_VERIFY = process.env.CG_VERIFY || join(root, 'build/native/operator/cli/cg-verify');
const ENDPOINT = 'https://receipts.collector.test/receipts';

// A context whose collector stands in for the real one: it acknowledges each receipt
// (idempotent by its text: the same receipt gets the same ack) and records what it got.
async function contextWithCollector(options = {}) {
  const context = await env.browser.newContext(options);
  context.__log = [];
  await installTrackerRoutes(context, context.__log);
  const received = [];
  const acks = new Map();
  const collector = { down: false }; // set while the browser is offline: routed requests skip its emulation
  await context.route(ENDPOINT, async (route) => {
    const request = route.request();
    if (collector.down) return route.abort('internetdisconnected');
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const jws = request.postData() || '';
    received.push(jws);
    if (!acks.has(jws)) acks.set(jws, `ack.${acks.size}.standin`);
    await route.fulfill({
      status: 200,
      headers: cors,
      contentType: 'application/json',
      body: JSON.stringify({ ack: acks.get(jws) }),
    });
  });
  return { context, received, acks, collector };
}
const cors = { 'access-control-allow-origin': '*' };

const receipts = (page) => page.evaluate(() => ConsentGuard.receipts());

// cg-verify's verdict on receipts: its exit status and report.
function cgVerify(jwsList, aud) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-receipts-'));
  const file = join(dir, 'receipts.txt');
  writeFileSync(file, jwsList.join('\n') + '\n');
  try {
    return { status: 0, output: execFileSync(CG_VERIFY, ['--aud', aud, file], { encoding: 'utf8' }) };
  } catch (e) {
    return { status: e.status, output: String(e.stdout) + String(e.stderr) };
  }
}

test('a decision becomes a signed receipt: delivered once, verified by cg-verify and jose', async () => {
  const { context, received } = await contextWithCollector();
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  const state = await ctx.page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.acceptAll()));
  const [receipt] = await eventually(async () => {
    const list = await receipts(ctx.page);
    assert.equal(list.length, 1);
    assert.ok(list[0].ack, 'acknowledged');
    return list;
  }, 5000);
  assert.equal(receipt.jti, state.decisionId, 'the receipt id is the decision id (forms send it)');
  assert.equal(receipt.event, 'given');
  assert.equal(received.length, 1, 'delivered once');
  assert.equal(received[0], receipt.jws);

  const verdict = cgVerify([receipt.jws], env.server.origin);
  assert.equal(verdict.status, 0, verdict.output);
  // Any JOSE library: the key is in the header.
  const header = jose.decodeProtectedHeader(receipt.jws);
  assert.equal(header.typ, 'consent-receipt+jwt');
  assert.equal(header.kid, await jose.calculateJwkThumbprint(header.jwk));
  const { payload } = await jose.compactVerify(receipt.jws, await jose.importJWK(header.jwk, 'ES256'));
  const claims = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(claims.aud, env.server.origin);
  assert.equal(claims.piiControllers[0].bin, '180540012343');
  assert.equal(claims.language, 'ru');
  // A byte changed anywhere fails both.
  const tampered = receipt.jws.slice(0, 40) + (receipt.jws[40] === 'A' ? 'B' : 'A') + receipt.jws.slice(41);
  assert.notEqual(cgVerify([tampered], env.server.origin).status, 0);
  await assert.rejects(jose.compactVerify(tampered, await jose.importJWK(header.jwk, 'ES256')));

  // The private key cannot be read by any script: not extractable.
  const extractable = await ctx.page.evaluate(
    () =>
      new Promise((resolve) => {
        const r = indexedDB.open('consent-guard:namo-almaty');
        r.onsuccess = () => {
          const get = r.result.transaction('key').objectStore('key').get('visitor');
          get.onsuccess = () => resolve(get.result.privateKey.extractable);
        };
      }),
  );
  assert.equal(extractable, false);
  await context.close();
});

test('decide, reload, decide again: a chain of three that cg-verify accepts', async () => {
  const { context } = await contextWithCollector();
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  const page = ctx.page;
  await page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.acceptAll()));
  await eventually(async () => assert.equal((await receipts(page)).length, 1), 5000);
  await page.reload();
  await page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.set({ marketing: false })));
  await eventually(async () => assert.equal((await receipts(page)).length, 2), 5000);
  await page.reload();
  await page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.rejectAll()));
  const list = await eventually(async () => {
    const l = await receipts(page);
    assert.equal(l.length, 3);
    return l;
  }, 5000);
  assert.deepEqual(
    list.map((r) => [r.seq, r.event]),
    [
      [0, 'given'],
      [1, 'withdrawn'],
      [2, 'withdrawn'],
    ],
  );
  const verdict = cgVerify(
    list.map((r) => r.jws),
    env.server.origin,
  );
  assert.equal(verdict.status, 0, verdict.output);
  await context.close();
});

test('offline: decisions wait, and are delivered once when the visitor is back online', async () => {
  const { context, received, collector } = await contextWithCollector();
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  const page = ctx.page;
  await page.evaluate(() => ConsentGuard.ready);
  // Offline before the receipts code was ever loaded: the decision is kept in the page.
  await context.setOffline(true);
  await page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => {
    const pending = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('consent-guard-receipts-pending:')),
    );
    assert.equal(pending.length, 1);
  });
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await eventually(async () => {
    const list = await receipts(page);
    assert.equal(list.length, 1);
    assert.ok(list[0].ack);
  }, 5000);
  // Offline with the receipts code loaded: the receipt is made and waits for the collector.
  await context.setOffline(true);
  collector.down = true;
  await page.evaluate(() => ConsentGuard.rejectAll());
  await eventually(async () => assert.equal((await receipts(page)).length, 2), 5000);
  assert.equal((await receipts(page))[1].ack, null, 'not acknowledged while offline');
  await context.setOffline(false);
  collector.down = false;
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await eventually(async () => assert.ok((await receipts(page))[1].ack), 5000);
  assert.equal(received.length, 2, 'each delivered once');
  assert.equal(new Set(received).size, 2);
  await context.close();
});

test('two tabs deciding at once append to one chain, no fork', async () => {
  const { context } = await contextWithCollector();
  const a = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  const b = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  await Promise.all([a.page.evaluate(() => ConsentGuard.ready), b.page.evaluate(() => ConsentGuard.ready)]);
  await Promise.all([
    a.page.evaluate(() => ConsentGuard.acceptAll()),
    b.page.evaluate(() => ConsentGuard.set({ analytics: true })),
  ]);
  const list = await eventually(async () => {
    const l = await receipts(a.page);
    assert.equal(l.length, 2);
    return l;
  }, 5000);
  assert.deepEqual(
    list.map((r) => r.seq),
    [0, 1],
  );
  const verdict = cgVerify(
    list.map((r) => r.jws),
    env.server.origin,
  );
  assert.equal(verdict.status, 0, verdict.output);
  await context.close();
});

test('plain http: the receipt is made and delivered unsigned, and cg-verify says so', async () => {
  const { context, received } = await contextWithCollector();
  const origin = env.server.origin.replace('127.0.0.1', 'www.namo.test');
  const ctx = await open(env.browser, `${origin}/pages/receipts.html`, { context });
  assert.equal(await ctx.page.evaluate(() => window.isSecureContext), false);
  await ctx.page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.acceptAll()));
  const [receipt] = await eventually(async () => {
    const l = await receipts(ctx.page);
    assert.ok(l.length === 1 && l[0].ack);
    return l;
  }, 5000);
  assert.equal(received.length, 1);
  assert.equal(jose.decodeProtectedHeader(receipt.jws).alg, 'none');
  const verdict = cgVerify([receipt.jws], origin);
  assert.equal(verdict.status, 3, verdict.output); // unsigned, nothing failed
  await context.close();
});

test('the settings layer offers the visitor their receipts as a file cg-verify reads', async () => {
  const { context } = await contextWithCollector({ acceptDownloads: true });
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  const page = ctx.page;
  await page.getByRole('button', { name: 'Принять все' }).click();
  await eventually(async () => assert.equal((await receipts(page)).length, 1), 5000);
  await page.evaluate(() => ConsentGuard.open());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Скачать мои квитанции о согласии' }).click(),
  ]);
  const path = await download.path();
  const verdict = (() => {
    try {
      return { status: 0, output: execFileSync(CG_VERIFY, ['--aud', env.server.origin, path], { encoding: 'utf8' }) };
    } catch (e) {
      return { status: e.status, output: String(e.stdout) };
    }
  })();
  assert.equal(verdict.status, 0, verdict.output);
  const [first] = await receipts(page);
  assert.equal(JSON.parse(Buffer.from(first.jws.split('.')[1], 'base64url')).collectionMethod.button, 'accept_all');
  await context.close();
});

test('without IndexedDB (private modes): a session key signs, and the receipt says so', async () => {
  const { context } = await contextWithCollector();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('blocked in this test', 'SecurityError');
      },
    });
  });
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  await ctx.page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.acceptAll()));
  const [receipt] = await eventually(async () => {
    const l = await receipts(ctx.page);
    assert.ok(l.length === 1 && l[0].ack);
    return l;
  }, 5000);
  const claims = JSON.parse(Buffer.from(receipt.jws.split('.')[1], 'base64url'));
  assert.deepEqual(claims.signing, { status: 'ES256', key: 'session', reason: 'no-indexeddb' });
  assert.equal(cgVerify([receipt.jws], env.server.origin).status, 0);
  await context.close();
});
