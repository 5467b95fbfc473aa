// Frames the operator holds by hand (<iframe data-consent=... data-src=...>): in their place the
// visitor sees whose content it is, which purpose shows it, "Allow and show" (that purpose
// only) and "Settings", in the page's language; the frame loads once its purpose is allowed.
// Screenshots go to test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { withBrowser, open, ready, settle, trackerRequests, eventually } from './harness.mjs';

const env = withBrowser();
mkdirSync('test-results', { recursive: true });
const url = (page) => `${env.server.origin}/pages/${page}`;

// What each placeholder says and how big it is, in page order.
const placeholders = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.consent-guard-placeholder')].map((host) => {
      const r = host.getBoundingClientRect();
      return {
        before: host.nextElementSibling.id,
        text: host.shadowRoot.querySelector('p').textContent,
        buttons: [...host.shadowRoot.querySelectorAll('button')].map((b) => b.textContent),
        width: Math.round(r.width),
        height: Math.round(r.height),
      };
    }),
  );
const frame = (page, id) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    return { src: el.getAttribute('src'), shown: getComputedStyle(el).display !== 'none' };
  }, id);

test('held frames show whose content they are and which purpose shows them', async () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 640 },
  ]) {
    const ctx = await open(env.browser, url('embeds.html'), { viewport });
    assert.equal(await ready(ctx.page), true);
    await eventually(async () => assert.equal((await placeholders(ctx.page)).length, 2));
    const [video, map] = await placeholders(ctx.page);
    assert.equal(video.before, 'video');
    assert.equal(video.text, 'Здесь содержимое с www.youtube.com. Оно появится, когда вы разрешите «Маркетинг».');
    assert.deepEqual(video.buttons, ['Разрешить и показать', 'Настроить']);
    // The frame's box: 560×315 and its 2 px border, no wider than the page (max-width 100 %).
    assert.equal(video.height, 319);
    assert.equal(video.width, Math.min(564, viewport.width - 32));
    assert.equal(map.before, 'map');
    assert.match(map.text, /yandex\.kz.*«Аналитика»/);
    assert.deepEqual([map.width, map.height], [viewport.width - 32, 260]);
    assert.deepEqual(await frame(ctx.page, 'video'), { src: null, shown: false });
    await ctx.page.evaluate(() => document.getElementById('consent-guard-banner').remove()); // for the picture
    await ctx.page.screenshot({ path: `test-results/embeds-ru-${viewport.width}x${viewport.height}.png` });
    assert.deepEqual(trackerRequests(ctx.log), []);
    assert.deepEqual(ctx.errors, []);
    await ctx.context.close();
  }
});

test('"Allow and show" allows that purpose only, shows its frame, and is recorded as such', async () => {
  const ctx = await open(env.browser, url('embeds.html'));
  await ready(ctx.page);
  // The banner asks first; the visitor refuses, then wants one video after all.
  await ctx.page.evaluate(() => ConsentGuard.rejectAll());
  await eventually(async () => assert.equal((await placeholders(ctx.page)).length, 2));
  // By keyboard: the placeholder's first button is reachable with Tab and works with Enter.
  const allow = ctx.page
    .locator('.consent-guard-placeholder')
    .first()
    .getByRole('button', { name: 'Разрешить и показать' });
  await allow.focus();
  await ctx.page.keyboard.press('Enter');
  await eventually(async () => assert.equal((await placeholders(ctx.page)).length, 1));
  const { purposes } = await ctx.page.evaluate(() => ConsentGuard.get());
  assert.deepEqual(purposes, { necessary: true, analytics: false, session_recording: false, marketing: true });
  assert.deepEqual(await frame(ctx.page, 'video'), { src: 'https://www.youtube.com/embed/namo-cafe', shown: true });
  assert.equal((await placeholders(ctx.page))[0].before, 'map', 'the analytics frame stays held');
  assert.equal((await frame(ctx.page, 'map')).src, null);
  // The receipt says how the visitor decided.
  const payload = await eventually(async () => {
    const list = await ctx.page.evaluate(() => ConsentGuard.receipts());
    assert.equal(list.length, 2, 'the refusal, then the embed');
    const payloads = list.map((r) => JSON.parse(Buffer.from(r.jws.split('.')[1], 'base64url').toString()));
    return payloads.sort((a, b) => a.seq - b.seq)[1];
  }, 5000);
  assert.deepEqual(payload.collectionMethod, { button: 'allow_embed', layer: 'embed' });

  // "Settings" opens the banner's settings layer.
  await ctx.page.locator('.consent-guard-placeholder').getByRole('button', { name: 'Настроить' }).click();
  const root = ctx.page.locator('#consent-guard-banner');
  await root.getByRole('dialog').waitFor({ state: 'visible' });
  await ctx.context.close();
});

test('a stored decision that allows the purpose shows the frame at once, without a placeholder', async () => {
  const ctx = await open(env.browser, url('embeds.html'));
  await ready(ctx.page);
  await ctx.page.evaluate(() => ConsentGuard.set({ marketing: true, analytics: true }));
  const next = await ctx.context.newPage();
  await next.goto(url('embeds.html'));
  await ready(next);
  await settle(next, 300);
  assert.deepEqual(await placeholders(next), []);
  assert.equal((await frame(next, 'video')).src, 'https://www.youtube.com/embed/namo-cafe');
  assert.equal((await frame(next, 'map')).shown, true);
  const fetched = await next.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('consent-guard-notices')),
  );
  assert.equal(fetched, false, 'nothing to show: the notices module is not downloaded');
  await ctx.context.close();
});

test('notices module missing: the frames stay held, and the console says why', async () => {
  const ctx = await open(env.browser, url('embeds.html'), { coreMissing: false });
  await ctx.context.route('**/consent-guard-notices.js', (route) => route.fulfill({ status: 404, body: '' }));
  await ctx.page.reload();
  await ready(ctx.page);
  await settle(ctx.page, 300);
  assert.deepEqual(await placeholders(ctx.page), []);
  assert.equal((await frame(ctx.page, 'video')).src, null);
  assert.ok(
    ctx.consoleMessages.some(
      (m) => m.type === 'error' && m.text.includes('consent-guard-notices.js could not be loaded'),
    ),
    JSON.stringify(ctx.consoleMessages),
  );
  await ctx.context.close();
});
