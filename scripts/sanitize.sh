#!/usr/bin/env bash
# The native suite under AddressSanitizer and UndefinedBehaviorSanitizer (clang from Debian):
# the core's unit tests with the shared vectors, and the collector's tests on SQLite (the
# PostgreSQL ones need the ctest fixture; the fuzzer in the main suite has both sanitizers).
# Builds build/sanitize; exits non-zero on any failure or sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCG_SANITIZE=ON >/dev/null
cmake --build build/sanitize -j"$(nproc)" --target cg_unit_tests cg_collector_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build/sanitize/tests/cg_unit_tests
build/sanitize/tests/collector/cg_collector_tests '~[pg]'
