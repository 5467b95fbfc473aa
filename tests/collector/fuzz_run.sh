#!/usr/bin/env bash
# A bounded fuzz run for CI: seeds made of real receipts (each body format), acks and
# checkpoints, then libFuzzer for SECONDS. Any crash, sanitizer report or timeout fails.
#   fuzz_run.sh CG_COLLECTOR_FUZZ CG_COLLECTOR_LOAD CG_COLLECTOR SECONDS
set -euo pipefail
fuzzer=$1 load=$2 collector=$3 seconds=$4
tmp=$(mktemp -d /tmp/cg-fuzz.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/corpus" "$tmp/state"
"$load" forge --count 12 --per-key 3 --site https://namo.kz --out "$tmp/receipts.txt"
n=0
while read -r jws; do
  n=$((n + 1))
  printf '\000%s' "$jws" >"$tmp/corpus/jose-$n"
  printf '\002{"jws":"%s"}' "$jws" >"$tmp/corpus/json-$n"
done <"$tmp/receipts.txt"
"$collector" init --data-dir "$tmp/state" --site https://namo.kz >/dev/null
"$collector" checkpoint --data-dir "$tmp/state" >"$tmp/cp.jsonl" 2>/dev/null
printf '\001%s' "$(cat "$tmp/cp.jsonl")" >"$tmp/corpus/checkpoint-line"
printf '\001%s' "$(cut -d'"' -f4 "$tmp/cp.jsonl")" >"$tmp/corpus/checkpoint-jws"
printf '\001%s' "$(cat "$tmp/state/keys/keyring.json")" >"$tmp/corpus/jwks"
printf '\001listen=[::1]:8787' >"$tmp/corpus/config"
cd "$tmp"
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "$tmp/corpus" 2>&1 | tail -n 15
echo "fuzz: no crash in $seconds s"
