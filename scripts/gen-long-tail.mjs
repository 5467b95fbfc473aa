// Writes the registry's long tail (wasm/include/cg/long_tail.h) from npm third-party-web (MIT,
// Patrick Hulce; the entity data Lighthouse uses): one line "<category>\t<host>" per host of an
// entity of a tracking category, sorted by host ("*.x", x and its subdomains, sorts as x), after
// "third-party-web <version>". Sorted here, the core only checks the order (a sort would cost
// the first visit 2 KB of wasm). The entities' names are left out: they would double the bytes
// a page downloads (20 KB gzip instead of 11). Which
// categories count, and as which purpose, is the core's to say (long_tail_purpose); this only
// leaves out the categories the data set itself calls non-tracking, to keep the file small.
// Usage: node scripts/gen-long-tail.mjs OUTPUT.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TRACKING = new Set(['ad', 'analytics', 'social', 'marketing', 'tag-manager']);
const { version } = require('third-party-web/package.json');
const entities = JSON.parse(readFileSync(require.resolve('third-party-web/dist/entities-nostats.json'), 'utf8'));

const byHost = new Map(); // a host two entities name keeps the first's category
for (const e of entities) {
  if (!TRACKING.has(e.category)) continue;
  for (const domain of e.domains) {
    const host = domain.toLowerCase();
    const key = host.replace(/^\*\./, '');
    if (!byHost.has(key)) byHost.set(key, `${e.category}\t${host}`);
  }
}
const keys = [...byHost.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const lines = [`third-party-web ${version}`, ...keys.map((k) => byHost.get(k))];
writeFileSync(process.argv[2], lines.join('\n') + '\n');
