// Writes the registry's long tail (wasm/include/cg/long_tail.h) from npm third-party-web (MIT,
// Patrick Hulce; the entity data Lighthouse uses): one line per entity of a tracking category,
// "<category>\t<host> <host> ...", after "third-party-web <version>". The entities' names are
// left out: they would double the bytes a page downloads (20 KB gzip instead of 11). Which
// categories count, and as which purpose, is the core's to say (long_tail_purpose); this only
// leaves out the categories the data set itself calls non-tracking, to keep the file small.
// Usage: node scripts/gen-long-tail.mjs OUTPUT.txt
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const TRACKING = new Set(['ad', 'analytics', 'social', 'marketing', 'tag-manager']);
const { version } = require('third-party-web/package.json');
const entities = JSON.parse(readFileSync(require.resolve('third-party-web/dist/entities-nostats.json'), 'utf8'));

const lines = [`third-party-web ${version}`];
for (const e of entities) {
  if (!TRACKING.has(e.category)) continue;
  lines.push(`${e.category}\t${e.domains.map((d) => d.toLowerCase()).join(' ')}`);
}
writeFileSync(process.argv[2], lines.join('\n') + '\n');
