// Loads the WebAssembly core's node build (same C++ as dist/) for node tests.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

export async function loadCore() {
  const dir = join(root, 'build/wasm/wasm');
  const factory = require(join(dir, 'consent-guard-core-node.cjs'));
  // Emscripten 3.1.6 tries fetch() on a file path under node 20: hand it the bytes.
  return factory({ wasmBinary: readFileSync(join(dir, 'consent-guard-core-node.wasm')) });
}
