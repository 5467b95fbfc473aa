// Every snippet form, held until the visitor decides: (a) no decision, (b) accept all,
// (c) reject all, (e) the stored decision on the next page load. Pages are under pages/,
// every tracker host is answered by a stand-in that behaves like the real script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, settle, trackerRequests, trackerCookies, standins, eventually } from './harness.mjs';

// scripts: stand-ins that must run after acceptAll; hits: requests they must send.
export const PAGES = [
  {
    page: 'metrica-current.html',
    scripts: ['metrica-tag'],
    hits: [/mc\.yandex\.ru\/watch\/98765432\?page-url/, /\/webvisor\/98765432/],
  },
  {
    page: 'metrica-2018.html',
    scripts: ['metrica-tag'],
    hits: [/mc\.yandex\.ru\/watch\/22222222/, /\/webvisor\/22222222/],
  },
  {
    page: 'metrica-legacy.html',
    scripts: ['metrica-watch'],
    hits: [/mc\.yandex\.ru\/watch\/33333333/, /\/webvisor\/33333333/],
  },
  {
    page: 'metrica-jsdelivr.html',
    scripts: ['metrica-tag'],
    hits: [/cdn\.jsdelivr\.net\/npm\/yandex-metrica-watch\/tag\.js/, /mc\.yandex\.ru\/watch\/44444444/],
  },
  { page: 'gtag.html', scripts: ['gtag'], hits: [/google-analytics\.com\/g\/collect\?v=2&tid=G-TEST123&en=page_view/] },
  {
    page: 'gtm.html',
    scripts: ['gtm', 'fbevents'],
    hits: [/googletagmanager\.com\/gtm\.js\?id=GTM-TEST1/, /facebook\.com\/tr\?id=1234567890/],
  },
  { page: 'analytics-js.html', scripts: ['analytics.js'], hits: [/google-analytics\.com\/collect\?v=1&t=pageview/] },
  { page: 'meta.html', scripts: ['fbevents'], hits: [/facebook\.com\/tr\?id=1234567890&ev=PageView/] },
  { page: 'tiktok.html', scripts: ['tiktok'], hits: [/analytics\.tiktok\.com\/api\/v2\/pixel/] },
  { page: 'vk.html', scripts: ['topmailru'], hits: [/top-fwz1\.mail\.ru\/counter\?id=3456789/] },
  {
    page: 'liveinternet.html',
    scripts: [],
    hits: [/counter\.yadro\.ru\/hit\?t50/, /counter\.yadro\.ru\/hit\?r/, /counter\.yadro\.ru\/hit\?t44/],
  },
  { page: 'clarity.html', scripts: ['clarity'], hits: [/a\.clarity\.ms\/collect/] },
  { page: 'hotjar.html', scripts: ['hotjar'], hits: [/in\.hotjar\.com\/api\/v2\/client\/sites\/1234567/] },
  {
    page: 'combo.html',
    scripts: ['metrica-tag', 'gtag', 'gtm', 'fbevents', 'tiktok', 'topmailru', 'clarity', 'hotjar'],
    hits: [
      /mc\.yandex\.ru\/watch\/98765432/,
      /g\/collect/,
      /facebook\.com\/tr/,
      /analytics\.tiktok\.com\/api/,
      /top-fwz1\.mail\.ru\/counter/,
      /a\.clarity\.ms\/collect/,
      /in\.hotjar\.com/,
      /counter\.yadro\.ru\/hit/,
    ],
  },
];

const env = withBrowser();

const url = (page) => `${env.server.origin}/pages/${page}`;

async function assertNothingTracked(ctx, label) {
  assert.deepEqual(trackerRequests(ctx.log), [], `${label}: tracker requests`);
  assert.deepEqual(await trackerCookies(ctx.context), [], `${label}: tracker cookies`);
  assert.deepEqual(await standins(ctx.page), [], `${label}: tracker code ran`);
  assert.equal(await ctx.page.evaluate(() => window.pageCode), 'ran', `${label}: the page's own code ran`);
  assert.deepEqual(ctx.errors, [], `${label}: page errors`);
}

async function assertTracked(ctx, { scripts, hits }, label) {
  const ran = await standins(ctx.page);
  for (const s of scripts) assert.ok(ran.includes(s), `${label}: ${s} ran (ran: ${ran})`);
  const urls = trackerRequests(ctx.log).map((r) => r.url);
  for (const hit of hits)
    assert.ok(
      urls.some((u) => hit.test(u)),
      `${label}: ${hit} sent (sent: ${urls.join(' ')})`,
    );
  assert.deepEqual(ctx.errors, [], `${label}: page errors`);
}

for (const spec of PAGES) {
  test(`${spec.page}: (a) no decision holds everything`, async () => {
    const ctx = await open(env.browser, url(spec.page));
    assert.equal(await ready(ctx.page), true);
    await settle(ctx.page, 600);
    await assertNothingTracked(ctx, 'undecided');
    await ctx.context.close();
  });

  test(`${spec.page}: (b) acceptAll releases and trackers send`, async () => {
    const ctx = await open(env.browser, url(spec.page));
    assert.equal(await ready(ctx.page), true);
    await settle(ctx.page, 200);
    await assertNothingTracked(ctx, 'before the decision');
    const state = await ctx.page.evaluate(() => ConsentGuard.acceptAll());
    assert.deepEqual(state.purposes, { necessary: true, analytics: true, session_recording: true, marketing: true });
    await settle(ctx.page, 600);
    await eventually(() => assertTracked(ctx, spec, 'accepted'), 3000); // slow machines load later
    await ctx.context.close();
  });

  test(`${spec.page}: (c) rejectAll keeps everything held`, async () => {
    const ctx = await open(env.browser, url(spec.page));
    assert.equal(await ready(ctx.page), true);
    const state = await ctx.page.evaluate(() => ConsentGuard.rejectAll());
    assert.equal(state.decided, true);
    await settle(ctx.page, 600);
    await assertNothingTracked(ctx, 'rejected');
    await ctx.context.close();
  });

  test(`${spec.page}: (e) the stored decision applies on the next page load`, async () => {
    const first = await open(env.browser, url(spec.page));
    await ready(first.page);
    await first.page.evaluate(() => ConsentGuard.acceptAll());
    await first.page.close();
    const next = await open(env.browser, url(spec.page), { context: first.context });
    assert.equal(await ready(next.page), true);
    assert.equal((await next.page.evaluate(() => ConsentGuard.get())).decided, true);
    await settle(next.page, 600);
    await eventually(() => assertTracked(next, spec, 'next page load'), 3000);
    await first.context.close();
  });
}
