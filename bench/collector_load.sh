#!/usr/bin/env bash
# Collector load benchmark (issue 6): real signed receipts posted by wrk on loopback to
# cg-collector with the durability it ships with (SQLite WAL + synchronous=FULL; PostgreSQL
# with fsync and synchronous_commit on), acks counted only for HTTP 200. Prints acked
# receipts per second and p50/p99 latency for SQLite, PostgreSQL with one collector
# process, and PostgreSQL with two processes sharing the port (SO_REUSEPORT) and the
# database. Each run is followed by `cg-collector verify` over the whole log.
#   bench/collector_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# BUILD_DIR defaults to build/native. Needs wrk and PostgreSQL (scripts/setup.sh).
# CG_BENCH_SERVE_ARGS adds options to every `serve` (e.g. "--writers 2"); CG_BENCH_RUNS
# picks runs (default "sqlite pg1 pg2").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd)
seconds=${2:-10}
connections=${3:-32}
threads=2
collector=$build/operator/collector/cg-collector
load=$build/tests/collector/cg-collector-load
source "$root/tests/collector/lib.sh"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

tmp=$(mktemp -d /tmp/cg-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  "$root/tests/collector/pg_fixture.sh" stop "$tmp/pg.state" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

sites=()
for s in namo shop kafe dari tur auto kitap sport; do sites+=(--site "https://$s.kz"); done
count=$((seconds * 6000))
echo "bench: forging $count signed receipts for $((${#sites[@]} / 2)) sites..."
"$load" forge --count "$count" --per-key 2 "${sites[@]}" --out "$tmp/receipts.txt"

# run SLUG LABEL DATABASE PROCESSES: a fresh log, the collectors, wrk, then verify.
run() {
  local name=$2 database=$3 processes=$4 dir="$tmp/$1" port
  mkdir -p "$dir"
  "$collector" init --data-dir "$dir" --database "$database" "${sites[@]}" >/dev/null
  pids=()
  # shellcheck disable=SC2086
  "$collector" serve --data-dir "$dir" --database "$database" "${sites[@]}" --rate 0 \
    --listen 127.0.0.1:0 ${CG_BENCH_SERVE_ARGS:-} 2>"$dir/serve-1.log" &
  pids+=($!)
  port=$(port_from_log "$dir/serve-1.log")
  for ((p = 2; p <= processes; p++)); do
    # shellcheck disable=SC2086
    "$collector" serve --data-dir "$dir" --database "$database" "${sites[@]}" --rate 0 \
      --listen "127.0.0.1:$port" ${CG_BENCH_SERVE_ARGS:-} 2>"$dir/serve-$p.log" &
    pids+=($!)
  done
  wait_health "$port"
  sleep 0.5
  CG_RECEIPTS="$tmp/receipts.txt" CG_WRK_THREADS=$threads \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s \
    -s "$root/bench/collector_post.lua" "http://127.0.0.1:$port/receipts" >"$dir/wrk.out"
  for p in "${pids[@]}"; do kill -TERM "$p"; wait "$p" || true; done
  pids=()
  local line acked other repeated elapsed p50_ms p99_ms shares=""
  line=$(grep '^CG ' "$dir/wrk.out")
  eval "$(echo "${line#CG }" | tr ' ' '\n' | sed 's/^/local /')"
  for ((p = 1; p <= processes; p++)); do
    shares+="$(grep -c '"event":"http.receipt"' "$dir/serve-$p.log") "
  done
  local verdict
  verdict=$("$collector" verify --data-dir "$dir" --database "$database" --quiet | tail -n 1)
  printf '%-24s %9.0f %9s %9s %8s %9s   %s | per process: %s\n' "$name" \
    "$(awk -v a="$acked" -v s="$elapsed" 'BEGIN { print a / s }')" "$p50_ms" "$p99_ms" "$other" "$repeated" \
    "${verdict%%;*}" "$shares"
}

echo "bench: $seconds s per run, wrk $threads threads x $connections connections, $(nproc) cores"
printf '%-24s %9s %9s %9s %8s %9s\n' "store" "acks/s" "p50 ms" "p99 ms" "non-200" "repeated"
runs=${CG_BENCH_RUNS:-sqlite pg1 pg2}
[[ " $runs " != *" sqlite "* ]] || run sqlite "sqlite (1 process)" "$tmp/sqlite/collector.db" 1
[[ "$runs" != *pg* ]] || "$root/tests/collector/pg_fixture.sh" start "$tmp/pg.state" >/dev/null
for processes in 1 2; do
  [[ " $runs " == *" pg$processes "* ]] || continue
  database=$(pg_database "$tmp/pg.state" "bench_$processes" 2>/dev/null)
  run "pg$processes" "postgresql ($processes process$([ "$processes" = 1 ] || echo es))" \
    "$database" "$processes"
done
