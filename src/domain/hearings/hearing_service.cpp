// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/hearings/hearing_service.hpp"

#include <algorithm>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/care_records.hpp"
#include "domain/consents/consent_service.hpp"
#include "store/hearing_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMaxCourtBytes = 300;
constexpr std::size_t kMaxChargeBytes = 500;
constexpr std::size_t kMaxNotesBytes = 4000;

template <class E>
std::vector<E> ParseList(std::string_view joined) {
    std::vector<E> out;
    for (const auto& name : SplitList(joined)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

std::vector<std::string> Lines(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        out.emplace_back(text.substr(0, nl));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

bool NoticeDue(const store::HearingRow& h, Instant now) {
    return !h.survivor_notified_at && !h.outcome &&
           h.scheduled_at < ToMicros(now + std::chrono::duration_cast<std::chrono::microseconds>(kHearingNoticeWindow));
}

Result<Hearing> HearingFrom(const store::HearingRow& r, const SurvivorSealer& sealer, Instant now) {
    Hearing h;
    h.id = r.id;
    h.case_id = r.case_id;
    h.survivor_id = r.survivor_id;
    h.court = r.court;
    h.scheduled_at = FromMicros(r.scheduled_at);
    h.kind = ParseEnum<HearingKind>(r.kind).value_or(HearingKind::kOther);
    h.charges = Lines(r.charges);
    h.accommodations_requested = ParseList<CourtAccommodation>(r.accommodations_requested);
    h.accommodations_granted = ParseList<CourtAccommodation>(r.accommodations_granted);
    if (r.survivor_notified_at) h.survivor_notified_at = FromMicros(*r.survivor_notified_at);
    h.notified_by = r.notified_by;
    if (r.outcome) h.outcome = ParseEnum<HearingOutcome>(*r.outcome);
    ONESTORY_ASSIGN_OR_RETURN(h.notes, sealer.UnsealOptional("hearing.notes", r.notes, r.id));
    h.notice_due = NoticeDue(r, now);
    h.created_by = r.created_by;
    h.created_agency_id = r.created_agency_id;
    h.created_at = FromMicros(r.created_at);
    h.updated_at = FromMicros(r.updated_at);
    h.version = r.version;
    return h;
}

Status CheckCharges(const std::vector<std::string>& charges) {
    for (std::size_t i = 0; i < charges.size(); ++i) {
        const std::string field = "charges[" + std::to_string(i) + "]";
        ONESTORY_RETURN_IF_ERROR(CheckText(field, charges[i], kMaxChargeBytes));
        if (charges[i].find_first_of("\r\n") != std::string::npos) return Status::Invalid(field, "must be one line");
    }
    return Status::Ok();
}

// The rules a hearing keeps after every change.
Status CheckRow(store::Transaction& tx, const store::HearingRow& h, Instant now) {
    ONESTORY_RETURN_IF_ERROR(CheckText("court", h.court, kMaxCourtBytes));
    if (h.survivor_notified_at.has_value() != h.notified_by.has_value()) {
        return Status::Invalid(h.survivor_notified_at ? "notified_by" : "survivor_notified_at",
                               "say both when the survivor was told and who told them");
    }
    if (h.survivor_notified_at && *h.survivor_notified_at > ToMicros(now)) {
        return Status::Invalid("survivor_notified_at", "must not be in the future");
    }
    if (h.notified_by) ONESTORY_RETURN_IF_ERROR(ActiveStaff(tx, *h.notified_by, "notified_by").status());
    return Status::Ok();
}

// The case's facts, with the survivor's consents to the actor's agency when it is another.
Result<CaseRecords> LoadHearingRecords(store::Transaction& tx, const Actor& actor, std::string_view case_id,
                                       Instant now) {
    ONESTORY_ASSIGN_OR_RETURN(CaseRecords records, LoadCaseRecords(tx, actor, case_id, now));
    if (actor.agency_id != records.kase().agency_id) {
        ONESTORY_ASSIGN_OR_RETURN(records.access.context.consents,
                                  LoadConsentFacts(tx, records.kase().survivor_id, actor.agency_id, now));
    }
    return records;
}

std::string Detail(const store::HearingRow& h) {
    return "kind=" + h.kind + " scheduled=" + FormatInstant(FromMicros(h.scheduled_at)) +
           " notified=" + (h.survivor_notified_at ? "yes" : "no") + " version=" + std::to_string(h.version);
}

}  // namespace

Result<Hearing> HearingService::Create(const Actor& actor, std::string_view case_id, const NewHearing& hearing) {
    const Instant now = ctx_.clock.Now();
    if (hearing.notes) ONESTORY_RETURN_IF_ERROR(CheckText("notes", *hearing.notes, kMaxNotesBytes));
    ONESTORY_RETURN_IF_ERROR(CheckCharges(hearing.charges));
    std::optional<Hearing> created;
    std::optional<policy::Decision> refused;
    std::optional<store::CaseRow> found_case;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadHearingRecords(tx, actor, case_id, now));
        found_case = records.kase();
        const auto decision =
            policy::Decide(actor, Action::kCreateHearing, records.access.resource, records.access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));
        const auto& kase = records.kase();
        store::HearingRow row;
        row.id = crypto::NewIdString("hr");
        row.case_id = kase.id;
        row.survivor_id = kase.survivor_id;
        row.agency_id = kase.agency_id;
        row.court = hearing.court;
        row.scheduled_at = ToMicros(hearing.scheduled_at);
        row.kind = std::string(NameOf(hearing.kind));
        row.charges = JoinLines(hearing.charges);
        row.accommodations_requested = JoinList(NamesOf(hearing.accommodations_requested));
        row.accommodations_granted = JoinList(NamesOf(hearing.accommodations_granted));
        if (hearing.survivor_notified_at) row.survivor_notified_at = ToMicros(*hearing.survivor_notified_at);
        row.notified_by = hearing.notified_by;
        if (hearing.outcome) row.outcome = std::string(NameOf(*hearing.outcome));
        row.notes = sealer.SealOptional("hearing.notes", hearing.notes, row.id);
        row.created_by = actor.id;
        row.created_agency_id = actor.agency_id;
        row.created_at = row.updated_at = ToMicros(now);
        ONESTORY_RETURN_IF_ERROR(CheckRow(tx, row, now));
        ONESTORY_RETURN_IF_ERROR(store::InsertHearing(tx, row));
        audit::AuditEvent event = CaseRecordEvent(actor, "hearing.create", "hearing", row.id, kase);
        if (row.notes) event.fields = {"notes"};
        event.reason = decision.reason;
        event.detail = Detail(row);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(created, HearingFrom(row, sealer, now));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "hearing.create", "case", found_case->id, found_case->survivor_id,
                      found_case->id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *created;
}

Result<Hearing> HearingService::Get(const Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::HearingRow> row;
    std::optional<CaseRecords> records;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetHearing(tx, id));
        if (!row) return Status::NotFound("no such hearing");
        ONESTORY_ASSIGN_OR_RETURN(records, LoadHearingRecords(tx, actor, row->case_id, now));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListHearings, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "hearing.read", "hearing", row->id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    ONESTORY_ASSIGN_OR_RETURN(Hearing out, HearingFrom(*row, sealer, now));
    audit::AuditEvent event = CaseRecordEvent(actor, "hearing.read", "hearing", row->id, kase);
    if (row->notes) event.fields = {"notes"};
    event.reason = decision.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<store::Page<Hearing>> HearingService::List(const Actor& actor, std::string_view case_id,
                                                  const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseRecords> records;
    store::Page<store::HearingRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(records, LoadHearingRecords(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListHearingsOfCase(tx, case_id, page));
        return Status::Ok();
    }));
    const auto& kase = records->kase();
    const auto decision =
        policy::Decide(actor, Action::kListHearings, records->access.resource, records->access.context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "hearing.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records->survivor));
    store::Page<Hearing> out;
    out.next = rows.next;
    bool notes = false;
    for (const auto& r : rows.items) {
        ONESTORY_ASSIGN_OR_RETURN(Hearing h, HearingFrom(r, sealer, now));
        notes = notes || r.notes.has_value();
        out.items.push_back(std::move(h));
    }
    audit::AuditEvent event = CaseRecordEvent(actor, "hearing.list", "case", kase.id, kase);
    if (notes) event.fields = {"notes"};
    event.reason = decision.reason;
    event.detail = "hearings=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<Hearing> HearingService::Update(const Actor& actor, std::string_view id, std::int64_t expected_version,
                                       const HearingPatch& patch) {
    const Instant now = ctx_.clock.Now();
    if (patch.notes && *patch.notes) ONESTORY_RETURN_IF_ERROR(CheckText("notes", **patch.notes, kMaxNotesBytes));
    if (patch.charges) ONESTORY_RETURN_IF_ERROR(CheckCharges(*patch.charges));
    std::optional<Hearing> updated;
    std::optional<policy::Decision> refused;
    std::optional<store::HearingRow> found;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        refused.reset();
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetHearing(tx, id));
        if (!found) return Status::NotFound("no such hearing");
        ONESTORY_ASSIGN_OR_RETURN(auto records, LoadHearingRecords(tx, actor, found->case_id, now));
        const auto decision =
            policy::Decide(actor, Action::kUpdateHearing, records.access.resource, records.access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        store::HearingRow row = *found;
        if (row.version != expected_version) return StaleVersion("this hearing");
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer, SealerOf(ctx_, records.survivor));
        std::vector<std::string> changed;
        const auto mark = [&](const char* name) { changed.emplace_back(name); };
        if (patch.court) {
            row.court = *patch.court;
            mark("court");
        }
        if (patch.scheduled_at) {
            row.scheduled_at = ToMicros(*patch.scheduled_at);
            mark("scheduled_at");
        }
        if (patch.kind) {
            row.kind = std::string(NameOf(*patch.kind));
            mark("kind");
        }
        if (patch.charges) {
            row.charges = JoinLines(*patch.charges);
            mark("charges");
        }
        if (patch.accommodations_requested) {
            row.accommodations_requested = JoinList(NamesOf(*patch.accommodations_requested));
            mark("accommodations_requested");
        }
        if (patch.accommodations_granted) {
            row.accommodations_granted = JoinList(NamesOf(*patch.accommodations_granted));
            mark("accommodations_granted");
        }
        if (patch.survivor_notified_at) {
            row.survivor_notified_at.reset();
            if (*patch.survivor_notified_at) row.survivor_notified_at = ToMicros(**patch.survivor_notified_at);
            mark("survivor_notified_at");
        }
        if (patch.notified_by) {
            row.notified_by = *patch.notified_by;
            mark("notified_by");
        }
        if (patch.outcome) {
            row.outcome.reset();
            if (*patch.outcome) row.outcome = std::string(NameOf(**patch.outcome));
            mark("outcome");
        }
        if (patch.notes) {
            row.notes = sealer.SealOptional("hearing.notes", *patch.notes, row.id);
            mark("notes");
        }
        ONESTORY_RETURN_IF_ERROR(CheckRow(tx, row, now));
        row.updated_at = ToMicros(now);
        row.version = expected_version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateHearing(tx, row));
        if (count != 1) return StaleVersion("this hearing");
        audit::AuditEvent event = CaseRecordEvent(actor, "hearing.update", "hearing", row.id, records.kase());
        event.fields = changed;
        event.reason = decision.reason;
        event.detail = Detail(row);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(updated, HearingFrom(row, sealer, now));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "hearing.update", "hearing", found->id, found->survivor_id,
                      found->case_id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

}  // namespace onestory::domain
