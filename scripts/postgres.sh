#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and demos: Debian's package (installed if missing), a data folder
# under a temp dir, a free loopback port, trust authentication on loopback only.
#
#   eval "$(scripts/postgres.sh start)"   # prints: export GRIDACTORS_POSTGRES=...; export GRIDACTORS_POSTGRES_DIR=...
#   scripts/postgres.sh stop [DIR]        # stops it and deletes its folder (default: $GRIDACTORS_POSTGRES_DIR)
#   scripts/postgres.sh pause|resume [DIR]  # stop and start the same server again (the tests' outage)
set -euo pipefail

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$dir" ]; then
    echo "installing postgresql from Debian's packages..." >&2
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$dir"
}

free_port() {
  local port
  for port in $(seq 55432 55632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port between 55432 and 55632" >&2
  exit 1
}

start_server() {
  local dir=$1 port
  port=$(cat "$dir/port")
  as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/gridactors-postgres.XXXXXX")
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    free_port >"$dir/port"
    start_server "$dir"
    port=$(cat "$dir/port")
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres gridactors
    echo "export GRIDACTORS_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=gridactors'"
    echo "export GRIDACTORS_POSTGRES_DIR='$dir'"
    ;;
  stop)
    dir=${2:-${GRIDACTORS_POSTGRES_DIR:?give the folder printed by start}}
    as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  pause)
    dir=${2:-${GRIDACTORS_POSTGRES_DIR:?give the folder printed by start}}
    as_postgres "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    dir=${2:-${GRIDACTORS_POSTGRES_DIR:?give the folder printed by start}}
    start_server "$dir"
    ;;
  *)
    echo "usage: scripts/postgres.sh start | stop [DIR] | pause [DIR] | resume [DIR]" >&2
    exit 2
    ;;
esac
