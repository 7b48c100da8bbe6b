#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1, in a folder of its own.
#
#   pg-test-server.sh start DIR PORT PASSWORD   initdb DIR (its parent must be open to all) (superuser `reputa`, password auth),
#                                               start it on PORT, create database `reputa_test`
#   pg-test-server.sh restart DIR               stop it (fast: open connections are cut) and start it again
#   pg-test-server.sh stop DIR                  stop it (fast) and remove DIR
#
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user that
# Debian's package creates (scripts/install-deps.sh installs it). Logs go to DIR/server.log.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -x "$bindir/initdb" ] || { echo "pg-test-server: PostgreSQL is not installed (make deps)" >&2; exit 1; }
as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
start)
  dir=$2 port=$3 password=$4
  # The server outlives this script: it must not keep open any descriptor the caller had (a
  # test process's pipes and sockets), or the caller's peers never see them close.
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null || true
  done
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 700 "$dir"
  printf '%s\n' "$password" > "$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pw"
  as_server "$bindir/initdb" -D "$dir/data" -U reputa --pwfile="$dir/pw" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pw"
  as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=60" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  PGPASSWORD=$password "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U reputa -d postgres \
    -c "CREATE DATABASE reputa_test" >/dev/null
  ;;
restart)
  dir=$2
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null || true
  done
  as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  ;;
stop)
  dir=$2
  [ -d "$dir/data" ] && as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-test-server.sh start DIR PORT PASSWORD | restart DIR | stop DIR" >&2
  exit 2
  ;;
esac
