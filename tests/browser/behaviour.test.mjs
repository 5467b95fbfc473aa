// Behaviour beyond holding and releasing: (d) analytics without session recording,
// (f) a missing core, (g) the page keeps working, callbacks pages wait on, Consent Mode,
// the preload caveat, hand-tagged elements, withdrawal, the cookie, the API contract,
// configuration errors and a strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withBrowser,
  open,
  ready,
  settle,
  trackerRequests,
  trackerCookies,
  standins,
  changePolicyVersion,
  eventually,
} from './harness.mjs';

const env = withBrowser();
const url = (page) => `${env.server.origin}/pages/${page}`;
const sent = (ctx, re) => trackerRequests(ctx.log).filter((r) => re.test(r.url));

for (const [page, id] of [
  ['metrica-current.html', 98765432],
  ['metrica-2018.html', 22222222],
  ['metrica-legacy.html', 33333333],
  ['metrica-jsdelivr.html', 44444444],
]) {
  test(`${page}: (d) analytics without session recording sends hits, no Webvisor`, async () => {
    const ctx = await open(env.browser, url(page));
    await ready(ctx.page);
    await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true, session_recording: false }));
    await eventually(() => assert.ok(sent(ctx, new RegExp(`/watch/${id}`)).length >= 1, 'Metrica hit sent'), 3000);
    await settle(ctx.page, 300);
    assert.deepEqual(sent(ctx, /webvisor/), [], 'no Webvisor traffic');
    const inits = await ctx.page.evaluate(() =>
      (window.__standinLog || []).filter((e) => e.event === 'init').map((e) => e.opts.webvisor),
    );
    assert.deepEqual(inits, [false], 'the counter was initialised with webvisor:false');
    assert.equal((await trackerCookies(ctx.context)).includes('_ym_visorc'), false);
    await ctx.context.close();
  });
}

test('(f) core file missing: still zero tracker requests, and the console says why', async () => {
  const ctx = await open(env.browser, url('combo.html'), { coreMissing: true });
  assert.match(await ready(ctx.page), /rejected: consent-guard: could not load .*consent-guard-core\.js/);
  const accepted = await ctx.page.evaluate(() =>
    ConsentGuard.acceptAll().then(
      () => 'accepted',
      (e) => e.message,
    ),
  );
  assert.match(accepted, /could not load/);
  await settle(ctx.page, 600);
  assert.deepEqual(trackerRequests(ctx.log), []);
  assert.deepEqual(await standins(ctx.page), []);
  assert.ok(ctx.consoleMessages.some((m) => m.type === 'error' && /Trackers stay blocked/.test(m.text)));
  assert.equal(await ctx.page.evaluate(() => window.pageCode), 'ran');
  await ctx.context.close();
});

test("(g) ordinary third-party scripts and the page's own code are not delayed or broken", async () => {
  const ctx = await open(env.browser, url('combo.html'));
  await ready(ctx.page);
  await settle(ctx.page, 400);
  const page = await ctx.page.evaluate(() => ({
    atParse: window.ordinaryAtParse,
    loads: window.__ordinaryLib,
    widget: window.bookingWidgetLoaded,
    code: window.pageCode,
  }));
  assert.deepEqual(page, { atParse: 1, loads: 2, widget: true, code: 'ran' });
  assert.deepEqual(ctx.errors, []);
  // ym/gtag/fbq/ttq/clarity/hj were all called inline while held: nothing threw.
  await ctx.context.close();
});

test('callbacks pages wait on fire once while held, and not again after release', async () => {
  const ctx = await open(env.browser, url('combo.html'));
  await ready(ctx.page);
  await settle(ctx.page, 300);
  const fired = () => ctx.page.evaluate(() => [window.goalCallbackFired, window.eventCallbackFired]);
  assert.deepEqual(await fired(), [1, 1]);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(
    () => assert.equal(sent(ctx, /goal=view/).length, 1, 'the goal itself is still sent after consent'),
    10000,
  );
  assert.deepEqual(await fired(), [1, 1]);
  await ctx.context.close();
});

test('yaCounterID.reachGoal in onclick handlers works while held (tag.js and watch.js)', async () => {
  for (const page of ['metrica-current.html', 'metrica-legacy.html']) {
    const ctx = await open(env.browser, url(page));
    await ready(ctx.page);
    // The page's own handler, run while the banner asks first (it is modal: the page's code runs).
    await ctx.page.evaluate(() => document.getElementById('goal').click());
    await ctx.page.waitForFunction(() => window.legacyGoalDone === true, null, { timeout: 2000 });
    assert.deepEqual(ctx.errors, [], page);
    assert.deepEqual(trackerRequests(ctx.log), [], page);
    await ctx.context.close();
  }
});

test('GTM eventCallback and the anti-flicker snippet do not hang the page', async () => {
  const ctx = await open(env.browser, url('gtm.html'));
  await ready(ctx.page);
  await ctx.page.waitForFunction(() => window.eventCallbackFired === 1, null, { timeout: 2000 });
  // The anti-flicker snippet would keep the page hidden for 4 s: it must be shown already.
  assert.equal(await ctx.page.evaluate(() => document.documentElement.className.includes('async-hide')), false);
  await ctx.context.close();
});

test('analytics.js hitCallback fires while held', async () => {
  const ctx = await open(env.browser, url('analytics-js.html'));
  await ready(ctx.page);
  await ctx.page.waitForFunction(() => window.hitCallbackFired === 1, null, { timeout: 2000 });
  await ctx.context.close();
});

test('Consent Mode v2: default before page code, update after every decision and page view', async () => {
  const ctx = await open(env.browser, url('gtag.html'));
  await ready(ctx.page);
  const consent = () =>
    ctx.page.evaluate(() =>
      dataLayer
        .filter((e) => Object.prototype.toString.call(e) === '[object Arguments]' && e[0] === 'consent')
        .map((e) => [e[1], e[2]]),
    );
  const first = await ctx.page.evaluate(() => Array.from(dataLayer[0]));
  assert.deepEqual(first, [
    'consent',
    'default',
    {
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      wait_for_update: 500,
    },
  ]);
  assert.equal((await consent()).length, 1, 'no update before a decision');
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true, marketing: false }));
  await eventually(() => assert.ok(sent(ctx, /g\/collect.*gcs=G101/).length >= 1), 10000);
  const update = {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'granted',
  };
  assert.deepEqual((await consent())[1], ['update', update]);
  assert.ok(sent(ctx, /g\/collect.*gcs=G101/).length >= 1, 'gtag sent with analytics granted, ads denied');
  await ctx.page.reload();
  await ready(ctx.page);
  assert.deepEqual(
    (await consent()).map((c) => c[0]),
    ['default', 'update'],
    'update again on the next page view',
  );
  await ctx.context.close();
});

test('preload caveat: static tracker tags are counted separately, never run, and named in a warning', async () => {
  const ctx = await open(env.browser, url('gtag-static.html'));
  await ready(ctx.page);
  await settle(ctx.page, 500);
  const STATIC = [/googletagmanager\.com\/gtag\/js\?id=G-TEST123$/, /mc\.yandex\.ru\/watch\/11111111$/];
  const preloaded = trackerRequests(ctx.log).filter((r) => STATIC.some((re) => re.test(r.url)));
  const other = trackerRequests(ctx.log).filter((r) => !STATIC.some((re) => re.test(r.url)));
  console.log(`# preload fetches of static tags (counted separately): ${preloaded.length}`);
  assert.deepEqual(other, [], 'nothing else reached a tracker');
  assert.deepEqual(await standins(ctx.page), [], 'what the preload fetched did not run');
  const warnings = ctx.consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text);
  assert.ok(
    warnings.some(
      (w) => w.includes('gtag/js?id=G-TEST123') && w.includes('type="text/plain" data-consent="analytics"'),
    ),
    warnings.join('\n'),
  );
  assert.ok(
    warnings.some((w) => w.includes('<img src="https://mc.yandex.ru/watch/11111111"')),
    warnings.join('\n'),
  );
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['gtag']), 10000);
  await ctx.context.close();
});

test('hand-tagged scripts, iframes and images are held and released by purpose', async () => {
  const ctx = await open(env.browser, url('manual.html'));
  await ready(ctx.page);
  await settle(ctx.page, 300);
  const flags = () =>
    ctx.page.evaluate(() => ({
      inline: window.manualInlineRan,
      marketing: window.manualMarketingRan,
      necessary: window.manualNecessaryRan,
      typo: window.manualTypoRan,
      iframe: document.querySelector('iframe').getAttribute('src'),
    }));
  assert.deepEqual(await flags(), {
    inline: undefined,
    marketing: undefined,
    necessary: true,
    typo: undefined,
    iframe: null,
  });
  assert.deepEqual(trackerRequests(ctx.log), []);
  assert.ok(ctx.consoleMessages.some((m) => m.type === 'error' && m.text.includes('data-consent="statistics"')));
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true }));
  await eventually(() => assert.equal(sent(ctx, /mc\.yandex\.ru\/watch\/55555555/).length, 1), 10000);
  assert.deepEqual(await flags(), { inline: 1, marketing: undefined, necessary: true, typo: undefined, iframe: null });
  // The released gtag.js is async: it runs once it has loaded.
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['gtag']));
  assert.ok(sent(ctx, /mc\.yandex\.ru\/watch\/55555555/).length === 1);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => assert.equal((await flags()).marketing, true), 10000);
  const after = await flags();
  assert.equal(after.marketing, true);
  assert.equal(after.inline, 1, 'released once, not twice');
  assert.match(after.iframe, /facebook\.com\/plugins/);
  assert.equal(after.typo, undefined);
  // Hand-tagged elements added after the decision run at once when their purpose is allowed,
  // and once only, even when the page moves them.
  const late = await ctx.page.evaluate(async () => {
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('data-consent', 'analytics');
    s.text = 'window.lateRan = (window.lateRan || 0) + 1;';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    document.head.appendChild(s); // moved
    await new Promise((r) => setTimeout(r, 50));
    return window.lateRan;
  });
  assert.equal(late, 1);
  await ctx.context.close();
});

test("withdrawal deletes the purposes' cookies and keys, blocks at once, and asks for a reload", async () => {
  const ctx = await open(env.browser, url('combo.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => {
    const before = await trackerCookies(ctx.context);
    assert.ok(before.includes('_ym_uid') && before.includes('_ga') && before.includes('_fbp'), before.join());
  });
  await ctx.page.evaluate(() => {
    window.changes = [];
    ConsentGuard.on('change', (s) => window.changes.push(s));
  });
  await ctx.page.evaluate(() => ConsentGuard.set({ marketing: false }));
  await eventually(async () => {
    const cookies = await trackerCookies(ctx.context);
    assert.ok(!cookies.includes('_fbp') && !cookies.includes('_ttp') && !cookies.includes('tmr_lvid'), cookies.join());
    assert.ok(cookies.includes('_ym_uid') && cookies.includes('_ga'), 'analytics cookies stay');
  });
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  await eventually(async () => assert.deepEqual(await trackerCookies(ctx.context), []));
  const storage = await ctx.page.evaluate(() => Object.keys(localStorage).filter((k) => /^_ym|^_hj|^_cl/.test(k)));
  assert.deepEqual(storage, []);
  const changes = await ctx.page.evaluate(() => window.changes);
  assert.equal(changes.length, 2);
  assert.equal(changes[1].reloadRequired, true);
  assert.equal(changes[1].purposes.analytics, false);
  assert.ok(await ctx.page.locator('#consent-guard-notice').isVisible(), 'the reload notice is shown');
  // Trackers still in memory can neither send nor write cookies again.
  ctx.log.length = 0;
  await ctx.page.evaluate(() => {
    yaCounter98765432.reachGoal('after-withdrawal');
    document.cookie = '_ym_uid=again; path=/';
    navigator.sendBeacon('https://mc.yandex.ru/watch/98765432?again=1');
  });
  await settle(ctx.page, 400);
  assert.deepEqual(trackerRequests(ctx.log), []);
  assert.deepEqual(await trackerCookies(ctx.context), []);
  await ctx.page.screenshot({ path: 'test-results/withdrawal-notice.png' });
  await ctx.context.close();
});

test('the cookie: versioned, validated on read, tampering counts as undecided', async () => {
  const ctx = await open(env.browser, url('metrica-current.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true }));
  const cookie = (await ctx.context.cookies()).find((c) => c.name === 'cg_consent');
  assert.match(cookie.value, /^2\|test-site\|2026-04-04\|1\|\d+\|\d+\|[A-Za-z0-9_-]{22}\|[0-9a-f]{8}$/);
  const days = (cookie.expires - Date.now() / 1000) / 86400;
  assert.ok(days > 364 && days < 366, `valid ${days} days`);
  assert.equal(cookie.sameSite, 'Lax');
  // The decision id survives the reload: it is the one in the cookie.
  await ctx.page.reload();
  await ready(ctx.page);
  assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).decisionId, cookie.value.split('|')[6]);
  await ctx.context.addCookies([{ ...cookie, value: cookie.value.replace('|1|', '|7|') }]);
  await ctx.page.reload();
  await ready(ctx.page);
  assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).decided, false);
  await settle(ctx.page, 400);
  assert.deepEqual(await standins(ctx.page), []);
  await ctx.context.close();
});

test('a new policy version asks again', async () => {
  const ctx = await open(env.browser, url('metrica-current.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await changePolicyVersion(ctx.context, 'metrica-current.html', '2026-05-01');
  await ctx.page.reload();
  await ready(ctx.page);
  const state = await ctx.page.evaluate(() => ConsentGuard.get());
  assert.equal(state.decided, false);
  assert.equal(state.policyVersion, '2026-05-01');
  await ctx.context.close();
});

test('the API: calls before ready are queued, bad choices are refused and change nothing, on/off', async () => {
  const ctx = await open(env.browser, url('early-call.html'));
  await ready(ctx.page);
  await settle(ctx.page, 500);
  const early = await ctx.page.evaluate(() => ({
    result: window.earlyResult,
    error: window.earlyError,
    before: window.stateBeforeReady,
  }));
  assert.equal(early.result.purposes.analytics, true);
  assert.match(early.error, /statistics is not a purpose/);
  assert.deepEqual(early.before, {
    decided: false,
    purposes: { necessary: true, analytics: false, session_recording: false, marketing: false },
    policyVersion: '2026-04-04',
    updatedAt: null,
    decisionId: null,
  });
  assert.deepEqual(await standins(ctx.page), ['metrica-tag'], 'the queued decision was applied');
  const save = ctx.page.getByRole('button', { name: 'Save choices' });
  await save.waitFor({ state: 'visible', timeout: 2000 }); // the queued open()
  await ctx.page.keyboard.press('Escape');
  const refused = await ctx.page.evaluate(async () => {
    const errors = [];
    for (const bad of [{ necessary: false }, { marketing: 'yes' }, 42, null]) {
      await ConsentGuard.set(bad).catch((e) => errors.push(e.constructor.name + ': ' + e.message));
    }
    return { errors, state: ConsentGuard.get() };
  });
  assert.equal(refused.errors.length, 4, refused.errors.join('\n'));
  assert.ok(refused.errors.every((e) => e.startsWith('TypeError: consent-guard:')));
  assert.equal(refused.state.purposes.analytics, true);
  assert.match(refused.state.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const events = await ctx.page.evaluate(async () => {
    const seen = [];
    const fn = (s) => seen.push(s.purposes.marketing);
    ConsentGuard.on('change', fn);
    await ConsentGuard.set({ marketing: true });
    ConsentGuard.off('change', fn);
    await ConsentGuard.set({ marketing: false });
    let unknown = '';
    try {
      ConsentGuard.on('chnage', fn);
    } catch (e) {
      unknown = e.message;
    }
    return { seen, unknown };
  });
  assert.deepEqual(events.seen, [true]);
  assert.match(events.unknown, /unknown event "chnage"/);
  await ctx.context.close();
});

test('an invalid configuration names its field, and everything stays held', async () => {
  const ctx = await open(env.browser, url('config-bad.html'));
  assert.match(await ready(ctx.page), /rejected: .*operator\.bin/);
  const errors = ctx.consoleMessages.filter((m) => m.type === 'error').map((m) => m.text);
  assert.ok(
    errors.some((e) => e.includes('operator.bin') && e.includes('Trackers stay blocked')),
    errors.join('\n'),
  );
  assert.match(await ctx.page.evaluate(() => ConsentGuard.acceptAll().catch((e) => e.message)), /operator\.bin/);
  await settle(ctx.page, 400);
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.context.close();
});

test('configuration from data-config', async () => {
  const ctx = await open(env.browser, url('config-file.html'));
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  const cookie = (await ctx.context.cookies()).find((c) => c.name === 'cg_consent');
  assert.match(cookie.value, /^2\|namo-almaty\|2026-04-04\|7\|/);
  const days = (cookie.expires - Date.now() / 1000) / 86400;
  assert.ok(days > 179 && days < 181, `valid ${days} days`);
  await ctx.context.close();
});

test("works under a strict CSP (script-src 'self' 'wasm-unsafe-eval', no inline, no eval)", async () => {
  const ctx = await open(env.browser, url('strict.csp.html'));
  await ctx.page.waitForFunction(() => window.cspPage && window.cspPage.readyState !== 'pending', null, {
    timeout: 5000,
  });
  assert.equal(await ctx.page.evaluate(() => window.cspPage.readyState), 'resolved');
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  const violations = ctx.consoleMessages.filter((m) => /Content Security Policy|EvalError/i.test(m.text));
  assert.deepEqual(violations, []);
  await ctx.context.close();
});

test('under the same strict CSP, the modules loaded after a decision (masking, receipts) start', async () => {
  const ctx = await open(env.browser, url('strict.csp.html'));
  await ctx.page.waitForFunction(() => window.cspPage && window.cspPage.readyState !== 'pending', null, {
    timeout: 5000,
  });
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  // The receipt is signed and stored in the background: it shows up once it is made.
  await eventually(async () => assert.equal((await ctx.page.evaluate(() => ConsentGuard.receipts())).length, 1));
  const loaded = await ctx.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name.split('/').pop())
      .filter((n) => /^consent-guard-(masking|receipts)\./.test(n))
      .sort(),
  );
  assert.deepEqual(loaded, [
    'consent-guard-masking.js',
    'consent-guard-masking.wasm',
    'consent-guard-receipts.js',
    'consent-guard-receipts.wasm',
  ]);
  await settle(ctx.page, 200);
  const problems = ctx.consoleMessages.filter((m) => /Content Security Policy|EvalError|could not/i.test(m.text));
  assert.deepEqual(problems, []);
  assert.deepEqual(ctx.errors, []);
  await ctx.context.close();
});

test('released scripts keep their order, attributes, identity and onload handlers', async () => {
  const ctx = await open(env.browser, url('release-order.html'));
  await ready(ctx.page);
  await settle(ctx.page, 300);
  assert.deepEqual(await standins(ctx.page), []);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => assert.equal((await standins(ctx.page)).length, 3), 10000);
  const ran = await standins(ctx.page);
  // The two parsed scripts keep their order; the async one may run at any point.
  assert.deepEqual(
    ran.filter((s) => s !== 'fbevents'),
    ['gtag', 'analytics.js'],
  );
  assert.ok(ran.includes('fbevents'));
  const el = await ctx.page.evaluate(() => {
    const s = document.querySelector('script[src*="fbevents"]');
    const gtag = document.querySelector('script[src*="gtag/js"]');
    return {
      same: s === window.heldElement,
      owner: s.getAttribute('data-owner'),
      type: s.getAttribute('type'),
      onload: window.onloadFired,
      crossorigin: gtag.getAttribute('crossorigin'),
      referrer: document.querySelector('script[src*="analytics.js"]').getAttribute('referrerpolicy'),
      count: document.querySelectorAll('script[src*="fbevents"]').length,
    };
  });
  assert.deepEqual(el, {
    same: true,
    owner: 'page',
    type: null,
    onload: 1,
    crossorigin: 'anonymous',
    referrer: 'no-referrer',
    count: 1,
  });
  await ctx.context.close();
});

test('the second line: every request route and storage write to trackers is refused while held', async () => {
  const ctx = await open(env.browser, url('plain.html'));
  await ready(ctx.page);
  const attempt = () =>
    ctx.page.evaluate(async () => {
      const out = {};
      out.fetch = await fetch('https://mc.yandex.ru/watch/1', { mode: 'no-cors' }).then(
        () => 'sent',
        (e) => e.constructor.name,
      );
      out.xhr = await new Promise((resolve) => {
        const x = new XMLHttpRequest();
        x.open('POST', 'https://region1.google-analytics.com/g/collect');
        x.onerror = () => resolve('error');
        x.onload = () => resolve('sent');
        x.send('x');
      });
      out.beacon = navigator.sendBeacon('https://www.facebook.com/tr?id=1', 'x');
      try {
        new WebSocket('wss://mc.yandex.ru/solid.ws');
        out.socket = 'opened';
      } catch (e) {
        out.socket = e.name;
      }
      const img = new Image();
      img.src = 'https://counter.yadro.ru/hit?x';
      const frame = document.createElement('iframe');
      frame.setAttribute('src', 'https://mc.yandex.ru/metrika/zzlc.html');
      document.body.appendChild(frame);
      out.frame = frame.getAttribute('src');
      document.cookie = '_ga=GA1.1.1; path=/';
      document.cookie = 'site_pref=dark; path=/';
      localStorage.setItem('_ym_uid', '1');
      localStorage.setItem('cart', '2');
      out.storage = [localStorage.getItem('_ym_uid'), localStorage.getItem('cart')];
      out.cookies = document.cookie;
      return out;
    });
  const held = await attempt();
  assert.deepEqual(held, {
    fetch: 'TypeError',
    xhr: 'error',
    beacon: false,
    socket: 'SecurityError',
    frame: null,
    storage: [null, '2'],
    cookies: 'site_pref=dark',
  });
  await settle(ctx.page, 300);
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  // The image and iframe held above go out now (once masking has started, which takes as
  // long as the machine needs: wait for them, not for a fixed time); new requests are no
  // longer refused.
  await eventually(() => assert.equal(sent(ctx, /counter\.yadro\.ru\/hit\?x/).length, 1), 10000);
  await eventually(() => assert.equal(sent(ctx, /zzlc\.html/).length, 1), 10000);
  const allowed = await attempt();
  assert.equal(allowed.fetch, 'sent');
  assert.equal(allowed.xhr, 'sent');
  assert.equal(allowed.beacon, true);
  assert.deepEqual(allowed.storage, ['1', '2']);
  assert.match(allowed.cookies, /_ga=GA1\.1\.1/);
  await ctx.context.close();
});

test('withdrawal deletes cookies on every domain level a tracker may have used', async () => {
  const origin = env.server.origin.replace('127.0.0.1', 'www.namo.test');
  const ctx = await open(env.browser, origin + '/pages/combo.html');
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await settle(ctx.page, 500);
  // Trackers write on the widest domain they can (Metrica: .namo.test) as well as host-only.
  await ctx.page.evaluate(() => {
    document.cookie = '_ym_d=1; path=/; domain=namo.test';
    document.cookie = '_ym_isad=2; path=/; domain=www.namo.test';
    document.cookie = '_ga=GA1.2.3; path=/; domain=namo.test';
    document.cookie = 'site_lang=kk; path=/; domain=namo.test';
  });
  const names = async () => (await ctx.context.cookies(origin)).map((c) => `${c.name}@${c.domain}`).sort();
  await eventually(async () => assert.ok((await names()).includes('_ym_d@.namo.test')));
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  await eventually(async () => {
    const left = await names();
    assert.deepEqual(
      left.filter((n) => !n.startsWith('cg_consent')),
      ['site_lang@.namo.test'],
    );
  });
  await ctx.context.close();
});

test('GTM with analytics only: the container runs, the Meta Pixel it injects stays held', async () => {
  const ctx = await open(env.browser, url('gtm.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.set({ analytics: true }));
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['gtm']), 10000);
  await settle(ctx.page, 500); // what GTM injects has had time to try
  assert.deepEqual(sent(ctx, /facebook/), []);
  await ctx.page.evaluate(() => ConsentGuard.set({ marketing: true }));
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['gtm', 'fbevents']), 10000);
  await eventually(() => assert.ok(sent(ctx, /facebook\.com\/tr/).length >= 1), 10000);
  await ctx.context.close();
});

// Issue 19: which purpose a queue function follows is the core's answer. With only Google Ads
// tags on the page, allowing analytics does not load them: their callbacks must still be
// answered, or the conversion link never follows.
test("a page with only Google Ads: gtag's event_callback is answered while marketing is held, analytics allowed or not", async () => {
  const ctx = await open(env.browser, url('google-ads-only.html'));
  assert.equal(await ready(ctx.page), true);
  for (const choice of [null, { analytics: true }]) {
    if (choice) await ctx.page.evaluate((c) => ConsentGuard.set(c), choice);
    const before = await ctx.page.evaluate(() => window.conversionCallback || 0);
    await ctx.page.evaluate(() => document.getElementById('book').click()); // the button's own handler
    await eventually(async () =>
      assert.equal(await ctx.page.evaluate(() => window.conversionCallback || 0), before + 1, JSON.stringify(choice)),
    );
  }
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.context.close();
});
