// The built-in banner inside the product: shown to undecided visitors, its buttons decide,
// it says why it asks again, ConsentGuard.open() and data-consent-guard-open reopen it, and
// a decision in one tab applies in the site's other tabs.
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

test('undecided visitors see the banner; its Accept button decides and releases', async () => {
  const ctx = await open(env.browser, url('banner-site.html'), { viewport: { width: 360, height: 640 } });
  await ready(ctx.page);
  const accept = ctx.page.getByRole('button', { name: 'Принять все' });
  await accept.waitFor({ state: 'visible', timeout: 3000 });
  assert.ok(await ctx.page.getByText('ТОО «Намо» (БИН 180540012343)', { exact: false }).isVisible());
  assert.ok(await ctx.page.getByText('Данные получают: Yandex LLC (Россия).').isVisible());
  await accept.click();
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['metrica-tag']), 10000);
  assert.equal(await accept.isVisible(), false, 'the banner went away');
  await ctx.page.reload();
  await ready(ctx.page);
  await settle(ctx.page, 300);
  assert.equal(await ctx.page.getByRole('button', { name: 'Принять все' }).isVisible(), false, 'not asked again');
  await ctx.context.close();
});

test('Reject in the banner keeps everything held', async () => {
  const ctx = await open(env.browser, url('banner-site.html'));
  await ready(ctx.page);
  await ctx.page.getByRole('button', { name: 'Отклонить все' }).click();
  await settle(ctx.page, 500);
  assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).decided, true);
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.context.close();
});

test('ConsentGuard.open() and data-consent-guard-open open the settings layer', async () => {
  const ctx = await open(env.browser, url('banner-site.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  const save = ctx.page.getByRole('button', { name: 'Сохранить выбор' });
  assert.equal(await save.isVisible(), false);
  await ctx.page.evaluate(() => ConsentGuard.open());
  await save.waitFor({ state: 'visible', timeout: 2000 });
  await ctx.page.keyboard.press('Escape');
  await save.waitFor({ state: 'hidden', timeout: 2000 });
  await ctx.page.click('[data-consent-guard-open]');
  await save.waitFor({ state: 'visible', timeout: 2000 });
  await ctx.page.getByRole('switch', { name: 'Аналитика' }).check();
  await save.click();
  await eventually(async () => assert.deepEqual(await standins(ctx.page), ['metrica-tag']), 10000);
  const state = await ctx.page.evaluate(() => ConsentGuard.get());
  assert.deepEqual(state.purposes, { necessary: true, analytics: true, session_recording: false, marketing: false });
  await ctx.context.close();
});

test('asked again after a policy change, saying why', async () => {
  const ctx = await open(env.browser, url('banner-site.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await changePolicyVersion(ctx.context, 'banner-site.html', '2026-05-01');
  await ctx.page.reload();
  await ready(ctx.page);
  await ctx.page
    .getByText('Мы обновили политику конфиденциальности (версия 2026-05-01)', { exact: false })
    .waitFor({ timeout: 3000 });
  await ctx.context.close();
});

test('Global Privacy Control: Accept all leaves marketing off', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
  const ctx = await open(env.browser, url('banner-site.html'), { context });
  await ready(ctx.page);
  await ctx.page.getByText('Global Privacy Control', { exact: false }).first().waitFor({ timeout: 3000 });
  await ctx.page.getByRole('button', { name: 'Принять все' }).click();
  await settle(ctx.page, 300);
  const state = await ctx.page.evaluate(() => ConsentGuard.get());
  assert.deepEqual(state.purposes, { necessary: true, analytics: true, session_recording: true, marketing: false });
  await context.close();
});

test('a decision in one tab applies at once in the other tabs', async () => {
  const a = await open(env.browser, url('banner-site.html'));
  const b = await open(env.browser, url('banner-site.html'), { context: a.context });
  await ready(a.page);
  await ready(b.page);
  await b.page.evaluate(() => {
    window.changes = [];
    ConsentGuard.on('change', (s) => window.changes.push(s));
  });
  await a.page.evaluate(() => ConsentGuard.acceptAll());
  await b.page.waitForFunction(() => window.changes.length === 1, null, { timeout: 2000 });
  await eventually(
    async () => assert.deepEqual(await standins(b.page), ['metrica-tag'], 'trackers released in the other tab'),
    10000,
  );
  assert.equal(await b.page.getByRole('button', { name: 'Принять все' }).isVisible(), false, 'its banner went away');
  await a.page.evaluate(() => ConsentGuard.rejectAll());
  await b.page.waitForFunction(() => window.changes.length === 2, null, { timeout: 2000 });
  const last = await b.page.evaluate(() => window.changes[1]);
  assert.equal(last.reloadRequired, true);
  assert.equal(last.purposes.analytics, false);
  await eventually(async () => assert.deepEqual(await trackerCookies(a.context), []));
  await a.context.close();
});

test('asked again when the decision has expired, saying since when', async () => {
  // A decision made on 2025-01-10 that was valid for 30 days (written as the core would).
  const body = '1|test-site|2026-04-04|7|1736500000|1739092000';
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(body)) h = Math.imul(h ^ byte, 16777619) >>> 0;
  const value = body + '|' + h.toString(16).padStart(8, '0');
  const context = await env.browser.newContext();
  await context.addCookies([{ name: 'cg_consent', value, url: env.server.origin }]);
  const ctx = await open(env.browser, url('banner-site.html'), { context });
  await ready(ctx.page);
  await ctx.page
    .getByText('Срок действия вашего выбора от 2025-01-10 истёк', { exact: false })
    .waitFor({ timeout: 3000 });
  assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).decided, false);
  await settle(ctx.page, 300);
  assert.deepEqual(await standins(ctx.page), [], 'an expired decision releases nothing');
  await context.close();
});

test('without constructable stylesheets (Safari < 16.4) the banner is styled from consent-guard.css under a strict CSP', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  await context.addInitScript(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const ctx = await open(env.browser, url('strict.csp.html'), { context });
  assert.equal(await ready(ctx.page), true);
  const accept = ctx.page.getByRole('button', { name: 'Accept all' });
  await accept.waitFor({ state: 'visible', timeout: 3000 });
  const styled = await ctx.page.evaluate(() => {
    const root = document.getElementById('consent-guard-banner').shadowRoot;
    return {
      link: !!root.querySelector('link[rel=stylesheet]'),
      position: getComputedStyle(root.querySelector('.cg-first')).position,
    };
  });
  assert.deepEqual(styled, { link: true, position: 'fixed' });
  assert.ok(requests.some((u) => u.endsWith('/consent-guard/consent-guard.css')));
  assert.deepEqual(
    ctx.consoleMessages.filter((m) => /refused|content security policy/i.test(m.text)),
    [],
  );
  // The entrance animation (in the banner's shadow root, which document.getAnimations() covers).
  await ctx.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await ctx.page.screenshot({ path: 'test-results/banner-no-constructable-stylesheets.png' });
  await accept.click();
  await eventually(async () => assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).decided, true));
  await context.close();
});

// Issue 16: a booking pop-up's Send button sat half-hidden under the banner and could not be
// clicked. The first layer asks first: until the visitor answers, the page behind it is dimmed
// and takes no click and no Tab; one answer, and every control of the page works. Pages built
// like Tilda's full-screen pop-up form and a WordPress (Contact Form 7) corner widget.
const POPUPS = {
  tilda: `<div class="t-popup" style="position:fixed;inset:0;background:#fff;display:flex;flex-direction:column;justify-content:flex-end;padding:16px">
    <form class="t-form" id="popup-form" action="javascript:void 0" novalidate><input name="name" placeholder="Имя">
    <input name="phone" placeholder="Телефон"><button type="submit" class="t-submit" id="send">ОТПРАВИТЬ</button></form></div>`,
  wordpress: `<div class="wpcf7" style="position:fixed;right:8px;bottom:8px;width:300px;background:#eee;padding:8px">
    <form class="wpcf7-form" id="popup-form" action="javascript:void 0"><p><input name="your-name"></p>
    <p><input type="submit" class="wpcf7-submit" id="send" value="Отправить"></p></form></div>`,
};
for (const [kind, markup] of Object.entries(POPUPS)) {
  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    test(`a ${kind} pop-up form at ${viewport.width}×${viewport.height}: the banner asks first, then the form's Send works`, async () => {
      const context = await env.browser.newContext({ viewport });
      await context.route('**/pages/popup.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="ru"><head>
<script src="/consent-guard/consent-guard.js" data-site="test-site" data-policy-version="2026-04-04"></script>
<meta charset="utf-8"></head><body><h1>Бронь</h1>${markup}
<script>document.getElementById('popup-form').addEventListener('submit', () => (window.sent = (window.sent || 0) + 1));</script>
</body></html>`,
        }),
      );
      const ctx = await open(env.browser, `${env.server.origin}/pages/popup.html`, { context });
      assert.equal(await ready(ctx.page), true);
      const reject = ctx.page.getByRole('button', { name: 'Отклонить все' });
      await reject.waitFor({ state: 'visible' });
      // Asking: a press on Send reaches the banner, not the form; Tab stays in the dialog.
      const send = await ctx.page.locator('#send').boundingBox();
      const hit = await ctx.page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y).id,
        [send.x + send.width / 2, send.y + send.height / 2],
      );
      assert.equal(hit, 'consent-guard-banner');
      for (let i = 0; i < 8; i++) {
        await ctx.page.keyboard.press('Tab');
        assert.equal(await ctx.page.evaluate(() => document.activeElement.id), 'consent-guard-banner');
      }
      await ctx.page.screenshot({ path: `test-results/popup-${kind}-${viewport.width}-asking.png` });
      // Answered: Reject all is one click, like Accept all, and the form is the page's again.
      await reject.click();
      await ctx.page.locator('#send').click();
      await eventually(async () => assert.equal(await ctx.page.evaluate(() => window.sent), 1));
      await ctx.page.screenshot({ path: `test-results/popup-${kind}-${viewport.width}-answered.png` });
      await context.close();
    });
  }
}

// Issue 16: the operator's legal name takes its form in each language ("ТОО", "ЖШС", "LLP").
test("the operator's name in the visitor's language: ТОО in Russian, ЖШС in Kazakh, LLP in English", async () => {
  for (const [lang, name] of [
    ['ru', 'ТОО «Намо»'],
    ['kk', '«Намо» ЖШС'],
    ['en', 'Namo LLP'],
  ]) {
    const context = await env.browser.newContext();
    await context.route('**/pages/operator-names.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="${lang}"><head>
<script type="application/json" id="consent-guard-config">
{"operator": {"name": {"ru": "ТОО «Намо»", "kk": "«Намо» ЖШС", "en": "Namo LLP"}, "bin": "180540012343"}}
</script>
<script src="/consent-guard/consent-guard.js" data-site="test-site" data-policy-version="2026-04-04"></script>
<meta charset="utf-8"></head><body><h1>Намо</h1></body></html>`,
      }),
    );
    const ctx = await open(env.browser, `${env.server.origin}/pages/operator-names.html`, { context });
    assert.equal(await ready(ctx.page), true);
    const intro = await ctx.page.locator('#consent-guard-banner #cg-intro').innerText();
    assert.ok(intro.startsWith(name), `${lang}: ${intro}`);
    await context.close();
  }
});

// Issue 16: after a withdrawal on a phone, the "reload to finish" notice and the cookie settings
// button are both there and both usable.
test('after a withdrawal at 360×640, the reload notice leaves the settings button free, and both work', async () => {
  const ctx = await open(env.browser, `${env.server.origin}/pages/plain.html`, {
    viewport: { width: 360, height: 640 },
  });
  assert.equal(await ready(ctx.page), true);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  const notice = ctx.page.locator('#consent-guard-notice');
  await notice.waitFor();
  const reopen = ctx.page.locator('#consent-guard-banner .cg-reopen');
  await reopen.waitFor();
  const [n, r] = [await notice.boundingBox(), await reopen.boundingBox()];
  const overlap = !(n.x + n.width <= r.x || r.x + r.width <= n.x || n.y + n.height <= r.y || r.y + r.height <= n.y);
  assert.equal(overlap, false, `notice ${JSON.stringify(n)} covers the button ${JSON.stringify(r)}`);
  await ctx.page.screenshot({ path: 'test-results/withdrawal-notice-360.png' });
  await ctx.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await ctx.page.locator('#consent-guard-banner [data-cg=settings-title]').waitFor();
  await ctx.page.keyboard.press('Escape');
  await notice.locator('button').last().click(); // dismiss
  await eventually(async () => assert.equal(await notice.count(), 0));
  await ctx.context.close();
});
