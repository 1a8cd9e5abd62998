// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/erasure/erasure_service.hpp"

#include <fstream>
#include <sstream>

#include "crypto/aead.hpp"
#include "domain/domain_fixture_for_test.hpp"
#include "store/case_rows.hpp"
#include "store/erasure_rows.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Role;

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class ErasureServiceTest : public DomainTest {
  protected:
    void SetUp() override {
        DomainTest::SetUp();
        ledger_ = std::make_unique<ErasureLedger>(dir_.path() / "erasure.ledger", keys_->audit);
        ASSERT_TRUE(ledger_->EnsureExists().ok());
        erasures_ = std::make_unique<ErasureService>(*ctx_, *ledger_);
        supervisor_ = MakeStaff("supervisor", false, {Role::kSupervisor});
        second_ = MakeStaff("supervisor2", false, {Role::kSupervisor});
        caseworker_ = MakeStaff("caseworker", false, {Role::kCaseworker});
    }
    void TearDown() override {
        erasures_.reset();
        DomainTest::TearDown();
    }

    std::optional<store::SurvivorRow> SurvivorRow(const std::string& id) {
        std::optional<store::SurvivorRow> row;
        EXPECT_TRUE(store_
                        ->Read([&](store::Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(row, store::GetSurvivor(tx, id));
                            return Status::Ok();
                        })
                        .ok());
        return row;
    }

    // Two supervisors erase the survivor.
    Erasure Erase(const std::string& survivor) {
        auto requested = erasures_->Request(supervisor_, survivor, ErasureReason::kSurvivorRequest);
        EXPECT_TRUE(requested.ok()) << requested.status().ToString();
        auto approved = erasures_->Approve(second_, requested->id);
        EXPECT_TRUE(approved.ok()) << approved.status().ToString();
        return *approved;
    }

    std::unique_ptr<ErasureLedger> ledger_;
    std::unique_ptr<ErasureService> erasures_;
    policy::Actor supervisor_, second_, caseworker_;
};

TEST_F(ErasureServiceTest, TwoSupervisorsEraseAndNothingOfTheSurvivorOpensAgain) {
    const auto [survivor, kase] = SurvivorWithCase(caseworker_, "Erasable Testperson");
    const auto before = SurvivorRow(survivor);
    ASSERT_TRUE(before.has_value());

    // Only supervisors ask, and the one who asked cannot approve.
    EXPECT_EQ(erasures_->Request(caseworker_, survivor, ErasureReason::kSurvivorRequest).status().reason(),
              "role_not_permitted");
    auto requested = erasures_->Request(supervisor_, survivor, ErasureReason::kSurvivorRequest);
    ASSERT_TRUE(requested.ok()) << requested.status().ToString();
    EXPECT_EQ(requested->status, ErasureStatus::kAwaitingApproval);
    EXPECT_EQ(erasures_->Request(second_, survivor, ErasureReason::kSurvivorRequest).status().reason(),
              "erasure_pending");
    EXPECT_EQ(erasures_->Approve(supervisor_, requested->id).status().reason(), "same_supervisor");
    // Until approved, the record is still there.
    EXPECT_TRUE(survivors_->Get(caseworker_, survivor, "case_work").ok());

    auto approved = erasures_->Approve(second_, requested->id);
    ASSERT_TRUE(approved.ok()) << approved.status().ToString();
    EXPECT_EQ(approved->status, ErasureStatus::kCompleted);
    EXPECT_EQ(erasures_->Approve(second_, requested->id).status().reason(), "not_awaiting_approval");

    // Reads answer Gone; the case is gone with the survivor.
    EXPECT_EQ(survivors_->Get(caseworker_, survivor, "case_work").status().code(), StatusCode::kGone);
    EXPECT_EQ(cases_->Get(caseworker_, kase).status().code(), StatusCode::kNotFound);
    EXPECT_FALSE(SurvivorRow(survivor).has_value());
    // Even with the old wrapped key in hand (a copy taken before), it names a
    // key that no longer exists anywhere in the store's files.
    const std::string files = ReadAll(dir_.path() / "onestory.db") + ReadAll(dir_.path() / "onestory.db-wal");
    EXPECT_EQ(files.find(before->data_key), std::string::npos);
    EXPECT_EQ(files.find(before->legal_name), std::string::npos);

    // The audit keeps who, why and how much, never a value.
    int erase_events = 0;
    for (const auto& e : AllEvents()) {
        EXPECT_EQ(e.event.detail.find("Erasable"), std::string::npos);
        if (e.event.action != "survivor.erase") continue;
        ++erase_events;
        EXPECT_EQ(e.event.actor_id, second_.id);
        EXPECT_EQ(e.event.survivor_id, survivor);
        EXPECT_NE(e.event.detail.find("reason=survivor_request"), std::string::npos);
        EXPECT_NE(e.event.detail.find("survivors:1"), std::string::npos) << e.event.detail;
        EXPECT_NE(e.event.detail.find("cases:1"), std::string::npos) << e.event.detail;
    }
    EXPECT_EQ(erase_events, 1);
    // And the ledger has it.
    auto entries = ledger_->ReadAll();
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ((*entries)[0].survivor_id, survivor);
    EXPECT_EQ(ReadAll(ledger_->path()).find("Erasable"), std::string::npos);
}

TEST_F(ErasureServiceTest, RejectingKeepsTheRecordAndTheRequesterMayWithdraw) {
    const auto [survivor, kase] = SurvivorWithCase(caseworker_, "Kept Testperson");
    auto first = erasures_->Request(supervisor_, survivor, ErasureReason::kRegisteredInError);
    ASSERT_TRUE(first.ok());
    auto withdrawn = erasures_->Reject(supervisor_, first->id);
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.status().ToString();
    EXPECT_EQ(withdrawn->status, ErasureStatus::kRejected);
    auto second = erasures_->Request(supervisor_, survivor, ErasureReason::kRegisteredInError);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    ASSERT_TRUE(erasures_->Reject(second_, second->id).ok());
    EXPECT_TRUE(survivors_->Get(caseworker_, survivor, "case_work").ok());
    auto listed = erasures_->List(supervisor_, {50, std::nullopt}, ErasureStatus::kRejected);
    ASSERT_TRUE(listed.ok());
    EXPECT_EQ(listed->items.size(), 2u);
    const auto police = MakeStaff("police-supervisor", true, {Role::kSupervisor});
    EXPECT_EQ(erasures_->Get(police, second->id).status().reason(), "other_agency");
    EXPECT_TRUE(erasures_->List(police, {50, std::nullopt}, std::nullopt)->items.empty());
}

TEST_F(ErasureServiceTest, ARestoredSurvivorIsErasedAgainFromTheLedger) {
    const auto [survivor, kase] = SurvivorWithCase(caseworker_, "Returning Testperson");
    const auto saved = SurvivorRow(survivor);
    std::optional<store::CaseRow> saved_case;
    ASSERT_TRUE(store_
                    ->Read([&, kase = kase](store::Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(saved_case, store::GetCase(tx, kase));
                        return Status::Ok();
                    })
                    .ok());
    const Erasure erased = Erase(survivor);
    // As if an older backup were restored: the rows are back, and the
    // tombstone of an erasure requested after that backup is not there.
    ASSERT_TRUE(store_
                    ->Write([&](store::Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(tx.Exec("DELETE FROM erasures WHERE id = $1", {erased.id}).status());
                        ONESTORY_RETURN_IF_ERROR(store::InsertSurvivor(tx, *saved));
                        return store::InsertCase(tx, *saved_case);
                    })
                    .ok());
    ASSERT_TRUE(survivors_->Get(caseworker_, survivor, "case_work").ok());

    auto report = erasures_->Reconcile();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->reapplied, 1);
    EXPECT_EQ(survivors_->Get(caseworker_, survivor, "case_work").status().code(), StatusCode::kGone);
    EXPECT_FALSE(SurvivorRow(survivor).has_value());
    // Idempotent.
    auto again = erasures_->Reconcile();
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->reapplied, 0);
    EXPECT_EQ(again->added_to_ledger, 0);
}

TEST_F(ErasureServiceTest, AnErasureACrashInterruptedIsFinishedAtTheNextStart) {
    const auto [survivor, kase] = SurvivorWithCase(caseworker_, "Interrupted Testperson");
    auto requested = erasures_->Request(supervisor_, survivor, ErasureReason::kSurvivorRequest);
    ASSERT_TRUE(requested.ok());
    // The approval committed, then the process died before the ledger line.
    ASSERT_TRUE(store_
                    ->Write([&](store::Transaction& tx) {
                        return tx
                            .Exec("UPDATE erasures SET status = 'approved', version = 2 WHERE id = $1", {requested->id})
                            .status();
                    })
                    .ok());
    auto report = erasures_->Reconcile();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->finished, 1);
    EXPECT_FALSE(SurvivorRow(survivor).has_value());
    auto entries = ledger_->ReadAll();
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ((*entries)[0].erasure_id, requested->id);
}

TEST_F(ErasureServiceTest, ACompletedErasureMissingFromTheLedgerIsAddedBack) {
    const auto [survivor, kase] = SurvivorWithCase(caseworker_, "Unledgered Testperson");
    Erase(survivor);
    std::ofstream(ledger_->path(), std::ios::trunc) << "onestory-erasure-ledger v1\n";
    auto report = erasures_->Reconcile();
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    EXPECT_EQ(report->added_to_ledger, 1);
    EXPECT_EQ(ledger_->ReadAll()->size(), 1u);
}

TEST_F(ErasureServiceTest, RetentionErasesWithoutApprovalAndTakesOverAnOpenRequest) {
    const auto [a, case_a] = SurvivorWithCase(caseworker_, "Expired Testperson");
    const auto [b, case_b] = SurvivorWithCase(caseworker_, "Requested Testperson");
    auto open = erasures_->Request(supervisor_, b, ErasureReason::kSurvivorRequest);
    ASSERT_TRUE(open.ok());
    auto first = erasures_->EraseAsSystem(a, ErasureReason::kRetentionExpired, "retention: record");
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    EXPECT_EQ(first->status, ErasureStatus::kCompleted);
    EXPECT_TRUE(first->requested_by.empty());
    auto second = erasures_->EraseAsSystem(b, ErasureReason::kRetentionExpired, "retention: record");
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    EXPECT_EQ(second->id, open->id);
    EXPECT_FALSE(SurvivorRow(a).has_value());
    EXPECT_FALSE(SurvivorRow(b).has_value());
}

class ErasureLedgerTest : public ::testing::Test {
  protected:
    testing::TempDir dir_;
    crypto::SecretBytes audit_key_ = crypto::NewKey();
    ErasureLedger ledger_{dir_.path() / "erasure.ledger", audit_key_};
};

TEST_F(ErasureLedgerTest, AppendsVerifyAndAnyEditIsFound) {
    ASSERT_TRUE(ledger_.Append({"er_one", "sv_one", "survivor_request", 100}).ok());
    ASSERT_TRUE(ledger_.Append({"er_two", "sv_two", "legal_obligation", 200}).ok());
    ASSERT_TRUE(ledger_.Append({"er_three", "sv_three", "retention_expired", 300}).ok());
    auto entries = ledger_.ReadAll();
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ((*entries)[1].survivor_id, "sv_two");
    EXPECT_EQ((*entries)[2].erased_at, 300);

    const std::string text = ReadAll(ledger_.path());
    const auto second_line = text.find("er_two");
    const auto third_line = text.find("er_three");
    std::vector<std::string> altered{
        text.substr(0, second_line) + text.substr(third_line),  // a line removed
        [&] {
            std::string t = text;
            t.replace(t.find("sv_two"), 6, "sv_twx");
            return t;
        }(),
        [&] {
            std::string t = text;
            t.replace(t.find(" 200 "), 5, " 201 ");
            return t;
        }(),
        "not a ledger\n",
    };
    for (const auto& t : altered) {
        const auto parsed = ledger_.Parse(t);
        EXPECT_EQ(parsed.status().code(), StatusCode::kDataLoss) << t;
    }
    // Another installation's key does not verify it.
    const auto other_key = crypto::NewKey();
    ErasureLedger other(ledger_.path(), other_key);
    EXPECT_EQ(other.ReadAll().status().code(), StatusCode::kDataLoss);
}

TEST_F(ErasureLedgerTest, ALineACrashCutShortIsSkippedAndReplaced) {
    ASSERT_TRUE(ledger_.Append({"er_one", "sv_one", "survivor_request", 100}).ok());
    std::ofstream(ledger_.path(), std::ios::app) << "er_half sv_half surv";
    auto entries = ledger_.ReadAll();
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    EXPECT_EQ(entries->size(), 1u);
    ASSERT_TRUE(ledger_.Append({"er_two", "sv_two", "survivor_request", 200}).ok());
    entries = ledger_.ReadAll();
    ASSERT_TRUE(entries.ok()) << entries.status().ToString();
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ(ReadAll(ledger_.path()).find("er_half"), std::string::npos);
    // An empty file (a crash before its first line) is mended on append.
    std::ofstream(dir_.path() / "empty.ledger").close();
    ErasureLedger empty(dir_.path() / "empty.ledger", audit_key_);
    ASSERT_TRUE(empty.Append({"er_one", "sv_one", "survivor_request", 1}).ok());
    EXPECT_EQ(empty.ReadAll()->size(), 1u);
}

}  // namespace
}  // namespace onestory::domain
