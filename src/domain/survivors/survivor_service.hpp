// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/service_context.hpp"
#include "domain/survivors/survivor_types.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Registering survivors and reading their protected identity.
//
// Each survivor gets a random data key, wrapped by the master key; legal
// name, birth date, contact and address are sealed with it (associated data:
// survivor id and field name). A blind index of name and birth date lets any
// agency find a duplicate registration without plaintext in the store.
// Every read of the identity is decided by the policy and committed to the
// audit before it is returned.
class SurvivorService {
  public:
    explicit SurvivorService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Survivor> Register(const policy::Actor& actor, const NewSurvivor& survivor);
    // The full record with identity; `purpose` is recorded in the audit.
    Result<Survivor> Get(const policy::Actor& actor, std::string_view id, std::string_view purpose);
    // Code names only, for the survivors the actor may see.
    Result<store::Page<Survivor>> List(const policy::Actor& actor, const store::PageRequest& page,
                                       std::optional<std::string> code_name_contains);
    Result<std::vector<SurvivorMatch>> Match(const policy::Actor& actor, std::string_view legal_name, Date birth_date);
    // Optimistic merge-patch of the record and its interview preferences;
    // answers the record without identity, with preferences.
    Result<Survivor> Update(const policy::Actor& actor, std::string_view id, std::int64_t expected_version,
                            const SurvivorPatch& patch);

  private:
    const ServiceContext& ctx_;
};

Status ValidateNewSurvivor(const NewSurvivor& survivor);
// The blind index used by Match: keyed BLAKE2b of the normalised name and the birth date.
std::string MatchIndex(const crypto::SecretBytes& key, std::string_view legal_name, Date birth_date);

}  // namespace onestory::domain
