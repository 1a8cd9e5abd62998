#!/usr/bin/env bash
# Export throughput: an installation filled with generated cases (each with
# its trafficking events, a referral, a commitment, and for every other case a
# safety plan), then onestory export in each format, timed.
#
#   bench/exports.sh [BUILD_DIR] [CASES]     (defaults build/release, 100000)
# Prints the seconds and cases per second of each step.
set -euo pipefail
build=${1:-build/release}
cases=${2:-100000}
bin="$build/src/cli/onestory"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ONESTORY_ADMIN_PASSWORD=bench-password-123

timed() {  # timed LABEL COMMAND...: runs it, prints the wall time and the rate
    local label=$1; shift
    local start end
    start=$(date +%s.%N)
    "$@" > "$work/out" 2> "$work/err" || { cat "$work/out" "$work/err" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v l="$label" -v s="$start" -v e="$end" -v n="$cases" \
        'BEGIN { printf "%-28s %8.1f s  %9.0f cases/s\n", l, e - s, n / (e - s) }'
}

"$bin" init --data "$work/data" --admin-username admin > /dev/null
timed "generate-cases" "$bin" generate-cases --data "$work/data" --cases "$cases" --quiet
timed "htcds (identities)" "$bin" export --data "$work/data" --format htcds --out "$work/htcds.jsonl" \
    --admin-username admin --quiet
timed "htcds --no-identities" "$bin" export --data "$work/data" --format htcds --no-identities \
    --out "$work/plain.jsonl" --admin-username admin --quiet
timed "ctdc --k 11" "$bin" export --data "$work/data" --format ctdc --k 11 --out "$work/ctdc.csv" \
    --admin-username admin --quiet
cat "$work/out"
ls -l "$work"/*.jsonl "$work"/*.csv "$work/data/onestory.db" | awk '{ printf "%-12s %s\n", $5, $NF }'
