// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "audit/audit_log.hpp"
#include "common/clock.hpp"
#include "crypto/aead.hpp"
#include "crypto/keyring.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/installation_keys.hpp"
#include "domain/service_context.hpp"
#include "domain/survivors/survivor_service.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace onestory::domain {

// Services over a real SQLite store in a temporary directory, with a manual
// clock, and actors of two agencies (an NGO and a police unit) to act with.
class DomainTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // A staff actor of the NGO or police agency, created as an account.
    policy::Actor MakeStaff(const std::string& username, bool police, std::vector<policy::Role> roles);
    // Registers a survivor as `actor` and opens a case; returns {survivor id, case id}.
    std::pair<std::string, std::string> SurvivorWithCase(const policy::Actor& actor, const std::string& legal_name);
    // Every audit event, oldest first.
    std::vector<audit::StoredAuditEvent> AllEvents();

    testing::TempDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<crypto::Keyring> keyring_;
    std::unique_ptr<InstallationKeys> keys_;
    ManualClock clock_{FromMicros(1'795'000'000'000'000)};
    Settings settings_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<ServiceContext> ctx_;
    std::unique_ptr<AccountService> accounts_;
    std::unique_ptr<SurvivorService> survivors_;
    std::unique_ptr<CaseService> cases_;
    policy::Actor admin_;
    std::string ngo_id_;
    std::string police_id_;
};

}  // namespace onestory::domain
