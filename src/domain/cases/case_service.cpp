// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/cases/case_service.hpp"

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/commitments/commitment_service.hpp"
#include "store/account_rows.hpp"
#include "store/assessment_rows.hpp"
#include "store/case_rows.hpp"
#include "store/commitment_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

bool IsClosedStatus(CaseStatus s) {
    return s == CaseStatus::kClosed || s == CaseStatus::kClosedReferred;
}

template <class E>
std::vector<E> ParseList(std::string_view joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

Case CaseFrom(const store::CaseRow& r, std::string code_name) {
    Case c;
    c.id = r.id;
    c.survivor_id = r.survivor_id;
    c.survivor_code_name = std::move(code_name);
    c.agency_id = r.agency_id;
    c.opened_by = r.opened_by;
    c.stage = ParseEnum<Stage>(r.stage).value_or(Stage::kIdentification);
    c.status = ParseEnum<CaseStatus>(r.status).value_or(CaseStatus::kActive);
    c.exploitation_types = ParseList<ExploitationType>(r.exploitation_types);
    c.created_at = FromMicros(r.created_at);
    c.updated_at = FromMicros(r.updated_at);
    c.version = r.version;
    return c;
}

audit::AuditEvent CaseEvent(const Actor& actor, std::string action, const store::CaseRow& kase) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = "case";
    e.resource_id = kase.id;
    e.case_id = kase.id;
    e.survivor_id = kase.survivor_id;
    return e;
}

}  // namespace

Result<Case> CaseService::Create(const Actor& actor, const NewCase& kase) {
    if (kase.survivor_id.empty()) return Status::Invalid("survivor_id", "is required");
    std::optional<SurvivorAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        auto loaded = LoadSurvivorAccess(tx, actor, kase.survivor_id);
        if (loaded.status().code() == StatusCode::kNotFound) {
            return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such survivor", "survivor_id");
        }
        ONESTORY_ASSIGN_OR_RETURN(access, std::move(loaded));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kCreateCase, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "case.create", "survivor", kase.survivor_id, kase.survivor_id);
    }
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    store::CaseRow row{crypto::NewIdString("cs"),
                       kase.survivor_id,
                       actor.agency_id,
                       actor.id,
                       std::string(NameOf(kase.stage)),
                       std::string(NameOf(kase.stage == Stage::kClosed ? CaseStatus::kClosed : CaseStatus::kActive)),
                       JoinList(NamesOf(kase.exploitation_types)),
                       now,
                       now,
                       1};
    const store::TeamMemberRow lead{row.id, actor.id, std::string(NameOf(CaseRole::kLead)), actor.id, now};
    const audit::AuditEvent event = CaseEvent(actor, "case.create", row);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertCase(tx, row));
        ONESTORY_RETURN_IF_ERROR(store::InsertTeamMember(tx, lead));
        return ctx_.audit.Append(tx, event);
    }));
    return CaseFrom(row, access->survivor.code_name);
}

Result<Case> CaseService::Get(const Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::string code_name;
    std::int64_t interview_count = 0;
    std::vector<store::CommitmentRow> commitments;
    std::vector<store::AssessmentRow> assessments;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, id, now));
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        if (survivor) code_name = survivor->code_name;
        ONESTORY_ASSIGN_OR_RETURN(interview_count, store::CountInterviewsOfCase(tx, id));
        ONESTORY_ASSIGN_OR_RETURN(commitments, store::AllCommitmentsOfCase(tx, id));
        ONESTORY_ASSIGN_OR_RETURN(assessments, store::AllAssessmentsOfCase(tx, id));
        return Status::Ok();
    }));
    const auto& row = access->kase;
    const auto decision = policy::Decide(actor, Action::kReadCase, access->resource, access->context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "case.read", "case", row.id, row.survivor_id, row.id);
    audit::AuditEvent event = CaseEvent(actor, "case.read", row);
    event.reason = decision.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    Case out = CaseFrom(row, code_name);
    out.interview_count = interview_count;
    out.commitments = SummarizeCommitments(commitments, DateOf(now));
    if (!IsClosedStatus(out.status)) {
        std::optional<Date> first;
        if (!assessments.empty()) first = ParseDate(assessments.front().assessed_on);
        out.next_assessment = NextAssessmentDue(DateOf(out.created_at), first, static_cast<int>(assessments.size()));
    }
    return out;
}

Result<store::Page<Case>> CaseService::List(const Actor& actor, const store::PageRequest& page,
                                            std::optional<std::string> survivor_id) {
    const auto scope = policy::ScopeFor(actor, Action::kListCases);
    if (scope == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListCases), "case.list", "case", "");
    }
    store::CaseFilter filter;
    filter.agency_id = actor.agency_id;
    if (scope == policy::ListScope::kOwnCases) filter.team_member = actor.id;
    filter.survivor_id = std::move(survivor_id);
    store::Page<Case> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListCases(tx, filter, page));
        for (const auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, r.survivor_id));
            out.items.push_back(CaseFrom(r, survivor ? survivor->code_name : std::string()));
        }
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Case> CaseService::Update(const Actor& actor, std::string_view id, std::int64_t expected_version,
                                 const CasePatch& patch) {
    // Keep stage and status consistent: a closed status closes the stage, and
    // a closed stage needs a closed status.
    if (patch.stage && patch.status && (*patch.stage == Stage::kClosed) != IsClosedStatus(*patch.status)) {
        return Status::Invalid("status", "a closed case has stage closed and status closed or closed_referred");
    }
    std::optional<Case> updated;
    std::optional<policy::Decision> refused;
    std::optional<CaseAccess> denied_access;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto access, LoadCaseAccess(tx, actor, id));
        const auto decision = policy::Decide(actor, Action::kUpdateCase, access.resource, access.context);
        if (!decision.allowed) {
            refused = decision;
            denied_access = std::move(access);
            return Status::Forbidden(decision.reason, decision.message);
        }
        store::CaseRow row = access.kase;
        if (row.version != expected_version) return StaleVersion("this case");
        std::vector<std::string> changed;
        if (patch.stage) {
            row.stage = std::string(NameOf(*patch.stage));
            changed.emplace_back("stage");
            if (*patch.stage == Stage::kClosed && !patch.status &&
                !IsClosedStatus(ParseEnum<CaseStatus>(row.status).value_or(CaseStatus::kActive))) {
                row.status = std::string(NameOf(CaseStatus::kClosed));
                changed.emplace_back("status");
            }
        }
        if (patch.status) {
            row.status = std::string(NameOf(*patch.status));
            changed.emplace_back("status");
            if (IsClosedStatus(*patch.status)) {
                row.stage = std::string(NameOf(Stage::kClosed));
            } else if (row.stage == NameOf(Stage::kClosed) && !patch.stage) {
                return Status::Invalid("stage", "reopening a case needs the stage it continues in");
            }
        }
        if (patch.exploitation_types) {
            row.exploitation_types = JoinList(NamesOf(*patch.exploitation_types));
            changed.emplace_back("exploitation_types");
        }
        row.version = expected_version + 1;
        row.updated_at = ToMicros(ctx_.clock.Now());
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateCase(tx, row));
        if (count != 1) return StaleVersion("this case");
        audit::AuditEvent event = CaseEvent(actor, "case.update", row);
        event.fields = changed;
        event.detail = "version=" + std::to_string(row.version);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, row.survivor_id));
        updated = CaseFrom(row, survivor ? survivor->code_name : std::string());
        return Status::Ok();
    });
    if (refused) {
        const auto& k = denied_access->kase;
        return Refuse(ctx_, actor, *refused, "case.update", "case", k.id, k.survivor_id, k.id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

Result<std::vector<TeamMember>> CaseService::ListTeam(const Actor& actor, std::string_view case_id) {
    std::optional<CaseAccess> access;
    std::vector<TeamMember> team;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, ctx_.clock.Now()));
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListTeam(tx, case_id));
        for (const auto& m : rows) {
            ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, m.staff_id));
            team.push_back(
                {m.staff_id, staff ? staff->display_name : std::string(), staff ? staff->agency_id : std::string(),
                 ParseEnum<CaseRole>(m.case_role).value_or(CaseRole::kSupport), m.added_by, FromMicros(m.added_at)});
        }
        return Status::Ok();
    }));
    const auto& k = access->kase;
    const auto decision = policy::Decide(actor, Action::kReadCaseTeam, access->resource, access->context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "case_team.read", "case", k.id, k.survivor_id, k.id);
    return team;
}

Result<TeamMember> CaseService::AddTeamMember(const Actor& actor, std::string_view case_id, std::string_view staff_id,
                                              CaseRole role) {
    std::optional<TeamMember> added;
    std::optional<policy::Decision> refused;
    std::optional<store::CaseRow> kase;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto access, LoadCaseAccess(tx, actor, case_id));
        kase = access.kase;
        const auto decision = policy::Decide(actor, Action::kManageCaseTeam, access.resource, access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, staff_id));
        if (!staff || !staff->active) {
            return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", "staff_id");
        }
        if (staff->agency_id != access.kase.agency_id) {
            return Status::Invalid("staff_id",
                                   "the case team is drawn from the owning agency; share with other agencies "
                                   "through the survivor's consent instead");
        }
        const store::TeamMemberRow row{access.kase.id, staff->id, std::string(NameOf(role)), actor.id,
                                       ToMicros(ctx_.clock.Now())};
        const Status inserted = store::InsertTeamMember(tx, row);
        if (inserted.reason() == "duplicate") {
            return Status(StatusCode::kConflict, "duplicate", "this person is already on the case team", "staff_id");
        }
        ONESTORY_RETURN_IF_ERROR(inserted);
        audit::AuditEvent event = CaseEvent(actor, "case_team.add", access.kase);
        event.detail = "staff=" + staff->id + " role=" + row.case_role;
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        added = TeamMember{staff->id, staff->display_name, staff->agency_id, role, actor.id, FromMicros(row.added_at)};
        return Status::Ok();
    });
    if (refused) return Refuse(ctx_, actor, *refused, "case_team.add", "case", kase->id, kase->survivor_id, kase->id);
    ONESTORY_RETURN_IF_ERROR(written);
    return *added;
}

}  // namespace onestory::domain
