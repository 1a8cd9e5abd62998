// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// DATA_DIR/assessment_instrument.json: whatever the file holds, the parser
// answers an instrument that keeps the documented rules, or a Status naming
// the member it refuses; never anything else.
#include <cstdlib>
#include <set>

#include <boost/json.hpp>

#include "cli/assessment_instrument_file.hpp"
#include "fuzz/fuzz_support.hpp"

namespace {

// onestory's own instrument, written as the file would hold it.
std::string DefaultInstrumentFile() {
    namespace json = boost::json;
    const auto instrument = onestory::domain::DefaultInstrument();
    json::array domains;
    for (const auto& d : instrument.domains) {
        json::array subs;
        for (const auto& s : d.sub_domains) subs.push_back(json::object{{"key", s.key}, {"label", s.label}});
        domains.push_back(json::object{{"key", d.key}, {"label", d.label}, {"sub_domains", subs}});
    }
    return json::serialize(
        json::object{{"name", instrument.name}, {"version", instrument.version}, {"domains", domains}});
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    onestory::fuzz::WriteSeedsIfAsked({
        DefaultInstrumentFile(),
        R"({"name": "x", "version": "1", "domains": []})",
        R"({"name": "x", "version": "1", "domains": [{"key": "safety", "label": "Safety", "sub_domains": [{"key": "Bad Key", "label": ""}]}]})",
        R"({"name": "x", "version": "1", "domains": [{"key": "safety", "label": "S", "sub_domains": []}], "extra": 1})",
        R"({"name": 1})",
        R"([[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]])",
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace domain = onestory::domain;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = onestory::cli::ParseAssessmentInstrument(text);
    if (!parsed.ok()) {
        if (parsed.status().field().empty()) std::abort();  // every refusal names what it refuses
        return 0;
    }
    // Whatever was accepted keeps the rules: the six domains once each, 1 to
    // 8 sub-domains of distinct well-formed keys, labels and names not empty.
    if (parsed->name.empty() || parsed->version.empty()) std::abort();
    if (parsed->domains.size() != domain::kAssessmentDomains.size()) std::abort();
    std::set<std::string> seen;
    for (const auto& d : parsed->domains) {
        if (!seen.insert(d.key).second || d.label.empty()) std::abort();
        if (d.sub_domains.empty() || d.sub_domains.size() > 8) std::abort();
        std::set<std::string> keys;
        for (const auto& s : d.sub_domains) {
            if (!keys.insert(s.key).second || !domain::IsInstrumentKey(s.key) || s.label.empty()) std::abort();
        }
    }
    for (const auto& name : domain::kAssessmentDomains) {
        if (parsed->Find(name) == nullptr) std::abort();
    }
    return 0;
}
