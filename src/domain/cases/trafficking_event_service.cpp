// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/cases/trafficking_event_service.hpp"

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"

namespace onestory::domain {
namespace {

using policy::Action;

constexpr std::size_t kMaxPlaceBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 4000;

template <class E>
std::vector<E> EnumsOf(const std::string& joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

std::optional<Date> DateOrNull(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return ParseDate(*text);
}

std::vector<std::string> SealedFields(const store::TraffickingEventRow& row) {
    std::vector<std::string> fields;
    if (row.place) fields.emplace_back("place");
    if (row.description) fields.emplace_back("description");
    return fields;
}

}  // namespace

Result<TraffickingEvent> TraffickingEventFrom(const store::TraffickingEventRow& r, const SurvivorSealer& sealer) {
    TraffickingEvent e;
    e.id = r.id;
    e.case_id = r.case_id;
    e.survivor_id = r.survivor_id;
    e.kind = ParseEnum<EventKind>(r.kind).value_or(EventKind::kExploitation);
    e.country = r.country;
    ONESTORY_ASSIGN_OR_RETURN(e.place, sealer.UnsealOptional("trafficking_event.place", r.place, r.id));
    e.began_on = DateOrNull(r.began_on);
    e.ended_on = DateOrNull(r.ended_on);
    e.exploitation_types = EnumsOf<ExploitationType>(r.exploitation_types);
    e.means_of_control = EnumsOf<MeansOfControl>(r.means_of_control);
    ONESTORY_ASSIGN_OR_RETURN(e.description,
                              sealer.UnsealOptional("trafficking_event.description", r.description, r.id));
    e.recorded_by = r.recorded_by;
    e.created_at = FromMicros(r.created_at);
    e.version = r.version;
    return e;
}

Result<TraffickingEvent> TraffickingEventService::Record(const policy::Actor& actor, std::string_view case_id,
                                                         const NewTraffickingEvent& in) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kUpdateCase, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "trafficking_event.create", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (!survivor) return Status::NotFound("no such survivor");
    if (!IsCountryCode(in.country)) return Status::Invalid("country", "must be an ISO 3166-1 alpha-2 code, or ZZ");
    if (in.place && (in.place->empty() || in.place->size() > kMaxPlaceBytes)) {
        return Status::Invalid("place", "must be 1 to 200 bytes");
    }
    if (in.description && (in.description->empty() || in.description->size() > kMaxDescriptionBytes)) {
        return Status::Invalid("description", "must be 1 to 4000 bytes");
    }
    if (in.began_on && in.ended_on && *in.ended_on < *in.began_on) {
        return Status::Invalid("ended_on", "must not be before began_on");
    }
    if (in.began_on && *in.began_on > DateOf(now)) return Status::Invalid("began_on", "must not be in the future");
    if (in.kind != EventKind::kExploitation && !in.exploitation_types.empty()) {
        return Status::Invalid("exploitation_types", "are recorded on exploitation events");
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    store::TraffickingEventRow row;
    row.id = crypto::NewIdString("te");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.kind = std::string(NameOf(in.kind));
    row.country = in.country;
    row.place = sealer.SealOptional("trafficking_event.place", in.place, row.id);
    if (in.began_on) row.began_on = FormatDate(*in.began_on);
    if (in.ended_on) row.ended_on = FormatDate(*in.ended_on);
    row.exploitation_types = JoinList(NamesOf(in.exploitation_types));
    row.means_of_control = JoinList(NamesOf(in.means_of_control));
    row.description = sealer.SealOptional("trafficking_event.description", in.description, row.id);
    row.recorded_by = actor.id;
    row.created_at = ToMicros(now);
    audit::AuditEvent event = EventBy(actor, "trafficking_event.create", "success");
    event.resource_kind = "trafficking_event";
    event.resource_id = row.id;
    event.survivor_id = row.survivor_id;
    event.case_id = row.case_id;
    event.fields = SealedFields(row);
    event.reason = decision.reason;
    event.detail = "kind=" + row.kind + " country=" + row.country;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertTraffickingEvent(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return TraffickingEventFrom(row, sealer);
}

Result<std::vector<TraffickingEvent>> TraffickingEventService::List(const policy::Actor& actor,
                                                                    std::string_view case_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    std::vector<store::TraffickingEventRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListTraffickingEventsOfCase(tx, case_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kReadCase, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "trafficking_event.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (!survivor) return Status::NotFound("no such survivor");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    std::vector<TraffickingEvent> out;
    std::vector<std::string> fields;
    for (const auto& r : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto e, TraffickingEventFrom(r, sealer));
        out.push_back(std::move(e));
        for (auto& f : SealedFields(r)) {
            if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(std::move(f));
        }
    }
    audit::AuditEvent event = EventBy(actor, "trafficking_event.list", "success");
    event.resource_kind = "case";
    event.resource_id = kase.id;
    event.survivor_id = kase.survivor_id;
    event.case_id = kase.id;
    event.fields = fields;
    event.reason = decision.reason;
    event.detail = "events=" + std::to_string(out.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

}  // namespace onestory::domain
