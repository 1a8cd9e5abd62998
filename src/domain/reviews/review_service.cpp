// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/reviews/review_service.hpp"

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/care_records.hpp"
#include "domain/commitments/commitment_service.hpp"
#include "store/account_rows.hpp"
#include "store/review_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxDecisionBytes = 2000;

Result<CaseReview> ReviewFrom(const store::ReviewRow& r, const std::vector<store::ReviewDecisionRow>& decisions,
                              const SurvivorSealer& sealer) {
    CaseReview out;
    out.id = r.id;
    out.case_id = r.case_id;
    out.survivor_id = r.survivor_id;
    out.held_at = FromMicros(r.held_at);
    out.attendees = SplitList(r.attendees);
    out.agencies = SplitList(r.agencies);
    for (const auto& d : decisions) {
        ReviewDecision x;
        ONESTORY_ASSIGN_OR_RETURN(
            x.text, sealer.Unseal("review_decision.text", d.text, r.id + "#" + std::to_string(d.position)));
        x.owner_id = d.owner_id;
        if (d.due) x.due = ParseDate(*d.due);
        x.commitment_id = d.commitment_id;
        out.decisions.push_back(std::move(x));
    }
    out.created_by = r.created_by;
    out.created_at = FromMicros(r.created_at);
    return out;
}

Status ValidateDecisions(const std::vector<ReviewDecision>& decisions, Date today) {
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const auto& d = decisions[i];
        const std::string at = "decisions[" + std::to_string(i) + "]";
        ONESTORY_RETURN_IF_ERROR(CheckText(at + ".text", d.text, kMaxDecisionBytes));
        if (d.owner_id.has_value() != d.due.has_value()) {
            return Status::Invalid(at + (d.owner_id ? ".due" : ".owner_id"),
                                   "a decision the team commits to has both an owner and a due date");
        }
        if (d.due && *d.due < today) return Status::Invalid(at + ".due", "must not be in the past");
    }
    return Status::Ok();
}

}  // namespace

Result<CaseReview> ReviewService::Create(const Actor& actor, std::string_view case_id, const NewCaseReview& review) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseReview> created;
    std::optional<policy::Decision> refused;
    std::optional<store::CaseRow> found_case;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadCaseRecords(tx, actor, case_id, now));
        found_case = records.kase();
        const auto decision =
            policy::Decide(actor, Action::kCreateReview, records.access.resource, records.access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        if (review.held_at > now) return Status::Invalid("held_at", "record a review once it has been held");
        ONESTORY_RETURN_IF_ERROR(ValidateDecisions(review.decisions, DateOf(now)));
        for (std::size_t i = 0; i < review.attendees.size(); ++i) {
            ONESTORY_RETURN_IF_ERROR(
                ActiveStaff(tx, review.attendees[i], "attendees[" + std::to_string(i) + "]").status());
        }
        for (std::size_t i = 0; i < review.agencies.size(); ++i) {
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, review.agencies[i]));
            if (!agency) {
                return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency",
                              "agencies[" + std::to_string(i) + "]");
            }
        }
        for (std::size_t i = 0; i < review.decisions.size(); ++i) {
            if (review.decisions[i].owner_id) {
                ONESTORY_RETURN_IF_ERROR(
                    ActiveStaff(tx, *review.decisions[i].owner_id, "decisions[" + std::to_string(i) + "].owner_id")
                        .status());
            }
        }
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));
        const auto& kase = records.kase();
        store::ReviewRow row{crypto::NewIdString("rv"),
                             kase.id,
                             kase.survivor_id,
                             kase.agency_id,
                             ToMicros(review.held_at),
                             JoinList(review.attendees),
                             JoinList(review.agencies),
                             actor.id,
                             ToMicros(now)};
        ONESTORY_RETURN_IF_ERROR(store::InsertReview(tx, row));
        std::vector<store::ReviewDecisionRow> decisions;
        int commitments = 0;
        for (std::size_t i = 0; i < review.decisions.size(); ++i) {
            const auto& d = review.decisions[i];
            store::ReviewDecisionRow x;
            x.review_id = row.id;
            x.position = static_cast<std::int64_t>(i);
            x.text = sealer.Seal("review_decision.text", d.text, row.id + "#" + std::to_string(i));
            x.owner_id = d.owner_id;
            if (d.due) x.due = FormatDate(*d.due);
            if (d.owner_id && d.due) {
                const auto commitment =
                    TeamCommitmentRow(kase, sealer, row.id, d.text, *d.owner_id, *d.due, actor.id, now);
                ONESTORY_RETURN_IF_ERROR(store::InsertCommitment(tx, commitment));
                x.commitment_id = commitment.id;
                ++commitments;
            }
            ONESTORY_RETURN_IF_ERROR(store::InsertReviewDecision(tx, x));
            decisions.push_back(std::move(x));
        }
        audit::AuditEvent event = CaseRecordEvent(actor, "review.create", "case_review", row.id, kase);
        if (!decisions.empty()) event.fields = {"decisions"};
        event.reason = decision.reason;
        event.detail = "attendees=" + std::to_string(review.attendees.size()) +
                       " decisions=" + std::to_string(decisions.size()) + " commitments=" + std::to_string(commitments);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(created, ReviewFrom(row, decisions, sealer));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "review.create", "case", found_case->id, found_case->survivor_id,
                      found_case->id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *created;
}

Result<store::Page<CaseReview>> ReviewService::List(const Actor& actor, std::string_view case_id,
                                                    const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    store::Page<store::ReviewRow> rows;
    std::vector<std::vector<store::ReviewDecisionRow>> decisions;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListReviewsOfCase(tx, case_id, page));
        for (const auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto d, store::ListReviewDecisions(tx, r.id));
            decisions.push_back(std::move(d));
        }
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListReviews, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "review.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<CaseReview> out;
    out.next = rows.next;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        ONESTORY_ASSIGN_OR_RETURN(CaseReview r, ReviewFrom(rows.items[i], decisions[i], sealer));
        out.items.push_back(std::move(r));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "review.list", "case", kase.id, kase);
    event.fields = {"decisions"};
    event.reason = decision.reason;
    event.detail = "reviews=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

}  // namespace onestory::domain
