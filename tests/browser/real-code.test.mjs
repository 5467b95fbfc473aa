// Issue 13: what real tracker code does that the first stand-ins did not. GTM's long tail of
// marketing tags under analytics-only consent, Metrica's random subdomains and cookie-sync
// partners, VK's openapi with VK.init inline, Russian-market counters, and ordinary scripts
// that must keep their order and timing. The stand-ins (standins/) are written from the real
// files: gtm.js (a real container's Custom HTML tags), marketing-tags.js, vk-openapi.js,
// metrica-counter.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, settle, trackerRequests, standins, eventually } from './harness.mjs';

const env = withBrowser();
const url = (page) => `${env.server.origin}/pages/${page}`;
const hostOf = (r) => new URL(r.url).hostname;
const LONG_TAIL_MARKETING =
  /(^|\.)(licdn\.com|linkedin\.com|redditstatic\.com|reddit\.com|bing\.com|sc-static\.net|snapchat\.com|adroll\.com|tiktok\.com|vk\.com)$/;
const SYNC_PARTNERS = /^(an\.yandex\.ru|adstat\.yandex\.ru|eu\.asas\.yango\.com|fcpe\.beeline\.ru|spadsync\.com)$/;
// Tags written statically in a page's HTML may be fetched by the browser's preload scanner before
// any script runs (README, Limitations): that fetch is counted apart; what counts is that nothing
// ran and nothing else was sent.
const beyondPreload = (ctx, statics) =>
  trackerRequests(ctx.log).filter((r) => !(r.type === 'script' && statics.includes(r.url)));

test('(b) GTM with analytics only: no long-tail marketing tag loads or sends; GA4 and Metrica do', async () => {
  const ctx = await open(env.browser, url('gtm-marketing.html'));
  assert.equal(await ready(ctx.page), true);
  await settle(ctx.page);
  assert.deepEqual(trackerRequests(ctx.log), [], 'nothing before a decision');
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true }));
  // GTM runs and injects its tags; GA4's gtag.js (analytics) and Metrica's hits go.
  await eventually(
    () =>
      assert.ok(
        ctx.log.some((r) => /gtag\/js\?id=G-MKTG1/.test(r.url)),
        'GA4 loaded',
      ),
    5000,
  );
  await eventually(() => assert.ok(ctx.log.some((r) => /^[a-z0-9]+\.mc\.yandex\.ru$/.test(hostOf(r)))));
  const injected = await ctx.page.evaluate(() =>
    (window.__standinLog || []).filter((e) => e.vendor === 'gtm' && e.event === 'inject').map((e) => e.tag),
  );
  assert.deepEqual(injected, ['ga4', 'linkedin', 'reddit', 'bing', 'snap', 'tiktok', 'adroll']);
  await settle(ctx.page, 600);
  const leaked = ctx.log.filter((r) => LONG_TAIL_MARKETING.test(hostOf(r)) || SYNC_PARTNERS.test(hostOf(r)));
  assert.deepEqual(
    leaked.map((r) => r.url),
    [],
  );
  assert.deepEqual(
    (await standins(ctx.page)).filter((s) => !/^(gtm|gtag|metrica-tag)$/.test(s)),
    [],
    'no marketing stand-in ran',
  );
  const storage = await ctx.page.evaluate(() => Object.keys(localStorage).filter((k) => /^(li_|_uet)/.test(k)));
  assert.deepEqual(storage, []);
  // AdRoll's script is held for marketing, placed by the long tail (not the loader's copy).
  const held = await ctx.page.evaluate(() =>
    window[Symbol.for('consent-guard')].held.map((h) => [new URL(h.url, location.href).hostname, h.bit]),
  );
  assert.ok(
    held.some(([host, bit]) => host === 's.adroll.com' && bit === 4),
    JSON.stringify(held),
  );
  await ctx.context.close();
});

test('(b) accept, then withdraw marketing: LinkedIn stops sending and li_adsId is purged and refused', async () => {
  const ctx = await open(env.browser, url('gtm-marketing.html'));
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(
    () =>
      assert.ok(
        ctx.log.some((r) => hostOf(r) === 'px.ads.linkedin.com'),
        'LinkedIn sent',
      ),
    5000,
  );
  await eventually(
    () =>
      assert.ok(
        ctx.log.some((r) => hostOf(r) === 'd.adroll.com'),
        'AdRoll sent',
      ),
    5000,
  );
  await eventually(async () =>
    assert.ok(await ctx.page.evaluate(() => localStorage.getItem('li_adsId')), 'li_adsId written with consent'),
  );
  await ctx.page.evaluate(() => ConsentGuard.set({ marketing: false }));
  const before = ctx.log.length;
  const after = await ctx.page.evaluate(async () => {
    const sent = await window.__linkedInSend().then(
      () => 'sent',
      (e) => e.message,
    );
    return { sent, li: localStorage.getItem('li_adsId') };
  });
  assert.match(after.sent, /held until consent/);
  assert.equal(after.li, null, 'li_adsId purged on withdrawal, and the later write refused');
  await settle(ctx.page);
  assert.deepEqual(
    ctx.log.slice(before).filter((r) => LONG_TAIL_MARKETING.test(hostOf(r)) && !/vk\.com/.test(r.url)),
    [],
  );
  await ctx.context.close();
});

test('(c) <hash>.mc.yandex.ru and cookie-sync partners are held before a decision; sync stays held under analytics', async () => {
  const ctx = await open(env.browser, url('gtm-marketing.html'));
  assert.equal(await ready(ctx.page), true);
  // Code before the decision trying Metrica's subdomain and a partner directly.
  const refused = await ctx.page.evaluate(async () => {
    const out = [];
    for (const u of ['https://a1b2c3.mc.yandex.ru/watch/98765432', 'https://fcpe.beeline.ru/sync/me']) {
      out.push(
        await fetch(u, { mode: 'no-cors' }).then(
          () => 'sent',
          (e) => e.message,
        ),
      );
    }
    return out;
  });
  assert.ok(
    refused.every((m) => /held until consent/.test(m)),
    refused.join(),
  );
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true }));
  await eventually(
    async () =>
      assert.ok(
        await ctx.page.evaluate(() => (window.__standinLog || []).some((e) => e.event === 'cookie-sync')),
        'tag.js tried its partners',
      ),
    5000,
  );
  await settle(ctx.page);
  assert.ok(
    ctx.log.some((r) => /^[a-z0-9]+\.mc\.yandex\.ru$/.test(hostOf(r))),
    'the subdomain hit is analytics',
  );
  assert.deepEqual(
    ctx.log.filter((r) => SYNC_PARTNERS.test(hostOf(r))).map((r) => r.url),
    [],
  );
  await ctx.context.close();
});

const VK_API = 'https://vk.com/js/api/openapi.js?169';

test('(d) VK openapi with VK.init inline: nothing throws while held, the widget works after accept', async () => {
  const ctx = await open(env.browser, url('vk-widget.html'));
  assert.equal(await ready(ctx.page), true);
  assert.deepEqual(ctx.errors, []);
  assert.equal(await ctx.page.evaluate(() => window.pageCode), 'ran');
  await settle(ctx.page);
  assert.deepEqual(beyondPreload(ctx, [VK_API]), []);
  assert.deepEqual(await standins(ctx.page), []);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(
    async () =>
      assert.equal(
        await ctx.page.evaluate(() => document.querySelector('#vk_comments iframe.vk-widget')?.src),
        'https://vk.com/widget_comments.php?app=51234567&limit=10',
      ),
    5000,
  );
  assert.deepEqual(ctx.errors, []);
  assert.deepEqual(await standins(ctx.page), ['vk-openapi']);
  await ctx.page.screenshot({ path: 'build/screenshots/vk-widget-accepted.png' }).catch(() => {});
  await ctx.context.close();
});

test('(d) VK openapi stays held after reject: the page still works and throws nothing', async () => {
  const ctx = await open(env.browser, url('vk-widget.html'));
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  await settle(ctx.page);
  assert.deepEqual(ctx.errors, []);
  assert.deepEqual(beyondPreload(ctx, [VK_API]), []);
  assert.deepEqual(await standins(ctx.page), []);
  assert.equal(await ctx.page.evaluate(() => typeof VK.Widgets.Comments), 'function');
  await ctx.context.close();
});

test('(e) Rambler Top100, Calltouch, Roistat, CoMagic and Callibri are held before a decision, and run after accept', async () => {
  const ctx = await open(env.browser, url('ru-counters.html'));
  assert.equal(await ready(ctx.page), true);
  await settle(ctx.page);
  const statics = [
    'https://mod.calltouch.ru/init.js?id=efgh5678',
    'https://app.comagic.ru/static/cs.min.js',
    'http://cdn.callibri.ru/callibri.js', // scheme-relative on this http test page
  ];
  assert.deepEqual(beyondPreload(ctx, statics), []);
  assert.deepEqual(ctx.errors, []);
  const held = await ctx.page.evaluate(() =>
    window[Symbol.for('consent-guard')].held.map((h) => [new URL(h.url, location.href).hostname, h.bit]),
  );
  assert.deepEqual(held.sort(), [
    ['app.comagic.ru', 4],
    ['cdn.callibri.ru', 4],
    ['cloud.roistat.com', 4],
    ['mod.calltouch.ru', 4],
    ['mod.calltouch.ru', 4],
    ['st.top100.ru', 1],
  ]);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(() => {
    const hosts = trackerRequests(ctx.log)
      .filter((r) => !statics.includes(r.url))
      .map(hostOf);
    for (const host of ['st.top100.ru', 'mod.calltouch.ru', 'cloud.roistat.com'])
      assert.ok(hosts.includes(host), host + ' in ' + hosts.join());
  }, 5000);
  await ctx.context.close();
});

test('(f) an ordinary CDN script and same-origin scripts run in order, undelayed; a code-inserted widget runs once placed', async () => {
  const ctx = await open(env.browser, url('order.html'));
  assert.equal(await ready(ctx.page), true);
  await eventually(async () =>
    assert.ok((await ctx.page.evaluate(() => window.__order)).includes('widget'), 'the widget ran'),
  );
  const { order, cdnBeforeReady } = await ctx.page.evaluate(() => ({
    order: window.__order,
    cdnBeforeReady: window.__t.cdn < performance.getEntriesByName('consent-guard:ready')[0].startTime,
  }));
  assert.deepEqual(order, ['inline-1', 'after-cdn:1', 'same-origin-a', 'same-origin-b', 'inline-2', 'widget']);
  assert.ok(cdnBeforeReady, 'the CDN library ran before the core was ready: nothing waited for it');
  assert.equal(await ctx.page.evaluate(() => window.__ordinaryLib), 2, 'the library and the widget ran once each');
  assert.deepEqual(ctx.errors, []);
  await ctx.context.close();
});

// Webvisor as tag.js sends it: parts as JSON frames on wss://mc.yandex.ru/solid.ws and pings,
// from the stand-in (standins/metrica-counter.js), not from page code.
async function webvisorStandin({ socket }) {
  const context = await env.browser.newContext();
  const frames = [];
  if (socket)
    await context.routeWebSocket(/mc\.yandex\.ru\/solid\.ws/, (ws) => ws.onMessage((m) => frames.push(String(m))));
  const { open: openPage } = await import('./harness.mjs');
  const ctx = await openPage(env.browser, url('metrica-socket.html'), { context: await withRoutes(context) });
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  return { ctx, frames };
}
async function withRoutes(context) {
  const { installTrackerRoutes } = await import('./standins/routes.mjs');
  context.__log = [];
  await installTrackerRoutes(context, context.__log);
  return context;
}

test("tag.js's Webvisor socket: parts flow with consent; after set({session_recording:false}) no part, pings go on; after rejectAll() nothing", async () => {
  const { ctx, frames } = await webvisorStandin({ socket: true });
  await eventually(() => assert.ok(frames.some((f) => f.includes('"resource":"webvisor/98765432"'))), 5000);
  await ctx.page.fill('#comment', 'typed-before');
  // The field is masked (a message): its value goes as bullets, the input event itself goes.
  await eventually(() =>
    assert.ok(
      frames.some((f) => f.includes('\\"t\\":\\"input\\",\\"n\\":\\"comment\\"')),
      'parts carry the typing',
    ),
  );
  await ctx.page.evaluate(() => ConsentGuard.set({ session_recording: false }));
  const at = frames.length;
  await ctx.page.fill('#comment', 'typed-after-withdrawal');
  await eventually(() => assert.ok(frames.slice(at).filter((f) => f === '{"type":"ping"}').length >= 3, 'pings go on'));
  assert.deepEqual(
    frames.slice(at).filter((f) => f.includes('webvisor/')),
    [],
  );
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  const closedAt = frames.length;
  await ctx.page.fill('#comment', 'typed-after-reject');
  await settle(ctx.page, 600);
  assert.deepEqual(frames.slice(closedAt), []);
  assert.equal(await ctx.page.evaluate(() => window[Symbol.for('consent-guard')].sockets.size), 0);
  await ctx.context.close();
});

test("tag.js's HTTP fallback for Webvisor: parts go by POST while allowed, none after the withdrawal", async () => {
  const { ctx } = await webvisorStandin({ socket: false });
  const parts = () => ctx.log.filter((r) => /\/webvisor\/98765432\?wv-part=/.test(r.url));
  await eventually(
    async () =>
      assert.ok(
        await ctx.page.evaluate(() => (window.__standinLog || []).some((e) => e.event === 'webvisor-http')),
        'the socket failed and tag.js fell back to HTTP',
      ),
    8000,
  );
  await ctx.page.fill('#comment', 'typed-before');
  await eventually(() => assert.ok(parts().some((r) => r.body.includes('"n":"comment"'))));
  await ctx.page.evaluate(() => ConsentGuard.set({ session_recording: false }));
  const at = parts().length;
  await ctx.page.fill('#comment', 'typed-after-withdrawal');
  await settle(ctx.page, 600);
  assert.deepEqual(
    parts()
      .slice(at)
      .map((r) => r.url),
    [],
  );
  await ctx.context.close();
});
