// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// onestory generate-cases: bulk synthetic survivors for measurements (export
// throughput on 100,000 cases): each case with its trafficking events, a
// referral, a commitment and, for every other case, a safety plan, so the
// HTCDS support plan is measured too. It writes rows directly, a thousand per
// transaction, sealing every protected value as the services do, but without
// an audit event per record: an installation filled this way is for
// benchmarks, not for people.
#include <iostream>
#include <random>

#include "cli/commands.hpp"
#include "crypto/random.hpp"
#include "domain/safety/safety_plan_types.hpp"
#include "domain/sealer.hpp"
#include "domain/vocabulary.hpp"
#include "store/account_rows.hpp"
#include "store/case_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/safety_plan_rows.hpp"
#include "store/survivor_rows.hpp"
#include "store/trafficking_event_rows.hpp"

namespace onestory::cli {
namespace {

constexpr int kPerTransaction = 1000;

constexpr std::array<std::string_view, 12> kNationalities{"KE", "UG", "TZ", "ET", "SO", "NG",
                                                          "PH", "NP", "MM", "KH", "VN", "BD"};
constexpr std::array<std::string_view, 8> kDestinations{"AE", "SA", "QA", "LB", "KE", "TH", "MY", "ZA"};
constexpr std::array<std::string_view, 5> kGenders{"female", "female", "male", "non_binary", "undisclosed"};
constexpr std::array<std::string_view, 6> kStages{"identification", "intake",    "investigation",
                                                  "prosecution",    "aftercare", "closed"};
constexpr std::array<std::string_view, 5> kTypes{"forced_labour", "sexual_exploitation", "domestic_servitude",
                                                 "forced_begging", "forced_criminality"};
constexpr std::array<std::string_view, 6> kMeans{"debt_bondage",       "withholds_documents", "threats",
                                                 "restricts_movement", "takes_earnings",      "false_promises"};
constexpr std::array<std::string_view, 16> kSyllables{"ka", "mi", "lo", "na", "se", "ti", "ra", "vo",
                                                      "du", "el", "an", "ko", "sa", "ri", "mo", "ya"};

template <std::size_t N>
std::string Pick(std::mt19937& rng, const std::array<std::string_view, N>& items) {
    return std::string(items[rng() % N]);
}

std::string Word(std::mt19937& rng, int syllables) {
    std::string w;
    for (int i = 0; i < syllables; ++i) w += kSyllables[rng() % kSyllables.size()];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
}

}  // namespace

int RunGenerateCases(const GenerateOptions& options) {
    if (options.cases < 1 || options.cases > 10'000'000) {
        return Fail(Status::Invalid("cases", "--cases is 1 to 10,000,000"));
    }
    OpenOptions open;
    open.durable = false;  // a measurement fixture: one fsync at the end is enough
    auto installation = Installation::Open(DataDir{options.data}, open);
    if (!installation.ok()) return Fail(installation.status());
    Installation& inst = **installation;
    std::optional<store::StaffRow> admin;
    Status found = inst.store().Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto page, store::ListStaff(tx, {1, std::nullopt}, std::nullopt));
        if (!page.items.empty()) admin = page.items.front();
        return Status::Ok();
    });
    if (!found.ok()) return Fail(found);
    if (!admin) return Fail(Status::FailedPrecondition("the installation has no staff; run onestory init first"));
    const std::string agency = admin->agency_id;
    std::string recipient;
    const auto office = inst.accounts().CreateAgency(
        policy::Actor{
            policy::Actor::Kind::kStaff, admin->id, agency, policy::AgencyKind::kOther, {policy::Role::kAdmin}},
        {"Generated Data Office " + crypto::NewIdString("g"), policy::AgencyKind::kOther, "KE"});
    if (!office.ok()) return Fail(office.status());
    recipient = office->id;
    domain::NewProvider shelter;
    shelter.name = "Generated Shelter " + crypto::NewIdString("g");
    shelter.service_types = {domain::ServiceType::kShelter};
    shelter.languages = {"en"};
    const auto provider = inst.providers().Create(
        policy::Actor{
            policy::Actor::Kind::kStaff, admin->id, agency, policy::AgencyKind::kOther, {policy::Role::kAdmin}},
        shelter);
    if (!provider.ok()) return Fail(provider.status());

    std::mt19937 rng(static_cast<unsigned>(options.seed));
    const std::int64_t now = ToMicros(inst.clock().Now());
    const std::int64_t year = 365LL * 24 * 3600 * 1'000'000;
    const auto started = std::chrono::steady_clock::now();
    for (int done = 0; done < options.cases;) {
        const int n = std::min(kPerTransaction, options.cases - done);
        // Everything of the batch is prepared (and sealed) outside the transaction.
        std::vector<store::SurvivorRow> survivors;
        std::vector<store::CaseRow> cases;
        std::vector<store::TraffickingEventRow> events;
        std::vector<store::ConsentRow> consents;
        std::vector<store::ReferralRow> referrals;
        std::vector<store::CommitmentRow> commitments;
        std::vector<store::SafetyPlanRow> plans;
        for (int i = 0; i < n; ++i) {
            store::SurvivorRow s;
            s.id = crypto::NewIdString("sv");
            auto sealer = domain::SurvivorSealer::Create(inst.context().keyring, s.id);
            s.agency_id = agency;
            s.registered_by = admin->id;
            s.code_name = "Generated " + std::to_string(done + i + 1);
            s.data_key = sealer.wrapped_key();
            s.legal_name = sealer.Seal("legal_name", Word(rng, 2) + " " + Word(rng, 3));
            const int age = 10 + static_cast<int>(rng() % 45);
            const Date birth{std::chrono::year{2026 - age}, std::chrono::month{1 + static_cast<unsigned>(rng() % 12)},
                             std::chrono::day{1 + static_cast<unsigned>(rng() % 28)}};
            s.birth_date = sealer.Seal("birth_date", FormatDate(birth));
            s.contact = sealer.Seal("contact", "+254 7" + std::to_string(10000000 + rng() % 89999999));
            s.address = sealer.Seal("address", std::to_string(1 + rng() % 300) + " " + Word(rng, 2) + " Road");
            s.gender = Pick(rng, kGenders);
            s.languages = "sw,en";
            s.nationality = Pick(rng, kNationalities);
            s.age_band = std::string(domain::AgeBand(birth, DateOf(inst.clock().Now())));
            // Registered over the past five years (mt19937 draws 32 bits: too few microseconds alone).
            s.created_at = s.updated_at = now - std::uniform_int_distribution<std::int64_t>(0, 5 * year)(rng);
            store::CaseRow c;
            c.id = crypto::NewIdString("cs");
            c.survivor_id = s.id;
            c.agency_id = agency;
            c.opened_by = admin->id;
            c.stage = Pick(rng, kStages);
            c.status = c.stage == "closed" ? "closed" : (rng() % 4 == 0 ? "follow_up" : "active");
            c.exploitation_types = Pick(rng, kTypes);
            c.created_at = c.updated_at = s.created_at;
            for (const bool exploitation : {false, true}) {
                store::TraffickingEventRow e;
                e.id = crypto::NewIdString("te");
                e.case_id = c.id;
                e.survivor_id = s.id;
                e.agency_id = agency;
                e.kind = exploitation ? "exploitation" : "recruitment";
                e.country = exploitation ? Pick(rng, kDestinations) : *s.nationality;
                e.place = sealer.Seal("trafficking_event.place", Word(rng, 3) + " district", e.id);
                e.began_on = FormatDate(DateOf(FromMicros(s.created_at - year)));
                if (exploitation) {
                    e.exploitation_types = c.exploitation_types;
                    e.means_of_control = Pick(rng, kMeans);
                    if (rng() % 2 == 0) e.means_of_control += "," + Pick(rng, kMeans);
                    e.description = sealer.Seal("trafficking_event.description",
                                                "Kept working for no pay; documents held back.", e.id);
                }
                e.recorded_by = admin->id;
                e.created_at = s.created_at;
                events.push_back(std::move(e));
            }
            store::ReferralRow ref;
            ref.id = crypto::NewIdString("rf");
            ref.case_id = c.id;
            ref.survivor_id = s.id;
            ref.agency_id = agency;
            ref.provider_id = provider->id;
            ref.service_type = "shelter";
            ref.reason = sealer.Seal("referral.reason", "Needs a safe bed near the clinic.", ref.id);
            ref.follow_up_by = FormatDate(DateOf(FromMicros(s.created_at + year / 52)));
            ref.status = rng() % 3 == 0 ? "sent" : "accepted";
            ref.created_by = admin->id;
            ref.created_at = ref.updated_at = s.created_at;
            referrals.push_back(std::move(ref));
            store::CommitmentRow promise;
            promise.id = crypto::NewIdString("cm");
            promise.case_id = c.id;
            promise.survivor_id = s.id;
            promise.agency_id = agency;
            promise.what = sealer.Seal("commitment.what", "Call back about the hearing date.", promise.id);
            promise.owner_id = admin->id;
            promise.due = FormatDate(DateOf(FromMicros(s.created_at + year / 26)));
            promise.status = rng() % 5 == 0 ? "missed" : "kept";
            promise.resolved_at = s.created_at + year / 30;
            promise.created_by = admin->id;
            promise.created_at = promise.updated_at = s.created_at;
            commitments.push_back(std::move(promise));
            if (rng() % 2 == 0) {
                store::SafetyPlanRow plan;
                plan.case_id = c.id;
                plan.survivor_id = s.id;
                plan.agency_id = agency;
                plan.risk_level = rng() % 2 == 0 ? "medium" : "high";
                plan.items = sealer.Seal(
                    "safety_plan.items",
                    domain::EncodeSafetyItems({{domain::SafetyItemKind::kSafePlace, Word(rng, 3) + " community hall"}}),
                    c.id);
                plan.review_by = FormatDate(DateOf(FromMicros(s.created_at + year / 4)));
                plan.created_by = plan.updated_by = admin->id;
                plan.created_at = plan.updated_at = s.created_at;
                plans.push_back(std::move(plan));
            }
            if (rng() % 4 != 0) {
                store::ConsentRow k;
                k.id = crypto::NewIdString("cn");
                k.survivor_id = s.id;
                k.agency_id = agency;
                k.recipient_agency_id = recipient;
                k.purpose = "statistics";
                k.topics = "exploitation,control";
                k.valid_from = s.created_at;
                k.valid_until = now + 2 * year;
                k.given_as = "written";
                k.consent_text_version = "2026-01";
                k.language = "en";
                k.recorded_by = admin->id;
                k.created_at = s.created_at;
                consents.push_back(std::move(k));
            }
            survivors.push_back(std::move(s));
            cases.push_back(std::move(c));
        }
        const Status written = inst.store().Write([&](store::Transaction& tx) -> Status {
            for (const auto& s : survivors) ONESTORY_RETURN_IF_ERROR(store::InsertSurvivor(tx, s));
            for (const auto& c : cases) ONESTORY_RETURN_IF_ERROR(store::InsertCase(tx, c));
            for (const auto& e : events) ONESTORY_RETURN_IF_ERROR(store::InsertTraffickingEvent(tx, e));
            for (const auto& k : consents) ONESTORY_RETURN_IF_ERROR(store::InsertConsent(tx, k));
            for (const auto& r : referrals) ONESTORY_RETURN_IF_ERROR(store::InsertReferral(tx, r));
            for (const auto& p : commitments) ONESTORY_RETURN_IF_ERROR(store::InsertCommitment(tx, p));
            for (const auto& p : plans) ONESTORY_RETURN_IF_ERROR(store::InsertSafetyPlan(tx, p));
            return Status::Ok();
        });
        if (!written.ok()) return Fail(written);
        done += n;
        if (!options.quiet) {
            std::cerr << "\rgenerated " << done << "/" << options.cases << std::flush;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.quiet) std::cerr << "\n";
    std::cout << "generated " << options.cases << " survivors with one case each in " << seconds << " s" << std::endl;
    return 0;
}

}  // namespace onestory::cli
