// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/safety/safety_plan_service.hpp"

#include <charconv>

#include "domain/care_records.hpp"
#include "store/safety_plan_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxItemBytes = 2000;
constexpr std::size_t kMaxItems = 50;

Result<SafetyPlan> PlanFrom(const store::SafetyPlanRow& r, const SurvivorSealer& sealer, Date today) {
    SafetyPlan p;
    p.case_id = r.case_id;
    p.survivor_id = r.survivor_id;
    p.risk_level = ParseEnum<RiskLevel>(r.risk_level).value_or(RiskLevel::kMedium);
    ONESTORY_ASSIGN_OR_RETURN(std::string items, sealer.Unseal("safety_plan.items", r.items, r.case_id));
    auto decoded = DecodeSafetyItems(items);
    if (!decoded) return Status::DataLoss("a safety plan's items are malformed");
    p.items = std::move(*decoded);
    ONESTORY_ASSIGN_OR_RETURN(p.review_by, StoredDate(r.review_by));
    p.review_overdue = p.review_by < today;
    p.created_by = r.created_by;
    p.created_at = FromMicros(r.created_at);
    p.updated_by = r.updated_by;
    p.updated_at = FromMicros(r.updated_at);
    p.version = r.version;
    return p;
}

Status Validate(const SafetyPlanInput& plan, Date today) {
    if (plan.items.size() > kMaxItems) return Status::Invalid("items", "a plan holds at most 50 items");
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        ONESTORY_RETURN_IF_ERROR(CheckText("items[" + std::to_string(i) + "].text", plan.items[i].text, kMaxItemBytes));
    }
    if (plan.review_by < today) return Status::Invalid("review_by", "must not be in the past");
    return Status::Ok();
}

}  // namespace

std::string EncodeSafetyItems(const std::vector<SafetyItem>& items) {
    std::string out;
    for (const auto& item : items) {
        const std::string_view kind = NameOf(item.kind);
        out += std::string(kind) + ":" + std::to_string(item.text.size()) + ":" + item.text;
    }
    return out;
}

std::optional<std::vector<SafetyItem>> DecodeSafetyItems(std::string_view encoded) {
    std::vector<SafetyItem> items;
    while (!encoded.empty()) {
        const auto colon = encoded.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const auto kind = ParseEnum<SafetyItemKind>(encoded.substr(0, colon));
        encoded.remove_prefix(colon + 1);
        std::size_t length = 0;
        const auto [ptr, ec] = std::from_chars(encoded.data(), encoded.data() + encoded.size(), length);
        if (!kind || ec != std::errc() || ptr == encoded.data() + encoded.size() || *ptr != ':') return std::nullopt;
        encoded.remove_prefix(static_cast<std::size_t>(ptr - encoded.data()) + 1);
        if (length > encoded.size()) return std::nullopt;
        items.push_back({*kind, std::string(encoded.substr(0, length))});
        encoded.remove_prefix(length);
    }
    return items;
}

Result<SafetyPlan> SafetyPlanService::Get(const Actor& actor, std::string_view case_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::optional<store::SafetyPlanRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(records->access.context.disclosed_categories,
                                  LoadDisclosedCategories(tx, actor, records->kase(), now));
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetSafetyPlan(tx, case_id));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kReadSafetyPlan, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "safety_plan.read", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (!row) return Status::NotFound("this case has no safety plan yet");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    ONESTORY_ASSIGN_OR_RETURN(SafetyPlan plan, PlanFrom(*row, sealer, DateOf(now)));
    audit::AuditEvent event = CaseRecordEvent(actor, "safety_plan.read", "safety_plan", kase.id, kase);
    event.fields = {"safety_plan"};
    event.reason = decision.reason;
    event.detail = "risk=" + row->risk_level + " items=" + std::to_string(plan.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return plan;
}

Result<SafetyPlan> SafetyPlanService::Put(const Actor& actor, std::string_view case_id,
                                          std::optional<std::int64_t> expected_version, const SafetyPlanInput& plan) {
    const Instant now = ctx_.clock.Now();
    std::optional<SafetyPlan> written_plan;
    std::optional<policy::Decision> refused;
    std::optional<store::CaseRow> found_case;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadCaseRecords(tx, actor, case_id, now));
        found_case = records.kase();
        const auto decision =
            policy::Decide(actor, Action::kUpdateSafetyPlan, records.access.resource, records.access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        ONESTORY_RETURN_IF_ERROR(Validate(plan, DateOf(now)));
        ONESTORY_ASSIGN_OR_RETURN(auto existing, store::GetSafetyPlan(tx, case_id));
        if (existing && !expected_version) {
            return Status(StatusCode::kPreconditionRequired, "if_match_required",
                          "this case has a safety plan; send If-Match with the version you read to replace it");
        }
        if (!existing && expected_version) return StaleVersion("this safety plan");
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));
        const auto& kase = records.kase();
        store::SafetyPlanRow row;
        row.case_id = kase.id;
        row.survivor_id = kase.survivor_id;
        row.agency_id = kase.agency_id;
        row.risk_level = std::string(NameOf(plan.risk_level));
        row.items = sealer.Seal("safety_plan.items", EncodeSafetyItems(plan.items), kase.id);
        row.review_by = FormatDate(plan.review_by);
        row.updated_by = actor.id;
        row.updated_at = ToMicros(now);
        audit::AuditEvent event = CaseRecordEvent(actor, existing ? "safety_plan.update" : "safety_plan.create",
                                                  "safety_plan", kase.id, kase);
        event.fields = {"safety_plan"};
        event.reason = decision.reason;
        if (existing) {
            if (existing->version != *expected_version) return StaleVersion("this safety plan");
            row.created_by = existing->created_by;
            row.created_at = existing->created_at;
            row.version = *expected_version + 1;
            ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateSafetyPlan(tx, row));
            if (count != 1) return StaleVersion("this safety plan");
        } else {
            row.created_by = actor.id;
            row.created_at = row.updated_at;
            row.version = 1;
            ONESTORY_RETURN_IF_ERROR(store::InsertSafetyPlan(tx, row));
        }
        event.detail = "risk=" + row.risk_level + " items=" + std::to_string(plan.items.size()) +
                       " review_by=" + row.review_by + " version=" + std::to_string(row.version);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(written_plan, PlanFrom(row, sealer, DateOf(now)));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "safety_plan.update", "case", found_case->id, found_case->survivor_id,
                      found_case->id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *written_plan;
}

}  // namespace onestory::domain
