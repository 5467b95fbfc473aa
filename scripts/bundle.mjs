// Bundles the JavaScript into dist/: the synchronous loader (consent-guard.js) and the
// asynchronous core (Emscripten's glue + the runtime, consent-guard-core.js, next to
// consent-guard-core.wasm). Expects build/ from scripts/build.sh.
import { build } from 'esbuild';
import { minify } from 'terser';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(root, ...p);
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
const banner = `/*! consent-guard ${version} | MIT */`;

const common = { bundle: true, minify: true, format: 'iife', target: 'es2018', write: false, legalComments: 'none' };

// esbuild bundles; terser's second look saves another 4-5% gzip (0.8 KB of the first visit).
// Only its safe transforms: the loader reads getters for their side effects (a cross-origin
// frame's document throws), which pure_getters or unsafe would drop.
async function bundle(entry, extra = {}) {
  const result = await build({ ...common, entryPoints: [at(entry)], ...extra });
  return tersely(result.outputFiles[0].text);
}
async function tersely(code) {
  return (await minify(code, { compress: { passes: 2 }, mangle: { toplevel: true }, format: { comments: false } }))
    .code;
}

const loaderData = at('build/gen/loader-data.js');
const loader = await bundle('js/loader/index.js', {
  plugins: [
    {
      name: 'loader-data',
      setup(b) {
        b.onResolve({ filter: /^cg:loader-data$/ }, () => ({ path: loaderData }));
      },
    },
  ],
});
const runtime = await bundle('js/runtime/index.js');
const glue = readFileSync(at('build/wasm/wasm/consent-guard-core.js'), 'utf8');

mkdirSync(at('dist'), { recursive: true });
writeFileSync(at('dist/consent-guard.js'), banner + '\n' + loader);
// One scope for both, so the glue's factory is not left on window.
writeFileSync(
  at('dist/consent-guard-core.js'),
  banner + '\n' + (await tersely('(function(){' + glue + '\n' + runtime + '})();')) + '\n',
);
copyFileSync(at('build/wasm/wasm/consent-guard-core.wasm'), at('dist/consent-guard-core.wasm'));
// The modules the runtime loads only after the visitor has decided: each is its glue and its
// JS in one scope, next to its wasm.
// The masking code imports how the guard reads a page (cg:page-reading) from the core's rules.
const pageReading = {
  name: 'page-reading',
  setup(b) {
    b.onResolve({ filter: /^cg:page-reading$/ }, () => ({ path: at('build/gen/page-reading.js') }));
  },
};
for (const name of ['receipts', 'masking']) {
  const glue = readFileSync(at(`build/wasm/wasm/consent-guard-${name}.js`), 'utf8');
  const js = await bundle(`js/${name}/index.js`, { plugins: [pageReading] });
  writeFileSync(
    at(`dist/consent-guard-${name}.js`),
    banner + '\n' + (await tersely('(function(){' + glue + '\n' + js + '})();')) + '\n',
  );
  copyFileSync(at(`build/wasm/wasm/consent-guard-${name}.wasm`), at(`dist/consent-guard-${name}.wasm`));
}
// What the guard shows on the page besides its banner (no wasm): loaded when a page needs it.
writeFileSync(at('dist/consent-guard-notices.js'), banner + '\n' + (await bundle('js/notices/index.js')));
// The registry's long tail (scripts/gen-long-tail.mjs), loaded by the runtime only when a page
// meets a third-party host the core does not know: its text, handed to the guard.
const longTail = readFileSync(at('build/gen/long-tail.txt'), 'utf8');
const tailSource = longTail.slice(0, longTail.indexOf('\n'));
writeFileSync(
  at('dist/consent-guard-long-tail.js'),
  `${banner.slice(0, -3)} | data: ${tailSource}, MIT, (c) 2019 Patrick Hulce */\n` +
    `(function(g){g&&g.onLongTail&&g.onLongTail(${JSON.stringify(longTail)})})(window[Symbol.for('consent-guard')]);\n`,
);
copyFileSync(at('js/consent-guard.d.ts'), at('dist/consent-guard.d.ts'));
// The banner's CSS as a file, for browsers without constructable stylesheets (Safari < 16.4).
const { CSS } = await import(at('js/runtime/banner/styles.js'));
writeFileSync(at('dist/consent-guard.css'), CSS.trim() + '\n');
