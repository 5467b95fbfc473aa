# Shared by the collector's script tests and bench/collector_load.sh (sourced, not run).
# Everything here talks to 127.0.0.1 only.

# health PORT: true when the collector on PORT answers /healthz with ok.
health() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /healthz HTTP/1.0\r\n\r\n' >&3 && grep -q '"ok"' <&3) 2>/dev/null
}

# wait_health PORT [TRIES]: wait (up to TRIES x 0.1 s) until the collector answers.
wait_health() {
  local tries=${2:-100}
  for ((i = 0; i < tries; i++)); do
    health "$1" && return 0
    sleep 0.1
  done
  echo "collector on port $1 did not come up" >&2
  return 1
}

# port_from_log FILE: the port a collector started with --listen 127.0.0.1:0 reported.
port_from_log() {
  for ((i = 0; i < 100; i++)); do
    local p
    p=$(grep -o '"event":"serve.start".*"port":[0-9]*' "$1" 2>/dev/null | grep -o '"port":[0-9]*' | tail -n 1 | cut -d: -f2)
    if [ -n "$p" ]; then
      echo "$p"
      return 0
    fi
    sleep 0.1
  done
  echo "no serve.start line in $1" >&2
  return 1
}

# pg_database STATE_FILE NAME: creates database NAME on the fixture server, prints its
# connection string.
pg_database() {
  local port admin
  port=$(cut -d' ' -f2 "$1")
  admin="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
  echo "host=127.0.0.1 port=$port user=postgres dbname=$2"
}

pg_drop_database() {
  local port
  port=$(cut -d' ' -f2 "$1")
  psql -q "host=127.0.0.1 port=$port user=postgres dbname=postgres" \
    -c "DROP DATABASE IF EXISTS $2 WITH (FORCE)" >/dev/null 2>&1 || true
}
