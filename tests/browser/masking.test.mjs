// Masking personal data from session recorders (issue 4): stand-ins for Webvisor, Hotjar
// and Clarity record the page as the real ones do, honouring only their own markers; what a
// visitor types into personal fields, and personal data shown as text, must never reach them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, settle, eventually, trackerRequests } from './harness.mjs';

const env = withBrowser();
const url = (page) => `${env.server.origin}/pages/${page}`;

const PERSONAL = {
  '#booking [name=Name]': 'Айгерим Сапарова',
  '#booking [name=Phone]': '+7 701 234 56 78',
  '#booking [name=Email]': 'aigerim.s@mail.kz',
  '#booking [name=iin]': '900101300017',
  '#booking [name=comment]': 'Аллергия на орехи, юбилей мужа',
  '#booking [name=secret-code]': 'K4321',
  '#popup [name=Input_1]': 'Бекзат Нұрланұлы',
  '#popup [name=Input_2]': '87015550099',
  'booking-widget [name=guestName]': 'John Smith',
  'booking-widget [name=guestEmail]': 'john.smith@example.com',
};
const ORDINARY = {
  '#booking [name=guests]': '17',
  '#booking [name=table]': 'у окна пожалуйста',
  '#popup [name=Input_3]': 'алтауымыз',
  'booking-widget [name=visitDate]': 'next friday evening',
  '#booking [name=demo-phone]': 'unmasked-demo-value',
};
const RECORDERS = ['webvisor', 'hotjar', 'clarity'];
const ENDPOINTS = {
  webvisor: /\/webvisor\//,
  hotjar: /in\.hotjar\.com\/.*\/recording/,
  clarity: /a\.clarity\.ms\/collect/,
};

// FNV-1a of a string's UTF-16 units, as the Metrica stand-in hashes captured contacts.
function fnv(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

const everythingSent = (log) =>
  log.map((r) => {
    let u = r.url;
    try {
      u = decodeURIComponent(u);
    } catch {}
    return u + '\n' + r.body;
  });

// Masking starts once the visitor allows a purpose (its module is not part of a first visit).
async function acceptAndWaitForMasking(ctx) {
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => assert.ok(await ctx.page.evaluate(() => ConsentGuard.maskingReport().length > 0)));
}

async function acceptAndWaitForRecorders(ctx) {
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await eventually(async () => {
    const running = await ctx.page.evaluate(() => window.__recorders || []);
    assert.deepEqual([...running].sort(), [...RECORDERS].sort());
  }, 4000);
}

test('typed names, phones, e-mails, IINs and comments never reach Webvisor, Hotjar or Clarity', async () => {
  const ctx = await open(env.browser, url('masking.html'));
  await acceptAndWaitForRecorders(ctx);
  await ctx.page.evaluate(() => {
    window.addPopup();
    window.addWidget();
  });
  for (const [selector, value] of Object.entries({ ...PERSONAL, ...ORDINARY })) {
    await ctx.page.locator(selector).fill(value);
    await ctx.page.locator(selector).blur();
  }
  await ctx.page.locator('#booking button').click();
  await settle(ctx.page, 400);

  const sent = everythingSent(ctx.log);
  for (const [selector, value] of Object.entries(PERSONAL)) {
    assert.equal(sent.filter((s) => s.includes(value)).length, 0, `${selector}: "${value}" was sent`);
    assert.equal(sent.filter((s) => s.includes('contact=' + fnv(value))).length, 0, `${selector}: contact capture`);
  }
  assert.equal(sent.filter((s) => s.includes('+7 701 555 12 34')).length, 0, 'the phone shown in text was sent');
  // The stand-ins do record: non-personal fields and text reach every one of them.
  for (const vendor of RECORDERS) {
    const bodies = ctx.log.filter((r) => ENDPOINTS[vendor].test(r.url)).map((r) => r.body);
    assert.ok(bodies.length > 0, `${vendor} sent recordings`);
    for (const value of Object.values(ORDINARY)) {
      assert.ok(
        bodies.some((b) => b.includes(JSON.stringify(value).slice(1, -1))),
        `${vendor} recorded "${value}"`,
      );
    }
    assert.ok(
      bodies.some((b) => b.includes('Плов')),
      `${vendor} recorded the menu text`,
    );
  }
});

test('before a decision nothing of masking is downloaded; recorders wait until the page is masked', async () => {
  const ctx = await open(env.browser, url('masking.html'));
  assert.equal(await ready(ctx.page), true);
  await settle(ctx.page, 300);
  const loaded = () =>
    ctx.page.evaluate(() =>
      performance.getEntriesByType('resource').some((e) => e.name.includes('consent-guard-masking')),
    );
  assert.equal(await loaded(), false, 'masking module fetched before any decision');
  assert.deepEqual(await ctx.page.evaluate(() => ConsentGuard.maskingReport()), []);
  assert.ok(ctx.consoleMessages.some((m) => m.text.includes('masking starts once the visitor allows a purpose')));
  // Each recorder's script, as the guard lets it go, finds the fields already marked.
  const marksAtStart = await ctx.page.evaluate(async () => {
    const seen = [];
    new MutationObserver((records) => {
      for (const { target } of records) {
        if (target.tagName === 'SCRIPT' && /hotjar|clarity|metrika/.test(target.src)) {
          seen.push(document.getElementById('phone').classList.contains('ym-disable-keys'));
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['src', 'type'] });
    await ConsentGuard.acceptAll();
    // Until the three recorders (Webvisor, Hotjar, Clarity) have run.
    for (let i = 0; i < 200 && (window.__recorders || []).length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    return seen;
  });
  assert.ok(marksAtStart.length > 0 && marksAtStart.every(Boolean), JSON.stringify(marksAtStart));
  assert.equal(await loaded(), true, 'masking module fetched after acceptAll');
});

// The module's script, or its wasm (fetched beside the script).
for (const missing of ['consent-guard-masking.js', 'consent-guard-masking.wasm']) {
  test(`masking module missing (${missing}): nothing allowed is released, and the console says why`, async () => {
    const ctx = await open(env.browser, url('masking.html'));
    assert.equal(await ready(ctx.page), true);
    await ctx.page.route('**/' + missing, (route) => route.fulfill({ status: 404, body: '' }));
    await ctx.page.evaluate(() => ConsentGuard.acceptAll());
    await settle(ctx.page, 600);
    assert.deepEqual(
      trackerRequests(ctx.log).map((r) => r.url),
      [],
      'tracker requests although the page could not be masked',
    );
    assert.deepEqual(await ctx.page.evaluate(() => window.__recorders || []), []);
    assert.ok(
      ctx.consoleMessages.some((m) => m.type === 'error' && m.text.includes('masking could not start')),
      JSON.stringify(ctx.consoleMessages),
    );
  });
}

test('maskingReport() says what was masked and why; the opt-in markers the page set are gone', async () => {
  const ctx = await open(env.browser, url('masking.html'));
  await acceptAndWaitForMasking(ctx);
  const report = await ctx.page.evaluate(() =>
    ConsentGuard.maskingReport().map((e) => ({
      name: e.element.getAttribute('name') || e.element.id,
      target: e.target,
      kind: e.kind,
      signal: e.signal,
    })),
  );
  const byName = Object.fromEntries(report.map((e) => [e.name, e]));
  assert.equal(byName.Name.kind, 'person_name');
  assert.equal(byName.Phone.kind, 'phone');
  assert.equal(byName.Email.kind, 'email');
  assert.equal(byName.iin.kind, 'iin');
  assert.equal(byName.comment.kind, 'message');
  assert.equal(byName['secret-code'].signal, 'data-consent-guard-mask');
  assert.equal(byName.confirmation.target, 'text');
  assert.equal(byName.confirmation.kind, 'phone');
  for (const name of ['guests', 'table', 'demo-phone', 'menu']) assert.equal(byName[name], undefined, `${name} masked`);
  assert.ok(byName.Name.signal.startsWith('label:'), byName.Name.signal);

  const dom = await ctx.page.evaluate(() => ({
    formAllow: document.getElementById('booking').hasAttribute('data-hj-allow'),
    phone: document.getElementById('phone').className,
    clarity: document.getElementById('phone').getAttribute('data-clarity-mask'),
    frame: Array.from(document.getElementById('frame').contentDocument.querySelectorAll('input'), (i) =>
      i.classList.contains('ym-disable-keys'),
    ),
  }));
  assert.equal(dom.formAllow, false, 'data-hj-allow removed from the form');
  assert.ok(!dom.phone.includes('ym-record-keys') && dom.phone.includes('ym-disable-keys'), dom.phone);
  assert.equal(dom.clarity, 'True');
  assert.deepEqual(dom.frame, [true, true], 'fields in a same-origin iframe are masked');
});

test('fields added later are masked before the next frame, and stay masked when the page rewrites them', async () => {
  const ctx = await open(env.browser, url('masking.html'));
  await acceptAndWaitForMasking(ctx);
  const timing = await ctx.page.evaluate(async () => {
    const masked = (el) => el.classList.contains('ym-disable-keys') && el.hasAttribute('data-hj-suppress');
    window.addPopup();
    window.addWidget();
    const popup = document.querySelector('#popup [name=Input_2]');
    const shadow = document.querySelector('booking-widget').shadowRoot.querySelector('[name=guestEmail]');
    await Promise.resolve(); // the guard's observer runs in this microtask checkpoint
    const afterMicrotask = [masked(popup), masked(shadow)];
    const inFrame = await new Promise((r) => requestAnimationFrame(() => r([masked(popup), masked(shadow)])));
    // A framework re-renders className, and the page puts an opt-in marker back.
    popup.className = 't-input';
    popup.parentElement.setAttribute('data-hj-allow', '');
    await null;
    return {
      afterMicrotask,
      inFrame,
      rewritten: masked(popup),
      allow: popup.parentElement.hasAttribute('data-hj-allow'),
    };
  });
  assert.deepEqual(timing.afterMicrotask, [true, true]);
  assert.deepEqual(timing.inFrame, [true, true]);
  assert.equal(timing.rewritten, true);
  assert.equal(timing.allow, false);
});

test('a page that strips any recorder marker from a masked field gets it back (every marker the core lists)', async () => {
  const ctx = await open(env.browser, url('masking.html'));
  await acceptAndWaitForMasking(ctx);
  const result = await ctx.page.evaluate(async () => {
    const phone = document.getElementById('phone');
    const names = [
      'data-hj-suppress',
      'data-clarity-mask',
      'data-private',
      'data-recording-sensitive',
      'data-sentry-mask',
      'data-matomo-mask',
    ];
    const out = {};
    for (const name of names) {
      const had = phone.hasAttribute(name);
      phone.removeAttribute(name);
      await null; // the guard's observer runs in this microtask checkpoint
      out[name] = [had, phone.hasAttribute(name)];
    }
    return out;
  });
  for (const [name, [had, back]] of Object.entries(result)) {
    assert.equal(had, true, `${name} was put on the field`);
    assert.equal(back, true, `${name} is put back after the page removed it`);
  }
});

test('awkward pages: an emoji at a cut, typographic separators, declarative shadow roots, a label after its field', async () => {
  const ctx = await open(env.browser, url('masking-edge.html'));
  await acceptAndWaitForMasking(ctx);
  const report = await ctx.page.evaluate(() =>
    ConsentGuard.maskingReport().map((e) => (e.element.getAttribute('name') || e.element.id) + ':' + e.kind),
  );
  for (const expected of ['review:message', 'field_7:phone', 'nbsp:phone', 'nbhyphen:phone', 'shadowMail:email'])
    assert.ok(report.includes(expected), `${expected} in ${report.join(', ')}`);
  assert.deepEqual(ctx.errors, []);
});
