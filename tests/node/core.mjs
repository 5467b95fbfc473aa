// Loads the WebAssembly core's node build (same C++ as dist/) for node tests.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// name: the node build's base name in build/wasm/wasm.
function load(name) {
  const dir = join(root, 'build/wasm/wasm');
  const factory = require(join(dir, name + '.cjs'));
  // Emscripten 3.1.6 tries fetch() on a file path under node 20: hand it the bytes.
  return factory({ wasmBinary: readFileSync(join(dir, name + '.wasm')) });
}

export const loadCore = () => load('consent-guard-core-node');
export const loadMasking = () => load('consent-guard-masking-node');
