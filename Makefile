# onestory — the two commands: `make demo` and `make test`.
# Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0

BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
RELEASE    := $(BUILD)/release
ASAN       := $(BUILD)/asan
FUZZ       := $(BUILD)/fuzz

.PHONY: all deps web e2e-deps build build-asan build-fuzz test test-unit test-postgres test-asan test-e2e demo bench fuzz \
	format format-check clean

# The web app (web/): built with Vite from the npm packages its lock file
# names, then embedded into the binary by the C++ build.
WEB_DIST    := $(CURDIR)/web/dist
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) \
               web/index.html web/vite.config.ts web/tsconfig.json web/package.json
NPM_CI      := npm ci --no-audit --no-fund --loglevel=error

all: build

deps:
	@scripts/deps.sh

# npm ci reinstalls exactly the locked packages whenever the lock changes.
web/node_modules/.package-lock.json: web/package-lock.json web/package.json
	cd web && $(NPM_CI)
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run --silent build
	@touch $@

web: deps web/dist/index.html

tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json tests/e2e/package.json
	cd tests/e2e && $(NPM_CI)
	@touch $@

e2e-deps: deps tests/e2e/node_modules/.package-lock.json

# Configures a build directory to embed web/dist (also one configured before).
embed_web = grep -qx 'ONESTORY_WEB_DIST:PATH=$(WEB_DIST)' $(1)/CMakeCache.txt || \
	cmake -S . -B $(1) -DONESTORY_WEB_DIST=$(WEB_DIST) >/dev/null

$(RELEASE)/build.ninja:
	cmake -S . -B $(RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DONESTORY_WEB_DIST=$(WEB_DIST)

$(ASAN)/build.ninja:
	cmake -S . -B $(ASAN) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DONESTORY_SANITIZE=ON -DONESTORY_BENCHMARKS=OFF \
		-DONESTORY_WEB_DIST=$(WEB_DIST)

build: deps web $(RELEASE)/build.ninja
	@$(call embed_web,$(RELEASE))
	cmake --build $(RELEASE) -j $(JOBS)

build-asan: deps web $(ASAN)/build.ninja
	@$(call embed_web,$(ASAN))
	cmake --build $(ASAN) -j $(JOBS)

# libFuzzer targets, built by clang 14 with ASan and UBSan in a tree of their own.
$(FUZZ)/build.ninja:
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DONESTORY_FUZZ=ON \
		-DONESTORY_TESTS=OFF -DONESTORY_BENCHMARKS=OFF

build-fuzz: deps $(FUZZ)/build.ninja
	cmake --build $(FUZZ) -j $(JOBS) --target fuzzers

# Every unit and API test, with the Store conformance suite and the API suite
# also on a throw-away PostgreSQL 15 cluster; the same under ASan + UBSan,
# where only the store's PostgreSQL tests run on PostgreSQL (the API suite's
# second run is left to the release build, to keep make test quick); then the
# browser tests (Chromium against the release binary); then each fuzz target
# briefly on its seed corpus.
test: build build-asan build-fuzz e2e-deps
	scripts/run-tests.sh $(RELEASE) --postgres
	scripts/run-tests.sh $(ASAN) --postgres-store
	node tests/e2e/run.mjs $(RELEASE)/src/cli/onestory
	scripts/run-fuzz.sh $(FUZZ) smoke

test-e2e: build e2e-deps
	node tests/e2e/run.mjs $(RELEASE)/src/cli/onestory

test-unit: build
	scripts/run-tests.sh $(RELEASE)

test-postgres: build
	scripts/run-tests.sh $(RELEASE) --postgres

demo: build
	$(RELEASE)/src/cli/onestory demo --listen 127.0.0.1:8080

# Each fuzz target for FUZZ_SECONDS (default 60).
fuzz: build-fuzz
	scripts/run-fuzz.sh $(FUZZ) long

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
	rm -rf $(BUILD) web/dist
