// The browser's copy of the page-reading rules (build/gen/page-reading.js, generated from
// cg/page_reading.h) against the vectors the native rule passes (tests/unit/page_reading_test.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './core.mjs';

const rules = await import(join(root, 'build/gen/page-reading.js'));

test("the generated pre-filter agrees with the native one's vectors", () => {
  const { cases } = JSON.parse(readFileSync(join(root, 'tests/vectors/page-reading/prefilter.json'), 'utf8'));
  assert.ok(cases.length > 10);
  for (const c of cases) assert.equal(rules.MAYBE_PERSONAL.test(c.text), c.maybe, JSON.stringify(c.text));
});
