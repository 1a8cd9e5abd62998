// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/export_formats.hpp"

#include <boost/json.hpp>

namespace onestory::cli {
namespace json = boost::json;
namespace {

// debt_bondage -> DebtBondage: HTCDS picklist names are onestory's in CamelCase.
std::string Camel(std::string_view snake) {
    std::string out;
    bool upper = true;
    for (const char c : snake) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

json::array CamelArray(const std::vector<std::string>& values) {
    json::array out;
    for (const auto& v : values) out.emplace_back(Camel(v));
    return out;
}

json::array Array(const std::vector<std::string>& values) {
    json::array out;
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

json::value Text(const std::optional<std::string>& v) {
    if (!v) return nullptr;
    return json::value(*v);
}

std::string_view HtcdsGender(const std::optional<domain::Gender>& g) {
    if (!g) return "Unknown";
    switch (*g) {
        case domain::Gender::kFemale:
            return "Female";
        case domain::Gender::kMale:
            return "Male";
        case domain::Gender::kNonBinary:
        case domain::Gender::kOther:
            return "Transgender/NonConforming";
        case domain::Gender::kUndisclosed:
            return "Unknown";
    }
    return "Unknown";
}

json::value HtcdsOrganisationType(std::string_view kind) {
    if (kind == "ngo" || kind == "shelter") return json::value("NGO");
    if (kind == "police") return json::value("LawEnforcement");
    if (kind == "prosecution" || kind == "court") return json::value("CentralGovernmentOrganisation");
    if (kind == "health") return json::value("HealthServiceOrganisation");
    if (kind == "child_protection") return json::value("LocalGovernmentOrganisation");
    return nullptr;  // "other" has no HTCDS counterpart; x_kind keeps it
}

// The first word is the first name, the rest the second: the legal name is
// held whole, as the survivor gave it.
std::pair<std::string, std::string> SplitName(const std::string& legal_name) {
    const auto space = legal_name.find(' ');
    if (space == std::string::npos) return {legal_name, ""};
    return {legal_name.substr(0, space), legal_name.substr(space + 1)};
}

bool LooksLikePhone(const std::string& contact) {
    if (contact.empty()) return false;
    for (const char c : contact) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == ' ' || c == '-' || c == '(' ||
              c == ')')) {
            return false;
        }
    }
    return true;
}

std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

json::value HtcdsJson(const domain::HtcdsRecord& r) {
    const auto& p = r.person;
    json::object person{{"prs_Id", p.id},
                        {"x_code_name", p.code_name},
                        {"prs_Gender", HtcdsGender(p.gender)},
                        {"prs_Nationality", Text(p.nationality)},
                        {"x_age_band", Text(p.age_band)},
                        {"x_languages", Array(p.languages)}};
    if (p.identity) {
        const auto [first, second] = SplitName(p.identity->legal_name);
        person["prs_FirstName"] = first;
        person["prs_SecondName"] = second;
        person["prs_Birthdate"] = p.identity->birth_date ? json::value(FormatDate(*p.identity->birth_date)) : nullptr;
        const std::string contact = p.identity->contact.value_or("");
        person["prs_MobilePhone"] = LooksLikePhone(contact) ? json::value(contact) : nullptr;
        person["prs_Email"] = contact.find('@') != std::string::npos ? json::value(contact) : nullptr;
        person["x_contact"] = Text(p.identity->contact);
        person["prs_MailingStreet"] = Text(p.identity->address);
    }

    // Means of control across the case's events, each once, in the order met.
    std::vector<std::string> means;
    json::array events;
    for (const auto& e : r.events) {
        for (const auto& m : e.means_of_control) {
            if (std::find(means.begin(), means.end(), m) == means.end()) means.push_back(m);
        }
        json::object event{{"x_id", e.id},
                           {"hte_Type", Camel(e.kind)},
                           {"hte_Country", e.country},
                           {"hte_Date", Text(e.began_on)},
                           {"x_ended_on", Text(e.ended_on)},
                           {"x_exploitation_types", Array(e.exploitation_types)},
                           {"x_means_of_control", CamelArray(e.means_of_control)}};
        if (p.identity) {
            event["hte_City"] = Text(e.place);
            event["hte_Description"] = Text(e.description);
        }
        events.push_back(std::move(event));
    }
    json::object victim{{"vic_MethodsOfControl", CamelArray(means)}};

    json::object kase{{"cas_Id", r.case_id},
                      {"cas_Status", Camel(r.status)},
                      {"x_stage", r.stage},
                      {"x_opened_at", FormatInstant(r.opened_at)},
                      {"x_exploitation_types", Array(r.exploitation_types)},
                      {"org_Id", r.agency_id},
                      {"org_Name", r.agency_name},
                      {"org_Type", HtcdsOrganisationType(r.agency_kind)},
                      {"x_agency_kind", r.agency_kind}};

    json::object support;
    for (const auto& section : r.support_plan) {
        json::array records;
        for (const auto& record : section.records) {
            json::object o;
            for (const auto& [name, value] : record.fields) {
                o[name] = std::visit(
                    [](const auto& x) -> json::value {
                        using T = std::decay_t<decltype(x)>;
                        if constexpr (std::is_same_v<T, std::monostate>) {
                            return nullptr;
                        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                            return Array(x);
                        } else {
                            return json::value(x);
                        }
                    },
                    value);
            }
            records.push_back(std::move(o));
        }
        support[section.name] = std::move(records);
    }

    json::array consents;
    for (const auto& c : r.consents) {
        consents.push_back(json::object{
            {"x_id", c.id},
            {"x_purpose", c.purpose},
            {"x_state", c.state},
            {"x_recipient_agency_id", c.recipient_agency_id},
            {"x_recipient_agency_name", c.recipient_agency_name},
            {"x_valid_from", FormatInstant(c.valid_from)},
            {"x_valid_until", FormatInstant(c.valid_until)},
            {"x_revoked_at", c.revoked_at ? json::value(FormatInstant(*c.revoked_at)) : json::value(nullptr)},
            {"x_given_as", c.given_as},
            {"x_language", c.language},
            {"x_consent_text_version", c.consent_text_version},
            {"x_topics", Array(c.topics)},
            {"x_categories", Array(c.categories)}});
    }

    return json::object{{"format", "onestory-htcds-1"},
                        {"case", std::move(kase)},
                        {"person", std::move(person)},
                        {"victim", std::move(victim)},
                        {"trafficking_events", std::move(events)},
                        {"support_plan", std::move(support)},
                        {"consents", std::move(consents)}};
}

std::string CtdcHeader() {
    std::string out;
    for (std::size_t i = 0; i < domain::kCtdcColumns.size(); ++i) out += (i ? "," : "") + domain::kCtdcColumns[i];
    return out + "\r\n";
}

std::string CtdcRow(const std::vector<std::string>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + CsvField(values[i]);
    return out + "\r\n";
}

}  // namespace onestory::cli
