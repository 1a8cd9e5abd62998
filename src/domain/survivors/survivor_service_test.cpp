// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/survivors/survivor_service.hpp"

#include "domain/domain_fixture_for_test.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

class SurvivorServiceTest : public DomainTest {};

TEST_F(SurvivorServiceTest, IdentityIsSealedPerFieldAndSurvivor) {
    const auto cw = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto [a, case_a] = SurvivorWithCase(cw, "Alpha Sealedname");
    const auto [b, case_b] = SurvivorWithCase(cw, "Bravo Sealedname");
    // Swap the sealed legal names between the two rows: neither opens.
    ASSERT_TRUE(store_
                    ->Write([&, a = a, b = b](store::Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(auto ra, store::GetSurvivor(tx, a));
                        ONESTORY_ASSIGN_OR_RETURN(auto rb, store::GetSurvivor(tx, b));
                        EXPECT_EQ(ra->legal_name.find("Alpha"), std::string::npos);
                        std::swap(ra->legal_name, rb->legal_name);
                        ra->version = 2;
                        rb->version = 2;
                        ONESTORY_RETURN_IF_ERROR(store::UpdateSurvivor(tx, *ra).status());
                        return store::UpdateSurvivor(tx, *rb).status();
                    })
                    .ok());
    const auto read = survivors_->Get(cw, a, "case_work");
    EXPECT_EQ(read.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(read.status().message().find("Bravo"), std::string::npos);
}

TEST_F(SurvivorServiceTest, AReadIsAuditedBeforeItIsAnswered) {
    const auto cw = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto [survivor, kase] = SurvivorWithCase(cw, "Charlie Auditname");
    const auto before = AllEvents().size();
    ASSERT_TRUE(survivors_->Get(cw, survivor, "aftercare").ok());
    const auto events = AllEvents();
    ASSERT_EQ(events.size(), before + 1);
    EXPECT_EQ(events.back().event.action, "survivor.read");
    EXPECT_EQ(events.back().event.purpose, "aftercare");
    EXPECT_EQ(events.back().event.reason, "registrant");
}

TEST_F(SurvivorServiceTest, MatchIgnoresCaseDiacriticsAndSpacing) {
    const auto cw = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
    const auto police = MakeStaff("investigator", true, {policy::Role::kInvestigator});
    SurvivorWithCase(cw, "Zoë  Ångström");
    const auto found = survivors_->Match(police, " zoe angstrom ", *ParseDate("1999-09-09"));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 1u);
    const auto none = survivors_->Match(police, "zoe angstrom", *ParseDate("1999-09-10"));
    EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace onestory::domain
