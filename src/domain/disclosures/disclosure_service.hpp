// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "domain/disclosures/disclosure_types.hpp"
#include "domain/sealer.hpp"
#include "domain/service_context.hpp"
#include "store/page.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {

// Sharing the survivor's story with another agency, only as they chose.
//
// A disclosure is made by the owning agency's case team, and only when one
// active consent of the survivor, for that recipient and purpose, covers the
// topic of every passage and every record category asked for; otherwise it
// is refused (403 no_consent, with what is uncovered) and nothing is
// disclosed. Only passages the survivor confirmed or corrected can be
// disclosed. Staff of the recipient agency whose role fits the purpose read
// it while that consent stays active: the current survivor-reviewed text of
// each passage with the survivor's comments, and the disclosed categories of
// the record; once the consent is revoked or expires, the next read is
// refused. Every disclosure and every read is audited.
class DisclosureService {
  public:
    explicit DisclosureService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<Disclosure> Create(const policy::Actor& actor, std::string_view case_id, const NewDisclosure& disclosure);
    // The recipient's read (or the owning case team's), with passages and record.
    Result<Disclosure> Get(const policy::Actor& actor, std::string_view id);
    // What a case disclosed, to whom and under which consent (no protected data).
    Result<store::Page<Disclosure>> ListOfCase(const policy::Actor& actor, std::string_view case_id,
                                               const store::PageRequest& page);
    // What was disclosed to the actor's agency for the purposes their roles work on.
    Result<store::Page<Disclosure>> ListReceived(const policy::Actor& actor, const store::PageRequest& page);

  private:
    const ServiceContext& ctx_;
};

// The parts of the survivor's record that the categories release (identity,
// contact, location), opened; and the record fields they reveal, for the
// audit. Referrals share categories the same way.
Result<DisclosedRecord> OpenDisclosedRecord(const store::SurvivorRow& survivor, const SurvivorSealer& sealer,
                                            const std::vector<policy::RecordCategory>& categories);
std::vector<std::string> DisclosedRecordFields(const std::vector<policy::RecordCategory>& categories);

}  // namespace onestory::domain
