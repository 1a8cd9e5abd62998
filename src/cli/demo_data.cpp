// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Synthetic demonstration data. Every name is assembled from syllables and
// every detail is invented: no real person appears here.
#include <array>
#include <random>

#include "cli/commands.hpp"
#include "cli/demo_care.hpp"
#include "cli/demo_impact.hpp"
#include "cli/demo_statements.hpp"
#include "common/enum_names.hpp"

namespace onestory::cli {
namespace {

using policy::AgencyKind;
using policy::Role;

constexpr std::array<std::string_view, 24> kSyllables{"ka", "mi", "lo", "na", "se", "ti", "ra", "vo",
                                                      "du", "el", "an", "ko", "sa", "ri", "mo", "ya",
                                                      "be", "lu", "fa", "zi", "no", "ta", "we", "ji"};
constexpr std::array<std::string_view, 16> kAdjectives{"Quiet",   "Bright", "Gentle", "Swift", "Silver", "Amber",
                                                       "Brave",   "Calm",   "Clear",  "Early", "Golden", "Hidden",
                                                       "Patient", "Steady", "Wild",   "Young"};
constexpr std::array<std::string_view, 16> kCreatures{"Heron", "Fox",    "Willow", "Sparrow", "Otter", "Lark",
                                                      "Cedar", "Finch",  "Marten", "Kestrel", "Birch", "Robin",
                                                      "Lynx",  "Plover", "Hazel",  "Wren"};
constexpr std::array<std::string_view, 8> kLanguages{"sw", "en", "fr", "es", "ar", "am", "so", "pt"};
constexpr std::array<std::string_view, 8> kNationalities{"KE", "UG", "TZ", "ET", "SO", "NG", "PH", "NP"};

std::string Capitalised(std::string word) {
    if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::string InventedWord(std::mt19937& rng, int syllables) {
    std::string word;
    for (int i = 0; i < syllables; ++i) word += kSyllables[rng() % kSyllables.size()];
    return Capitalised(word);
}

template <class T, std::size_t N>
T Pick(std::mt19937& rng, const std::array<T, N>& items) {
    return items[rng() % N];
}

struct DemoAgency {
    std::string name;
    AgencyKind kind;
};

struct DemoStaff {
    std::string username;
    std::string display_name;
    std::size_t agency;  // index into the agencies
    std::vector<Role> roles;
};

}  // namespace

Status GenerateDemoData(Installation& inst, int survivor_count, const std::string& password) {
    std::mt19937 rng(20261126);
    // With a manual clock (RunDemo's) the accounts predate the histories laid
    // out over the past year, and the first cases have run for some weeks.
    ManualClock* clock = inst.manual_clock();
    const Instant present = inst.clock().Now();
    const auto days = [](int n) { return std::chrono::hours(24 * n); };
    if (clock != nullptr) clock->Set(present - days(450));
    const std::vector<DemoAgency> agencies{
        {"Harbour Light Aftercare", AgencyKind::kNgo},
        {"Metro Police Anti-Trafficking Unit", AgencyKind::kPolice},
        {"Office of the Public Prosecutor", AgencyKind::kProsecution},
        {"Riverside District Court", AgencyKind::kCourt},
        {"Safe Haven Shelter", AgencyKind::kShelter},
        {"Riverside Community Clinic", AgencyKind::kHealth},
        {"Child Protection Services", AgencyKind::kChildProtection},
        {"Migrant Support Line", AgencyKind::kOther},
    };
    const std::vector<DemoStaff> staff{
        {"supervisor", "Sana Koleri", 0, {Role::kSupervisor}},
        {"caseworker", "Tomas Reluvo", 0, {Role::kCaseworker}},
        {"counsellor", "Mira Dusante", 0, {Role::kCounsellor}},
        {"trainer", "Lio Fazeni", 0, {Role::kTrainer}},
        {"analyst", "Ana Bekori", 0, {Role::kAnalyst}},
        {"caseworker2", "Rafa Yelunda", 0, {Role::kCaseworker}},
        {"investigator", "Kofi Marelu", 1, {Role::kInvestigator}},
        {"police-supervisor", "Elsa Norvati", 1, {Role::kSupervisor, Role::kInvestigator}},
        {"prosecutor", "Dina Saroku", 2, {Role::kProsecutor}},
        {"clerk", "Ivo Tamberi", 3, {Role::kCaseworker}},
        {"shelter", "Nuru Kavela", 4, {Role::kCaseworker}},
        {"clinician", "Yara Lomitsu", 5, {Role::kClinician}},
        {"child-protection", "Beno Sirawe", 6, {Role::kCaseworker}},
        {"helpline", "Zuri Welanko", 7, {Role::kCaseworker}},
    };

    // The administrator made at init belongs to the first agency.
    auto admins = inst.accounts().ListStaff(
        policy::Actor{policy::Actor::Kind::kStaff, "", "", AgencyKind::kOther, {Role::kAdmin}}, {500, std::nullopt},
        std::nullopt);
    if (!admins.ok() || admins->items.empty()) return Status::Internal("the demo has no administrator");
    const auto& admin_staff = admins->items.front();
    policy::Actor admin{
        policy::Actor::Kind::kStaff, admin_staff.id, admin_staff.agency_id, AgencyKind::kNgo, {Role::kAdmin}};

    std::vector<domain::Agency> made_agencies;
    for (const auto& a : agencies) {
        ONESTORY_ASSIGN_OR_RETURN(auto created, inst.accounts().CreateAgency(admin, {a.name, a.kind, "KE"}));
        made_agencies.push_back(created);
    }
    std::vector<policy::Actor> actors;
    for (const auto& s : staff) {
        const auto& agency = made_agencies[s.agency];
        ONESTORY_ASSIGN_OR_RETURN(auto created, inst.accounts().CreateStaff(
                                                    admin, {s.username, password, s.display_name, agency.id, s.roles}));
        actors.push_back({policy::Actor::Kind::kStaff, created.id, agency.id, agency.kind, s.roles});
    }
    const policy::Actor& supervisor = actors[0];
    const policy::Actor& caseworker = actors[1];
    const policy::Actor& counsellor = actors[2];
    const policy::Actor& caseworker2 = actors[5];

    const std::array<domain::Stage, 6> stages{domain::Stage::kIdentification, domain::Stage::kIntake,
                                              domain::Stage::kInvestigation,  domain::Stage::kProsecution,
                                              domain::Stage::kAftercare,      domain::Stage::kClosed};
    const std::array<domain::ExploitationType, 5> types{
        domain::ExploitationType::kForcedLabour, domain::ExploitationType::kSexualExploitation,
        domain::ExploitationType::kDomesticServitude, domain::ExploitationType::kForcedBegging,
        domain::ExploitationType::kForcedCriminality};
    const std::array<domain::Gender, 4> genders{domain::Gender::kFemale, domain::Gender::kFemale, domain::Gender::kMale,
                                                domain::Gender::kNonBinary};
    const Date today = DateOf(present);
    DemoImpactCast impact;
    impact.admin = admin;
    impact.trainer = actors[3];
    impact.ngo_staff = {caseworker, supervisor, counsellor, actors[3], actors[4], caseworker2};
    impact.trained_elsewhere = {actors[6], actors[8]};
    impact.ngo_id = made_agencies[0].id;
    DemoStoryCast cast{supervisor, caseworker,          actors[6],           actors[8],           actors[11],
                       actors[10], made_agencies[0].id, made_agencies[1].id, made_agencies[2].id, made_agencies[5].id,
                       {}};
    for (int i = 0; i < survivor_count; ++i) {
        if (clock != nullptr) clock->Set(i < 5 ? present - days(80) + std::chrono::hours(i) : present);
        const policy::Actor& registrar = i % 3 == 2 ? caseworker2 : caseworker;
        domain::NewSurvivor s;
        s.code_name = std::string(Pick(rng, kAdjectives)) + " " + std::string(Pick(rng, kCreatures)) + " " +
                      std::to_string(i + 1);
        s.identity.legal_name = InventedWord(rng, 2) + " " + InventedWord(rng, 3);
        const int age = 12 + static_cast<int>(rng() % 40);
        s.identity.birth_date =
            Date{today.year() - std::chrono::years(age), std::chrono::month{static_cast<unsigned>(1 + rng() % 12)},
                 std::chrono::day{static_cast<unsigned>(1 + rng() % 28)}};
        s.identity.contact = "+254 7" + std::to_string(10000000 + rng() % 89999999);
        s.identity.address = std::to_string(1 + rng() % 200) + " " + InventedWord(rng, 2) + " Road";
        s.gender = Pick(rng, genders);
        s.languages = {std::string(Pick(rng, kLanguages)), "en"};
        if (s.languages[0] == "en") s.languages.pop_back();
        s.nationality = std::string(Pick(rng, kNationalities));
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, inst.survivors().Register(registrar, s));

        domain::NewCase c;
        c.survivor_id = survivor.id;
        c.stage = stages[static_cast<std::size_t>(i) % stages.size()];
        c.exploitation_types = {types[rng() % types.size()]};
        if (rng() % 4 == 0) c.exploitation_types.push_back(domain::ExploitationType::kSexualExploitation);
        if (c.exploitation_types.size() == 2 && c.exploitation_types[0] == c.exploitation_types[1]) {
            c.exploitation_types.pop_back();
        }
        ONESTORY_ASSIGN_OR_RETURN(auto kase, inst.cases().Create(registrar, c));
        if (&registrar == &caseworker) cast.cases.emplace_back(survivor.id, kase.id);
        // The tell-once stories use the caseworker's first four cases.
        impact.cases.push_back(
            {registrar, survivor.id, kase.id, *s.nationality, &registrar == &caseworker && cast.cases.size() <= 4});
        if (i % 2 == 0) {
            ONESTORY_RETURN_IF_ERROR(
                inst.cases().AddTeamMember(registrar, kase.id, counsellor.id, domain::CaseRole::kCounsellor).status());
        }
        if (&registrar == &caseworker2 && i % 5 == 0) {
            ONESTORY_RETURN_IF_ERROR(
                inst.cases().AddTeamMember(supervisor, kase.id, caseworker.id, domain::CaseRole::kCaseworker).status());
        }
    }
    if (clock != nullptr) clock->Set(present);
    if (cast.cases.size() >= 4) {  // a very small demo tells no stories
        ONESTORY_RETURN_IF_ERROR(GenerateDemoStories(inst, cast));
        // The survivor of the first story has set up her portal with a code from her caseworker.
        ONESTORY_ASSIGN_OR_RETURN(auto invite, inst.portal().Invite(caseworker, cast.cases[0].first));
        ONESTORY_RETURN_IF_ERROR(inst.portal().Activate(invite.code, "survivor", password, "demo").status());
        if (clock != nullptr) {  // the care histories need the clock moved
            const DemoCareCast care{admin,
                                    supervisor,
                                    caseworker,
                                    counsellor,
                                    actors[6],
                                    actors[8],
                                    actors[11],
                                    actors[10],
                                    made_agencies[0].id,
                                    made_agencies[1].id,
                                    made_agencies[2].id,
                                    made_agencies[4].id,
                                    made_agencies[5].id,
                                    cast.cases};
            ONESTORY_RETURN_IF_ERROR(GenerateDemoCare(inst, care));
            clock->Set(present);
        }
    }
    return GenerateDemoImpact(inst, impact);
}

}  // namespace onestory::cli
