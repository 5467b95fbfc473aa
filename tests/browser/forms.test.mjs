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
    assert.match(message, /келісіміңізді белгілеңіз/);
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
