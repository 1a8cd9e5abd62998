// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/survivor_data_registry.hpp"

#include <array>

#include "common/check.hpp"

namespace onestory::store {
namespace {

constexpr std::array kSurvivorDataTables{
    // Care coordination: referrals name a consent and commitments a case
    // review, so these go before consents and reviews before their decisions.
    SurvivorDataTable{"assessment_scores", "assessment_id", "assessments"},
    SurvivorDataTable{"assessments", "survivor_id", ""},
    SurvivorDataTable{"review_decisions", "review_id", "case_reviews"},
    SurvivorDataTable{"commitments", "survivor_id", ""},
    SurvivorDataTable{"case_reviews", "survivor_id", ""},
    SurvivorDataTable{"referral_transitions", "survivor_id", ""},
    SurvivorDataTable{"referrals", "survivor_id", ""},
    SurvivorDataTable{"safety_plans", "survivor_id", ""},
    SurvivorDataTable{"hearings", "survivor_id", ""},
    SurvivorDataTable{"incidents", "survivor_id", ""},
    // Evidence of impact: what happened, where and when.
    SurvivorDataTable{"trafficking_events", "survivor_id", ""},
    // Tell it once: the statement and what was disclosed of it.
    SurvivorDataTable{"disclosure_passages", "disclosure_id", "disclosures"},
    SurvivorDataTable{"disclosures", "survivor_id", ""},
    SurvivorDataTable{"passage_comments", "survivor_id", ""},
    SurvivorDataTable{"passages", "survivor_id", ""},
    SurvivorDataTable{"interviews", "survivor_id", ""},
    SurvivorDataTable{"break_glass", "survivor_id", ""},
    SurvivorDataTable{"consents", "survivor_id", ""},
    SurvivorDataTable{"survivor_preferences", "survivor_id", ""},
    SurvivorDataTable{"alerts", "survivor_id", ""},
    // The foundation.
    SurvivorDataTable{"case_team", "case_id", "cases"},
    SurvivorDataTable{"cases", "survivor_id", ""},
    // A survivor's own portal: the invites, the account and its sessions.
    SurvivorDataTable{"portal_invites", "survivor_id", ""},
    SurvivorDataTable{"portal_accounts", "survivor_id", ""},
    SurvivorDataTable{"sessions", "principal_id", ""},
    SurvivorDataTable{"survivors", "id", ""},
};

constexpr std::array<std::string_view, 2> kKept{"audit_events", "erasures"};

constexpr std::string_view kSelectDataKey = "SELECT data_key FROM survivors WHERE id = $1";
constexpr std::string_view kOverwriteDataKey = "UPDATE survivors SET data_key = $2 WHERE id = $1";

const SurvivorDataTable& Find(std::string_view table) {
    for (const auto& t : kSurvivorDataTables) {
        if (t.table == table) return t;
    }
    ONESTORY_CHECK(false, "a survivor data table names an unlisted table in `via`");
    return kSurvivorDataTables.front();
}

// "<column> = $1" or "<column> IN (SELECT id FROM <via> WHERE ...)".
std::string Condition(const SurvivorDataTable& t, int depth = 0) {
    ONESTORY_CHECK(depth < 8, "survivor data tables refer to each other in a loop");
    if (t.via.empty()) return std::string(t.column) + " = $1";
    return std::string(t.column) + " IN (SELECT id FROM " + std::string(t.via) + " WHERE " +
           Condition(Find(t.via), depth + 1) + ")";
}

}  // namespace

std::span<const SurvivorDataTable> SurvivorDataTables() {
    return kSurvivorDataTables;
}

std::span<const std::string_view> TablesKeptOnErasure() {
    return kKept;
}

std::string CountSurvivorRowsSql(const SurvivorDataTable& table) {
    return "SELECT COUNT(*) FROM " + std::string(table.table) + " WHERE " + Condition(table);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> DeleteSurvivorData(Transaction& tx,
                                                                             std::string_view survivor_id) {
    // Zero bytes of the same length: the key is gone, and the page does not
    // change size, so no copy of it is left in a split or moved cell.
    ONESTORY_ASSIGN_OR_RETURN(Rows key, tx.Query(kSelectDataKey, {survivor_id}));
    if (!key.empty()) {
        ONESTORY_RETURN_IF_ERROR(
            tx.Exec(kOverwriteDataKey, {survivor_id, Blob{std::string(key[0][0].AsBlob().size(), '\0')}}).status());
    }
    std::vector<std::pair<std::string, std::int64_t>> deleted;
    for (const auto& t : kSurvivorDataTables) {
        const std::string sql = "DELETE FROM " + std::string(t.table) + " WHERE " + Condition(t);
        ONESTORY_ASSIGN_OR_RETURN(std::int64_t n, tx.Exec(sql, {survivor_id}));
        if (n > 0) deleted.emplace_back(t.table, n);
    }
    return deleted;
}

}  // namespace onestory::store
