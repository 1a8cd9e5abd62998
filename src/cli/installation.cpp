// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/installation.hpp"

#include "cli/settings_file.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace onestory::cli {

Installation::~Installation() {
    // The API and services refer to the store; release them first.
    app_.reset();
    alerts_.reset();
    access_log_.reset();
    disclosures_.reset();
    statements_.reset();
    interviews_.reset();
    venues_.reset();
    consents_.reset();
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
    inst->consents_ = std::make_unique<domain::ConsentService>(*inst->context_);
    inst->venues_ = std::make_unique<domain::VenueService>(*inst->context_);
    inst->interviews_ = std::make_unique<domain::InterviewService>(*inst->context_);
    inst->statements_ = std::make_unique<domain::StatementService>(*inst->context_);
    inst->disclosures_ = std::make_unique<domain::DisclosureService>(*inst->context_);
    inst->access_log_ = std::make_unique<domain::AccessLogService>(*inst->context_);
    inst->alerts_ = std::make_unique<domain::AlertService>(*inst->context_);
    return inst;
}

api::App& Installation::MakeApp(const api::AppOptions& options) {
    api::AppServices services{*context_,    *accounts_,    *survivors_,  *cases_,  *audit_query_,
                              *store_,      *audit_,       *consents_,   *venues_, *interviews_,
                              *statements_, *disclosures_, *access_log_, *alerts_};
    api::AppOptions with_clock = options;
    with_clock.test_clock = manual_clock_;
    app_ = std::make_unique<api::App>(services, with_clock);
    return *app_;
}

}  // namespace onestory::cli
