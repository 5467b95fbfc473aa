#!/usr/bin/env bash
# Fault test (issue 6): kill -9 the collector twice during sustained ingest, restart it,
# and check that the guard-like client, retrying, gets every receipt acknowledged; that
# `verify` passes; that every acknowledged receipt is stored with the very ack the client
# got; and that no receipt is stored twice.
#   crash_test.sh CG_COLLECTOR CG_COLLECTOR_LOAD sqlite|pg [PG_STATE_FILE]
set -euo pipefail
collector=$1 load=$2 backend=$3 pg_state=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

tmp=$(mktemp -d /tmp/cg-crash.XXXXXX)
serve_pid="" load_pid="" dbname="crash_$$"
cleanup() {
  [ -n "$serve_pid" ] && kill -9 "$serve_pid" 2>/dev/null || true
  [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null || true
  [ "$backend" = pg ] && pg_drop_database "$pg_state" "$dbname"
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$backend" = pg ]; then
  [ -s "$pg_state" ] || { echo "FAIL: the PostgreSQL fixture is not running" >&2; exit 1; }
  database=$(pg_database "$pg_state" "$dbname")
else
  database="$tmp/collector.db"
fi
sites=(--site https://namo.kz --site https://shop.namo.kz)
"$collector" init --data-dir "$tmp" --database "$database" "${sites[@]}" >/dev/null
"$load" forge --count 12000 --per-key 2 "${sites[@]}" --out "$tmp/receipts.txt"

start_serve() { # start_serve PORT
  "$collector" serve --data-dir "$tmp" --database "$database" "${sites[@]}" --rate 0 \
    --listen "127.0.0.1:$1" 2>>"$tmp/serve.log" &
  serve_pid=$!
}
start_serve 0
port=$(port_from_log "$tmp/serve.log")
wait_health "$port"

"$load" post --url "http://127.0.0.1:$port" --in "$tmp/receipts.txt" --connections 16 \
  --acks "$tmp/acks.txt" --retry-for 120 >"$tmp/load.out" 2>&1 &
load_pid=$!
for round in 1 2; do
  sleep 1
  kill -9 "$serve_pid"
  wait "$serve_pid" 2>/dev/null || true
  echo "crash_test: killed the collector (-9), round $round"
  sleep 0.3
  start_serve "$port"
  wait_health "$port"
done
status=0
wait "$load_pid" || status=$?
load_pid=""
cat "$tmp/load.out"
[ "$status" -eq 0 ] || { echo "FAIL: not every receipt was acknowledged"; exit 1; }
retries=$(grep -o 'retries [0-9]*' "$tmp/load.out" | cut -d' ' -f2)
[ "${retries:-0}" -gt 0 ] || { echo "FAIL: the kills did not interrupt the ingest (no retries)"; exit 1; }

kill -TERM "$serve_pid"
wait "$serve_pid" || { echo "FAIL: serve did not stop cleanly"; exit 1; }
serve_pid=""

"$collector" verify --data-dir "$tmp" --database "$database" --quiet
: >"$tmp/export.jsonl"
for site in https://namo.kz https://shop.namo.kz; do
  "$collector" export --data-dir "$tmp" --database "$database" --site "$site" --quiet >>"$tmp/export.jsonl"
done
"$load" check --in "$tmp/receipts.txt" --acks "$tmp/acks.txt" --export "$tmp/export.jsonl"
echo "crash_test ($backend): passed"
