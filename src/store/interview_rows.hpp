// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "store/page.hpp"
#include "store/store.hpp"

namespace onestory::store {

// An interview as stored: its plan (purpose, topics, venue, interviewer,
// accommodations) and what happened (topics shared, start, end, debrief,
// recording fingerprint). The re-ask reason and debrief notes are sealed.
struct InterviewRow {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    std::string purpose;
    std::string topics;                       // comma-joined
    std::string reask_topics;                 // comma-joined; planned topics already on record at planning
    std::optional<std::string> reask_reason;  // sealed
    std::int64_t scheduled_at = 0;
    std::optional<std::string> venue_id;
    std::string interviewer_id;
    bool acc_support_person = false;
    std::string acc_children;
    std::optional<std::string> acc_interpreter_language;
    std::optional<std::string> acc_interviewer_gender;
    bool acc_breaks = false;
    std::optional<std::int64_t> topics_shared_at;
    bool survivor_acknowledged = false;
    std::optional<std::int64_t> started_at;
    std::optional<std::int64_t> ended_at;
    std::optional<std::int64_t> debriefed_at;
    std::optional<std::string> debrief_notes;  // sealed
    std::optional<std::string> recording_sha256;
    std::optional<std::string> recording_set_by;
    std::optional<std::int64_t> recording_set_at;
    std::string created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t version = 1;
};

Status InsertInterview(Transaction& tx, const InterviewRow& row);
Result<std::optional<InterviewRow>> GetInterview(Transaction& tx, std::string_view id);
// Newest first.
Result<Page<InterviewRow>> ListInterviewsOfCase(Transaction& tx, std::string_view case_id, const PageRequest& page);
// Optimistic update of what happened: writes only when the stored version equals row.version - 1.
Result<std::int64_t> UpdateInterview(Transaction& tx, const InterviewRow& row);
// Every interview of the survivor, in any case, oldest first (the survivor's own copy).
Result<std::vector<InterviewRow>> ListInterviewsOfSurvivor(Transaction& tx, std::string_view survivor_id);
// How many times the survivor has been (or is to be) interviewed, in any case of any agency.
Result<std::int64_t> CountInterviewsOfSurvivor(Transaction& tx, std::string_view survivor_id);
Result<std::int64_t> CountInterviewsOfCase(Transaction& tx, std::string_view case_id);

}  // namespace onestory::store
