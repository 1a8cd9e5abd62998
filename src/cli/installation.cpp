// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/installation.hpp"

#include <spdlog/spdlog.h>

#include "cli/key_rotation.hpp"
#include "cli/settings_file.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace onestory::cli {

Installation::~Installation() {
    // The API and services refer to the store; release them first.
    app_.reset();
    retention_.reset();
    erasures_.reset();
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
    if (!std::filesystem::is_directory(dir.root)) {
        return Status::FailedPrecondition("data directory " + dir.root.string() +
                                          " does not exist; create it with `onestory init`");
    }
    if (std::filesystem::exists(dir.new_master_key())) {
        // A key rotation was interrupted: finish or undo it before anything
        // reads a key, alone in the data directory.
        auto exclusive = DataDirLock::Exclusive(dir.lock_file());
        if (!exclusive.ok()) {
            return Status::FailedPrecondition("a master key rotation in " + dir.root.string() +
                                              " was interrupted; stop every other onestory process using it and "
                                              "start again, so that the rotation can be finished");
        }
        ONESTORY_ASSIGN_OR_RETURN(const RecoveryOutcome outcome, RecoverInterruptedRotation(dir));
        if (outcome == RecoveryOutcome::kFinishedRotation) {
            spdlog::warn("finished a master key rotation that was interrupted; master.key is the new key");
        } else if (outcome == RecoveryOutcome::kDiscardedNewKey) {
            spdlog::warn(
                "undid a master key rotation that was interrupted before it committed; master.key is unchanged");
        }
    }
    ONESTORY_ASSIGN_OR_RETURN(auto lock, DataDirLock::Shared(dir.lock_file()));
    inst->lock_.emplace(std::move(lock));
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

    store::SqliteOptions sqlite;
    sqlite.path = dir.database();
    sqlite.create = options.create;
    sqlite.synchronous_full = options.durable;
    ONESTORY_ASSIGN_OR_RETURN(inst->store_, store::OpenSqliteStore(sqlite));
    ONESTORY_ASSIGN_OR_RETURN(auto keys, domain::LoadInstallationKeys(*inst->store_, *inst->keyring_, options.create));
    inst->keys_ = std::make_unique<domain::InstallationKeys>(std::move(keys));
    inst->audit_ = std::make_unique<audit::AuditLog>(inst->keys_->audit, *inst->clock_);
    inst->context_ = std::make_unique<domain::ServiceContext>(domain::ServiceContext{
        *inst->store_, *inst->keyring_, inst->keys_->blind_index, *inst->audit_, *inst->clock_, inst->settings_});
    inst->accounts_ = std::make_unique<domain::AccountService>(*inst->context_);
    inst->survivors_ = std::make_unique<domain::SurvivorService>(*inst->context_);
    inst->cases_ = std::make_unique<domain::CaseService>(*inst->context_);
    inst->audit_query_ = std::make_unique<domain::AuditQueryService>(*inst->context_);
    inst->ledger_ = std::make_unique<domain::ErasureLedger>(dir.erasure_ledger(), inst->keys_->audit);
    ONESTORY_RETURN_IF_ERROR(inst->ledger_->EnsureExists());
    inst->erasures_ = std::make_unique<domain::ErasureService>(*inst->context_, *inst->ledger_);
    inst->retention_ = std::make_unique<domain::RetentionService>(*inst->context_, *inst->erasures_);
    return inst;
}

api::App& Installation::MakeApp(const api::AppOptions& options) {
    api::AppServices services{*context_, *accounts_, *survivors_, *cases_, *audit_query_, *erasures_, *store_, *audit_};
    api::AppOptions with_clock = options;
    with_clock.test_clock = manual_clock_;
    app_ = std::make_unique<api::App>(services, with_clock);
    return *app_;
}

}  // namespace onestory::cli
