// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The reports onestory offers. Each counts plain columns of the store (never
// a sealed value) and publishes only suppressed tables and the measures the
// suppression allows. A new report is a new entry here.
#include <algorithm>
#include <map>

#include "common/strings.hpp"
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
        {"training", "Training",
         "Participants of training sessions held in the period, by profession, country and "
         "year.",
         Training},
    };
    return catalogue;
}

}  // namespace onestory::domain
