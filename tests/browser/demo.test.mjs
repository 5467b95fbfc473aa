// The demo café as a visitor uses it, in each language, on a phone and on a desktop.
// Screenshots go to test-results/ (look at them: nothing cut off, nothing overflowing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { withBrowser, open, ready, settle, trackerRequests, standins, eventually } from './harness.mjs';

const env = withBrowser();
mkdirSync('test-results', { recursive: true });
const VIEWPORTS = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 800 } };

const ACCEPT = { ru: 'Принять все', kk: 'Барлығын қабылдау', en: 'Accept all' };

for (const [lang, path] of [
  ['ru', '/'],
  ['kk', '/kk/'],
  ['en', '/en/'],
]) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`demo ${lang} on a ${device}: held until the visitor decides, then released`, async () => {
      const ctx = await open(env.browser, env.server.origin + path, { viewport });
      assert.equal(await ready(ctx.page), true);
      assert.equal(await ctx.page.locator('html').getAttribute('lang'), lang);
      await settle(ctx.page, 300);
      assert.deepEqual(trackerRequests(ctx.log), []);
      assert.deepEqual(ctx.errors, []);
      await ctx.page.screenshot({ path: `test-results/demo-${lang}-${device}.png` });
      // The built-in banner greets a first-time visitor in the page's language.
      await ctx.page.locator('#consent-guard-banner').getByRole('button', { name: ACCEPT[lang] }).click();
      await eventually(async () => {
        const ran = await standins(ctx.page);
        assert.ok(ran.includes('metrica-tag') && ran.includes('gtag'), ran.join());
      }, 10000);
      assert.equal((await ctx.page.evaluate(() => ConsentGuard.get())).purposes.marketing, true);
      await ctx.page.screenshot({ path: `test-results/demo-${lang}-${device}-accepted.png`, fullPage: false });
      await ctx.context.close();
    });
  }
}

test('demo booking form submits while trackers are held (their callbacks fire)', async () => {
  const ctx = await open(env.browser, env.server.origin + '/', { viewport: VIEWPORTS.phone });
  await ready(ctx.page);
  // The banner asks first: the visitor answers "Reject all", and Metrica and GA stay held.
  await ctx.page.getByRole('button', { name: 'Отклонить все' }).click();
  await ctx.page.fill('#b-name', 'Айгерим');
  await ctx.page.fill('#b-phone', '+7 701 000 00 00');
  const thanks = ctx.page.locator('[data-booking-thanks]');
  // Not without the consent to the processing of personal data.
  await ctx.page.locator('[data-booking-form] [type="submit"]').click();
  await settle(ctx.page, 200);
  assert.equal(await thanks.isVisible(), false);
  await ctx.page.getByRole('checkbox', { name: /Я согласен\(на\) на обработку/ }).check();
  await ctx.page.locator('[data-booking-form] [type="submit"]').click();
  await thanks.waitFor({ state: 'visible' });
  assert.equal(await thanks.getAttribute('data-via'), 'form');
  // Both goals' callbacks are answered by the guard while Metrica and GA are held.
  await eventually(async () => assert.equal(await thanks.getAttribute('data-callbacks'), '2'));
  assert.deepEqual(trackerRequests(ctx.log), []);
  await ctx.page.screenshot({ path: 'test-results/demo-ru-booking-thanks.png' });
  await ctx.context.close();
});

// Issue 16: with consent given and trackers that never answer (no network, as when the demo runs
// here, or a blocked tag.js), the thank-you must not wait for them.
test('demo booking form never waits on a tracker: accepted, trackers that never load, thanks at once', async () => {
  const context = await env.browser.newContext({ viewport: VIEWPORTS.phone });
  await context.route(/mc\.yandex\.ru|googletagmanager\.com|google-analytics\.com/, () => {}); // never answered
  const ctx = await open(env.browser, env.server.origin + '/', { context });
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.acceptAll());
  await ctx.page.fill('#b-name', 'Айгерим');
  await ctx.page.fill('#b-phone', '+7 701 000 00 00');
  await ctx.page.getByRole('checkbox', { name: /Я согласен\(на\) на обработку/ }).check();
  await ctx.page.locator('[data-booking-form] [type="submit"]').click();
  const thanks = ctx.page.locator('[data-booking-thanks]');
  await thanks.waitFor({ state: 'visible' });
  assert.equal(await thanks.getAttribute('data-via'), 'form');
  await context.close();
});

test('demo: analytics without session recording, remembered on the next page', async () => {
  const ctx = await open(env.browser, env.server.origin + '/en/', { viewport: VIEWPORTS.desktop });
  await ready(ctx.page);
  await ctx.page.getByRole('button', { name: 'Settings' }).click();
  await ctx.page.getByRole('switch', { name: 'Analytics' }).check();
  await ctx.page.getByRole('button', { name: 'Save choices' }).click();
  await eventually(
    () => assert.ok(trackerRequests(ctx.log).some((r) => /mc\.yandex\.ru\/watch\/98765432/.test(r.url))),
    10000,
  );
  assert.ok(!trackerRequests(ctx.log).some((r) => /webvisor/.test(r.url)));
  await ctx.page.goto(env.server.origin + '/kk/');
  await ready(ctx.page);
  const state = await ctx.page.evaluate(() => ConsentGuard.get());
  assert.deepEqual(state.purposes, { necessary: true, analytics: true, session_recording: false, marketing: false });
  await ctx.context.close();
});

// Issue 16: the demo's own developer panel is part of the page, never over the guard's banner,
// its settings button or the booking form, at either size.
for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`demo on a ${size}: the developer panel sits in the page's flow, clear of the guard`, async () => {
    const ctx = await open(env.browser, env.server.origin + '/', { viewport });
    await ready(ctx.page);
    const panel = ctx.page.locator('[data-cg-panel]');
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).position), 'static');
    const banner = await ctx.page.locator('#consent-guard-banner .cg-first').boundingBox();
    const box = await panel.boundingBox();
    assert.ok(
      box.y >= banner.y + banner.height || box.y + box.height <= banner.y,
      'the panel is not on screen with the banner',
    );
    // Closed, its title and its status badge read whole (at 360 px it once showed "всё выключ…").
    await ctx.page.evaluate(() => ConsentGuard.rejectAll());
    await eventually(async () => assert.equal(await panel.locator('[data-cg-short]').textContent(), 'всё выключено'));
    const cut = await panel.evaluate((el) => {
      el.open = false;
      const short = el.querySelector('[data-cg-short]');
      const title = el.querySelector('.cg-panel__title');
      return [short, title].some((n) => n.scrollWidth > n.clientWidth + 1 || n.getBoundingClientRect().width < 2);
    });
    assert.equal(cut, false, 'the closed panel cuts its title or status');
    await ctx.context.close();
  });
}
