// Self-check of the tracker stand-ins and the offline routing, in real headless Chromium.
// Each test serves a page with a vendor's real install snippet from a local http server, routes
// every other host through installTrackerRoutes, and checks the hits, cookies and callbacks the
// stand-in must produce. Run: node --test tests/browser/standins/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { installTrackerRoutes, standinFor, TRACKER_SCRIPTS } from './routes.mjs';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../harness.mjs';
const noBrowser = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

// ---- the vendors' install snippets, as a site owner pastes them ----
const METRICA_SNIPPET = `(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};m[i].l=1*new Date();for(var j=0;j<document.scripts.length;j++){if(document.scripts[j].src===r){return;}}k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})(window,document,'script','https://mc.yandex.ru/metrika/tag.js?id=12345678','ym');ym(12345678,'init',{ssr:true,webvisor:true,clickmap:true,ecommerce:"dataLayer",accurateTrackBounce:true,trackLinks:true});`;
const METRICA_LEGACY = `(function (d, w, c) { (w[c] = w[c] || []).push(function() { try { w.yaCounter555 = new Ya.Metrika({ id:555, clickmap:true, trackLinks:true, accurateTrackBounce:true, webvisor:true }); } catch(e) { } }); var n = d.getElementsByTagName("script")[0], s = d.createElement("script"), f = function () { n.parentNode.insertBefore(s, n); }; s.type = "text/javascript"; s.async = true; s.src = "https://mc.yandex.ru/metrika/watch.js"; if (w.opera == "[object Opera]") { d.addEventListener("DOMContentLoaded", f, false); } else { f(); } })(document, window, "yandex_metrika_callbacks");`;
const METRICA2_JSDELIVR = `(function (d, w, c) { (w[c] = w[c] || []).push(function() { try { w.yaCounter777 = new Ya.Metrika2({ id:777, clickmap:true, webvisor:false }); } catch(e) { } }); var n = d.getElementsByTagName("script")[0], s = d.createElement("script"); s.async = true; s.src = "https://cdn.jsdelivr.net/npm/yandex-metrica-watch/tag.js"; n.parentNode.insertBefore(s, n); })(document, window, "yandex_metrika_callbacks2");`;
const GTAG_SNIPPET = (
  id,
  consent,
) => `<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
${consent ? "gtag('consent','default',{ad_storage:'denied',analytics_storage:'denied',ad_user_data:'denied',ad_personalization:'denied',wait_for_update:500});" : ''}
gtag('js', new Date()); gtag('config', '${id}');</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=${id}"></script>`;
const ANTI_FLICKER = `(function(a,s,y,n,c,h,i,d,e){s.className+=' '+y;h.start=1*new Date;h.end=i=function(){s.className=s.className.replace(RegExp(' ?'+y),'')};(a[n]=a[n]||[]).hide=h;setTimeout(function(){i();h.end=null},c);h.timeout=c;})(window,document.documentElement,'async-hide','dataLayer',4000,{'GTM-TEST1':true});`;
const GTM_SNIPPET = `(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-TEST1');`;
const GA_SNIPPET = `(function(i,s,o,g,r,a,m){i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){(i[r].q=i[r].q||[]).push(arguments)},i[r].l=1*new Date();a=s.createElement(o),m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');`;
const FB_SNIPPET = `!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');`;
const TIKTOK_SNIPPET = `!function (w, d, t) { w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js";ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script");n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};ttq.load('CXXXX');ttq.page();}(window, document, 'ttq');`;
const TMR_SNIPPET = `var _tmr = window._tmr || (window._tmr = []); _tmr.push({id: "3000000", type: "pageView", start: (new Date()).getTime()}); (function (d, w, id) { if (d.getElementById(id)) return; var ts = d.createElement("script"); ts.type = "text/javascript"; ts.async = true; ts.id = id; ts.src = "https://top-fwz1.mail.ru/js/code.js"; var f = function () {var s = d.getElementsByTagName("script")[0]; s.parentNode.insertBefore(ts, s);}; if (w.opera == "[object Opera]") { d.addEventListener("DOMContentLoaded", f, false); } else { f(); } })(document, window, "tmr-code");`;
const CLARITY_SNIPPET = `(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "abcdef123");`;
const HOTJAR_SNIPPET = `(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:1234567,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');`;

// ---- local page server and browser ----
const pages = new Map();
let server,
  origin,
  browser,
  pageNo = 0;

before(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/local.js') {
      res.writeHead(200, { 'content-type': 'application/javascript' });
      res.end('window.__local = true;');
      return;
    }
    if (!pages.has(path)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(path));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  if (!noBrowser) browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Opens `body` (a page's HTML) in a fresh context with tracker routing. */
async function open(t, html) {
  const path = `/page${++pageNo}.html`;
  pages.set(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><script src="/local.js"></script></head><body>${html}</body></html>`,
  );
  const context = await browser.newContext();
  t.after(() => context.close());
  const log = [];
  await installTrackerRoutes(context, log);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(origin + path);
  return { context, page, log, errors };
}
async function until(what, fn, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const has = (log, re, type, method) =>
  log.some((e) => re.test(e.url) && (!type || e.type === type) && (!method || e.method === method));
const waitHit = (log, re, type, method) => until(`${type || 'request'} ${re}`, () => has(log, re, type, method));
async function cookieMap(context) {
  const out = {};
  for (const c of await context.cookies()) out[c.name] = c.value;
  return out;
}
const standins = (page) => page.evaluate(() => window.__standins || []);
const standinLog = (page, vendor) =>
  page.evaluate((v) => (window.__standinLog || []).filter((e) => e.vendor === v), vendor);

// ---- mapping ----
test('standinFor maps each listed URL and nothing else', () => {
  for (const entry of TRACKER_SCRIPTS) assert.equal(standinFor(entry.example), entry.file, entry.example);
  assert.equal(standinFor('https://mc.yandex.kz/metrika/tag.js'), 'metrica-tag.js');
  assert.equal(standinFor('https://mc.yandex.com.tr/metrika/tag.js?id=1'), 'metrica-tag.js');
  assert.equal(standinFor('https://cdn.jsdelivr.net/npm/yandex-metrica-watch@1.0.0/tag.js'), 'metrica-tag.js');
  assert.equal(standinFor('https://connect.facebook.net/ru_RU/fbevents.js'), 'fbevents.js');
  for (const url of [
    'https://mc.yandex.ru.evil.example/metrika/tag.js',
    'https://evil.example/?u=https://mc.yandex.ru/metrika/tag.js',
    'https://mc.yandex.ru/watch/123',
    'https://yastatic.net/jquery/3.3.1/jquery.min.js',
    'not a url',
    '',
    'data:text/javascript,1',
    'https://www.googletagmanager.com/ns.html?id=GTM-X',
    `http://127.0.0.1:1/gtm.js`,
  ]) {
    assert.equal(standinFor(url), null, url);
  }
});

// ---- Yandex.Metrica ----
test(
  'metrica tag.js: current snippet, queued reachGoal/getClientID, disableYaCounter',
  { skip: noBrowser },
  async (t) => {
    const { context, page, log, errors } = await open(
      t,
      `
    <form><input name="name" value="Aigerim"><input name="iin" class="ym-disable-keys" value="900101300123"></form>
    <script>window.disableYaCounter999 = true;</script>
    <script>${METRICA_SNIPPET}
      ym(12345678, 'reachGoal', 'lead', {plan: 'a'}, function () { window.__goalDone = (window.__goalDone || 0) + 1; });
      ym(12345678, 'getClientID', function (id) { window.__cid = id; });
      ym(999, 'init', {webvisor: true, clickmap: true});
      ym(999, 'reachGoal', 'off', function () { window.__offDone = true; });</script>`,
    );
    await until('goal callbacks', () =>
      page.evaluate(() => window.__goalDone === 1 && !!window.__cid && window.__offDone === true),
    );
    assert.deepEqual(await standins(page), ['metrica-tag']);
    assert.ok(has(log, /^https:\/\/mc\.yandex\.ru\/metrika\/tag\.js\?id=12345678$/, 'script', 'GET'));
    await waitHit(
      log,
      /^https:\/\/mc\.yandex\.ru\/watch\/12345678\?page-url=http%3A%2F%2F127\.0\.0\.1/,
      'ping',
      'POST',
    );
    await waitHit(log, /^https:\/\/mc\.yandex\.ru\/clmap\/12345678$/, 'fetch', 'POST');
    await waitHit(log, /^https:\/\/mc\.yandex\.ru\/webvisor\/12345678$/, 'fetch', 'POST');
    await waitHit(log, /^https:\/\/mc\.yandex\.ru\/watch\/12345678\?goal=lead$/, 'image', 'GET');
    assert.ok(!has(log, /\/999\b/), 'a disabled counter sends nothing');

    const cookies = await cookieMap(context);
    assert.match(cookies._ym_uid, /^\d{10,}$/);
    assert.match(cookies._ym_d, /^\d{10}$/);
    assert.equal(cookies._ym_visorc, 'w');
    assert.equal(await page.evaluate(() => window.__cid), cookies._ym_uid);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('_ym_uid'))), cookies._ym_uid);
    assert.equal(await page.evaluate(() => typeof window.yaCounter12345678.reachGoal), 'function');
    assert.equal(await page.evaluate(() => typeof window.yaCounter999), 'undefined');

    const logged = await standinLog(page, 'metrica');
    const init = logged.find((e) => e.event === 'init');
    assert.equal(init.id, 12345678);
    assert.equal(init.opts.webvisor, true);
    assert.ok(logged.some((e) => e.event === 'disabled' && e.id === 999));
    const fields = logged.find((e) => e.event === 'webvisor').fields;
    assert.deepEqual(
      fields.map((f) => [f.name, f.masked, f.value]),
      [
        ['name', false, 'Aigerim'],
        ['iin', true, '\u2022'.repeat(12)],
      ],
    );

    // After load: direct calls, legacy counter object, callbacks are asynchronous.
    const order = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = [];
          window.yaCounter12345678.reachGoal('call', {}, () => {
            seen.push('cb');
            resolve(seen);
          });
          seen.push('sync');
        }),
    );
    assert.deepEqual(order, ['sync', 'cb']);
    assert.equal(await page.evaluate(() => new Promise((r) => ym(12345678, 'reachGoal', 'two', () => r('ok')))), 'ok');
    await waitHit(log, /\/watch\/12345678\?goal=two$/, 'image');
    assert.deepEqual(errors, []);
  },
);

test(
  'metrica tag.js run a second time (a fresh tag.js inserted later) initialises nothing twice',
  { skip: noBrowser },
  async (t) => {
    const { page, log } = await open(t, `<script>${METRICA_SNIPPET}</script>`);
    await until('counter', () => page.evaluate(() => !!window.yaCounter12345678));
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const s = document.createElement('script');
          s.src = 'https://mc.yandex.ru/metrika/tag.js';
          s.onload = resolve;
          document.head.appendChild(s);
        }),
    );
    assert.deepEqual(await standins(page), ['metrica-tag', 'metrica-tag']);
    assert.equal((await standinLog(page, 'metrica')).filter((e) => e.event === 'init').length, 1);
    await page.evaluate(() => ym(12345678, 'init', {}));
    assert.ok((await standinLog(page, 'metrica')).some((e) => e.event === 'duplicate-init'));
    await page.waitForTimeout(100);
    assert.equal(log.filter((e) => /\/watch\/12345678\?page-url=/.test(e.url)).length, 1);
  },
);

test('metrica watch.js: legacy yandex_metrika_callbacks + Ya.Metrika', { skip: noBrowser }, async (t) => {
  const { context, page, log, errors } = await open(
    t,
    `<button id="b" onclick="yaCounter555.reachGoal('click', {}, function(){ window.__clicked = true; })">go</button>
    <script>${METRICA_LEGACY}</script>`,
  );
  await until('yaCounter555', () => page.evaluate(() => !!window.yaCounter555));
  assert.deepEqual(await standins(page), ['metrica-watch']);
  await page.click('#b');
  await until('onclick goal callback', () => page.evaluate(() => window.__clicked === true));
  await waitHit(log, /^https:\/\/mc\.yandex\.ru\/watch\/555\?page-url=/, 'ping', 'POST');
  await waitHit(log, /^https:\/\/mc\.yandex\.ru\/webvisor\/555$/, 'fetch', 'POST');
  await waitHit(log, /^https:\/\/mc\.yandex\.ru\/watch\/555\?goal=click$/, 'image');
  const cookies = await cookieMap(context);
  assert.ok(cookies._ym_uid && cookies._ym_d);
  assert.equal(cookies._ym_visorc, 'w');
  // A callback pushed after load runs at once.
  await page.evaluate(() =>
    window.yandex_metrika_callbacks.push(() => {
      window.__late = new Ya.Metrika({ id: 556, defer: true });
    }),
  );
  assert.equal(await page.evaluate(() => window.__late.id), 556);
  assert.deepEqual(errors, []);
});

test('metrica tag.js from jsDelivr: Ya.Metrika2 + yandex_metrika_callbacks2', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(t, `<script>${METRICA2_JSDELIVR}</script>`);
  await until('yaCounter777', () => page.evaluate(() => !!window.yaCounter777));
  assert.ok(has(log, /^https:\/\/cdn\.jsdelivr\.net\/npm\/yandex-metrica-watch\/tag\.js$/, 'script'));
  assert.deepEqual(await standins(page), ['metrica-tag']);
  await waitHit(log, /\/clmap\/777$/, 'fetch');
  await waitHit(log, /\/watch\/777\?page-url=/, 'ping');
  assert.ok(!has(log, /\/webvisor\//), 'webvisor:false records nothing');
  assert.equal((await cookieMap(context))._ym_visorc, undefined);
});

// ---- Google ----
test(
  'gtag.js: Consent Mode denied pings without cookies, update grants, event_callback',
  { skip: noBrowser },
  async (t) => {
    const { context, page, log, errors } = await open(t, GTAG_SNIPPET('G-TEST123', true));
    await until('gtag stand-in', async () => (await standins(page)).includes('gtag'));
    assert.ok(has(log, /^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-TEST123$/, 'script'));
    await waitHit(log, /\/g\/collect\?v=2&tid=G-TEST123&en=page_view&gcs=G100&dl=/, 'ping', 'POST');
    let cookies = await cookieMap(context);
    assert.equal(cookies._ga, undefined);
    assert.equal(cookies._ga_TEST123, undefined);

    await page.evaluate(() => {
      gtag('consent', 'update', { analytics_storage: 'granted' });
      gtag('event', 'sign_up', {
        event_callback: () => {
          window.__evDone = (window.__evDone || 0) + 1;
        },
      });
      dataLayer.push({
        event: 'custom',
        eventCallback: () => {
          window.__dlDone = (window.__dlDone || 0) + 1;
        },
      });
    });
    await until('callbacks', () => page.evaluate(() => window.__evDone === 1 && window.__dlDone === 1));
    await waitHit(log, /\/g\/collect\?v=2&tid=G-TEST123&en=sign_up&gcs=G101&cid=GA1/, 'ping');
    cookies = await cookieMap(context);
    assert.match(cookies._ga, /^GA1\.1\.\d+\.\d+$/);
    assert.ok(cookies._ga_TEST123);
    assert.deepEqual(errors, []);
  },
);

test('gtag.js without Consent Mode sets cookies at once and ends dataLayer.hide', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(
    t,
    `<script>${ANTI_FLICKER.replace('GTM-TEST1', 'G-TEST9')}</script>${GTAG_SNIPPET('G-TEST9', false)}`,
  );
  await waitHit(log, /\/g\/collect\?v=2&tid=G-TEST9&en=page_view&gcs=G111/, 'ping');
  const cookies = await cookieMap(context);
  assert.ok(cookies._ga && cookies._ga_TEST9);
  assert.equal(await page.evaluate(() => document.documentElement.className), '');
});

test('gtm.js: eventCallback, anti-flicker, run-time injected Meta Pixel', { skip: noBrowser }, async (t) => {
  const { context, page, log, errors } = await open(
    t,
    `<script>${ANTI_FLICKER}</script>
    <script>${GTM_SNIPPET}
      dataLayer.push({ event: 'early', eventCallback: function () { window.__early = (window.__early || 0) + 1; } });</script>`,
  );
  await until('early eventCallback', () => page.evaluate(() => window.__early === 1));
  assert.equal(await page.evaluate(() => document.documentElement.className), '', 'anti-flicker ended');
  assert.equal(await page.evaluate(() => typeof window.google_tag_manager['GTM-TEST1']), 'object');
  assert.ok(has(log, /^https:\/\/www\.googletagmanager\.com\/gtm\.js\?id=GTM-TEST1$/, 'script'));
  await waitHit(log, /^https:\/\/connect\.facebook\.net\/en_US\/fbevents\.js$/, 'script');
  await waitHit(log, /^https:\/\/www\.facebook\.com\/tr\?id=1234567890&ev=PageView/, 'image');
  assert.deepEqual(await standins(page), ['gtm', 'fbevents']);
  assert.match((await cookieMap(context))._fbp, /^fb\.1\.\d+\.\d+$/);
  await page.evaluate(() =>
    dataLayer.push({
      event: 'late',
      eventCallback: () => {
        window.__late = (window.__late || 0) + 1;
      },
    }),
  );
  await until('late eventCallback', () => page.evaluate(() => window.__late === 1));
  assert.equal(await page.evaluate(() => window.__early), 1, 'each callback once');
  assert.deepEqual(errors, []);
});

test('analytics.js: ga.q replay, _ga cookie, collect image, hitCallback', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(
    t,
    `<script>${GA_SNIPPET}
    ga('create', 'UA-12345-1', 'auto');
    ga('send', 'pageview', { hitCallback: function () { window.__hit = true; } });</script>`,
  );
  await until('hitCallback', () => page.evaluate(() => window.__hit === true));
  assert.deepEqual(await standins(page), ['analytics.js']);
  await waitHit(log, /^https:\/\/www\.google-analytics\.com\/collect\?v=1&t=pageview&tid=UA-12345-1&cid=/, 'image');
  assert.match((await cookieMap(context))._ga, /^GA1\.1\.\d+\.\d+$/);
  const viaDirect = await page.evaluate(
    () => new Promise((r) => ga('send', 'event', 'form', 'submit', { hitCallback: () => r('done') })),
  );
  assert.equal(viaDirect, 'done');
  await waitHit(log, /collect\?v=1&t=event&tid=UA-12345-1.*&ec=form/, 'image');
});

// ---- Others ----
test('fbevents.js: consent revoke holds events and sets no cookie until grant', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(
    t,
    `<script>${FB_SNIPPET} fbq('consent', 'revoke'); fbq('init', '111222'); fbq('track', 'PageView');</script>`,
  );
  await until('fbevents', async () => (await standins(page)).includes('fbevents'));
  await page.waitForTimeout(200);
  assert.ok(!has(log, /facebook\.com\/tr/), 'nothing sent while revoked');
  assert.equal((await cookieMap(context))._fbp, undefined);
  await page.evaluate(() => fbq('consent', 'grant'));
  await waitHit(log, /^https:\/\/www\.facebook\.com\/tr\?id=111222&ev=PageView/, 'image');
  assert.ok((await cookieMap(context))._fbp);
});

test('tiktok events.js: ttq queue, _ttp cookie, pixel beacon', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(t, `<script>${TIKTOK_SNIPPET}</script>`);
  await waitHit(log, /^https:\/\/analytics\.tiktok\.com\/api\/v2\/pixel$/, 'ping', 'POST');
  assert.ok(has(log, /^https:\/\/analytics\.tiktok\.com\/i18n\/pixel\/events\.js\?sdkid=CXXXX&lib=ttq$/, 'script'));
  assert.deepEqual(await standins(page), ['tiktok']);
  assert.ok((await cookieMap(context))._ttp);
  await page.evaluate(() => ttq.track('CompletePayment', { value: 1 }));
  await until('second beacon', () => log.filter((e) => /api\/v2\/pixel/.test(e.url)).length === 2);
  assert.deepEqual(
    (await standinLog(page, 'tiktok')).filter((e) => e.event === 'hit').map((e) => e.ev),
    ['Pageview', 'CompletePayment'],
  );
});

test('top.mail.ru code.js: _tmr queue, tmr_lvid cookie, counter image', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(t, `<script>${TMR_SNIPPET}</script>`);
  await waitHit(log, /^https:\/\/top-fwz1\.mail\.ru\/counter\?id=3000000;js=13;e=pageView/, 'image');
  assert.deepEqual(await standins(page), ['topmailru']);
  assert.match((await cookieMap(context)).tmr_lvid, /^[0-9a-f]{32}$/);
  await page.evaluate(() => _tmr.push({ id: '3000000', type: 'reachGoal', goal: 'lead' }));
  await waitHit(log, /counter\?id=3000000;js=13;e=reachGoal;goal=lead/, 'image');
});

test('clarity tag: clarity.q, _clck/_clsk cookies, collect POST, data-clarity-mask', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(
    t,
    `<div data-clarity-mask="True"><input name="phone" value="+77011234567"></div><input name="city" value="Almaty">
    <script>${CLARITY_SNIPPET} clarity('set', 'plan', 'pro');</script>`,
  );
  await waitHit(log, /^https:\/\/a\.clarity\.ms\/collect$/, 'fetch', 'POST');
  assert.ok(has(log, /^https:\/\/www\.clarity\.ms\/tag\/abcdef123$/, 'script'));
  assert.deepEqual(await standins(page), ['clarity']);
  const cookies = await cookieMap(context);
  assert.ok(cookies._clck && cookies._clsk);
  const logged = await standinLog(page, 'clarity');
  assert.ok(logged.some((e) => e.event === 'call' && e.method === 'set'));
  assert.deepEqual(
    logged.find((e) => e.event === 'record').fields.map((f) => [f.name, f.masked]),
    [
      ['phone', true],
      ['city', false],
    ],
  );
});

test('hotjar script: hj.q, _hjSessionUser_<id> cookie, visit-data POST', { skip: noBrowser }, async (t) => {
  const { context, page, log } = await open(
    t,
    `<input name="card" data-hj-suppress value="4111">
    <script>${HOTJAR_SNIPPET} hj('event', 'signup');</script>`,
  );
  await waitHit(log, /^https:\/\/in\.hotjar\.com\/api\/v2\/client\/sites\/1234567\/visit-data$/, 'fetch', 'POST');
  assert.ok(has(log, /^https:\/\/static\.hotjar\.com\/c\/hotjar-1234567\.js\?sv=6$/, 'script'));
  assert.deepEqual(await standins(page), ['hotjar']);
  assert.ok((await cookieMap(context))._hjSessionUser_1234567);
  const logged = await standinLog(page, 'hotjar');
  assert.ok(logged.some((e) => e.event === 'call' && e.method === 'event' && e.args[0] === 'signup'));
  assert.deepEqual(logged.find((e) => e.event === 'record').fields, [
    { name: 'card', masked: true, value: '\u2022\u2022\u2022\u2022' },
  ]);
});

test('ordinary third-party scripts run and are logged', { skip: noBrowser }, async (t) => {
  const { page, log } = await open(
    t,
    `<script src="https://cdn.example-cdn.com/jquery.min.js"></script>
    <script src="https://widgets.example-booking.kz/widget.js"></script>`,
  );
  assert.equal(await page.evaluate(() => window.__ordinaryLib), 2);
  assert.deepEqual(await standins(page), ['ordinary', 'ordinary']);
  assert.equal(log.filter((e) => e.type === 'script').length, 2);
});

test(
  'routing: local passes unlogged, images get a GIF, unknown hosts a 204, iframes a page',
  { skip: noBrowser },
  async (t) => {
    const { page, log } = await open(
      t,
      `<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-TEST1"></iframe>
    <script src="https://unknown.example/some.js" onload="window.__unknownScript='load'" onerror="window.__unknownScript='error'"></script>`,
    );
    assert.equal(await page.evaluate(() => window.__local), true, 'local script served by the test server');
    assert.ok(!log.some((e) => /127\.0\.0\.1|localhost/.test(e.url)), 'local requests are not logged');
    assert.equal(await page.evaluate(() => window.__unknownScript), 'load');
    const img = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const i = new Image();
          i.onload = () => resolve([i.naturalWidth, i.naturalHeight]);
          i.onerror = () => resolve('error');
          i.src =
            '//counter.yadro.ru/hit?t44.6;r' +
            escape(document.referrer) +
            ';u' +
            escape(location.href) +
            ';' +
            Math.random();
        }),
    );
    assert.deepEqual(img, [1, 1]);
    const status = await page.evaluate(() =>
      fetch('https://unknown.example/api', { method: 'POST', body: '{}' }).then((r) => r.status),
    );
    assert.equal(status, 204);
    await waitHit(log, /^https:\/\/www\.googletagmanager\.com\/ns\.html\?id=GTM-TEST1$/, 'document', 'GET');
    assert.ok(has(log, /^https?:\/\/counter\.yadro\.ru\/hit\?/, 'image', 'GET'), 'protocol-relative counter image');
    assert.ok(has(log, /^https:\/\/unknown\.example\/api$/, 'fetch', 'POST'));
  },
);
