// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/care_records.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "domain/consents/consent_service.hpp"
#include "store/consent_rows.hpp"
#include "store/disclosure_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {

Result<CaseRecords> LoadCaseRecords(store::Transaction& tx, const policy::Actor& actor, std::string_view case_id,
                                    Instant now) {
    ONESTORY_ASSIGN_OR_RETURN(CaseAccess access, LoadCaseAccess(tx, actor, case_id, now));
    ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, access.kase.survivor_id));
    if (!survivor) return Status::NotFound("no such survivor");
    return CaseRecords{std::move(access), std::move(*survivor)};
}

Result<SurvivorSealer> SealerOf(const ServiceContext& ctx, const store::SurvivorRow& survivor) {
    return SurvivorSealer::Open(ctx.keyring, survivor.id, survivor.data_key);
}

audit::AuditEvent CaseRecordEvent(const policy::Actor& actor, std::string action, std::string resource_kind,
                                  std::string resource_id, const store::CaseRow& kase) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = std::move(resource_kind);
    e.resource_id = std::move(resource_id);
    e.survivor_id = kase.survivor_id;
    e.case_id = kase.id;
    return e;
}

Result<store::StaffRow> ActiveStaff(store::Transaction& tx, std::string_view staff_id, std::string_view field) {
    ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, staff_id));
    if (!staff || !staff->active) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", std::string(field));
    }
    return std::move(*staff);
}

Date AddMonths(Date date, int months) {
    const std::chrono::year_month ym = std::chrono::year_month(date.year(), date.month()) + std::chrono::months(months);
    const std::chrono::day last = std::chrono::year_month_day_last(ym.year(), ym.month() / std::chrono::last).day();
    return Date(ym.year(), ym.month(), std::min(date.day(), last));
}

Date AddDays(Date date, int days) {
    return Date(std::chrono::sys_days(date) + std::chrono::days(days));
}

Instant EndOfDay(Date date) {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::sys_days(date) + std::chrono::days(1));
}

Result<Date> StoredDate(std::string_view text) {
    const auto date = ParseDate(text);
    if (!date) return Status::DataLoss("a stored date is malformed");
    return *date;
}

Result<std::vector<policy::RecordCategory>> LoadDisclosedCategories(store::Transaction& tx, const policy::Actor& actor,
                                                                    const store::CaseRow& kase, Instant now) {
    std::vector<policy::RecordCategory> out;
    if (actor.agency_id == kase.agency_id) return out;
    // Adds the categories released under one consent, when it stands and the actor's role fits its purpose.
    const auto release = [&](const std::string& consent_id, std::string_view purpose,
                             std::string_view categories) -> Status {
        const auto p = ParseEnum<policy::Purpose>(purpose);
        if (!p || !policy::RoleFitsPurpose(actor, *p)) return Status::Ok();
        ONESTORY_ASSIGN_OR_RETURN(auto consent, store::GetConsent(tx, consent_id));
        if (!consent || ConsentStateAt(*consent, now) != policy::ConsentState::kActive) return Status::Ok();
        for (const auto& name : SplitList(categories)) {
            const auto c = ParseEnum<policy::RecordCategory>(name);
            if (c && std::find(out.begin(), out.end(), *c) == out.end()) out.push_back(*c);
        }
        return Status::Ok();
    };
    ONESTORY_ASSIGN_OR_RETURN(auto disclosures, AllPages<store::DisclosureRow>([&](const store::PageRequest& page) {
                                  return store::ListDisclosuresOfCase(tx, kase.id, page);
                              }));
    for (const auto& d : disclosures) {
        if (d.recipient_agency_id == actor.agency_id) {
            ONESTORY_RETURN_IF_ERROR(release(d.consent_id, d.purpose, d.categories));
        }
    }
    ONESTORY_ASSIGN_OR_RETURN(auto referrals, AllPages<store::ReferralRow>([&](const store::PageRequest& page) {
                                  return store::ListReferralsOfCase(tx, kase.id, page);
                              }));
    for (const auto& r : referrals) {
        if (r.recipient_agency_id == actor.agency_id && r.status != "proposed" && r.consent_id && r.purpose) {
            ONESTORY_RETURN_IF_ERROR(release(*r.consent_id, *r.purpose, r.share_categories));
        }
    }
    return out;
}

Status CheckText(std::string_view field, std::string_view text, std::size_t max_bytes) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return Status::Invalid(std::string(field), "must not be empty");
    }
    if (text.size() > max_bytes) {
        return Status::Invalid(std::string(field), "must be at most " + std::to_string(max_bytes) + " bytes");
    }
    return Status::Ok();
}

}  // namespace onestory::domain
