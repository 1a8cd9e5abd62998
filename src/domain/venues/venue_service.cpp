// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/venues/venue_service.hpp"

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {

Venue VenueFrom(const store::VenueRow& r) {
    Venue v;
    v.id = r.id;
    v.agency_id = r.agency_id;
    v.name = r.name;
    for (const auto& name : SplitList(r.features)) {
        if (auto f = ParseEnum<VenueFeature>(name)) v.features.push_back(*f);
    }
    v.created_by = r.created_by;
    v.created_at = FromMicros(r.created_at);
    v.version = r.version;
    return v;
}

Result<Venue> VenueService::Create(const policy::Actor& actor, const NewVenue& venue) {
    const policy::Resource resource{venue.agency_id, "", ""};
    const auto decision = policy::Decide(actor, policy::Action::kCreateVenue, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "venue.create", "venue", "");
    if (venue.name.empty() || venue.name.size() > 200) return Status::Invalid("name", "must be 1 to 200 characters");

    store::VenueRow row{crypto::NewIdString("vn"),
                        venue.agency_id,
                        venue.name,
                        JoinList(NamesOf(venue.features)),
                        actor.id,
                        ToMicros(ctx_.clock.Now()),
                        1};
    audit::AuditEvent event = EventBy(actor, "venue.create", "success");
    event.resource_kind = "venue";
    event.resource_id = row.id;
    event.reason = decision.reason;
    event.detail = "agency=" + row.agency_id + " features=" + row.features;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, venue.agency_id));
        if (!agency) return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency", "agency_id");
        ONESTORY_RETURN_IF_ERROR(store::InsertVenue(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return VenueFrom(row);
}

Result<store::Page<Venue>> VenueService::List(const policy::Actor& actor, const std::optional<std::string>& agency_id,
                                              const store::PageRequest& page) {
    if (policy::ScopeFor(actor, policy::Action::kListVenues) == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, policy::Action::kListVenues), "venue.list", "venue", "");
    }
    store::Page<Venue> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListVenues(tx, agency_id, page));
        for (const auto& r : rows.items) out.items.push_back(VenueFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Venue> VenueService::Get(const policy::Actor& actor, std::string_view id) {
    const auto decision = policy::DecideRoute(actor, policy::Action::kListVenues);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "venue.read", "venue", std::string(id));
    std::optional<store::VenueRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetVenue(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such venue");
    return VenueFrom(*row);
}

}  // namespace onestory::domain
