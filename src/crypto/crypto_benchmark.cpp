// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <benchmark/benchmark.h>

#include <string>

#include "crypto/aead.hpp"
#include "crypto/blind_index.hpp"
#include "crypto/field_seal.hpp"
#include "crypto/keyring.hpp"
#include "crypto/random.hpp"

namespace onestory::crypto {
namespace {

constexpr std::string_view kSurvivor = "sv_abcdefghijklmnopqrstuvwxyz";

void BM_SealField(benchmark::State& state) {
    const SecretBytes key = NewKey();
    const std::string value(static_cast<std::size_t>(state.range(0)), 'x');
    for (auto _ : state) benchmark::DoNotOptimize(SealField(key, kSurvivor, "statement", value, "sp_1"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_SealField)->Arg(64)->Arg(4096);

void BM_OpenField(benchmark::State& state) {
    const SecretBytes key = NewKey();
    const std::string sealed =
        SealField(key, kSurvivor, "statement", std::string(static_cast<std::size_t>(state.range(0)), 'x'), "sp_1");
    for (auto _ : state) {
        auto opened = OpenField(key, kSurvivor, "statement", sealed, "sp_1");
        if (!opened.ok()) state.SkipWithError("open failed");
        benchmark::DoNotOptimize(opened);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_OpenField)->Arg(64)->Arg(4096);

// What registering a survivor costs for duplicate detection: normalise a name
// and a birth date and index the pair.
void BM_BlindIndex(benchmark::State& state) {
    const SecretBytes key = NewKey();
    for (auto _ : state) {
        const std::string value =
            NormalizeForIndex("  María José  Łukasiewicz-Øster ") + "|" + NormalizeForIndex("1990-04-01");
        benchmark::DoNotOptimize(BlindIndex(key, "name_birth", value));
    }
}
BENCHMARK(BM_BlindIndex);

void BM_UnwrapDataKey(benchmark::State& state) {
    const Keyring keyring(NewKey());
    const std::string name = "survivor:" + std::string(kSurvivor);
    const std::string wrapped = keyring.Wrap(NewKey(), name);
    for (auto _ : state) {
        auto key = keyring.Unwrap(wrapped, name);
        if (!key.ok()) state.SkipWithError("unwrap failed");
        benchmark::DoNotOptimize(key);
    }
}
BENCHMARK(BM_UnwrapDataKey);

}  // namespace
}  // namespace onestory::crypto
