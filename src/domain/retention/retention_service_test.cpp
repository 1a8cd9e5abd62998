// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/retention/retention_service.hpp"

#include "domain/domain_fixture_for_test.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Role;

TEST(RetentionCutoffTest, CountsCalendarYearsOrDays) {
    const Instant now = *ParseInstant("2028-02-29T10:30:00Z");
    EXPECT_EQ(FormatInstant(RetentionCutoff(now, {1, 0})), "2027-02-28T10:30:00Z");
    EXPECT_EQ(FormatInstant(RetentionCutoff(now, {7, 0})), "2021-02-28T10:30:00Z");
    EXPECT_EQ(FormatInstant(RetentionCutoff(now, {0, 30})), "2028-01-30T10:30:00Z");
    EXPECT_EQ(FormatInstant(RetentionCutoff(*ParseInstant("2027-06-15T00:00:00Z"), {4, 0})), "2023-06-15T00:00:00Z");
    EXPECT_EQ(DescribePeriod({1, 0}), "1 year");
    EXPECT_EQ(DescribePeriod({0, 90}), "90 days");
}

class RetentionServiceTest : public DomainTest {
  protected:
    void SetUp() override {
        DomainTest::SetUp();
        ledger_ = std::make_unique<ErasureLedger>(dir_.path() / "erasure.ledger", keys_->audit);
        erasures_ = std::make_unique<ErasureService>(*ctx_, *ledger_);
        retention_ = std::make_unique<RetentionService>(*ctx_, *erasures_);
        caseworker_ = MakeStaff("caseworker", false, {Role::kCaseworker});
    }
    void TearDown() override {
        retention_.reset();
        erasures_.reset();
        DomainTest::TearDown();
    }

    std::string SurvivorWithContact(const std::string& name) {
        NewSurvivor s;
        s.code_name = "Code " + name;
        s.identity.legal_name = name + " Retentionperson";
        s.identity.contact = "+254 700 000 000";
        s.identity.address = "1 Example Road";
        auto created = survivors_->Register(caseworker_, s);
        EXPECT_TRUE(created.ok()) << created.status().ToString();
        return created->id;
    }
    std::string OpenCase(const std::string& survivor) {
        NewCase c;
        c.survivor_id = survivor;
        auto created = cases_->Create(caseworker_, c);
        EXPECT_TRUE(created.ok()) << created.status().ToString();
        return created->id;
    }
    void Close(const std::string& kase) {
        auto current = cases_->Get(caseworker_, kase);
        ASSERT_TRUE(current.ok());
        CasePatch patch;
        patch.status = CaseStatus::kClosed;
        patch.stage = Stage::kClosed;
        ASSERT_TRUE(cases_->Update(caseworker_, kase, current->version, patch).ok());
    }
    std::optional<store::SurvivorRow> Row(const std::string& id) {
        std::optional<store::SurvivorRow> row;
        EXPECT_TRUE(store_
                        ->Read([&](store::Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(row, store::GetSurvivor(tx, id));
                            return Status::Ok();
                        })
                        .ok());
        return row;
    }

    std::unique_ptr<ErasureLedger> ledger_;
    std::unique_ptr<ErasureService> erasures_;
    std::unique_ptr<RetentionService> retention_;
    policy::Actor caseworker_;
};

TEST_F(RetentionServiceTest, ContactDetailsGoAYearAfterTheLastCaseCloses) {
    settings_.retention["contact"] = {1, 0};
    const auto closed = SurvivorWithContact("Closed");
    Close(OpenCase(closed));
    const auto still_open = SurvivorWithContact("Open");
    Close(OpenCase(still_open));
    OpenCase(still_open);  // a second case, still open: nothing of theirs is purged
    const auto no_case = SurvivorWithContact("Nocase");

    // Not yet a year.
    clock_.Advance(std::chrono::hours(24 * 364));
    auto early = retention_->Purge(false);
    ASSERT_TRUE(early.ok()) << early.status().ToString();
    ASSERT_EQ(early->lines.size(), 1u);
    EXPECT_EQ(early->lines[0].survivors, 0);
    EXPECT_TRUE(Row(closed)->contact.has_value());

    clock_.Advance(std::chrono::hours(24 * 2));
    auto dry = retention_->Purge(true);
    ASSERT_TRUE(dry.ok());
    EXPECT_EQ(dry->lines[0].survivors, 1);
    EXPECT_EQ(dry->lines[0].values, 2);
    EXPECT_TRUE(Row(closed)->contact.has_value()) << "a dry run changed something";

    const auto before = AllEvents().size();
    auto purged = retention_->Purge(false);
    ASSERT_TRUE(purged.ok()) << purged.status().ToString();
    EXPECT_EQ(purged->lines[0].survivors, 1);
    EXPECT_EQ(purged->lines[0].values, 2);
    const auto row = Row(closed);
    EXPECT_FALSE(row->contact.has_value());
    EXPECT_FALSE(row->address.has_value());
    EXPECT_EQ(row->version, 2);
    // The identity still opens; only the contact details are gone.
    auto read = survivors_->Get(caseworker_, closed, "case_work");
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->identity->legal_name, "Closed Retentionperson");
    EXPECT_FALSE(read->identity->contact.has_value());
    EXPECT_TRUE(Row(still_open)->contact.has_value());
    EXPECT_TRUE(Row(no_case)->contact.has_value());

    // Audited: one event for the survivor naming the fields, one for the run.
    const auto events = AllEvents();
    ASSERT_GE(events.size(), before + 2);
    int purge_events = 0;
    int run_events = 0;
    for (std::size_t i = before; i < events.size(); ++i) {
        const auto& e = events[i].event;
        run_events += e.action == "retention.run";
        if (e.action == "retention.purge") {
            ++purge_events;
            EXPECT_EQ(e.survivor_id, closed);
            EXPECT_EQ(e.fields, (std::vector<std::string>{"contact", "address"}));
            EXPECT_EQ(e.detail.find("+254"), std::string::npos);
        }
    }
    EXPECT_EQ(purge_events, 1);
    EXPECT_EQ(run_events, 1);
    // Nothing left to do the second time.
    EXPECT_EQ(retention_->Purge(false)->lines[0].survivors, 0);
}

TEST_F(RetentionServiceTest, WholeRecordsAreErasedAndRecordedInTheLedger) {
    settings_.retention["record"] = {0, 30};
    const auto survivor = SurvivorWithContact("Expired");
    Close(OpenCase(survivor));
    const auto reopened = SurvivorWithContact("Reopened");
    const auto kase = OpenCase(reopened);
    Close(kase);
    // Reopening clears the closure: its time no longer counts.
    auto current = cases_->Get(caseworker_, kase);
    CasePatch reopen;
    reopen.status = CaseStatus::kActive;
    reopen.stage = Stage::kAftercare;
    ASSERT_TRUE(cases_->Update(caseworker_, kase, current->version, reopen).ok());

    clock_.Advance(std::chrono::hours(24 * 31));
    auto report = retention_->Purge(false);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->lines.size(), 1u);
    EXPECT_TRUE(report->lines[0].whole_record);
    EXPECT_EQ(report->lines[0].survivors, 1);
    EXPECT_FALSE(Row(survivor).has_value());
    EXPECT_EQ(survivors_->Get(caseworker_, survivor, "case_work").status().code(), StatusCode::kGone);
    EXPECT_TRUE(Row(reopened).has_value());
    auto ledger = ledger_->ReadAll();
    ASSERT_TRUE(ledger.ok());
    ASSERT_EQ(ledger->size(), 1u);
    EXPECT_EQ((*ledger)[0].reason, "retention_expired");
}

TEST_F(RetentionServiceTest, NothingConfiguredMeansNothingPurged) {
    const auto survivor = SurvivorWithContact("Kept");
    Close(OpenCase(survivor));
    clock_.Advance(std::chrono::hours(24 * 365 * 50));
    auto report = retention_->Purge(false);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->lines.empty());
    EXPECT_TRUE(Row(survivor)->contact.has_value());
}

}  // namespace
}  // namespace onestory::domain
