// The shared vectors (tests/vectors/*.json) against the WebAssembly build of the core;
// tests/unit/vectors_test.cpp runs the same files natively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore, loadMasking, root } from './core.mjs';

const Module = await loadCore();
const Masking = await loadMasking();
const dir = join(root, 'tests/vectors');

// A JSON-text argument: {"$raw": text} passes text as is, null passes "", else serialised.
const jsonArg = (v) =>
  v === null
    ? ''
    : v && typeof v === 'object' && Object.keys(v).length === 1 && '$raw' in v
      ? v.$raw
      : JSON.stringify(v);

function call(core, name, a) {
  const out = {
    configure: () => core.configure(jsonArg(a[0]), jsonArg(a[1]), jsonArg(a[2])),
    classifyUrl: () => core.classifyUrl(a[0]),
    classifyInline: () => core.classifyInline(a[0]),
    restore: () => core.restore(a[0], a[1]),
    decide: () => core.decide(jsonArg(a[0]), a[1]),
    state: () => core.state(),
    purge: () => core.purge(a[0], jsonArg(a[1]), a[2]),
    text: () => core.text(a[0]),
    banner: () => core.banner(jsonArg(a[0])),
    mask: () => Masking.mask(jsonArg(a[0])), // the masking module: no core state
  }[name]();
  try {
    return JSON.parse(out);
  } catch {
    return { $text: out };
  }
}

// Every key of `expected` must be in `actual` with a matching value; arrays match in full;
// {"$match": regex} matches a string that varies (a random id).
function assertSubset(expected, actual, where = '') {
  if (expected && typeof expected === 'object' && '$match' in expected) {
    assert.match(String(actual), new RegExp(expected.$match), where);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${where}: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => assertSubset(e, actual[i], `${where}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${where}: ${JSON.stringify(actual)}`);
    for (const key of Object.keys(expected)) assertSubset(expected[key], actual[key], `${where}.${key}`);
  } else {
    assert.deepEqual(actual, expected, where);
  }
}

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const c of doc.cases) {
    test(`${file}: ${c.name}`, () => {
      Module.reset(); // a fresh core per case
      const core = Module;
      if (doc.setup) {
        const s = doc.setup;
        assert.equal(call(core, 'configure', [s.attributes, s.config, s.page]).ok, true);
      }
      for (const step of c.steps || [c]) assertSubset(step.expect, call(core, step.call, step.args), step.call);
    });
  }
}
