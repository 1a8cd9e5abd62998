// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/domain_fixture_for_test.hpp"

#include "store/sqlite/sqlite_store.hpp"

namespace onestory::domain {

void DomainTest::SetUp() {
    store::SqliteOptions options;
    options.path = dir_.path() / "onestory.db";
    options.create = true;
    options.synchronous_full = false;
    auto opened = store::OpenSqliteStore(options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
    keyring_ = std::make_unique<crypto::Keyring>(crypto::NewKey());
    auto keys = LoadInstallationKeys(*store_, *keyring_, true);
    ASSERT_TRUE(keys.ok());
    keys_ = std::make_unique<InstallationKeys>(std::move(keys).value());
    audit_ = std::make_unique<audit::AuditLog>(keys_->audit, clock_);
    ctx_ = std::make_unique<ServiceContext>(
        ServiceContext{*store_, *keyring_, keys_->blind_index, *audit_, clock_, settings_});
    accounts_ = std::make_unique<AccountService>(*ctx_);
    survivors_ = std::make_unique<SurvivorService>(*ctx_);
    cases_ = std::make_unique<CaseService>(*ctx_);

    auto boot = accounts_->Bootstrap({"Test NGO", policy::AgencyKind::kNgo, "KE"},
                                     {"admin", "admin-password-123", "Admin", "", {policy::Role::kAdmin}});
    ASSERT_TRUE(boot.ok()) << boot.status().ToString();
    admin_ = {policy::Actor::Kind::kStaff, boot->id, boot->agency_id, policy::AgencyKind::kNgo, {policy::Role::kAdmin}};
    ngo_id_ = boot->agency_id;
    auto police = accounts_->CreateAgency(admin_, {"Test Police", policy::AgencyKind::kPolice, "KE"});
    ASSERT_TRUE(police.ok());
    police_id_ = police->id;
}

void DomainTest::TearDown() {
    cases_.reset();
    survivors_.reset();
    accounts_.reset();
    ctx_.reset();
    store_.reset();
}

policy::Actor DomainTest::MakeStaff(const std::string& username, bool police, std::vector<policy::Role> roles) {
    auto created = accounts_->CreateStaff(
        admin_, {username, "staff-password-123", "Staff " + username, police ? police_id_ : ngo_id_, roles});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return {policy::Actor::Kind::kStaff, created.ok() ? created->id : "", police ? police_id_ : ngo_id_,
            police ? policy::AgencyKind::kPolice : policy::AgencyKind::kNgo, roles};
}

std::pair<std::string, std::string> DomainTest::SurvivorWithCase(const policy::Actor& actor,
                                                                 const std::string& legal_name) {
    NewSurvivor s;
    s.code_name = "Code " + legal_name.substr(0, 3);
    s.identity.legal_name = legal_name;
    s.identity.birth_date = ParseDate("1999-09-09");
    auto survivor = survivors_->Register(actor, s);
    EXPECT_TRUE(survivor.ok()) << survivor.status().ToString();
    NewCase c;
    c.survivor_id = survivor->id;
    auto kase = cases_->Create(actor, c);
    EXPECT_TRUE(kase.ok()) << kase.status().ToString();
    return {survivor->id, kase->id};
}

std::vector<audit::StoredAuditEvent> DomainTest::AllEvents() {
    std::vector<audit::StoredAuditEvent> events;
    EXPECT_TRUE(store_
                    ->Read([&](store::Transaction& tx) -> Status {
                        store::AuditFilter filter;
                        filter.limit = 100000;
                        ONESTORY_ASSIGN_OR_RETURN(events, audit_->Read(tx, filter));
                        return Status::Ok();
                    })
                    .ok());
    std::reverse(events.begin(), events.end());
    return events;
}

}  // namespace onestory::domain
