#!/usr/bin/env bash
# Sets up, builds, and serves the demo café site with the guard at http://127.0.0.1:8080/
# (PORT=... to change it), and the receipt collector on its embedded default store (SQLite in
# build/demo-collector/), which the demo server proxies at /consent/receipts as nginx would.
# Stop both with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
# Only what the demo needs: the collector's packages and build. The guard's files are the
# committed dist/ (scripts/build.sh rebuilds them, and the test suite checks they match).
bash scripts/setup.sh demo
cmake -S . -B build/demo -DCMAKE_BUILD_TYPE=Release -DCG_DEMO_ONLY=ON >/dev/null
cmake --build build/demo -j"$(nproc)" --target cg-collector

port=${PORT:-8080}
collector_port=${COLLECTOR_PORT:-8787}
collector=build/demo/operator/collector/cg-collector
sites=(--site "http://127.0.0.1:$port" --site "http://localhost:$port")
"$collector" init --data-dir build/demo-collector "${sites[@]}" >/dev/null
"$collector" serve --data-dir build/demo-collector "${sites[@]}" --listen "127.0.0.1:$collector_port" \
  2>build/demo-collector/serve.log &
collector_pid=$!
trap 'kill $collector_pid 2>/dev/null || true' EXIT
echo "collector: http://127.0.0.1:$collector_port/ (log: build/demo-collector/serve.log; check the log: $collector verify --data-dir build/demo-collector)"
COLLECTOR="http://127.0.0.1:$collector_port" node scripts/serve-demo.mjs
