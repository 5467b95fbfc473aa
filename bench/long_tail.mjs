// Figures for the registry's two tiers (issue 13):
//   - hosts and patterns classified: the curated registry's services and host rules, the long
//     tail's hosts (build/gen/long-tail.txt, from npm third-party-web);
//   - bytes: the loader, the first visit, and the long-tail file a page loads when it meets a
//     third-party host neither tier's first look places (gzip -9);
//   - classification time per URL in the core (node, the wasm build), by kind of URL;
//   - the delay put on an ordinary third-party script inserted by code before the core is
//     ready (tests/browser/pages/order.html: insertion to its load event, with the guard and
//     without it, fresh page loads in headless Chromium, median and p90).
// Run after scripts/build.sh: node bench/long_tail.mjs [runs]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadCore, root } from '../tests/node/core.mjs';
import { startServer, launch } from '../tests/browser/harness.mjs';
import { installTrackerRoutes } from '../tests/browser/standins/routes.mjs';

const runs = Number(process.argv[2] || 15);
const gz = (file) => gzipSync(readFileSync(join(root, 'dist', file)), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)}, p90 ${at(0.9).toFixed(1)}`;
};

// Tiers.
const tail = readFileSync(join(root, 'build/gen/long-tail.txt'), 'utf8').trim().split('\n');
const loaderData = readFileSync(join(root, 'build/gen/loader-data.js'), 'utf8');
const registry = readFileSync(join(root, 'wasm/src/registry.cpp'), 'utf8');
const servicesBlock = registry.slice(registry.indexOf('constexpr Service kServices'));
const services = (servicesBlock.slice(0, servicesBlock.indexOf('\n};')).match(/^    \{"[a-z0-9_]+"/gm) || []).length;
const hostRules = (
  registry.match(/\{"\.?[a-z0-9.-]+\.[a-z]+", "[^"]*", "[^"]*", P::(analytics|marketing|session_recording)\}/g) || []
).length;
console.log(
  `curated registry: ${services} services, ${hostRules} host rules written (+ 18 Yandex hosts x 3 generated)`,
);
console.log(`long tail: ${tail[0]}, ${tail.length - 1} hosts`);
console.log(`loader data: ${kb(gzipSync(loaderData, { level: 9 }).length)} gzip of the loader`);
console.log(
  `bytes (gzip -9): loader ${kb(gz('consent-guard.js'))}, first visit ${kb(
    gz('consent-guard.js') + gz('consent-guard-core.js') + gz('consent-guard-core.wasm'),
  )}, long tail (on demand) ${kb(gz('consent-guard-long-tail.js'))}`,
);

// Classification time per URL in the core.
const core = await loadCore();
core.configure(
  '{"site":"namo","policyVersion":"1"}',
  '{"operator":{"name":"Namo","bin":"180540012343","contact":"privacy@namo.kz"},"policyUrl":"/p"}',
  '{"hostname":"www.namo.kz"}',
);
core.loadLongTail(readFileSync(join(root, 'build/gen/long-tail.txt'), 'utf8'));
const kinds = {
  'curated tracker': 'https://mc.yandex.ru/watch/98765432?page-url=https%3A%2F%2Fnamo.kz%2F',
  'curated, path rule': 'https://www.googletagmanager.com/gtag/js?id=AW-123456',
  'own site': 'https://www.namo.kz/static/app.js',
  'known harmless': 'https://code.jquery.com/jquery-3.7.1.min.js',
  'long tail': 'https://s.adroll.com/j/roundtrip.js',
  'long tail, subdomain': 'https://a.b.c.doubleverify.com/pixel.gif',
  'unknown to both': 'https://widgets.example-booking.kz/widget.js',
};
for (const [kind, u] of Object.entries(kinds)) {
  const n = 20000;
  for (let i = 0; i < 1000; i++) core.urlBits(u);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) core.urlBits(u);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`classify ${kind.padEnd(22)} ${us.toFixed(2)} us per URL (bits ${core.urlBits(u)})`);
}

// The delay on a code-inserted ordinary third-party script before the core is ready.
const server = await startServer();
const browser = await launch();
const samples = { guard: [], none: [] };
for (let i = 0; i < runs; i++) {
  for (const variant of ['guard', 'none']) {
    const context = await browser.newContext();
    await installTrackerRoutes(context, []);
    if (variant === 'none')
      await context.route('**/pages/order.html', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script src="\/consent-guard\/[^>]*><\/script>/, '');
        route.fulfill({ response, body });
      });
    const page = await context.newPage();
    await page.goto(`${server.origin}/pages/order.html`);
    await page.waitForFunction(() => window.__t && window.__t.widget, null, { timeout: 10000 });
    samples[variant].push(await page.evaluate(() => window.__t.widget - window.__t.inserted));
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`code-inserted third-party script, insertion to load (ms, ${runs} loads):`);
console.log(`  with the guard ${stats(samples.guard)}; without ${stats(samples.none)}`);
const extra = samples.guard.map((g, i) => g - samples.none[i]);
console.log(`  delay added: ${stats(extra)}`);
