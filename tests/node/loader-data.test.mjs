// The loader's generated copy of the registry must classify exactly as the core does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore, root } from './core.mjs';

const Module = await loadCore();
const data = (await import(join(root, 'build/gen/loader-data.js'))).default;
const BITS = { analytics: 1, session_recording: 2, marketing: 4 };

// The loader's own rule (js/loader/guard.js purposeOf), minus the URL parsing.
function loaderPurpose(url) {
  const u = new URL(url);
  if (!/^(https?|wss?):$/.test(u.protocol)) return 0;
  const target = u.hostname.replace(/\.$/, '') + u.pathname + u.search;
  for (const [re, bit] of data.h) if (re.test(target)) return bit;
  return 0;
}

function corePurpose(core, url) {
  const v = JSON.parse(core.classifyUrl(url));
  return v.tracker ? BITS[v.purpose] : 0;
}

function urlsToCheck() {
  const urls = new Set();
  const vectors = JSON.parse(readFileSync(join(root, 'tests/vectors/urls.json'), 'utf8'));
  for (const c of vectors.cases) {
    try {
      const u = new URL(c.args[0]);
      urls.add(u.href);
    } catch {
      // relative or empty: only absolute URLs reach the loader's rules
    }
  }
  // Every host the registry names, with and without a subdomain, on a few paths.
  const hosts = new Set();
  for (const [re] of data.h)
    for (const m of re.source.matchAll(/([a-z0-9-]+(?:\\\.[a-z0-9-]+)+)/g)) hosts.add(m[1].replace(/\\\./g, '.'));
  const paths = [
    '/',
    '/watch/1',
    '/webvisor/1',
    '/pixel/1',
    '/gtag/js?id=G-1',
    '/gtag/js?id=AW-1',
    '/gtm.js?id=GTM-1',
    '/tr?id=1',
    '/rtrg?p=1',
    '/npm/yandex-metrica-watch/tag.js',
    '/js/api/openapi.js',
    '/ccm/collect',
    '/pagead/1',
    '/trap',
  ];
  for (const host of hosts) {
    for (const prefix of ['', 'www.', 'x.']) for (const path of paths) urls.add(`https://${prefix}${host}${path}`);
    urls.add(`https://${host}.evil.example/watch/1`);
    urls.add(`https://not${host}/watch/1`);
    urls.add(`wss://${host}/solid.ws`);
  }
  return [...urls];
}

test('loader rules and core agree on every registry host and vector URL', () => {
  Module.reset();
  const core = Module;
  const urls = urlsToCheck();
  assert.ok(urls.length > 500, `only ${urls.length} URLs`);
  let trackers = 0;
  for (const url of urls) {
    const expected = corePurpose(core, url);
    if (expected) trackers++;
    assert.equal(loaderPurpose(url), expected, url);
  }
  assert.ok(trackers > 200, `only ${trackers} tracker URLs among ${urls.length}`);
});

test('loader cookie and storage rules agree with the core purge plan', () => {
  Module.reset();
  const core = Module;
  core.configure('{"site":"a","policyVersion":"1"}', '', '{"hostname":"namo.kz"}');
  const names = [
    '_ym_uid',
    '_ym_d',
    '_ym_visorc',
    '_ga',
    '_ga_ABC',
    '_gid',
    '_gat',
    '_gat_UA1',
    '_gcl_au',
    '_gac_1',
    '_fbp',
    '_fbc',
    '_ttp',
    'ttcsid_X',
    'tmr_lvid',
    '_clck',
    '_clsk',
    'CLID',
    '_hjSession_1',
    'yandexuid',
    '_dc_gtm_UA1',
    'PHPSESSID',
    'cg_consent',
    'cart',
    '_gax',
    'ga',
    'fbp',
    '_ym',
    '_gcl_ls',
    '_ym98765432_lastHit',
    '_hjid',
  ];
  const byName = (rules, name) => rules.reduce((bit, [re, b]) => bit || (re.test(name) ? b : 0), 0);
  for (const bit of [1, 2, 4]) {
    const plan = JSON.parse(core.purge(names.map((n) => n + '=1').join('; '), JSON.stringify(names), bit));
    const cookies = new Set(plan.cookies.map((c) => c.name));
    const storage = new Set(plan.storage);
    for (const name of names) {
      assert.equal(byName(data.c, name) === bit, cookies.has(name), `cookie ${name} for purpose bit ${bit}`);
      assert.equal(byName(data.s, name) === bit, storage.has(name), `storage key ${name} for purpose bit ${bit}`);
    }
  }
});

// The loader's frame rule (js/loader/guard.js frameBlocks, with nothing allowed) against the
// same vectors the native core passes (tests/unit/classify_test.cpp).
test("the loader's copy classifies WebSocket frames as the core's frame rules do", () => {
  const { cases } = JSON.parse(readFileSync(join(root, 'tests/vectors/loader/frames.json'), 'utf8'));
  for (const c of cases) {
    const u = new URL(c.url);
    const target = u.hostname.replace(/\.$/, '') + u.pathname + u.search;
    let bits = loaderPurpose(c.url);
    for (const [re, marker, bit] of data.w) if (re.test(target) && c.frame.includes(marker)) bits |= bit;
    assert.equal(bits, c.bits, c.name);
  }
});
