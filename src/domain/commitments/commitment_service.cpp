// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/commitments/commitment_service.hpp"

#include <algorithm>

#include "crypto/random.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxTextBytes = 2000;

bool IsResolution(CommitmentStatus s) {
    return s != CommitmentStatus::kOpen;
}

bool NeedsTelling(CommitmentStatus s) {
    return s == CommitmentStatus::kChanged || s == CommitmentStatus::kMissed;
}

Result<Commitment> CommitmentFrom(const store::CommitmentRow& r, const std::string& owner_name,
                                  const SurvivorSealer& sealer, Date today) {
    Commitment c;
    c.id = r.id;
    c.case_id = r.case_id;
    c.survivor_id = r.survivor_id;
    c.to_survivor = r.to_survivor;
    c.review_id = r.review_id;
    ONESTORY_ASSIGN_OR_RETURN(c.what, sealer.Unseal("commitment.what", r.what, r.id));
    c.owner_id = r.owner_id;
    c.owner_name = owner_name;
    ONESTORY_ASSIGN_OR_RETURN(c.due, StoredDate(r.due));
    c.status = ParseEnum<CommitmentStatus>(r.status).value_or(CommitmentStatus::kOpen);
    ONESTORY_ASSIGN_OR_RETURN(c.note, sealer.UnsealOptional("commitment.note", r.note, r.id));
    ONESTORY_ASSIGN_OR_RETURN(c.survivor_told,
                              sealer.UnsealOptional("commitment.survivor_told", r.survivor_told, r.id));
    if (r.resolved_at) c.resolved_at = FromMicros(*r.resolved_at);
    if (c.status == CommitmentStatus::kKept) c.kept_on_time = KeptOnTime(r);
    c.overdue = c.status == CommitmentStatus::kOpen && c.due < today;
    c.created_by = r.created_by;
    c.created_at = FromMicros(r.created_at);
    c.updated_at = FromMicros(r.updated_at);
    c.version = r.version;
    return c;
}

std::vector<std::string> RevealedFields(const store::CommitmentRow& r) {
    std::vector<std::string> fields{"what"};
    if (r.note) fields.emplace_back("note");
    if (r.survivor_told) fields.emplace_back("survivor_told");
    return fields;
}

Result<std::string> OwnerName(store::Transaction& tx, const std::string& owner_id) {
    ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, owner_id));
    return staff ? staff->display_name : std::string();
}

}  // namespace

bool KeptOnTime(const store::CommitmentRow& row) {
    if (row.status != NameOf(CommitmentStatus::kKept) || !row.resolved_at) return false;
    const auto due = ParseDate(row.due);
    return due && DateOf(FromMicros(*row.resolved_at)) <= *due;
}

CommitmentSummary SummarizeCommitments(const std::vector<store::CommitmentRow>& rows, Date today) {
    CommitmentSummary s;
    for (const auto& r : rows) {
        if (!r.to_survivor) continue;
        ++s.total;
        const auto status = ParseEnum<CommitmentStatus>(r.status).value_or(CommitmentStatus::kOpen);
        const auto due = ParseDate(r.due);
        const bool past_due = due && *due < today;
        switch (status) {
            case CommitmentStatus::kOpen:
                ++s.open;
                if (past_due) ++s.overdue;
                break;
            case CommitmentStatus::kKept:
                ++s.kept;
                if (KeptOnTime(r)) ++s.kept_on_time;
                break;
            case CommitmentStatus::kChanged:
                ++s.changed;
                break;
            case CommitmentStatus::kMissed:
                ++s.missed;
                break;
        }
        if (IsResolution(status) || past_due) ++s.due;
    }
    if (s.due > 0) s.kept_on_time_share = static_cast<double>(s.kept_on_time) / s.due;
    return s;
}

store::CommitmentRow TeamCommitmentRow(const store::CaseRow& kase, const SurvivorSealer& sealer,
                                       const std::string& review_id, const std::string& what,
                                       const std::string& owner_id, Date due, const std::string& created_by,
                                       Instant now) {
    store::CommitmentRow row;
    row.id = crypto::NewIdString("cm");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.to_survivor = false;
    row.review_id = review_id;
    row.what = sealer.Seal("commitment.what", what, row.id);
    row.owner_id = owner_id;
    row.due = FormatDate(due);
    row.status = std::string(NameOf(CommitmentStatus::kOpen));
    row.created_by = created_by;
    row.created_at = row.updated_at = ToMicros(now);
    return row;
}

Result<Commitment> CommitmentService::Create(const Actor& actor, std::string_view case_id,
                                             const NewCommitment& commitment) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::optional<store::StaffRow> owner;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(owner, store::GetStaff(tx, commitment.owner_id));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kCreateCommitment, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "commitment.create", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_RETURN_IF_ERROR(CheckText("what", commitment.what, kMaxTextBytes));
    if (!owner || !owner->active) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", "owner_id");
    }
    if (commitment.to_survivor && owner->agency_id != kase.agency_id) {
        return Status::Invalid("owner_id", "a promise to the survivor is owned by someone of the case's agency");
    }
    if (commitment.due < DateOf(now)) return Status::Invalid("due", "must not be in the past");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::CommitmentRow row;
    row.id = crypto::NewIdString("cm");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.to_survivor = commitment.to_survivor;
    row.what = sealer.Seal("commitment.what", commitment.what, row.id);
    row.owner_id = owner->id;
    row.due = FormatDate(commitment.due);
    row.status = std::string(NameOf(CommitmentStatus::kOpen));
    row.created_by = actor.id;
    row.created_at = row.updated_at = ToMicros(now);
    audit::AuditEvent event = CaseRecordEvent(actor, "commitment.create", "commitment", row.id, kase);
    event.fields = {"what"};
    event.reason = decision.reason;
    event.detail = "owner=" + row.owner_id + " due=" + row.due + (row.to_survivor ? " to=survivor" : " to=team");
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertCommitment(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return CommitmentFrom(row, owner->display_name, sealer, DateOf(now));
}

Result<store::Page<Commitment>> CommitmentService::List(const Actor& actor, std::string_view case_id,
                                                        const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    store::Page<store::CommitmentRow> rows;
    std::vector<std::string> owners;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListCommitmentsOfCase(tx, case_id, page));
        owners.clear();
        for (const auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto name, OwnerName(tx, r.owner_id));
            owners.push_back(std::move(name));
        }
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListCommitments, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "commitment.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<Commitment> out;
    out.next = rows.next;
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        ONESTORY_ASSIGN_OR_RETURN(Commitment c, CommitmentFrom(rows.items[i], owners[i], sealer, DateOf(now)));
        for (auto& f : RevealedFields(rows.items[i])) {
            if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(std::move(f));
        }
        out.items.push_back(std::move(c));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "commitment.list", "case", kase.id, kase);
    event.fields = std::move(fields);
    event.reason = decision.reason;
    event.detail = "commitments=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<Commitment> CommitmentService::Update(const Actor& actor, std::string_view id, std::int64_t expected_version,
                                             const CommitmentPatch& patch) {
    const Instant now = ctx_.clock.Now();
    if (patch.what) ONESTORY_RETURN_IF_ERROR(CheckText("what", *patch.what, kMaxTextBytes));
    if (patch.note && *patch.note) ONESTORY_RETURN_IF_ERROR(CheckText("note", **patch.note, kMaxTextBytes));
    if (patch.survivor_told && *patch.survivor_told) {
        ONESTORY_RETURN_IF_ERROR(CheckText("survivor_told", **patch.survivor_told, kMaxTextBytes));
    }
    std::optional<Commitment> updated;
    std::optional<policy::Decision> refused;
    std::optional<store::CommitmentRow> found;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetCommitment(tx, id));
        if (!found) return Status::NotFound("no such commitment");
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadCaseRecords(tx, actor, found->case_id, now));
        policy::Context context = records.access.context;
        context.owns_record = found->owner_id == actor.id;
        const auto decision = policy::Decide(actor, Action::kUpdateCommitment, records.access.resource, context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        store::CommitmentRow row = *found;
        if (row.version != expected_version) return StaleVersion("this commitment");
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));
        std::vector<std::string> changed;
        if (patch.what) {
            row.what = sealer.Seal("commitment.what", *patch.what, row.id);
            changed.emplace_back("what");
        }
        if (patch.owner_id) {
            ONESTORY_ASSIGN_OR_RETURN(auto owner, ActiveStaff(tx, *patch.owner_id, "owner_id"));
            if (row.to_survivor && owner.agency_id != row.agency_id) {
                return Status::Invalid("owner_id",
                                       "a promise to the survivor is owned by someone of the case's agency");
            }
            row.owner_id = owner.id;
            changed.emplace_back("owner_id");
        }
        if (patch.due) {
            row.due = FormatDate(*patch.due);
            changed.emplace_back("due");
        }
        if (patch.note) {
            row.note = sealer.SealOptional("commitment.note", *patch.note, row.id);
            changed.emplace_back("note");
        }
        if (patch.survivor_told) {
            row.survivor_told = sealer.SealOptional("commitment.survivor_told", *patch.survivor_told, row.id);
            changed.emplace_back("survivor_told");
        }
        if (patch.status) {
            const auto before = ParseEnum<CommitmentStatus>(row.status).value_or(CommitmentStatus::kOpen);
            if (*patch.status != before) {
                if (row.to_survivor && NeedsTelling(*patch.status) && !(patch.survivor_told && *patch.survivor_told)) {
                    return Status::Invalid("survivor_told", "say how the survivor was told that this promise was " +
                                                                std::string(NameOf(*patch.status)));
                }
                row.status = std::string(NameOf(*patch.status));
                if (IsResolution(*patch.status)) {
                    row.resolved_at = ToMicros(now);
                } else {
                    row.resolved_at.reset();
                }
                changed.emplace_back("status");
            }
        }
        row.updated_at = ToMicros(now);
        row.version = expected_version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateCommitment(tx, row));
        if (count != 1) return StaleVersion("this commitment");
        audit::AuditEvent event = CaseRecordEvent(actor, "commitment.update", "commitment", row.id, records.kase());
        event.fields = changed;
        event.reason = decision.reason;
        event.detail = "status=" + row.status + " version=" + std::to_string(row.version);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(auto owner_name, OwnerName(tx, row.owner_id));
        ONESTORY_ASSIGN_OR_RETURN(updated, CommitmentFrom(row, owner_name, sealer, DateOf(now)));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "commitment.update", "commitment", found->id, found->survivor_id,
                      found->case_id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

}  // namespace onestory::domain
