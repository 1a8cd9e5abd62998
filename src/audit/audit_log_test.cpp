// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "audit/audit_log.hpp"

#include <gtest/gtest.h>

#include "crypto/aead.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace onestory::audit {
namespace {

class AuditLogTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store::SqliteOptions options;
        options.path = dir_.path() / "onestory.db";
        options.create = true;
        options.synchronous_full = false;
        auto opened = store::OpenSqliteStore(options);
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
    }

    void AppendMany(int n) {
        for (int i = 0; i < n; ++i) {
            AuditEvent e;
            e.actor_id = "st_" + std::to_string(i % 3);
            e.actor_agency_id = "ag_ngo";
            e.action = "survivor.read";
            e.outcome = "success";
            e.resource_kind = "survivor";
            e.resource_id = "sv_" + std::to_string(i % 4);
            e.survivor_id = e.resource_id;
            e.fields = {"legal_name", "birth_date"};
            e.purpose = "aftercare";
            ASSERT_TRUE(store_->Write([&](store::Transaction& tx) { return log_.Append(tx, e); }).ok());
            clock_.Advance(std::chrono::seconds(1));
        }
    }

    void Sql(const std::string& sql) {
        ASSERT_TRUE(store_->Write([&](store::Transaction& tx) { return tx.ExecScript(sql); }).ok()) << sql;
    }

    VerifyReport Verify() {
        auto report = log_.Verify(*store_);
        EXPECT_TRUE(report.ok()) << report.status().ToString();
        return report.ok() ? *report : VerifyReport{};
    }

    testing::TempDir dir_;
    std::unique_ptr<store::Store> store_;
    crypto::SecretBytes key_ = crypto::NewKey();
    ManualClock clock_{FromMicros(1'800'000'000'000'000)};
    AuditLog log_{key_, clock_};
};

TEST_F(AuditLogTest, AnIntactChainVerifiesAndCounts) {
    EXPECT_TRUE(Verify().intact);
    AppendMany(25);
    const auto report = Verify();
    EXPECT_TRUE(report.intact) << report.problem;
    EXPECT_EQ(report.events, 25);
}

TEST_F(AuditLogTest, ReadReturnsEventsNewestFirstWithFieldNames) {
    AppendMany(6);
    ASSERT_TRUE(store_
                    ->Read([&](store::Transaction& tx) -> Status {
                        store::AuditFilter filter;
                        filter.survivor_id = "sv_1";
                        ONESTORY_ASSIGN_OR_RETURN(auto events, log_.Read(tx, filter));
                        EXPECT_EQ(events.size(), 2u);  // events 2 and 6
                        EXPECT_EQ(events.at(0).seq, 6);
                        EXPECT_EQ(events.at(0).event.fields, (std::vector<std::string>{"legal_name", "birth_date"}));
                        EXPECT_GT(events.at(0).at, events.at(1).at);
                        return Status::Ok();
                    })
                    .ok());
}

TEST_F(AuditLogTest, EditingAnyColumnIsDetected) {
    for (const char* column : {"actor_id", "action", "outcome", "survivor_id", "fields", "purpose", "detail"}) {
        SCOPED_TRACE(column);
        SetUp();  // a fresh database each round
        AppendMany(10);
        Sql(std::string("UPDATE audit_events SET ") + column + " = 'forged' WHERE seq = 4");
        const auto report = Verify();
        EXPECT_FALSE(report.intact);
        EXPECT_EQ(report.first_bad_seq, 4);
        EXPECT_NE(report.problem.find("altered"), std::string::npos) << report.problem;
    }
}

TEST_F(AuditLogTest, EditingTheTimeIsDetected) {
    AppendMany(5);
    Sql("UPDATE audit_events SET at = at + 1 WHERE seq = 2");
    EXPECT_EQ(Verify().first_bad_seq, 2);
}

TEST_F(AuditLogTest, DeletingAnEventInTheMiddleIsDetected) {
    AppendMany(10);
    Sql("DELETE FROM audit_events WHERE seq = 5");
    const auto report = Verify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_seq, 5);
    EXPECT_NE(report.problem.find("missing"), std::string::npos);
}

TEST_F(AuditLogTest, DeletingAndRenumberingIsDetected) {
    AppendMany(10);
    Sql("DELETE FROM audit_events WHERE seq = 5; UPDATE audit_events SET seq = seq - 1 WHERE seq > 5");
    const auto report = Verify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_seq, 5);
}

TEST_F(AuditLogTest, CuttingEventsOffTheEndIsDetected) {
    AppendMany(10);
    Sql("DELETE FROM audit_events WHERE seq >= 9");
    const auto report = Verify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_seq, 9);
}

TEST_F(AuditLogTest, ReorderingEventsIsDetected) {
    AppendMany(10);
    Sql("UPDATE audit_events SET seq = -1 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4;"
        "UPDATE audit_events SET seq = 4 WHERE seq = -1");
    const auto report = Verify();
    EXPECT_FALSE(report.intact);
    EXPECT_EQ(report.first_bad_seq, 3);
}

TEST_F(AuditLogTest, ForgingTheHeadIsDetected) {
    AppendMany(3);
    Sql("UPDATE audit_head SET seq = 2");
    EXPECT_FALSE(Verify().intact);
}

TEST_F(AuditLogTest, AChainMadeWithAnotherKeyDoesNotVerify) {
    AppendMany(3);
    crypto::SecretBytes other = crypto::NewKey();
    AuditLog stranger(other, clock_);
    auto report = stranger.Verify(*store_);
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->intact);
    EXPECT_EQ(report->first_bad_seq, 1);
}

TEST_F(AuditLogTest, AnAppendInAFailedWriteLeavesNoTrace) {
    AppendMany(2);
    const Status failed = store_->Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(log_.Append(tx, AuditEvent{}));
        return Status::Conflict("test", "roll back");
    });
    EXPECT_FALSE(failed.ok());
    AppendMany(1);
    const auto report = Verify();
    EXPECT_TRUE(report.intact) << report.problem;
    EXPECT_EQ(report.events, 3);
}

}  // namespace
}  // namespace onestory::audit
