#!/usr/bin/env bash
# Builds everything from source: the native core (tests, tools), the WebAssembly core, and
# the bundled dist/ files. Run scripts/setup.sh first on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-path.sh
jobs=$(nproc)
mkdir -p build/gen
# The registry's long tail, from npm third-party-web (the native tests read it too).
node scripts/gen-long-tail.mjs build/gen/long-tail.txt

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"

build/native/wasm/cg-gen-loader-data build/gen/loader-data.js
build/native/wasm/cg-gen-page-reading build/gen/page-reading.js
node scripts/bundle.mjs
echo "build: dist/ is up to date"
