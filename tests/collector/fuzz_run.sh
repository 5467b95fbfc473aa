#!/usr/bin/env bash
# A bounded fuzz run for CI: seeds made of real receipts (each body format), acks and
# checkpoints, then libFuzzer for SECONDS. Any crash, sanitizer report or timeout fails.
#   fuzz_run.sh CG_COLLECTOR_FUZZ CG_COLLECTOR_LOAD CG_COLLECTOR SECONDS
set -euo pipefail
fuzzer=$1 load=$2 collector=$3 seconds=$4
tmp=$(mktemp -d /tmp/cg-fuzz.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/corpus"
mkdir -m 700 "$tmp/state"
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
# Hostile shapes at full size: deep nesting, many members, a long string, a cookie.
{ printf '\002'; head -c 67000 /dev/zero | tr '\0' '['; } >"$tmp/corpus/deep-array"
{ printf '\002{"jws":"%s"' "$(head -n 1 "$tmp/receipts.txt")"; for i in $(seq 1 6000); do printf ',"k%d":0' "$i"; done; printf '}'; } >"$tmp/corpus/many-members"
{ printf '\002{"jws":"'; head -c 60000 /dev/zero | tr '\0' 'A'; printf '"}'; } >"$tmp/corpus/long-string"
printf '\0012|a|1|7|1767225600|1798761600|AAAAAAAAAAAAAAAAAAAAAA|00000000' >"$tmp/corpus/cookie"
printf '\001{"site":"a","policyVersion":"1","texts":{"kk":{"accept_all":"x"}},"forms":{"selector":"form"}}' >"$tmp/corpus/core-config"
cd "$tmp"
# -max_len: the collector's largest body (max-body), so no input size is out of reach.
"$fuzzer" -max_total_time="$seconds" -max_len=67584 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  "$tmp/corpus" 2>&1 | tail -n 15
echo "fuzz: no crash in $seconds s"
