# onestory — the two commands: `make demo` and `make test`.
# Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0

BUILD      ?= build
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
RELEASE    := $(BUILD)/release
ASAN       := $(BUILD)/asan
FUZZ       := $(BUILD)/fuzz

.PHONY: all deps build build-asan build-fuzz test test-unit test-asan demo bench fuzz format format-check clean

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

# libFuzzer targets, built by clang 14 with ASan and UBSan in a tree of their own.
$(FUZZ)/build.ninja:
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DONESTORY_FUZZ=ON \
		-DONESTORY_TESTS=OFF -DONESTORY_BENCHMARKS=OFF

build-fuzz: deps $(FUZZ)/build.ninja
	cmake --build $(FUZZ) -j $(JOBS) --target fuzzers

# Every unit and API test, then the same again under ASan + UBSan, then
# each fuzz target briefly on its seed corpus.
test: build build-asan build-fuzz
	scripts/run-tests.sh $(RELEASE)
	scripts/run-tests.sh $(ASAN)
	scripts/run-fuzz.sh $(FUZZ) smoke

test-unit: build
	scripts/run-tests.sh $(RELEASE)

demo: build
	$(RELEASE)/src/cli/onestory demo --listen 127.0.0.1:8080

# Each fuzz target for FUZZ_SECONDS (default 60).
fuzz: build-fuzz
	scripts/run-fuzz.sh $(FUZZ) long

bench: build
	@scripts/deps.sh bench
	bench/run.sh $(RELEASE)

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 -i

format-check:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 --dry-run --Werror

clean:
	rm -rf $(BUILD)
