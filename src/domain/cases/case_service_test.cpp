// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/cases/case_service.hpp"

#include <atomic>
#include <thread>

#include "domain/domain_fixture_for_test.hpp"

namespace onestory::domain {
namespace {

class CaseServiceTest : public DomainTest {};

TEST_F(CaseServiceTest, ConcurrentUpdatesOfOneVersionLeaveExactlyOneWinner) {
    const auto cw = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto sup = MakeStaff("supervisor", false, {policy::Role::kSupervisor});
    const auto [survivor, kase] = SurvivorWithCase(cw, "Delta Racename");
    std::atomic<int> won{0}, conflicts{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < 8; ++i) {
        writers.emplace_back([&, i, kase = kase] {
            CasePatch patch;
            patch.stage = i % 2 == 0 ? Stage::kInvestigation : Stage::kAftercare;
            const auto r = cases_->Update(i % 2 == 0 ? cw : sup, kase, 1, patch);
            if (r.ok()) {
                won.fetch_add(1);
            } else if (r.status().reason() == "stale_version") {
                conflicts.fetch_add(1);
            }
        });
    }
    for (auto& t : writers) t.join();
    EXPECT_EQ(won.load(), 1);
    EXPECT_EQ(conflicts.load(), 7);
    EXPECT_EQ(cases_->Get(cw, kase)->version, 2);
}

TEST_F(CaseServiceTest, RefusedUpdatesAreAuditedAndChangeNothing) {
    const auto cw = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto outsider = MakeStaff("caseworker2", false, {policy::Role::kCaseworker});
    const auto [survivor, kase] = SurvivorWithCase(cw, "Echo Refusename");
    CasePatch patch;
    patch.stage = Stage::kClosed;
    const auto r = cases_->Update(outsider, kase, 1, patch);
    EXPECT_EQ(r.status().reason(), "not_on_case_team");
    EXPECT_EQ(cases_->Get(cw, kase)->stage, Stage::kIdentification);
    const auto events = AllEvents();
    const auto denied = std::count_if(events.begin(), events.end(), [](const auto& e) {
        return e.event.action == "case.update" && e.event.outcome == "denied";
    });
    EXPECT_EQ(denied, 1);
}

}  // namespace
}  // namespace onestory::domain
