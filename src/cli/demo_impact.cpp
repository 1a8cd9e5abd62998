// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Synthetic evidence-of-impact data for the demo: every name, place and
// answer is invented.
#include "cli/demo_impact.hpp"

#include <algorithm>
#include <map>
#include <random>

namespace onestory::cli {
namespace {

using domain::ExploitationType;
using domain::MeansOfControl;

Date AddDays(Date d, int days) {
    return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

Status Events(Installation& inst, std::mt19937& rng, const DemoImpactCast::DemoCase& c) {
    constexpr std::array<std::string_view, 6> kDestinations{"AE", "SA", "QA", "LB", "KE", "TH"};
    constexpr std::array<std::string_view, 5> kTowns{"a port town", "a border town", "the capital", "a market town",
                                                     "a farming district"};
    const std::array<std::vector<MeansOfControl>, 5> means{{
        {MeansOfControl::kDebtBondage, MeansOfControl::kWithholdsDocuments},
        {MeansOfControl::kThreats, MeansOfControl::kRestrictsMovement},
        {MeansOfControl::kFalsePromises, MeansOfControl::kTakesEarnings, MeansOfControl::kExcessiveWorkingHours},
        {MeansOfControl::kPsychologicalAbuse, MeansOfControl::kThreatOfLawEnforcement},
        {MeansOfControl::kDebtBondage},
    }};
    const Date today = DateOf(inst.clock().Now());
    const int months_ago = 6 + static_cast<int>(rng() % 30);
    domain::NewTraffickingEvent recruited;
    recruited.kind = domain::EventKind::kRecruitment;
    recruited.country = c.nationality.empty() ? "ZZ" : c.nationality;
    recruited.place = std::string(kTowns[rng() % kTowns.size()]);
    recruited.began_on = AddDays(today, -30 * months_ago);
    ONESTORY_RETURN_IF_ERROR(inst.trafficking_events().Record(c.recorder, c.case_id, recruited).status());
    domain::NewTraffickingEvent exploited;
    exploited.kind = domain::EventKind::kExploitation;
    exploited.country = std::string(kDestinations[rng() % kDestinations.size()]);
    exploited.place = std::string(kTowns[rng() % kTowns.size()]);
    exploited.began_on = AddDays(today, -30 * months_ago + 20);
    exploited.ended_on = AddDays(today, -30 * (months_ago / 3));
    exploited.exploitation_types = {rng() % 3 == 0 ? ExploitationType::kDomesticServitude
                                                   : ExploitationType::kForcedLabour};
    exploited.means_of_control = means[rng() % means.size()];
    exploited.description = std::string("Worked long hours for an employer who kept the wages back.");
    return inst.trafficking_events().Record(c.recorder, c.case_id, exploited).status();
}

Status Trainings(Installation& inst, std::mt19937& rng, const DemoImpactCast& cast) {
    struct Course {
        const char* title;
        const char* curriculum;
        double hours;
        std::optional<int> valid_months;
        std::vector<std::string> topics;
    };
    const std::vector<Course> courses{
        {"Trauma-informed interviewing",
         "Preparing the room and the person; sharing topics ahead; breaks and support; closing well; debriefing.",
         12,
         24,
         {"interviewing", "trauma"}},
        {"Identifying victims of trafficking",
         "Indicators, first contact, safe referral.",
         6,
         std::nullopt,
         {"identification", "referral"}},
        {"Assessing survivor outcomes",
         "The six domains, scoring, and talking it through with the survivor.",
         8,
         12,
         {"outcomes"}},
    };
    struct Session {
        std::size_t course;
        int days_ago;
        const char* place;
        const char* country;
    };
    const std::vector<Session> sessions{
        {0, 400, "Harbour Light training room", "KE"}, {1, 380, "District hall", "UG"},
        {0, 120, "Harbour Light training room", "KE"}, {1, 90, "Community centre", "TZ"},
        {2, 60, "Harbour Light training room", "KE"},  {1, 30, "Police academy", "KE"}};
    constexpr std::array<domain::Profession, 7> kProfessions{
        domain::Profession::kPolice,       domain::Profession::kProsecutor,   domain::Profession::kJudge,
        domain::Profession::kSocialWorker, domain::Profession::kHealthWorker, domain::Profession::kCommunityLeader,
        domain::Profession::kOther};
    constexpr std::array<std::string_view, 8> kGiven{"Amani", "Baraka", "Chausiku", "Dalila",
                                                     "Eshe",  "Faraji", "Gamba",    "Hadiya"};
    constexpr std::array<std::string_view, 8> kFamily{"Molani", "Teruvi", "Sakora", "Wendala",
                                                      "Kiruta", "Nabeso", "Lurima", "Ozendi"};
    constexpr std::array<std::string_view, 4> kPartners{"County Children's Office", "District Police Station",
                                                        "Community Health Unit", "Legal Aid Clinic"};
    const Date today = DateOf(inst.clock().Now());
    std::vector<std::string> course_ids;
    for (const auto& c : courses) {
        domain::NewCourse nc{std::nullopt, c.title, c.curriculum, c.hours, c.topics, c.valid_months};
        ONESTORY_ASSIGN_OR_RETURN(auto made, inst.trainings().CreateCourse(cast.trainer, nc));
        course_ids.push_back(made.id);
    }
    for (std::size_t s = 0; s < sessions.size(); ++s) {
        const auto& session = sessions[s];
        domain::NewTrainingSession ns{AddDays(today, -session.days_ago), session.place, session.country, std::nullopt,
                                      cast.trainer.id};
        ONESTORY_ASSIGN_OR_RETURN(auto made,
                                  inst.trainings().CreateSession(cast.trainer, course_ids[session.course], ns));
        const int outsiders = 6 + static_cast<int>(rng() % 6);
        for (int i = 0; i < outsiders; ++i) {
            domain::NewParticipant p;
            p.name = std::string(kGiven[rng() % kGiven.size()]) + " " + std::string(kFamily[rng() % kFamily.size()]);
            p.profession = kProfessions[rng() % kProfessions.size()];
            p.agency_name = std::string(kPartners[rng() % kPartners.size()]);
            p.country = std::string(session.country);
            p.completed = rng() % 5 != 0;
            ONESTORY_RETURN_IF_ERROR(inst.trainings().AddParticipant(cast.trainer, made.id, p).status());
        }
        // Demo staff took the interviewing and assessing courses.
        if (session.course != 1 && s >= 2) {
            for (const auto& staff : s == 2 ? cast.ngo_staff : std::vector<policy::Actor>{cast.ngo_staff[0]}) {
                domain::NewParticipant p;
                p.staff_id = staff.id;
                p.profession = domain::Profession::kSocialWorker;
                p.completed = true;
                ONESTORY_RETURN_IF_ERROR(inst.trainings().AddParticipant(cast.trainer, made.id, p).status());
            }
            for (const auto& staff : cast.trained_elsewhere) {
                domain::NewParticipant p;
                p.staff_id = staff.id;
                p.profession = staff.Has(policy::Role::kProsecutor) ? domain::Profession::kProsecutor
                                                                    : domain::Profession::kPolice;
                p.completed = true;
                ONESTORY_RETURN_IF_ERROR(inst.trainings().AddParticipant(cast.trainer, made.id, p).status());
            }
        }
    }
    return Status::Ok();
}

// Eight weeks of exposure, debriefs and weekly check-ins for the NGO's staff.
Status Wellbeing(Installation& inst, std::mt19937& rng, const DemoImpactCast& cast) {
    ManualClock* clock = inst.manual_clock();
    const Instant start = inst.clock().Now();
    const auto& items = inst.wellbeing().Instrument().items;
    constexpr std::array<domain::ExposureKind, 4> kKinds{domain::ExposureKind::kInterview,
                                                         domain::ExposureKind::kEvidenceReview,
                                                         domain::ExposureKind::kHearing, domain::ExposureKind::kOther};
    const int weeks = clock != nullptr ? 8 : 1;
    for (int w = weeks - 1; w >= 0; --w) {
        if (clock != nullptr) clock->Set(start - std::chrono::hours(24 * 7 * w));
        const Date today = DateOf(inst.clock().Now());
        for (std::size_t s = 0; s < cast.ngo_staff.size(); ++s) {
            const auto& staff = cast.ngo_staff[s];
            // The last one's heaviest week is this one, with no debrief yet: a nudge.
            const bool heavy = s + 1 == cast.ngo_staff.size() && w == 0;
            const int entries = heavy ? 3 : 1 + static_cast<int>(rng() % 3);
            for (int e = 0; e < entries; ++e) {
                domain::NewExposure exposure{heavy ? today : AddDays(today, -static_cast<int>(rng() % 4)),
                                             heavy ? 300 : 30 + static_cast<std::int64_t>(rng() % 150),
                                             kKinds[rng() % kKinds.size()]};
                ONESTORY_RETURN_IF_ERROR(inst.wellbeing().LogExposure(staff, exposure).status());
            }
            if (!heavy && rng() % 3 == 0) ONESTORY_RETURN_IF_ERROR(inst.wellbeing().LogDebrief(staff, today).status());
            if (rng() % 4 == 0) continue;  // not everyone checks in every week
            // Answers drift a little week by week; the caseworker's slowly worsen.
            std::map<std::string, int> answers;
            for (const auto& item : items) {
                int value = 3 + static_cast<int>(rng() % 3) - 1;
                if (s == 0) value = std::clamp(4 - (weeks - 1 - w) / 3, 1, 5);
                if (item.reverse && s == 0) value = 6 - value;
                answers[item.id] = std::clamp(value, 1, 5);
            }
            ONESTORY_RETURN_IF_ERROR(inst.wellbeing().TakeCheckin(staff, answers, std::nullopt).status());
        }
    }
    if (clock != nullptr) clock->Set(start);
    return Status::Ok();
}

}  // namespace

Status GenerateDemoImpact(Installation& inst, const DemoImpactCast& cast) {
    std::mt19937 rng(8);
    // The national data office statistics consents name.
    ONESTORY_ASSIGN_OR_RETURN(
        auto office, inst.accounts().CreateAgency(
                         cast.admin, {"National Anti-Trafficking Data Office", policy::AgencyKind::kOther, "KE"}));
    const Instant until = inst.clock().Now() + std::chrono::hours(24 * 365 * 2);
    for (std::size_t i = 0; i < cast.cases.size(); ++i) {
        const auto& c = cast.cases[i];
        ONESTORY_RETURN_IF_ERROR(Events(inst, rng, c));
        if (c.in_a_story || rng() % 4 == 0) continue;
        domain::NewConsent consent;
        consent.recipient_agency_id = office.id;
        consent.purpose = policy::Purpose::kStatistics;
        consent.topics = {policy::Topic::kExploitation, policy::Topic::kControl};
        consent.valid_until = until;
        consent.given_as = domain::GivenAs::kWritten;
        consent.consent_text_version = "2026-01";
        consent.language = "en";
        ONESTORY_RETURN_IF_ERROR(inst.consents().Grant(c.recorder, c.survivor_id, consent).status());
    }
    ONESTORY_RETURN_IF_ERROR(Trainings(inst, rng, cast));
    return Wellbeing(inst, rng, cast);
}

}  // namespace onestory::cli
