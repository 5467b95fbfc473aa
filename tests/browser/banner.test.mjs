// The banner module (js/runtime/banner/) on its own test pages, before and apart from the
// product wiring: bundled here with esbuild as an IIFE (global CGBanner) and served as
// /pages/banner-bundle.js by a route; pages/banner-harness.js builds ru/kk/en sample models
// and a decide() stub that records every choice.
// Covered: every flow by mouse and by keyboard in each language, 360×640, 1280×800 and 200%
// zoom (screenshots in test-results/banner-<lang>-<layer>-<w>x<h>.png: look at them), GPC,
// a hostile host stylesheet, markup in operator strings, a strict CSP, axe-core in light and
// dark themes, equal Accept/Reject, focus trap and restore, reduced motion, update().
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { withBrowser, open, settle, root } from './harness.mjs';

const env = withBrowser();
const OUT = join(root, 'test-results');
const BUNDLE = join(OUT, 'banner-bundle.js');
const ENTRY = join(root, 'js/runtime/banner/index.js');
const LANGS = ['ru', 'kk', 'en'];
const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

before(async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'CGBanner',
    target: 'es2018',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
});

// ---------------------------------------------------------------- helpers

async function openBanner(params = {}, { file = 'banner-page.html', viewport = DESKTOP, ...options } = {}) {
  const context = await env.browser.newContext({ viewport, ...options });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/pages/banner-bundle.js', (route) =>
    route.fulfill({ path: BUNDLE, contentType: 'text/javascript' }),
  );
  const query = new URLSearchParams(params).toString();
  const ctx = await open(env.browser, `${env.server.origin}/pages/${file}${query ? '?' + query : ''}`, { context });
  await ctx.page.waitForFunction(() => !!window.__banner);
  await calm(ctx.page);
  const texts = await ctx.page.evaluate(() => window.__model.texts);
  return { ...ctx, requests, texts };
}

// Lets the banner's own animations finish (none with reduced motion).
const calm = (page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getElementById('consent-guard-banner')
        .shadowRoot.getAnimations()
        .map((a) => a.finished.catch(() => {})),
    ),
  );

const cg = (page, key) => page.locator(`[data-cg="${key}"]`);
const first = (page) => page.locator('.cg-first');
const modal = (page) => page.locator('.cg-modal');
const reopen = (page) => page.locator('.cg-reopen');
const choices = (page) => page.evaluate(() => window.__choices);
const closes = (page) => page.evaluate(() => window.__closes);
const press = async (page, ...keys) => {
  for (const key of keys) await page.keyboard.press(key);
};

// data-cg of the focused element in the banner, else the page element's id, else 'body'.
const activeKey = (page) =>
  page.evaluate(() => {
    const inner = document.getElementById('consent-guard-banner').shadowRoot.activeElement;
    if (inner) return inner.getAttribute('data-cg') || inner.tagName;
    const outer = document.activeElement;
    return !outer || outer === document.body ? 'body' : outer.id || outer.tagName;
  });

// Waits until the n-th choice was made, the decide() stub resolved and both layers closed.
async function decided(page, n) {
  await page.waitForFunction((n) => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    const closed = [...root.querySelectorAll('.cg-backdrop')].every((backdrop) => backdrop.hidden);
    return window.__choices.length >= n && window.__closes.includes('decision') && closed;
  }, n);
}

// Fully inside the viewport and the topmost thing at its centre (not covered, not clipped).
async function assertReachable(page, key) {
  const r = await cg(page, key).evaluate((el) => {
    const b = el.getBoundingClientRect();
    const hit = el.getRootNode().elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return { b: b.toJSON(), w: innerWidth, h: innerHeight, hit: !!hit && (hit === el || el.contains(hit)) };
  });
  const { b, w, h } = r;
  assert.ok(b.width > 20 && b.height > 20, `${key} has a size: ${JSON.stringify(b)}`);
  assert.ok(
    b.left >= 0 && b.top >= 0 && b.right <= w && b.bottom <= h,
    `${key} inside ${w}×${h}: ${JSON.stringify(b)}`,
  );
  assert.ok(r.hit, `${key} is not covered`);
}

// Nothing in the shown layers sticks out of the viewport, scrolls sideways, or is cut.
async function assertNoOverflow(page) {
  const problems = await page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    const out = [];
    const name = (el) => el.tagName.toLowerCase() + '.' + el.className + '[' + (el.getAttribute('data-cg') || '') + ']';
    for (const el of root.querySelectorAll('*')) {
      if (!el.getClientRects().length) continue;
      const b = el.getBoundingClientRect();
      if (b.left < -0.5 || b.right > innerWidth + 0.5) out.push('outside the viewport: ' + name(el));
      if (getComputedStyle(el).display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push('overflows sideways: ' + name(el));
      if (el.matches('button, h2, p, label, summary, dd, dt, span') && el.scrollHeight > el.clientHeight + 1)
        out.push('cut vertically: ' + name(el));
    }
    if (document.documentElement.scrollWidth > innerWidth) out.push('the page got a horizontal scrollbar');
    return out;
  });
  assert.deepEqual(problems, []);
}

const STYLE_PROPS = [
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'background-color',
  'color',
  'box-shadow',
  'opacity',
  'display',
  'visibility',
];
const looks = (page, key) =>
  cg(page, key).evaluate((el, props) => {
    const cs = getComputedStyle(el);
    const b = el.getBoundingClientRect();
    const px = (n) => Math.round(n * 10) / 10;
    return { ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])), w: px(b.width), h: px(b.height) };
  }, STYLE_PROPS);

async function assertSameLook(page, a, b) {
  assert.deepEqual(await looks(page, a), await looks(page, b), `${a} and ${b} look the same`);
}

const shot = (page, lang, layer, { width, height }, suffix = '') =>
  page.screenshot({ path: join(OUT, `banner-${lang}-${layer}-${width}x${height}${suffix}.png`) });

function axeSource() {
  const candidates = [process.env.AXE_CORE_PATH];
  try {
    candidates.push(createRequire(import.meta.url).resolve('axe-core/axe.min.js'));
  } catch {
    // not a devDependency (yet): try the scratch install below
  }
  candidates.push('/tmp/axe/node_modules/axe-core/axe.min.js');
  const file = candidates.find((f) => f && existsSync(f));
  assert.ok(file, 'axe-core not found: npm i -D axe-core@4 (or set AXE_CORE_PATH)');
  return readFileSync(file, 'utf8');
}

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeSource() });
  await calm(page);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// ---------------------------------------------------------------- layout and screenshots

for (const lang of LANGS) {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`${lang} ${viewport.width}×${viewport.height}: both layers fit, wrap and keep Accept = Reject`, async () => {
      const ctx = await openBanner({ lang, show: 'none' }, { viewport });
      const { page } = ctx;
      await page.evaluate(() => window.scrollTo(0, 400));
      const before = await page.evaluate(() => ({
        y: scrollY,
        lead: document.getElementById('lead').getBoundingClientRect().toJSON(),
        height: document.documentElement.scrollHeight,
      }));
      await page.evaluate(() => window.__banner.show('first'));
      await calm(page);

      // Shown without moving the page, with focus inside.
      const after = await page.evaluate(() => ({
        y: scrollY,
        lead: document.getElementById('lead').getBoundingClientRect().toJSON(),
        height: document.documentElement.scrollHeight,
      }));
      assert.deepEqual(after, before, 'no scroll, no layout shift');
      assert.equal(await activeKey(page), 'title');
      assert.equal(await page.locator('#consent-guard-banner').getAttribute('lang'), lang);

      const dialog = page.getByRole('dialog', { name: ctx.texts.title });
      assert.equal(await dialog.getAttribute('aria-modal'), 'true'); // it asks first (issue 16)
      assert.equal(await dialog.getAttribute('aria-describedby'), 'cg-intro');
      for (const key of ['accept', 'reject', 'settings']) await assertReachable(page, key);
      await assertNoOverflow(page);
      await assertSameLook(page, 'accept', 'reject');
      await shot(page, lang, 'first', viewport);

      await cg(page, 'settings').click();
      await calm(page);
      const settings = page.getByRole('dialog', { name: ctx.texts.settingsTitle });
      assert.equal(await settings.getAttribute('aria-modal'), 'true');
      assert.equal(await activeKey(page), 'settings-title');
      await cg(page, 'services-1').click();
      for (const key of ['close', 'save', 'settings-accept', 'settings-reject']) await assertReachable(page, key);
      await assertNoOverflow(page);
      await assertSameLook(page, 'settings-accept', 'settings-reject');
      await assertSameLook(page, 'save', viewport === PHONE ? 'save' : 'settings-accept');
      await shot(page, lang, 'settings', viewport);

      assert.equal(await page.evaluate(() => scrollY), 400, 'the page did not scroll');
      assert.deepEqual(
        ctx.requests.filter((u) => !u.startsWith(env.server.origin)),
        [],
        'no requests but our own',
      );
      assert.deepEqual(ctx.errors, []);
      await ctx.context.close();
    });
  }

  test(`${lang}: the longest texts (re-ask reason, GPC, unbroken words) still fit 360×640 and 200% zoom`, async () => {
    for (const [viewport, scale] of [
      [PHONE, 1],
      [{ width: 640, height: 400 }, 2], // 1280×800 at 200%
    ]) {
      const ctx = await openBanner({ lang, reason: 1, gpc: 1, long: 1 }, { viewport, deviceScaleFactor: scale });
      const { page } = ctx;
      assert.ok(await page.getByText(ctx.texts.reason).isVisible());
      for (const key of ['accept', 'reject', 'settings']) await assertReachable(page, key);
      await assertNoOverflow(page);
      await assertSameLook(page, 'accept', 'reject');
      const suffix = scale === 2 ? '@2x' : '-long';
      await shot(page, lang, 'first', viewport, suffix);
      await cg(page, 'settings').click();
      await calm(page);
      await cg(page, 'services-1').click();
      for (const key of ['close', 'save', 'settings-accept', 'settings-reject']) await assertReachable(page, key);
      await assertNoOverflow(page);
      await shot(page, lang, 'settings', viewport, suffix);
      // The long settings body scrolls inside the dialog, the last switch can be reached.
      await cg(page, 'switch-3').scrollIntoViewIfNeeded();
      await assertReachable(page, 'switch-3');
      await ctx.context.close();
    }
  });
}

// ---------------------------------------------------------------- flows

for (const lang of LANGS) {
  test(`${lang}: every flow by mouse`, async () => {
    // Accept all, then the reopen button and Close.
    let ctx = await openBanner({ lang });
    let { page, texts } = ctx;
    await page.getByRole('button', { name: texts.acceptAll, exact: true }).click();
    await decided(page, 1);
    assert.deepEqual(await choices(page), ['all']);
    assert.equal(await first(page).isVisible(), false);
    assert.equal(await reopen(page).textContent(), texts.reopen);
    await page.getByRole('button', { name: texts.reopen }).click();
    assert.ok(await modal(page).isVisible());
    for (const i of [0, 1, 2, 3]) assert.equal(await cg(page, 'switch-' + i).isChecked(), true, 'all on after Accept');
    await page.getByRole('button', { name: texts.close }).click();
    assert.equal(await modal(page).isVisible(), false);
    assert.ok(await reopen(page).isVisible());
    assert.deepEqual(await closes(page), ['decision', 'dismiss']);
    await ctx.context.close();

    // Reject all.
    ctx = await openBanner({ lang });
    page = ctx.page;
    await page.getByRole('button', { name: texts.rejectAll, exact: true }).click();
    await decided(page, 1);
    assert.deepEqual(await choices(page), ['none']);
    await ctx.context.close();

    // Settings: switches by label and by the switch itself, services, Save; then the
    // settings layer's own Accept all and Reject all.
    ctx = await openBanner({ lang });
    page = ctx.page;
    const model = await page.evaluate(() => window.__model);
    await page.getByRole('button', { name: texts.settings, exact: true }).click();
    const necessary = page.getByRole('switch', { name: model.purposes[0].name });
    assert.equal(await necessary.isChecked(), true);
    assert.equal(await necessary.isDisabled(), true);
    assert.ok(await page.getByText(texts.alwaysOn).isVisible());
    for (const i of [1, 2, 3]) assert.equal(await cg(page, 'switch-' + i).isChecked(), false, 'nothing pre-ticked');
    await page.locator('label[for="cg-switch-1"]').click();
    await page.getByRole('switch', { name: model.purposes[3].name }).click();
    await page.getByText(`${texts.services} (2)`).click();
    const service = model.purposes[1].services[1];
    assert.ok(await page.getByText(service.name, { exact: true }).isVisible());
    assert.ok(await page.getByText(service.vendor, { exact: true }).isVisible());
    assert.ok(await page.getByText(service.countries, { exact: true }).first().isVisible());
    await page.getByRole('button', { name: texts.save }).click();
    await decided(page, 1);
    assert.deepEqual(await choices(page), [{ analytics: true, session_recording: false, marketing: true }]);
    await reopen(page).click();
    assert.deepEqual(
      await Promise.all([1, 2, 3].map((i) => cg(page, 'switch-' + i).isChecked())),
      [true, false, true],
      'the switches show the saved choice',
    );
    await page.getByRole('button', { name: texts.acceptAll, exact: true }).click();
    await page.waitForFunction(() => window.__choices.length === 2);
    await reopen(page).click();
    await page.getByRole('button', { name: texts.rejectAll, exact: true }).click();
    await page.waitForFunction(() => window.__choices.length === 3);
    await reopen(page).waitFor();
    assert.deepEqual((await choices(page)).slice(1), ['all', 'none']);
    assert.deepEqual(ctx.errors, []);
    await ctx.context.close();
  });

  test(`${lang}: every flow by keyboard (Tab, Shift+Tab, Enter, Space, Esc)`, async () => {
    // Accept with Enter; the reopen button by Shift+Tab; Esc gives focus back to it.
    let ctx = await openBanner({ lang });
    let { page } = ctx;
    assert.equal(await activeKey(page), 'title');
    await press(page, 'Tab');
    assert.equal(await activeKey(page), 'policy');
    await press(page, 'Tab');
    assert.equal(await activeKey(page), 'accept');
    await press(page, 'Enter');
    await decided(page, 1);
    assert.deepEqual(await choices(page), ['all']);
    assert.equal(await activeKey(page), 'reopen', 'focus is not lost: it lands on the reopen button');
    await press(page, 'Enter');
    assert.ok(await modal(page).isVisible());
    assert.equal(await activeKey(page), 'settings-title');
    await press(page, 'Escape');
    assert.equal(await modal(page).isVisible(), false);
    assert.equal(await activeKey(page), 'reopen');
    await ctx.context.close();

    // Reject with Space.
    ctx = await openBanner({ lang });
    page = ctx.page;
    await press(page, 'Tab', 'Tab', 'Tab');
    assert.equal(await activeKey(page), 'reject');
    await press(page, 'Space');
    await decided(page, 1);
    assert.deepEqual(await choices(page), ['none']);
    await ctx.context.close();

    // Settings: switches with Space, services with Enter, Save with Enter.
    ctx = await openBanner({ lang });
    page = ctx.page;
    await press(page, 'Tab', 'Tab', 'Tab', 'Tab');
    assert.equal(await activeKey(page), 'settings');
    await press(page, 'Enter');
    assert.equal(await activeKey(page), 'settings-title');
    const walk = [];
    for (let i = 0; i < 9; i++) {
      await press(page, 'Tab');
      walk.push(await activeKey(page));
    }
    assert.deepEqual(walk, [
      'close',
      'switch-1',
      'services-1',
      'switch-2',
      'services-2',
      'switch-3',
      'save',
      'settings-accept',
      'settings-reject',
    ]);
    await press(page, 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab');
    assert.equal(await activeKey(page), 'switch-1');
    await press(page, 'Space', 'Tab', 'Enter');
    assert.equal(
      await page
        .locator('.cg-services')
        .first()
        .evaluate((d) => d.open),
      true,
    );
    await press(page, 'Tab', 'Tab', 'Tab', 'Space', 'Space', 'Tab');
    assert.equal(await activeKey(page), 'save');
    await press(page, 'Enter');
    await decided(page, 1);
    assert.deepEqual(await choices(page), [{ analytics: true, session_recording: false, marketing: false }]);
    await ctx.context.close();

    // Esc in the settings layer before any decision: back to the first layer, focus on
    // Settings; Esc on the (non-modal) first layer changes nothing.
    ctx = await openBanner({ lang });
    page = ctx.page;
    await press(page, 'Tab', 'Tab', 'Tab', 'Tab', 'Space');
    assert.ok(await modal(page).isVisible());
    await press(page, 'Escape');
    assert.equal(await modal(page).isVisible(), false);
    assert.ok(await first(page).isVisible());
    assert.equal(await activeKey(page), 'settings');
    await press(page, 'Escape');
    assert.ok(await first(page).isVisible());
    assert.deepEqual(await choices(page), []);
    assert.deepEqual(await closes(page), []);
    await ctx.context.close();
  });
}

test('Global Privacy Control: a notice, Accept all leaves marketing off, settings can switch it on', async () => {
  const gpcChoice = { analytics: true, session_recording: true, marketing: false };
  for (const lang of LANGS) {
    const ctx = await openBanner({ lang, gpc: 1 });
    assert.ok(await first(ctx.page).getByText(ctx.texts.gpcNotice).isVisible());
    await ctx.page.getByRole('button', { name: ctx.texts.acceptAll, exact: true }).click();
    await decided(ctx.page, 1);
    assert.deepEqual(await choices(ctx.page), [gpcChoice], lang);
    await ctx.context.close();
  }
  let ctx = await openBanner({ lang: 'kk', gpc: 1 });
  await cg(ctx.page, 'settings').click();
  assert.ok(await modal(ctx.page).getByText(ctx.texts.gpcNotice).isVisible());
  const marketing = cg(ctx.page, 'switch-3');
  assert.equal(await marketing.isChecked(), false);
  await marketing.check();
  await cg(ctx.page, 'save').click();
  await decided(ctx.page, 1);
  assert.deepEqual(await choices(ctx.page), [{ analytics: false, session_recording: false, marketing: true }]);
  await reopen(ctx.page).click();
  await cg(ctx.page, 'settings-accept').click();
  await ctx.page.waitForFunction(() => window.__choices.length === 2);
  assert.deepEqual((await choices(ctx.page))[1], gpcChoice, "the settings layer's Accept all too");
  await ctx.context.close();

  ctx = await openBanner({ lang: 'ru' });
  const notice = await ctx.page.evaluate(() => window.__sampleModel('gpc=1').texts.gpcNotice);
  assert.equal(await ctx.page.getByText(notice).count(), 0, 'no notice without GPC');
  await cg(ctx.page, 'accept').click();
  await decided(ctx.page, 1);
  assert.deepEqual(await choices(ctx.page), ['all']);
  await ctx.context.close();
});

// ---------------------------------------------------------------- isolation and safety

const KEYS = ['title', 'accept', 'reject', 'settings', 'policy'];
const snapshot = async (page) =>
  Object.fromEntries(await Promise.all(KEYS.map(async (k) => [k, await looks(page, k)])));

test('a hostile host stylesheet (* { all: unset }, button { display: none }, …) does not touch the banner', async () => {
  for (const viewport of [PHONE, DESKTOP]) {
    const calmPage = await openBanner({ lang: 'kk' }, { viewport });
    const hostile = await openBanner({ lang: 'kk' }, { viewport, file: 'banner-hostile.html' });
    assert.equal(
      await hostile.page.evaluate(() => getComputedStyle(document.getElementById('page-button')).display),
      'none',
      'the hostile stylesheet is in force on the page',
    );
    assert.deepEqual(await snapshot(hostile.page), await snapshot(calmPage.page));
    for (const key of ['accept', 'reject', 'settings']) await assertReachable(hostile.page, key);
    await assertNoOverflow(hostile.page);
    await shot(hostile.page, 'kk', 'first', viewport, '-hostile');
    await cg(hostile.page, 'settings').click();
    await cg(calmPage.page, 'settings').click();
    for (const key of ['close', 'switch-1', 'save', 'settings-accept', 'settings-reject'])
      assert.deepEqual(await looks(hostile.page, key), await looks(calmPage.page, key), key);
    await cg(hostile.page, 'switch-1').click();
    await cg(hostile.page, 'save').click();
    await decided(hostile.page, 1);
    assert.deepEqual(await choices(hostile.page), [{ analytics: true, session_recording: false, marketing: false }]);
    await assertReachable(hostile.page, 'reopen');
    assert.deepEqual(hostile.errors, []);
    await calmPage.context.close();
    await hostile.context.close();
  }
});

test('the banner changes nothing on the page: no styles leak out, no layout shift', async () => {
  const ctx = await openBanner({ show: 'none' });
  const { page } = ctx;
  const pageLook = () =>
    page.evaluate(() =>
      ['h1', '#lead', '#page-button', '#page-open', 'body', 'header'].map((sel) => {
        const el = document.querySelector(sel);
        const cs = getComputedStyle(el);
        const props = ['font-family', 'font-size', 'color', 'background-color', 'display', 'box-sizing', 'margin-top'];
        return [sel, props.map((p) => cs.getPropertyValue(p)), el.getBoundingClientRect().toJSON()];
      }),
    );
  const sheets = () => page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length]);
  const lookBefore = await pageLook();
  const sheetsBefore = await sheets();
  await page.evaluate(() => window.__banner.show('first'));
  assert.deepEqual(await pageLook(), lookBefore);
  await page.evaluate(() => window.__banner.show('settings'));
  assert.deepEqual(await pageLook(), lookBefore);
  assert.deepEqual(await sheets(), sheetsBefore);
  const host = await page.evaluate(() => {
    const el = document.getElementById('consent-guard-banner');
    const root = el.shadowRoot;
    return {
      parent: el.parentElement.tagName,
      open: !!root,
      adopted: root.adoptedStyleSheets.length,
      styleElements: root.querySelectorAll('style, link').length,
      styleAttributes: root.querySelectorAll('[style]').length + (el.hasAttribute('style') ? 1 : 0),
      // Out of the page's flow: in the top layer (fixed, letting clicks through), or no box at all.
      inFlow: getComputedStyle(el).position !== 'fixed' && el.getBoundingClientRect().height > 0,
      clickable: getComputedStyle(el).pointerEvents !== 'none' && el.getBoundingClientRect().height > 0,
    };
  });
  assert.deepEqual(host, {
    parent: 'BODY',
    open: true,
    adopted: 1,
    styleElements: 0,
    styleAttributes: 0,
    inFlow: false,
    clickable: false,
  });
  await ctx.context.close();
});

test('markup in operator strings stays inert text; the policy link is the one the core gives', async () => {
  const ctx = await openBanner({ evil: 1 }, { viewport: PHONE });
  const { page } = ctx;
  await cg(page, 'settings').click();
  await page.locator('summary').first().click();
  await page.locator('label[for="cg-switch-1"]').hover();
  await settle(page, 300);
  const seen = await page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    return {
      pwned: window.pwned,
      elements: root.querySelectorAll('img, script, svg, iframe, b, i, u, style, a').length,
      title: root.getElementById('cg-first-title').textContent,
      intro: root.getElementById('cg-intro').textContent,
    };
  });
  const model = await page.evaluate(() => window.__model);
  assert.deepEqual(seen, { pwned: undefined, elements: 0, title: model.texts.title, intro: model.texts.intro });
  assert.ok(await page.getByText(model.purposes[1].services[0].name).isVisible(), 'shown as text');
  assert.deepEqual(
    ctx.requests.filter((u) => /\/x$|pwned|javascript/.test(u)),
    [],
    'nothing was fetched (no <img src=x>, no iframe)',
  );

  // Which links are safe is the core's rule (link_target, tests/vectors/config.json): the
  // banner renders the link the core's model gives, and none when it gives "".
  const hrefs = await page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    return ['/privacy.html', 'https://namo.kz/privacy', ''].map((policyUrl) => {
      window.__banner.update({ ...window.__sampleModel(''), policyUrl });
      const link = root.querySelector('a');
      return link ? link.getAttribute('href') : null;
    });
  });
  assert.deepEqual(hrefs, ['/privacy.html', 'https://namo.kz/privacy', null]);
  assert.deepEqual(ctx.errors, []);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await ctx.context.close();
});

test("strict CSP (style-src 'self', no inline script): styled and working, no violation", async () => {
  const ctx = await openBanner({ lang: 'kk' }, { file: 'banner.csp.html', viewport: PHONE });
  const { page } = ctx;
  const styled = await page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      position: cs('.cg-first').position,
      accept: cs('[data-cg="accept"]').backgroundColor,
      font: cs('[data-cg="accept"]').fontWeight,
    };
  });
  assert.deepEqual(styled, { position: 'fixed', accept: 'rgb(11, 87, 208)', font: '600' });
  for (const key of ['accept', 'reject', 'settings']) await assertReachable(page, key);
  await shot(page, 'kk', 'first', PHONE, '-csp');
  await cg(page, 'settings').click();
  await cg(page, 'switch-2').check();
  await cg(page, 'save').click();
  await decided(page, 1);
  assert.deepEqual(await choices(page), [{ analytics: false, session_recording: true, marketing: false }]);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(
    ctx.consoleMessages.filter((m) => /refused|content security policy/i.test(m.text)),
    [],
  );
  assert.deepEqual(ctx.errors, []);
  await ctx.context.close();
});

// ---------------------------------------------------------------- accessibility

for (const [label, params, colorScheme] of [
  ['light theme', { theme: 'light' }, 'dark'],
  ['dark theme', { theme: 'dark' }, 'light'],
  ['auto theme, light system', { theme: 'auto' }, 'light'],
  ['auto theme, dark system', { theme: 'auto' }, 'dark'],
]) {
  test(`axe-core: no violations in the first layer, settings and reopen button (${label})`, async () => {
    const ctx = await openBanner({ lang: 'ru', reason: 1, gpc: 1, ...params }, { colorScheme });
    const { page } = ctx;
    const dark = await first(page).evaluate((el) => getComputedStyle(el).backgroundColor !== 'rgb(255, 255, 255)');
    assert.equal(dark, label.startsWith('dark') || label.endsWith('dark system'), 'the palette follows the theme');
    assert.deepEqual(await axe(page), [], 'first layer');
    const name = label.replace(/[^a-z]+/g, '-');
    if (dark) await shot(page, 'ru', 'first-' + name, DESKTOP);
    await cg(page, 'settings').click();
    await page.locator('.cg-services').evaluateAll((all) => all.forEach((d) => (d.open = true)));
    await cg(page, 'switch-1').focus();
    assert.deepEqual(await axe(page), [], 'settings layer');
    if (dark) await shot(page, 'ru', 'settings-' + name, DESKTOP);
    await cg(page, 'save').click();
    await decided(page, 1);
    assert.deepEqual(await axe(page), [], 'reopen button');
    await ctx.context.close();
  });
}

test('theming through --cg-* on the host works, and axe sees inside the shadow root', async () => {
  const ctx = await openBanner({ lang: 'en', theme: 'light' });
  const { page } = ctx;
  await page.addStyleTag({
    content: '#consent-guard-banner { --cg-accent: #7a1f5c; --cg-radius: 2px; --cg-font: serif; --cg-z: 5 }',
  });
  const themed = await cg(page, 'accept').evaluate((el) => {
    const cs = getComputedStyle(el);
    const card = getComputedStyle(el.closest('.cg-first'));
    return [cs.backgroundColor, cs.fontFamily, card.borderTopLeftRadius, card.zIndex];
  });
  assert.deepEqual(themed, ['rgb(122, 31, 92)', 'serif', '2px', '5']);
  await page.addStyleTag({ content: '#consent-guard-banner { --cg-fg: #b0b0b0 }' });
  const violations = await axe(page);
  assert.ok(
    violations.some((v) => v.startsWith('color-contrast') && /cg-intro/.test(v)),
    'a too-light text colour is caught: ' + violations.join('; '),
  );
  await ctx.context.close();
});

test('axe-core: no violations in Kazakh on a phone', async () => {
  const ctx = await openBanner({ lang: 'kk', reason: 1, gpc: 1 }, { viewport: PHONE });
  assert.deepEqual(await axe(ctx.page), []);
  await cg(ctx.page, 'settings').click();
  assert.deepEqual(await axe(ctx.page), []);
  await ctx.context.close();
});

test('focus: visible ring, trapped in the settings layer, restored to the opener', async () => {
  // A returning visitor (model.decided): only the reopen button; the site's own link opens settings.
  const ctx = await openBanner({ lang: 'en', decided: 1, show: 'none' });
  const { page } = ctx;
  assert.ok(await reopen(page).isVisible());
  assert.equal(await first(page).isVisible(), false);
  await page.focus('#page-open');
  await press(page, 'Enter');
  assert.ok(await modal(page).isVisible());
  const ring = await cg(page, 'close').evaluate((el) => {
    el.focus({ focusVisible: true });
    const cs = getComputedStyle(el);
    return [cs.outlineStyle, parseFloat(cs.outlineWidth) >= 2];
  });
  assert.deepEqual(ring, ['solid', true], 'a visible focus ring');
  const inside = ['settings-title', 'close', 'switch-1', 'services-1', 'switch-2', 'services-2', 'switch-3'].concat([
    'save',
    'settings-accept',
    'settings-reject',
  ]);
  for (let i = 0; i < 20; i++) {
    await press(page, i % 3 ? 'Tab' : 'Shift+Tab');
    assert.ok(inside.includes(await activeKey(page)), 'focus stays inside: ' + (await activeKey(page)));
  }
  await cg(page, 'settings-reject').focus();
  await press(page, 'Tab');
  assert.equal(await activeKey(page), 'close', 'Tab wraps to the first control');
  await press(page, 'Shift+Tab');
  assert.equal(await activeKey(page), 'settings-reject', 'Shift+Tab wraps to the last');
  await page.mouse.click(3, 3); // the backdrop
  assert.ok(inside.includes(await activeKey(page)), 'a click on the backdrop keeps focus inside');
  await page.evaluate(() => document.getElementById('page-button').focus());
  assert.equal(await activeKey(page), 'settings-title', 'focus cannot be moved out by script');
  await press(page, 'Escape');
  assert.equal(await modal(page).isVisible(), false);
  assert.equal(await first(page).isVisible(), false, 'decided: Esc closes everything');
  assert.equal(await activeKey(page), 'page-open', 'focus back on the link that opened it');
  await reopen(page).click();
  await press(page, 'Escape');
  assert.equal(await activeKey(page), 'reopen');
  assert.deepEqual(await closes(page), ['dismiss', 'dismiss']);
  await ctx.context.close();
});

test('prefers-reduced-motion: no animation or transition at all', async () => {
  const moving = await openBanner({}, { reducedMotion: 'no-preference' });
  assert.equal(await first(moving.page).evaluate((el) => getComputedStyle(el).animationName), 'cg-rise');
  await moving.context.close();
  const ctx = await openBanner({}, { reducedMotion: 'reduce' });
  await cg(ctx.page, 'settings').click();
  await cg(ctx.page, 'switch-1').click();
  const moved = await ctx.page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    return Array.from(root.querySelectorAll('*'))
      .map((el) => getComputedStyle(el))
      .filter((cs) => cs.animationName !== 'none' || cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
      .map((cs) => cs.animationName + ' ' + cs.transitionDuration)
      .concat(root.getAnimations().map((a) => a.animationName || 'transition'));
  });
  assert.deepEqual(moved, []);
  await ctx.context.close();
});

// ---------------------------------------------------------------- API details

test('the reopen button: bottom-left, bottom-right or none', async () => {
  for (const [where, expect] of [
    ['bottom-left', 'left'],
    ['bottom-right', 'right'],
    ['none', null],
  ]) {
    const ctx = await openBanner({ lang: 'kk', reopen: where }, { viewport: PHONE });
    await cg(ctx.page, 'reject').click();
    await decided(ctx.page, 1);
    if (!expect) {
      assert.equal(await reopen(ctx.page).isVisible(), false);
    } else {
      const b = await reopen(ctx.page).boundingBox();
      assert.ok(b.height < 48 && b.width < 240, 'small: ' + JSON.stringify(b));
      assert.ok(b.y + b.height > 640 - 30, 'at the bottom');
      assert.ok(expect === 'left' ? b.x < 40 : b.x + b.width > 360 - 40, where);
      await shot(ctx.page, 'kk', 'reopen-' + expect, PHONE);
    }
    await ctx.context.close();
  }
});

test('a rejected decide() keeps the banner working and logs the error', async () => {
  const ctx = await openBanner({ lang: 'ru' });
  const { page } = ctx;
  await page.evaluate(() => (window.__failNext = true));
  await cg(page, 'accept').click();
  await page.waitForFunction(() => window.__choices.length === 1);
  await settle(page, 100);
  assert.ok(await first(page).isVisible(), 'still shown');
  assert.equal(await reopen(page).isVisible(), false);
  assert.ok(ctx.consoleMessages.some((m) => m.type === 'error' && /could not be saved/.test(m.text)));
  assert.equal(await first(page).getAttribute('aria-busy'), null);
  await cg(page, 'accept').click();
  await decided(page, 2);
  assert.deepEqual(await choices(page), ['all', 'all']);
  assert.deepEqual(ctx.errors, []);
  await ctx.context.close();
});

test('update() re-renders texts and switch states and keeps focus; hide() after a decision elsewhere', async () => {
  const ctx = await openBanner({ lang: 'ru', show: 'settings' });
  const { page } = ctx;
  await press(page, 'Tab', 'Tab', 'Tab', 'Tab');
  assert.equal(await activeKey(page), 'switch-2');
  await page.evaluate(() => {
    const model = window.__sampleModel('lang=kk');
    model.purposes[1].checked = true;
    window.__banner.update(model);
  });
  assert.equal(await page.locator('#consent-guard-banner').getAttribute('lang'), 'kk');
  assert.equal(await cg(page, 'settings-title').textContent(), 'Cookie баптаулары');
  assert.equal(await cg(page, 'switch-1').isChecked(), true);
  assert.equal(await activeKey(page), 'switch-2', 'focus kept on the same switch');
  // A decision made in another tab (the runtime passes the new state, then hides).
  await page.evaluate(() => {
    const purposes = { necessary: true, analytics: false, session_recording: true, marketing: false };
    window.__banner.update(window.__sampleModel('lang=en'), { decided: true, purposes });
    window.__banner.hide();
  });
  assert.equal(await modal(page).isVisible(), false);
  assert.equal(await reopen(page).textContent(), 'Cookie settings');
  await reopen(page).click();
  assert.deepEqual(await Promise.all([1, 2, 3].map((i) => cg(page, 'switch-' + i).isChecked())), [false, true, false]);
  await press(page, 'Escape');
  assert.equal(await activeKey(page), 'reopen');
  assert.deepEqual(await choices(page), []);
  await ctx.context.close();
});

test('size: the banner (JS with its CSS) minified and gzipped', async (t) => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2018',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  t.diagnostic(`banner: ${code.length} bytes minified, ${gzip} bytes gzip`);
  // 6 KB before the top layer and its refusal of covered clicks (issue 18).
  assert.ok(gzip < 6.5 * 1024, `${gzip} bytes gzip`);
});
