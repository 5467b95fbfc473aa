#!/usr/bin/env bash
# cg-collector's commands end to end: --help, usage errors, init (modes, idempotent),
# serve, export (by site and time, by visitor key, as cg-verify input), checkpoint,
# verify (with the key folder, with the published JWKS, against exported checkpoints),
# rotate-key while serving.
#   cli_test.sh CG_COLLECTOR CG_COLLECTOR_LOAD CG_VERIFY sqlite|pg [PG_STATE_FILE]
set -uo pipefail
collector=$1 load=$2 cgverify=$3 backend=$4 pg_state=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

tmp=$(mktemp -d /tmp/cg-cli.XXXXXX)
serve_pid="" dbname="cli_$$"
passed=0 failed=0
cleanup() {
  [ -n "$serve_pid" ] && kill -9 "$serve_pid" 2>/dev/null
  [ "$backend" = pg ] && pg_drop_database "$pg_state" "$dbname"
  rm -rf "$tmp"
}
trap cleanup EXIT
ok() { passed=$((passed + 1)); echo "ok    $1"; }
bad() { failed=$((failed + 1)); echo "FAIL  $1"; }
# expect NAME STATUS COMMAND...: COMMAND exits with STATUS.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else bad "$name (exit $got, wanted $want)"; cat "$tmp/out" "$tmp/err"; fi
}
contains() { # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no \"$3\" in:"; cat "$2"; fi
}

for cmd in init serve export verify checkpoint rotate-key; do
  expect "$cmd --help" 0 "$collector" "$cmd" --help
  contains "$cmd --help text" "$tmp/out" "usage: cg-collector $cmd"
done
expect "--help" 0 "$collector" --help
contains "--help lists the commands" "$tmp/out" "rotate-key"
expect "no command" 2 "$collector"
expect "unknown command" 2 "$collector" frobnicate
expect "unknown option" 2 "$collector" init --colour blue
expect "missing value" 2 "$collector" export --site
expect "bad site" 2 "$collector" init --data-dir "$tmp" --site https://namo.kz/path
expect "serve without sites" 1 "$collector" serve --data-dir "$tmp/none"

if [ "$backend" = pg ]; then
  [ -s "$pg_state" ] || { echo "FAIL: the PostgreSQL fixture is not running"; echo "0 passed, 1 failed"; exit 1; }
  database=$(pg_database "$pg_state" "$dbname")
else
  database="$tmp/collector.db"
fi
cat >"$tmp/collector.conf" <<CONF
# test configuration
site = https://namo.kz
site = https://shop.namo.kz
data-dir = $tmp
database = $database
rate = 0
CONF
cfg=(--config "$tmp/collector.conf")
expect "init" 0 "$collector" init "${cfg[@]}"
contains "init names the key" "$tmp/out" "created operator key"
kid=$(sed -n 's/^keys: created operator key //p' "$tmp/out")
[ "$(stat -c %a "$tmp/keys")" = 700 ] && ok "key folder 0700" || bad "key folder mode"
[ "$(stat -c %a "$tmp/keys/$kid.pem")" = 600 ] && ok "key file 0600" || bad "key file mode"
if [ "$backend" = sqlite ]; then
  [ "$(stat -c %a "$tmp/collector.db")" = 600 ] && ok "database file 0600" || bad "database mode"
fi
expect "init again keeps everything" 0 "$collector" init "${cfg[@]}"
contains "init again says so" "$tmp/out" "keeping the keyring"

"$load" forge --count 40 --per-key 4 --site https://namo.kz --site https://shop.namo.kz --out "$tmp/receipts.txt"
"$collector" serve "${cfg[@]}" --listen 127.0.0.1:0 2>"$tmp/serve.log" &
serve_pid=$!
port=$(port_from_log "$tmp/serve.log") && wait_health "$port" && ok "serve answers /healthz" || bad "serve"
expect "post 40 receipts" 0 "$load" post --url "http://127.0.0.1:$port" --in "$tmp/receipts.txt" --connections 4 --acks "$tmp/acks.txt"

expect "checkpoint" 0 "$collector" checkpoint "${cfg[@]}" --out "$tmp/checkpoints.jsonl"
[ "$(wc -l <"$tmp/checkpoints.jsonl")" -eq 2 ] && ok "one checkpoint line per site" || bad "checkpoint lines"
contains "checkpoint line" "$tmp/checkpoints.jsonl" '"site":"https://namo.kz","size":20'

expect "rotate-key while serving" 0 "$collector" rotate-key "${cfg[@]}" --grace 30
contains "rotate-key names the new key" "$tmp/out" "new active key"
newkid=$(sed -n 's/^rotate-key: new active key //p' "$tmp/out")
# The collector checks the keyring every second: post one receipt at a time until an ack
# carries the new kid (10 s at most).
"$load" forge --count 20 --per-key 1 --site https://namo.kz --out "$tmp/more.txt"
switched=""
for i in $(seq 1 20); do
  sed -n "${i}p" "$tmp/more.txt" >"$tmp/one.txt"
  "$load" post --url "http://127.0.0.1:$port" --in "$tmp/one.txt" --connections 1 --acks "$tmp/one.ack" >/dev/null || break
  header=$(cut -f2 "$tmp/one.ack" | cut -d. -f1 | tr '_-' '/+')
  while [ $((${#header} % 4)) -ne 0 ]; do header="$header="; done
  if echo "$header" | base64 -d 2>/dev/null | grep -qF -- "$newkid"; then switched=$i; break; fi
  sleep 0.5
done
[ -n "$switched" ] && ok "new acks carry the new kid" || bad "new kid not used"
(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /.well-known/consent-keys.json HTTP/1.0\r\n\r\n' >&3 && cat <&3) >"$tmp/jwks.http"
tail -n 1 "$tmp/jwks.http" >"$tmp/jwks.json" # the body: one line of JSON after the headers
contains "JWKS lists the old key with an end" "$tmp/jwks.json" "\"kid\":\"$kid\""
contains "JWKS lists the new key" "$tmp/jwks.json" "\"kid\":\"$newkid\""
grep -q '"exp":' "$tmp/jwks.json" && ok "old key has exp" || bad "no exp in JWKS"

kill -TERM "$serve_pid" && wait "$serve_pid" && ok "serve stops on SIGTERM" || bad "serve stop"
serve_pid=""
contains "structured log" "$tmp/serve.log" '"event":"serve.stop"'
if grep -q '"client"' "$tmp/serve.log"; then bad "client addresses logged by default"; else ok "no client addresses logged"; fi

expect "export a site" 0 "$collector" export "${cfg[@]}" --site https://namo.kz --quiet --out "$tmp/namo.jsonl"
[ "$(wc -l <"$tmp/namo.jsonl")" -eq $((20 + switched)) ] && ok "export has every namo.kz receipt" || bad "export count $(wc -l <"$tmp/namo.jsonl")"
[ "$(stat -c %a "$tmp/namo.jsonl")" = 600 ] && ok "export file 0600" || bad "export file mode"
expect "export an empty time range" 0 "$collector" export "${cfg[@]}" --site https://namo.kz --from 2020-01-01 --to 2020-01-02 --quiet
[ ! -s "$tmp/out" ] && ok "nothing received in 2020" || bad "time range"
visitor=$(head -n 1 "$tmp/namo.jsonl" | grep -o '"kid":"[^"]*"' | cut -d'"' -f4)
expect "export one visitor key (URN)" 0 "$collector" export "${cfg[@]}" --key "urn:ietf:params:oauth:jwk-thumbprint:sha-256:$visitor" --quiet
[ "$(wc -l <"$tmp/out")" -eq 4 ] && ok "the visitor's 4 receipts" || bad "visitor export $(wc -l <"$tmp/out")"
expect "export --key with --from" 2 "$collector" export "${cfg[@]}" --key "$visitor" --from 2026-01-01
expect "export as JSON for cg-verify" 0 "$collector" export "${cfg[@]}" --site https://shop.namo.kz --format json --quiet --out "$tmp/shop.json"
expect "cg-verify reads the export" 0 "$cgverify" --aud https://shop.namo.kz "$tmp/shop.json"

expect "verify" 0 "$collector" verify "${cfg[@]}" --checkpoints "$tmp/checkpoints.jsonl"
contains "verify verdict" "$tmp/out" "verify: ok: $((40 + switched)) entries in 2 site logs"
expect "verify with only the published JWKS" 0 "$collector" verify "${cfg[@]}" --jwks "$tmp/jwks.json" --quiet
expect "verify one site" 0 "$collector" verify "${cfg[@]}" --site https://shop.namo.kz --quiet
contains "one site" "$tmp/out" "20 entries in 1 site logs"

# Checkpoints from another operator's key do not count.
mkdir -m 700 "$tmp/other"
"$collector" init --data-dir "$tmp/other" --site https://namo.kz >/dev/null
"$collector" checkpoint --data-dir "$tmp/other" >"$tmp/foreign.jsonl" 2>/dev/null
expect "verify refuses a foreign checkpoint" 1 "$collector" verify "${cfg[@]}" --checkpoints "$tmp/foreign.jsonl" --quiet
contains "and says why" "$tmp/out" "checkpoint.kid"

# Key and data files other users can reach: init and serve refuse, naming the chmod.
chmod 644 "$tmp/keys/$newkid.pem"
expect "init refuses a world-readable key" 1 "$collector" init "${cfg[@]}"
contains "and names the fix" "$tmp/err" "chmod 600 $tmp/keys/$newkid.pem"
expect "serve refuses it too" 1 "$collector" serve "${cfg[@]}" --listen 127.0.0.1:0
contains "serve says why" "$tmp/err" "other users can reach"
chmod 600 "$tmp/keys/$newkid.pem"
chmod 755 "$tmp/keys"
expect "init refuses a key folder others can enter" 1 "$collector" init "${cfg[@]}"
contains "the key folder" "$tmp/err" "chmod 700 $tmp/keys"
chmod 700 "$tmp/keys"
chmod 755 "$tmp"
expect "init refuses a data folder others can enter" 1 "$collector" init "${cfg[@]}"
chmod 700 "$tmp"
if [ "$backend" = sqlite ]; then
  chmod 644 "$tmp/collector.db"
  expect "serve refuses a world-readable database" 1 "$collector" serve "${cfg[@]}" --listen 127.0.0.1:0
  chmod 600 "$tmp/collector.db"
fi
# Evidence written into an existing wider file becomes private.
install -m 644 /dev/null "$tmp/wide.jsonl"
install -m 644 /dev/null "$tmp/wide-cp.jsonl"
"$collector" export "${cfg[@]}" --site https://namo.kz --quiet --out "$tmp/wide.jsonl"
"$collector" checkpoint "${cfg[@]}" --out "$tmp/wide-cp.jsonl" >/dev/null
[ "$(stat -c %a "$tmp/wide.jsonl")" = 600 ] && ok "export makes an existing file 0600" || bad "export kept mode $(stat -c %a "$tmp/wide.jsonl")"
[ "$(stat -c %a "$tmp/wide-cp.jsonl")" = 600 ] && ok "checkpoint makes an existing file 0600" || bad "checkpoint kept mode"

# A lost keyring.json is never replaced while its keys or what they signed remain.
mv "$tmp/keys/keyring.json" "$tmp/keyring.saved"
expect "init refuses to replace a lost keyring" 1 "$collector" init "${cfg[@]}"
contains "and says what to do" "$tmp/err" "restore keyring.json from a backup"
[ ! -e "$tmp/keys/keyring.json" ] && ok "no new keyring was made" || bad "a new keyring was made"
mkdir -m 700 "$tmp/moved-keys"
mv "$tmp/keys/"*.pem "$tmp/moved-keys/"
expect "even with the key files gone, acks in the database forbid it" 1 "$collector" init "${cfg[@]}"
contains "names the database" "$tmp/err" "the database holds acks or checkpoints"
mv "$tmp/moved-keys/"*.pem "$tmp/keys/"
mv "$tmp/keyring.saved" "$tmp/keys/keyring.json"
expect "with the keyring restored, init is fine" 0 "$collector" init "${cfg[@]}"
expect "and verify still holds" 0 "$collector" verify "${cfg[@]}" --quiet

# The example configuration in operator/deploy is valid.
expect "the deploy example config works" 0 "$collector" init --config "$here/../../operator/deploy/collector.conf.example" --data-dir "$tmp/example" --database "$tmp/example.db"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
