// The browser-side holes an attacker found (issue 18): the guard switched off by markup,
// walked around through same-origin frames, pre-tag tricks, and oversized or far-future
// input. Each test fails on the loader before the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, settle, trackerRequests, eventually } from './harness.mjs';
import { installTrackerRoutes } from './standins/routes.mjs';

const env = withBrowser();
const TAG =
  '<script src="/consent-guard/consent-guard.js" data-site="test-site" data-policy-version="2026-04-04"></script>';

// Serves `html` at /pages/<name> (and a guard-less same-origin page at /pages/bare.html),
// then opens it.
async function openHtml(name, html) {
  const context = await env.browser.newContext();
  await context.route(`**/pages/${name}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await context.route('**/pages/bare.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><p>a same-origin page without the guard</p>' }),
  );
  return open(env.browser, `${env.server.origin}/pages/${name}`, { context: await withRoutes(context) });
}
async function withRoutes(context) {
  context.__log = [];
  await installTrackerRoutes(context, context.__log);
  return context;
}
const errorsMatching = (ctx, re) => ctx.consoleMessages.filter((m) => m.type === 'error' && re.test(m.text));

test('markup with id="ConsentGuard" cannot switch the guard off, and the console says so', async () => {
  const ctx = await openHtml(
    'markup-id.html',
    `<!doctype html><head><meta id="ConsentGuard">${TAG}
    <script>(function(){var s=document.createElement('script');s.src='https://www.googletagmanager.com/gtag/js?id=G-TEST123';document.head.appendChild(s);})();</script>
    <script>var k=document.createElement('script');k.async=1;k.src='https://mc.yandex.ru/metrika/tag.js?id=98765432';document.head.appendChild(k);</script>
    </head><body></body>`,
  );
  assert.equal(await ready(ctx.page), true);
  await settle(ctx.page);
  assert.deepEqual(trackerRequests(ctx.log), []);
  assert.equal(errorsMatching(ctx, /window\.ConsentGuard was taken by/).length, 1);
  // The API is the guard's, frozen, and cannot be replaced.
  const api = await ctx.page.evaluate(() => {
    const before = window.ConsentGuard;
    try {
      window.ConsentGuard = { fake: true };
    } catch (e) {}
    try {
      ConsentGuard.get = () => ({ decided: true });
    } catch (e) {}
    return { same: window.ConsentGuard === before, frozen: Object.isFrozen(before), decided: before.get().decided };
  });
  assert.deepEqual(api, { same: true, frozen: true, decided: false });
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await settle(ctx.page);
  assert.ok(
    trackerRequests(ctx.log).some((r) => /gtag\/js/.test(r.url)),
    'released after accept',
  );
  await ctx.context.close();
});

// The five ways around the interception through a frame's natives, each with its own URL.
// `w` is the frame's window; `tag` the id this attempt puts in its URLs.
const ATTACKS = `
window.attackThrough = function (w, tag) {
  var u = function (v) { return 'https://mc.yandex.ru/metrika/tag.js?via=' + tag + '-' + v; };
  var s1 = document.createElement('script');
  Object.getOwnPropertyDescriptor(w.HTMLScriptElement.prototype, 'src').set.call(s1, u('setter'));
  document.head.append(s1);
  var s2 = w.document.createElement('script');
  s2.src = u('their-script');
  document.head.append(s2);
  var s3 = document.createElement('script');
  w.Element.prototype.setAttribute.call(s3, 'src', u('setattribute'));
  document.head.appendChild(s3);
  w.fetch('https://mc.yandex.ru/watch/1?via=' + tag + '-fetch').catch(function () {});
  new w.Image().src = 'https://mc.yandex.ru/watch/2?via=' + tag + '-image';
};
window.frameOf = function (kind, whenLoaded) {
  var f = document.createElement('iframe');
  if (kind === 'srcdoc') f.srcdoc = '<p>frame</p>';
  if (kind === 'url') f.src = '/pages/bare.html';
  document.body.appendChild(f);
  if (!whenLoaded) return Promise.resolve(f);
  return new Promise(function (resolve) { f.onload = function () { resolve(f); }; });
};`;

test('same-origin frames get the interception: about:blank, srcdoc and a same-origin URL, before and after ready', async () => {
  const ctx = await openHtml(
    'frames.html',
    `<!doctype html><head>${TAG}<script>${ATTACKS}</script></head><body>
    <script>
      attackThrough(frameOf('blank').contentWindow ? document.querySelector('iframe').contentWindow : null, 'early-blank');
      window.earlyFrames = Promise.all(['srcdoc', 'url'].map(function (k) {
        return frameOf(k, true).then(function (f) { attackThrough(f.contentWindow, 'early-' + k); });
      }));
    </script></body>`,
  );
  await ctx.page.evaluate(() => window.earlyFrames);
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(async () => {
    for (const kind of ['blank', 'srcdoc', 'url']) {
      const f = await frameOf(kind, kind !== 'blank');
      attackThrough(f.contentWindow, 'late-' + kind);
    }
    // Through window[i] right after the insertion, and through contentDocument.
    const f = document.createElement('iframe');
    document.body.append(f);
    attackThrough(window[window.length - 1], 'late-index');
    const g = document.createElement('iframe');
    document.body.insertAdjacentElement('beforeend', g);
    attackThrough(g.contentDocument.defaultView, 'late-document');
    // A frame in a frame.
    const outer = document.createElement('iframe');
    document.body.append(outer);
    const inner = outer.contentDocument.createElement('iframe');
    outer.contentDocument.body.append(inner);
    attackThrough(inner.contentWindow, 'late-nested');
  });
  await settle(ctx.page, 600);
  assert.deepEqual(
    trackerRequests(ctx.log).map((r) => r.url),
    [],
  );
  // Held, not lost: accepting releases the scripts, and a frame's fetch then goes out.
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  const sent = () => trackerRequests(ctx.log).map((r) => r.url);
  await eventually(() =>
    assert.ok(
      sent().some((u) => /via=late-blank-their-script/.test(u)),
      'a held frame script is released',
    ),
  );
  await ctx.page.evaluate(() =>
    frameOf('blank').then((f) => f.contentWindow.fetch('https://mc.yandex.ru/watch/3?via=after')),
  );
  await eventually(() =>
    assert.ok(sent().includes('https://mc.yandex.ru/watch/3?via=after'), 'a frame is not blocked after consent'),
  );
  await ctx.context.close();
});

test("a srcdoc frame's own markup and code are held too", async () => {
  const srcdoc = [
    '<script src="https://mc.yandex.ru/metrika/tag.js?via=srcdoc-parsed"></script>',
    '<img src="https://mc.yandex.ru/watch/4?via=srcdoc-img">',
    "<script>var s=document.createElement('script');s.src='https://www.googletagmanager.com/gtag/js?id=G-SRCDOC';document.head.appendChild(s);",
    "fetch('https://mc.yandex.ru/watch/5?via=srcdoc-fetch').catch(function(){});",
    "document.body.insertAdjacentHTML('beforeend','<img src=https://mc.yandex.ru/watch/6?via=srcdoc-html>');</script>",
  ].join('');
  const ctx = await openHtml(
    'srcdoc.html',
    `<!doctype html><head>${TAG}</head><body>
    <iframe id="parsed" srcdoc="${srcdoc.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>
    <script>var f = document.createElement('iframe'); f.srcdoc = ${JSON.stringify(srcdoc).replace(/<\//g, '<\\/')}; document.body.append(f);</script>
    </body>`,
  );
  assert.equal(await ready(ctx.page), true);
  // A new srcdoc on a frame that has shown a page makes a new window: guarded before its code runs.
  await ctx.page.evaluate(async (markup) => {
    const f = document.getElementById('parsed');
    f.srcdoc = markup.replace(/via=srcdoc/g, 'via=again').replace('G-SRCDOC', 'G-AGAIN');
    await new Promise((resolve) => (f.onload = resolve));
  }, srcdoc);
  await settle(ctx.page, 800);
  assert.deepEqual(
    trackerRequests(ctx.log).map((r) => r.url),
    [],
  );
  await ctx.context.close();
});

test('markup strings are defused: innerHTML, insertAdjacentHTML and createContextualFragment', async () => {
  const ctx = await openHtml('markup.html', `<!doctype html><head>${TAG}</head><body><div id="box"></div></body>`);
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => {
    const box = document.getElementById('box');
    box.innerHTML = '<img src="https://mc.yandex.ru/watch/7?via=innerhtml">';
    box.insertAdjacentHTML('beforeend', '<img src="https://mc.yandex.ru/watch/8?via=adjacent">');
    const range = document.createRange();
    range.selectNodeContents(box);
    box.append(
      range.createContextualFragment('<script src="https://mc.yandex.ru/metrika/tag.js?via=fragment"></script>'),
    );
  });
  await settle(ctx.page);
  assert.deepEqual(
    trackerRequests(ctx.log).map((r) => r.url),
    [],
  );
  // Markup that is not a tracker's behaves as it always did.
  const plain = await ctx.page.evaluate(() => {
    const p = document.createElement('p');
    p.innerHTML = '<b>Бронь</b>';
    const kept = p.innerHTML;
    p.innerHTML = null;
    return [kept, p.innerHTML];
  });
  assert.deepEqual(plain, ['<b>Бронь</b>', '']);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await settle(ctx.page);
  const sent = trackerRequests(ctx.log).map((r) => r.url);
  assert.ok(sent.includes('https://mc.yandex.ru/watch/7?via=innerhtml'), 'the image was held, then released');
  await ctx.context.close();
});

test('code before the tag that fixes natives: the guard fails closed and says so', async () => {
  const ctx = await openHtml(
    'pre-tag.html',
    `<!doctype html><head><script>
      var d = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
      Object.defineProperty(HTMLScriptElement.prototype, 'src', { get: d.get, set: d.set, configurable: false });
      Object.defineProperty(window, 'fetch', { value: window.fetch, writable: false, configurable: false });
    </script>${TAG}
    <script>var k=document.createElement('script');k.src='https://mc.yandex.ru/metrika/tag.js?id=98765432';document.head.appendChild(k);</script>
    </head><body></body>`,
  );
  assert.equal(await ready(ctx.page), true, 'the guard still starts');
  await ctx.page.evaluate(() => fetch('https://mc.yandex.ru/watch/9').catch(() => {}));
  await settle(ctx.page);
  assert.deepEqual(ctx.errors, []);
  const held = trackerRequests(ctx.log).map((r) => r.url);
  assert.ok(!held.some((u) => /tag\.js/.test(u)), 'the script stays held: ' + held);
  const [error] = errorsMatching(ctx, /code before the tag fixed/);
  assert.ok(error, 'a console error');
  assert.match(error.text, /src/);
  assert.match(error.text, /fetch/);
  assert.match(error.text, /put the tag first/);
  await ctx.context.close();
});

test('set() with 200,000 keys is refused at once, and changes nothing', { timeout: 30000 }, async () => {
  const ctx = await openHtml('large-set.html', `<!doctype html><head>${TAG}</head><body></body>`);
  assert.equal(await ready(ctx.page), true);
  const answer = await ctx.page.evaluate(() => {
    const choice = {};
    for (let i = 0; i < 200000; i++) choice['k' + i] = true;
    return ConsentGuard.set(choice).then(
      () => 'accepted',
      (e) => e.name + ': ' + e.message,
    );
  });
  assert.match(answer, /^TypeError: consent-guard:/);
  assert.equal(await ctx.page.evaluate(() => ConsentGuard.get().decided), false);
  await ctx.context.close();
});

test('a cg_consent cookie decided years ahead counts as no decision', async () => {
  const { loadCore } = await import('../node/core.mjs');
  const core = await loadCore();
  core.configure('{"site":"test-site","policyVersion":"2026-04-04"}', '', '{"hostname":"127.0.0.1"}');
  const fiveYears = 5 * 365 * 86400 * 1000;
  const forged = JSON.parse(core.decide('"all"', Date.now() + fiveYears)).cookie; // a valid check value
  const value = /^cg_consent=([^;]+)/.exec(forged)[1];
  const context = await withRoutes(await env.browser.newContext());
  await context.addCookies([{ name: 'cg_consent', value, url: env.server.origin }]);
  const ctx = await open(env.browser, `${env.server.origin}/pages/combo.html`, { context });
  assert.equal(await ready(ctx.page), true);
  assert.equal(await ctx.page.evaluate(() => ConsentGuard.get().decided), false);
  await settle(ctx.page);
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.context.close();
});

test('a policy link the browser would read as another host is refused by the core, for banner and form alike', async () => {
  const config = JSON.stringify({ policyUrl: '/\\evil.example/p', forms: { selector: '#book' } });
  const ctx = await openHtml(
    'policy-link.html',
    `<!doctype html><head>${TAG}<script type="application/json" id="consent-guard-config">${config}</script></head>
    <body><form id="book"><input name="name"><button>Book</button></form></body>`,
  );
  assert.match(await ready(ctx.page), /rejected: .*policyUrl/);
  const links = await ctx.page.evaluate(() =>
    Array.from(document.querySelectorAll('a'))
      .map((a) => a.href)
      .concat(document.getElementById('consent-guard-banner') ? ['banner'] : []),
  );
  assert.deepEqual(links, []);
  await ctx.context.close();
});

// The banner's "Accept all" on a first visit; playwright's locators pierce the open shadow root.
const acceptButton = (page) => page.locator('#consent-guard-banner [data-cg="accept"]');

test('the banner sits in the top layer: no z-index or custom property of the page buries it', async () => {
  const ctx = await openHtml(
    'cover.html',
    `<!doctype html><head>${TAG}<style>
      #consent-guard-banner { --cg-z: 0; opacity: 0 !important; }
      #cover { position: fixed; inset: 0; z-index: 2147483647; background: #fff; }
    </style></head><body><div id="cover">the page's own overlay</div></body>`,
  );
  assert.equal(await ready(ctx.page), true);
  await acceptButton(ctx.page).waitFor();
  const top = await ctx.page.evaluate(() => {
    const host = document.getElementById('consent-guard-banner');
    const button = host.shadowRoot.querySelector('[data-cg="accept"]').getBoundingClientRect();
    // The cover takes pointer events here, so hit testing shows what is painted above it.
    const hit = document.elementFromPoint(button.x + button.width / 2, button.y + button.height / 2);
    return { inTopLayer: host.matches(':popover-open'), hit: hit && hit.id, opacity: getComputedStyle(host).opacity };
  });
  assert.deepEqual(top, { inTopLayer: true, hit: 'consent-guard-banner', opacity: '1' });
  await ctx.page.evaluate(() =>
    Promise.all(
      document
        .getElementById('consent-guard-banner')
        .shadowRoot.getAnimations()
        .map((a) => a.finished),
    ),
  );
  await ctx.page.screenshot({ path: 'test-results/banner-over-cover.png' });
  await ctx.context.close();
});

test('a click through a page overlay opened above the banner is refused, then the banner is raised', async () => {
  const ctx = await openHtml(
    'clickjack.html',
    `<!doctype html><head>${TAG}<style>
      #bait { position: fixed; inset: 0; margin: 0; width: 100vw; height: 100vh; max-width: none; max-height: none;
              border: 0; pointer-events: none; background: #fff; }
    </style></head><body><div id="bait" popover="manual">Win a free coffee: click anywhere</div></body>`,
  );
  assert.equal(await ready(ctx.page), true);
  await acceptButton(ctx.page).waitFor();
  await ctx.page.evaluate(() => document.getElementById('bait').showPopover()); // above ours
  const box = await acceptButton(ctx.page).boundingBox();
  await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // a real, unseen click
  await settle(ctx.page);
  assert.equal(await ctx.page.evaluate(() => ConsentGuard.get().decided), false, 'the unseen click decided nothing');
  assert.ok(ctx.consoleMessages.some((m) => m.type === 'warning' && /covered banner button was refused/.test(m.text)));
  assert.deepEqual(trackerRequests(ctx.log), []);
  // The banner is on top again: the visitor sees it, and a click now counts.
  await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await eventually(async () => assert.equal(await ctx.page.evaluate(() => ConsentGuard.get().decided), true));
  await ctx.context.close();
});

// Metrica's tag.js sends Webvisor over wss://mc.yandex.ru/solid.ws: JSON parts whose resource is
// "webvisor/<counter>", and pings, on one socket (issue 13). Frames the page sends after the
// decision carry "after":true, so that frames in flight before it do not count.
async function webvisorSocket(withdraw) {
  const context = await withRoutes(await env.browser.newContext());
  const frames = [];
  await context.routeWebSocket(/mc\.yandex\.ru\/solid\.ws/, (ws) => ws.onMessage((m) => frames.push(JSON.parse(m))));
  const ctx = await open(env.browser, `${env.server.origin}/pages/plain.html`, { context });
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await ctx.page.evaluate(async () => {
    let ws = null;
    // Allowed once masking has started after acceptAll(): wait for that, however long it takes.
    for (let tries = 0; !ws && tries < 200; tries++) {
      try {
        ws = new WebSocket('wss://mc.yandex.ru/solid.ws?wmode=0');
      } catch (e) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    let part = 0;
    ws.onopen = () =>
      setInterval(() => {
        const after = !!window.decided;
        ws.send(JSON.stringify({ resource: 'webvisor/98765432', part: ++part, data: 'keys typed', after }));
        ws.send(JSON.stringify({ type: 'ping', after }));
      }, 40);
  });
  await eventually(() =>
    assert.ok(
      frames.some((f) => f.resource),
      'Webvisor frames flow with consent',
    ),
  );
  await ctx.page.evaluate((how) => {
    const decision = how === 'all' ? ConsentGuard.rejectAll() : ConsentGuard.set({ session_recording: false });
    return decision.then(() => (window.decided = true));
  }, withdraw);
  return { ctx, frames, after: () => frames.filter((f) => f.after) };
}

test('an open Webvisor socket sends nothing after rejectAll()', async () => {
  const { ctx, after } = await webvisorSocket('all');
  await settle(ctx.page, 800);
  assert.deepEqual(after(), []);
  assert.equal(await ctx.page.evaluate(() => window[Symbol.for('consent-guard')].sockets.size), 0, 'closed');
  await ctx.context.close();
});

test('set({session_recording: false}): no Webvisor frame after it, analytics frames go on', async () => {
  const { ctx, after } = await webvisorSocket('recording');
  await eventually(() => assert.ok(after().length >= 3, 'pings after the decision'));
  assert.deepEqual(
    after().filter((f) => f.resource),
    [],
  );
  await ctx.context.close();
});
