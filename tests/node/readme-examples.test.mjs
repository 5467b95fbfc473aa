// The README's example commands print what the README says they print (issue 16: its cg-audit
// example had drifted). Every fenced block whose first line is "$ build/native/..." is run from
// the project's root, and its output compared with the block's other lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './core.mjs';

const blocks = [
  ...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^```\n\$ (build\/native\/[^\n]+)\n([\s\S]*?)^```$/gm),
];

test('the README has example commands to check', () => assert.ok(blocks.length >= 1));

for (const [, command, expected] of blocks) {
  test(`README: ${command}`, () => {
    const [file, ...args] = command.split(' ');
    const output = execFileSync(join(root, file), args, { cwd: root, encoding: 'utf8' });
    assert.equal(output, expected);
  });
}
