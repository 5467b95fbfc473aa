// Forms named in the configuration (issue 4): no submission without the consent checkbox, in
// the page's language with the policy link, and the decision id in the hidden field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowser, open, ready, eventually } from './harness.mjs';

const env = withBrowser();
const url = (page) => `${env.server.origin}/pages/${page}`;

test('named forms do not send without the consent checkbox, then carry the decision id', async () => {
  const ctx = await open(env.browser, url('forms.html'));
  assert.equal(await ready(ctx.page), true);
  const page = ctx.page;
  const label = await page.locator('#booking .consent-guard-form-consent').innerText();
  assert.match(label, /Дербес деректерімді өңдеуге келісемін/);
  assert.equal(await page.locator('#booking .consent-guard-form-consent a').getAttribute('href'), '/privacy.html');
  assert.equal(await page.locator('#other .consent-guard-form-consent').count(), 0, 'other forms untouched');

  // Unticked: neither the plain form nor the Tilda-style script submission goes out.
  await page.locator('#tilda .t-submit').click();
  await page.locator('#booking button').click();
  // The refusal shows as the checkbox's validation message; then nothing has gone out.
  await eventually(async () => {
    const message = await page.evaluate(
      () => document.querySelector('#tilda [name=consent_personal_data]').validationMessage,
    );
    assert.match(message, /келісетініңізді белгілеңіз/);
  });
  assert.equal(page.url(), url('forms.html'));
  assert.deepEqual(await page.evaluate(() => window.sent), []);
  // Other buttons of the form still work.
  await page.locator('#more').click();
  assert.equal(await page.evaluate(() => window.moreClicks), 1);

  // After a decision and the tick, the submission carries the decision id.
  const state = await page.evaluate(() => ConsentGuard.acceptAll());
  assert.match(state.decisionId, /^[A-Za-z0-9_-]{22}$/);
  await page.locator('#tilda [name=consent_personal_data]').check();
  await page.locator('#tilda .t-submit').click();
  const sent = await page.evaluate(() => window.sent);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].data.consent_id, state.decisionId);
  assert.equal(sent[0].data.consent_personal_data, 'yes');

  await page.locator('#booking [name=consent_personal_data]').check();
  await Promise.all([page.waitForURL(/plain\.html/), page.locator('#booking button').click()]);
  const query = new URL(page.url()).searchParams;
  assert.equal(query.get('consent_id'), state.decisionId);
  assert.equal(query.get('consent_personal_data'), 'yes');
});

// The 1-in-4 race of issue 16: the core was ready while the parser was inside the form's actions
// block, before its button; the box was appended to the form, and the button parsed into the
// block before it. Here the page arrives in two parts, the second (the button and the rest)
// only once the guard is ready, every time.
test('the consent box goes before the submit button even when the core is ready mid-form (20 loads)', async () => {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { root } = await import('./harness.mjs');
  const TYPES = { js: 'text/javascript', wasm: 'application/wasm', css: 'text/css' };
  let release = () => {};
  const server = createServer(async (req, res) => {
    if (req.url.startsWith('/consent-guard/')) {
      const file = req.url.slice('/consent-guard/'.length).split('?')[0];
      const body = await readFile(join(root, 'dist', file)).catch(() => null);
      res.writeHead(body ? 200 : 404, { 'content-type': TYPES[file.split('.').pop()] || 'text/plain' });
      return res.end(body || '');
    }
    if (req.url === '/go') {
      release();
      return res.writeHead(204).end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(`<!doctype html><html lang="ru"><head>
<script type="application/json" id="consent-guard-config">{"forms": {"selector": "form.t-form"}, "banner": {"enabled": false}}</script>
<script src="/consent-guard/consent-guard.js" data-site="test-site" data-policy-version="2026-04-04"></script>
<meta charset="utf-8"></head><body>
<form class="t-form" id="f" action="javascript:void 0"><div class="t-form__inputsbox">
<input name="name"><input name="phone">
</div><div class="t-form__submit">
<script>ConsentGuard.ready.then(() => fetch('/go'));</script>
${' '.repeat(2048)}`);
    await new Promise((resolve) => (release = resolve));
    res.end(`<button type="submit">Отправить</button></div></form>
<p>after the form</p></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  try {
    for (let i = 0; i < 20; i++) {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      await page.goto(origin + '/form.html');
      await page.waitForSelector('#f .consent-guard-form-consent');
      const before = await page.evaluate(() => {
        const label = document.querySelector('#f .consent-guard-form-consent');
        const button = document.querySelector('#f button');
        return !!(label.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.equal(before, true, `load ${i + 1}: the box is after the button`);
      await context.close();
    }
  } finally {
    server.close();
  }
});
