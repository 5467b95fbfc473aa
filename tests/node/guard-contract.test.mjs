// The shared guard object is described once, in js/guard.d.ts (issue 19): every member the code
// uses is described there, and everything described there is used. Read from the sources, so a
// member added on the way (guard.something = ...) without its description fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './core.mjs';

function sources(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

function membersUsed() {
  const used = new Map(); // member -> first file
  for (const file of sources('js')) {
    const text = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$/gm, ''); // not comments
    for (const m of text.matchAll(/(?<![\w$./'-])guard\.([A-Za-z_$][\w$]*)/g))
      if (!used.has(m[1])) used.set(m[1], file);
    // guard[hook]: the hooks chunkLoader is given.
    for (const m of text.matchAll(/chunkLoader\(\s*guard\s*,\s*'[^']+'\s*,\s*'([^']+)'/g)) used.set(m[1], file);
  }
  // createGuard's object literal: its keys are members too.
  const create = readFileSync(join(root, 'js/loader/guard.js'), 'utf8');
  const literal = create.slice(
    create.indexOf('const guard = {'),
    create.indexOf('\n  };', create.indexOf('const guard = {')),
  );
  for (const m of literal.matchAll(/^ {4}([A-Za-z_$][\w$]*)(?:[:,(]| \()/gm))
    if (!used.has(m[1])) used.set(m[1], 'js/loader/guard.js');
  return used;
}

function membersDescribed() {
  const text = readFileSync(join(root, 'js/guard.d.ts'), 'utf8');
  const body = text.slice(text.indexOf('export interface Guard {'));
  const block = body.slice(0, body.indexOf('\n}\n'));
  return new Set([...block.matchAll(/^ {2}([A-Za-z_$][\w$]*)\??[:(]/gm)].map((m) => m[1]));
}

test('every member of the guard the code uses is described in js/guard.d.ts, and nothing more', () => {
  const used = membersUsed();
  const described = membersDescribed();
  assert.ok(used.size > 30, `only ${used.size} members found: the scan is broken`);
  const undescribed = [...used].filter(([name]) => !described.has(name)).map(([name, file]) => `${name} (${file})`);
  assert.deepEqual(undescribed, [], 'used but not described');
  const unused = [...described].filter((name) => !used.has(name));
  assert.deepEqual(unused, [], 'described but never used');
});
