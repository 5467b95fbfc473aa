#!/usr/bin/env bash
# Sets up, builds from source, and runs every test: formatting, dist/ freshness, the native
# Catch2 suite (with the shared vectors), the same under ASan and UBSan, node tests of the
# WebAssembly core, the type declarations, and the browser tests in headless Chromium.
# Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
source scripts/node-path.sh
bash scripts/build.sh || exit 1

passed=0
failed=0
log=$(mktemp -d)

# check NAME COMMAND...: a single pass/fail check.
check() {
  local name=$1
  shift
  if "$@" >"$log/$name.txt" 2>&1; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name"
    tail -n 40 "$log/$name.txt"
  fi
}

# suite NAME COMMAND...: a test runner whose own counts are added up.
suite() {
  local name=$1
  shift
  "$@" >"$log/$name.txt" 2>&1
  local status=$? p f
  if [ "$1" != ctest ]; then # node --test
    p=$(awk '/^# pass /{print $3}' "$log/$name.txt")
    f=$(awk '/^# fail /{print $3}' "$log/$name.txt")
  else # ctest: "100% tests passed, 0 tests failed out of 24"
    f=$(sed -n 's/.* \([0-9]*\) tests failed out of \([0-9]*\).*/\1/p' "$log/$name.txt")
    p=$(($(sed -n 's/.* tests failed out of \([0-9]*\).*/\1/p' "$log/$name.txt") - f))
  fi
  if [ -z "$p" ] || [ -z "$f" ]; then p=0 f=1; fi
  [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1 # a runner that crashed counts as a failure
  passed=$((passed + p))
  failed=$((failed + f))
  echo "$( [ "$f" -eq 0 ] && echo "ok  " || echo "FAIL") $name: $p passed, $f failed"
  [ "$f" -eq 0 ] || grep -E -B2 -A25 '^not ok|FAILED|Failed' "$log/$name.txt" | head -n 120
}

dist_is_fresh() { git diff --exit-code --stat -- dist && [ -z "$(git ls-files --others --exclude-standard dist)" ]; }
cpp_sources() { git ls-files 'wasm/*.cpp' 'wasm/*.h' 'tests/unit/*.cpp'; }

check dist-matches-fresh-build dist_is_fresh
check clang-format bash -c 'clang-format --dry-run -Werror $(git ls-files "*.cpp" "*.h")'
check prettier npx prettier --check js scripts tests/node tests/browser bench
check type-declarations npx tsc -p tests/types
check size-budgets node bench/sizes.mjs --check
suite native-core ctest --test-dir build/native --output-on-failure
check sanitizers bash scripts/sanitize.sh
suite wasm-core node --test tests/node/
suite browser node --test --test-concurrency=1 tests/browser/

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
