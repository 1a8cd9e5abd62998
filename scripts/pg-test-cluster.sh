#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests, in a directory of its own.
#   scripts/pg-test-cluster.sh start DIR    initdb + start on a free port; prints the DSN
#   scripts/pg-test-cluster.sh restart DIR [fast|immediate]
#   scripts/pg-test-cluster.sh stop DIR     stops the server and removes DIR
# The server runs as an unprivileged user: the invoking user, or "postgres"
# when run as root (PostgreSQL refuses to run as root). It listens on
# 127.0.0.1 only, with SCRAM password authentication for a superuser whose
# password is generated afresh; the local socket (in DIR) trusts its owner.
# fsync is off: the cluster is thrown away, and a server crash (not an OS
# crash) still keeps every acknowledged commit, as tests of restarts need.
# ONESTORY_PG_DURABLE=1 keeps fsync on (benchmarks comparing with SQLite).
set -euo pipefail

pg_bin=${ONESTORY_PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: pg-test-cluster.sh start|restart|stop DIR}
dir=${2:?usage: pg-test-cluster.sh start|restart|stop DIR}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" || {
      echo "pg-test-cluster: user postgres cannot reach $dir; give a directory under one every user can traverse" >&2
      exit 1
    }
  fi
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$pg_bin/initdb" -D "$dir/data" -U onestory_test --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  rm -f "$dir/pwfile"
  durability="-c fsync=off -c full_page_writes=off"
  [ "${ONESTORY_PG_DURABLE:-0}" = 1 ] && durability="-c fsync=on"
  # A random port; another process may hold it, so try a few.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir $durability \
          -c max_connections=400 -c shared_buffers=64MB" start >/dev/null 2>&1; then
      echo "postgresql://onestory_test:$password@127.0.0.1:$port/postgres" | tee "$dir/dsn"
      exit 0
    fi
  done
  echo "pg-test-cluster: cannot start PostgreSQL; see $dir/server.log" >&2
  tail -n 20 "$dir/server.log" >&2 || true
  exit 1
  ;;
restart)
  as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m "${3:-fast}" restart >/dev/null
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -w -t 60 -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: pg-test-cluster.sh start|restart|stop DIR" >&2
  exit 2
  ;;
esac
