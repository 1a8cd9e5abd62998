// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/survivors/preferences.hpp"
#include "domain/venues/venue_types.hpp"
#include "policy/vocabulary.hpp"

namespace onestory::domain {

// What is arranged for one interview, to be compared with what the survivor
// asked for (their Preferences).
struct Accommodations {
    bool support_person = false;
    ChildrenArrangement children = ChildrenArrangement::kNone;
    std::optional<std::string> interpreter_language;  // ISO 639-1
    std::optional<InterviewerGender> interviewer_gender;
    bool breaks = false;
};

// An interview: its plan (purpose shown to the survivor, topics shared ahead
// of time, venue, interviewer, accommodations) and what happened (topics
// shared, acknowledged, start, end, debrief, recording fingerprint).
struct Interview {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    std::string agency_id;
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::vector<policy::Topic> topics;
    std::vector<policy::Topic> reask_topics;  // planned topics already on record when planned
    std::optional<std::string> reask_reason;  // protected
    Instant scheduled_at;
    std::optional<Venue> venue;
    std::string interviewer_id;
    std::string interviewer_name;
    Accommodations accommodations;
    Preferences preferences;                     // the survivor's, shown with every plan
    std::vector<std::string> unmet_preferences;  // preferences the accommodations do not meet
    std::int64_t survivor_interview_count = 0;   // every interview of the survivor, in any agency
    std::optional<Instant> topics_shared_at;
    bool survivor_acknowledged = false;
    std::optional<Instant> started_at;
    std::optional<Instant> ended_at;
    std::optional<Instant> debriefed_at;
    std::optional<std::string> debrief_notes;  // protected
    std::optional<std::string> recording_sha256;
    std::string created_by;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
};

struct NewInterview {
    policy::Purpose purpose = policy::Purpose::kInvestigation;
    std::vector<policy::Topic> topics;
    Instant scheduled_at;
    std::optional<std::string> venue_id;
    std::string interviewer_id;
    Accommodations accommodations;
    std::optional<std::string> reask_reason;
};

// A JSON merge-patch of what happened; absent members stay as they are.
struct InterviewPatch {
    FieldPatch<Instant> topics_shared_at;
    std::optional<bool> survivor_acknowledged;
    FieldPatch<Instant> started_at;
    FieldPatch<Instant> ended_at;
    FieldPatch<Instant> debriefed_at;
    FieldPatch<std::string> debrief_notes;
    std::optional<std::string> recording_sha256;  // set once: chain of custody
};

// Tell once: which topics already have a confirmed or corrected passage of
// the survivor's statement (in any case of any agency), and which are new.
struct TopicCoverage {
    struct Covered {
        policy::Topic topic = policy::Topic::kOther;
        std::vector<std::string> passage_ids;
    };
    std::vector<Covered> covered;
    std::vector<policy::Topic> fresh;
};

}  // namespace onestory::domain
