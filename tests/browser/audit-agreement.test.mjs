// cg-audit reads a saved page as the guard's masking reads it in the browser (issue 19): for the
// same pages, the browser's describeField() (js/masking/describe.js, with the core's
// page-reading rules) and cg-audit's description of every field must be the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBrowser, root } from './harness.mjs';

const env = withBrowser();

// describe.js as a function in the page: its import of the page-reading rules replaced by the
// generated module's text, its exports by plain declarations.
const describeSource = () => {
  const rules = readFileSync(join(root, 'build/gen/page-reading.js'), 'utf8').replace(/^export /gm, '');
  const describe = readFileSync(join(root, 'js/masking/describe.js'), 'utf8')
    .replace(/^import .*$/m, rules)
    .replace(/^export /gm, '');
  return `(() => { ${describe}; return describeField; })()`;
};

// The pages as saved (the guard's tag taken out: it adds its own consent checkbox to forms).
const PAGES = [
  ['demo/index.html', '/index.html'],
  ['tests/browser/pages/masking.html', '/pages/masking.html'],
  ['tests/browser/pages/masking-edge.html', '/pages/masking-edge.html'],
  ['tests/browser/pages/forms.html', '/pages/forms.html'],
  ['demo/kk/index.html', '/kk/index.html'],
  ['demo/en/index.html', '/en/index.html'],
  ['tests/browser/pages/hosted.html', '/pages/hosted.html'],
];

for (const [file, path] of PAGES) {
  test(`${file}: the browser and cg-audit describe every field alike`, async () => {
    const html = readFileSync(join(root, file), 'utf8');
    const context = await env.browser.newContext();
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === path)
        return route.fulfill({
          contentType: 'text/html',
          body: html.replace(/<script[^>]*consent-guard\.js[^>]*><\/script>/, ''),
        });
      if (url.hostname !== '127.0.0.1') return route.fulfill({ status: 204 });
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(env.server.origin + path);
    const inBrowser = await page.evaluate((source) => {
      const describeField = (0, eval)(source);
      return Array.from(document.querySelectorAll('input,textarea,select'), (el) => {
        const { mark, ...described } = describeField(el);
        return described;
      });
    }, describeSource());
    await context.close();
    const audit = JSON.parse(
      execFileSync(join(root, 'build/native/operator/audit/cg-audit'), ['--json', '--all', join(root, file)], {
        encoding: 'utf8',
      }),
    );
    const byAudit = audit.filter((f) => f.target === 'field' && f.frame === '').map((f) => f.field);
    assert.ok(inBrowser.length > 0, 'the page has fields');
    assert.deepEqual(byAudit, inBrowser);
  });
}
