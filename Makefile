# onestory — the two commands: `make demo` and `make test`.
# Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0

BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
RELEASE    := $(BUILD)/release
ASAN       := $(BUILD)/asan

.PHONY: all deps build build-asan test test-unit test-postgres test-asan demo bench fuzz format format-check clean

all: build

deps:
	@scripts/deps.sh

$(RELEASE)/build.ninja:
	cmake -S . -B $(RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release

$(ASAN)/build.ninja:
	cmake -S . -B $(ASAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DONESTORY_SANITIZE=ON -DONESTORY_BENCHMARKS=OFF

build: deps $(RELEASE)/build.ninja
	cmake --build $(RELEASE) -j $(JOBS)

build-asan: deps $(ASAN)/build.ninja
	cmake --build $(ASAN) -j $(JOBS)

# Every unit and API test, with the Store conformance suite and the API suite
# also on a throw-away PostgreSQL 15 cluster; then the same under ASan + UBSan,
# where only the store's PostgreSQL tests run on PostgreSQL (the API suite's
# second run is left to the release build, to keep make test quick).
test: build build-asan
	scripts/run-tests.sh $(RELEASE) --postgres
	scripts/run-tests.sh $(ASAN) --postgres-store

test-unit: build
	scripts/run-tests.sh $(RELEASE)

test-postgres: build
	scripts/run-tests.sh $(RELEASE) --postgres

demo: build
	$(RELEASE)/src/cli/onestory demo --listen 127.0.0.1:8080

bench: build
	@scripts/deps.sh bench
	bench/run.sh $(RELEASE)
	$(RELEASE)/src/crypto/crypto_benchmark --benchmark_min_time=0.2
	$(RELEASE)/src/policy/policy_benchmark --benchmark_min_time=0.2

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 -i

format-check:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 --dry-run --Werror

clean:
	rm -rf $(BUILD)
