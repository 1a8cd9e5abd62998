// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/care_mapping.hpp"

#include <algorithm>

#include "api/json_access.hpp"
#include "api/tell_once_mapping.hpp"
#include "common/strings.hpp"

namespace onestory::domain {
namespace json = boost::json;

namespace {

json::value OptionalInstant(const std::optional<Instant>& t) {
    if (!t) return nullptr;
    return json::value(FormatInstant(*t));
}

json::value OptionalDate(const std::optional<Date>& d) {
    if (!d) return nullptr;
    return json::value(FormatDate(*d));
}

template <class E>
json::value OptionalEnum(const std::optional<E>& v) {
    if (!v) return nullptr;
    return json::value(NameOf(*v));
}

json::value OptionalInt(const std::optional<int>& v) {
    if (!v) return nullptr;
    return json::value(*v);
}

json::object DomainScoresJson(const std::vector<DomainScore>& scores) {
    json::object out;
    for (const auto& s : scores) out[s.domain] = s.score;
    return out;
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const Provider& p) {
    jv = json::object{{"id", p.id},
                      {"name", p.name},
                      {"agency_id", api::OptionalString(p.agency_id)},
                      {"service_types", api::EnumArray(p.service_types)},
                      {"languages", api::ToJsonArray(p.languages)},
                      {"ages_served", json::object{{"min", OptionalInt(p.age_min)}, {"max", OptionalInt(p.age_max)}}},
                      {"genders_served", api::EnumArray(p.genders_served)},
                      {"capacity", OptionalInt(p.capacity)},
                      {"location_area", api::OptionalString(p.location_area)},
                      {"contact", api::OptionalString(p.contact)},
                      {"created_by", p.created_by},
                      {"created_at", FormatInstant(p.created_at)},
                      {"version", p.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Referral& r) {
    json::array transitions;
    for (const auto& t : r.transitions) {
        transitions.push_back(json::object{{"from", OptionalEnum(t.from)},
                                           {"to", NameOf(t.to)},
                                           {"note", api::OptionalString(t.note)},
                                           {"by_staff", t.by_staff},
                                           {"by_agency", t.by_agency},
                                           {"at", FormatInstant(t.at)}});
    }
    json::object o{{"id", r.id},
                   {"case_id", r.case_id},
                   {"survivor_id", r.survivor_id},
                   {"survivor_code_name", r.survivor_code_name},
                   {"agency_id", r.agency_id},
                   {"provider_id", r.provider_id},
                   {"provider_name", r.provider_name},
                   {"recipient_agency_id", api::OptionalString(r.recipient_agency_id)},
                   {"service_type", NameOf(r.service_type)},
                   {"reason", r.reason},
                   {"share_categories", api::EnumArray(r.share_categories)},
                   {"purpose", OptionalEnum(r.purpose)},
                   {"consent_id", api::OptionalString(r.consent_id)},
                   {"consent_status", OptionalEnum(r.consent_status)},
                   {"follow_up_by", FormatDate(r.follow_up_by)},
                   {"complete_by", OptionalDate(r.complete_by)},
                   {"status", NameOf(r.status)},
                   {"decline_reason", api::OptionalString(r.decline_reason)},
                   {"transitions", std::move(transitions)},
                   {"created_by", r.created_by},
                   {"created_at", FormatInstant(r.created_at)},
                   {"updated_at", FormatInstant(r.updated_at)},
                   {"version", r.version}};
    if (r.shared) o["shared"] = json::value_from(*r.shared);
    jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Commitment& c) {
    jv = json::object{{"id", c.id},
                      {"case_id", c.case_id},
                      {"survivor_id", c.survivor_id},
                      {"to_survivor", c.to_survivor},
                      {"review_id", api::OptionalString(c.review_id)},
                      {"what", c.what},
                      {"owner_id", c.owner_id},
                      {"owner_name", c.owner_name},
                      {"due", FormatDate(c.due)},
                      {"status", NameOf(c.status)},
                      {"note", api::OptionalString(c.note)},
                      {"survivor_told", api::OptionalString(c.survivor_told)},
                      {"resolved_at", OptionalInstant(c.resolved_at)},
                      {"kept_on_time", c.kept_on_time ? json::value(*c.kept_on_time) : json::value(nullptr)},
                      {"overdue", c.overdue},
                      {"created_by", c.created_by},
                      {"created_at", FormatInstant(c.created_at)},
                      {"updated_at", FormatInstant(c.updated_at)},
                      {"version", c.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const CommitmentSummary& s) {
    jv = json::object{
        {"total", s.total},
        {"open", s.open},
        {"overdue", s.overdue},
        {"kept", s.kept},
        {"kept_on_time", s.kept_on_time},
        {"changed", s.changed},
        {"missed", s.missed},
        {"due", s.due},
        {"kept_on_time_share", s.kept_on_time_share ? json::value(*s.kept_on_time_share) : json::value(nullptr)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const SafetyPlan& p) {
    json::array items;
    for (const auto& item : p.items) items.push_back(json::object{{"kind", NameOf(item.kind)}, {"text", item.text}});
    jv = json::object{{"case_id", p.case_id},
                      {"survivor_id", p.survivor_id},
                      {"risk_level", NameOf(p.risk_level)},
                      {"items", std::move(items)},
                      {"review_by", FormatDate(p.review_by)},
                      {"review_overdue", p.review_overdue},
                      {"created_by", p.created_by},
                      {"created_at", FormatInstant(p.created_at)},
                      {"updated_by", p.updated_by},
                      {"updated_at", FormatInstant(p.updated_at)},
                      {"version", p.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Hearing& h) {
    jv = json::object{{"id", h.id},
                      {"case_id", h.case_id},
                      {"survivor_id", h.survivor_id},
                      {"court", h.court},
                      {"scheduled_at", FormatInstant(h.scheduled_at)},
                      {"kind", NameOf(h.kind)},
                      {"charges", api::ToJsonArray(h.charges)},
                      {"accommodations_requested", api::EnumArray(h.accommodations_requested)},
                      {"accommodations_granted", api::EnumArray(h.accommodations_granted)},
                      {"survivor_notified_at", OptionalInstant(h.survivor_notified_at)},
                      {"notified_by", api::OptionalString(h.notified_by)},
                      {"outcome", OptionalEnum(h.outcome)},
                      {"notes", api::OptionalString(h.notes)},
                      {"notice_due", h.notice_due},
                      {"created_by", h.created_by},
                      {"created_agency_id", h.created_agency_id},
                      {"created_at", FormatInstant(h.created_at)},
                      {"updated_at", FormatInstant(h.updated_at)},
                      {"version", h.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const CaseReview& r) {
    json::array decisions;
    for (const auto& d : r.decisions) {
        decisions.push_back(json::object{{"text", d.text},
                                         {"owner_id", api::OptionalString(d.owner_id)},
                                         {"due", OptionalDate(d.due)},
                                         {"commitment_id", api::OptionalString(d.commitment_id)}});
    }
    jv = json::object{{"id", r.id},
                      {"case_id", r.case_id},
                      {"survivor_id", r.survivor_id},
                      {"held_at", FormatInstant(r.held_at)},
                      {"attendees", api::ToJsonArray(r.attendees)},
                      {"agencies", api::ToJsonArray(r.agencies)},
                      {"decisions", std::move(decisions)},
                      {"created_by", r.created_by},
                      {"created_at", FormatInstant(r.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Incident& i) {
    const auto& a = i.answers;
    jv = json::object{{"id", i.id},
                      {"case_id", i.case_id},
                      {"survivor_id", i.survivor_id},
                      {"occurred_on", FormatDate(i.occurred_on)},
                      {"penetration", a.penetration},
                      {"unwanted_sexual_contact", a.unwanted_sexual_contact},
                      {"physical_assault", a.physical_assault},
                      {"forced_marriage", a.forced_marriage},
                      {"denial_of_resources", a.denial_of_resources},
                      {"psychological_abuse", a.psychological_abuse},
                      {"gbv_type", NameOf(i.gbv_type)},
                      {"description", api::OptionalString(i.description)},
                      {"created_by", i.created_by},
                      {"created_at", FormatInstant(i.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Assessment& a) {
    json::object scores;
    for (const auto& [domain, subs] : a.scores) {
        json::object sub;
        for (const auto& [name, score] : subs) sub[name] = score;
        scores[domain] = std::move(sub);
    }
    jv = json::object{{"id", a.id},
                      {"case_id", a.case_id},
                      {"survivor_id", a.survivor_id},
                      {"assessed_on", FormatDate(a.assessed_on)},
                      {"kind", NameOf(a.kind)},
                      {"instrument", a.instrument},
                      {"scores", std::move(scores)},
                      {"domain_scores", DomainScoresJson(a.domain_scores)},
                      {"restored", a.restored},
                      {"notes", api::OptionalString(a.notes)},
                      {"created_by", a.created_by},
                      {"created_at", FormatInstant(a.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const AssessmentDue& d) {
    jv = json::object{{"kind", NameOf(d.kind)}, {"due", FormatDate(d.due)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const TimelineEntry& e) {
    jv = json::object{{"at", FormatInstant(e.at)}, {"kind", e.kind},       {"id", e.id},
                      {"record_id", e.record_id},  {"summary", e.summary}, {"status", api::OptionalString(e.status)}};
}

}  // namespace onestory::domain

namespace onestory::api {
namespace json = boost::json;

namespace {

// A member name that may be echoed in an error's field.
bool IsPrintableKey(std::string_view key) {
    return !key.empty() && key.size() <= 64 && IsValidUtf8(key);
}

Schema DomainScoresSchema() {
    std::vector<Schema::Property> props;
    for (const auto d : domain::kAssessmentDomains) {
        props.push_back(Optional(std::string(d), Schema::Number().Describe("the mean of the domain's sub-domains")));
    }
    return Schema::Object(std::move(props));
}

}  // namespace

Schema ProviderSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("name", Schema::String()),
         Required("agency_id", Schema::String().Nullable().Describe("the onestory agency it belongs to, if any")),
         Required("service_types", Schema::Array(Schema::EnumOf<domain::ServiceType>())),
         Required("languages", Schema::Array(Schema::String())),
         Required("ages_served", Schema::Object({Required("min", Schema::Integer().Nullable()),
                                                 Required("max", Schema::Integer().Nullable())})),
         Required("genders_served", Schema::Array(Schema::EnumOf<domain::Gender>()).Describe("empty: everyone")),
         Required("capacity", Schema::Integer().Nullable()), Required("location_area", Schema::String().Nullable()),
         Required("contact", Schema::String().Nullable()), Required("created_by", Schema::String()),
         Required("created_at", Schema::DateTime()), Required("version", Schema::Integer())});
}

Schema ReferralSchema() {
    const Schema transition = Schema::Object(
        {Required("from", Schema::EnumOf<domain::ReferralStatus>().Nullable()),
         Required("to", Schema::EnumOf<domain::ReferralStatus>()),
         Required("note", Schema::String().Nullable().Describe("protected")), Required("by_staff", Schema::String()),
         Required("by_agency", Schema::String()), Required("at", Schema::DateTime())});
    return Schema::Object(
               {Required("id", Schema::String()),
                Required("case_id", Schema::String()),
                Required("survivor_id", Schema::String()),
                Required("survivor_code_name", Schema::String()),
                Required("agency_id", Schema::String().Describe("the referring agency (owns the case)")),
                Required("provider_id", Schema::String()),
                Required("provider_name", Schema::String()),
                Required("recipient_agency_id", Schema::String().Nullable().Describe("the provider's agency")),
                Required("service_type", Schema::EnumOf<domain::ServiceType>()),
                Required("reason", Schema::String().Describe("protected; written for the provider")),
                Required("share_categories", Schema::Array(Schema::EnumOf<policy::RecordCategory>())),
                Required("purpose", Schema::EnumOf<policy::Purpose>().Nullable()),
                Required("consent_id", Schema::String().Nullable()),
                Required("consent_status", Schema::EnumOf<policy::ConsentState>().Nullable()),
                Required("follow_up_by", Schema::Date()),
                Required("complete_by", Schema::Date().Nullable()),
                Required("status", Schema::EnumOf<domain::ReferralStatus>()),
                Required("decline_reason", Schema::String().Nullable().Describe("protected")),
                Required("transitions", Schema::Array(transition)),
                Required("created_by", Schema::String()),
                Required("created_at", Schema::DateTime()),
                Required("updated_at", Schema::DateTime()),
                Required("version", Schema::Integer()),
                Optional("shared", Schema::Object({Required("code_name", Schema::String())})
                                       .Open()
                                       .Describe("to the receiving agency while the consent stands: the shared "
                                                 "categories of the survivor's record"))})
        .Open();
}

Schema CommitmentSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()),
         Required("survivor_id", Schema::String()),
         Required("to_survivor", Schema::Boolean().Describe("false: a team commitment from a case review")),
         Required("review_id", Schema::String().Nullable()), Required("what", Schema::String().Describe("protected")),
         Required("owner_id", Schema::String()), Required("owner_name", Schema::String()),
         Required("due", Schema::Date()), Required("status", Schema::EnumOf<domain::CommitmentStatus>()),
         Required("note", Schema::String().Nullable().Describe("protected")),
         Required("survivor_told", Schema::String().Nullable().Describe("protected: how the survivor was told")),
         Required("resolved_at", Schema::DateTime().Nullable()), Required("kept_on_time", Schema::Boolean().Nullable()),
         Required("overdue", Schema::Boolean()), Required("created_by", Schema::String()),
         Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
         Required("version", Schema::Integer())});
}

Schema CommitmentSummarySchema() {
    return Schema::Object({Required("total", Schema::Integer()), Required("open", Schema::Integer()),
                           Required("overdue", Schema::Integer()), Required("kept", Schema::Integer()),
                           Required("kept_on_time", Schema::Integer()), Required("changed", Schema::Integer()),
                           Required("missed", Schema::Integer()),
                           Required("due", Schema::Integer().Describe("resolved, or past their due date")),
                           Required("kept_on_time_share", Schema::Number().Nullable().Describe(
                                                              "kept_on_time / due; null while nothing is due"))})
        .Describe("promises made to the survivor");
}

Schema SafetyPlanSchema() {
    return Schema::Object(
        {Required("case_id", Schema::String()), Required("survivor_id", Schema::String()),
         Required("risk_level", Schema::EnumOf<domain::RiskLevel>()),
         Required("items", Schema::Array(Schema::Object({Required("kind", Schema::EnumOf<domain::SafetyItemKind>()),
                                                         Required("text", Schema::String().Describe("protected"))}))),
         Required("review_by", Schema::Date()), Required("review_overdue", Schema::Boolean()),
         Required("created_by", Schema::String()), Required("created_at", Schema::DateTime()),
         Required("updated_by", Schema::String()), Required("updated_at", Schema::DateTime()),
         Required("version", Schema::Integer())});
}

Schema HearingSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()),
         Required("survivor_id", Schema::String()), Required("court", Schema::String()),
         Required("scheduled_at", Schema::DateTime()), Required("kind", Schema::EnumOf<domain::HearingKind>()),
         Required("charges", Schema::Array(Schema::String())),
         Required("accommodations_requested", Schema::Array(Schema::EnumOf<domain::CourtAccommodation>())),
         Required("accommodations_granted", Schema::Array(Schema::EnumOf<domain::CourtAccommodation>())),
         Required("survivor_notified_at", Schema::DateTime().Nullable()),
         Required("notified_by", Schema::String().Nullable()),
         Required("outcome", Schema::EnumOf<domain::HearingOutcome>().Nullable()),
         Required("notes", Schema::String().Nullable().Describe("protected")),
         Required("notice_due", Schema::Boolean().Describe("within 14 days and the survivor not yet told")),
         Required("created_by", Schema::String()), Required("created_agency_id", Schema::String()),
         Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
         Required("version", Schema::Integer())});
}

Schema CaseReviewSchema() {
    const Schema decision = Schema::Object(
        {Required("text", Schema::String().Describe("protected")), Required("owner_id", Schema::String().Nullable()),
         Required("due", Schema::Date().Nullable()),
         Required("commitment_id", Schema::String().Nullable().Describe("the team commitment it became"))});
    return Schema::Object({Required("id", Schema::String()), Required("case_id", Schema::String()),
                           Required("survivor_id", Schema::String()), Required("held_at", Schema::DateTime()),
                           Required("attendees", Schema::Array(Schema::String())),
                           Required("agencies", Schema::Array(Schema::String())),
                           Required("decisions", Schema::Array(decision)), Required("created_by", Schema::String()),
                           Required("created_at", Schema::DateTime())});
}

Schema IncidentSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()),
         Required("survivor_id", Schema::String()), Required("occurred_on", Schema::Date()),
         Required("penetration", Schema::Boolean()), Required("unwanted_sexual_contact", Schema::Boolean()),
         Required("physical_assault", Schema::Boolean()), Required("forced_marriage", Schema::Boolean()),
         Required("denial_of_resources", Schema::Boolean()), Required("psychological_abuse", Schema::Boolean()),
         Required("gbv_type", Schema::EnumOf<domain::GbvType>().Describe("GBVIMS order: the first yes")),
         Required("description", Schema::String().Nullable().Describe("protected")),
         Required("created_by", Schema::String()), Required("created_at", Schema::DateTime())});
}

Schema AssessmentSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("case_id", Schema::String()),
                           Required("survivor_id", Schema::String()), Required("assessed_on", Schema::Date()),
                           Required("kind", Schema::EnumOf<domain::AssessmentKind>()),
                           Required("instrument", Schema::String()),
                           Required("scores", Schema::Object({}).Open().Describe("domain -> sub-domain -> 1..4")),
                           Required("domain_scores", DomainScoresSchema()),
                           Required("restored", Schema::Boolean().Describe("meets the restoration rule in force")),
                           Required("notes", Schema::String().Nullable().Describe("protected")),
                           Required("created_by", Schema::String()), Required("created_at", Schema::DateTime())});
}

Schema AssessmentDueSchema() {
    return Schema::Object(
        {Required("kind", Schema::EnumOf<domain::AssessmentKind>()), Required("due", Schema::Date())});
}

Schema TimelineEntrySchema() {
    return Schema::Object(
        {Required("at", Schema::DateTime()),
         Required("kind", Schema::Enum({"interview", "disclosure", "referral", "referral_transition", "commitment",
                                        "commitment_resolved", "hearing", "review", "assessment"})),
         Required("id", Schema::String()), Required("record_id", Schema::String()),
         Required("summary", Schema::String().Describe("plain words; never protected values")),
         Required("status", Schema::String().Nullable())});
}

Schema RestorationRuleSchema() {
    return Schema::Object({Required("min_domain_score", Schema::Number()),
                           Required("domains", Schema::Array(Schema::String()).Describe("empty: every domain"))});
}

Schema InstrumentSchema() {
    const Schema sub = Schema::Object({Required("key", Schema::String()), Required("label", Schema::String())});
    const Schema domain = Schema::Object({Required("key", Schema::String()), Required("label", Schema::String()),
                                          Required("sub_domains", Schema::Array(sub))});
    return Schema::Object({Required("name", Schema::String()), Required("version", Schema::String()),
                           Required("domains", Schema::Array(domain)),
                           Required("score_range", Schema::Object({Required("min", Schema::Integer()),
                                                                   Required("max", Schema::Integer())})),
                           Required("restoration_rule", RestorationRuleSchema())});
}

json::value InstrumentJson(const domain::AssessmentInstrument& instrument, const domain::RestorationRule& rule) {
    json::array domains;
    for (const auto& d : instrument.domains) {
        json::array subs;
        for (const auto& s : d.sub_domains) subs.push_back(json::object{{"key", s.key}, {"label", s.label}});
        domains.push_back(json::object{{"key", d.key}, {"label", d.label}, {"sub_domains", std::move(subs)}});
    }
    return json::object{{"name", instrument.name},
                        {"version", instrument.version},
                        {"domains", std::move(domains)},
                        {"score_range", json::object{{"min", domain::kMinScore}, {"max", domain::kMaxScore}}},
                        {"restoration_rule", json::object{{"min_domain_score", rule.min_domain_score},
                                                          {"domains", ToJsonArray(rule.domains)}}}};
}

json::value TrendJson(const domain::AssessmentTrend& trend, const domain::AssessmentInstrument& instrument) {
    json::array domains;
    for (const auto& d : instrument.domains) domains.push_back(json::object{{"key", d.key}, {"label", d.label}});
    json::array points;
    for (const auto& a : trend.points) {
        json::object scores;
        for (const auto& s : a.domain_scores) scores[s.domain] = s.score;
        points.push_back(json::object{{"assessment_id", a.id},
                                      {"assessed_on", FormatDate(a.assessed_on)},
                                      {"kind", NameOf(a.kind)},
                                      {"domain_scores", std::move(scores)},
                                      {"restored", a.restored}});
    }
    return json::object{{"domains", std::move(domains)},
                        {"points", std::move(points)},
                        {"next_due", trend.next_due ? json::value_from(*trend.next_due) : json::value(nullptr)}};
}

Schema TrendSchema() {
    const Schema point =
        Schema::Object({Required("assessment_id", Schema::String()), Required("assessed_on", Schema::Date()),
                        Required("kind", Schema::EnumOf<domain::AssessmentKind>()),
                        Required("domain_scores", DomainScoresSchema()), Required("restored", Schema::Boolean())});
    return Schema::Object({Required("domains", Schema::Array(Schema::Object({Required("key", Schema::String()),
                                                                             Required("label", Schema::String())}))),
                           Required("points", Schema::Array(point).MaxItems(1000).Describe("oldest first")),
                           Required("next_due", AssessmentDueSchema().Nullable())});
}

Result<domain::AssessmentScores> ScoresFrom(const json::value& scores) {
    domain::AssessmentScores out;
    if (!scores.is_object()) return Status::Invalid("scores", "must be an object of domains");
    for (const auto& [domain, subs] : scores.get_object()) {
        if (!IsPrintableKey(domain))
            return Status::Invalid("scores", "has a domain that is not one of the instrument's");
        const std::string at = "scores." + std::string(domain);
        if (!subs.is_object()) return Status::Invalid(at, "must be an object of sub-domain scores");
        auto& into = out[std::string(domain)];
        for (const auto& [sub, score] : subs.get_object()) {
            if (!IsPrintableKey(sub))
                return Status::Invalid(at, "has a sub-domain that is not one of the instrument's");
            const std::string where = at + "." + std::string(sub);
            if (!score.is_int64() && !score.is_uint64()) {
                return Status::Invalid(where, "must be a whole number from 1 to 4");
            }
            const std::int64_t n = score.is_int64()
                                       ? score.get_int64()
                                       : static_cast<std::int64_t>(std::min<std::uint64_t>(score.get_uint64(), 1000));
            if (n < domain::kMinScore || n > domain::kMaxScore) {
                return Status::Invalid(where, "must be a score from 1 (most vulnerable) to 4 (least)");
            }
            into[std::string(sub)] = static_cast<int>(n);
        }
    }
    return out;
}

}  // namespace onestory::api
