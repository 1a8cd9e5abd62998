// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/assessments/assessment_service.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "domain/care_records.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/vocabulary.hpp"
#include "store/assessment_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxNotesBytes = 4000;

struct StoredAssessment {
    store::AssessmentRow row;
    std::vector<store::AssessmentScoreRow> scores;
};

Result<std::vector<StoredAssessment>> LoadAll(store::Transaction& tx, std::string_view case_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::AllAssessmentsOfCase(tx, case_id));
    std::vector<StoredAssessment> out;
    for (auto& r : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto scores, store::ListAssessmentScores(tx, r.id));
        out.push_back({std::move(r), std::move(scores)});
    }
    return out;
}

// The assessment's position in the case's schedule (0: intake).
std::size_t PositionOf(const std::vector<StoredAssessment>& all, const std::string& id) {
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].row.id == id) return i;
    }
    return 0;
}

Result<Assessment> AssessmentFrom(const StoredAssessment& s, std::size_t position, const RestorationRule& rule,
                                  const SurvivorSealer* sealer) {
    const auto& r = s.row;
    Assessment a;
    a.id = r.id;
    a.case_id = r.case_id;
    a.survivor_id = r.survivor_id;
    ONESTORY_ASSIGN_OR_RETURN(a.assessed_on, StoredDate(r.assessed_on));
    a.kind = KindOfAssessment(position);
    a.instrument = r.instrument;
    for (const auto& score : s.scores) a.scores[score.domain][score.sub_domain] = static_cast<int>(score.score);
    a.domain_scores = DomainMeans(a.scores);
    a.restored = MeetsRestoration(rule, a.domain_scores);
    if (sealer != nullptr) {
        ONESTORY_ASSIGN_OR_RETURN(a.notes, sealer->UnsealOptional("assessment.notes", r.notes, r.id));
    }
    a.created_by = r.created_by;
    a.created_at = FromMicros(r.created_at);
    return a;
}

std::optional<AssessmentDue> NextDue(const store::CaseRow& kase, const std::vector<StoredAssessment>& all) {
    const auto status = ParseEnum<CaseStatus>(kase.status).value_or(CaseStatus::kActive);
    if (status == CaseStatus::kClosed || status == CaseStatus::kClosedReferred) return std::nullopt;
    std::optional<Date> first;
    if (!all.empty()) first = ParseDate(all.front().row.assessed_on);
    return NextAssessmentDue(DateOf(FromMicros(kase.created_at)), first, static_cast<int>(all.size()));
}

std::string ScoresDetail(const std::vector<DomainScore>& scores, bool restored) {
    std::string d;
    for (const auto& s : scores) {
        const int tenths = static_cast<int>(s.score * 10 + 0.5);
        d += (d.empty() ? "" : " ") + s.domain + "=" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    }
    return d + " restored=" + (restored ? "yes" : "no");
}

}  // namespace

Result<Assessment> AssessmentService::Record(const Actor& actor, std::string_view case_id,
                                             const NewAssessment& assessment) {
    const Instant now = ctx_.clock.Now();
    const auto& instrument = ctx_.settings.instrument;
    std::optional<CaseRecords> records;
    TrainingGateFacts gate;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(gate,
                                  LoadTrainingGate(tx, ctx_.settings.require_training_assessor, actor.id, DateOf(now)));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kRecordAssessment, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "assessment.create", "case", kase.id, kase.survivor_id, kase.id);
    }
    // Whoever scores an assessment holds the training a setting requires of assessors.
    const auto trained = policy::DecideTrainingGate("assessor", gate.required, gate.valid_course_ids);
    if (!trained.allowed) {
        Status refused = Refuse(ctx_, actor, trained, "assessment.create", "case", kase.id, kase.survivor_id, kase.id);
        if (refused.code() == StatusCode::kPermissionDenied && gate.required) {
            refused.WithDetail("training", {gate.required->course_id, gate.required->course_title});
        }
        return refused;
    }
    if (assessment.assessed_on > DateOf(now)) return Status::Invalid("assessed_on", "must not be in the future");
    ONESTORY_RETURN_IF_ERROR(CheckScores(instrument, assessment.scores));
    if (assessment.notes) ONESTORY_RETURN_IF_ERROR(CheckText("notes", *assessment.notes, kMaxNotesBytes));
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    StoredAssessment stored;
    auto& row = stored.row;
    row.id = crypto::NewIdString("as");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.assessed_on = FormatDate(assessment.assessed_on);
    row.instrument = instrument.Id();
    row.notes = sealer.SealOptional("assessment.notes", assessment.notes, row.id);
    row.created_by = actor.id;
    row.created_at = ToMicros(now);
    for (const auto& [domain, subs] : assessment.scores) {
        for (const auto& [sub, score] : subs) stored.scores.push_back({row.id, domain, sub, score});
    }
    const auto means = DomainMeans(assessment.scores);
    audit::AuditEvent event = CaseRecordEvent(actor, "assessment.create", "assessment", row.id, kase);
    if (row.notes) event.fields = {"notes"};
    event.reason = decision.reason;
    event.detail = ScoresDetail(means, MeetsRestoration(ctx_.settings.restoration, means));
    std::size_t position = 0;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertAssessment(tx, row));
        for (const auto& s : stored.scores) ONESTORY_RETURN_IF_ERROR(store::InsertAssessmentScore(tx, s));
        ONESTORY_ASSIGN_OR_RETURN(auto all, LoadAll(tx, kase.id));
        position = PositionOf(all, row.id);
        return ctx_.audit.Append(tx, event);
    }));
    return AssessmentFrom(stored, position, ctx_.settings.restoration, &sealer);
}

Result<store::Page<Assessment>> AssessmentService::List(const Actor& actor, std::string_view case_id,
                                                        const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    store::Page<store::AssessmentRow> rows;
    std::vector<StoredAssessment> all;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListAssessmentsOfCase(tx, case_id, page));
        ONESTORY_ASSIGN_OR_RETURN(all, LoadAll(tx, case_id));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListAssessments, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "assessment.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<Assessment> out;
    out.next = rows.next;
    bool notes = false;
    for (const auto& r : rows.items) {
        const std::size_t position = PositionOf(all, r.id);
        ONESTORY_ASSIGN_OR_RETURN(Assessment a,
                                  AssessmentFrom(all.at(position), position, ctx_.settings.restoration, &sealer));
        notes = notes || r.notes.has_value();
        out.items.push_back(std::move(a));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "assessment.list", "case", kase.id, kase);
    if (notes) event.fields = {"notes"};
    event.reason = decision.reason;
    event.detail = "assessments=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<AssessmentTrend> AssessmentService::Trend(const Actor& actor, std::string_view case_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::vector<StoredAssessment> all;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(all, LoadAll(tx, case_id));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListAssessments, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "assessment.trend", "case", kase.id, kase.survivor_id, kase.id);
    }
    AssessmentTrend trend;
    for (std::size_t i = 0; i < all.size(); ++i) {
        ONESTORY_ASSIGN_OR_RETURN(Assessment a, AssessmentFrom(all[i], i, ctx_.settings.restoration, nullptr));
        trend.points.push_back(std::move(a));
    }
    trend.next_due = NextDue(kase, all);
    audit::AuditEvent event = CaseRecordEvent(actor, "assessment.trend", "case", kase.id, kase);
    event.reason = decision.reason;
    event.detail = "assessments=" + std::to_string(all.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return trend;
}

Result<AssessmentInstrument> AssessmentService::Instrument(const Actor& actor) {
    const auto route = policy::DecideRoute(actor, Action::kReadInstrument);
    if (!route.allowed) return Refuse(ctx_, actor, route, "assessment.instrument", "instrument", "");
    return ctx_.settings.instrument;
}

}  // namespace onestory::domain
