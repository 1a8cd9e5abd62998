#!/usr/bin/env bash
# Runs every test registered with ctest in one build directory.
#   scripts/run-tests.sh BUILD_DIR              SQLite only
#   scripts/run-tests.sh BUILD_DIR --postgres   also starts a throw-away PostgreSQL 15
#       cluster (scripts/pg-test-cluster.sh): the Store conformance suite and the
#       PostgreSQL tests run against it, then the whole API suite runs again with
#       every test server on a fresh PostgreSQL database (but for the tests
#       labelled sqlite, which need the SQLite store). The cluster is stopped
#       and removed however the tests end.
#   scripts/run-tests.sh BUILD_DIR --postgres-store   the same without the API
#       suite's second run (the sanitizer build, to keep make test quick)
set -euo pipefail
scripts_dir=$(cd "$(dirname "$0")" && pwd)
build_dir=$(cd "$1" && pwd)
postgres=false
api_on_postgres=false
case "${2:-}" in
  --postgres) postgres=true; api_on_postgres=true ;;
  --postgres-store) postgres=true ;;
  "") ;;
  *) echo "usage: run-tests.sh BUILD_DIR [--postgres|--postgres-store]" >&2; exit 2 ;;
esac
cd "$build_dir"
run_ctest() {
  ctest --output-on-failure -j "$(nproc)" --timeout 600 "$@"
}

if ! $postgres; then
  run_ctest
  exit 0
fi

cluster=$(mktemp -d "${TMPDIR:-/tmp}/onestory-pg.XXXXXX")
trap '"$scripts_dir/pg-test-cluster.sh" stop "$cluster"' EXIT
dsn=$("$scripts_dir/pg-test-cluster.sh" start "$cluster")
export ONESTORY_TEST_POSTGRES_DSN=$dsn
export ONESTORY_TEST_PG_CLUSTER_SCRIPT=$scripts_dir/pg-test-cluster.sh
status=0
echo "== $build_dir: every test; the Store conformance suite on SQLite and PostgreSQL"
run_ctest || status=1
if $api_on_postgres; then
  echo "== $build_dir: the API suite with its servers on PostgreSQL"
  ONESTORY_TEST_STORE_DSN=$dsn run_ctest -L api -LE 'postgres|sqlite' || status=1
fi
exit $status
