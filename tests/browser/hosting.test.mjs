// The guard served from another origin than the site's: a Tilda site cannot hold files of its
// own, so its operator serves dist/ from the VPS that runs the collector (README, "Installing").
// The café's page at www.namo.test, the guard's files at guard.namo.test (both this test's
// server, pages/hosted.html), receipts to a collector on a third origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, settle, trackerRequests, standins, eventually } from './harness.mjs';
import { installTrackerRoutes } from './standins/routes.mjs';

const env = withBrowser();
const ENDPOINT = 'https://consent.namo-collector.test/receipts'; // answered by the stand-in below
const cors = { 'access-control-allow-origin': '*' };

async function openHosted(page) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  context.__log = [];
  await installTrackerRoutes(context, context.__log);
  const received = [];
  await context.route(ENDPOINT, (route) => {
    if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    received.push(route.request().postData());
    return route.fulfill({
      status: 200,
      headers: cors,
      contentType: 'application/json',
      body: '{"ack":"ack.0.standin"}',
    });
  });
  const guardFiles = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname === 'guard.namo.test') guardFiles.push(url.pathname.split('/').pop());
  });
  const site = env.server.origin.replace('127.0.0.1', 'www.namo.test');
  const ctx = await open(env.browser, `${site}/pages/${page}`, { context });
  return { ...ctx, received, guardFiles };
}

test('served from the operator’s host: holds, asks, releases, masks and sends the receipt', async () => {
  const ctx = await openHosted('hosted.html');
  assert.equal(await ready(ctx.page), true);
  await settle(ctx.page, 300);
  assert.deepEqual(trackerRequests(ctx.log), [], 'held before the decision');
  assert.deepEqual(await standins(ctx.page), []);

  await ctx.page.locator('#consent-guard-banner').getByRole('button', { name: 'Принять все' }).click();
  await eventually(async () => {
    const ran = await standins(ctx.page);
    assert.ok(ran.includes('metrica-tag') && ran.includes('gtag'), ran.join());
  }, 10000);
  // The masking module, from the guard's host, marked the form before the release.
  assert.match((await ctx.page.locator('#b-phone').getAttribute('class')) || '', /ym-disable-keys/);
  await eventually(async () => {
    const [receipt] = await ctx.page.evaluate(() => ConsentGuard.receipts());
    assert.equal(receipt && receipt.ack, 'ack.0.standin');
  }, 5000);
  assert.equal(ctx.received.length, 1, 'the receipt reached the collector once');
  for (const file of ['consent-guard-core.wasm', 'consent-guard-masking.wasm', 'consent-guard-receipts.wasm'])
    assert.ok(ctx.guardFiles.includes(file), `${file} came from the guard's host (${ctx.guardFiles.join()})`);
  assert.deepEqual(ctx.errors, []);
  await ctx.context.close();
});

test('served from another origin without Access-Control-Allow-Origin: fails closed and names the header', async () => {
  const ctx = await openHosted('hosted.html?cors=none');
  assert.match(String(await ready(ctx.page)), /^rejected: /);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll().catch(() => {}));
  await settle(ctx.page, 500);
  assert.deepEqual(trackerRequests(ctx.log), [], 'nothing released');
  assert.deepEqual(await standins(ctx.page), []);
  const errors = ctx.consoleMessages.filter((m) => m.type === 'error').map((m) => m.text);
  assert.ok(
    errors.some((t) => t.startsWith('consent-guard') && t.includes('Access-Control-Allow-Origin')),
    errors.join('\n'),
  );
  await ctx.context.close();
});
