// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/interviews/interview_service.hpp"

#include <algorithm>
#include <map>

#include "common/strings.hpp"
#include "crypto/random.hpp"
#include "domain/access_facts.hpp"
#include "domain/sealer.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/venues/venue_service.hpp"
#include "domain/vocabulary.hpp"
#include "store/account_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/venue_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;
using policy::Actor;

constexpr std::size_t kMinReasonBytes = 10;
constexpr std::size_t kMaxTextBytes = 4000;

std::vector<policy::Topic> TopicsOf(const std::string& joined) {
    std::vector<policy::Topic> out;
    for (const auto& name : SplitList(joined)) {
        if (auto t = ParseEnum<policy::Topic>(name)) out.push_back(*t);
    }
    return out;
}

std::optional<Instant> InstantOrNull(const std::optional<std::int64_t>& micros) {
    if (!micros) return std::nullopt;
    return FromMicros(*micros);
}

std::optional<std::int64_t> MicrosOrNull(const std::optional<Instant>& t) {
    if (!t) return std::nullopt;
    return ToMicros(*t);
}

bool IsSha256Hex(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(),
                                            [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// The facts an interview is shown with, read in one transaction.
struct InterviewContext {
    std::optional<store::VenueRow> venue;
    std::string interviewer_name;
};

Result<InterviewContext> LoadInterviewContext(store::Transaction& tx, const store::InterviewRow& row) {
    InterviewContext out;
    if (row.venue_id) {
        ONESTORY_ASSIGN_OR_RETURN(out.venue, store::GetVenue(tx, *row.venue_id));
    }
    ONESTORY_ASSIGN_OR_RETURN(auto staff, store::GetStaff(tx, row.interviewer_id));
    if (staff) out.interviewer_name = staff->display_name;
    return out;
}

Result<Interview> InterviewFrom(const store::InterviewRow& r, const InterviewContext& context,
                                const SurvivorSealer& sealer, const Preferences& preferences,
                                std::int64_t survivor_interview_count) {
    Interview i;
    i.id = r.id;
    i.case_id = r.case_id;
    i.survivor_id = r.survivor_id;
    i.agency_id = r.agency_id;
    i.purpose = ParseEnum<policy::Purpose>(r.purpose).value_or(policy::Purpose::kAftercare);
    i.topics = TopicsOf(r.topics);
    i.reask_topics = TopicsOf(r.reask_topics);
    ONESTORY_ASSIGN_OR_RETURN(i.reask_reason, sealer.UnsealOptional("interview.reask_reason", r.reask_reason, r.id));
    i.scheduled_at = FromMicros(r.scheduled_at);
    if (context.venue) i.venue = VenueFrom(*context.venue);
    i.interviewer_id = r.interviewer_id;
    i.interviewer_name = context.interviewer_name;
    i.accommodations.support_person = r.acc_support_person;
    i.accommodations.children = ParseEnum<ChildrenArrangement>(r.acc_children).value_or(ChildrenArrangement::kNone);
    i.accommodations.interpreter_language = r.acc_interpreter_language;
    if (r.acc_interviewer_gender) {
        i.accommodations.interviewer_gender = ParseEnum<InterviewerGender>(*r.acc_interviewer_gender);
    }
    i.accommodations.breaks = r.acc_breaks;
    i.preferences = preferences;
    i.unmet_preferences = UnmetPreferences(preferences, i.accommodations);
    i.survivor_interview_count = survivor_interview_count;
    i.topics_shared_at = InstantOrNull(r.topics_shared_at);
    i.survivor_acknowledged = r.survivor_acknowledged;
    i.started_at = InstantOrNull(r.started_at);
    i.ended_at = InstantOrNull(r.ended_at);
    i.debriefed_at = InstantOrNull(r.debriefed_at);
    ONESTORY_ASSIGN_OR_RETURN(i.debrief_notes, sealer.UnsealOptional("interview.debrief_notes", r.debrief_notes, r.id));
    i.recording_sha256 = r.recording_sha256;
    i.created_by = r.created_by;
    i.created_at = FromMicros(r.created_at);
    i.updated_at = FromMicros(r.updated_at);
    i.version = r.version;
    return i;
}

// The protected fields an interview's answer reveals (for the audit event).
std::vector<std::string> RevealedFields(const store::InterviewRow& r, const Preferences& preferences) {
    std::vector<std::string> fields;
    if (r.reask_reason) fields.emplace_back("reask_reason");
    if (r.debrief_notes) fields.emplace_back("debrief_notes");
    for (auto& f : ProtectedPreferenceFields(preferences)) fields.push_back(std::move(f));
    return fields;
}

void MergeFields(std::vector<std::string>& into, std::vector<std::string> more) {
    for (auto& f : more) {
        if (std::find(into.begin(), into.end(), f) == into.end()) into.push_back(std::move(f));
    }
}

audit::AuditEvent InterviewEvent(const Actor& actor, std::string action, const store::InterviewRow& row) {
    audit::AuditEvent e = EventBy(actor, std::move(action), "success");
    e.resource_kind = "interview";
    e.resource_id = row.id;
    e.survivor_id = row.survivor_id;
    e.case_id = row.case_id;
    e.purpose = row.purpose;
    return e;
}

Status ValidatePatch(const store::InterviewRow& row) {
    if (row.ended_at && !row.started_at) return Status::Invalid("ended_at", "an interview ends after it started");
    if (row.ended_at && row.started_at && *row.ended_at < *row.started_at) {
        return Status::Invalid("ended_at", "must not be before started_at");
    }
    if (row.debriefed_at && !row.ended_at) return Status::Invalid("debriefed_at", "a debrief follows the interview");
    if (row.survivor_acknowledged && !row.topics_shared_at) {
        return Status::Invalid("survivor_acknowledged",
                               "the topics are shared with the survivor before they acknowledge");
    }
    if (row.debrief_notes && row.debrief_notes->empty()) return Status::Invalid("debrief_notes", "must not be empty");
    return Status::Ok();
}

}  // namespace

TopicCoverage CoverageOf(const std::vector<policy::Topic>& topics, const std::vector<store::CoveredPassage>& passages) {
    TopicCoverage out;
    for (const policy::Topic topic : topics) {
        TopicCoverage::Covered covered{topic, {}};
        for (const auto& p : passages) {
            if (p.topic == NameOf(topic)) covered.passage_ids.push_back(p.id);
        }
        if (covered.passage_ids.empty()) {
            out.fresh.push_back(topic);
        } else {
            out.covered.push_back(std::move(covered));
        }
    }
    return out;
}

std::vector<std::string> UnmetPreferences(const Preferences& p, const Accommodations& a) {
    std::vector<std::string> unmet;
    if (p.interviewer_gender && *p.interviewer_gender != InterviewerGender::kNoPreference &&
        a.interviewer_gender != p.interviewer_gender) {
        unmet.emplace_back("interviewer_gender");
    }
    if (p.interpreter_language && a.interpreter_language != p.interpreter_language) {
        unmet.emplace_back("interpreter_language");
    }
    if (p.support_person && !a.support_person) unmet.emplace_back("support_person");
    if (p.children && a.children != *p.children) unmet.emplace_back("children");
    if (p.breaks && !a.breaks) unmet.emplace_back("breaks");
    return unmet;
}

Result<Interview> InterviewService::Plan(const Actor& actor, std::string_view case_id, const NewInterview& plan) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    std::optional<store::StaffRow> interviewer;
    std::optional<store::VenueRow> venue;
    std::optional<store::PreferencesRow> prefs_row;
    std::vector<store::CoveredPassage> on_record;
    TrainingGateFacts gate;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(interviewer, store::GetStaff(tx, plan.interviewer_id));
        ONESTORY_ASSIGN_OR_RETURN(
            gate, LoadTrainingGate(tx, ctx_.settings.require_training_interviewer, plan.interviewer_id, DateOf(now)));
        if (plan.venue_id) {
            ONESTORY_ASSIGN_OR_RETURN(venue, store::GetVenue(tx, *plan.venue_id));
        }
        ONESTORY_ASSIGN_OR_RETURN(prefs_row, store::GetPreferences(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(on_record, store::ListCoveredPassages(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kPlanInterview, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "interview.plan", "case", kase.id, kase.survivor_id, kase.id);
    }
    if (!survivor) return Status::NotFound("no such survivor");
    if (!interviewer || !interviewer->active) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such staff member", "interviewer_id");
    }
    if (interviewer->agency_id != kase.agency_id) {
        return Status::Invalid("interviewer_id",
                               "the interviewer works for the agency that owns the case; other agencies receive "
                               "the statement by disclosure under the survivor's consent");
    }
    // Only a trained interviewer conducts an interview, when a setting says which training.
    const auto trained = policy::DecideTrainingGate("interviewer", gate.required, gate.valid_course_ids);
    if (!trained.allowed) {
        Status refused = Refuse(ctx_, actor, trained, "interview.plan", "case", kase.id, kase.survivor_id, kase.id);
        if (refused.code() == StatusCode::kPermissionDenied && gate.required) {
            refused.WithDetail("training", {gate.required->course_id, gate.required->course_title});
        }
        return refused;
    }
    if (plan.venue_id && !venue) {
        return Status(StatusCode::kInvalidArgument, "unknown_reference", "no such venue", "venue_id");
    }
    if (plan.accommodations.interpreter_language && !IsLanguageCode(*plan.accommodations.interpreter_language)) {
        return Status::Invalid("accommodations.interpreter_language", "must be an ISO 639-1 code such as sw");
    }

    // Tell once.
    const TopicCoverage coverage = CoverageOf(plan.topics, on_record);
    std::vector<policy::Topic> reask;
    for (const auto& c : coverage.covered) reask.push_back(c.topic);
    if (!reask.empty()) {
        if (!plan.reask_reason) {
            Status refused = Status::Conflict(
                "topics_already_covered",
                "the survivor has already given and confirmed an account of these topics; read it instead, or give "
                "a reason (reask_reason) for asking again");
            refused.WithDetail("covered", NamesOf(reask));
            return refused;
        }
        if (plan.reask_reason->size() < kMinReasonBytes || plan.reask_reason->size() > kMaxTextBytes) {
            return Status::Invalid("reask_reason",
                                   "explain in at least 10 characters why the topics must be asked again");
        }
    }

    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    Preferences preferences;
    if (prefs_row) {
        ONESTORY_ASSIGN_OR_RETURN(preferences, OpenPreferences(sealer, *prefs_row));
    }

    store::InterviewRow row;
    row.id = crypto::NewIdString("iv");
    row.case_id = kase.id;
    row.survivor_id = kase.survivor_id;
    row.agency_id = kase.agency_id;
    row.purpose = std::string(NameOf(plan.purpose));
    row.topics = JoinList(NamesOf(plan.topics));
    row.reask_topics = JoinList(NamesOf(reask));
    if (!reask.empty()) row.reask_reason = sealer.Seal("interview.reask_reason", *plan.reask_reason, row.id);
    row.scheduled_at = ToMicros(plan.scheduled_at);
    row.venue_id = plan.venue_id;
    row.interviewer_id = interviewer->id;
    row.acc_support_person = plan.accommodations.support_person;
    row.acc_children = std::string(NameOf(plan.accommodations.children));
    row.acc_interpreter_language = plan.accommodations.interpreter_language;
    if (plan.accommodations.interviewer_gender) {
        row.acc_interviewer_gender = std::string(NameOf(*plan.accommodations.interviewer_gender));
    }
    row.acc_breaks = plan.accommodations.breaks;
    row.created_by = actor.id;
    row.created_at = row.updated_at = ToMicros(now);
    row.version = 1;

    // A re-ask is audited as such: its own action, naming the topics asked again.
    audit::AuditEvent event = InterviewEvent(actor, reask.empty() ? "interview.plan" : "interview.reask", row);
    event.fields = RevealedFields(row, preferences);
    event.reason = decision.reason;
    event.detail = "topics=" + row.topics;
    if (!reask.empty()) event.detail += " reask=" + row.reask_topics;
    std::int64_t count = 0;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertInterview(tx, row));
        ONESTORY_ASSIGN_OR_RETURN(count, store::CountInterviewsOfSurvivor(tx, row.survivor_id));
        return ctx_.audit.Append(tx, event);
    }));
    return InterviewFrom(row, {venue, interviewer->display_name}, sealer, preferences, count);
}

Result<Interview> InterviewService::Get(const Actor& actor, std::string_view id) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::InterviewRow> row;
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    std::optional<store::PreferencesRow> prefs_row;
    InterviewContext context;
    std::int64_t count = 0;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetInterview(tx, id));
        if (!row) return Status::NotFound("no such interview");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, row->case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, row->survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(prefs_row, store::GetPreferences(tx, row->survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(context, LoadInterviewContext(tx, *row));
        ONESTORY_ASSIGN_OR_RETURN(count, store::CountInterviewsOfSurvivor(tx, row->survivor_id));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kReadInterview, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "interview.read", "interview", row->id, row->survivor_id, row->case_id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    Preferences preferences;
    if (prefs_row) {
        ONESTORY_ASSIGN_OR_RETURN(preferences, OpenPreferences(sealer, *prefs_row));
    }
    ONESTORY_ASSIGN_OR_RETURN(Interview out, InterviewFrom(*row, context, sealer, preferences, count));
    audit::AuditEvent event = InterviewEvent(actor, "interview.read", *row);
    event.fields = RevealedFields(*row, preferences);
    event.reason = decision.reason;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<store::Page<Interview>> InterviewService::List(const Actor& actor, std::string_view case_id,
                                                      const store::PageRequest& page) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::optional<store::SurvivorRow> survivor;
    std::optional<store::PreferencesRow> prefs_row;
    store::Page<store::InterviewRow> rows;
    std::vector<InterviewContext> contexts;
    std::int64_t count = 0;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(survivor, store::GetSurvivor(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(prefs_row, store::GetPreferences(tx, access->kase.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListInterviewsOfCase(tx, case_id, page));
        for (const auto& r : rows.items) {
            ONESTORY_ASSIGN_OR_RETURN(auto c, LoadInterviewContext(tx, r));
            contexts.push_back(std::move(c));
        }
        ONESTORY_ASSIGN_OR_RETURN(count, store::CountInterviewsOfSurvivor(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kListInterviews, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "interview.list", "case", kase.id, kase.survivor_id, kase.id);
    }
    ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                              SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));
    Preferences preferences;
    if (prefs_row) {
        ONESTORY_ASSIGN_OR_RETURN(preferences, OpenPreferences(sealer, *prefs_row));
    }
    store::Page<Interview> out;
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < rows.items.size(); ++i) {
        ONESTORY_ASSIGN_OR_RETURN(Interview interview,
                                  InterviewFrom(rows.items[i], contexts[i], sealer, preferences, count));
        MergeFields(fields, RevealedFields(rows.items[i], preferences));
        out.items.push_back(std::move(interview));
    }
    out.next = rows.next;
    audit::AuditEvent event = EventBy(actor, "interview.list", "success");
    event.resource_kind = "case";
    event.resource_id = kase.id;
    event.survivor_id = kase.survivor_id;
    event.case_id = kase.id;
    event.fields = fields;
    event.reason = decision.reason;
    event.detail = "interviews=" + std::to_string(out.items.size());
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

Result<Interview> InterviewService::Update(const Actor& actor, std::string_view id, std::int64_t expected_version,
                                           const InterviewPatch& patch) {
    const Instant now = ctx_.clock.Now();
    std::optional<Interview> updated;
    std::optional<policy::Decision> refused;
    std::optional<store::InterviewRow> found;
    const Status written = ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(found, store::GetInterview(tx, id));
        if (!found) return Status::NotFound("no such interview");
        ONESTORY_ASSIGN_OR_RETURN(auto access, LoadCaseAccess(tx, actor, found->case_id, now));
        const auto decision = policy::Decide(actor, Action::kUpdateInterview, access.resource, access.context);
        if (!decision.allowed) {
            refused = decision;
            return Status::Forbidden(decision.reason, decision.message);
        }
        store::InterviewRow row = *found;
        if (row.version != expected_version) return StaleVersion("this interview");
        ONESTORY_ASSIGN_OR_RETURN(auto survivor, store::GetSurvivor(tx, row.survivor_id));
        if (!survivor) return Status::NotFound("no such survivor");
        ONESTORY_ASSIGN_OR_RETURN(SurvivorSealer sealer,
                                  SurvivorSealer::Open(ctx_.keyring, survivor->id, survivor->data_key));

        std::vector<std::string> changed;
        auto apply_time = [&](std::optional<std::int64_t>& member, const FieldPatch<Instant>& value, const char* name) {
            if (!value) return;
            member = MicrosOrNull(*value);
            changed.emplace_back(name);
        };
        apply_time(row.topics_shared_at, patch.topics_shared_at, "topics_shared_at");
        if (patch.survivor_acknowledged) {
            row.survivor_acknowledged = *patch.survivor_acknowledged;
            changed.emplace_back("survivor_acknowledged");
        }
        apply_time(row.started_at, patch.started_at, "started_at");
        apply_time(row.ended_at, patch.ended_at, "ended_at");
        apply_time(row.debriefed_at, patch.debriefed_at, "debriefed_at");
        if (patch.debrief_notes) {
            if (*patch.debrief_notes && patch.debrief_notes->value().size() > kMaxTextBytes) {
                return Status::Invalid("debrief_notes", "is too long");
            }
            row.debrief_notes = sealer.SealOptional("interview.debrief_notes", *patch.debrief_notes, row.id);
            changed.emplace_back("debrief_notes");
        }
        if (patch.recording_sha256) {
            if (!IsSha256Hex(*patch.recording_sha256)) {
                return Status::Invalid("recording_sha256", "must be the SHA-256 of the recording, 64 lower-case hex");
            }
            if (row.recording_sha256 && *row.recording_sha256 != *patch.recording_sha256) {
                return Status::Conflict("recording_already_set",
                                        "the recording's fingerprint is kept as first recorded (chain of custody)");
            }
            if (!row.recording_sha256) {
                row.recording_sha256 = patch.recording_sha256;
                row.recording_set_by = actor.id;
                row.recording_set_at = ToMicros(now);
                changed.emplace_back("recording_sha256");
            }
        }
        ONESTORY_RETURN_IF_ERROR(ValidatePatch(row));
        row.updated_at = ToMicros(now);
        row.version = expected_version + 1;
        ONESTORY_ASSIGN_OR_RETURN(auto count, store::UpdateInterview(tx, row));
        if (count != 1) return StaleVersion("this interview");

        ONESTORY_ASSIGN_OR_RETURN(auto prefs, LoadPreferences(tx, sealer, row.survivor_id));
        ONESTORY_ASSIGN_OR_RETURN(auto context, LoadInterviewContext(tx, row));
        ONESTORY_ASSIGN_OR_RETURN(auto interviews, store::CountInterviewsOfSurvivor(tx, row.survivor_id));
        audit::AuditEvent event = InterviewEvent(actor, "interview.update", row);
        event.fields = changed;
        event.reason = decision.reason;
        event.detail = "version=" + std::to_string(row.version);
        ONESTORY_RETURN_IF_ERROR(ctx_.audit.Append(tx, event));
        ONESTORY_ASSIGN_OR_RETURN(updated, InterviewFrom(row, context, sealer, prefs, interviews));
        return Status::Ok();
    });
    if (refused) {
        return Refuse(ctx_, actor, *refused, "interview.update", "interview", found->id, found->survivor_id,
                      found->case_id);
    }
    ONESTORY_RETURN_IF_ERROR(written);
    return *updated;
}

Result<TopicCoverage> InterviewService::Coverage(const Actor& actor, std::string_view interview_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<store::InterviewRow> row;
    std::optional<CaseAccess> access;
    std::vector<store::CoveredPassage> on_record;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetInterview(tx, interview_id));
        if (!row) return Status::NotFound("no such interview");
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, row->case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(on_record, store::ListCoveredPassages(tx, row->survivor_id));
        return Status::Ok();
    }));
    const auto decision = policy::Decide(actor, Action::kReadInterview, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "interview.coverage", "interview", row->id, row->survivor_id,
                      row->case_id);
    }
    return CoverageOf(TopicsOf(row->topics), on_record);
}

Result<TopicCoverage> InterviewService::CaseCoverage(const Actor& actor, std::string_view case_id) {
    const Instant now = ctx_.clock.Now();
    std::optional<CaseAccess> access;
    std::vector<store::CoveredPassage> on_record;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(access, LoadCaseAccess(tx, actor, case_id, now));
        ONESTORY_ASSIGN_OR_RETURN(on_record, store::ListCoveredPassages(tx, access->kase.survivor_id));
        return Status::Ok();
    }));
    const auto& kase = access->kase;
    const auto decision = policy::Decide(actor, Action::kListInterviews, access->resource, access->context);
    if (!decision.allowed) {
        return Refuse(ctx_, actor, decision, "interview.coverage", "case", kase.id, kase.survivor_id, kase.id);
    }
    std::vector<policy::Topic> all;
    for (const auto& [topic, name] : EnumNames<policy::Topic>::kTable) all.push_back(topic);
    return CoverageOf(all, on_record);
}

}  // namespace onestory::domain
