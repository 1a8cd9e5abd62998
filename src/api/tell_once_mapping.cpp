// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/tell_once_mapping.hpp"

#include "api/json_access.hpp"

namespace onestory::domain {
namespace json = boost::json;

namespace {

json::value OptionalInstant(const std::optional<Instant>& t) {
    if (!t) return nullptr;
    return json::value(FormatInstant(*t));
}

template <class E>
json::value OptionalEnum(const std::optional<E>& v) {
    if (!v) return nullptr;
    return json::value(NameOf(*v));
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const Consent& c) {
    jv = json::object{
        {"id", c.id},
        {"survivor_id", c.survivor_id},
        {"agency_id", c.agency_id},
        {"recipient_agency_id", c.recipient_agency_id},
        {"purpose", NameOf(c.purpose)},
        {"scope", json::object{{"topics", api::EnumArray(c.topics)}, {"categories", api::EnumArray(c.categories)}}},
        {"valid_from", FormatInstant(c.valid_from)},
        {"valid_until", FormatInstant(c.valid_until)},
        {"given_as", NameOf(c.given_as)},
        {"witnessed_by", api::OptionalString(c.witnessed_by)},
        {"consent_text_version", c.consent_text_version},
        {"language", c.language},
        {"guardian", api::OptionalString(c.guardian)},
        {"child_assent", c.child_assent ? json::value(*c.child_assent) : json::value(nullptr)},
        {"recorded_by", c.recorded_by},
        {"created_at", FormatInstant(c.created_at)},
        {"revoked_at", OptionalInstant(c.revoked_at)},
        {"revoked_by", api::OptionalString(c.revoked_by)},
        {"revoke_reason", api::OptionalString(c.revoke_reason)},
        {"status", NameOf(c.status)},
        {"version", c.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Venue& v) {
    jv = json::object{{"id", v.id},
                      {"agency_id", v.agency_id},
                      {"name", v.name},
                      {"features", api::EnumArray(v.features)},
                      {"created_by", v.created_by},
                      {"created_at", FormatInstant(v.created_at)},
                      {"version", v.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Preferences& p) {
    jv = json::object{{"interviewer_gender", OptionalEnum(p.interviewer_gender)},
                      {"interpreter_language", api::OptionalString(p.interpreter_language)},
                      {"support_person", api::OptionalString(p.support_person)},
                      {"children", OptionalEnum(p.children)},
                      {"breaks", api::OptionalString(p.breaks)},
                      {"notes", api::OptionalString(p.notes)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Interview& i) {
    json::value venue = nullptr;
    if (i.venue) venue = json::value_from(*i.venue);
    const auto& a = i.accommodations;
    jv = json::object{
        {"id", i.id},
        {"case_id", i.case_id},
        {"survivor_id", i.survivor_id},
        {"agency_id", i.agency_id},
        {"purpose", NameOf(i.purpose)},
        {"topics", api::EnumArray(i.topics)},
        {"reask_topics", api::EnumArray(i.reask_topics)},
        {"reask_reason", api::OptionalString(i.reask_reason)},
        {"scheduled_at", FormatInstant(i.scheduled_at)},
        {"venue", std::move(venue)},
        {"interviewer_id", i.interviewer_id},
        {"interviewer_name", i.interviewer_name},
        {"accommodations", json::object{{"support_person", a.support_person},
                                        {"children", NameOf(a.children)},
                                        {"interpreter_language", api::OptionalString(a.interpreter_language)},
                                        {"interviewer_gender", OptionalEnum(a.interviewer_gender)},
                                        {"breaks", a.breaks}}},
        {"preferences", json::value_from(i.preferences)},
        {"unmet_preferences", api::ToJsonArray(i.unmet_preferences)},
        {"survivor_interview_count", i.survivor_interview_count},
        {"topics_shared_at", OptionalInstant(i.topics_shared_at)},
        {"survivor_acknowledged", i.survivor_acknowledged},
        {"started_at", OptionalInstant(i.started_at)},
        {"ended_at", OptionalInstant(i.ended_at)},
        {"debriefed_at", OptionalInstant(i.debriefed_at)},
        {"debrief_notes", api::OptionalString(i.debrief_notes)},
        {"recording_sha256", api::OptionalString(i.recording_sha256)},
        {"created_by", i.created_by},
        {"created_at", FormatInstant(i.created_at)},
        {"updated_at", FormatInstant(i.updated_at)},
        {"version", i.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const TopicCoverage& c) {
    json::array covered;
    for (const auto& entry : c.covered) {
        covered.push_back(
            json::object{{"topic", NameOf(entry.topic)}, {"passage_ids", api::ToJsonArray(entry.passage_ids)}});
    }
    jv = json::object{{"covered", std::move(covered)}, {"new", api::EnumArray(c.fresh)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const SurvivorComment& c) {
    jv = json::object{{"id", c.id},
                      {"passage_id", c.passage_id},
                      {"text", c.text},
                      {"recorded_by", c.recorded_by},
                      {"created_at", FormatInstant(c.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Passage& p) {
    json::array comments;
    for (const auto& c : p.survivor_comments) comments.push_back(json::value_from(c));
    jv = json::object{{"id", p.id},
                      {"original_id", p.original_id},
                      {"case_id", p.case_id},
                      {"survivor_id", p.survivor_id},
                      {"interview_id", p.interview_id},
                      {"topic", NameOf(p.topic)},
                      {"sensitivity", NameOf(p.sensitivity)},
                      {"text", p.text},
                      {"version", p.version},
                      {"review_status", NameOf(p.review_status)},
                      {"reviewed_by", api::OptionalString(p.reviewed_by)},
                      {"reviewed_at", OptionalInstant(p.reviewed_at)},
                      {"supersedes", api::OptionalString(p.supersedes)},
                      {"superseded_by", api::OptionalString(p.superseded_by)},
                      {"survivor_comments", std::move(comments)},
                      {"created_by", p.created_by},
                      {"created_at", FormatInstant(p.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const DisclosedRecord& r) {
    json::object record{{"code_name", r.code_name}};
    if (r.legal_name) {
        record["legal_name"] = *r.legal_name;
        record["birth_date"] = r.birth_date ? json::value(FormatDate(*r.birth_date)) : json::value(nullptr);
        record["age_band"] = api::OptionalString(r.age_band);
        record["gender"] = OptionalEnum(r.gender);
        record["nationality"] = api::OptionalString(r.nationality);
        record["languages"] = api::ToJsonArray(r.languages.value_or(std::vector<std::string>{}));
    }
    if (r.contact) record["contact"] = *r.contact;
    if (r.address) record["address"] = *r.address;
    jv = std::move(record);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Disclosure& d) {
    json::object o{{"id", d.id},
                   {"case_id", d.case_id},
                   {"survivor_id", d.survivor_id},
                   {"survivor_code_name", d.survivor_code_name},
                   {"agency_id", d.agency_id},
                   {"recipient_agency_id", d.recipient_agency_id},
                   {"purpose", NameOf(d.purpose)},
                   {"consent_id", d.consent_id},
                   {"consent_status", NameOf(d.consent_status)},
                   {"topics", api::EnumArray(d.topics)},
                   {"categories", api::EnumArray(d.categories)},
                   {"passage_ids", api::ToJsonArray(d.passage_ids)},
                   {"created_by", d.created_by},
                   {"created_at", FormatInstant(d.created_at)}};
    if (d.passages) {
        json::array passages;
        for (const auto& p : *d.passages) passages.push_back(json::value_from(p));
        o["passages"] = std::move(passages);
    }
    if (d.record) o["record"] = json::value_from(*d.record);
    jv = std::move(o);
}

}  // namespace onestory::domain

namespace onestory::api {
namespace json = boost::json;

namespace {

template <class T, class Read>
domain::FieldPatch<T> PatchMember(const json::object& o, std::string_view key, Read read) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<T>();
    return std::optional<T>(read());
}

}  // namespace

Schema ConsentSchema() {
    return Schema::Object(
               {Required("id", Schema::String()),
                Required("survivor_id", Schema::String()),
                Required("agency_id", Schema::String()),
                Required("recipient_agency_id", Schema::String()),
                Required("purpose", Schema::EnumOf<policy::Purpose>()),
                Required("scope", Schema::Object({Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>())),
                                                  Required("categories",
                                                           Schema::Array(Schema::EnumOf<policy::RecordCategory>()))})),
                Required("valid_from", Schema::DateTime()),
                Required("valid_until", Schema::DateTime()),
                Required("given_as", Schema::EnumOf<domain::GivenAs>()),
                Required("witnessed_by", Schema::String().Nullable().Describe("protected")),
                Required("consent_text_version", Schema::String()),
                Required("language", Schema::String()),
                Required("guardian", Schema::String().Nullable().Describe("protected")),
                Required("child_assent", Schema::Boolean().Nullable()),
                Required("recorded_by", Schema::String()),
                Required("created_at", Schema::DateTime()),
                Required("revoked_at", Schema::DateTime().Nullable()),
                Required("revoked_by", Schema::String().Nullable()),
                Required("revoke_reason", Schema::String().Nullable().Describe("protected")),
                Required("status", Schema::EnumOf<policy::ConsentState>()),
                Required("version", Schema::Integer())})
        .Open();
}

Schema VenueSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("agency_id", Schema::String()),
                           Required("name", Schema::String()),
                           Required("features", Schema::Array(Schema::EnumOf<domain::VenueFeature>())),
                           Required("created_by", Schema::String()), Required("created_at", Schema::DateTime()),
                           Required("version", Schema::Integer())});
}

Schema PreferencesSchema() {
    return Schema::Object({Required("interviewer_gender", Schema::EnumOf<domain::InterviewerGender>().Nullable()),
                           Required("interpreter_language", Schema::String().Nullable()),
                           Required("support_person", Schema::String().Nullable().Describe("protected")),
                           Required("children", Schema::EnumOf<domain::ChildrenArrangement>().Nullable()),
                           Required("breaks", Schema::String().Nullable().Describe("protected")),
                           Required("notes", Schema::String().Nullable().Describe("protected"))});
}

Schema PreferencesPatchSchema() {
    return Schema::Object({Optional("interviewer_gender", Schema::EnumOf<domain::InterviewerGender>().Nullable()),
                           Optional("interpreter_language", Schema::String().MinLength(2).MaxLength(2).Nullable()),
                           Optional("support_person", Schema::String().MinLength(1).MaxLength(1000).Nullable()),
                           Optional("children", Schema::EnumOf<domain::ChildrenArrangement>().Nullable()),
                           Optional("breaks", Schema::String().MinLength(1).MaxLength(1000).Nullable().Describe(
                                                  "e.g. a short break every hour")),
                           Optional("notes", Schema::String().MinLength(1).MaxLength(2000).Nullable())});
}

Schema AccommodationsSchema() {
    return Schema::Object({Optional("support_person", Schema::Boolean().Describe("a support person is present")),
                           Optional("children", Schema::EnumOf<domain::ChildrenArrangement>()),
                           Optional("interpreter_language", Schema::String().MinLength(2).MaxLength(2).Nullable()),
                           Optional("interviewer_gender", Schema::EnumOf<domain::InterviewerGender>().Nullable()),
                           Optional("breaks", Schema::Boolean().Describe("breaks are offered"))});
}

Schema InterviewSchema() {
    return Schema::Object(
               {Required("id", Schema::String()),
                Required("case_id", Schema::String()),
                Required("survivor_id", Schema::String()),
                Required("agency_id", Schema::String()),
                Required("purpose", Schema::EnumOf<policy::Purpose>().Describe("shown to the survivor")),
                Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>())),
                Required("reask_topics", Schema::Array(Schema::EnumOf<policy::Topic>())
                                             .Describe("planned topics the survivor had already confirmed")),
                Required("reask_reason", Schema::String().Nullable().Describe("protected")),
                Required("scheduled_at", Schema::DateTime()),
                Required("venue", VenueSchema().Nullable()),
                Required("interviewer_id", Schema::String()),
                Required("interviewer_name", Schema::String()),
                Required("accommodations", AccommodationsSchema()),
                Required("preferences", PreferencesSchema().Describe("the survivor's, shown with every plan")),
                Required("unmet_preferences", Schema::Array(Schema::String())),
                Required("survivor_interview_count", Schema::Integer()),
                Required("topics_shared_at", Schema::DateTime().Nullable()),
                Required("survivor_acknowledged", Schema::Boolean()),
                Required("started_at", Schema::DateTime().Nullable()),
                Required("ended_at", Schema::DateTime().Nullable()),
                Required("debriefed_at", Schema::DateTime().Nullable()),
                Required("debrief_notes", Schema::String().Nullable().Describe("protected")),
                Required("recording_sha256", Schema::String().Nullable()),
                Required("created_by", Schema::String()),
                Required("created_at", Schema::DateTime()),
                Required("updated_at", Schema::DateTime()),
                Required("version", Schema::Integer())})
        .Open();
}

Schema CoverageSchema() {
    return Schema::Object(
        {Required("covered", Schema::Array(Schema::Object({Required("topic", Schema::EnumOf<policy::Topic>()),
                                                           Required("passage_ids", Schema::Array(Schema::String()))}))),
         Required("new", Schema::Array(Schema::EnumOf<policy::Topic>()))});
}

Schema PassageSchema() {
    const Schema comment =
        Schema::Object({Required("id", Schema::String()), Required("passage_id", Schema::String()),
                        Required("text", Schema::String().Describe("protected: the survivor's words")),
                        Required("recorded_by", Schema::String()), Required("created_at", Schema::DateTime())});
    return Schema::Object(
               {Required("id", Schema::String().Describe("this version")),
                Required("original_id", Schema::String().Describe("the first version: names the passage")),
                Required("case_id", Schema::String()), Required("survivor_id", Schema::String()),
                Required("interview_id", Schema::String()), Required("topic", Schema::EnumOf<policy::Topic>()),
                Required("sensitivity", Schema::EnumOf<domain::Sensitivity>()),
                Required("text", Schema::String().Describe("protected")), Required("version", Schema::Integer()),
                Required("review_status", Schema::EnumOf<domain::ReviewStatus>()),
                Required("reviewed_by", Schema::String().Nullable()),
                Required("reviewed_at", Schema::DateTime().Nullable()),
                Required("supersedes", Schema::String().Nullable()),
                Required("superseded_by", Schema::String().Nullable()),
                Required("survivor_comments", Schema::Array(comment)), Required("created_by", Schema::String()),
                Required("created_at", Schema::DateTime())})
        .Open();
}

Schema DisclosureSchema() {
    return Schema::Object(
               {Required("id", Schema::String()), Required("case_id", Schema::String()),
                Required("survivor_id", Schema::String()), Required("survivor_code_name", Schema::String()),
                Required("agency_id", Schema::String().Describe("the disclosing agency")),
                Required("recipient_agency_id", Schema::String()),
                Required("purpose", Schema::EnumOf<policy::Purpose>()), Required("consent_id", Schema::String()),
                Required("consent_status", Schema::EnumOf<policy::ConsentState>().Describe("the consent's state now")),
                Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>())),
                Required("categories", Schema::Array(Schema::EnumOf<policy::RecordCategory>())),
                Required("passage_ids", Schema::Array(Schema::String()).Describe("the passages' original ids")),
                Required("created_by", Schema::String()), Required("created_at", Schema::DateTime()),
                Optional("passages", Schema::Array(PassageSchema())
                                         .Describe("on a read: the current survivor-reviewed text, with comments")),
                Optional("record", Schema::Object({Required("code_name", Schema::String())})
                                       .Open()
                                       .Describe("on a read: the disclosed categories of the survivor's record"))})
        .Open();
}

domain::Accommodations AccommodationsFrom(const json::object& o) {
    domain::Accommodations a;
    a.support_person = GetOptBool(o, "support_person").value_or(false);
    a.children = GetOptEnum<domain::ChildrenArrangement>(o, "children").value_or(domain::ChildrenArrangement::kNone);
    a.interpreter_language = GetOptString(o, "interpreter_language");
    a.interviewer_gender = GetOptEnum<domain::InterviewerGender>(o, "interviewer_gender");
    a.breaks = GetOptBool(o, "breaks").value_or(false);
    return a;
}

domain::PreferencesPatch PreferencesPatchFrom(const json::object& o) {
    domain::PreferencesPatch p;
    p.interviewer_gender = PatchMember<domain::InterviewerGender>(
        o, "interviewer_gender", [&] { return *GetOptEnum<domain::InterviewerGender>(o, "interviewer_gender"); });
    p.interpreter_language =
        PatchMember<std::string>(o, "interpreter_language", [&] { return GetString(o, "interpreter_language"); });
    p.support_person = PatchMember<std::string>(o, "support_person", [&] { return GetString(o, "support_person"); });
    p.children = PatchMember<domain::ChildrenArrangement>(
        o, "children", [&] { return *GetOptEnum<domain::ChildrenArrangement>(o, "children"); });
    p.breaks = PatchMember<std::string>(o, "breaks", [&] { return GetString(o, "breaks"); });
    p.notes = PatchMember<std::string>(o, "notes", [&] { return GetString(o, "notes"); });
    return p;
}

}  // namespace onestory::api
