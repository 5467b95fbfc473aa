// Loads the WebAssembly core's node build (same C++ as dist/) for node tests.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bridge } from '../../js/runtime/core-bridge.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// name: the node build's base name in build/wasm/wasm.
function load(name) {
  const dir = join(root, 'build/wasm/wasm');
  const factory = require(join(dir, name + '.cjs'));
  // Emscripten 3.1.6 tries fetch() on a file path under node 20: hand it the bytes.
  return factory({ wasmBinary: readFileSync(join(dir, name + '.wasm')) });
}

// The core's calls through the same bridge as the browser's runtime.
// reset() starts over with a fresh core (cg_reset: the node build's only).
export const loadCore = async () => {
  const module = await load('consent-guard-core-node');
  return Object.assign(bridge(module), { reset: () => module._cg_reset() });
};
export const loadMasking = () => load('consent-guard-masking-node');
