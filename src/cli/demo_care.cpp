// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Synthetic care coordination for the demo. Names of providers and people
// are invented; notes are generic and deliberately non-graphic.
#include "cli/demo_care.hpp"

#include <array>

namespace onestory::cli {
namespace {

using domain::ServiceType;
using policy::Purpose;
using policy::RecordCategory;

constexpr std::array<std::string_view, 6> kDomains{"safety",           "legal_protection",
                                                   "mental_wellbeing", "economic_empowerment_education",
                                                   "social_support",   "physical_wellbeing"};

std::chrono::hours Days(int n) {
    return std::chrono::hours(24 * n);
}

// Moves the demo's clock; the history below is told in the order it happened.
class TimeMachine {
  public:
    explicit TimeMachine(ManualClock& clock) : clock_(clock), now_(clock.Now()) {}
    ~TimeMachine() { clock_.Set(now_); }
    TimeMachine(const TimeMachine&) = delete;
    TimeMachine& operator=(const TimeMachine&) = delete;

    // Sets the clock `days` before (negative) or after the real present.
    Instant At(int days) {
        clock_.Set(now_ + Days(days));
        return clock_.Now();
    }
    Date Day(int days) const { return DateOf(now_ + Days(days)); }
    // Nine in the morning (UTC), `days` from the real present.
    Instant Morning(int days) const {
        return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::sys_days(Day(days)) +
                                                                       std::chrono::hours(9));
    }
    Instant present() const { return now_; }

  private:
    ManualClock& clock_;
    Instant now_;
};

Result<domain::Provider> Provider(Installation& inst, const policy::Actor& who, std::string name,
                                  std::optional<std::string> agency, std::vector<ServiceType> services,
                                  std::vector<std::string> languages, std::optional<int> min, std::optional<int> max,
                                  std::vector<domain::Gender> genders, std::optional<int> capacity, std::string area,
                                  std::string contact) {
    domain::NewProvider p;
    p.name = std::move(name);
    p.agency_id = std::move(agency);
    p.service_types = std::move(services);
    p.languages = std::move(languages);
    p.age_min = min;
    p.age_max = max;
    p.genders_served = std::move(genders);
    p.capacity = capacity;
    p.location_area = std::move(area);
    p.contact = std::move(contact);
    return inst.providers().Create(who, p);
}

Result<domain::Consent> Consent(Installation& inst, const policy::Actor& who, const std::string& survivor_id,
                                const std::string& recipient, Purpose purpose, std::vector<RecordCategory> categories,
                                Instant until) {
    domain::NewConsent c;
    c.recipient_agency_id = recipient;
    c.purpose = purpose;
    c.categories = std::move(categories);
    c.valid_until = until;
    c.given_as = domain::GivenAs::kWritten;
    c.consent_text_version = "2026-01";
    c.language = "en";
    return inst.consents().Grant(who, survivor_id, c);
}

Result<domain::Referral> Refer(Installation& inst, const policy::Actor& who, const std::string& case_id,
                               const domain::Provider& provider, ServiceType service, std::string reason,
                               std::vector<RecordCategory> share, Date follow_up_by) {
    return inst.referrals().Create(who, case_id,
                                   {provider.id, service, std::move(reason), std::move(share), follow_up_by});
}

Status Move(Installation& inst, const policy::Actor& who, const std::string& referral_id, domain::ReferralStatus to,
            std::optional<std::string> note = std::nullopt, std::optional<std::string> decline = std::nullopt,
            std::optional<Date> complete_by = std::nullopt) {
    domain::ReferralMove m;
    m.to = to;
    m.note = std::move(note);
    m.decline_reason = std::move(decline);
    m.complete_by = complete_by;
    return inst.referrals().Transition(who, referral_id, m).status();
}

Result<domain::Commitment> Promise(Installation& inst, const policy::Actor& who, const std::string& case_id,
                                   std::string what, Date due) {
    return inst.commitments().Create(who, case_id, {std::move(what), who.id, due, true});
}

Status Resolve(Installation& inst, const policy::Actor& who, const domain::Commitment& c,
               domain::CommitmentStatus status, std::optional<std::string> note = std::nullopt,
               std::optional<std::string> told = std::nullopt) {
    domain::CommitmentPatch p;
    p.status = status;
    if (note) p.note = std::optional<std::string>(*note);
    if (told) p.survivor_told = std::optional<std::string>(*told);
    return inst.commitments().Update(who, c.id, c.version, p).status();
}

// Scores of one assessment: every sub-domain of a domain at the domain's
// level, the first sub-domain one lower where `uneven` (so means vary).
domain::AssessmentScores Scores(const domain::AssessmentInstrument& instrument, const std::array<int, 6>& levels,
                                bool uneven) {
    domain::AssessmentScores scores;
    for (std::size_t i = 0; i < kDomains.size(); ++i) {
        const auto* d = instrument.Find(kDomains[i]);
        if (d == nullptr) continue;
        for (std::size_t j = 0; j < d->sub_domains.size(); ++j) {
            const int level = levels[i] - (uneven && j == 0 && levels[i] > 1 ? 1 : 0);
            scores[d->key][d->sub_domains[j].key] = level;
        }
    }
    return scores;
}

Status Assess(Installation& inst, const policy::Actor& who, const std::string& case_id, Date on,
              const std::array<int, 6>& levels, bool uneven, std::string notes) {
    return inst.assessments()
        .Record(who, case_id, {on, Scores(inst.context().settings.instrument, levels, uneven), std::move(notes)})
        .status();
}

Status Incident(Installation& inst, const policy::Actor& who, const std::string& case_id, Date on,
                domain::IncidentAnswers answers) {
    return inst.incidents()
        .Record(who, case_id, {on, answers, std::string("Recorded at intake; the survivor chose what to share.")})
        .status();
}

// A survivor whose journey began long ago, registered and opened then.
Result<std::pair<std::string, std::string>> LongRunningCase(Installation& inst, const policy::Actor& who,
                                                            std::string code_name, std::string legal_name,
                                                            domain::Gender gender, std::string language) {
    domain::NewSurvivor s;
    s.code_name = std::move(code_name);
    s.identity.legal_name = std::move(legal_name);
    s.gender = gender;
    s.languages = {std::move(language), "en"};
    s.nationality = "KE";
    ONESTORY_ASSIGN_OR_RETURN(auto survivor, inst.survivors().Register(who, s));
    ONESTORY_ASSIGN_OR_RETURN(
        auto kase,
        inst.cases().Create(who, {survivor.id, domain::Stage::kAftercare, {domain::ExploitationType::kForcedLabour}}));
    return std::make_pair(survivor.id, kase.id);
}

}  // namespace

Status GenerateDemoCare(Installation& inst, const DemoCareCast& cast) {
    if (cast.cases.size() < 4) return Status::Internal("the demo's care histories need four cases");
    if (inst.manual_clock() == nullptr) {
        return Status::FailedPrecondition("the demo lays its history out with a manual clock");
    }
    TimeMachine time(*inst.manual_clock());
    const auto& cw = cast.caseworker;
    using S = domain::ReferralStatus;
    using C = domain::CommitmentStatus;

    // The service directory.
    time.At(-430);
    ONESTORY_ASSIGN_OR_RETURN(auto safe_house,
                              Provider(inst, cast.supervisor, "Harbour Light Safe House", cast.ngo_id,
                                       {ServiceType::kShelter, ServiceType::kPeerSupport}, {"sw", "en"}, 18, 35,
                                       {domain::Gender::kFemale}, 12, "Riverside district", "+254 700 100 200"));
    ONESTORY_ASSIGN_OR_RETURN(
        auto shelter, Provider(inst, cast.admin, "Safe Haven Shelter", cast.shelter_id, {ServiceType::kShelter},
                               {"sw", "en", "so"}, 12, 25, {domain::Gender::kFemale, domain::Gender::kNonBinary}, 20,
                               "North district", "+254 700 300 400"));
    ONESTORY_ASSIGN_OR_RETURN(
        auto clinic, Provider(inst, cast.admin, "Riverside Community Clinic", cast.health_id,
                              {ServiceType::kMedical, ServiceType::kMentalHealth}, {"sw", "en", "fr"}, std::nullopt,
                              std::nullopt, {}, 40, "Riverside district", "+254 700 500 600"));
    ONESTORY_ASSIGN_OR_RETURN(
        auto legal, Provider(inst, cast.supervisor, "Metro Legal Aid Desk", std::nullopt, {ServiceType::kLegalAid},
                             {"en", "sw"}, 16, std::nullopt, {}, std::nullopt, "City centre", "legal-aid@example.org"));
    ONESTORY_ASSIGN_OR_RETURN(auto skills, Provider(inst, cast.supervisor, "Bright Futures Skills Centre", std::nullopt,
                                                    {ServiceType::kLivelihood, ServiceType::kEducation}, {"en", "sw"},
                                                    16, 40, {}, 60, "East district", "+254 700 700 800"));
    ONESTORY_ASSIGN_OR_RETURN(
        auto tracing,
        Provider(inst, cast.supervisor, "Family Links Tracing Service", std::nullopt,
                 {ServiceType::kFamilyTracing, ServiceType::kRepatriation}, {"en", "fr", "am", "so", "ar"},
                 std::nullopt, std::nullopt, {}, std::nullopt, "Regional office", "tracing@example.org"));
    ONESTORY_ASSIGN_OR_RETURN(auto peers, Provider(inst, cast.supervisor, "Voices Together Peer Circle", std::nullopt,
                                                   {ServiceType::kPeerSupport}, {"sw", "en"}, 18, std::nullopt, {}, 15,
                                                   "Riverside district", "+254 700 900 100"));
    ONESTORY_RETURN_IF_ERROR(Provider(inst, cast.supervisor, "City Interpreters Cooperative", std::nullopt,
                                      {ServiceType::kInterpretation}, {"sw", "am", "so", "ar", "fr", "pt"},
                                      std::nullopt, std::nullopt, {}, std::nullopt, "City centre",
                                      "bookings@example.org")
                                 .status());

    // Three long journeys: outcome assessments at intake, six months and a year, improving.
    time.At(-400);
    ONESTORY_ASSIGN_OR_RETURN(
        auto amina, LongRunningCase(inst, cw, "Patient Heron 45", "Demo Amani Kerubo", domain::Gender::kFemale, "sw"));
    time.At(-395);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, amina.second, time.Day(-395), {1, 2, 1, 1, 2, 2}, true,
                                    "First meeting at the safe house; she asked for time before talking about work."));
    ONESTORY_ASSIGN_OR_RETURN(auto housing,
                              Refer(inst, cw, amina.second, safe_house, ServiceType::kShelter,
                                    "Needs a safe place to stay while her case is assessed.", {}, time.Day(-390)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, housing.id, S::kSent));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, housing.id, S::kAccepted, "A room is ready from tonight."));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, housing.id, S::kInService));
    ONESTORY_ASSIGN_OR_RETURN(auto papers, Promise(inst, cw, amina.second,
                                                   "Help her apply for a replacement identity card.", time.Day(-380)));
    time.At(-383);
    ONESTORY_RETURN_IF_ERROR(Resolve(inst, cw, papers, C::kKept, std::string("Application lodged together.")));
    time.At(-300);
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, housing.id, S::kCompleted, "Moved to a shared flat with support."));
    time.At(-215);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, amina.second, time.Day(-215), {3, 2, 2, 2, 3, 3}, true,
                                    "Settled in the shared flat; attending a tailoring course."));
    time.At(-35);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, amina.second, time.Day(-35), {4, 3, 3, 3, 3, 4}, false,
                                    "Working part time; says she feels safe and has friends from the course."));

    time.At(-390);
    ONESTORY_ASSIGN_OR_RETURN(
        auto jabari, LongRunningCase(inst, cw, "Early Cedar 46", "Demo Jabali Otieno", domain::Gender::kMale, "sw"));
    time.At(-388);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, jabari.second, time.Day(-388), {2, 1, 2, 1, 1, 2}, false,
                                    "Arrived after leaving a construction site; wants to go home in time."));
    ONESTORY_ASSIGN_OR_RETURN(
        auto family, Refer(inst, cw, jabari.second, tracing, ServiceType::kFamilyTracing,
                           "Would like help finding his brother before deciding to return.", {}, time.Day(-375)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, family.id, S::kSent));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, family.id, S::kAccepted));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, family.id, S::kInService));
    time.At(-250);
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, family.id, S::kCompleted, "His brother was found and they speak weekly."));
    time.At(-205);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, jabari.second, time.Day(-205), {3, 2, 2, 2, 3, 2}, true,
                                    "In touch with family; started an apprenticeship."));
    time.At(-20);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, jabari.second, time.Day(-22), {3, 3, 3, 2, 3, 3}, true,
                                    "Apprenticeship going well; still saving for the journey home."));

    time.At(-250);
    ONESTORY_ASSIGN_OR_RETURN(auto zawadi, LongRunningCase(inst, cw, "Silver Sparrow 47", "Demo Zawadi Achieng",
                                                           domain::Gender::kFemale, "sw"));
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, zawadi.second, time.Day(-250), {2, 2, 1, 1, 2, 2}, true,
                                    "Intake at the drop-in centre; the six-month assessment has not happened yet."));

    // Current work on the caseworker's cases.
    const auto& [sv0, case0] = cast.cases[0];
    const auto& [sv1, case1] = cast.cases[1];
    const std::string& case2 = cast.cases[2].second;
    const std::string& case3 = cast.cases[3].second;
    const Instant far = time.present() + Days(365);

    // A check-up at the clinic, shared under consent, walked to completion by the clinic itself.
    time.At(-30);
    ONESTORY_RETURN_IF_ERROR(
        Consent(inst, cw, sv0, cast.health_id, Purpose::kHealth, {RecordCategory::kContact}, far).status());
    ONESTORY_ASSIGN_OR_RETURN(auto checkup, Refer(inst, cw, case0, clinic, ServiceType::kMedical,
                                                  "A general check-up and advice about sleeping badly.",
                                                  {RecordCategory::kContact}, time.Day(-23)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, checkup.id, S::kSent, "Phoned the clinic to introduce the referral."));
    time.At(-28);
    ONESTORY_RETURN_IF_ERROR(Move(inst, cast.clinician, checkup.id, S::kAccepted, "Seen on Thursday morning."));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cast.clinician, checkup.id, S::kInService));
    time.At(-14);
    ONESTORY_RETURN_IF_ERROR(Move(inst, cast.clinician, checkup.id, S::kCompleted, "Follow-up in three months."));
    // Legal advice: proposed, not yet sent.
    ONESTORY_RETURN_IF_ERROR(Refer(inst, cw, case0, legal, ServiceType::kLegalAid,
                                   "Wants to understand her options before the trial.", {}, time.Day(7))
                                 .status());

    // The shelter has not answered: past its follow-up date.
    time.At(-12);
    ONESTORY_RETURN_IF_ERROR(Consent(inst, cw, sv1, cast.shelter_id, Purpose::kAftercare,
                                     {RecordCategory::kIdentity, RecordCategory::kContact, RecordCategory::kSafetyPlan},
                                     far)
                                 .status());
    ONESTORY_ASSIGN_OR_RETURN(
        auto bed,
        Refer(inst, cw, case1, shelter, ServiceType::kShelter, "Needs a bed away from the area where she was found.",
              {RecordCategory::kIdentity, RecordCategory::kContact, RecordCategory::kSafetyPlan}, time.Day(-5)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, bed.id, S::kSent));

    // Skills training in progress; family tracing declined and filed; an intake assessment on time.
    time.At(-45);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, case2, time.Day(-46), {2, 3, 2, 2, 3, 3}, true,
                                    "Intake: wants to train as a cook; worried about debts back home."));
    ONESTORY_ASSIGN_OR_RETURN(auto course,
                              Refer(inst, cw, case2, skills, ServiceType::kLivelihood,
                                    "Interested in a catering course with a paid placement.", {}, time.Day(-38)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, course.id, S::kSent));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, course.id, S::kAccepted));
    ONESTORY_RETURN_IF_ERROR(
        Move(inst, cw, course.id, S::kInService, "Started in the evening group.", std::nullopt, time.Day(75)));
    ONESTORY_ASSIGN_OR_RETURN(auto trace,
                              Refer(inst, cw, case2, tracing, ServiceType::kFamilyTracing,
                                    "Would like to find an aunt she lost contact with.", {}, time.Day(-30)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, trace.id, S::kSent));
    ONESTORY_RETURN_IF_ERROR(
        Move(inst, cw, trace.id, S::kDeclined, std::nullopt, std::string("Not tracing in that region at the moment.")));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, trace.id, S::kClosed, "Will ask again in the new year."));

    // Peer support accepted long ago and never completed.
    time.At(-50);
    ONESTORY_ASSIGN_OR_RETURN(
        auto circle, Refer(inst, cw, case3, peers, ServiceType::kPeerSupport,
                           "Would like to meet others who have been through similar things.", {}, time.Day(-43)));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, circle.id, S::kSent));
    ONESTORY_RETURN_IF_ERROR(Move(inst, cw, circle.id, S::kAccepted, "Welcome to join on Saturdays."));

    // Promises to the survivors: kept on time, kept late, changed, missed, open and overdue.
    time.At(-20);
    ONESTORY_ASSIGN_OR_RETURN(auto go_along,
                              Promise(inst, cw, case0, "Go with her to the clinic appointment.", time.Day(-14)));
    ONESTORY_ASSIGN_OR_RETURN(auto forms, Promise(inst, cw, case0, "Bring the school enrolment forms.", time.Day(-12)));
    ONESTORY_ASSIGN_OR_RETURN(auto move_date,
                              Promise(inst, cw, case1, "Confirm the date she can move to the shelter.", time.Day(-8)));
    ONESTORY_ASSIGN_OR_RETURN(auto call_mother,
                              Promise(inst, cw, case1, "Arrange a call with her mother.", time.Day(-6)));
    time.At(-14);
    ONESTORY_RETURN_IF_ERROR(Resolve(inst, cw, go_along, C::kKept));
    time.At(-9);
    ONESTORY_RETURN_IF_ERROR(Resolve(inst, cw, forms, C::kKept, std::string("Brought them three days late.")));
    ONESTORY_RETURN_IF_ERROR(Resolve(inst, cw, move_date, C::kChanged, std::string("The shelter has not answered yet."),
                                     std::string("Told her in person and agreed to call her every Friday.")));
    time.At(-5);
    ONESTORY_RETURN_IF_ERROR(Resolve(inst, cw, call_mother, C::kMissed, std::string("The line was down all week."),
                                     std::string("Explained by phone; she chose to try again next month.")));
    ONESTORY_RETURN_IF_ERROR(Promise(inst, cw, case0, "Call back about the bus pass.", time.Day(-3)).status());
    ONESTORY_RETURN_IF_ERROR(Promise(inst, cw, case2, "Find a Swahili-speaking counsellor.", time.Day(9)).status());

    // Safety plans: one current, one past its review date.
    time.At(-10);
    domain::SafetyPlanInput current{domain::RiskLevel::kHigh,
                                    {{domain::SafetyItemKind::kWarningSign, "Unknown callers asking where she lives."},
                                     {domain::SafetyItemKind::kTrustedPerson, "Her cousin, who lives nearby."},
                                     {domain::SafetyItemKind::kSafePlace, "The church hall next to the market."},
                                     {domain::SafetyItemKind::kEmergencyStep, "Call the caseworker's duty phone."}},
                                    time.Day(20)};
    ONESTORY_RETURN_IF_ERROR(inst.safety_plans().Put(cw, case1, std::nullopt, current).status());
    time.At(-60);
    domain::SafetyPlanInput old{domain::RiskLevel::kMedium,
                                {{domain::SafetyItemKind::kCopingStrategy, "A walk in the park when it gets too much."},
                                 {domain::SafetyItemKind::kProfessionalContact, "The counsellor on Tuesdays."}},
                                time.Day(-4)};
    ONESTORY_RETURN_IF_ERROR(inst.safety_plans().Put(cw, case3, std::nullopt, old).status());

    // Hearings: a past one, a trial with accommodations recorded by the prosecutor under consent, and a
    // testimony within two weeks the survivor has not been told of.
    time.At(-70);
    ONESTORY_RETURN_IF_ERROR(
        Consent(inst, cw, sv0, cast.prosecution_id, Purpose::kProsecution, {RecordCategory::kLegal}, far).status());
    domain::NewHearing bail;
    bail.court = "Riverside District Court, room 2";
    bail.scheduled_at = time.Morning(-60);
    bail.kind = domain::HearingKind::kBail;
    bail.charges = {"Trafficking in persons", "Withholding identity documents"};
    bail.survivor_notified_at = time.Morning(-71);
    bail.notified_by = cw.id;
    ONESTORY_ASSIGN_OR_RETURN(auto bail_hearing, inst.hearings().Create(cast.prosecutor, case0, bail));
    time.At(-59);
    domain::HearingPatch adjourned;
    adjourned.outcome = std::optional<domain::HearingOutcome>(domain::HearingOutcome::kAdjourned);
    adjourned.notes = std::optional<std::string>("Bail refused; trial date to be set.");
    ONESTORY_RETURN_IF_ERROR(
        inst.hearings().Update(cast.prosecutor, bail_hearing.id, bail_hearing.version, adjourned).status());
    time.At(-7);
    domain::NewHearing trial;
    trial.court = "Riverside District Court, room 1";
    trial.scheduled_at = time.Morning(35);
    trial.kind = domain::HearingKind::kTrial;
    trial.charges = bail.charges;
    trial.accommodations_requested = {domain::CourtAccommodation::kScreen, domain::CourtAccommodation::kVideoLink,
                                      domain::CourtAccommodation::kSupportPerson,
                                      domain::CourtAccommodation::kPreTrialVisit};
    trial.accommodations_granted = {domain::CourtAccommodation::kScreen, domain::CourtAccommodation::kPreTrialVisit};
    trial.survivor_notified_at = time.Morning(-8);
    trial.notified_by = cw.id;
    ONESTORY_RETURN_IF_ERROR(inst.hearings().Create(cast.prosecutor, case0, trial).status());
    domain::NewHearing testimony;
    testimony.court = "Riverside District Court, room 3";
    testimony.scheduled_at = time.Morning(9);
    testimony.kind = domain::HearingKind::kTestimony;
    testimony.accommodations_requested = {domain::CourtAccommodation::kSupportPerson,
                                          domain::CourtAccommodation::kInterpreter};
    ONESTORY_RETURN_IF_ERROR(inst.hearings().Create(cw, case0, testimony).status());

    // A multidisciplinary review whose decisions became team commitments.
    time.At(-14);
    domain::NewCaseReview review;
    review.held_at = time.Morning(-15);
    review.attendees = {cw.id, cast.counsellor.id, cast.investigator.id, cast.prosecutor.id};
    review.agencies = {cast.ngo_id, cast.police_id, cast.prosecution_id};
    review.decisions = {
        {"Ask the court for a video link for her testimony.", cast.prosecutor.id, time.Day(10), {}},
        {"Arrange weekly counselling sessions.", cast.counsellor.id, time.Day(-2), {}},
        {"Keep her family informed through the tracing service.", std::nullopt, std::nullopt, {}},
    };
    ONESTORY_RETURN_IF_ERROR(inst.reviews().Create(cw, case0, review).status());

    // Incidents, classified in GBVIMS order (the classification gates nothing).
    time.At(-25);
    ONESTORY_RETURN_IF_ERROR(Incident(inst, cw, case0, time.Day(-150), {false, false, true, false, false, true}));
    ONESTORY_RETURN_IF_ERROR(Incident(inst, cw, case1, time.Day(-90), {false, false, false, false, true, false}));
    ONESTORY_RETURN_IF_ERROR(Incident(inst, cw, case2, time.Day(-200), {false, false, false, false, false, false}));

    // An intake assessment of a current case.
    time.At(-6);
    ONESTORY_RETURN_IF_ERROR(Assess(inst, cw, case0, time.Day(-6), {2, 2, 2, 1, 2, 3}, true,
                                    "Intake: sleeping badly, keen to return to school."));
    return Status::Ok();
}

}  // namespace onestory::cli
