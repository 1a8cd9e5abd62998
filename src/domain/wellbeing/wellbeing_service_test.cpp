// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/wellbeing/wellbeing_service.hpp"

#include <gtest/gtest.h>

#include "domain/domain_fixture_for_test.hpp"
#include "store/interview_rows.hpp"

namespace onestory::domain {
namespace {

class WellbeingServiceTest : public DomainTest {
  protected:
    void SetUp() override {
        DomainTest::SetUp();
        settings_.exposure_nudge_minutes = 120;
        wellbeing_ = std::make_unique<WellbeingService>(*ctx_, keys_->wellbeing);
        // The manual clock stands on a Thursday.
        clock_.Set(*ParseInstant("2026-11-26T12:00:00Z"));
    }
    void TearDown() override {
        wellbeing_.reset();
        DomainTest::TearDown();
    }
    std::map<std::string, int> Answers(int value) {
        std::map<std::string, int> answers;
        for (const auto& item : DefaultCheckinInstrument().items) answers[item.id] = value;
        return answers;
    }
    std::unique_ptr<WellbeingService> wellbeing_;
};

TEST_F(WellbeingServiceTest, WeeksStartOnMonday) {
    EXPECT_EQ(FormatDate(WeekOf(*ParseDate("2026-11-26"))), "2026-11-23");
    EXPECT_EQ(FormatDate(WeekOf(*ParseDate("2026-11-23"))), "2026-11-23");
    EXPECT_EQ(FormatDate(WeekOf(*ParseDate("2026-11-29"))), "2026-11-23");
    EXPECT_EQ(FormatDate(WeekOf(*ParseDate("2027-01-01"))), "2026-12-28");
}

TEST_F(WellbeingServiceTest, HeavyWeeksWithoutDebriefNudgeTheStaffMemberOnce) {
    const auto cw = MakeStaff("cw1", false, {policy::Role::kCaseworker});
    auto first = wellbeing_->LogExposure(cw, {*ParseDate("2026-11-24"), 90, ExposureKind::kInterview});
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_FALSE(first->nudge.has_value());
    EXPECT_EQ(first->week_minutes, 90);
    auto second = wellbeing_->LogExposure(cw, {*ParseDate("2026-11-25"), 60, ExposureKind::kHearing});
    ASSERT_TRUE(second.ok());
    ASSERT_TRUE(second->nudge.has_value());
    EXPECT_EQ(second->nudge->exposure_minutes, 150);
    EXPECT_EQ(FormatDate(second->nudge->week), "2026-11-23");
    auto third = wellbeing_->LogExposure(cw, {*ParseDate("2026-11-26"), 30, ExposureKind::kOther});
    ASSERT_TRUE(third.ok());
    EXPECT_FALSE(third->nudge.has_value());  // once a week
    auto open = wellbeing_->ListNudges(cw);
    ASSERT_TRUE(open.ok());
    ASSERT_EQ(open->size(), 1u);
    EXPECT_NE(open->front().message.find("2.5 hours"), std::string::npos) << open->front().message;
    // Nobody else has it, the supervisor included.
    const auto supervisor = MakeStaff("sup", false, {policy::Role::kSupervisor});
    EXPECT_TRUE(wellbeing_->ListNudges(supervisor)->empty());
    EXPECT_EQ(wellbeing_->DismissNudge(supervisor, open->front().id).status().code(), StatusCode::kNotFound);
    // A debrief in that week resolves it.
    auto debrief = wellbeing_->LogDebrief(cw, *ParseDate("2026-11-26"));
    ASSERT_TRUE(debrief.ok());
    EXPECT_EQ(debrief->nudges_resolved, 1);
    EXPECT_TRUE(wellbeing_->ListNudges(cw)->empty());
}

TEST_F(WellbeingServiceTest, ADebriefedInterviewCountsAsTheWeeksDebrief) {
    const auto cw = MakeStaff("cw1", false, {policy::Role::kCaseworker});
    const auto [survivor, kase] = SurvivorWithCase(cw, "Test Wellbeing Person");
    ASSERT_TRUE(store_
                    ->Write([&, survivor = survivor, kase = kase](store::Transaction& tx) {
                        store::InterviewRow i;
                        i.id = "iv_wb";
                        i.case_id = kase;
                        i.survivor_id = survivor;
                        i.agency_id = cw.agency_id;
                        i.purpose = "aftercare";
                        i.topics = "needs";
                        i.interviewer_id = cw.id;
                        i.acc_children = "none";
                        i.debriefed_at = ToMicros(*ParseInstant("2026-11-24T15:00:00Z"));
                        i.created_by = cw.id;
                        return store::InsertInterview(tx, i);
                    })
                    .ok());
    auto heavy = wellbeing_->LogExposure(cw, {*ParseDate("2026-11-24"), 200, ExposureKind::kInterview});
    ASSERT_TRUE(heavy.ok());
    EXPECT_FALSE(heavy->nudge.has_value());
    // The following week has no debrief.
    clock_.Set(*ParseInstant("2026-12-02T12:00:00Z"));
    auto next = wellbeing_->LogExposure(cw, {*ParseDate("2026-12-01"), 200, ExposureKind::kInterview});
    ASSERT_TRUE(next.ok());
    EXPECT_TRUE(next->nudge.has_value());
    EXPECT_EQ(wellbeing_->LogExposure(cw, {*ParseDate("2026-12-09"), 30, ExposureKind::kOther}).status().field(), "on");
    EXPECT_EQ(wellbeing_->LogExposure(cw, {*ParseDate("2026-12-01"), 0, ExposureKind::kOther}).status().field(),
              "minutes");
}

TEST_F(WellbeingServiceTest, CheckInsAreSealedAndOnlyTheirOwnerReadsThem) {
    const auto cw = MakeStaff("cw1", false, {policy::Role::kCaseworker});
    const auto supervisor = MakeStaff("sup", false, {policy::Role::kSupervisor, policy::Role::kCaseworker});
    auto low = wellbeing_->TakeCheckin(cw, Answers(2), std::string("A secret-note-for-me-only about the week"));
    ASSERT_TRUE(low.ok()) << low.status().ToString();
    clock_.Advance(std::chrono::hours(24 * 7));
    auto high = wellbeing_->TakeCheckin(cw, Answers(4), std::nullopt);
    ASSERT_TRUE(high.ok());
    // "Stayed with me" is reversed: all 2s score (1+1+3+1+1)/4/5 = 35, all 4s 65.
    EXPECT_DOUBLE_EQ(low->score, 35.0);
    EXPECT_DOUBLE_EQ(high->score, 65.0);
    auto history = wellbeing_->ListCheckins(cw);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->items.size(), 2u);
    EXPECT_EQ(history->items[0].note, std::optional<std::string>("A secret-note-for-me-only about the week"));
    EXPECT_EQ(history->items[0].answers.at("energy"), 2);
    EXPECT_EQ(history->trend.direction, "better");
    EXPECT_DOUBLE_EQ(*history->trend.change, 30.0);
    EXPECT_TRUE(wellbeing_->GetCheckin(cw, low->id).ok());
    for (const auto& other : {supervisor, admin_}) {
        const auto refused = wellbeing_->GetCheckin(other, low->id);
        EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
        EXPECT_EQ(refused.status().reason(), "private_checkin");
    }
    EXPECT_TRUE(wellbeing_->ListCheckins(supervisor)->items.empty());
    // Nothing of it is in the database as plaintext.
    std::string raw;
    ASSERT_TRUE(store_
                    ->Read([&](store::Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT answers FROM staff_checkins"));
                        for (const auto& r : rows) raw += r[0].AsBlob();
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_EQ(raw.find("secret-note"), std::string::npos);
    EXPECT_EQ(raw.find("energy"), std::string::npos);
    // Answers outside the instrument are refused, naming the item.
    auto missing = Answers(3);
    missing.erase("supported");
    EXPECT_EQ(wellbeing_->TakeCheckin(cw, missing, std::nullopt).status().field(), "answers.supported");
    auto out_of_scale = Answers(3);
    out_of_scale["energy"] = 6;
    EXPECT_EQ(wellbeing_->TakeCheckin(cw, out_of_scale, std::nullopt).status().field(), "answers.energy");
    // The owner's check-ins never reach the audit log the supervisors read;
    // others' refused attempts to open one do.
    int refusals = 0;
    for (const auto& e : AllEvents()) {
        if (e.event.action.find("wellbeing") == std::string::npos) continue;
        EXPECT_NE(e.event.actor_id, cw.id) << e.event.action;
        EXPECT_EQ(e.event.outcome, "denied") << e.event.action;
        ++refusals;
    }
    EXPECT_EQ(refusals, 2);
}

TEST_F(WellbeingServiceTest, SupervisorsSeeAggregatesOverFiveStaffOnly) {
    const auto supervisor = MakeStaff("sup", false, {policy::Role::kSupervisor});
    std::vector<policy::Actor> staff{supervisor};
    for (int i = 0; i < 3; ++i)
        staff.push_back(MakeStaff("cw" + std::to_string(i), false, {policy::Role::kCaseworker}));
    // Admin + supervisor + 3 caseworkers = 5 active staff of the NGO.
    for (std::size_t i = 0; i < staff.size(); ++i) {
        ASSERT_TRUE(wellbeing_->LogExposure(staff[i], {*ParseDate("2026-11-24"), 60, ExposureKind::kInterview}).ok());
    }
    ASSERT_TRUE(wellbeing_->TakeCheckin(staff[1], Answers(3), std::nullopt).ok());
    auto summary = wellbeing_->Summary(supervisor, std::nullopt, ParseDate("2026-11-23"), ParseDate("2026-11-26"));
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    ASSERT_EQ(summary->active_staff, std::optional<std::int64_t>(5));
    ASSERT_EQ(summary->weeks.size(), 1u);
    EXPECT_FALSE(summary->weeks[0].exposure_hours.has_value());  // only four logged exposure
    EXPECT_DOUBLE_EQ(*summary->weeks[0].share_checked_in, 0.2);
    ASSERT_TRUE(wellbeing_->LogExposure(admin_, {*ParseDate("2026-11-25"), 30, ExposureKind::kOther}).ok());
    summary = wellbeing_->Summary(supervisor, std::nullopt, ParseDate("2026-11-23"), ParseDate("2026-11-26"));
    ASSERT_TRUE(summary.ok());
    EXPECT_DOUBLE_EQ(*summary->weeks[0].exposure_hours, 4.5);
    EXPECT_DOUBLE_EQ(*summary->weeks[0].mean_exposure_hours, 0.9);
    // A small agency shows nothing at all.
    const auto police_supervisor = MakeStaff("psup", true, {policy::Role::kSupervisor});
    auto small = wellbeing_->Summary(police_supervisor, std::nullopt, std::nullopt, std::nullopt);
    ASSERT_TRUE(small.ok());
    EXPECT_FALSE(small->active_staff.has_value());
    for (const auto& w : small->weeks) {
        EXPECT_FALSE(w.share_checked_in.has_value());
        EXPECT_FALSE(w.exposure_hours.has_value());
    }
    EXPECT_EQ(small->weeks.size(), 12u);
    // Another agency's aggregates are refused; caseworkers have none.
    EXPECT_EQ(wellbeing_->Summary(police_supervisor, ngo_id_, std::nullopt, std::nullopt).status().reason(),
              "other_agency");
    EXPECT_EQ(wellbeing_->Summary(staff[1], std::nullopt, std::nullopt, std::nullopt).status().reason(),
              "role_not_permitted");
}

}  // namespace
}  // namespace onestory::domain
