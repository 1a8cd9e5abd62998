// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/statements/statement_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "store/interview_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxTextBytes = 20000;
constexpr std::size_t kMaxCommentBytes = 4000;

// What the text of a set of passages was about, for the audit and the
// survivor's access log: "passages=2 topics=exploitation,recruitment".
std::string PassagesDetail(const std::vector<store::PassageRow>& rows) {
    std::vector<std::string> topics;
    for (const auto& r : rows) {
        if (std::find(topics.begin(), topics.end(), r.topic) == topics.end()) topics.push_back(r.topic);
    }
    std::sort(topics.begin(), topics.end());
    return "passages=" + std::to_string(rows.size()) + " topics=" + JoinList(topics);
}

audit::AuditEvent PassageEvent(const Actor& actor, std::string action, const store::PassageRow& row) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = "passage";
    e.resource_id = row.id;
    e.survivor_id = row.survivor_id;
    e.case_id = row.case_id;
    return e;
}

Status CheckTransition(ReviewStatus from, const PassageReview& review) {
    if (review.status == ReviewStatus::kUnreviewed) {
        return Status::Invalid("status", "a review reads back, confirms or corrects");
    }
    if (review.status == ReviewStatus::kCorrected) {
        if (!review.corrected_text || review.corrected_text->empty()) {
            return Status::Invalid("corrected_text", "a correction gives the corrected text");
        }
        if (review.corrected_text->size() > kMaxTextBytes) return Status::Invalid("corrected_text", "is too long");
        return Status::Ok();
    }
    if (review.corrected_text) return Status::Invalid("corrected_text", "is given only with status corrected");
    const bool allowed = review.status == ReviewStatus::kReadBack
                             ? from == ReviewStatus::kUnreviewed
                             : (from == ReviewStatus::kUnreviewed || from == ReviewStatus::kReadBack);
    if (!allowed) {
        return Status::Conflict("illegal_review", "a passage that is " + std::string(NameOf(from)) + " cannot be " +
                                                      std::string(NameOf(review.status)) + "; correct it instead");
    }
    return Status::Ok();
}

// The current version of a passage, with what deciding a review of it needs:
// loaded, decided (kReviewPassage) and refused as `audit_action` if not
// allowed; a corrected (superseded) version is a conflict.
struct ReviewablePassage {
    store::PassageRow row;
    store::SurvivorRow survivor;
    policy::Decision decision;
};

Result<ReviewablePassage> LoadReviewablePassage(const ServiceContext& ctx, const Actor& actor,
                                                std::string_view passage_id, std::string_view audit_action,
                                                std::string_view superseded_message) {
    std::optional<store::PassageRow> row;
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetPassage(tx, passage_id));
        if (!row) return Status::NotFound("no such passage");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, row->case_id, ctx.clock.Now()));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, row->survivor_id));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kReviewPassage, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx, actor, decision, std::string(audit_action), "passage", row->id, row->survivor_id,
                      row->case_id);
    }
    if (row->superseded_by) return Status::Conflict("superseded", std::string(superseded_message));
    return ReviewablePassage{std::move(*row), std::move(*survivor), decision};
}

}  // namespace

Result<Passage> OpenPassage(store::Transaction& tx, const SurvivorSealer& sealer, const store::PassageRow& r) {
    Passage p;
    p.id = r.id;
    p.original_id = r.chain_id;
    p.case_id = r.case_id;
    p.survivor_id = r.survivor_id;
    p.agency_id = r.agency_id;
    p.interview_id = r.interview_id;
    p.topic = ParseEnum<policy::Topic>(r.topic).value_or(policy::Topic::kOther);
    p.sensitivity = ParseEnum<Sensitivity>(r.sensitivity).value_or(Sensitivity::kStandard);
    ONESTORY_ASSIGN_OR_RETURN(p.text, sealer.Unseal("passage.text", r.text, r.id));
    p.version = r.version;
    p.review_status = ParseEnum<ReviewStatus>(r.review_status).value_or(ReviewStatus::kUnreviewed);
    p.reviewed_by = r.reviewed_by;
    if (r.reviewed_at) p.reviewed_at = FromMicros(*r.reviewed_at);
    p.supersedes = r.supersedes;
    p.superseded_by = r.superseded_by;
    p.created_by = r.created_by;
    p.created_at = FromMicros(r.created_at);
    ONESTORY_ASSIGN_OR_RETURN(auto comments, store::ListPassageComments(tx, r.chain_id));
    for (const auto& c : comments) {
        ONESTORY_ASSIGN_OR_RETURN(std::string text, sealer.Unseal("passage.comment", c.comment, c.id));
        p.survivor_comments.push_back({c.id, c.passage_id, std::move(text), c.recorded_by, FromMicros(c.created_at)});
    }
    return p;
}

Result<Passage> StatementService::Add(const Actor& actor, std::string_view case_id, const NewPassage& passage) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::InterviewRow> interview;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(interview, store::GetInterview(tx, passage.interview_id));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kAddPassage, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "passage.create", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (!interview || interview->case_id != kase.id) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such interview in this case",
                      "interview_id");
    }
    if (passage.text.empty() || passage.text.size() > kMaxTextBytes) {
        return Status::Invalid("text", "must be 1 to 20000 bytes");
    }
    if (!survivor) return Status::NotFound("no such survivor");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    store::PassageRow row;
    row.id = crypto::NewIdString("ps");
    row.chain_id = row.id;
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.interview_id = interview->id;
    row.topic = std::string(NameOf(passage.topic));
    row.sensitivity = std::string(NameOf(passage.sensitivity));
    row.text = sealer.Seal("passage.text", passage.text, row.id);
    row.version = 1;
    row.review_status = std::string(NameOf(ReviewStatus::kUnreviewed));
    row.created_by = actor.id;
    row.created_at = ToMicros(now);

    audit::AuditEvent event = PassageEvent(actor, "passage.create", row);
    event.fields = {"text"};
    event.reason = decision.reason;
    event.detail = PassagesDetail({row}) + " interview=" + row.interview_id;
    std::optional<Passage> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertPassage(tx, row));
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(out, OpenPassage(tx, sealer, row));
        return Status::Ok();
    }));
    return *out;
}

Result<store::Page<Passage>> StatementService::List(const Actor& actor, std::string_view case_id,
                                                    const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    store::Page<store::PassageRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListCurrentPassagesOfCase(tx, case_id, page));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kReadStatement, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "passage.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    // The read is answered only once its audit event is committed.
    audit::AuditEvent event = EventBy(actor, "passage.list", "success");
    event.resource_kind = "case";
    event.resource_id = kase.id;
    event.survivor_id = kase.survivor_id;
    event.case_id = kase.id;
    event.fields = {"text", "survivor_comments"};
    event.purpose = "case_work";
    event.reason = decision.reason;
    event.detail = PassagesDetail(rows.items);
    store::Page<Passage> out;
    const auto audited_read = [&](store::Transaction& tx) -> Status {
        for (const auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(Passage p, OpenPassage(tx, sealer, r));
            out.items.push_back(std::move(p));
        }
        if (rows.items.empty()) event.fields.clear();
        return ctx_.audit.Append(tx, event);
    };
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write(audited_read, store::Durability::kDeferred));
    out.next = rows.next;
    return out;
}

Result<Passage> StatementService::Get(const Actor& actor, std::string_view passage_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::PassageRow> row;
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetPassage(tx, passage_id));
        if (!row) return Status::NotFound("no such passage");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, row->case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, row->survivor_id));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kReadStatement, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "passage.read", "passage", row->id, row->survivor_id, row->case_id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    audit::AuditEvent event = PassageEvent(actor, "passage.read", *row);
    event.fields = {"text", "survivor_comments"};
    event.purpose = "case_work";
    event.reason = decision.reason;
    event.detail = PassagesDetail({*row}) + " version=" + std::to_string(row->version);
    std::optional<Passage> out;
    const auto audited_read = [&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(out, OpenPassage(tx, sealer, *row));
        return ctx_.audit.Append(tx, event);
    };
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write(audited_read, store::Durability::kDeferred));
    return *out;
}

Result<Passage> StatementService::Review(const Actor& actor, std::string_view passage_id, const PassageReview& review) {
    const Instant now = ctx_.clock.Now();
    ONESTORY_ASSIGN_OR_RETURN(auto loaded, LoadReviewablePassage(ctx_, actor, passage_id, "passage.review",
                                                                 "this version was corrected since; review the "
                                                                 "current version"));
    const store::PassageRow* row = &loaded.row;
    const store::SurvivorRow* survivor = &loaded.survivor;
    const policy::Decision& decision = loaded.decision;
    const auto from = ParseEnum<ReviewStatus>(row->review_status).value_or(ReviewStatus::kUnreviewed);
    ONESTORY_RETURN_IF_ERROR(CheckTransition(from, review));
    if (review.survivor_comment &&
        (review.survivor_comment->empty() || review.survivor_comment->size() > kMaxCommentBytes)) {
        return Status::Invalid("survivor_comment", "must be 1 to 4000 bytes");
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));

    store::PassageRow current = *row;
    std::optional<store::PassageRow> correction;
    if (review.status == ReviewStatus::kCorrected) {
        correction = *row;
        correction->id = crypto::NewIdString("ps");
        correction->text = sealer.Seal("passage.text", *review.corrected_text, correction->id);
        correction->version = row->version + 1;
        correction->review_status = std::string(NameOf(ReviewStatus::kCorrected));
        correction->reviewed_by = actor.id;
        correction->reviewed_at = ToMicros(now);
        correction->supersedes = row->id;
        correction->superseded_by.reset();
        // A version is created by staff; when the survivor corrects their own
        // words in the portal, reviewed_by names them and the version keeps
        // the staff member who recorded the passage.
        correction->created_by = actor.kind == Actor::Kind::kStaff ? actor.id : row->created_by;
        correction->created_at = ToMicros(now);
        current = *correction;
    } else {
        current.review_status = std::string(NameOf(review.status));
        current.reviewed_by = actor.id;
        current.reviewed_at = ToMicros(now);
    }

    audit::AuditEvent event = PassageEvent(actor, "passage.review", *row);
    if (review.corrected_text) event.fields.emplace_back("corrected_text");
    if (review.survivor_comment) event.fields.emplace_back("survivor_comment");
    event.reason = decision.reason;
    event.detail = "status=" + std::string(NameOf(review.status)) + " topic=" + row->topic +
                   " version=" + std::to_string(current.version);
    if (correction) event.detail += " new=" + correction->id;
    std::optional<Passage> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        const Status stale =
            Status::Conflict("superseded", "this passage was reviewed or corrected at the same time; reload it");
        if (correction) {
            // The new version goes in first, so the old one always points at a row.
            const Status inserted = store::InsertPassage(tx, *correction);
            if (inserted.reason() == "duplicate") return stale;  // another correction of this version won
            ONESTORY_RETURN_IF_ERROR(inserted);
            ONESTORY_ASSIGN_OR_RETURN(auto changed,
                                      store::SupersedePassage(tx, row->id, row->review_status, correction->id));
            if (changed != 1) return stale;
        } else {
            ONESTORY_ASSIGN_OR_RETURN(
                auto changed, store::ReviewPassage(tx, row->id, row->review_status, current.review_status, actor.id,
                                                   *current.reviewed_at));
            if (changed != 1) return stale;
        }
        if (review.survivor_comment) {
            store::PassageCommentRow comment;
            comment.id = crypto::NewIdString("pc");
            comment.chain_id = row->chain_id;
            comment.passage_id = current.id;
            comment.survivor_id = row->survivor_id;
            comment.comment = sealer.Seal("passage.comment", *review.survivor_comment, comment.id);
            comment.recorded_by = actor.id;
            comment.created_at = ToMicros(now);
            ONESTORY_RETURN_IF_ERROR(store::InsertPassageComment(tx, comment));
        }
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(out, OpenPassage(tx, sealer, current));
        return Status::Ok();
    }));
    return *out;
}

Result<Passage> StatementService::Comment(const Actor& actor, std::string_view passage_id, std::string_view comment) {
    const Instant now = ctx_.clock.Now();
    ONESTORY_ASSIGN_OR_RETURN(auto loaded, LoadReviewablePassage(ctx_, actor, passage_id, "passage.comment",
                                                                 "this version was corrected since; comment on "
                                                                 "the current version"));
    const store::PassageRow* row = &loaded.row;
    const store::SurvivorRow* survivor = &loaded.survivor;
    const policy::Decision& decision = loaded.decision;
    if (comment.empty() || comment.size() > kMaxCommentBytes) {
        return Status::Invalid("comment", "must be 1 to 4000 bytes");
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    store::PassageCommentRow c;
    c.id = crypto::NewIdString("pc");
    c.chain_id = row->chain_id;
    c.passage_id = row->id;
    c.survivor_id = row->survivor_id;
    c.comment = sealer.Seal("passage.comment", comment, c.id);
    c.recorded_by = actor.id;
    c.created_at = ToMicros(now);

    audit::AuditEvent event = PassageEvent(actor, "passage.comment", *row);
    event.fields = {"survivor_comment"};
    event.reason = decision.reason;
    event.detail = "topic=" + row->topic + " version=" + std::to_string(row->version);
    std::optional<Passage> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        // Still the current version: a correction in between would leave the comment on an old one.
        ONESTORY_ASSIGN_OR_RETURN(auto current, store::GetCurrentPassage(tx, row->chain_id));
        if (!current || current->id != row->id) {
            return Status::Conflict("superseded", "this passage was corrected at the same time; reload it");
        }
        ONESTORY_RETURN_IF_ERROR(store::InsertPassageComment(tx, c));
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(out, OpenPassage(tx, sealer, *row));
        return Status::Ok();
    }));
    return *out;
}

}  // namespace onestory::domain
