#!/usr/bin/env bash
# Times the README's two commands on a fresh Debian 12 (issue 16): a clean root made with
# Debian's debootstrap (packages from Debian's archive only), the project cloned into it, then
#   demo: `bash scripts/demo.sh` until the demo café answers at its URL;
#   test: `bash scripts/test.sh` until it prints "N passed, N failed" (with `test` as argument).
# Needs root (chroot, mounts). Prints the minutes each took. Usage: sudo bash bench/first_run.sh [demo|test|both]
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-demo}
root=$(mktemp -d /var/tmp/cg-first-run.XXXXXX)
chmod 0755 "$root" # it becomes "/": other users (postgres) must be able to traverse it
cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT

command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
echo "first-run: making a fresh Debian 12 in $root"
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
for m in proc sys dev dev/pts; do mount --bind "/$m" "$root/$m"; done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The machine's own network settings go with it: a proxy's CA certificates, if the host has
# any (npm and Node.js read NODE_EXTRA_CA_CERTS).
cp /etc/ssl/certs/ca-certificates.crt "$root/root/host-ca.crt"
git clone -q . "$root/srv/consent-guard"

now() { date +%s; }
in_root() { chroot "$root" /usr/bin/env NODE_EXTRA_CA_CERTS=/root/host-ca.crt /bin/bash -lc "cd /srv/consent-guard && $1"; }

if [ "$what" = demo ] || [ "$what" = both ]; then
  port=18080
  start=$(now)
  (in_root "PORT=$port COLLECTOR_PORT=18787 bash scripts/demo.sh" >"$root/demo.log" 2>&1 &)
  until curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1; do
    sleep 2
    if [ $(($(now) - start)) -gt 3600 ]; then echo "first-run: the demo did not come up in an hour"; exit 1; fi
  done
  echo "first-run: demo served after $(( ($(now) - start) / 60 )) min $(( ($(now) - start) % 60 )) s (target: 5 min)"
  pkill -f "serve-demo.mjs" || true
  pkill -f "cg-collector serve --data-dir build/demo-collector" || true
fi

if [ "$what" = test ] || [ "$what" = both ]; then
  start=$(now)
  in_root "bash scripts/test.sh" >"$root/test.log" 2>&1 || true
  echo "first-run: test command took $(( ($(now) - start) / 60 )) min $(( ($(now) - start) % 60 )) s; it printed: $(tail -1 "$root/test.log")"
fi
