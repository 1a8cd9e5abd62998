// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/interview_rows.hpp"

#include "store/row_helpers.hpp"

namespace onestory::store {
namespace {

#define ONESTORY_INTERVIEW_COLUMNS                                                                                     \
    "id, case_id, survivor_id, agency_id, purpose, topics, reask_topics, reask_reason, scheduled_at, venue_id, "       \
    "interviewer_id, acc_support_person, acc_children, acc_interpreter_language, acc_interviewer_gender, acc_breaks, " \
    "topics_shared_at, survivor_acknowledged, started_at, ended_at, debriefed_at, debrief_notes, recording_sha256, "   \
    "recording_set_by, recording_set_at, created_by, created_at, updated_at, version"

constexpr std::string_view kInsert =
    "INSERT INTO interviews (" ONESTORY_INTERVIEW_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
    "$23, $24, $25, $26, $27, $28, $29)";
constexpr std::string_view kSelect = "SELECT " ONESTORY_INTERVIEW_COLUMNS " FROM interviews WHERE id = $1";
constexpr std::string_view kListOfCase = "SELECT " ONESTORY_INTERVIEW_COLUMNS
                                         " FROM interviews WHERE case_id = $4 "
                                         "AND ($1 = 0 OR created_at < $2 OR (created_at = $2 AND id < $3)) "
                                         "ORDER BY created_at DESC, id DESC LIMIT $5";
constexpr std::string_view kUpdate =
    "UPDATE interviews SET topics_shared_at = $2, survivor_acknowledged = $3, started_at = $4, ended_at = $5, "
    "debriefed_at = $6, debrief_notes = $7, recording_sha256 = $8, recording_set_by = $9, recording_set_at = $10, "
    "updated_at = $11, version = $12 WHERE id = $1 AND version = $12 - 1";
constexpr std::string_view kCountOfSurvivor = "SELECT COUNT(*) FROM interviews WHERE survivor_id = $1";
constexpr std::string_view kCountOfCase = "SELECT COUNT(*) FROM interviews WHERE case_id = $1";
constexpr std::string_view kListOfSurvivor =
    "SELECT " ONESTORY_INTERVIEW_COLUMNS " FROM interviews WHERE survivor_id = $1 ORDER BY created_at, id";
#undef ONESTORY_INTERVIEW_COLUMNS

InterviewRow FromRow(const Row& r) {
    InterviewRow i;
    i.id = r[0].AsText();
    i.case_id = r[1].AsText();
    i.survivor_id = r[2].AsText();
    i.agency_id = r[3].AsText();
    i.purpose = r[4].AsText();
    i.topics = r[5].AsText();
    i.reask_topics = r[6].AsText();
    i.reask_reason = OptionalBlob(r[7]);
    i.scheduled_at = r[8].AsInt();
    i.venue_id = r[9].AsOptionalText();
    i.interviewer_id = r[10].AsText();
    i.acc_support_person = r[11].AsBool();
    i.acc_children = r[12].AsText();
    i.acc_interpreter_language = r[13].AsOptionalText();
    i.acc_interviewer_gender = r[14].AsOptionalText();
    i.acc_breaks = r[15].AsBool();
    i.topics_shared_at = r[16].AsOptionalInt();
    i.survivor_acknowledged = r[17].AsBool();
    i.started_at = r[18].AsOptionalInt();
    i.ended_at = r[19].AsOptionalInt();
    i.debriefed_at = r[20].AsOptionalInt();
    i.debrief_notes = OptionalBlob(r[21]);
    i.recording_sha256 = r[22].AsOptionalText();
    i.recording_set_by = r[23].AsOptionalText();
    i.recording_set_at = r[24].AsOptionalInt();
    i.created_by = r[25].AsText();
    i.created_at = r[26].AsInt();
    i.updated_at = r[27].AsInt();
    i.version = r[28].AsInt();
    return i;
}

}  // namespace

Status InsertInterview(Transaction& tx, const InterviewRow& i) {
    return tx
        .Exec(kInsert, {i.id,
                        i.case_id,
                        i.survivor_id,
                        i.agency_id,
                        i.purpose,
                        i.topics,
                        i.reask_topics,
                        BlobOrNull(i.reask_reason),
                        i.scheduled_at,
                        i.venue_id,
                        i.interviewer_id,
                        i.acc_support_person,
                        i.acc_children,
                        i.acc_interpreter_language,
                        i.acc_interviewer_gender,
                        i.acc_breaks,
                        i.topics_shared_at,
                        i.survivor_acknowledged,
                        i.started_at,
                        i.ended_at,
                        i.debriefed_at,
                        BlobOrNull(i.debrief_notes),
                        i.recording_sha256,
                        i.recording_set_by,
                        i.recording_set_at,
                        i.created_by,
                        i.created_at,
                        i.updated_at,
                        i.version})
        .status();
}

Result<std::optional<InterviewRow>> GetInterview(Transaction& tx, std::string_view id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kSelect, {id}));
    if (rows.empty()) return std::optional<InterviewRow>();
    return std::optional<InterviewRow>(FromRow(rows[0]));
}

Result<Page<InterviewRow>> ListInterviewsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page) {
    const bool has = page.after.has_value();
    ONESTORY_ASSIGN_OR_RETURN(Rows rows,
                              tx.Query(kListOfCase, {has ? 1 : 0, has ? page.after->created_at : 0,
                                                     has ? page.after->id : std::string(), case_id, page.limit + 1}));
    std::vector<InterviewRow> items;
    for (const auto& r : rows) items.push_back(FromRow(r));
    return MakePage(std::move(items), page.limit, [](const InterviewRow& i) { return PageCursor{i.created_at, i.id}; });
}

Result<std::int64_t> UpdateInterview(Transaction& tx, const InterviewRow& i) {
    return tx.Exec(kUpdate, {i.id, i.topics_shared_at, i.survivor_acknowledged, i.started_at, i.ended_at,
                             i.debriefed_at, BlobOrNull(i.debrief_notes), i.recording_sha256, i.recording_set_by,
                             i.recording_set_at, i.updated_at, i.version});
}

Result<std::int64_t> CountInterviewsOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCountOfSurvivor, {survivor_id}));
    return rows[0][0].AsInt();
}

Result<std::int64_t> CountInterviewsOfCase(Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kCountOfCase, {case_id}));
    return rows[0][0].AsInt();
}

Result<std::vector<InterviewRow>> ListInterviewsOfSurvivor(Transaction& tx, std::string_view survivor_id) {
    ONESTORY_ASSIGN_OR_RETURN(Rows rows, tx.Query(kListOfSurvivor, {survivor_id}));
    std::vector<InterviewRow> out;
    for (const auto& r : rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace onestory::store
