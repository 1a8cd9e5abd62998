// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/survivor_export.hpp"

#include <map>

#include "common/strings.hpp"
#include "domain/access_facts.hpp"
#include "domain/access_log/access_log_text.hpp"
#include "domain/cases/trafficking_event_service.hpp"
#include "domain/exports/care_sections.hpp"
#include "domain/survivors/preferences.hpp"
#include "store/account_rows.hpp"
#include "store/alert_rows.hpp"
#include "store/break_glass_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/disclosure_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/passage_rows.hpp"
#include "store/preference_rows.hpp"
#include "store/trafficking_event_rows.hpp"

namespace onestory::domain {
namespace {

constexpr int kAuditPage = 1000;

Result<ExportValue> Opened(const ExportSubject& s, std::string_view field, const std::optional<std::string>& sealed,
                           std::string_view record_id = {}) {
    ONESTORY_ASSIGN_OR_RETURN(auto text, s.sealer.UnsealOptional(field, sealed, record_id));
    return OptionalText(text);
}

template <class E>
ExportValue EnumText(const std::optional<E>& v) {
    if (!v) return std::monostate{};
    return std::string(NameOf(*v));
}

Status Survivor(store::Transaction&, const ExportSubject& s, ExportSection& out) {
    const auto& r = s.survivor;
    ExportRecord rec;
    rec.Add("id", r.id).Add("code_name", r.code_name).Add("agency_id", r.agency_id);
    ONESTORY_ASSIGN_OR_RETURN(auto legal_name, s.sealer.Unseal("legal_name", r.legal_name));
    rec.Add("legal_name", legal_name);
    ONESTORY_ASSIGN_OR_RETURN(auto birth_date, Opened(s, "birth_date", r.birth_date));
    rec.Add("birth_date", birth_date);
    ONESTORY_ASSIGN_OR_RETURN(auto contact, Opened(s, "contact", r.contact));
    rec.Add("contact", contact);
    ONESTORY_ASSIGN_OR_RETURN(auto address, Opened(s, "address", r.address));
    rec.Add("address", address);
    rec.Add("gender", OptionalText(r.gender))
        .Add("languages", ListValue(r.languages))
        .Add("nationality", OptionalText(r.nationality))
        .Add("age_band", OptionalText(r.age_band))
        .Add("registered_by", r.registered_by)
        .Add("registered_at", InstantValue(r.created_at))
        .Add("updated_at", InstantValue(r.updated_at));
    out.records.push_back(std::move(rec));
    return Status::Ok();
}

Status PreferencesSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto row, store::GetPreferences(tx, s.survivor.id));
    if (!row) return Status::Ok();
    ONESTORY_ASSIGN_OR_RETURN(auto p, OpenPreferences(s.sealer, *row));
    ExportRecord rec;
    rec.Add("interviewer_gender", EnumText(p.interviewer_gender))
        .Add("interpreter_language", OptionalText(p.interpreter_language))
        .Add("support_person", OptionalText(p.support_person))
        .Add("children", EnumText(p.children))
        .Add("breaks", OptionalText(p.breaks))
        .Add("notes", OptionalText(p.notes))
        .Add("updated_at", InstantValue(row->updated_at));
    out.records.push_back(std::move(rec));
    return Status::Ok();
}

Status Cases(store::Transaction&, const ExportSubject& s, ExportSection& out) {
    for (const auto& c : s.cases) {
        ExportRecord rec;
        rec.Add("id", c.id)
            .Add("agency_id", c.agency_id)
            .Add("stage", c.stage)
            .Add("status", c.status)
            .Add("exploitation_types", ListValue(c.exploitation_types))
            .Add("opened_by", c.opened_by)
            .Add("opened_at", InstantValue(c.created_at))
            .Add("updated_at", InstantValue(c.updated_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

// Staff names by id, looked up once.
class StaffNames {
  public:
    explicit StaffNames(store::Transaction& tx) : tx_(tx) {}
    Result<std::string> Of(const std::string& id) {
        if (id.empty()) return std::string();
        if (auto found = names_.find(id); found != names_.end()) return found->second;
        ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx_, id));
        return names_[id] = staff ? staff->display_name : std::string();
    }

  private:
    store::Transaction& tx_;
    std::map<std::string, std::string> names_;
};

Status CaseTeam(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    StaffNames names(tx);
    for (const auto& c : s.cases) {
        ONESTORY_ASSIGN_OR_RETURN(auto team, store::ListTeam(tx, c.id));
        for (const auto& m : team) {
            ONESTORY_ASSIGN_OR_RETURN(auto name, names.Of(m.staff_id));
            ExportRecord rec;
            rec.Add("case_id", m.case_id)
                .Add("staff_id", m.staff_id)
                .Add("name", name)
                .Add("case_role", m.case_role)
                .Add("added_at", InstantValue(m.added_at));
            out.records.push_back(std::move(rec));
        }
    }
    return Status::Ok();
}

Status Consents(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListConsentsOfSurvivorRange(tx, s.survivor.id, s.survivor.id));
    for (const auto& c : rows) {
        ExportRecord rec;
        rec.Add("id", c.id)
            .Add("recipient_agency_id", c.recipient_agency_id)
            .Add("purpose", c.purpose)
            .Add("topics", ListValue(c.topics))
            .Add("categories", ListValue(c.categories))
            .Add("valid_from", InstantValue(c.valid_from))
            .Add("valid_until", InstantValue(c.valid_until))
            .Add("given_as", c.given_as);
        ONESTORY_ASSIGN_OR_RETURN(auto witness, Opened(s, "consent.witnessed_by", c.witnessed_by, c.id));
        rec.Add("witnessed_by", witness);
        rec.Add("consent_text_version", c.consent_text_version).Add("language", c.language);
        ONESTORY_ASSIGN_OR_RETURN(auto guardian, Opened(s, "consent.guardian", c.guardian, c.id));
        rec.Add("guardian", guardian);
        rec.Add("child_assent", c.child_assent ? ExportValue(*c.child_assent) : ExportValue(std::monostate{}))
            .Add("recorded_at", InstantValue(c.created_at))
            .Add("revoked_at", OptionalInstant(c.revoked_at));
        ONESTORY_ASSIGN_OR_RETURN(auto reason, Opened(s, "consent.revoke_reason", c.revoke_reason, c.id));
        rec.Add("revoke_reason", reason);
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status Interviews(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    StaffNames names(tx);
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListInterviewsOfSurvivor(tx, s.survivor.id));
    for (const auto& i : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto interviewer, names.Of(i.interviewer_id));
        ExportRecord rec;
        rec.Add("id", i.id)
            .Add("case_id", i.case_id)
            .Add("agency_id", i.agency_id)
            .Add("purpose", i.purpose)
            .Add("topics", ListValue(i.topics))
            .Add("asked_again", ListValue(i.reask_topics));
        ONESTORY_ASSIGN_OR_RETURN(auto reason, Opened(s, "interview.reask_reason", i.reask_reason, i.id));
        rec.Add("reason_for_asking_again", reason)
            .Add("scheduled_at", InstantValue(i.scheduled_at))
            .Add("venue_id", OptionalText(i.venue_id))
            .Add("interviewer", interviewer)
            .Add("support_person", i.acc_support_person)
            .Add("children", i.acc_children)
            .Add("interpreter_language", OptionalText(i.acc_interpreter_language))
            .Add("interviewer_gender", OptionalText(i.acc_interviewer_gender))
            .Add("breaks", i.acc_breaks)
            .Add("topics_shared_at", OptionalInstant(i.topics_shared_at))
            .Add("you_acknowledged", i.survivor_acknowledged)
            .Add("started_at", OptionalInstant(i.started_at))
            .Add("ended_at", OptionalInstant(i.ended_at))
            .Add("debriefed_at", OptionalInstant(i.debriefed_at));
        ONESTORY_ASSIGN_OR_RETURN(auto notes, Opened(s, "interview.debrief_notes", i.debrief_notes, i.id));
        rec.Add("debrief_notes", notes).Add("recording_sha256", OptionalText(i.recording_sha256));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status Statement(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListAllPassagesOfSurvivor(tx, s.survivor.id));
    for (const auto& p : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto text, s.sealer.Unseal("passage.text", p.text, p.id));
        ExportRecord rec;
        rec.Add("id", p.id)
            .Add("passage", p.chain_id)
            .Add("version", p.version)
            .Add("current", !p.superseded_by.has_value())
            .Add("case_id", p.case_id)
            .Add("interview_id", p.interview_id)
            .Add("topic", p.topic)
            .Add("sensitivity", p.sensitivity)
            .Add("text", text)
            .Add("your_review", p.review_status)
            .Add("reviewed_at", OptionalInstant(p.reviewed_at))
            .Add("written_at", InstantValue(p.created_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status Comments(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListPassageCommentsOfSurvivor(tx, s.survivor.id));
    for (const auto& c : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto text, s.sealer.Unseal("passage.comment", c.comment, c.id));
        ExportRecord rec;
        rec.Add("id", c.id)
            .Add("passage", c.chain_id)
            .Add("on_version", c.passage_id)
            .Add("comment", text)
            .Add("recorded_at", InstantValue(c.created_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status Disclosures(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListDisclosuresOfSurvivor(tx, s.survivor.id));
    for (const auto& d : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto passages, store::ListDisclosurePassages(tx, d.id));
        std::vector<std::string> ids, topics;
        for (const auto& p : passages) {
            ids.push_back(p.passage_id);
            if (std::find(topics.begin(), topics.end(), p.topic) == topics.end()) topics.push_back(p.topic);
        }
        ExportRecord rec;
        rec.Add("id", d.id)
            .Add("case_id", d.case_id)
            .Add("shared_with_agency_id", d.recipient_agency_id)
            .Add("purpose", d.purpose)
            .Add("consent_id", d.consent_id)
            .Add("categories", ListValue(d.categories))
            .Add("passages", ids)
            .Add("topics", topics)
            .Add("shared_at", InstantValue(d.created_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status EmergencyAccess(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    StaffNames names(tx);
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListBreakGlassOfSurvivor(tx, s.survivor.id));
    for (const auto& b : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto who, names.Of(b.staff_id));
        ONESTORY_ASSIGN_OR_RETURN(auto reason, s.sealer.Unseal("break_glass.reason", b.reason, b.id));
        ExportRecord rec;
        rec.Add("id", b.id)
            .Add("case_id", b.case_id)
            .Add("by", who)
            .Add("staff_id", b.staff_id)
            .Add("reason", reason)
            .Add("granted_at", InstantValue(b.granted_at))
            .Add("expired_at", InstantValue(b.expires_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status Alerts(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListAlertsOfSurvivor(tx, s.survivor.id));
    for (const auto& a : rows) {
        ExportRecord rec;
        rec.Add("id", a.id)
            .Add("kind", a.kind)
            .Add("case_id", OptionalText(a.case_id))
            .Add("status", a.status)
            .Add("due_at", OptionalInstant(a.due_at))
            .Add("raised_at", InstantValue(a.created_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status TraffickingEvents(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListTraffickingEventsOfSurvivor(tx, s.survivor.id));
    for (const auto& row : rows) {
        ONESTORY_ASSIGN_OR_RETURN(auto e, TraffickingEventFrom(row, s.sealer));
        ExportRecord rec;
        rec.Add("id", e.id)
            .Add("case_id", e.case_id)
            .Add("kind", std::string(NameOf(e.kind)))
            .Add("country", e.country)
            .Add("place", OptionalText(e.place))
            .Add("began_on", OptionalText(row.began_on))
            .Add("ended_on", OptionalText(row.ended_on))
            .Add("exploitation_types", NamesOf(e.exploitation_types))
            .Add("means_of_control", NamesOf(e.means_of_control))
            .Add("description", OptionalText(e.description))
            .Add("recorded_at", InstantValue(row.created_at));
        out.records.push_back(std::move(rec));
    }
    return Status::Ok();
}

Status AccessLog(store::Transaction& tx, const ExportSubject& s, ExportSection& out) {
    std::map<std::string, AccessLogActor> actors;
    std::map<std::string, std::string> agency_names;
    auto agency_name = [&](const std::string& id) -> Result<std::string> {
        if (id.empty()) return std::string();
        if (auto found = agency_names.find(id); found != agency_names.end()) return found->second;
        ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, id));
        return agency_names[id] = agency ? agency->name : std::string();
    };
    store::AuditFilter filter;
    filter.survivor_id = s.survivor.id;
    filter.limit = kAuditPage;
    std::vector<ExportRecord> newest_first;
    while (true) {
        ONESTORY_ASSIGN_OR_RETURN(auto events, s.audit.Read(tx, filter));
        for (const auto& stored : events) {
            const auto& e = stored.event;
            AccessLogActor who{e.actor_kind, e.actor_id, "", e.actor_agency_id, "", {}};
            if (e.actor_kind == "staff") {
                if (auto found = actors.find(e.actor_id); found != actors.end()) {
                    who = found->second;
                } else {
                    ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, e.actor_id));
                    if (staff) {
                        who.display_name = staff->display_name;
                        who.roles = SplitList(staff->roles);
                    }
                    ONESTORY_ASSIGN_OR_RETURN(who.agency_name, agency_name(e.actor_agency_id));
                    actors[e.actor_id] = who;
                }
            }
            ONESTORY_RETURN_IF_ERROR(agency_name(WhatOf(e).recipient_agency_id).status());
            ExportRecord rec;
            rec.Add("at", FormatInstant(stored.at))
                .Add("who", who.display_name.empty() ? who.kind : who.display_name)
                .Add("agency", who.agency_name)
                .Add("action", e.action)
                .Add("outcome", e.outcome)
                .Add("purpose", e.purpose.empty() ? ExportValue(std::monostate{}) : ExportValue(e.purpose))
                .Add("summary", DescribeAccess(e, who, agency_names));
            newest_first.push_back(std::move(rec));
        }
        if (static_cast<int>(events.size()) < kAuditPage) break;
        filter.before_seq = events.back().seq;
    }
    out.records.assign(std::make_move_iterator(newest_first.rbegin()), std::make_move_iterator(newest_first.rend()));
    return Status::Ok();
}

}  // namespace

ExportValue OptionalText(const std::optional<std::string>& v) {
    if (!v) return std::monostate{};
    return *v;
}

ExportValue OptionalInstant(const std::optional<std::int64_t>& micros) {
    if (!micros) return std::monostate{};
    return FormatInstant(FromMicros(*micros));
}

ExportValue InstantValue(std::int64_t micros) {
    return FormatInstant(FromMicros(micros));
}

ExportValue ListValue(const std::string& comma_joined) {
    return SplitList(comma_joined);
}

const std::vector<SurvivorExportSection>& SurvivorExportSections() {
    static const std::vector<SurvivorExportSection> sections{
        {"survivor", "Who you are, as recorded: your identity and how to reach you", {"survivors"}, Survivor},
        {"preferences", "What you asked for when you are interviewed", {"survivor_preferences"}, PreferencesSection},
        {"cases", "Your cases", {"cases"}, Cases},
        {"case_team", "Who is on your case teams", {"case_team"}, CaseTeam},
        {"consents", "The consents you gave and withdrew", {"consents"}, Consents},
        {"interviews", "Your interviews: planned, held and debriefed", {"interviews"}, Interviews},
        {"statement", "Your statement, every version of every passage", {"passages"}, Statement},
        {"statement_comments", "Your comments on your statement", {"passage_comments"}, Comments},
        {"disclosures", "What was shared, with whom and why", {"disclosures", "disclosure_passages"}, Disclosures},
        {"emergency_access", "Emergency access to your case, with the reason given", {"break_glass"}, EmergencyAccess},
        {"alerts", "Alerts about your case", {"alerts"}, Alerts},
        {"trafficking_events", "What happened, where and when, as recorded", {"trafficking_events"}, TraffickingEvents},
        {"referrals",
         "Where you were referred, why, and every step since",
         {"referrals", "referral_transitions"},
         ReferralsSection},
        {"commitments", "What was promised to you and what became of it", {"commitments"}, CommitmentsSection},
        {"safety_plans", "Your safety plans", {"safety_plans"}, SafetyPlansSection},
        {"hearings", "Court hearings of your cases, and the support asked for", {"hearings"}, HearingsSection},
        {"case_reviews",
         "Reviews of your cases and what they decided",
         {"case_reviews", "review_decisions"},
         CaseReviewsSection},
        {"incidents", "Harm recorded as having happened to you", {"incidents"}, IncidentsSection},
        {"assessments",
         "How you were doing, as assessed over time",
         {"assessments", "assessment_scores"},
         AssessmentsSection},
        {"access_log", "Everyone who accessed your record, oldest first", {"audit_events"}, AccessLog},
    };
    return sections;
}

const std::vector<std::pair<std::string, std::string>>& SurvivorExportExclusions() {
    static const std::vector<std::pair<std::string, std::string>> exclusions{
        {"portal_accounts", "holds only a blind index of the portal username and a passphrase hash: nothing readable"},
        {"portal_invites", "one-time portal codes, stored only as hashes, with who issued them and when"},
        {"erasures", "a request to erase the record: ids and a reason code, kept after the record is gone"},
    };
    return exclusions;
}

Result<SurvivorExport> SurvivorExportService::Export(const policy::Actor& actor, std::string_view survivor_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<SurvivorAccess> access;
    std::vector<store::CaseRow> cases;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadSurvivorAccess(tx, actor, survivor_id, now));
        return Status::Ok();
    }));
    // Staff take the copy as the case team; a survivor takes their own through the portal.
    const policy::Action action =
        actor.kind == policy::Actor::Kind::kSurvivor ? policy::Action::kPortalRead : policy::Action::kExportSurvivor;
    const auto decision = policy::Decide(actor, action, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "survivor.export", "survivor", std::string(survivor_id),
                      std::string(survivor_id));
    }
    const auto& survivor = access->survivor;
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor.id, survivor.data_key));

    // Audited (and committed) before anything is opened or returned.
    audit::AuditEvent event = EventBy(actor, "survivor.export", "success");
    event.resource_kind = "survivor";
    event.resource_id = survivor.id;
    event.survivor_id = survivor.id;
    event.reason = decision.reason;
    std::vector<std::string> names;
    for (const auto& s : SurvivorExportSections()) names.push_back(s.name);
    event.fields = names;
    event.detail = "sections=" + std::to_string(names.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); }));

    SurvivorExport out;
    out.survivor_id = survivor.id;
    out.generated_at = now;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(cases, store::ListCasesOfSurvivor(tx, survivor.id));
        const ExportSubject subject{survivor, cases, sealer, ctx_.audit};
        for (const auto& section : SurvivorExportSections()) {
            ExportSection filled{section.name, section.description, {}};
            ONESTORY_RETURN_IF_ERROR(section.read(tx, subject, filled));
            out.sections.push_back(std::move(filled));
        }
        return Status::Ok();
    }));
    return out;
}

}  // namespace onestory::domain
