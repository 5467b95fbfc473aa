#!/usr/bin/env bash
# A throwaway PostgreSQL server for the collector tests and benchmark, on 127.0.0.1 only.
#   pg_fixture.sh start STATE_FILE   initdb in a fresh temp folder, start, wait until ready;
#                                    writes "DATADIR PORT" to STATE_FILE and prints the
#                                    libpq connection string of the superuser database
#   pg_fixture.sh stop STATE_FILE    stop the server (immediate) and remove its folder
# initdb refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail
action=${1:?start or stop}
state=${2:?state file}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  echo "pg_fixture: no PostgreSQL server found (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$state" ] || return 0
  read -r dir port <"$state" || true
  if [ -n "${dir:-}" ] && [ -d "$dir" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  fi
  rm -f "$state"
}

if [ "$action" = stop ]; then
  stop
  exit 0
fi

stop # a server left over from an interrupted run
dir=$(mktemp -d /tmp/cg-pg.XXXXXX)
chmod 0755 "$dir"
mkdir -p "$dir/sock"
[ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$dir"
as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
for attempt in 1 2 3 4 5 6 7 8; do
  port=$((20000 + (RANDOM * 7 + $$ + attempt * 131) % 40000))
  if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c max_connections=200" >/dev/null 2>&1; then
    echo "$dir $port" >"$state"
    echo "host=127.0.0.1 port=$port user=postgres dbname=postgres"
    exit 0
  fi
done
echo "pg_fixture: PostgreSQL did not start:" >&2
tail -n 20 "$dir/server.log" >&2 || true
rm -rf "$dir"
exit 1
