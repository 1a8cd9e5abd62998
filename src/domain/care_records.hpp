// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "domain/service_context.hpp"
#include "store/account_rows.hpp"
#include "store/page.hpp"

// What the care-coordination services (referrals, commitments, safety plans,
// hearings, case reviews, incidents, assessments) share: a case's access
// facts with its survivor, the sealer of that survivor, audit events about a
// case's records, and calendar arithmetic on due dates.
namespace onestory::domain {

// A case, the policy's facts about the actor and it, and its survivor.
struct CaseRecords {
    CaseAccess access;
    store::SurvivorRow survivor;

    const store::CaseRow& kase() const { return access.kase; }
};

// kNotFound when there is no such case (or its survivor is gone). Looks for
// break-glass grants, so reads opened by breaking the glass work.
Result<CaseRecords> LoadCaseRecords(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id,
                                    Instant now);

Result<SurvivorSealer> SealerOf(const ServiceContext& ctx, const store::SurvivorRow& survivor);

// An audit event about one record of a case.
audit::AuditEvent CaseRecordEvent(const policy::Actor& actor, std::string action, std::string resource_kind,
                                  std::string resource_id, const store::CaseRow& kase);

// An active staff member by id, or kInvalidArgument ("unknown_reference",
// naming `field`) when there is none.
Result<store::StaffRow> ActiveStaff(store::Transaction& tx, std::string_view staff_id, std::string_view field);

// The date `months` calendar months after `date`, on the same day of the
// month or, when that month is shorter, on its last day.
Date AddMonths(Date date, int months);
Date AddDays(Date date, int days);
// The first instant after the day has ended (UTC): a due date has passed from then on.
Instant EndOfDay(Date date);
// Strict YYYY-MM-DD of a stored date; kDataLoss when the store holds something else.
Result<Date> StoredDate(std::string_view text);

// Every page of a keyset-paged query, in its order (for summaries and the timeline).
template <class T, class Fetch>
Result<std::vector<T>> AllPages(Fetch fetch) {
    std::vector<T> out;
    store::PageRequest page{500, std::nullopt};
    while (true) {
        ONESTORY_ASSIGN_OR_RETURN(store::Page<T> got, fetch(page));
        for (auto& item : got.items) out.push_back(std::move(item));
        if (!got.next) return out;
        page.after = got.next;
    }
}

// The record categories of a case released to the actor's agency, by
// disclosures and by sent referrals made under consents still active, for
// purposes the actor's roles work on (policy::Context::disclosed_categories).
Result<std::vector<policy::RecordCategory>> LoadDisclosedCategories(store::Transaction& tx, const policy::Actor& actor,
                                                                    const store::CaseRow& kase, Instant now);

// A free-text field's limits, in bytes: present, not blank, not too long.
Status CheckText(std::string_view field, std::string_view text, std::size_t max_bytes);

}  // namespace onestory::domain
