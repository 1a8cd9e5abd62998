// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The reports onestory offers. Each counts plain columns of the store (never
// a sealed value) and publishes only suppressed tables and the measures the
// suppression allows. A new report is a new entry here.
#include <algorithm>
#include <map>
#include <set>

#include "common/strings.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/commitments/commitment_types.hpp"
#include "domain/hearings/hearing_types.hpp"
#include "domain/providers/provider_types.hpp"
#include "domain/referrals/referral_types.hpp"
#include "domain/reports/report_builder.hpp"
#include "domain/vocabulary.hpp"
#include "policy/vocabulary.hpp"

namespace onestory::domain {
namespace {

template <class E>
std::map<std::string, std::size_t> IndexOf() {
    std::map<std::string, std::size_t> out;
    for (const auto& [value, name] : EnumNames<E>::kTable) out.emplace(std::string(name), out.size());
    return out;
}

std::vector<std::vector<std::int64_t>> Zeros(std::size_t rows, std::size_t columns) {
    return std::vector<std::vector<std::int64_t>>(rows, std::vector<std::int64_t>(columns, 0));
}

Status Caseload(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto groups, store::CountCasesByStageAndStatus(tx, request.scope));
    const auto stages = IndexOf<Stage>();
    const auto statuses = IndexOf<CaseStatus>();
    auto counts = Zeros(stages.size(), statuses.size());
    for (const auto& g : groups) {
        const auto s = stages.find(g.keys.at(0));
        const auto t = statuses.find(g.keys.at(1));
        if (s != stages.end() && t != statuses.end()) counts[s->second][t->second] += g.count;
    }
    report.tables.push_back(MakeTable("cases_by_stage_and_status", "Cases opened in the period, by stage and status",
                                      "stage", "status", AllNames<Stage>(), AllNames<CaseStatus>(), counts,
                                      request.threshold));
    return Status::Ok();
}

Status Exploitation(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto groups, store::CountCasesByExploitationAndNationality(tx, request.scope));
    std::vector<std::string> rows = AllNames<ExploitationType>();
    rows.emplace_back("not_recorded");
    const auto types = IndexOf<ExploitationType>();
    // One count per case and type; nationalities held by fewer than the
    // threshold are merged into "other" first.
    struct Mention {
        std::size_t row;
        std::string nationality;
        std::int64_t count;
    };
    std::vector<Mention> mentions;
    std::vector<std::pair<std::string, std::int64_t>> by_nationality;
    for (const auto& g : groups) {
        const std::string nationality = g.keys.at(1).empty() ? "unknown" : g.keys.at(1);
        const auto listed = SplitList(g.keys.at(0));
        std::vector<std::size_t> rows_of_case;
        for (const auto& name : listed) {
            if (const auto t = types.find(name); t != types.end()) rows_of_case.push_back(t->second);
        }
        if (rows_of_case.empty()) rows_of_case.push_back(rows.size() - 1);
        for (const auto r : rows_of_case) {
            mentions.push_back({r, nationality, g.count});
            by_nationality.emplace_back(nationality, g.count);
        }
    }
    const MergedLabels nationalities = MergeRareLabels(by_nationality, request.threshold);
    auto counts = Zeros(rows.size(), nationalities.labels.size());
    for (const auto& m : mentions) counts[m.row][nationalities.row_of(m.nationality)] += m.count;
    report.tables.push_back(MakeTable("cases_by_exploitation_and_nationality",
                                      "Cases opened in the period, by exploitation type and the survivor's "
                                      "nationality (a case of several types counts under each)",
                                      "exploitation_type", "nationality", rows, nationalities.labels, counts,
                                      request.threshold));
    report.notes.emplace_back("Nationalities of fewer than " + std::to_string(request.threshold) +
                              " cases in the period are counted under \"other\".");
    return Status::Ok();
}

Status TellOnce(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto per_survivor, store::CountSurvivorsByInterviews(tx, request.scope));
    std::vector<std::int64_t> buckets(5, 0);
    for (const auto& g : per_survivor) {
        const int n = std::stoi(g.keys.at(0));
        buckets[static_cast<std::size_t>(std::clamp(n, 1, 5) - 1)] += g.count;
    }
    report.tables.push_back(MakeDistribution(
        "survivors_by_interviews", "Survivors interviewed in the period, by how many interviews they had", "interviews",
        {"1", "2", "3", "4", "5_or_more"}, buckets, request.threshold));

    ONESTORY_ASSIGN_OR_RETURN(auto reasks, store::CountReasks(tx, request.scope));
    report.measures.push_back(MakeShare("reask_share",
                                        "Share of interviews planned to ask again about a topic the survivor had "
                                        "already confirmed",
                                        reasks.reasked, reasks.interviews, request.threshold));

    ONESTORY_ASSIGN_OR_RETURN(auto reviews, store::CountPassagesByReview(tx, request.scope));
    const std::vector<std::string> statuses{"unreviewed", "read_back", "confirmed", "corrected"};
    std::vector<std::int64_t> by_status(statuses.size(), 0);
    for (const auto& g : reviews) {
        for (std::size_t i = 0; i < statuses.size(); ++i) {
            if (g.keys.at(0) == statuses[i]) by_status[i] += g.count;
        }
    }
    report.tables.push_back(MakeDistribution("passages_by_review",
                                             "Passages of statements recorded in the period (current versions), by "
                                             "the survivor's review",
                                             "review_status", statuses, by_status, request.threshold));
    report.measures.push_back(MakeShareOfRows(
        "confirmed_share", "Share of passages the survivor confirmed or corrected", report.tables.back(), {2, 3}));
    return Status::Ok();
}

Status Training(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows,
                              store::CountParticipants(tx, request.scope.agency_id, FormatDate(request.first_day),
                                                       FormatDate(request.last_day)));
    // The same people by profession and by country would be two tables over
    // one population, so each year gets one table: profession by country.
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::int64_t>> by_year;
    for (const auto& g : rows) by_year[g.keys.at(2)][{g.keys.at(0), g.keys.at(1)}] += g.count;
    const std::vector<std::string> professions{"police",        "prosecutor",       "judge", "social_worker",
                                               "health_worker", "community_leader", "other"};
    // One table per year that had sessions (the last year of the period when none had).
    std::vector<std::string> years;
    for (const auto& [year, cells] : by_year) years.push_back(year);
    if (years.empty()) years.push_back(std::to_string(static_cast<int>(request.last_day.year())));
    for (const auto& year : years) {
        const auto& cells = by_year[year];
        std::vector<std::pair<std::string, std::int64_t>> by_country;
        for (const auto& [key, n] : cells) by_country.emplace_back(key.second, n);
        const MergedLabels countries = MergeRareLabels(by_country, request.threshold);
        auto table = Zeros(professions.size(), countries.labels.size());
        for (const auto& [key, n] : cells) {
            const auto p = std::find(professions.begin(), professions.end(), key.first);
            const std::size_t row =
                p == professions.end() ? professions.size() - 1 : static_cast<std::size_t>(p - professions.begin());
            table[row][countries.row_of(key.second)] += n;
        }
        report.tables.push_back(
            MakeTable("participants_" + year, "Training participants in " + year + ", by profession and country",
                      "profession", "country", professions, countries.labels, table, request.threshold));
    }
    report.notes.emplace_back(
        "A participant is counted once for each session they took part in. Countries of "
        "fewer than " +
        std::to_string(request.threshold) + " participants in a year are counted under \"other\".");
    return Status::Ok();
}

// A measure over a basis the table may withhold (a column total behind the
// suppression): the figure is shown, its exact basis is not.
ReportMeasure WithheldBasis(ReportMeasure m) {
    if (m.value) m.basis = {std::nullopt, CellMark::kWithheld};
    return m;
}

Status Referrals(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto groups, store::CountReferralsByServiceAndStatus(tx, request.scope));
    const auto services = IndexOf<ServiceType>();
    const auto statuses = IndexOf<ReferralStatus>();
    auto counts = Zeros(services.size(), statuses.size());
    for (const auto& g : groups) {
        const auto s = services.find(g.keys.at(0));
        const auto t = statuses.find(g.keys.at(1));
        if (s != services.end() && t != statuses.end()) counts[s->second][t->second] += g.count;
    }
    report.tables.push_back(MakeTable(
        "referrals_by_service_and_status", "Referrals made in the period, by service type and where they stand now",
        "service_type", "status", AllNames<ServiceType>(), AllNames<ReferralStatus>(), counts, request.threshold));
    ONESTORY_ASSIGN_OR_RETURN(auto times, store::ListReferralAcceptanceTimes(tx, request.scope));
    std::vector<double> days;
    days.reserve(times.size());
    constexpr double kMicrosPerDay = 86400.0 * 1e6;
    for (const auto& t : times) {
        days.push_back(static_cast<double>(std::max<std::int64_t>(t.accepted_at - t.sent_at, 0)) / kMicrosPerDay);
    }
    std::optional<double> median;
    if (!days.empty()) {
        std::sort(days.begin(), days.end());
        const std::size_t mid = days.size() / 2;
        median = days.size() % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
    }
    report.measures.push_back(
        WithheldBasis(MakeStatistic("median_days_to_acceptance",
                                    "Median days from sending a referral to its acceptance "
                                    "(referrals made in the period and accepted)",
                                    "days", median, static_cast<std::int64_t>(days.size()), request.threshold)));
    report.notes.emplace_back(
        "A referral counts under its status today. Days to acceptance run from when it was sent (or made, when "
        "it was never sent through onestory) to its first acceptance.");
    return Status::Ok();
}

Status Commitments(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto facts,
                              store::ListCommitmentFacts(tx, request.scope.agency_id, FormatDate(request.first_day),
                                                         FormatDate(request.last_day)));
    const std::vector<std::string> outcomes{"kept_on_time", "kept_late", "changed", "missed", "open_overdue"};
    std::vector<std::int64_t> counts(outcomes.size(), 0);
    for (const auto& c : facts) {
        const auto due = ParseDate(c.due);
        if (!due) continue;
        if (c.status == "kept") {
            const bool on_time = c.resolved_at && DateOf(FromMicros(*c.resolved_at)) <= *due;
            ++counts[on_time ? 0 : 1];
        } else if (c.status == "changed") {
            ++counts[2];
        } else if (c.status == "missed") {
            ++counts[3];
        } else if (c.status == "open" && *due < request.today) {
            ++counts[4];
        }
    }
    report.tables.push_back(MakeDistribution("commitments_by_outcome",
                                             "Commitments due in the period (and due by today), by what became of "
                                             "them",
                                             "outcome", outcomes, counts, request.threshold));
    report.measures.push_back(
        MakeShareOfRows("kept_on_time_share", "Share of commitments kept by their due day", report.tables.back(), {0}));
    report.notes.emplace_back(
        "A commitment still open whose due day has not come is not counted; one still open after its due day "
        "counts as open_overdue.");
    return Status::Ok();
}

Status Outcomes(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(
        auto facts, store::ListAssessmentScoreFacts(tx, request.scope.agency_id, FormatDate(request.last_day)));
    // Each case's assessments in order, each as its domain means.
    struct Scored {
        std::string day;
        std::vector<DomainScore> domains;
    };
    std::vector<std::vector<Scored>> cases;
    std::string case_id, assessment_id;
    std::map<std::string, std::pair<double, int>> sums;
    auto finish = [&] {
        if (assessment_id.empty()) return;
        Scored& s = cases.back().back();
        for (const auto domain : kAssessmentDomains) {
            const auto found = sums.find(std::string(domain));
            if (found != sums.end() && found->second.second > 0) {
                s.domains.push_back({std::string(domain), found->second.first / found->second.second});
            }
        }
        sums.clear();
    };
    for (const auto& f : facts) {
        if (f.assessment_id != assessment_id) {
            finish();
            if (f.case_id != case_id) cases.emplace_back();
            case_id = f.case_id;
            assessment_id = f.assessment_id;
            cases.back().push_back({f.assessed_on, {}});
        }
        auto& [sum, n] = sums[f.domain];
        sum += static_cast<double>(f.score);
        ++n;
    }
    finish();
    const std::string first_day = FormatDate(request.first_day);
    std::vector<std::int64_t> restoration(2, 0);
    std::map<std::string, std::pair<double, double>> change_sums;  // domain: intake, latest
    std::int64_t compared = 0;
    for (const auto& assessments : cases) {
        const Scored& latest = assessments.back();
        if (latest.day < first_day) continue;  // not assessed in the period
        ++restoration[MeetsRestoration(request.restoration, latest.domains) ? 0 : 1];
        if (assessments.size() < 2) continue;
        ++compared;
        for (const auto& d : assessments.front().domains) change_sums[d.domain].first += d.score;
        for (const auto& d : latest.domains) change_sums[d.domain].second += d.score;
    }
    report.tables.push_back(MakeDistribution("cases_by_restoration",
                                             "Cases assessed in the period, by whether their latest assessment "
                                             "meets the restoration rule",
                                             "restoration", {"restored", "not_restored"}, restoration,
                                             request.threshold));
    report.measures.push_back(MakeShareOfRows("restored_share",
                                              "Share of cases assessed in the period whose latest assessment meets "
                                              "the restoration rule",
                                              report.tables.back(), {0}));
    for (const auto domain : kAssessmentDomains) {
        const auto& [intake, latest] = change_sums[std::string(domain)];
        const auto mean = [&](double sum) {
            return compared > 0 ? std::optional<double>(sum / static_cast<double>(compared)) : std::nullopt;
        };
        report.measures.push_back(MakeStatistic("intake_mean_" + std::string(domain),
                                                "Mean " + std::string(domain) +
                                                    " score at intake (cases assessed "
                                                    "at least twice)",
                                                "score", mean(intake), compared, request.threshold));
        report.measures.push_back(MakeStatistic("latest_mean_" + std::string(domain),
                                                "Mean " + std::string(domain) +
                                                    " score at the latest assessment "
                                                    "(the same cases)",
                                                "score", mean(latest), compared, request.threshold));
    }
    std::string rule = "Restoration: every ";
    rule += request.restoration.domains.empty() ? std::string("domain")
                                                : "domain of " + JoinList(request.restoration.domains);
    rule += " scores at least " + std::to_string(request.restoration.min_domain_score).substr(0, 4) +
            " (a domain's score is the mean of its sub-domains, 1 to 4).";
    report.notes.push_back(std::move(rule));
    return Status::Ok();
}

Status Hearings(store::Transaction& tx, const ReportRequest& request, Report& report) {
    ONESTORY_ASSIGN_OR_RETURN(auto hearings, store::ListHearingAccommodations(tx, request.scope));
    const auto kinds = IndexOf<CourtAccommodation>();
    auto counts = Zeros(2, kinds.size());
    for (const auto& [requested, granted] : hearings) {
        const auto given = SplitList(granted);
        const std::set<std::string> granted_set(given.begin(), given.end());
        for (const auto& a : SplitList(requested)) {
            const auto k = kinds.find(a);
            if (k == kinds.end()) continue;
            ++counts[granted_set.count(a) > 0 ? 0 : 1][k->second];
        }
    }
    report.tables.push_back(MakeTable("accommodations_requested",
                                      "Accommodations requested for hearings scheduled "
                                      "in the period, by whether the court granted them",
                                      "granted", "accommodation", {"granted", "not_granted"},
                                      AllNames<CourtAccommodation>(), counts, request.threshold));
    const ReportTable& table = report.tables.back();
    ReportMeasure share;
    share.name = "granted_share";
    share.title = "Share of requested accommodations the court granted";
    share.unit = "share";
    share.basis = table.total;
    if (table.row_totals.at(0).mark == CellMark::kShown && table.total.mark == CellMark::kShown &&
        table.total.value.value_or(0) > 0) {
        share.value = static_cast<double>(*table.row_totals.at(0).value) / static_cast<double>(*table.total.value);
    } else {
        share.note = "withheld: it would reveal counts the table withholds";
    }
    report.measures.push_back(std::move(share));
    report.notes.emplace_back("An accommodation granted without having been requested is not counted.");
    return Status::Ok();
}

}  // namespace

const std::vector<ReportDefinition>& ReportCatalogue() {
    static const std::vector<ReportDefinition> catalogue{
        {"caseload", "Caseload", "Cases opened in the period, by stage and status.", Caseload},
        {"exploitation", "Forms of exploitation",
         "Cases opened in the period, by exploitation type and the survivor's nationality.", Exploitation},
        {"tell_once", "Tell it once",
         "How often survivors were interviewed, how often a confirmed topic was asked again, and how much of "
         "their statements survivors confirmed.",
         TellOnce},
        {"referrals", "Referrals",
         "Referrals made in the period, by service type and where they stand, and the median days to acceptance.",
         Referrals},
        {"commitments", "Commitments kept",
         "Commitments due in the period, by whether they were kept on time, kept late, changed or missed.",
         Commitments},
        {"outcomes", "Outcomes",
         "Cases whose latest outcome assessment meets the restoration rule, and mean domain scores at intake "
         "versus the latest assessment.",
         Outcomes},
        {"hearings", "Hearings",
         "Accommodations requested for survivors at hearings in the period, against those the court granted.",
         Hearings},
        {"training", "Training",
         "Participants of training sessions held in the period, by profession, country and "
         "year.",
         Training},
    };
    return catalogue;
}

}  // namespace onestory::domain
