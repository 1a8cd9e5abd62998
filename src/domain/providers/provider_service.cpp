// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/providers/provider_service.hpp"

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "store/account_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr int kMaxAge = 120;

template <class E>
std::vector<E> ParseList(std::string_view joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

std::optional<int> IntOrNull(const std::optional<std::int64_t>& v) {
    if (!v) return std::nullopt;
    return static_cast<int>(*v);
}

Status Validate(const NewProvider& p) {
    if (p.name.find_first_not_of(' ') == std::string::npos) return Status::Invalid("name", "must not be empty");
    if (p.service_types.empty()) return Status::Invalid("service_types", "name at least one service");
    for (std::size_t i = 0; i < p.languages.size(); ++i) {
        if (!IsLanguageCode(p.languages[i])) {
            return Status::Invalid("languages[" + std::to_string(i) + "]", "must be an ISO 639-1 code such as sw");
        }
    }
    for (const auto& [field, age] :
         {std::pair{"ages_served.min", p.age_min}, std::pair{"ages_served.max", p.age_max}}) {
        if (age && (*age < 0 || *age > kMaxAge)) {
            return Status::Invalid(field, "must be an age from 0 to " + std::to_string(kMaxAge));
        }
    }
    if (p.age_min && p.age_max && *p.age_min > *p.age_max) {
        return Status::Invalid("ages_served.max", "must not be below ages_served.min");
    }
    if (p.capacity && *p.capacity < 0) return Status::Invalid("capacity", "must not be negative");
    return Status::Ok();
}

}  // namespace

Provider ProviderFrom(const store::ProviderRow& r) {
    Provider p;
    p.id = r.id;
    p.name = r.name;
    p.agency_id = r.agency_id;
    p.service_types = ParseList<ServiceType>(r.service_types);
    p.languages = SplitList(r.languages);
    p.age_min = IntOrNull(r.age_min);
    p.age_max = IntOrNull(r.age_max);
    p.genders_served = ParseList<Gender>(r.genders_served);
    p.capacity = IntOrNull(r.capacity);
    p.location_area = r.location_area;
    p.contact = r.contact;
    p.created_by = r.created_by;
    p.created_at = FromMicros(r.created_at);
    p.version = r.version;
    return p;
}

Result<Provider> ProviderService::Create(const Actor& actor, const NewProvider& provider) {
    const policy::Resource resource{provider.agency_id.value_or(std::string()), "", ""};
    const auto decision = policy::Decide(actor, Action::kCreateProvider, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "provider.create", "provider", "");
    ONESTORY_RETURN_IF_ERROR(Validate(provider));
    store::ProviderRow row;
    row.id = crypto::NewIdString("pv");
    row.name = provider.name;
    row.agency_id = provider.agency_id;
    row.service_types = JoinList(NamesOf(provider.service_types));
    row.languages = JoinList(provider.languages);
    if (provider.age_min) row.age_min = *provider.age_min;
    if (provider.age_max) row.age_max = *provider.age_max;
    row.genders_served = JoinList(NamesOf(provider.genders_served));
    if (provider.capacity) row.capacity = *provider.capacity;
    row.location_area = provider.location_area;
    row.contact = provider.contact;
    row.created_by = actor.id;
    row.created_at = row.updated_at = ToMicros(ctx_.clock.Now());
    audit::AuditEvent event = EventBy(actor, "provider.create", "success");
    event.resource_kind = "provider";
    event.resource_id = row.id;
    event.reason = decision.reason;
    event.detail = "services=" + row.service_types;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        if (row.agency_id) {
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, *row.agency_id));
            if (!agency) {
                return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency", "agency_id");
            }
        }
        ONESTORY_RETURN_IF_ERROR(store::InsertProvider(tx, row));
        return ctx_.audit.Append(tx, event);
    }));
    return ProviderFrom(row);
}

Result<Provider> ProviderService::Get(const Actor& actor, std::string_view id) {
    const auto route = policy::DecideRoute(actor, Action::kListProviders);
    if (!route.allowed) return Refuse(ctx_, actor, route, "provider.read", "provider", std::string(id));
    std::optional<store::ProviderRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetProvider(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such provider");
    return ProviderFrom(*row);
}

Result<store::Page<Provider>> ProviderService::List(const Actor& actor, const ProviderSearch& search,
                                                    const store::PageRequest& page) {
    if (policy::ScopeFor(actor, Action::kListProviders) == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListProviders), "provider.list", "provider", "");
    }
    store::ProviderFilter filter;
    if (search.service_type) filter.service_type = std::string(NameOf(*search.service_type));
    filter.language = search.language;
    if (search.age) filter.age = *search.age;
    store::Page<Provider> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListProviders(tx, filter, page));
        out.items.clear();
        for (const auto& r : rows.items) out.items.push_back(ProviderFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

}  // namespace onestory::domain
