// Bytes of each dist file (raw, gzip -9, brotli -q 11), of the render-blocking part, and of
// everything a first-time visitor downloads. Run after scripts/build.sh: node bench/sizes.mjs
// With --check (CI), exits non-zero when a budget is missed, so a change cannot quietly spend it.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// Piped into head: stop quietly when the reader has had enough.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');
const KB = (n) => (n / 1024).toFixed(1).padStart(6) + ' KB';
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const rows = readdirSync(dist)
  .filter((f) => !f.endsWith('.d.ts'))
  .sort()
  .map(measure);
const sum = (files, key) => rows.filter((r) => files.includes(r.file)).reduce((n, r) => n + r[key], 0);
const blocking = ['consent-guard.js'];
const firstVisit = ['consent-guard.js', 'consent-guard-core.js', 'consent-guard-core.wasm'];
// Loaded only after a decision: masking once a purpose is allowed, receipts after any decision.
const masking = ['consent-guard-masking.js', 'consent-guard-masking.wasm'];
const receipts = ['consent-guard-receipts.js', 'consent-guard-receipts.wasm'];
// Loaded by a page with a frame held by hand, or after a withdrawal.
const notices = ['consent-guard-notices.js'];

console.log('file                            raw        gzip -9    brotli');
for (const r of rows) console.log(`${r.file.padEnd(28)}${KB(r.raw)}  ${KB(r.gzip)}  ${KB(r.brotli)}`);
let missed = 0;
// Budgets: issue 17 asks for 4 KB and 50 KB. Closing issue 18's fail-opens cost 0.4 KB of loader
// and 0.7 KB of first visit; issue 13's registry growth (22 services instead of 11, Metrica's
// subdomains, the harmless hosts), the wait for the core on another site's hosts, VK's stand-in
// and the core answering for every request, frame, cookie and storage key cost 0.45 KB of
// loader and 5.3 KB of first visit (the long tail itself is loaded only on demand). These
// budgets allow that until issue 17's start-path work wins it back.
for (const [label, files, target] of [
  ['render-blocking (loader)', blocking, 5],
  ['first visit, everything', firstVisit, 56.5],
  ['long tail, on demand', ['consent-guard-long-tail.js']],
  ['after a decision: masking', masking],
  ['after a decision: receipts', receipts],
  ['notices: frames, withdrawal', notices],
]) {
  const gz = sum(files, 'gzip');
  if (target && gz > target * 1024) missed++;
  const verdict = target ? `   target <= ${target} KB gzip: ${gz <= target * 1024 ? 'met' : 'MISSED'}` : '';
  console.log(`${label.padEnd(28)}${KB(sum(files, 'raw'))}  ${KB(gz)}  ${KB(sum(files, 'brotli'))}${verdict}`);
}

if (process.argv.includes('--check')) process.exit(missed ? 1 : 0);

// The shares of the banner (issue 3) and of form consent (issue 4) in consent-guard-core.js,
// and of masking's JS in consent-guard-masking.js: each part's JS bundled alone.
for (const [label, entry] of [
  ['banner UI (in core.js)', 'js/runtime/banner/index.js'],
  ['masking JS (in masking.js)', 'js/masking/observe.js'],
  ['form consent (in core.js)', 'js/runtime/forms.js'],
]) {
  const bytes = (
    await build({ entryPoints: [join(dist, '..', entry)], bundle: true, minify: true, format: 'esm', write: false })
  ).outputFiles[0].contents;
  console.log(
    `${label.padEnd(28)}${KB(bytes.length)}  ${KB(gzipSync(bytes, { level: 9 }).length)}  ${KB(brotliCompressSync(bytes).length)}`,
  );
}
