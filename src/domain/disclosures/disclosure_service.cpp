// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/disclosures/disclosure_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/consents/consent_service.hpp"
#include "domain/sealer.hpp"
#include "domain/statements/statement_service.hpp"
#include "store/account_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/disclosure_rows.hpp"
#include "store/passage_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;
using policy::RecordCategory;

template <class E>
std::vector<E> ParseList(const std::string& joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

template <class T>
void AddUnique(std::vector<T>& into, const T& value) {
    if (std::find(into.begin(), into.end(), value) == into.end()) into.push_back(value);
}

bool Has(const std::vector<RecordCategory>& categories, RecordCategory c) {
    return std::find(categories.begin(), categories.end(), c) != categories.end();
}

std::string DisclosureDetail(const store::DisclosureRow& d, const std::vector<std::string>& topics,
                             std::size_t passages) {
    return "recipient=" + d.recipient_agency_id + " passages=" + std::to_string(passages) +
           " topics=" + JoinList(topics) + " categories=" + d.categories + " consent=" + d.consent_id;
}

Disclosure DisclosureFrom(const store::DisclosureRow& d, const std::vector<store::DisclosurePassageRow>& passages,
                          const std::string& code_name, policy::ConsentState consent_status) {
    Disclosure out;
    out.id = d.id;
    out.case_id = d.case_id;
    out.survivor_id = d.survivor_id;
    out.survivor_code_name = code_name;
    out.agency_id = d.agency_id;
    out.recipient_agency_id = d.recipient_agency_id;
    out.purpose = ParseEnum<policy::Purpose>(d.purpose).value_or(policy::Purpose::kStatistics);
    out.consent_id = d.consent_id;
    out.consent_status = consent_status;
    out.categories = ParseList<RecordCategory>(d.categories);
    for (const auto& p : passages) {
        if (auto t = ParseEnum<policy::Topic>(p.topic)) AddUnique(out.topics, *t);
        out.passage_ids.push_back(p.chain_id);
    }
    out.created_by = d.created_by;
    out.created_at = FromMicros(d.created_at);
    return out;
}

// Metadata rows of a page of disclosures, with each consent's state now.
Result<store::Page<Disclosure>> Hydrate(store::Transaction& tx, const store::Page<store::DisclosureRow>& rows,
                                        Instant now) {
    store::Page<Disclosure> out;
    for (const auto& d : rows.items) {
        ONESTORY_ASSIGN_OR_RETURN(auto passages, store::ListDisclosurePassages(tx, d.id));
        ONESTORY_ASSIGN_OR_RETURN(auto consent, store::GetConsent(tx, d.consent_id));
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, d.survivor_id));
        const auto state = consent ? ConsentStateAt(*consent, now) : policy::ConsentState::kRevoked;
        out.items.push_back(DisclosureFrom(d, passages, survivor ? survivor->code_name : std::string(), state));
    }
    out.next = rows.next;
    return out;
}

}  // namespace

// The record fields each disclosed category reveals (for the audit).
std::vector<std::string> DisclosedRecordFields(const std::vector<RecordCategory>& categories) {
    std::vector<std::string> fields;
    if (Has(categories, RecordCategory::kIdentity)) {
        fields.insert(fields.end(), {"legal_name", "birth_date"});
    }
    if (Has(categories, RecordCategory::kContact)) fields.emplace_back("contact");
    if (Has(categories, RecordCategory::kLocation)) fields.emplace_back("address");
    return fields;
}

Result<DisclosedRecord> OpenDisclosedRecord(const store::SurvivorRow& s, const SurvivorSealer& sealer,
                                            const std::vector<RecordCategory>& categories) {
    DisclosedRecord r;
    r.code_name = s.code_name;
    if (Has(categories, RecordCategory::kIdentity)) {
        ONESTORY_ASSIGN_OR_RETURN(r.legal_name, sealer.Unseal("legal_name", s.legal_name));
        ONESTORY_ASSIGN_OR_RETURN(auto birth, sealer.UnsealOptional("birth_date", s.birth_date));
        if (birth) r.birth_date = ParseDate(*birth);
        r.age_band = s.age_band;
        if (s.gender) r.gender = ParseEnum<Gender>(*s.gender);
        r.nationality = s.nationality;
        r.languages = SplitList(s.languages);
    }
    if (Has(categories, RecordCategory::kContact)) {
        ONESTORY_ASSIGN_OR_RETURN(r.contact, sealer.UnsealOptional("contact", s.contact));
    }
    if (Has(categories, RecordCategory::kLocation)) {
        ONESTORY_ASSIGN_OR_RETURN(r.address, sealer.UnsealOptional("address", s.address));
    }
    return r;
}

Result<Disclosure> DisclosureService::Create(const Actor& actor, std::string_view case_id,
                                             const NewDisclosure& request) {
    const Instant now = ctx_.clock.Now();
    if (request.passage_ids.empty() && request.categories.empty()) {
        return Status::Invalid("passage_ids", "a disclosure releases at least one passage or category");
    }
    std::optional<CaseAccess> access;
    std::optional<store::AgencyRow> recipient;
    std::optional<store::SurvivorRow> survivor;
    // For each requested id: the passage's current version, when it is one of this case's.
    std::vector<std::optional<store::PassageRow>> passages;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(recipient, store::GetAgency(tx, request.recipient_agency_id));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        for (const auto& id : request.passage_ids) {
            ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetPassage(tx, id));
            if (row && row->case_id == access->kase.id && row->superseded_by) {
                ONESTORY_ASSIGN_OR_RETURN(row, store::GetCurrentPassage(tx, row->chain_id));
            }
            if (row && row->case_id != access->kase.id) row.reset();
            passages.push_back(std::move(row));
        }
        ONESTORY_ASSIGN_OR_RETURN(access->context.consents,
                                  LoadConsentFacts(tx, access->kase.survivor_id, request.recipient_agency_id, now));
        return Status::Ok();
    }));
    const auto& kase = access->kase;

    // The policy decides on the topics of the passages and the categories.
    policy::Resource resource = access->resource;
    resource.recipient_agency_id = request.recipient_agency_id;
    resource.purpose = request.purpose;
    resource.categories = request.categories;
    for (const auto& p : passages) {
        if (!p) continue;
        if (auto t = ParseEnum<policy::Topic>(p->topic)) AddUnique(resource.topics, *t);
    }
    const auto decision = policy::Decide(actor, Action::kCreateDisclosure, resource, access->context);
    if (!decision.allowed) {
        Status refused = Refuse(ctx_, actor, decision, "disclosure.create", "case", kase.id, kase.survivor_id, kase.id);
        if (!decision.uncovered.empty()) refused.WithDetail("uncovered", decision.uncovered);
        return refused;
    }
    if (!recipient) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such agency", "recipient_agency_id");
    }
    std::vector<store::DisclosurePassageRow> items;
    std::vector<std::string> topics;
    store::DisclosureRow row;
    row.id = crypto::NewIdString("dc");
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const std::string field = "passage_ids[" + std::to_string(i) + "]";
        if (!passages[i]) {
            return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such passage in this case", field);
        }
        const auto& p = *passages[i];
        if (!IsSurvivorReviewed(ParseEnum<ReviewStatus>(p.review_status).value_or(ReviewStatus::kUnreviewed))) {
            return Status(StatusCode::kInvalidArgument, "passage_not_reviewed",
                          "only passages the survivor confirmed or corrected can be disclosed", field);
        }
        const bool repeated =
            std::any_of(items.begin(), items.end(), [&](const auto& x) { return x.chain_id == p.chain_id; });
        if (repeated) continue;
        items.push_back({row.id, p.chain_id, p.id, p.topic});
        AddUnique(topics, p.topic);
    }
    std::sort(topics.begin(), topics.end());
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.recipient_agency_id = recipient->id;
    row.purpose = std::string(NameOf(request.purpose));
    row.consent_id = decision.consent_id;
    row.categories = JoinList(NamesOf(request.categories));
    row.created_by = actor.id;
    row.created_at = ToMicros(now);

    audit::AuditEvent event = EventBy(actor, "disclosure.create", "success");
    event.resource_kind = "disclosure";
    event.resource_id = row.id;
    event.survivor_id = kase.survivor_id;
    event.case_id = kase.id;
    event.purpose = row.purpose;
    event.reason = decision.reason;
    event.detail = DisclosureDetail(row, topics, items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertDisclosure(tx, row));
        for (const auto& item : items) ONESTORY_RETURN_IF_ERROR(store::InsertDisclosurePassage(tx, item));
        return ctx_.audit.Append(tx, event);
    }));
    return DisclosureFrom(row, items, survivor ? survivor->code_name : std::string(), policy::ConsentState::kActive);
}

Result<Disclosure> DisclosureService::Get(const Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::DisclosureRow> row;
    std::optional<CaseAccess> access;
    std::optional<store::ConsentRow> consent;
    std::optional<store::SurvivorRow> survivor;
    std::vector<store::DisclosurePassageRow> items;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetDisclosure(tx, id));
        if (!row) return Status::NotFound("no such disclosure");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, row->case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(consent, store::GetConsent(tx, row->consent_id));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, row->survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(items, store::ListDisclosurePassages(tx, row->id));
        return Status::Ok();
    }));
    const auto state = consent ? ConsentStateAt(*consent, now) : policy::ConsentState::kRevoked;
    Disclosure out = DisclosureFrom(*row, items, survivor ? survivor->code_name : std::string(), state);
    policy::Resource resource = access->resource;
    resource.recipient_agency_id = row->recipient_agency_id;
    resource.purpose = out.purpose;
    resource.topics = out.topics;
    resource.categories = out.categories;
    policy::Context context = access->context;
    if (consent) context.disclosure_consent = state;
    const auto decision = policy::Decide(actor, Action::kReadDisclosure, resource, context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "disclosure.read", "disclosure", row->id, row->survivor_id, row->case_id);
    }
    if (!survivor) return Status::NotFound("no such survivor");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    ONESTORY_ASSIGN_OR_RETURN(out.record, OpenDisclosedRecord(*survivor, sealer, out.categories));

    std::vector<std::string> topics;
    for (const auto t : out.topics) topics.emplace_back(NameOf(t));
    std::sort(topics.begin(), topics.end());
    audit::AuditEvent event = EventBy(actor, "disclosure.read", "success");
    event.resource_kind = "disclosure";
    event.resource_id = row->id;
    event.survivor_id = row->survivor_id;
    event.case_id = row->case_id;
    event.purpose = row->purpose;
    event.reason = decision.reason;
    event.fields = DisclosedRecordFields(out.categories);
    if (!items.empty()) event.fields.insert(event.fields.begin(), {"passage_text", "survivor_comments"});
    event.detail = DisclosureDetail(*row, topics, items.size());
    // The passages are opened and the read audited in one transaction, so the
    // answer is what the audited snapshot held.
    std::vector<Passage> passages;
    const auto audited_read = [&](store::Transaction& tx) -> Status {
        for (const auto& item : items) {
            // The current version when the survivor reviewed it; else the version disclosed.
            ONESTORY_ASSIGN_OR_RETURN(auto current, store::GetCurrentPassage(tx, item.chain_id));
            if (!current || !IsSurvivorReviewed(
                                ParseEnum<ReviewStatus>(current->review_status).value_or(ReviewStatus::kUnreviewed))) {
                ONESTORY_ASSIGN_OR_RETURN(current, store::GetPassage(tx, item.passage_id));
            }
            if (!current) return Status::DataLoss("a disclosed passage is missing");
            ONESTORY_ASSIGN_OR_RETURN(Passage p, OpenPassage(tx, sealer, *current));
            passages.push_back(std::move(p));
        }
        return ctx_.audit.Append(tx, event);
    };
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write(audited_read, store::Durability::kDeferred));
    out.passages = std::move(passages);
    return out;
}

Result<store::Page<Disclosure>> DisclosureService::ListOfCase(const Actor& actor, std::string_view case_id,
                                                              const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        return Status::Ok();
    }));
    const auto& k = access->kase;
    const auto decision = policy::Decide(actor, Action::kListDisclosures, access->resource, access->context);
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "disclosure.list", "case", k.id, k.survivor_id, k.id);
    store::Page<Disclosure> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListDisclosuresOfCase(tx, case_id, page));
        ONESTORY_ASSIGN_OR_RETURN(out, Hydrate(tx, rows, now));
        return Status::Ok();
    }));
    return out;
}

Result<store::Page<Disclosure>> DisclosureService::ListReceived(const Actor& actor, const store::PageRequest& page) {
    if (policy::ScopeFor(actor, Action::kListReceivedDisclosures) == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListReceivedDisclosures), "disclosure.list",
                      "disclosure", "");
    }
    const Instant now = ctx_.clock.Now();
    store::ReceivedFilter filter;
    filter.recipient_agency_id = actor.agency_id;
    filter.purposes = NamesOf(policy::PurposesFor(actor));
    store::Page<Disclosure> out;
    if (filter.purposes.empty()) return out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListReceivedDisclosures(tx, filter, page));
        ONESTORY_ASSIGN_OR_RETURN(out, Hydrate(tx, rows, now));
        return Status::Ok();
    }));
    return out;
}

}  // namespace onestory::domain
