import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, ready, settle, trackerRequests, trackerCookies, standins } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); server.close(); });

test('smoke: metrica held, then accepted', async () => {
  const { context, page, log, consoleMessages, errors } = await open(browser, server.origin + '/pages/metrica-current.html');
  assert.equal(await ready(page), true);
  await settle(page);
  console.log(JSON.stringify({ log, consoleMessages, errors, cookies: await trackerCookies(context), s: await standins(page) }, null, 1));
  await page.evaluate(() => ConsentGuard.acceptAll());
  await settle(page);
  console.log(JSON.stringify({ log, cookies: await trackerCookies(context), s: await standins(page), g: await page.evaluate(() => window.goalCallbackFired) }, null, 1));
  await context.close();
});
