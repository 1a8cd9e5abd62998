// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/installation.hpp"

#include "cli/settings_file.hpp"
#include "store/key_rows.hpp"
#include "store/postgres/postgres_dsn.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace onestory::cli {

Result<std::unique_ptr<store::Store>> OpenStore(const DataDir& dir, const domain::Settings& settings,
                                                const OpenOptions& options) {
    if (!settings.store.empty()) {
        store::PostgresOptions postgres;
        postgres.dsn = settings.store;
        postgres.pool_size = settings.store_pool_size;
        return store::OpenPostgresStore(postgres);
    }
    store::SqliteOptions sqlite;
    sqlite.path = dir.database();
    sqlite.create = options.create;
    sqlite.synchronous_full = options.durable;
    sqlite.max_readers = 64;
    return store::OpenSqliteStore(sqlite);
}

Installation::~Installation() {
    // The API and services refer to the store; release them first.
    app_.reset();
    audit_query_.reset();
    cases_.reset();
    survivors_.reset();
    accounts_.reset();
    context_.reset();
    store_.reset();
}

Result<std::unique_ptr<Installation>> Installation::Open(const DataDir& dir, const OpenOptions& options) {
    std::unique_ptr<Installation> inst(new Installation());
    inst->dir_ = dir;
    ONESTORY_ASSIGN_OR_RETURN(inst->settings_, LoadSettingsFile(dir.settings()));
    ONESTORY_ASSIGN_OR_RETURN(crypto::SecretBytes master, crypto::LoadMasterKeyFile(dir.master_key()));
    inst->keyring_ = std::make_unique<crypto::Keyring>(std::move(master));

    if (options.manual_clock) {
        auto manual = std::make_unique<ManualClock>(*options.manual_clock);
        inst->manual_clock_ = manual.get();
        inst->clock_ = std::move(manual);
    } else {
        inst->clock_ = std::make_unique<SystemClock>();
    }

    ONESTORY_ASSIGN_OR_RETURN(inst->store_, OpenStore(dir, inst->settings_, options));
    if (options.create) {
        // A database server outlives data directories: never take over one
        // that another installation (another master key) already uses.
        bool taken = false;
        ONESTORY_RETURN_IF_ERROR(inst->store_->Read([&](store::Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto keys, store::ListSystemKeys(tx));
            taken = !keys.empty();
            return Status::Ok();
        }));
        if (taken) {
            return Status::Conflict("exists", "the database " + store::DescribeDsn(inst->settings_.store) +
                                                  " already holds a onestory installation; refusing to overwrite it");
        }
    }
    ONESTORY_ASSIGN_OR_RETURN(auto keys, domain::LoadInstallationKeys(*inst->store_, *inst->keyring_, options.create));
    inst->keys_ = std::make_unique<domain::InstallationKeys>(std::move(keys));
    inst->audit_ = std::make_unique<audit::AuditLog>(inst->keys_->audit, *inst->clock_);
    inst->context_ = std::make_unique<domain::ServiceContext>(domain::ServiceContext{
        *inst->store_, *inst->keyring_, inst->keys_->blind_index, *inst->audit_, *inst->clock_, inst->settings_});
    inst->accounts_ = std::make_unique<domain::AccountService>(*inst->context_);
    inst->survivors_ = std::make_unique<domain::SurvivorService>(*inst->context_);
    inst->cases_ = std::make_unique<domain::CaseService>(*inst->context_);
    inst->audit_query_ = std::make_unique<domain::AuditQueryService>(*inst->context_);
    return inst;
}

api::App& Installation::MakeApp(const api::AppOptions& options) {
    api::AppServices services{*context_, *accounts_, *survivors_, *cases_, *audit_query_, *store_, *audit_};
    api::AppOptions with_clock = options;
    with_clock.test_clock = manual_clock_;
    app_ = std::make_unique<api::App>(services, with_clock);
    return *app_;
}

}  // namespace onestory::cli
