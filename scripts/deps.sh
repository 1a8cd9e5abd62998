#!/usr/bin/env bash
# Installs, with apt-get, exactly the Debian 12 packages onestory needs that are
# not yet present. Quiet and quick when everything is already installed.
#   scripts/deps.sh            build, test and demo needs
#   scripts/deps.sh bench      adds the load generator
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ make pkg-config ccache clang-14 clang-format-14 libclang-rt-14-dev
  # libraries (Boost 1.81 explicitly: the 1.74 packages must not be picked up)
  libboost1.81-dev libboost-json1.81-dev libsodium-dev libsqlite3-dev sqlite3
  libcli11-dev libspdlog-dev libfmt-dev liboath-dev libpq-dev zlib1g-dev
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  # PostgreSQL server for the second Store backend's tests
  postgresql-15 postgresql-client-15
  # the web app: build with Node.js, test in Debian's Chromium
  nodejs npm chromium
)
if [ "${1:-}" = bench ]; then
  packages+=(wrk)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
# nodejs/npm may come from elsewhere on a developer machine; a working node is enough.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do
    case "$p" in nodejs|npm) ;; *) filtered+=("$p") ;; esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "onestory: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/onestory-apt.log 2>&1; then
  "${sudo_cmd[@]}" apt-get update -q >>/tmp/onestory-apt.log 2>&1
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/onestory-apt.log 2>&1 || {
    tail -n 30 /tmp/onestory-apt.log >&2
    echo "onestory: apt-get failed; see /tmp/onestory-apt.log" >&2
    exit 1
  }
fi
