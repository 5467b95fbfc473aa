// Shared plumbing for the browser tests: a static server on 127.0.0.1, Debian's Chromium
// through playwright-core, a fresh context per test with every tracker host answered by
// a stand-in (standins/routes.mjs), and independent lists of what counts as tracking.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { installTrackerRoutes } from './standins/routes.mjs';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
// The guard's files answer any origin (Access-Control-Allow-Origin: *), as the README asks of a
// host that serves them to other sites; /consent-guard-nocors/ serves them without that header.
const MOUNTS = [
  ['/consent-guard/', 'dist/', { 'access-control-allow-origin': '*' }],
  ['/consent-guard-nocors/', 'dist/'],
  ['/pages/', 'tests/browser/pages/'],
  ['/', 'demo/'],
];
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'";

// Independent of the registry under test: hosts and cookies of the trackers we stand in for.
export const TRACKER_HOST =
  /(^|\.)(yandex\.(ru|kz|com)|webvisor\.(org|com)|googletagmanager\.com|google-analytics\.com|analytics\.google\.com|doubleclick\.net|facebook\.(com|net)|tiktok\.com|mail\.ru|vk\.com|yadro\.ru|clarity\.ms|hotjar\.(com|io)|top100\.ru|rambler\.ru|calltouch\.ru|licdn\.com|linkedin\.com|redditstatic\.com|reddit\.com|bing\.com|sc-static\.net|snapchat\.com|adroll\.com|yango\.com|beeline\.ru|spadsync\.com|roistat\.com|comagic\.ru|callibri\.ru)$/;
export const TRACKER_COOKIE =
  /^(_ym|_ga|_gid|_gat|_gcl|_gac|_fbp|_fbc|_ttp|ttcsid|tmr_|_clck|_clsk|_hj|li_fat_id|_rdt_|_uet|_scid|_ct|top100|t3_sid)/;

export function isTrackerUrl(url) {
  const u = new URL(url);
  return (
    TRACKER_HOST.test(u.hostname) ||
    (u.hostname === 'cdn.jsdelivr.net' && u.pathname.startsWith('/npm/yandex-metrica-watch'))
  );
}

export function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [mount, dir, extra] = MOUNTS.find(([m]) => path.startsWith(m));
    const rel = normalize(path.slice(mount.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(root, dir, rel.endsWith('/') ? rel + 'index.html' : rel);
    try {
      let body = await readFile(file);
      // A page that loads the guard from another origin names that origin's folder as
      // {{GUARD_BASE}}: /consent-guard/ of guard.namo.test on this server's port, or, for
      // ?cors=none, the same files without Access-Control-Allow-Origin (hosting.test.mjs).
      if (file.endsWith('.html') && body.includes('{{GUARD_BASE}}')) {
        const folder = req.url.endsWith('?cors=none') ? '/consent-guard-nocors/' : '/consent-guard/';
        const base = 'http://guard.namo.test:' + server.address().port + folder;
        body = body.toString().replaceAll('{{GUARD_BASE}}', base);
      }
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...extra,
      };
      if (/\.csp\.html$/.test(file)) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

// Debian's Chromium; without the background-networking flags it keeps trying the (closed) network.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A site with subdomains, for cookies written on several domain levels: *.namo.test is here.
  '--host-resolver-rules=MAP *.namo.test 127.0.0.1',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// node:test hooks for a test file: one server and one browser, each test in a fresh context.
export function withBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// Opens a page in a fresh context. Returns the page and what it did: every request to a
// non-local host (log), console messages, and page errors.
export async function open(browser, url, { coreMissing = false, context: existing, viewport } = {}) {
  const context = existing || (await browser.newContext({ viewport: viewport || { width: 1280, height: 800 } }));
  const log = context.__log || (context.__log = []);
  if (!existing) {
    await installTrackerRoutes(context, log);
    if (coreMissing)
      await context.route('**/consent-guard-core.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  }
  const page = await context.newPage();
  const consoleMessages = [];
  const errors = [];
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => errors.push(e.message));
  log.length = 0;
  await page.goto(url);
  return { context, page, log, consoleMessages, errors };
}

export async function ready(page) {
  return page.evaluate(() =>
    window.ConsentGuard.ready.then(
      () => true,
      (e) => 'rejected: ' + e.message,
    ),
  );
}

// Lets trackers that were released (or that leaked) finish loading and sending.
export const settle = (page, ms = 400) => page.waitForTimeout(ms);

export const trackerRequests = (log) => log.filter((r) => isTrackerUrl(r.url));

export async function trackerCookies(context) {
  return (await context.cookies()).filter((c) => TRACKER_COOKIE.test(c.name)).map((c) => c.name);
}

// Tracker stand-ins that ran (the ordinary-library stand-in is not a tracker).
export const standins = (page) => page.evaluate(() => (window.__standins || []).filter((s) => s !== 'ordinary'));

// From now on, serves `page` (a path under /pages/) with another data-policy-version, as
// when the operator publishes a new policy.
export function changePolicyVersion(context, page, version) {
  return context.route(`**/pages/${page}`, async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()).replace('2026-04-04', version) });
  });
}

// Retries `check` (which throws until it holds) for up to `ms`: for effects the browser
// applies asynchronously, such as cookie writes reaching the network service that
// context.cookies() reads.
export async function eventually(check, ms = 2000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
