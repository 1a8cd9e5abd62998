// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/referrals/referral_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/care_records.hpp"
#include "domain/consents/consent_service.hpp"
#include "domain/disclosures/disclosure_service.hpp"
#include "domain/providers/provider_service.hpp"
#include "store/consent_rows.hpp"
#include "store/provider_rows.hpp"
#include "store/referral_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;
using policy::RecordCategory;

constexpr std::size_t kMaxTextBytes = 4000;

template <class E>
std::vector<E> ParseList(std::string_view joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

std::optional<Date> OptionalDate(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return ParseDate(*text);
}

// What a referral is shown with, read in one transaction.
struct ReferralFacts {
    store::ReferralRow row;
    std::string provider_name;
    std::vector<store::ReferralTransitionRow> transitions;
    std::optional<policy::ConsentState> consent_state;
};

Result<ReferralFacts> LoadFacts(store::Transaction& tx, store::ReferralRow row, Instant now) {
    ReferralFacts f;
    ONESTORY_ASSIGN_OR_RETURN(auto provider, store::GetProvider(tx, row.provider_id));
    if (provider) f.provider_name = provider->name;
    ONESTORY_ASSIGN_OR_RETURN(f.transitions, store::ListReferralTransitions(tx, row.id));
    if (row.consent_id) {
        ONESTORY_ASSIGN_OR_RETURN(auto consent, store::GetConsent(tx, *row.consent_id));
        f.consent_state = consent ? ConsentStateAt(*consent, now) : policy::ConsentState::kRevoked;
    }
    f.row = std::move(row);
    return f;
}

Result<Referral> ReferralFrom(const ReferralFacts& f, const std::string& code_name, const SurvivorSealer& sealer) {
    const auto& r = f.row;
    Referral out;
    out.id = r.id;
    out.case_id = r.case_id;
    out.survivor_id = r.survivor_id;
    out.survivor_code_name = code_name;
    out.agency_id = r.agency_id;
    out.provider_id = r.provider_id;
    out.provider_name = f.provider_name;
    out.recipient_agency_id = r.recipient_agency_id;
    out.service_type = ParseEnum<ServiceType>(r.service_type).value_or(ServiceType::kShelter);
    ONESTORY_ASSIGN_OR_RETURN(out.reason, sealer.Unseal("referral.reason", r.reason, r.id));
    out.share_categories = ParseList<RecordCategory>(r.share_categories);
    if (r.purpose) out.purpose = ParseEnum<policy::Purpose>(*r.purpose);
    out.consent_id = r.consent_id;
    out.consent_status = f.consent_state;
    ONESTORY_ASSIGN_OR_RETURN(out.follow_up_by, StoredDate(r.follow_up_by));
    out.complete_by = OptionalDate(r.complete_by);
    out.status = ParseEnum<ReferralStatus>(r.status).value_or(ReferralStatus::kProposed);
    ONESTORY_ASSIGN_OR_RETURN(out.decline_reason,
                              sealer.UnsealOptional("referral.decline_reason", r.decline_reason, r.id));
    for (const auto& t : f.transitions) {
        ReferralTransition x;
        if (t.from_status) x.from = ParseEnum<ReferralStatus>(*t.from_status);
        x.to = ParseEnum<ReferralStatus>(t.to_status).value_or(ReferralStatus::kProposed);
        ONESTORY_ASSIGN_OR_RETURN(x.note, sealer.UnsealOptional("referral_transition.note", t.note, t.id));
        x.by_staff = t.by_staff;
        x.by_agency = t.by_agency;
        x.at = FromMicros(t.at);
        out.transitions.push_back(std::move(x));
    }
    out.created_by = r.created_by;
    out.created_at = FromMicros(r.created_at);
    out.updated_at = FromMicros(r.updated_at);
    out.version = r.version;
    return out;
}

// The protected fields a referral's answer reveals.
std::vector<std::string> RevealedFields(const ReferralFacts& f) {
    std::vector<std::string> fields{"reason"};
    if (f.row.decline_reason) fields.emplace_back("decline_reason");
    if (std::any_of(f.transitions.begin(), f.transitions.end(), [](const auto& t) { return t.note.has_value(); })) {
        fields.emplace_back("referral_notes");
    }
    return fields;
}

std::string Detail(const store::ReferralRow& r) {
    std::string d = "provider=" + r.provider_id + " service=" + r.service_type;
    if (r.recipient_agency_id) d += " recipient=" + *r.recipient_agency_id;
    if (!r.share_categories.empty()) d += " categories=" + r.share_categories;
    if (r.consent_id) d += " consent=" + *r.consent_id;
    return d;
}

policy::Resource ResourceOf(const policy::Resource& base, const store::ReferralRow& r) {
    policy::Resource resource = base;
    resource.recipient_agency_id = r.recipient_agency_id.value_or(std::string());
    resource.categories = ParseList<RecordCategory>(r.share_categories);
    resource.unsent = r.status == NameOf(ReferralStatus::kProposed);
    return resource;
}

bool SharesWithAnotherAgency(const store::ReferralRow& r) {
    return r.recipient_agency_id && *r.recipient_agency_id != r.agency_id && !r.share_categories.empty();
}

std::optional<std::string> PurposeOf(const std::vector<policy::ConsentFact>& consents, const std::string& id) {
    for (const auto& c : consents) {
        if (c.id == id) return std::string(NameOf(c.purpose));
    }
    return std::nullopt;
}

Status Refused(const ServiceContext& ctx, const Actor& actor, const policy::Decision& decision, std::string action,
               const std::string& id, const store::CaseRow& kase) {
    Status refused = Refuse(ctx, actor, decision, std::move(action), "referral", id, kase.survivor_id, kase.id);
    if (!decision.uncovered.empty()) refused.WithDetail("uncovered", decision.uncovered);
    return refused;
}

std::vector<std::string> NextStates(ReferralStatus from) {
    std::vector<std::string> out;
    for (const auto& [to, name] : EnumNames<ReferralStatus>::kTable) {
        if (IsLegalTransition(from, to)) out.emplace_back(name);
    }
    return out;
}

}  // namespace

Result<Referral> ReferralService::Create(const Actor& actor, std::string_view case_id, const NewReferral& referral) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::optional<store::ProviderRow> provider;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(provider, store::GetProvider(tx, referral.provider_id));
        if (provider && provider->agency_id && *provider->agency_id != records->kase().agency_id) {
            ONESTORY_ASSIGN_OR_RETURN(records->access.context.consents,
                                      LoadConsentFacts(tx, records->kase().survivor_id, *provider->agency_id, now));
        }
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    policy::Resource resource = records->access.resource;
    if (provider && provider->agency_id) resource.recipient_agency_id = *provider->agency_id;
    resource.categories = referral.share_categories;
    const auto decision = policy::Decide(actor, Action::kCreateReferral, resource, records->access.context);
    if (!decision.allowed) return Refused(ctx_, actor, decision, "referral.create", kase.id, kase);
    if (!provider) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such provider", "provider_id");
    }
    const std::vector<ServiceType> offered = ProviderFrom(*provider).service_types;
    if (std::find(offered.begin(), offered.end(), referral.service_type) == offered.end()) {
        return Status::Invalid("service_type", "the provider does not offer this service");
    }
    ONESTORY_RETURN_IF_ERROR(CheckText("reason", referral.reason, kMaxTextBytes));
    if (referral.follow_up_by < DateOf(now)) return Status::Invalid("follow_up_by", "must not be in the past");
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));

    store::ReferralRow row;
    row.id = crypto::NewIdString("rf");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.provider_id = provider->id;
    row.recipient_agency_id = provider->agency_id;
    row.service_type = std::string(NameOf(referral.service_type));
    row.reason = sealer.Seal("referral.reason", referral.reason, row.id);
    row.share_categories = JoinList(NamesOf(referral.share_categories));
    if (!decision.consent_id.empty()) {
        row.consent_id = decision.consent_id;
        row.purpose = PurposeOf(records->access.context.consents, decision.consent_id);
    }
    row.follow_up_by = FormatDate(referral.follow_up_by);
    row.status = std::string(NameOf(ReferralStatus::kProposed));
    row.created_by = actor.id;
    row.created_at = row.updated_at = ToMicros(now);
    store::ReferralTransitionRow first{crypto::NewIdString("rt"),
                                       row.id,
                                       1,
                                       row.case_id,
                                       row.survivor_id,
                                       std::nullopt,
                                       row.status,
                                       std::nullopt,
                                       actor.id,
                                       actor.agency_id,
                                       row.created_at};
    audit::AuditEvent event = CaseRecordEvent(actor, "referral.create", "referral", row.id, kase);
    event.fields = {"reason"};
    event.reason = decision.reason;
    event.purpose = row.purpose.value_or(std::string());
    event.detail = Detail(row);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertReferral(tx, row));
        ONESTORY_RETURN_IF_ERROR(store::InsertReferralTransition(tx, first));
        return ctx_.audit.Append(tx, event);
    }));
    ReferralFacts facts{row, provider->name, {first}, std::nullopt};
    if (row.consent_id) facts.consent_state = policy::ConsentState::kActive;
    return ReferralFrom(facts, records->survivor.code_name, sealer);
}

Result<Referral> ReferralService::Get(const Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<ReferralFacts> facts;
    std::optional<CaseRecords> records;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetReferral(tx, id));
        if (!row) return Status::NotFound("no such referral");
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, row->case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(facts, LoadFacts(tx, std::move(*row), now));
        return Status::Ok();
    }));
    const auto& row = facts->row;
    const auto& kase = records->kase();
    const auto decision = policy::Decide(actor, Action::kReadReferral, ResourceOf(records->access.resource, row),
                                         records->access.context);
    if (!decision.allowed) return Refused(ctx_, actor, decision, "referral.read", row.id, kase);
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    ONESTORY_ASSIGN_OR_RETURN(Referral out, ReferralFrom(*facts, records->survivor.code_name, sealer));
    std::vector<std::string> fields = RevealedFields(*facts);
    // The receiving agency sees the shared parts of the record while the consent stands.
    const bool receiving = actor.agency_id != kase.agency_id && row.recipient_agency_id == actor.agency_id;
    if (receiving && SharesWithAnotherAgency(row) && out.consent_status == policy::ConsentState::kActive &&
        out.purpose && policy::RoleFitsPurpose(actor, *out.purpose)) {
        ONESTORY_ASSIGN_OR_RETURN(out.shared, OpenDisclosedRecord(records->survivor, sealer, out.share_categories));
        for (auto& f : DisclosedRecordFields(out.share_categories)) fields.push_back(std::move(f));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "referral.read", "referral", row.id, kase);
    event.fields = std::move(fields);
    event.reason = decision.reason;
    event.purpose = row.purpose.value_or(std::string());
    event.detail = Detail(row);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<store::Page<Referral>> ReferralService::ListOfCase(const Actor& actor, std::string_view case_id,
                                                          const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    std::vector<ReferralFacts> facts;
    std::optional<store::PageCursor> next;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadCaseRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListReferralsOfCase(tx, case_id, page));
        next = rows.next;
        for (auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto f, LoadFacts(tx, std::move(r), now));
            facts.push_back(std::move(f));
        }
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListReferrals, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "referral.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<Referral> out;
    out.next = next;
    std::vector<std::string> fields;
    for (const auto& f : facts) {
        ONESTORY_ASSIGN_OR_RETURN(Referral r, ReferralFrom(f, records->survivor.code_name, sealer));
        for (auto& name : RevealedFields(f)) {
            if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(std::move(name));
        }
        out.items.push_back(std::move(r));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "referral.list", "case", kase.id, kase);
    event.fields = std::move(fields);
    event.reason = decision.reason;
    event.detail = "referrals=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<store::Page<Referral>> ReferralService::ListReceived(const Actor& actor, const store::PageRequest& page) {
    if (policy::ScopeFor(actor, Action::kListReceivedReferrals) == policy::ListScope::kNone) {
        return Refuse(ctx_, actor, policy::DecideRoute(actor, Action::kListReceivedReferrals), "referral.list",
                      "referral", "");
    }
    const Instant now = ctx_.clock.Now();
    std::vector<std::pair<ReferralFacts, store::SurvivorRow>> found;
    std::optional<store::PageCursor> next;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListReferralsToAgency(tx, actor.agency_id, page));
        next = rows.next;
        for (auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, r.survivor_id));
            if (!survivor) return Status::DataLoss("a referral's survivor is missing");
            ONESTORY_ASSIGN_OR_RETURN(auto f, LoadFacts(tx, std::move(r), now));
            found.emplace_back(std::move(f), std::move(*survivor));
        }
        return Status::Ok();
    }));
    store::Page<Referral> out;
    out.next = next;
    std::vector<audit::AuditEvent> reads;
    for (const auto& [f, survivor] : found) {
        if (f.row.agency_id == actor.agency_id) continue;  // the agency's own cases are read as case work
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, survivor));
        ONESTORY_ASSIGN_OR_RETURN(Referral r, ReferralFrom(f, survivor.code_name, sealer));
        audit::AuditEvent e = EventBy(actor, "referral.read", "success");
        e.resource_kind = "referral";
        e.resource_id = f.row.id;
        e.survivor_id = f.row.survivor_id;
        e.case_id = f.row.case_id;
        e.fields = RevealedFields(f);
        e.reason = "receiving_agency";
        e.detail = Detail(f.row);
        reads.push_back(std::move(e));
        out.items.push_back(std::move(r));
    }
    if (!reads.empty()) {
        ONESTORY_RETURN_IF_ERROR(ctx_.store.Write(
            [&](store::Transaction& tx) -> Status {
                for (const auto& e : reads) ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, e));
                return Status::Ok();
            },
            store::Durability::kDeferred));
    }
    return out;
}

Result<Referral> ReferralService::Transition(const Actor& actor, std::string_view id, const ReferralMove& move) {
    const Instant now = ctx_.clock.Now();
    const Date today = DateOf(now);
    if (move.note) ONESTORY_RETURN_IF_ERROR(CheckText("note", *move.note, kMaxTextBytes));
    std::optional<Referral> updated;
    std::optional<policy::Decision> refused;
    std::optional<store::ReferralRow> found;
    std::optional<store::CaseRow> found_case;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetReferral(tx, id));
        if (!found) return Status::NotFound("no such referral");
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadCaseRecords(tx, actor, found->case_id, now));
        found_case = records.kase();
        store::ReferralRow row = *found;
        const ReferralStatus from = ParseEnum<ReferralStatus>(row.status).value_or(ReferralStatus::kProposed);
        policy::Resource resource = ResourceOf(records.access.resource, row);
        resource.referral_step = StepTo(move.to);
        policy::Context context = records.access.context;
        if (move.to == ReferralStatus::kSent && SharesWithAnotherAgency(row)) {
            ONESTORY_ASSIGN_OR_RETURN(context.consents,
                                      LoadConsentFacts(tx, row.survivor_id, *row.recipient_agency_id, now));
        }
        const auto decision = policy::Decide(actor, Action::kTransitionReferral, resource, context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        if (!IsLegalTransition(from, move.to)) {
            Status illegal =
                Status::Conflict("illegal_transition", "a referral that is " + std::string(NameOf(from)) +
                                                           " cannot become " + std::string(NameOf(move.to)));
            illegal.WithDetail("allowed", NextStates(from));
            return illegal;
        }
        if (move.to == ReferralStatus::kDeclined) {
            if (!move.decline_reason) return Status::Invalid("decline_reason", "say why the referral is declined");
            ONESTORY_RETURN_IF_ERROR(CheckText("decline_reason", *move.decline_reason, kMaxTextBytes));
        } else if (move.decline_reason) {
            return Status::Invalid("decline_reason", "only a declined referral has a decline reason");
        }
        if (move.complete_by) {
            if (move.to != ReferralStatus::kAccepted && move.to != ReferralStatus::kInService) {
                return Status::Invalid("complete_by", "is set when a referral is accepted or its service starts");
            }
            if (*move.complete_by < today) return Status::Invalid("complete_by", "must not be in the past");
        }
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));

        row.status = std::string(NameOf(move.to));
        if (move.to == ReferralStatus::kSent && !decision.consent_id.empty()) {
            row.consent_id = decision.consent_id;
            row.purpose = PurposeOf(context.consents, decision.consent_id);
        }
        if (move.to == ReferralStatus::kAccepted) {
            row.complete_by = FormatDate(move.complete_by.value_or(AddDays(today, kDaysToCompleteAfterAcceptance)));
        } else if (move.complete_by) {
            row.complete_by = FormatDate(*move.complete_by);
        }
        if (move.decline_reason) {
            row.decline_reason = sealer.Seal("referral.decline_reason", *move.decline_reason, row.id);
        }
        row.updated_at = ToMicros(now);
        row.version = found->version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto changed, store::UpdateReferral(tx, row));
        if (changed != 1) return StaleVersion("this referral");
        store::ReferralTransitionRow t;
        t.id = crypto::NewIdString("rt");
        t.referral_id = row.id;
        t.seq = row.version;
        t.case_id = row.case_id;
        t.survivor_id = row.survivor_id;
        t.from_status = std::string(NameOf(from));
        t.to_status = row.status;
        if (move.note) t.note = sealer.Seal("referral_transition.note", *move.note, t.id);
        t.by_staff = actor.id;
        t.by_agency = actor.agency_id;
        t.at = row.updated_at;
        ONESTORY_RETURN_IF_ERROR(store::InsertReferralTransition(tx, t));

        const bool sending = move.to == ReferralStatus::kSent;
        audit::AuditEvent event = CaseRecordEvent(actor, sending ? "referral.send" : "referral.transition", "referral",
                                                  row.id, records.kase());
        if (move.note) event.fields.emplace_back("note");
        if (move.decline_reason) event.fields.emplace_back("decline_reason");
        event.reason = decision.reason;
        event.purpose = row.purpose.value_or(std::string());
        event.detail = sending ? Detail(row) : "from=" + *t.from_status + " to=" + row.status;
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(auto facts, LoadFacts(tx, row, now));
        ONESTORY_ASSIGN_OR_RETURN(updated, ReferralFrom(facts, records.survivor.code_name, sealer));
        return Status::Ok();
    });
    if (refused) return Refused(ctx_, actor, *refused, "referral.transition", found->id, *found_case);
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

}  // namespace onestory::domain
