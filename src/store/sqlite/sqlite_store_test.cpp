// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
namespace {

SqliteOptions OptionsIn(const testing::TempDir& dir, bool create) {
    SqliteOptions o;
    o.path = dir.path() / "onestory.db";
    o.create = create;
    o.synchronous_full = false;
    return o;
}

TEST(SqliteStoreTest, RefusesAMissingDatabaseUnlessCreating) {
    testing::TempDir dir;
    auto missing = OpenSqliteStore(OptionsIn(dir, false));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(missing.status().message().find("onestory init"), std::string::npos);
    EXPECT_TRUE(OpenSqliteStore(OptionsIn(dir, true)).ok());
}

TEST(SqliteStoreTest, DatabaseIsPrivateAndInWalMode) {
    testing::TempDir dir;
    auto store = OpenSqliteStore(OptionsIn(dir, true));
    ASSERT_TRUE(store.ok());
    struct stat st {};
    ASSERT_EQ(::stat((dir.path() / "onestory.db").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0u);
    ASSERT_TRUE((*store)
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(Rows mode, tx.Query("PRAGMA journal_mode"));
                        EXPECT_EQ(mode.at(0).at(0).AsText(), "wal");
                        ONESTORY_ASSIGN_OR_RETURN(Rows fk, tx.Query("PRAGMA foreign_keys"));
                        EXPECT_EQ(fk.at(0).at(0).AsInt(), 1);
                        return Status::Ok();
                    })
                    .ok());
}

TEST(SqliteStoreTest, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
    testing::TempDir dir;
    {
        auto store = OpenSqliteStore(OptionsIn(dir, true));
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE((*store)
                        ->Write([](Transaction& tx) {
                            return tx.Exec("INSERT INTO agencies VALUES ('a', 'n', 'ngo', 'KE', 1, 1, 1)").status();
                        })
                        .ok());
    }
    auto store = OpenSqliteStore(OptionsIn(dir, false));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), LatestVersion(SqliteMigrations()));
    ASSERT_TRUE((*store)
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query("SELECT COUNT(*) FROM schema_migrations"));
                        // Each migration applied once (numbers may have gaps while branches land).
                        EXPECT_EQ(rows[0][0].AsInt(), static_cast<std::int64_t>(SqliteMigrations().size()));
                        ONESTORY_ASSIGN_OR_RETURN(Rows agencies, tx.Query("SELECT COUNT(*) FROM agencies"));
                        EXPECT_EQ(agencies[0][0].AsInt(), 1);
                        return Status::Ok();
                    })
                    .ok());
}

TEST(SqliteStoreTest, RefusesASchemaNewerThanTheBinary) {
    testing::TempDir dir;
    {
        auto store = OpenSqliteStore(OptionsIn(dir, true));
        ASSERT_TRUE(store.ok());
        ASSERT_TRUE((*store)
                        ->Write([](Transaction& tx) {
                            return tx.Exec("INSERT INTO schema_migrations VALUES (9999, 'future', 0)").status();
                        })
                        .ok());
    }
    auto store = OpenSqliteStore(OptionsIn(dir, false));
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.status().message().find("newer than this onestory"), std::string::npos);
}

TEST(SqliteStoreTest, PlaceholdersBindByNumberNotByOrder) {
    testing::TempDir dir;
    auto store = OpenSqliteStore(OptionsIn(dir, true));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->Read([](Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(
                            Rows rows, tx.Query("SELECT $2 || '-' || $1 || '-' || $2 || '$1'", {"first", "second"}));
                        EXPECT_EQ(rows.at(0).at(0).AsText(), "second-first-second$1");
                        return Status::Ok();
                    })
                    .ok());
}

}  // namespace
}  // namespace onestory::store
