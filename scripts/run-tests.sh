#!/usr/bin/env bash
# Runs every test registered with ctest in one build directory.
set -euo pipefail
build_dir=$1
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" --timeout 600
