// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/json_mapping.hpp"

#include "api/care_mapping.hpp"
#include "api/json_access.hpp"
#include "api/tell_once_mapping.hpp"
#include "policy/vocabulary.hpp"

namespace onestory::domain {
namespace json = boost::json;

void tag_invoke(const json::value_from_tag&, json::value& jv, const Agency& a) {
    jv = json::object{{"id", a.id},
                      {"name", a.name},
                      {"kind", NameOf(a.kind)},
                      {"country", a.country},
                      {"created_at", FormatInstant(a.created_at)},
                      {"version", a.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const StaffMember& s) {
    jv = json::object{{"id", s.id},
                      {"username", s.username},
                      {"display_name", s.display_name},
                      {"agency_id", s.agency_id},
                      {"roles", api::EnumArray(s.roles)},
                      {"active", s.active},
                      {"created_at", FormatInstant(s.created_at)},
                      {"version", s.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Survivor& s) {
    json::object o{{"id", s.id},
                   {"code_name", s.code_name},
                   {"agency_id", s.agency_id},
                   {"registered_by", s.registered_by},
                   {"gender", s.gender ? json::value(NameOf(*s.gender)) : json::value(nullptr)},
                   {"languages", api::ToJsonArray(s.languages)},
                   {"nationality", api::OptionalString(s.nationality)},
                   {"age_band", api::OptionalString(s.age_band)},
                   {"created_at", FormatInstant(s.created_at)},
                   {"updated_at", FormatInstant(s.updated_at)},
                   {"version", s.version}};
    if (s.identity) {
        o["legal_name"] = s.identity->legal_name;
        o["birth_date"] = s.identity->birth_date ? json::value(FormatDate(*s.identity->birth_date)) : nullptr;
        o["contact"] = api::OptionalString(s.identity->contact);
        o["address"] = api::OptionalString(s.identity->address);
    }
    if (s.preferences) o["preferences"] = json::value_from(*s.preferences);
    if (s.interview_count) o["interview_count"] = *s.interview_count;
    jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const SurvivorMatch& m) {
    jv = json::object{{"id", m.id}, {"code_name", m.code_name}, {"agency_id", m.agency_id}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Case& c) {
    json::object o{{"id", c.id},
                   {"survivor_id", c.survivor_id},
                   {"survivor_code_name", c.survivor_code_name},
                   {"agency_id", c.agency_id},
                   {"opened_by", c.opened_by},
                   {"stage", NameOf(c.stage)},
                   {"status", NameOf(c.status)},
                   {"exploitation_types", api::EnumArray(c.exploitation_types)},
                   {"created_at", FormatInstant(c.created_at)},
                   {"updated_at", FormatInstant(c.updated_at)},
                   {"version", c.version}};
    if (c.interview_count) o["interview_count"] = *c.interview_count;
    if (c.commitments) o["commitments"] = json::value_from(*c.commitments);
    if (c.commitments) {
        o["next_assessment"] = c.next_assessment ? json::value_from(*c.next_assessment) : json::value(nullptr);
    }
    jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const TeamMember& m) {
    jv = json::object{{"staff_id", m.staff_id},   {"display_name", m.display_name},
                      {"agency_id", m.agency_id}, {"case_role", NameOf(m.case_role)},
                      {"added_by", m.added_by},   {"added_at", FormatInstant(m.added_at)}};
}

}  // namespace onestory::domain

namespace onestory::api {

Schema AgencySchema() {
    return Schema::Object({Required("id", Schema::String()), Required("name", Schema::String()),
                           Required("kind", Schema::EnumOf<policy::AgencyKind>()),
                           Required("country", Schema::String()), Required("created_at", Schema::DateTime()),
                           Required("version", Schema::Integer())});
}

Schema StaffSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("username", Schema::String()),
                           Required("display_name", Schema::String()), Required("agency_id", Schema::String()),
                           Required("roles", Schema::Array(Schema::EnumOf<policy::Role>())),
                           Required("active", Schema::Boolean()), Required("created_at", Schema::DateTime()),
                           Required("version", Schema::Integer())});
}

Schema SurvivorSummarySchema() {
    return Schema::Object({Required("id", Schema::String()), Required("code_name", Schema::String()),
                           Required("agency_id", Schema::String()), Required("registered_by", Schema::String()),
                           Required("gender", Schema::EnumOf<domain::Gender>().Nullable()),
                           Required("languages", Schema::Array(Schema::String())),
                           Required("nationality", Schema::String().Nullable()),
                           Required("age_band", Schema::String().Nullable()),
                           Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
                           Required("version", Schema::Integer())})
        .Open();
}

Schema SurvivorSchema() {
    return Schema::Object(
               {Required("id", Schema::String()), Required("code_name", Schema::String()),
                Required("agency_id", Schema::String()), Required("registered_by", Schema::String()),
                Required("gender", Schema::EnumOf<domain::Gender>().Nullable()),
                Required("languages", Schema::Array(Schema::String())),
                Required("nationality", Schema::String().Nullable()), Required("age_band", Schema::String().Nullable()),
                Optional("legal_name", Schema::String().Describe("protected; audited read")),
                Optional("birth_date", Schema::Date().Nullable().Describe("protected; audited read")),
                Optional("contact", Schema::String().Nullable().Describe("protected; audited read")),
                Optional("address", Schema::String().Nullable().Describe("protected; audited read")),
                Optional("preferences", PreferencesSchema().Describe("interview preferences")),
                Optional("interview_count", Schema::Integer().Describe("interviews of the survivor, in any agency")),
                Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
                Required("version", Schema::Integer())})
        .Open();
}

Schema CaseSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("survivor_id", Schema::String()),
                           Required("survivor_code_name", Schema::String()), Required("agency_id", Schema::String()),
                           Required("opened_by", Schema::String()), Required("stage", Schema::EnumOf<domain::Stage>()),
                           Required("status", Schema::EnumOf<domain::CaseStatus>()),
                           Required("exploitation_types", Schema::Array(Schema::EnumOf<domain::ExploitationType>())),
                           Optional("interview_count", Schema::Integer().Describe("interviews of this case")),
                           Optional("commitments", CommitmentSummarySchema()),
                           Optional("next_assessment", AssessmentDueSchema().Nullable().Describe(
                                                           "the next outcome assessment due; null once closed")),
                           Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
                           Required("version", Schema::Integer())})
        .Open();
}

Schema TeamMemberSchema() {
    return Schema::Object({Required("staff_id", Schema::String()), Required("display_name", Schema::String()),
                           Required("agency_id", Schema::String()),
                           Required("case_role", Schema::EnumOf<domain::CaseRole>()),
                           Required("added_by", Schema::String()), Required("added_at", Schema::DateTime())});
}

}  // namespace onestory::api
