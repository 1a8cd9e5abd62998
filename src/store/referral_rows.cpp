// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/referral_rows.hpp"

#include "common/strings.hpp"
#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_REFERRAL_COLUMNS                                                                            \
    "id, case_id, survivor_id, agency_id, provider_id, recipient_agency_id, service_type, reason, "          \
    "share_categories, purpose, consent_id, follow_up_by, complete_by, status, decline_reason, created_by, " \
    "created_at, updated_at, version"
#define ONESTORY_TRANSITION_COLUMNS \
    "id, referral_id, seq, case_id, survivor_id, from_status, to_status, note, by_staff, by_agency, at"

constexpr std::string_view kInsert =
    "INSERT INTO referrals (" ONESTORY_REFERRAL_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_REFERRAL_COLUMNS " FROM referrals WHERE id = $1";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_REFERRAL_COLUMNS
                                         " FROM referrals WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kListToAgency = "SELECT " ONESTORY_REFERRAL_COLUMNS
                                           " FROM referrals WHERE recipient_agency_id = $4 AND status <> 'proposed' "
                                           "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                           "ORDER BY created_at DESC, id DESC LIMIT $5";
// $2: ",state1,state2," (state names hold no commas).
constexpr std::string_view kListOfAgencyIn = "SELECT " ONESTORY_REFERRAL_COLUMNS
                                             " FROM referrals WHERE agency_id = $1 "
                                             "AND $2 LIKE '%,' || status || ',%' ORDER BY created_at, id";
constexpr std::string_view kUpdate =
    "UPDATE referrals SET status = $2, purpose = $3, consent_id = $4, complete_by = $5, decline_reason = $6, "
    "updated_at = $7, version = $8 WHERE id = $1 AND version = $8 - 1";
constexpr std::string_view kInsertTransition = "INSERT INTO referral_transitions (" ONESTORY_TRANSITION_COLUMNS
                                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kListTransitions =
    "SELECT " ONESTORY_TRANSITION_COLUMNS " FROM referral_transitions WHERE referral_id = $1 ORDER BY seq";
constexpr std::string_view kListTransitionsOfCase = "SELECT " ONESTORY_TRANSITION_COLUMNS
                                                    " FROM referral_transitions WHERE case_id = $1 "
                                                    "ORDER BY at, referral_id, seq";
#undef ONESTORY_REFERRAL_COLUMNS
#undef ONESTORY_TRANSITION_COLUMNS

ReferralRow FromRow(const Row& r) {
    ReferralRow x;
    x.id = r[0].AsText();
    x.case_id = r[1].AsText();
    x.survivor_id = r[2].AsText();
    x.agency_id = r[3].AsText();
    x.provider_id = r[4].AsText();
    x.recipient_agency_id = r[5].AsOptionalText();
    x.service_type = r[6].AsText();
    x.reason = r[7].AsBlob();
    x.share_categories = r[8].AsText();
    x.purpose = r[9].AsOptionalText();
    x.consent_id = r[10].AsOptionalText();
    x.follow_up_by = r[11].AsText();
    x.complete_by = r[12].AsOptionalText();
    x.status = r[13].AsText();
    x.decline_reason = OptionalBlob(r[14]);
    x.created_by = r[15].AsText();
    x.created_at = r[16].AsInt();
    x.updated_at = r[17].AsInt();
    x.version = r[18].AsInt();
    return x;
}

ReferralTransitionRow TransitionFromRow(const Row& r) {
    ReferralTransitionRow t;
    t.id = r[0].AsText();
    t.referral_id = r[1].AsText();
    t.seq = r[2].AsInt();
    t.case_id = r[3].AsText();
    t.survivor_id = r[4].AsText();
    t.from_status = r[5].AsOptionalText();
    t.to_status = r[6].AsText();
    t.note = OptionalBlob(r[7]);
    t.by_staff = r[8].AsText();
    t.by_agency = r[9].AsText();
    t.at = r[10].AsInt();
    return t;
}

Result<Page<ReferralRow>> PageOf(Transaction& tx, std::string_view sql, std::string_view key, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(sql, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                        has ? page.after->id : std::string(), key, page.limit + 1}));
    std::vector<ReferralRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const ReferralRow& x) { return PageCursor{x.created_at, x.id}; });
}

}  // namespace

Status InsertReferral(Transaction& tx, const ReferralRow& x) {
    return tx
        .Exec(kInsert,
              {x.id, x.case_id, x.survivor_id, x.agency_id, x.provider_id, x.recipient_agency_id, x.service_type,
               Blob{x.reason}, x.share_categories, x.purpose, x.consent_id, x.follow_up_by, x.complete_by, x.status,
               BlobOrNull(x.decline_reason), x.created_by, x.created_at, x.updated_at, x.version})
        .status();
}

Result<std::optional<ReferralRow>> GetReferral(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<ReferralRow>();
    return std::optional<ReferralRow>(FromRow(rows[0]));
}

Result<Page<ReferralRow>> ListReferralsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    return PageOf(tx, kListOfCase, case_id, page);
}

Result<Page<ReferralRow>> ListReferralsToAgency(Transaction& tx, std::string_view agency_id, const PageRequest& page) {
    return PageOf(tx, kListToAgency, agency_id, page);
}

Result<std::vector<ReferralRow>> ListReferralsOfAgencyIn(Transaction& tx, std::string_view agency_id,
                                                         const std::vector<std::string>& statuses) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOfAgencyIn, {agency_id, "," + JoinList(statuses) + ","}));
    std::vector<ReferralRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::int64_t> UpdateReferral(Transaction& tx, const ReferralRow& x) {
    return tx.Exec(kUpdate, {x.id, x.status, x.purpose, x.consent_id, x.complete_by, BlobOrNull(x.decline_reason),
                             x.updated_at, x.version});
}

Status InsertReferralTransition(Transaction& tx, const ReferralTransitionRow& t) {
    return tx
        .Exec(kInsertTransition, {t.id, t.referral_id, t.seq, t.case_id, t.survivor_id, t.from_status, t.to_status,
                                  BlobOrNull(t.note), t.by_staff, t.by_agency, t.at})
        .status();
}

Result<std::vector<ReferralTransitionRow>> ListReferralTransitions(Transaction& tx, std::string_view referral_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListTransitions, {referral_id}));
    std::vector<ReferralTransitionRow> out;
    for (const auto& r : rows) out.push_back(TransitionFromRow(r));
    return out;
}

Result<std::vector<ReferralTransitionRow>> ListReferralTransitionsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListTransitionsOfCase, {case_id}));
    std::vector<ReferralTransitionRow> out;
    for (const auto& r : rows) out.push_back(TransitionFromRow(r));
    return out;
}

}  // namespace onestory::store
