#!/usr/bin/env bash
# Runs every test registered with ctest in one build directory.
#   scripts/run-tests.sh BUILD_DIR              SQLite only
#   scripts/run-tests.sh BUILD_DIR --postgres   also starts a throw-away PostgreSQL 15
#       cluster (scripts/pg-test-cluster.sh): the Store conformance suite and the
#       PostgreSQL tests run against it, then the whole API suite runs again with
#       every test server on a fresh PostgreSQL database. The cluster is stopped
#       and removed however the tests end.
set -euo pipefail
scripts_dir=$(cd "$(dirname "$0")" && pwd)
build_dir=$(cd "$1" && pwd)
postgres=false
[ "${2:-}" = --postgres ] && postgres=true
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
echo "== $build_dir: the API suite with its servers on PostgreSQL"
ONESTORY_TEST_STORE_DSN=$dsn run_ctest -L api -LE postgres || status=1
exit $status
