// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/safety_plan_rows.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_SAFETY_PLAN_COLUMNS                                                                      \
    "case_id, survivor_id, agency_id, risk_level, items, review_by, created_by, created_at, updated_by, " \
    "updated_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO safety_plans (" ONESTORY_SAFETY_PLAN_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_SAFETY_PLAN_COLUMNS " FROM safety_plans WHERE case_id = $1";
constexpr std::string_view kUpdate =
    "UPDATE safety_plans SET risk_level = $2, items = $3, review_by = $4, updated_by = $5, updated_at = $6, "
    "version = $7 WHERE case_id = $1 AND version = $7 - 1";
constexpr std::string_view kDueForReview = "SELECT " ONESTORY_SAFETY_PLAN_COLUMNS
                                           " FROM safety_plans WHERE agency_id = $1 AND review_by < $2 "
                                           "ORDER BY review_by, case_id";
#undef ONESTORY_SAFETY_PLAN_COLUMNS

SafetyPlanRow FromRow(const Row& r) {
    SafetyPlanRow s;
    s.case_id = r[0].AsText();
    s.survivor_id = r[1].AsText();
    s.agency_id = r[2].AsText();
    s.risk_level = r[3].AsText();
    s.items = r[4].AsBlob();
    s.review_by = r[5].AsText();
    s.created_by = r[6].AsText();
    s.created_at = r[7].AsInt();
    s.updated_by = r[8].AsText();
    s.updated_at = r[9].AsInt();
    s.version = r[10].AsInt();
    return s;
}

}  // namespace

Status InsertSafetyPlan(Transaction& tx, const SafetyPlanRow& s) {
    return tx
        .Exec(kInsert, {s.case_id, s.survivor_id, s.agency_id, s.risk_level, Blob{s.items}, s.review_by, s.created_by,
                        s.created_at, s.updated_by, s.updated_at, s.version})
        .status();
}

Result<std::optional<SafetyPlanRow>> GetSafetyPlan(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {case_id}));
    if (rows.empty()) return std::optional<SafetyPlanRow>();
    return std::optional<SafetyPlanRow>(FromRow(rows[0]));
}

Result<std::int64_t> UpdateSafetyPlan(Transaction& tx, const SafetyPlanRow& s) {
    return tx.Exec(kUpdate,
                   {s.case_id, s.risk_level, Blob{s.items}, s.review_by, s.updated_by, s.updated_at, s.version});
}

Result<std::vector<SafetyPlanRow>> ListSafetyPlansDueForReview(Transaction& tx, std::string_view agency_id,
                                                               std::string_view today) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kDueForReview, {agency_id, today}));
    std::vector<SafetyPlanRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
