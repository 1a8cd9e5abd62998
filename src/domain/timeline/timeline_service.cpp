// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/timeline/timeline_service.hpp"

#include <algorithm>
#include <map>

#include "common/strings.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/care_records.hpp"
#include "domain/commitments/commitment_types.hpp"
#include "domain/consents/consent_service.hpp"
#include "store/assessment_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/disclosure_rows.hpp"
#include "store/hearing_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/provider_rows.hpp"
#include "store/referral_rows.hpp"
#include "store/review_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

std::string Words(std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string ListWords(std::string_view joined) {
    std::string out;
    for (const auto& name : SplitList(joined)) out += (out.empty() ? "" : ", ") + Words(name);
    return out;
}

Instant StartOfDay(std::string_view date) {
    const auto d = ParseDate(date);
    if (!d) return Instant{};
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::sys_days(*d));
}

// Everything the timeline may show, read in one snapshot.
struct CaseHistory {
    std::vector<store::InterviewRow> interviews;
    std::vector<store::DisclosureRow> disclosures;
    std::vector<store::ReferralRow> referrals;
    std::vector<store::ReferralTransitionRow> transitions;
    std::vector<store::CommitmentRow> commitments;
    std::vector<store::HearingRow> hearings;
    std::vector<store::ReviewRow> reviews;
    std::vector<std::int64_t> review_decisions;  // per review
    std::vector<store::AssessmentRow> assessments;
    std::map<std::string, std::string> agency_names;
    std::map<std::string, std::string> provider_names;
};

Result<CaseHistory> LoadHistory(store::Transaction& tx, const std::string& case_id) {
    CaseHistory h;
    ONESTORY_ASSIGN_OR_RETURN(h.interviews, AllPages<store::InterviewRow>([&](const store::PageRequest& page) {
                                  return store::ListInterviewsOfCase(tx, case_id, page);
                              }));
    ONESTORY_ASSIGN_OR_RETURN(h.disclosures, AllPages<store::DisclosureRow>([&](const store::PageRequest& page) {
                                  return store::ListDisclosuresOfCase(tx, case_id, page);
                              }));
    ONESTORY_ASSIGN_OR_RETURN(h.referrals, AllPages<store::ReferralRow>([&](const store::PageRequest& page) {
                                  return store::ListReferralsOfCase(tx, case_id, page);
                              }));
    ONESTORY_ASSIGN_OR_RETURN(h.transitions, store::ListReferralTransitionsOfCase(tx, case_id));
    ONESTORY_ASSIGN_OR_RETURN(h.commitments, store::AllCommitmentsOfCase(tx, case_id));
    ONESTORY_ASSIGN_OR_RETURN(h.hearings, store::AllHearingsOfCase(tx, case_id));
    ONESTORY_ASSIGN_OR_RETURN(h.reviews, store::AllReviewsOfCase(tx, case_id));
    for (const auto& r : h.reviews) {
        ONESTORY_ASSIGN_OR_RETURN(auto decisions, store::ListReviewDecisions(tx, r.id));
        h.review_decisions.push_back(static_cast<std::int64_t>(decisions.size()));
    }
    ONESTORY_ASSIGN_OR_RETURN(h.assessments, store::AllAssessmentsOfCase(tx, case_id));
    for (const auto& d : h.disclosures) {
        if (h.agency_names.count(d.recipient_agency_id)) continue;
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, d.recipient_agency_id));
        h.agency_names[d.recipient_agency_id] = agency ? agency->name : std::string("another agency");
    }
    for (const auto& r : h.referrals) {
        if (h.provider_names.count(r.provider_id)) continue;
        ONESTORY_ASSIGN_OR_RETURN(auto provider, store::GetProvider(tx, r.provider_id));
        h.provider_names[r.provider_id] = provider ? provider->name : std::string("a provider");
    }
    return h;
}

void AddInterviews(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (const auto& i : h.interviews) {
        out.push_back({FromMicros(i.scheduled_at), "interview", i.id, i.id,
                       "Interview for " + Words(i.purpose) + " (" + ListWords(i.topics) + ")",
                       i.ended_at ? std::string("held") : std::string("planned")});
    }
}

void AddDisclosures(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (const auto& d : h.disclosures) {
        std::string summary = "Shared with " + h.agency_names.at(d.recipient_agency_id) + " for " + Words(d.purpose);
        if (!d.categories.empty()) summary += " (" + ListWords(d.categories) + ")";
        out.push_back({FromMicros(d.created_at), "disclosure", d.id, d.id, std::move(summary), std::nullopt});
    }
}

void AddReferrals(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    std::map<std::string, const store::ReferralRow*> by_id;
    for (const auto& r : h.referrals) {
        by_id[r.id] = &r;
        out.push_back({FromMicros(r.created_at), "referral", r.id, r.id,
                       "Referral to " + h.provider_names.at(r.provider_id) + " for " + Words(r.service_type),
                       r.status});
    }
    for (const auto& t : h.transitions) {
        if (!t.from_status) continue;  // the proposal itself is the referral's entry
        const auto found = by_id.find(t.referral_id);
        if (found == by_id.end()) continue;
        out.push_back({FromMicros(t.at), "referral_transition", t.id, t.referral_id,
                       "Referral to " + h.provider_names.at(found->second->provider_id) + ": " + Words(*t.from_status) +
                           " to " + Words(t.to_status),
                       t.to_status});
    }
}

void AddCommitments(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (const auto& c : h.commitments) {
        const std::string what = c.to_survivor ? "Promise to the survivor" : "Team commitment from a case review";
        out.push_back({FromMicros(c.created_at), "commitment", c.id, c.id, what + ", due " + c.due, c.status});
        if (c.resolved_at) {
            std::string summary = what + " " + c.status;
            if (c.status == NameOf(CommitmentStatus::kKept)) {
                const auto due = ParseDate(c.due);
                summary += due && DateOf(FromMicros(*c.resolved_at)) <= *due ? " on time" : " late";
            }
            out.push_back({FromMicros(*c.resolved_at), "commitment_resolved", c.id + "#resolved", c.id,
                           std::move(summary), c.status});
        }
    }
}

void AddHearings(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (const auto& x : h.hearings) {
        out.push_back({FromMicros(x.scheduled_at), "hearing", x.id, x.id,
                       "Hearing (" + Words(x.kind) + ") at " + x.court,
                       x.outcome ? *x.outcome : std::string("scheduled")});
    }
}

void AddReviews(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (std::size_t i = 0; i < h.reviews.size(); ++i) {
        const auto& r = h.reviews[i];
        const auto attendees = SplitList(r.attendees).size();
        const auto agencies = SplitList(r.agencies).size();
        out.push_back({FromMicros(r.held_at), "review", r.id, r.id,
                       "Case review: " + std::to_string(attendees) + " attending from " + std::to_string(agencies) +
                           (agencies == 1 ? " agency, " : " agencies, ") + std::to_string(h.review_decisions[i]) +
                           (h.review_decisions[i] == 1 ? " decision" : " decisions"),
                       std::nullopt});
    }
}

void AddAssessments(const CaseHistory& h, std::vector<TimelineEntry>& out) {
    for (std::size_t i = 0; i < h.assessments.size(); ++i) {
        const auto& a = h.assessments[i];
        out.push_back({StartOfDay(a.assessed_on), "assessment", a.id, a.id,
                       "Outcome assessment (" + Words(NameOf(KindOfAssessment(i))) + ")", std::nullopt});
    }
}

}  // namespace

Result<store::Page<TimelineEntry>> TimelineService::Get(const Actor& actor, std::string_view case_id,
                                                        const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::optional<CaseHistory> history;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        if (actor.agency_id != records->kase().agency_id) {
            ONESTORY_ASSIGN_OR_RETURN(records->access.context.consents,
                                      LoadConsentFacts(tx, records->kase().survivor_id, actor.agency_id, now));
        }
        ONESTORY_ASSIGN_OR_RETURN(history, LoadHistory(tx, records->kase().id));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto& resource = records->access.resource;
    const auto& context = records->access.context;
    const auto decision = policy::Decide(actor, Action::kReadTimeline, resource, context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "case.timeline", "case", kase.id, kase.survivor_id, kase.id);
    }
    struct Section {
        Action action;
        const char* name;
        void (*add)(const CaseHistory&, std::vector<TimelineEntry>&);
    };
    const Section sections[] = {
        {Action::kListInterviews, "interviews", AddInterviews},
        {Action::kListDisclosures, "disclosures", AddDisclosures},
        {Action::kListReferrals, "referrals", AddReferrals},
        {Action::kListCommitments, "commitments", AddCommitments},
        {Action::kListHearings, "hearings", AddHearings},
        {Action::kListReviews, "reviews", AddReviews},
        {Action::kListAssessments, "assessments", AddAssessments},
    };
    std::vector<TimelineEntry> all;
    std::vector<std::string> shown;
    for (const auto& s : sections) {
        if (!policy::Decide(actor, s.action, resource, context).allowed) continue;
        s.add(*history, all);
        shown.emplace_back(s.name);
    }
    std::sort(all.begin(), all.end(),
              [](const TimelineEntry& a, const TimelineEntry& b) { return a.at != b.at ? a.at > b.at : a.id > b.id; });
    if (page.after) {
        const Instant at = FromMicros(page.after->created_at);
        const std::string& id = page.after->id;
        std::erase_if(all, [&](const TimelineEntry& e) { return !(e.at < at || (e.at == at && e.id < id)); });
    }
    store::Page<TimelineEntry> out = store::MakePage(std::move(all), page.limit, [](const TimelineEntry& e) {
        return store::PageCursor{ToMicros(e.at), e.id};
    });
    audit::AuditEvent event = CaseRecordEvent(actor, "case.timeline", "case", kase.id, kase);
    event.reason = decision.reason;
    event.detail = "entries=" + std::to_string(out.items.size()) + " parts=" + JoinList(shown);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

}  // namespace onestory::domain
