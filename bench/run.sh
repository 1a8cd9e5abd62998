#!/usr/bin/env bash
# The onestory load scenario: one server, two measurements in one run.
#   1. GET /healthz                         (the HTTP floor)
#   2. GET /api/v1/survivors/{id}            as a case-team member: session
#      lookup, policy decision, unwrap of the data key, four field openings,
#      and an audit event committed before each answer (reads' events are
#      group-committed without an fsync of their own; see docs/performance.md).
# Prints requests/s and p99 latency for both, and the ratio.
#
#   bench/run.sh [BUILD_DIR]     (default build/release)
# Environment: DURATION (s, default 15), CONNECTIONS (default 64), THREADS (wrk threads, default 2),
#              STORE (an empty PostgreSQL database, postgresql://..., to run against instead of SQLite)
set -euo pipefail
build=${1:-build/release}
bin="$build/src/cli/onestory"
duration=${DURATION:-15}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk is not installed: run scripts/deps.sh bench" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" demo --data "$work/data" --generate-only --survivors 200 > /dev/null
if [ -n "${STORE:-}" ]; then
    # The same demo data, moved into the (empty) PostgreSQL database.
    "$bin" migrate-store --data "$work/data" --to "$STORE" > /dev/null
fi
"$bin" serve --data "$work/data" --listen 127.0.0.1:0 > "$work/out" 2> "$work/err" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -E 's/listening on //' "$work/out")

token=$(curl -s -X POST "$url/api/v1/login" -H 'Content-Type: application/json' \
    -d '{"username":"caseworker","password":"demo-password-1"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
survivor=$(curl -s "$url/api/v1/survivors?limit=1" -H "Authorization: Bearer $token" |
    sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/v1/survivors/$survivor" -H "Authorization: Bearer $token")
[ "$status" = 200 ] || { echo "the survivor read answered $status" >&2; exit 1; }

measure() {  # name, then wrk arguments
    local name=$1; shift
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$@" > "$work/$name.txt"
    local rps p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/$name.txt")
    printf '%-28s %12s req/s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
    echo "$rps" > "$work/$name.rps"
}

echo "onestory load scenario: ${STORE:+PostgreSQL, }$(nproc) cores, $connections connections, ${duration}s each, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
measure healthz "$url/healthz"
measure survivor_read_audited -H "Authorization: Bearer $token" "$url/api/v1/survivors/$survivor"
awk -v a="$(cat "$work/survivor_read_audited.rps")" -v b="$(cat "$work/healthz.rps")" \
    'BEGIN { printf "audited read / healthz = %.2f (target >= 0.50)\n", a / b }'
events=$("$bin" audit verify --data "$work/data" 2>&1 || true)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
echo "after the run: $("$bin" audit verify --data "$work/data")"
