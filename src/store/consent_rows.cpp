// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/consent_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_CONSENT_COLUMNS                                                                                \
    "id, survivor_id, agency_id, recipient_agency_id, purpose, topics, categories, valid_from, valid_until, "   \
    "given_as, witnessed_by, consent_text_version, language, guardian, child_assent, recorded_by, created_at, " \
    "revoked_at, revoked_by, revoke_reason, version"

constexpr std::string_view kInsert =
    "INSERT INTO consents (" ONESTORY_CONSENT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_CONSENT_COLUMNS " FROM consents WHERE id = $1";
constexpr std::string_view kListOfSurvivor = "SELECT " ONESTORY_CONSENT_COLUMNS
                                             " FROM consents WHERE survivor_id = $4 "
                                             "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                             "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kListForRecipient =
    "SELECT " ONESTORY_CONSENT_COLUMNS
    " FROM consents WHERE survivor_id = $1 AND recipient_agency_id = $2 ORDER BY created_at DESC, id DESC";
constexpr std::string_view kRevoke =
    "UPDATE consents SET revoked_at = $2, revoked_by = $3, revoke_reason = $4, version = $5 "
    "WHERE id = $1 AND revoked_at IS NULL AND version = $5 - 1";
constexpr std::string_view kListOfSurvivorRange = "SELECT " ONESTORY_CONSENT_COLUMNS
                                                  " FROM consents WHERE survivor_id >= $1 AND survivor_id <= $2 "
                                                  "ORDER BY survivor_id, created_at, id";
#undef ONESTORY_CONSENT_COLUMNS

ConsentRow FromRow(const Row& r) {
    ConsentRow c;
    c.id = r[0].AsText();
    c.survivor_id = r[1].AsText();
    c.agency_id = r[2].AsText();
    c.recipient_agency_id = r[3].AsText();
    c.purpose = r[4].AsText();
    c.topics = r[5].AsText();
    c.categories = r[6].AsText();
    c.valid_from = r[7].AsInt();
    c.valid_until = r[8].AsInt();
    c.given_as = r[9].AsText();
    c.witnessed_by = OptionalBlob(r[10]);
    c.consent_text_version = r[11].AsText();
    c.language = r[12].AsText();
    c.guardian = OptionalBlob(r[13]);
    c.child_assent = OptionalFlag(r[14]);
    c.recorded_by = r[15].AsText();
    c.created_at = r[16].AsInt();
    c.revoked_at = r[17].AsOptionalInt();
    c.revoked_by = r[18].AsOptionalText();
    c.revoke_reason = OptionalBlob(r[19]);
    c.version = r[20].AsInt();
    return c;
}

}  // namespace

Status InsertConsent(Transaction& tx, const ConsentRow& c) {
    return tx
        .Exec(kInsert, {c.id,
                        c.survivor_id,
                        c.agency_id,
                        c.recipient_agency_id,
                        c.purpose,
                        c.topics,
                        c.categories,
                        c.valid_from,
                        c.valid_until,
                        c.given_as,
                        BlobOrNull(c.witnessed_by),
                        c.consent_text_version,
                        c.language,
                        BlobOrNull(c.guardian),
                        FlagOrNull(c.child_assent),
                        c.recorded_by,
                        c.created_at,
                        c.revoked_at,
                        c.revoked_by,
                        BlobOrNull(c.revoke_reason),
                        c.version})
        .status();
}

Result<std::optional<ConsentRow>> GetConsent(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<ConsentRow>();
    return std::optional<ConsentRow>(FromRow(rows[0]));
}

Result<Page<ConsentRow>> ListConsentsOfSurvivor(Transaction& tx, std::string_view survivor_id,
                                                const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(
        Rows rows, tx.Query(kListOfSurvivor, {has ? 1 : 0, has ? page.after->created_at : 0,
                                              has ? page.after->id : std::string(), survivor_id, page.limit + 1}));
    std::vector<ConsentRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const ConsentRow& c) { return PageCursor{c.created_at, c.id}; });
}

Result<std::vector<ConsentRow>> ListConsentsForRecipient(Transaction& tx, std::string_view survivor_id,
                                                         std::string_view recipient_agency_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListForRecipient, {survivor_id, recipient_agency_id}));
    std::vector<ConsentRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

Result<std::int64_t> RevokeConsent(Transaction& tx, const ConsentRow& c) {
    return tx.Exec(kRevoke, {c.id, c.revoked_at, c.revoked_by, BlobOrNull(c.revoke_reason), c.version});
}

Result<std::vector<ConsentRow>> ListConsentsOfSurvivorRange(Transaction& tx, std::string_view first_survivor_id,
                                                            std::string_view last_survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOfSurvivorRange, {first_survivor_id, last_survivor_id}));
    std::vector<ConsentRow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
