// The guard and the real receipt collector together (issues 5 and 6): a decision in the page
// is acknowledged by cg-collector with an ack the visitor keeps, signed by a key in the
// collector's published JWKS; the collector's log verifies, and a data subject's export of
// the visitor's key verifies with cg-verify.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jose from 'jose';
import { withBrowser, open, eventually, root } from './harness.mjs';
import { installTrackerRoutes } from './standins/routes.mjs';

const env = withBrowser();
const COLLECTOR = process.env.CG_COLLECTOR || join(root, 'build/native/operator/collector/cg-collector');
const CG_VERIFY = process.env.CG_VERIFY || join(root, 'build/native/operator/cli/cg-verify');
const collector = {};

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

before(async () => {
  collector.dir = mkdtempSync(join(tmpdir(), 'cg-collector-'));
  collector.port = await freePort();
  collector.url = `http://127.0.0.1:${collector.port}`;
  const site = ['--site', env.server.origin, '--data-dir', collector.dir];
  execFileSync(COLLECTOR, ['init', ...site]);
  collector.process = spawn(COLLECTOR, ['serve', ...site, '--listen', `127.0.0.1:${collector.port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  collector.log = [];
  collector.process.stderr.on('data', (d) => collector.log.push(String(d)));
  await eventually(async () => assert.equal((await fetch(collector.url + '/healthz')).status, 200), 5000);
});

after(() => {
  collector.process?.kill('SIGTERM');
  rmSync(collector.dir, { recursive: true, force: true });
});

test('a decision is acknowledged by the collector; the ack, the log and the export verify', async () => {
  const context = await env.browser.newContext();
  context.__log = [];
  await installTrackerRoutes(context, context.__log);
  // The test page names a collector on the internet; its requests go to the real one here (from
  // the test's side: Chromium keeps pages from calling other loopback ports directly).
  await context.route('https://receipts.collector.test/receipts', async (route) => {
    const response = await route.fetch({ url: collector.url + '/receipts' });
    await route.fulfill({ response });
  });
  const ctx = await open(env.browser, `${env.server.origin}/pages/receipts.html`, { context });
  await ctx.page.evaluate(() => ConsentGuard.ready.then(() => ConsentGuard.acceptAll()));
  const [receipt] = await eventually(async () => {
    const list = await ctx.page.evaluate(() => ConsentGuard.receipts());
    assert.ok(list.length === 1 && list[0].ack, 'acknowledged');
    return list;
  }, 8000).catch((e) => {
    console.log(collector.log.join(''));
    throw e;
  });

  // The ack: signed by a key the collector publishes, about exactly this receipt.
  const jwks = await (await fetch(collector.url + '/.well-known/consent-keys.json')).json();
  const { payload, protectedHeader } = await jose.compactVerify(receipt.ack, jose.createLocalJWKSet(jwks));
  assert.equal(protectedHeader.typ, 'consent-ack+jwt');
  const ack = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(ack.jti, receipt.jti);
  assert.equal(ack.site, env.server.origin);
  assert.equal(ack.receiptHash, createHash('sha256').update(receipt.jws).digest('base64url'));
  assert.equal(ack.receiptStatus, 'valid');

  // The operator's side: the log verifies, and the visitor's export verifies with cg-verify.
  execFileSync(COLLECTOR, ['verify', '--data-dir', collector.dir, '--quiet']);
  const kid = jose.decodeProtectedHeader(receipt.jws).kid;
  const out = join(collector.dir, 'export.json');
  execFileSync(COLLECTOR, ['export', '--data-dir', collector.dir, '--key', kid, '--format', 'json', '--out', out]);
  const report = execFileSync(CG_VERIFY, ['--aud', env.server.origin, out], { encoding: 'utf8' });
  assert.match(report, /1 valid/);
  await context.close();
});
