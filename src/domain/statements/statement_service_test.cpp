// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/statements/statement_service.hpp"

#include <atomic>
#include <thread>

#include "domain/domain_fixture_for_test.hpp"
#include "domain/interviews/interview_service.hpp"
#include "store/passage_rows.hpp"

namespace onestory::domain {
namespace {

class StatementServiceTest : public DomainTest {
  protected:
    void SetUp() override {
        DomainTest::SetUp();
        interviews_ = std::make_unique<InterviewService>(*ctx_);
        statements_ = std::make_unique<StatementService>(*ctx_);
        cw_ = MakeStaff("caseworker", false, {policy::Role::kCaseworker});
        std::tie(survivor_, case_) = SurvivorWithCase(cw_, "Foxtrot Statementname");
        NewInterview plan;
        plan.purpose = policy::Purpose::kAftercare;
        plan.topics = {policy::Topic::kRecruitment, policy::Topic::kTransport};
        plan.scheduled_at = clock_.Now();
        plan.interviewer_id = cw_.id;
        auto interview = interviews_->Plan(cw_, case_, plan);
        ASSERT_TRUE(interview.ok()) << interview.status().ToString();
        interview_ = interview->id;
    }
    void TearDown() override {
        statements_.reset();
        interviews_.reset();
        DomainTest::TearDown();
    }
    Passage Add(policy::Topic topic, const std::string& text) {
        auto p = statements_->Add(cw_, case_, {interview_, topic, text, Sensitivity::kStandard});
        EXPECT_TRUE(p.ok()) << p.status().ToString();
        return p.ok() ? *p : Passage{};
    }

    std::unique_ptr<InterviewService> interviews_;
    std::unique_ptr<StatementService> statements_;
    policy::Actor cw_;
    std::string survivor_, case_, interview_;
};

TEST_F(StatementServiceTest, ConcurrentCorrectionsOfOneVersionLeaveExactlyOneWinner) {
    const Passage p = Add(policy::Topic::kTransport, "We travelled by bus.");
    std::atomic<int> won{0}, superseded{0};
    std::vector<std::thread> reviewers;
    for (int i = 0; i < 8; ++i) {
        reviewers.emplace_back([&, i] {
            const auto r = statements_->Review(
                cw_, p.id, {ReviewStatus::kCorrected, "We travelled by minibus, version " + std::to_string(i), {}});
            if (r.ok()) {
                won.fetch_add(1);
            } else if (r.status().reason() == "superseded") {
                superseded.fetch_add(1);
            }
        });
    }
    for (auto& t : reviewers) t.join();
    EXPECT_EQ(won.load(), 1);
    EXPECT_EQ(superseded.load(), 7);
    // The chain has exactly the original and one correction.
    const auto list = statements_->List(cw_, case_, {});
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->items.size(), 1u);
    EXPECT_EQ(list->items[0].version, 2);
    EXPECT_EQ(list->items[0].supersedes, std::optional<std::string>(p.id));
}

TEST_F(StatementServiceTest, PassageTextIsSealedToItsOwnRow) {
    const Passage a = Add(policy::Topic::kRecruitment, "Alpha passage words");
    const Passage b = Add(policy::Topic::kTransport, "Bravo passage words");
    // Swap the sealed texts between the two rows: neither opens any more.
    ASSERT_TRUE(
        store_
            ->Write([&](store::Transaction& tx) -> Status {
                ONESTORY_ASSIGN_OR_RETURN(auto ra, store::GetPassage(tx, a.id));
                ONESTORY_ASSIGN_OR_RETURN(auto rb, store::GetPassage(tx, b.id));
                EXPECT_EQ(ra->text.find("Alpha"), std::string::npos);
                ONESTORY_RETURN_IF_ERROR(
                    tx.Exec("UPDATE passages SET text = $2 WHERE id = $1", {a.id, store::Blob{rb->text}}).status());
                return tx.Exec("UPDATE passages SET text = $2 WHERE id = $1", {b.id, store::Blob{ra->text}}).status();
            })
            .ok());
    const auto read = statements_->Get(cw_, a.id);
    EXPECT_EQ(read.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(read.status().message().find("Bravo"), std::string::npos);
}

TEST_F(StatementServiceTest, AListReadIsAuditedWithTheTopicsBeforeItIsAnswered) {
    Add(policy::Topic::kRecruitment, "Charlie words");
    Add(policy::Topic::kTransport, "Delta words");
    const auto before = AllEvents().size();
    ASSERT_TRUE(statements_->List(cw_, case_, {}).ok());
    const auto events = AllEvents();
    ASSERT_EQ(events.size(), before + 1);
    EXPECT_EQ(events.back().event.action, "passage.list");
    EXPECT_EQ(events.back().event.detail, "passages=2 topics=recruitment,transport");
    EXPECT_EQ(events.back().event.survivor_id, survivor_);
}

}  // namespace
}  // namespace onestory::domain
