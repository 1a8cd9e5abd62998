// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/assessment_instrument_file.hpp"

#include <fstream>
#include <initializer_list>
#include <sstream>

#include <boost/json.hpp>

#include "common/strings.hpp"

namespace onestory::cli {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxFileBytes = 1024 * 1024;

// The object at `path`, holding only the members named (all of them required).
Result<const json::object*> ObjectWith(const json::value& v, const std::string& path,
                                       std::initializer_list<std::string_view> members) {
    if (!v.is_object()) return Status::Invalid(path.empty() ? "instrument" : path, "must be a JSON object");
    const auto& o = v.get_object();
    const std::string prefix = path.empty() ? "" : path + ".";
    for (const auto& [key, value] : o) {
        bool known = false;
        for (const auto m : members) known = known || key == m;
        if (!known) {
            const std::string name(key);
            return Status::Invalid(IsValidUtf8(name) && name.size() <= 64 ? prefix + name : path,
                                   "is not a member of an assessment instrument");
        }
    }
    for (const auto m : members) {
        if (!o.contains(m)) return Status::Invalid(prefix + std::string(m), "is required");
    }
    return &o;
}

Result<std::string> StringAt(const json::object& o, std::string_view key, const std::string& path) {
    const auto& v = o.at(key);
    const std::string at = (path.empty() ? "" : path + ".") + std::string(key);
    if (!v.is_string()) return Status::Invalid(at, "must be a string");
    std::string text(v.get_string());
    if (!IsValidUtf8(text)) return Status::Invalid(at, "is not valid UTF-8");
    return text;
}

Result<const json::array*> ArrayAt(const json::object& o, std::string_view key, const std::string& path) {
    const auto& v = o.at(key);
    if (!v.is_array()) return Status::Invalid(path + "." + std::string(key), "must be an array");
    return &v.get_array();
}

}  // namespace

Result<domain::AssessmentInstrument> ParseAssessmentInstrument(std::string_view text) {
    json::parse_options options;
    options.max_depth = 16;
    std::error_code ec;
    const json::value doc = json::parse(text, ec, {}, options);
    if (ec) return Status::Invalid("instrument", "is not valid JSON: " + ec.message());
    domain::AssessmentInstrument instrument;
    ONESTORY_ASSIGN_OR_RETURN(const json::object* root, ObjectWith(doc, "", {"name", "version", "domains"}));
    ONESTORY_ASSIGN_OR_RETURN(instrument.name, StringAt(*root, "name", ""));
    ONESTORY_ASSIGN_OR_RETURN(instrument.version, StringAt(*root, "version", ""));
    const auto& domains = root->at("domains");
    if (!domains.is_array()) return Status::Invalid("domains", "must be an array");
    for (std::size_t i = 0; i < domains.get_array().size(); ++i) {
        const std::string at = "domains[" + std::to_string(i) + "]";
        ONESTORY_ASSIGN_OR_RETURN(const json::object* d,
                                  ObjectWith(domains.get_array()[i], at, {"key", "label", "sub_domains"}));
        domain::InstrumentDomain parsed;
        ONESTORY_ASSIGN_OR_RETURN(parsed.key, StringAt(*d, "key", at));
        ONESTORY_ASSIGN_OR_RETURN(parsed.label, StringAt(*d, "label", at));
        ONESTORY_ASSIGN_OR_RETURN(const json::array* subs, ArrayAt(*d, "sub_domains", at));
        for (std::size_t j = 0; j < subs->size(); ++j) {
            const std::string sub_at = at + ".sub_domains[" + std::to_string(j) + "]";
            ONESTORY_ASSIGN_OR_RETURN(const json::object* s, ObjectWith((*subs)[j], sub_at, {"key", "label"}));
            domain::SubDomain sub;
            ONESTORY_ASSIGN_OR_RETURN(sub.key, StringAt(*s, "key", sub_at));
            ONESTORY_ASSIGN_OR_RETURN(sub.label, StringAt(*s, "label", sub_at));
            parsed.sub_domains.push_back(std::move(sub));
        }
        instrument.domains.push_back(std::move(parsed));
    }
    ONESTORY_RETURN_IF_ERROR(domain::ValidateInstrument(instrument));
    return instrument;
}

Result<std::optional<domain::AssessmentInstrument>> LoadAssessmentInstrumentFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::optional<domain::AssessmentInstrument>();
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::FailedPrecondition("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > kMaxFileBytes) {
        return Status::Invalid("instrument", path.string() + " is larger than 1 MiB");
    }
    auto parsed = ParseAssessmentInstrument(text.str());
    if (!parsed.ok()) {
        return Status::Invalid(parsed.status().field(),
                               path.string() + ": " + parsed.status().field() + " " + parsed.status().message());
    }
    return std::optional<domain::AssessmentInstrument>(std::move(parsed).value());
}

}  // namespace onestory::cli
