#!/usr/bin/env bash
# Sets up, builds, and serves the demo café site with the guard at http://127.0.0.1:8080/
# (PORT=... to change it). Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve-demo.mjs
