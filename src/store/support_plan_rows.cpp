// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/support_plan_rows.hpp"

namespace onestory::store {
namespace {

// $1 and $2: the first and last survivor id of the range.
constexpr std::string_view kReferrals =
    "SELECT r.id, r.case_id, r.survivor_id, p.name, r.service_type, r.status, r.follow_up_by, r.complete_by, "
    "r.reason, r.created_at FROM referrals r JOIN providers p ON p.id = r.provider_id "
    "WHERE r.survivor_id >= $1 AND r.survivor_id <= $2 ORDER BY r.case_id, r.created_at, r.id";
constexpr std::string_view kCommitments =
    "SELECT id, case_id, survivor_id, to_survivor, what, due, status, resolved_at FROM commitments "
    "WHERE survivor_id >= $1 AND survivor_id <= $2 ORDER BY case_id, due, id";
constexpr std::string_view kSafetyPlans =
    "SELECT case_id, survivor_id, risk_level, review_by, items, updated_at FROM safety_plans "
    "WHERE survivor_id >= $1 AND survivor_id <= $2 ORDER BY case_id";

std::optional<std::string> OptionalText(const SqlValue& v) {
    if (v.is_null()) return std::nullopt;
    return v.AsText();
}

}  // namespace

Result<std::vector<SupportReferralRow>> ListSupportReferrals(Transaction& tx, std::string_view first_survivor_id,
                                                             std::string_view last_survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kReferrals, {first_survivor_id, last_survivor_id}));
    std::vector<SupportReferralRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsText(), r[5].AsText(),
                       r[6].AsText(), OptionalText(r[7]), r[8].AsBlob(), r[9].AsInt()});
    }
    return out;
}

Result<std::vector<SupportCommitmentRow>> ListSupportCommitments(Transaction& tx, std::string_view first_survivor_id,
                                                                 std::string_view last_survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCommitments, {first_survivor_id, last_survivor_id}));
    std::vector<SupportCommitmentRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        SupportCommitmentRow c;
        c.id = r[0].AsText();
        c.case_id = r[1].AsText();
        c.survivor_id = r[2].AsText();
        c.to_survivor = r[3].AsBool();
        c.what = r[4].AsBlob();
        c.due = r[5].AsText();
        c.status = r[6].AsText();
        if (!r[7].is_null()) c.resolved_at = r[7].AsInt();
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<SupportSafetyPlanRow>> ListSupportSafetyPlans(Transaction& tx, std::string_view first_survivor_id,
                                                                 std::string_view last_survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSafetyPlans, {first_survivor_id, last_survivor_id}));
    std::vector<SupportSafetyPlanRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back({r[0].AsText(), r[1].AsText(), r[2].AsText(), r[3].AsText(), r[4].AsBlob(), r[5].AsInt()});
    }
    return out;
}

}  // namespace onestory::store
