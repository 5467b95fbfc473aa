#!/usr/bin/env bash
# operator/deploy/nginx.conf as shipped, in front of a real cg-collector: receipts posted
# through nginx get their acks, the JWKS and /healthz pass through, nginx's own refusals are
# the collector's JSON errors, and the guard's files (dist/) are served for other origins.
# Only what a test machine has no use for is changed: TLS becomes plain HTTP on free ports of
# 127.0.0.1, the paths point into a temporary folder and this checkout's dist/.
#   nginx_test.sh CG_COLLECTOR CG_COLLECTOR_LOAD
set -uo pipefail
collector=$1 load=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/lib.sh"

tmp=$(mktemp -d /tmp/cg-nginx.XXXXXX)
serve_pid="" nginx_pid=""
passed=0 failed=0
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
ok() { passed=$((passed + 1)); echo "ok    $1"; }
bad() { failed=$((failed + 1)); echo "FAIL  $1"; }
# check NAME FILE PATTERN: FILE (headers and body from curl -i) matches the extended regex.
check() { if grep -qiE -- "$3" "$2"; then ok "$1"; else bad "$1: no /$3/ in:"; head -c 2000 "$2"; echo; fi; }

nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { bad "nginx is not installed (scripts/setup.sh installs nginx-light)"; exit 1; }

# free_port: a port of 127.0.0.1 that nothing listens on.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

cat >"$tmp/collector.conf" <<CONF
site = https://namo.kz
data-dir = $tmp/data
trusted-proxy = 127.0.0.1
CONF
"$collector" init --config "$tmp/collector.conf" >/dev/null || { bad "collector init"; exit 1; }
"$collector" serve --config "$tmp/collector.conf" --listen 127.0.0.1:0 2>"$tmp/serve.log" &
serve_pid=$!
cport=$(port_from_log "$tmp/serve.log") && wait_health "$cport" || { bad "collector serve"; exit 1; }

https=$(free_port) && http=$(free_port) || { bad "no free port"; exit 1; }
mkdir -p "$tmp/nginx/logs"
sed -e "s|server 127.0.0.1:8787;|server 127.0.0.1:$cport;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http;|" \
    -e '/listen \[::\]/d' -e '/^ *ssl_/d' \
    -e "s|/var/log/nginx/|$tmp/nginx/logs/|" \
    -e "s|alias /var/www/consent-guard/;|alias $repo/dist/;|" \
    "$repo/operator/deploy/nginx.conf" >"$tmp/nginx/site.conf"
# As root, nginx's workers would run as nobody, who cannot enter the temporary folder.
[ "$(id -u)" -eq 0 ] && user="user root;" || user=""
cat >"$tmp/nginx/nginx.conf" <<CONF
$user
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events {}
http {
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  include $tmp/nginx/site.conf;
}
CONF
if "$nginx_bin" -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>"$tmp/nginx-t.txt"; then
  ok "nginx -t accepts the config"
else
  bad "nginx -t"; cat "$tmp/nginx-t.txt"; exit 1
fi
"$nginx_bin" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" 2>>"$tmp/nginx/logs/error.log" &
nginx_pid=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$https") 2>/dev/null && break; sleep 0.1; done

base="http://127.0.0.1:$https"
get() { curl -s -i "$@" >"$tmp/r" 2>&1; }

# Receipts through nginx: acknowledged.
"$load" forge --count 8 --per-key 2 --site https://namo.kz --out "$tmp/receipts.txt"
if "$load" post --url "$base" --in "$tmp/receipts.txt" --connections 2 --acks "$tmp/acks.txt" >"$tmp/post.txt" 2>&1 &&
  [ "$(wc -l <"$tmp/acks.txt")" -eq 8 ]; then
  ok "8 receipts posted through nginx, 8 acks"
else
  bad "posting through nginx"; cat "$tmp/post.txt"
fi
get "$base/.well-known/consent-keys.json"
check "the JWKS passes through" "$tmp/r" '"keys":\['
get "$base/healthz"
check "/healthz from this host" "$tmp/r" '"ok"'
get "$base/receipts" -H 'Content-Type: text/plain' --data-binary 'not a receipt'
check "a bad receipt gets the collector's 422" "$tmp/r" '^HTTP/1.1 422'
check "... with its JSON error" "$tmp/r" '"code":"structure.parts"'
head -c 70000 /dev/zero | tr '\0' 'a' >"$tmp/big"
get "$base/receipts" -H 'Content-Type: text/plain' --data-binary "@$tmp/big"
check "a body over 66k is nginx's 413" "$tmp/r" '^HTTP/1.1 413'
check "... in the collector's JSON" "$tmp/r" '"code":"request.too-large"'
get "$base/anything-else"
check "anything else is a JSON 404" "$tmp/r" '"code":"not-found"'
get "http://127.0.0.1:$http/receipts"
check "plain HTTP is sent to HTTPS" "$tmp/r" '^Location: https://'

# The guard's files, as another origin's page fetches them.
get "$base/consent-guard/consent-guard-core.wasm" -H 'Origin: https://namo.kz' -H 'Accept-Encoding: gzip'
check "the core's wasm is served" "$tmp/r" '^HTTP/1.1 200'
check "... as application/wasm" "$tmp/r" '^Content-Type: application/wasm'
check "... to any origin" "$tmp/r" '^Access-Control-Allow-Origin: \*'
check "... revalidated on each load" "$tmp/r" '^Cache-Control: no-cache'
check "... compressed" "$tmp/r" '^Content-Encoding: gzip'
if curl -s "$base/consent-guard/consent-guard.js" | cmp -s - "$repo/dist/consent-guard.js"; then
  ok "the loader is served byte for byte"
else
  bad "the loader differs from dist/"
fi
get "$base/consent-guard/consent-guard.js"
check "the loader is text/javascript" "$tmp/r" '^Content-Type: text/javascript'
get --path-as-is "$base/consent-guard/../README.md"
check "nothing outside dist/" "$tmp/r" '^HTTP/1.1 (400|403|404)'

grep -q '127.0.0.1' "$tmp/nginx/logs/consent-collector.log" && bad "nginx logged a client address" ||
  ok "nginx's log holds no client address"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
