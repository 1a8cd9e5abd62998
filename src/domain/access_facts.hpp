// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "common/time.hpp"
#include "policy/policy.hpp"
#include "store/case_rows.hpp"
#include "store/store.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {

// The facts the policy needs about an actor and one survivor or case,
// gathered inside the caller's transaction.
struct SurvivorAccess {
    store::SurvivorRow survivor;
    policy::Resource resource;
    policy::Context context;
};

struct CaseAccess {
    store::CaseRow kase;
    policy::Resource resource;
    policy::Context context;
};

// kNotFound when there is no such survivor or case; kGone for an erased
// survivor. These two leave break_glass false; the overloads taking `now`
// also look for an unexpired break-glass grant of the actor (for the case,
// or for any case of the survivor), so reads opened by breaking the glass
// work.
Result<SurvivorAccess> LoadSurvivorAccess(store::Transaction& tx, const policy::Actor& actor,
                                          std::string_view survivor_id);
Result<CaseAccess> LoadCaseAccess(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id);
Result<SurvivorAccess> LoadSurvivorAccess(store::Transaction& tx, const policy::Actor& actor,
                                          std::string_view survivor_id, Instant now);
Result<CaseAccess> LoadCaseAccess(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id,
                                  Instant now);

}  // namespace onestory::domain
