// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Copying a SQLite store into another store (what `onestory migrate-store`
// does), into every backend the conformance suite knows.
#include "store/sqlite/sqlite_copy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/account_rows.hpp"
#include "store/audit_rows.hpp"
#include "store/case_rows.hpp"
#include "store/key_rows.hpp"
#include "store/session_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
namespace {

const std::string kSealed("\x01sealed\x00\xff name", 14);

class SqliteCopyTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        ONESTORY_SKIP_UNLESS_AVAILABLE(GetParam());
        SqliteOptions options;
        options.path = dir_.path() / "source.db";
        options.create = true;
        options.synchronous_full = false;
        auto source = OpenSqliteStore(options);
        ASSERT_TRUE(source.ok()) << source.status().ToString();
        source_ = std::move(source).value();
        auto target = GetParam().open();
        ASSERT_TRUE(target.ok()) << target.status().ToString();
        target_ = std::move(target).value();
    }

    // At least one row in every table the foundation has.
    void Fill() {
        ASSERT_TRUE(
            source_
                ->Write([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertSystemKey(tx, {"audit", kSealed, 1}));
                    for (int a = 0; a < 3; ++a) {
                        const std::string ag = "ag_" + std::to_string(a);
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {ag, "Agency " + ag, "ngo", "KE", a, a, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(
                            tx, {"st_" + ag, ag, "user_" + ag, "Staff", "$argon2id$x", "caseworker", true, 1, 1, 1}));
                    }
                    ONESTORY_RETURN_IF_ERROR(PutLoginThrottle(tx, {"key", 2, 0}));
                    ONESTORY_RETURN_IF_ERROR(InsertSession(tx, {"tok", "staff", "st_ag_0", "csrf", 1, 1}));
                    for (int i = 0; i < 40; ++i) {
                        SurvivorRow s;
                        s.id = "sv_" + std::to_string(i);
                        s.agency_id = "ag_0";
                        s.registered_by = "st_ag_0";
                        s.code_name = "Heron " + std::to_string(i);
                        s.data_key = kSealed;
                        s.legal_name = kSealed;
                        s.contact = kSealed;
                        s.languages = "en";
                        s.created_at = i;
                        s.updated_at = i;
                        ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, s));
                        ONESTORY_RETURN_IF_ERROR(InsertCase(tx, {"cs_" + std::to_string(i), s.id, "ag_0", "st_ag_0",
                                                                 "intake", "active", "labour", i, i, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertTeamMember(
                            tx, {"cs_" + std::to_string(i), "st_ag_0", "lead_caseworker", "st_ag_0", i}));
                        AuditEventRow e;
                        e.seq = i + 1;
                        e.id = "ev_" + std::to_string(i);
                        e.prev_hash = std::string(32, static_cast<char>(i));
                        e.hash = std::string(32, static_cast<char>(i + 1));
                        ONESTORY_RETURN_IF_ERROR(InsertAuditEvent(tx, e));
                    }
                    return PutAuditHead(tx, {40, std::string(32, '\x28'), "mac"});
                })
                .ok());
    }

    // Every table in a store's schema but the migration history.
    static std::set<std::string> TablesOf(Store& store) {
        std::set<std::string> out;
        const std::string sql =
            store.backend() == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        EXPECT_TRUE(store
                        .Read([&](Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql));
                            for (const auto& r : rows) out.insert(r[0].AsText());
                            return Status::Ok();
                        })
                        .ok());
        out.erase("schema_migrations");
        return out;
    }

    testing::TempDir dir_;
    std::unique_ptr<Store> source_;
    std::unique_ptr<Store> target_;
};

TEST_P(SqliteCopyTest, EveryTableOfTheSchemaIsCopiedParentsFirst) {
    Fill();
    auto tables = SqliteTablesInDependencyOrder(*source_);
    ASSERT_TRUE(tables.ok());
    std::set<std::string> listed;
    std::vector<std::string> order;
    for (const auto& t : *tables) {
        listed.insert(t.name);
        order.push_back(t.name);
    }
    EXPECT_EQ(listed, TablesOf(*source_)) << "the copy must cover every table of the SQLite schema";
    EXPECT_EQ(listed, TablesOf(*target_)) << "the target's schema has tables the copy would miss";
    auto before = [&](const std::string& a, const std::string& b) {
        return std::find(order.begin(), order.end(), a) < std::find(order.begin(), order.end(), b);
    };
    EXPECT_TRUE(before("agencies", "staff"));
    EXPECT_TRUE(before("staff", "survivors"));
    EXPECT_TRUE(before("survivors", "cases"));
    EXPECT_TRUE(before("cases", "case_team"));

    std::int64_t last_done = 0;
    int reports = 0;
    auto copied = CopySqliteStore(*source_, *target_, 7, [&](const CopyProgress& p) {
        EXPECT_GE(p.done, last_done);
        EXPECT_LE(p.table_done, p.table_rows);
        last_done = p.done;
        ++reports;
    });
    ASSERT_TRUE(copied.ok()) << copied.status().ToString();
    ASSERT_EQ(copied->size(), tables->size());
    EXPECT_GT(reports, 20);  // batches of 7 rows
    for (const auto& c : *copied) {
        std::int64_t source_rows = -1, target_rows = -2;
        ASSERT_TRUE(source_
                        ->Read([&](Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(source_rows, CountRows(tx, c.name));
                            return Status::Ok();
                        })
                        .ok());
        ASSERT_TRUE(target_
                        ->Read([&](Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(target_rows, CountRows(tx, c.name));
                            return Status::Ok();
                        })
                        .ok());
        EXPECT_EQ(c.rows, source_rows) << c.name;
        EXPECT_EQ(target_rows, source_rows) << c.name;
        // The foundation's tables all got rows above; later tables may be empty.
        static const std::set<std::string> kFilled{"system_keys",  "agencies",  "staff", "login_throttle",
                                                   "sessions",     "survivors", "cases", "case_team",
                                                   "audit_events", "audit_head"};
        if (kFilled.contains(c.name)) {
            EXPECT_GT(c.rows, 0) << c.name;
        }
    }
    EXPECT_EQ(last_done, 3 + 3 + 1 + 1 + 1 + 40 * 4 + 1);
    ASSERT_TRUE(target_
                    ->Read([&](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(auto s, GetSurvivor(tx, "sv_7"));
                        EXPECT_EQ(s->legal_name, kSealed);
                        EXPECT_EQ(s->contact, kSealed);
                        EXPECT_FALSE(s->birth_date.has_value());
                        ONESTORY_ASSIGN_OR_RETURN(auto key, GetSystemKey(tx, "audit"));
                        EXPECT_EQ(key->wrapped, kSealed);
                        ONESTORY_ASSIGN_OR_RETURN(auto events, AuditEventsAfter(tx, 0, 100));
                        EXPECT_EQ(events.size(), 40u);
                        EXPECT_EQ(events.back().hash, std::string(32, '\x28'));
                        return Status::Ok();
                    })
                    .ok());
}

TEST_P(SqliteCopyTest, RefusesATargetThatAlreadyHoldsRecordsAndLeavesItAlone) {
    Fill();
    ASSERT_TRUE(target_->Write([](Transaction& tx) {
                           return InsertAgency(tx, {"ag_0", "Mine", "ngo", "KE", 1, 1, 1});
                       })
                    .ok());
    auto copied = CopySqliteStore(*source_, *target_, 100, {});
    ASSERT_FALSE(copied.ok());
    EXPECT_NE(copied.status().message().find("not empty"), std::string::npos) << copied.status().message();
    ASSERT_TRUE(target_
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(auto n, CountRows(tx, "survivors"));
                        EXPECT_EQ(n, 0);
                        ONESTORY_ASSIGN_OR_RETURN(auto a, GetAgency(tx, "ag_0"));
                        EXPECT_EQ(a->name, "Mine");
                        return Status::Ok();
                    })
                    .ok());
}

INSTANTIATE_TEST_SUITE_P(Targets, SqliteCopyTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
