// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Synthetic statements for the demo. The wording is invented, generic and
// deliberately non-graphic: it shows how the feature works, not anyone's story.
#include "cli/demo_statements.hpp"

namespace onestory::cli {
namespace {

using policy::Purpose;
using policy::RecordCategory;
using policy::Topic;

struct Told {
    Topic topic;
    const char* text;
};

Result<domain::Interview> HoldInterview(Installation& inst, const policy::Actor& who, const std::string& case_id,
                                        std::vector<Topic> topics, Instant when,
                                        const std::optional<std::string>& venue_id,
                                        domain::Accommodations accommodations) {
    domain::NewInterview plan;
    plan.purpose = Purpose::kAftercare;
    plan.topics = std::move(topics);
    plan.scheduled_at = when;
    plan.venue_id = venue_id;
    plan.interviewer_id = who.id;
    plan.accommodations = accommodations;
    ONESTORY_ASSIGN_OR_RETURN(auto interview, inst.interviews().Plan(who, case_id, plan));
    domain::InterviewPatch held;
    held.topics_shared_at = std::optional<Instant>(when - std::chrono::hours(48));
    held.survivor_acknowledged = true;
    held.started_at = std::optional<Instant>(when + std::chrono::minutes(5));
    held.ended_at = std::optional<Instant>(when + std::chrono::minutes(70));
    held.debriefed_at = std::optional<Instant>(when + std::chrono::minutes(95));
    held.debrief_notes = std::optional<std::string>("Took two breaks; asked for a call the next morning.");
    return inst.interviews().Update(who, interview.id, interview.version, held);
}

Result<std::vector<domain::Passage>> Record(Installation& inst, const policy::Actor& who, const std::string& case_id,
                                            const std::string& interview_id, const std::vector<Told>& told) {
    std::vector<domain::Passage> out;
    for (const auto& t : told) {
        ONESTORY_ASSIGN_OR_RETURN(
            auto p,
            inst.statements().Add(who, case_id, {interview_id, t.topic, t.text, domain::Sensitivity::kSensitive}));
        out.push_back(std::move(p));
    }
    return out;
}

Result<domain::Passage> Review(Installation& inst, const policy::Actor& who, const std::string& passage_id,
                               domain::ReviewStatus status, std::optional<std::string> corrected = std::nullopt,
                               std::optional<std::string> comment = std::nullopt) {
    return inst.statements().Review(who, passage_id, {status, std::move(corrected), std::move(comment)});
}

Result<domain::Consent> Consent(Installation& inst, const policy::Actor& who, const std::string& survivor_id,
                                const std::string& recipient, Purpose purpose, std::vector<Topic> topics,
                                std::vector<RecordCategory> categories, Instant until) {
    domain::NewConsent c;
    c.recipient_agency_id = recipient;
    c.purpose = purpose;
    c.topics = std::move(topics);
    c.categories = std::move(categories);
    c.valid_until = until;
    c.given_as = domain::GivenAs::kWritten;
    c.consent_text_version = "2026-01";
    c.language = "en";
    return inst.consents().Grant(who, survivor_id, c);
}

}  // namespace

Status GenerateDemoStories(Installation& inst, const DemoStoryCast& cast) {
    if (cast.cases.size() < 4) return Status::Internal("the demo stories need four cases");
    const Instant now = inst.clock().Now();
    const auto days = [](int n) { return std::chrono::hours(24 * n); };
    const policy::Actor& cw = cast.caseworker;

    // Venues with their safety features.
    ONESTORY_ASSIGN_OR_RETURN(auto family_room,
                              inst.venues().Create(cast.supervisor, {"Harbour Light family room",
                                                                     cast.ngo_id,
                                                                     {domain::VenueFeature::kPrivateWaitingRoom,
                                                                      domain::VenueFeature::kChildFriendly,
                                                                      domain::VenueFeature::kSeparateEntrance}}));
    policy::Actor admin_like = cast.supervisor;
    admin_like.roles = {policy::Role::kAdmin};
    ONESTORY_RETURN_IF_ERROR(
        inst.venues()
            .Create(admin_like,
                    {"Metro Police interview suite",
                     cast.police_id,
                     {domain::VenueFeature::kOneWayRoom, domain::VenueFeature::kRecordingEquipment,
                      domain::VenueFeature::kSeparateEntrance, domain::VenueFeature::kInterpreterAvailable}})
            .status());

    // 1. A statement told once, reviewed, corrected, and shared with the police under consent.
    {
        const auto& [survivor_id, case_id] = cast.cases[0];
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, inst.survivors().Get(cw, survivor_id, "case_work"));
        domain::SurvivorPatch prefs;
        domain::PreferencesPatch p;
        p.interviewer_gender = std::optional<domain::InterviewerGender>(domain::InterviewerGender::kFemale);
        p.interpreter_language = std::optional<std::string>("sw");
        p.support_person = std::optional<std::string>("a friend from her language class");
        p.children = std::optional<domain::ChildrenArrangement>(domain::ChildrenArrangement::kNone);
        p.breaks = std::optional<std::string>("a short break every half hour");
        prefs.preferences = p;
        ONESTORY_RETURN_IF_ERROR(inst.survivors().Update(cw, survivor_id, survivor.version, prefs).status());
        ONESTORY_ASSIGN_OR_RETURN(auto consent, Consent(inst, cw, survivor_id, cast.police_id, Purpose::kInvestigation,
                                                        {Topic::kRecruitment, Topic::kTransport, Topic::kExploitation},
                                                        {RecordCategory::kIdentity}, now + days(180)));
        domain::Accommodations acc;
        acc.interpreter_language = "sw";
        acc.interviewer_gender = domain::InterviewerGender::kFemale;
        acc.support_person = true;
        acc.breaks = true;
        ONESTORY_ASSIGN_OR_RETURN(auto interview, HoldInterview(inst, cw, case_id,
                                                                {Topic::kRecruitment, Topic::kTransport,
                                                                 Topic::kExploitation, Topic::kEscape, Topic::kNeeds},
                                                                now - days(6), family_room.id, acc));
        ONESTORY_ASSIGN_OR_RETURN(
            auto passages,
            Record(inst, cw, case_id, interview.id,
                   {{Topic::kRecruitment,
                     "A woman from my town said she knew a restaurant in the city that needed a cook. She promised a "
                     "good wage and a room to stay in."},
                    {Topic::kTransport, "We travelled by bus for two days with four other young people."},
                    {Topic::kExploitation,
                     "I cleaned and cooked in a house from early morning until late at night. I was told I owed "
                     "money for the journey and could not leave until it was paid."},
                    {Topic::kEscape, "One morning the gate was left open and I walked to a church nearby."},
                    {Topic::kNeeds, "I would like to finish school and find safe work."}}));
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[0].id, domain::ReviewStatus::kReadBack).status());
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[0].id, domain::ReviewStatus::kConfirmed).status());
        ONESTORY_ASSIGN_OR_RETURN(auto corrected,
                                  Review(inst, cw, passages[1].id, domain::ReviewStatus::kCorrected,
                                         "We travelled by minibus for three days with four other young people.",
                                         "It was a minibus, and it took three days. I had remembered it wrong."));
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[2].id, domain::ReviewStatus::kConfirmed, std::nullopt,
                                        "I want the police to know about the money they said I owed.")
                                     .status());
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[3].id, domain::ReviewStatus::kReadBack).status());

        ONESTORY_ASSIGN_OR_RETURN(auto disclosure,
                                  inst.disclosures().Create(cw, case_id,
                                                            {cast.police_id,
                                                             Purpose::kInvestigation,
                                                             {passages[0].id, corrected.id, passages[2].id},
                                                             {RecordCategory::kIdentity}}));
        ONESTORY_RETURN_IF_ERROR(inst.disclosures().Get(cast.investigator, disclosure.id).status());
        (void)consent;

        // The next interview asks only what is not yet on record.
        domain::NewInterview next;
        next.purpose = Purpose::kAftercare;
        next.topics = {Topic::kEscape, Topic::kNeeds};
        next.scheduled_at = now + days(3);
        next.venue_id = family_room.id;
        next.interviewer_id = cw.id;
        next.accommodations = acc;
        ONESTORY_RETURN_IF_ERROR(inst.interviews().Plan(cw, case_id, next).status());
    }

    // 2. A health check-up: the clinic reads the part of the story about injuries.
    {
        const auto& [survivor_id, case_id] = cast.cases[1];
        ONESTORY_RETURN_IF_ERROR(Consent(inst, cw, survivor_id, cast.health_id, Purpose::kHealth,
                                         {Topic::kInjuries, Topic::kNeeds}, {RecordCategory::kContact}, now + days(90))
                                     .status());
        ONESTORY_ASSIGN_OR_RETURN(auto interview, HoldInterview(inst, cw, case_id, {Topic::kInjuries, Topic::kNeeds},
                                                                now - days(3), family_room.id, {}));
        ONESTORY_ASSIGN_OR_RETURN(
            auto passages,
            Record(inst, cw, case_id, interview.id,
                   {{Topic::kInjuries, "My back has hurt since I carried heavy sacks every day."},
                    {Topic::kNeeds, "I need to see a doctor about my back, and I would like to talk to someone."}}));
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[0].id, domain::ReviewStatus::kConfirmed).status());
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[1].id, domain::ReviewStatus::kConfirmed).status());
        ONESTORY_ASSIGN_OR_RETURN(
            auto disclosure,
            inst.disclosures().Create(cw, case_id,
                                      {cast.health_id, Purpose::kHealth, {passages[0].id, passages[1].id}, {}}));
        ONESTORY_RETURN_IF_ERROR(inst.disclosures().Get(cast.clinician, disclosure.id).status());
    }

    // 3. A consent to the prosecutor, withdrawn: the survivor wants to speak with a lawyer first.
    {
        const auto& [survivor_id, case_id] = cast.cases[2];
        ONESTORY_ASSIGN_OR_RETURN(auto consent,
                                  Consent(inst, cw, survivor_id, cast.prosecution_id, Purpose::kProsecution,
                                          {Topic::kRecruitment, Topic::kPerpetrators}, {}, now + days(60)));
        ONESTORY_RETURN_IF_ERROR(
            inst.consents()
                .Revoke(cw, consent.id, std::string("She would like to speak with a lawyer before sharing."))
                .status());
        ONESTORY_ASSIGN_OR_RETURN(
            auto interview, HoldInterview(inst, cw, case_id, {Topic::kBackground, Topic::kRecruitment}, now - days(10),
                                          std::nullopt, {}));
        ONESTORY_ASSIGN_OR_RETURN(
            auto passages, Record(inst, cw, case_id, interview.id,
                                  {{Topic::kBackground, "I grew up with my grandmother and two younger brothers."},
                                   {Topic::kRecruitment, "A man at the bus station offered me work on a farm."}}));
        ONESTORY_RETURN_IF_ERROR(Review(inst, cw, passages[1].id, domain::ReviewStatus::kConfirmed).status());
    }

    // 4. An emergency read by the shelter at night, which alerts the NGO's supervisors.
    {
        const auto& [survivor_id, case_id] = cast.cases[3];
        (void)survivor_id;
        ONESTORY_RETURN_IF_ERROR(
            inst.alerts()
                .BreakGlass(cast.shelter, case_id,
                            "Arrived at the shelter late at night; we need her emergency contacts and any safety "
                            "concerns.")
                .status());
    }
    return Status::Ok();
}

}  // namespace onestory::cli
