// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/store_backends_for_test.hpp"

#include "store/postgres/postgres_store.hpp"
#include "store/postgres/postgres_test_database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace onestory::store {
namespace {

// Keeps the temporary directory alive exactly as long as the store in it.
class StoreInTempDir final : public Store {
  public:
    StoreInTempDir(std::unique_ptr<testing::TempDir> dir, std::unique_ptr<Store> inner)
        : dir_(std::move(dir)), inner_(std::move(inner)) {}
    ~StoreInTempDir() override { inner_.reset(); }
    Status Read(const TransactionFn& fn) override { return inner_->Read(fn); }
    using Store::Write;
    Status Write(const TransactionFn& fn, Durability d) override { return inner_->Write(fn, d); }
    Status DiscardDeletedData() override { return inner_->DiscardDeletedData(); }
    std::string_view backend() const override { return inner_->backend(); }
    Result<int> SchemaVersion() override { return inner_->SchemaVersion(); }

  private:
    std::unique_ptr<testing::TempDir> dir_;
    std::unique_ptr<Store> inner_;
};

// Keeps a fresh PostgreSQL database alive exactly as long as the store on it.
class StoreInTestDatabase final : public Store {
  public:
    StoreInTestDatabase(std::unique_ptr<TestDatabase> db, std::unique_ptr<Store> inner)
        : db_(std::move(db)), inner_(std::move(inner)) {}
    ~StoreInTestDatabase() override { inner_.reset(); }
    Status Read(const TransactionFn& fn) override { return inner_->Read(fn); }
    using Store::Write;
    Status Write(const TransactionFn& fn, Durability d) override { return inner_->Write(fn, d); }
    std::string_view backend() const override { return inner_->backend(); }
    Result<int> SchemaVersion() override { return inner_->SchemaVersion(); }

  private:
    std::unique_ptr<TestDatabase> db_;
    std::unique_ptr<Store> inner_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresForTest(int pool_size) {
    ONESTORY_ASSIGN_OR_RETURN(auto db, TestDatabase::Create(TestPostgresDsn()));
    PostgresOptions options;
    options.dsn = db->dsn();
    options.pool_size = pool_size;
    ONESTORY_ASSIGN_OR_RETURN(auto inner, OpenPostgresStore(options));
    return std::unique_ptr<Store>(std::make_unique<StoreInTestDatabase>(std::move(db), std::move(inner)));
}

std::vector<BackendForTest> BackendsForTest() {
    std::vector<BackendForTest> out;
    out.push_back({"sqlite", []() -> Result<std::unique_ptr<Store>> {
                       auto dir = std::make_unique<testing::TempDir>();
                       SqliteOptions options;
                       options.path = dir->path() / "onestory.db";
                       options.create = true;
                       options.synchronous_full = false;
                       ONESTORY_ASSIGN_OR_RETURN(auto inner, OpenSqliteStore(options));
                       return std::unique_ptr<Store>(
                           std::make_unique<StoreInTempDir>(std::move(dir), std::move(inner)));
                   }});
    out.push_back({"postgresql", [] { return OpenPostgresForTest(10); },
                   [] {
                       return TestPostgresDsn().empty()
                                  ? std::string(
                                        "set ONESTORY_TEST_POSTGRES_DSN to run on PostgreSQL (make test does so)")
                                  : std::string();
                   }});
    return out;
}

}  // namespace onestory::store
