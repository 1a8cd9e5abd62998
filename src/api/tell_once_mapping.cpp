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
    jv = json::object{{"id", c.id},
                      {"survivor_id", c.survivor_id},
                      {"agency_id", c.agency_id},
                      {"recipient_agency_id", c.recipient_agency_id},
                      {"purpose", NameOf(c.purpose)},
                      {"scope", json::object{{"topics", api::EnumArray(c.topics)},
                                             {"categories", api::EnumArray(c.categories)}}},
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
    return Schema::Object(
        {Optional("interviewer_gender", Schema::EnumOf<domain::InterviewerGender>().Nullable()),
         Optional("interpreter_language", Schema::String().MinLength(2).MaxLength(2).Nullable()),
         Optional("support_person", Schema::String().MinLength(1).MaxLength(1000).Nullable()),
         Optional("children", Schema::EnumOf<domain::ChildrenArrangement>().Nullable()),
         Optional("breaks",
                  Schema::String().MinLength(1).MaxLength(1000).Nullable().Describe("e.g. a short break every hour")),
         Optional("notes", Schema::String().MinLength(1).MaxLength(2000).Nullable())});
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
