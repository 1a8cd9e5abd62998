// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/survivor_data_registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
namespace {

class SurvivorDataRegistryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        SqliteOptions options;
        options.path = dir_.path() / "onestory.db";
        options.create = true;
        options.synchronous_full = false;
        auto opened = OpenSqliteStore(options);
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
    }

    std::vector<std::string> Column(const std::string& sql, std::initializer_list<SqlValue> params = {}) {
        std::vector<std::string> out;
        EXPECT_TRUE(store_
                        ->Read([&](Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, params));
                            for (const auto& r : rows) out.push_back(r.at(0).AsText());
                            return Status::Ok();
                        })
                        .ok());
        return out;
    }

    std::int64_t Count(const std::string& sql, const std::string& survivor_id) {
        std::int64_t n = -1;
        EXPECT_TRUE(store_
                        ->Read([&](Transaction& tx) -> Status {
                            ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, {survivor_id}));
                            n = rows.at(0).at(0).AsInt();
                            return Status::Ok();
                        })
                        .ok());
        return n;
    }

    void Exec(const std::string& script) {
        ASSERT_TRUE(store_->Write([&](Transaction& tx) { return tx.ExecScript(script); }).ok()) << script;
    }

    // A survivor with a case, a team member and a portal session.
    void AddSurvivor(const std::string& id, const std::string& secret) {
        Exec(
            "INSERT INTO survivors (id, agency_id, registered_by, code_name, data_key, legal_name, languages, "
            "created_at, updated_at, version) VALUES ('" +
            id + "', 'ag1', 'st1', 'Code " + id + "', X'" + std::string(96, 'A') + "', CAST('" + secret +
            "' AS BLOB), 'sw', 1, 1, 1);"
            "INSERT INTO cases (id, survivor_id, agency_id, opened_by, stage, status, exploitation_types, created_at, "
            "updated_at, version) VALUES ('cs_" +
            id + "', '" + id +
            "', 'ag1', 'st1', 'intake', 'active', '', 1, 1, 1);"
            "INSERT INTO case_team VALUES ('cs_" +
            id +
            "', 'st1', 'lead', 'st1', 1);"
            "INSERT INTO sessions (token_hash, principal_kind, principal_id, csrf_hash, created_at, last_seen_at) "
            "VALUES ('tok_" +
            id + "', 'survivor', '" + id + "', 'c', 1, 1);");
    }

    testing::TempDir dir_;
    std::unique_ptr<Store> store_;
};

std::set<std::string> Registered() {
    std::set<std::string> out;
    for (const auto& t : SurvivorDataTables()) out.emplace(t.table);
    return out;
}

// The test that keeps erasure complete as capabilities add tables: a table
// that names a survivor, or points at a table of survivor data, must be in
// the registry (its rows are erased) or among the kept tables (metadata).
TEST_F(SurvivorDataRegistryTest, EveryTableHoldingSurvivorDataIsRegistered) {
    const auto registered = Registered();
    const std::set<std::string> kept(TablesKeptOnErasure().begin(), TablesKeptOnErasure().end());
    const auto tables = Column("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    ASSERT_GT(tables.size(), 5u);
    for (const auto& table : tables) {
        if (registered.contains(table) || kept.contains(table)) continue;
        const auto columns = Column("SELECT name FROM pragma_table_info($1)", {table});
        EXPECT_EQ(std::count(columns.begin(), columns.end(), "survivor_id"), 0)
            << "table " << table << " has a survivor_id column but is not in store/survivor_data_registry.cpp: "
            << "erasing a survivor would leave its rows behind";
        for (const auto& parent : Column("SELECT \"table\" FROM pragma_foreign_key_list($1)", {table})) {
            EXPECT_FALSE(registered.contains(parent))
                << "table " << table << " refers to " << parent
                << ", which holds survivor data, but is not in store/survivor_data_registry.cpp";
        }
    }
    for (const auto& t : SurvivorDataTables()) {
        const auto columns = Column("SELECT name FROM pragma_table_info($1)", {std::string(t.table)});
        EXPECT_FALSE(columns.empty()) << "registered table " << t.table << " does not exist";
        EXPECT_EQ(std::count(columns.begin(), columns.end(), std::string(t.column)), 1)
            << t.table << " has no column " << t.column;
        EXPECT_TRUE(t.via.empty() || registered.contains(std::string(t.via))) << t.via;
    }
}

TEST_F(SurvivorDataRegistryTest, ChildTablesComeBeforeTheTablesTheyReference) {
    const auto tables = SurvivorDataTables();
    for (std::size_t i = 0; i < tables.size(); ++i) {
        for (const auto& parent :
             Column("SELECT \"table\" FROM pragma_foreign_key_list($1)", {std::string(tables[i].table)})) {
            for (std::size_t j = 0; j < i; ++j) {
                EXPECT_NE(tables[j].table, parent)
                    << tables[i].table << " refers to " << parent << " but is listed after it";
            }
        }
    }
}

TEST_F(SurvivorDataRegistryTest, DeletesEveryRowOfOneSurvivorAndNothingElse) {
    Exec(
        "INSERT INTO agencies VALUES ('ag1', 'Agency', 'ngo', 'KE', 1, 1, 1);"
        "INSERT INTO staff VALUES ('st1', 'ag1', 'user', 'User', 'h', 'caseworker', 1, 1, 1, 1);");
    AddSurvivor("sv_one", "first-secret");
    AddSurvivor("sv_two", "second-secret");
    std::map<std::string, std::int64_t> others_before;
    for (const auto& t : SurvivorDataTables())
        others_before[std::string(t.table)] = Count(CountSurvivorRowsSql(t), "sv_two");
    std::vector<std::pair<std::string, std::int64_t>> deleted;
    ASSERT_TRUE(store_
                    ->Write([&](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(deleted, DeleteSurvivorData(tx, "sv_one"));
                        return Status::Ok();
                    })
                    .ok());
    EXPECT_EQ(deleted.size(), 4u);
    for (const auto& t : SurvivorDataTables()) {
        EXPECT_EQ(Count(CountSurvivorRowsSql(t), "sv_one"), 0) << t.table;
        EXPECT_EQ(Count(CountSurvivorRowsSql(t), "sv_two"), others_before[std::string(t.table)]) << t.table;
    }
    EXPECT_TRUE(Column("PRAGMA foreign_key_check").empty());
    EXPECT_EQ(Column("SELECT id FROM staff").size(), 1u);
}

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST_F(SurvivorDataRegistryTest, DiscardingDeletedDataLeavesNoCopyInTheFiles) {
    Exec(
        "INSERT INTO agencies VALUES ('ag1', 'Agency', 'ngo', 'KE', 1, 1, 1);"
        "INSERT INTO staff VALUES ('st1', 'ag1', 'user', 'User', 'h', 'caseworker', 1, 1, 1, 1);");
    const std::string canary = "Erasure-Canary-Value-7781";
    AddSurvivor("sv_gone", canary);
    const auto db = dir_.path() / "onestory.db";
    const auto wal = dir_.path() / "onestory.db-wal";
    ASSERT_NE((ReadAll(db) + ReadAll(wal)).find(canary), std::string::npos) << "the check cannot see the value";
    ASSERT_TRUE(store_->Write([&](Transaction& tx) { return DeleteSurvivorData(tx, "sv_gone").status(); }).ok());
    // Deleted, but the older page is still in the write-ahead log.
    EXPECT_NE(ReadAll(wal).find(canary), std::string::npos);
    ASSERT_TRUE(store_->DiscardDeletedData().ok());
    EXPECT_EQ(ReadAll(db).find(canary), std::string::npos);
    EXPECT_EQ(ReadAll(wal).find(canary), std::string::npos);
    EXPECT_EQ(ReadAll(wal).size(), 0u);
    // The store goes on working.
    AddSurvivor("sv_next", "another");
    EXPECT_EQ(Count("SELECT COUNT(*) FROM survivors WHERE id = $1", "sv_next"), 1);
}

}  // namespace
}  // namespace onestory::store
