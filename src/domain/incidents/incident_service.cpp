// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/incidents/incident_service.hpp"

#include "crypto/random.hpp"
#include "domain/care_records.hpp"
#include "store/incident_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxDescriptionBytes = 4000;

Result<Incident> IncidentFrom(const store::IncidentRow& r, const SurvivorSealer& sealer) {
    Incident i;
    i.id = r.id;
    i.case_id = r.case_id;
    i.survivor_id = r.survivor_id;
    ONESTORY_ASSIGN_OR_RETURN(i.occurred_on, StoredDate(r.occurred_on));
    i.answers = {r.penetration,     r.unwanted_sexual_contact, r.physical_assault,
                 r.forced_marriage, r.denial_of_resources,     r.psychological_abuse};
    i.gbv_type = ParseEnum<GbvType>(r.gbv_type).value_or(GbvType::kNonGbv);
    ONESTORY_ASSIGN_OR_RETURN(i.description, sealer.UnsealOptional("incident.description", r.description, r.id));
    i.created_by = r.created_by;
    i.created_at = FromMicros(r.created_at);
    return i;
}

}  // namespace

GbvType ClassifyIncident(const IncidentAnswers& a) {
    if (a.penetration) return GbvType::kRape;
    if (a.unwanted_sexual_contact) return GbvType::kSexualAssault;
    if (a.physical_assault) return GbvType::kPhysicalAssault;
    if (a.forced_marriage) return GbvType::kForcedMarriage;
    if (a.denial_of_resources) return GbvType::kDenialOfResources;
    if (a.psychological_abuse) return GbvType::kPsychologicalAbuse;
    return GbvType::kNonGbv;
}

Result<Incident> IncidentService::Record(const Actor& actor, std::string_view case_id, const NewIncident& incident) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kRecordIncident, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "incident.create", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (incident.occurred_on > DateOf(now)) return Status::Invalid("occurred_on", "must not be in the future");
    if (incident.description) {
        ONESTORY_RETURN_IF_ERROR(CheckText("description", *incident.description, kMaxDescriptionBytes));
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    const auto& a = incident.answers;
    store::IncidentRow row;
    row.id = crypto::NewIdString("in");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.occurred_on = FormatDate(incident.occurred_on);
    row.penetration = a.penetration;
    row.unwanted_sexual_contact = a.unwanted_sexual_contact;
    row.physical_assault = a.physical_assault;
    row.forced_marriage = a.forced_marriage;
    row.denial_of_resources = a.denial_of_resources;
    row.psychological_abuse = a.psychological_abuse;
    row.gbv_type = std::string(NameOf(ClassifyIncident(a)));
    row.description = sealer.SealOptional("incident.description", incident.description, row.id);
    row.created_by = actor.id;
    row.created_at = ToMicros(now);
    audit::AuditEvent event = CaseRecordEvent(actor, "incident.create", "incident", row.id, kase);
    if (row.description) event.fields = {"description"};
    event.reason = decision.reason;
    event.detail = "gbv_type=" + row.gbv_type;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertIncident(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return IncidentFrom(row, sealer);
}

Result<store::Page<Incident>> IncidentService::List(const Actor& actor, std::string_view case_id,
                                                    const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    store::Page<store::IncidentRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListIncidentsOfCase(tx, case_id, page));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListIncidents, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "incident.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<Incident> out;
    out.next = rows.next;
    bool described = false;
    for (const auto& r : rows.items) {
        ONESTORY_ASSIGN_OR_RETURN(Incident i, IncidentFrom(r, sealer));
        described = described || r.description.has_value();
        out.items.push_back(std::move(i));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "incident.list", "case", kase.id, kase);
    if (described) event.fields = {"description"};
    event.reason = decision.reason;
    event.detail = "incidents=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

}  // namespace onestory::domain
