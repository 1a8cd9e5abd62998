#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR on its seed corpus.
#   scripts/run-fuzz.sh build/fuzz smoke   briefly (make test): FUZZ_SMOKE_SECONDS each, default 10
#   scripts/run-fuzz.sh build/fuzz long    for FUZZ_SECONDS each (make fuzz), default 60
# New inputs go to BUILD_DIR/corpus/<target> (kept between runs, never into
# the repository); a crash leaves its input in BUILD_DIR/artifacts/ and fails
# the run. Prints the executions of each target and their total.
set -euo pipefail
build_dir=$1
mode=${2:-smoke}
if [ "$mode" = long ]; then seconds=${FUZZ_SECONDS:-60}; else seconds=${FUZZ_SMOKE_SECONDS:-10}; fi
root=$(cd "$(dirname "$0")/.." && pwd)
artifacts="$build_dir/artifacts"
mkdir -p "$artifacts"
total=0
failed=0
for fuzzer in "$build_dir"/tests/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] && [ -f "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus="$build_dir/corpus/$name"
  mkdir -p "$corpus"
  options=()
  [ -f "$root/tests/fuzz/$name.options" ] && read -r -a options < "$root/tests/fuzz/$name.options"
  log="$build_dir/$name.log"
  if "$fuzzer" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
      "$corpus" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "fuzz: $name ran ${runs:-0} inputs in ${seconds}s without a crash"
    total=$((total + ${runs:-0}))
  else
    echo "fuzz: $name FAILED; its input is in $artifacts, its log in $log:" >&2
    grep -E "ERROR|SUMMARY|answered|Test unit written" "$log" >&2 || tail -n 30 "$log" >&2
    failed=1
  fi
done
echo "fuzz: $total inputs in all"
exit $failed
