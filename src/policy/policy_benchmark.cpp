// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <benchmark/benchmark.h>

#include "policy/policy.hpp"

namespace onestory::policy {
namespace {

void BM_DecideSurvivorRead(benchmark::State& state) {
    Actor actor;
    actor.id = "st_caseworker";
    actor.agency_id = "ag_ngo";
    actor.roles = {Role::kCaseworker, Role::kCounsellor};
    const Resource resource{"ag_ngo", "sv_1", "cs_1"};
    Context context;
    context.on_case_team = true;
    for (auto _ : state) {
        Decision d = Decide(actor, Action::kReadSurvivor, resource, context);
        benchmark::DoNotOptimize(d);
    }
}
BENCHMARK(BM_DecideSurvivorRead);

}  // namespace
}  // namespace onestory::policy
