// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/care_sections.hpp"

#include <map>

#include "domain/safety/safety_plan_types.hpp"
#include "store/assessment_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/hearing_rows.hpp"
#include "store/incident_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/review_rows.hpp"
#include "store/safety_plan_rows.hpp"

namespace onestory::domain {
namespace {

constexpr int kPage = 200;

Result<ExportValue> Opened(const ExportSubject& s, std::string_view field, const std::optional<std::string>& sealed,
                           std::string_view record_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto text, s.sealer.UnsealOptional(field, sealed, record_id));
    return OptionalText(text);
}

// Every row of a paged per-case listing.
template <class Row, class List>
Result<std::vector<Row>> AllPages(store::Transaction& tx, std::string_view case_id, List list) {
    std::vector<Row> out;
    store::PageRequest page{kPage, std::nullopt};
    while (true) {
        ONESTORY_ASSIGN_OR_RETURN(store::Page<Row> got, list(tx, case_id, page));
        out.insert(out.end(), std::make_move_iterator(got.items.begin()), std::make_move_iterator(got.items.end()));
        if (!got.next) return out;
        page.after = got.next;
    }
}

}  // namespace

Status ReferralsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, AllPages<store::ReferralRow>(tx, kase.id, store::ListReferralsOfCase));
        ONESTORY_ASSIGN_OR_RETURN(auto moves, store::ListReferralTransitionsOfCase(tx, kase.id));
        for (const auto& r : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto reason, s.sealer.Unseal("referral.reason", r.reason, r.id));
            ONESTORY_ASSIGN_OR_RETURN(auto declined, Opened(s, "referral.decline_reason", r.decline_reason, r.id));
            std::vector<std::string> steps;
            for (const auto& t : moves) {
                if (t.referral_id != r.id) continue;
                ONESTORY_ASSIGN_OR_RETURN(auto note, s.sealer.UnsealOptional("referral_transition.note", t.note, t.id));
                steps.push_back(FormatInstant(FromMicros(t.at)) + " " + t.to_status + (note ? ": " + *note : ""));
            }
            ExportRecord rec;
            rec.Add("id", r.id)
                .Add("case_id", r.case_id)
                .Add("provider_id", r.provider_id)
                .Add("service_type", r.service_type)
                .Add("reason", reason)
                .Add("shared", ListValue(r.share_categories))
                .Add("consent_id", OptionalText(r.consent_id))
                .Add("follow_up_by", r.follow_up_by)
                .Add("complete_by", OptionalText(r.complete_by))
                .Add("status", r.status)
                .Add("decline_reason", declined)
                .Add("steps", steps)
                .Add("made_at", InstantValue(r.created_at));
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status CommitmentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::AllCommitmentsOfCase(tx, kase.id));
        for (const auto& c : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto what, s.sealer.Unseal("commitment.what", c.what, c.id));
            ONESTORY_ASSIGN_OR_RETURN(auto note, Opened(s, "commitment.note", c.note, c.id));
            ONESTORY_ASSIGN_OR_RETURN(auto told, Opened(s, "commitment.survivor_told", c.survivor_told, c.id));
            ExportRecord rec;
            rec.Add("id", c.id)
                .Add("case_id", c.case_id)
                .Add("promised_to_you", c.to_survivor)
                .Add("what", what)
                .Add("owner_id", c.owner_id)
                .Add("due", c.due)
                .Add("status", c.status)
                .Add("note", note)
                .Add("how_you_were_told", told)
                .Add("resolved_at", OptionalInstant(c.resolved_at))
                .Add("made_at", InstantValue(c.created_at));
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status SafetyPlansSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto plan, store::GetSafetyPlan(tx, kase.id));
        if (!plan) continue;
        ONESTORY_ASSIGN_OR_RETURN(auto encoded, s.sealer.Unseal("safety_plan.items", plan->items, kase.id));
        const auto items = DecodeSafetyItems(encoded);
        if (!items) return Status::Internal("a safety plan's items do not decode");
        std::vector<std::string> lines;
        for (const auto& item : *items) lines.push_back(std::string(NameOf(item.kind)) + ": " + item.text);
        ExportRecord rec;
        rec.Add("case_id", plan->case_id)
            .Add("risk_level", plan->risk_level)
            .Add("items", lines)
            .Add("review_by", plan->review_by)
            .Add("written_at", InstantValue(plan->created_at))
            .Add("updated_at", InstantValue(plan->updated_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status HearingsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::AllHearingsOfCase(tx, kase.id));
        for (const auto& h : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto notes, Opened(s, "hearing.notes", h.notes, h.id));
            ExportRecord rec;
            rec.Add("id", h.id)
                .Add("case_id", h.case_id)
                .Add("court", h.court)
                .Add("scheduled_at", InstantValue(h.scheduled_at))
                .Add("kind", h.kind)
                .Add("charges", h.charges)
                .Add("accommodations_requested", ListValue(h.accommodations_requested))
                .Add("accommodations_granted", ListValue(h.accommodations_granted))
                .Add("you_were_told_at", OptionalInstant(h.survivor_notified_at))
                .Add("outcome", OptionalText(h.outcome))
                .Add("notes", notes);
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status CaseReviewsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::AllReviewsOfCase(tx, kase.id));
        for (const auto& r : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto decisions, store::ListReviewDecisions(tx, r.id));
            std::vector<std::string> decided;
            for (std::size_t i = 0; i < decisions.size(); ++i) {
                const auto& d = decisions[i];
                // Sealed bound to the review and the decision's place in it.
                ONESTORY_ASSIGN_OR_RETURN(auto text, s.sealer.Unseal("review_decision.text", d.text,
                                                                     r.id + "#" + std::to_string(d.position)));
                decided.push_back(d.due ? text + " (by " + *d.due + ")" : text);
            }
            ExportRecord rec;
            rec.Add("id", r.id)
                .Add("case_id", r.case_id)
                .Add("held_at", InstantValue(r.held_at))
                .Add("attendees", ListValue(r.attendees))
                .Add("agencies", ListValue(r.agencies))
                .Add("decisions", decided);
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status IncidentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, AllPages<store::IncidentRow>(tx, kase.id, store::ListIncidentsOfCase));
        for (const auto& i : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto description, Opened(s, "incident.description", i.description, i.id));
            ExportRecord rec;
            rec.Add("id", i.id)
                .Add("case_id", i.case_id)
                .Add("occurred_on", i.occurred_on)
                .Add("penetration", i.penetration)
                .Add("unwanted_sexual_contact", i.unwanted_sexual_contact)
                .Add("physical_assault", i.physical_assault)
                .Add("forced_marriage", i.forced_marriage)
                .Add("denial_of_resources", i.denial_of_resources)
                .Add("psychological_abuse", i.psychological_abuse)
                .Add("type", i.gbv_type)
                .Add("description", description)
                .Add("recorded_at", InstantValue(i.created_at));
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status AssessmentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    for (const auto& kase : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::AllAssessmentsOfCase(tx, kase.id));
        for (const auto& a : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto notes, Opened(s, "assessment.notes", a.notes, a.id));
            ONESTORY_ASSIGN_OR_RETURN(auto scores, store::ListAssessmentScores(tx, a.id));
            std::vector<std::string> scored;
            for (const auto& x : scores)
                scored.push_back(x.domain + "." + x.sub_domain + ": " + std::to_string(x.score));
            ExportRecord rec;
            rec.Add("id", a.id)
                .Add("case_id", a.case_id)
                .Add("assessed_on", a.assessed_on)
                .Add("instrument", a.instrument)
                .Add("scores", scored)
                .Add("notes", notes);
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

}  // namespace onestory::domain
