// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "audit/audit_log.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "crypto/keyring.hpp"
#include "crypto/secret.hpp"
#include "domain/settings.hpp"
#include "policy/policy.hpp"
#include "store/store.hpp"

namespace onestory::domain {

// What every service works with. Owned by the caller (cli wires it once);
// every member outlives the services.
struct ServiceContext {
    store::Store& store;
    const crypto::Keyring& keyring;
    const crypto::SecretBytes& blind_index_key;
    const audit::AuditLog& audit;
    const Clock& clock;
    const Settings& settings;
};

// The audit fields that say who acted.
audit::AuditEvent EventBy(const policy::Actor& actor, std::string action, std::string outcome);

// Records a policy refusal in the audit (its own transaction) and returns
// the 403 Status carrying the policy's reason.
Status Refuse(const ServiceContext& ctx, const policy::Actor& actor, const policy::Decision& decision,
              std::string action, std::string resource_kind, std::string resource_id, std::string survivor_id = {},
              std::string case_id = {});

// A conflict for an optimistic update that found another version stored.
Status StaleVersion(std::string_view what);

}  // namespace onestory::domain
