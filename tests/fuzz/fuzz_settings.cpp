// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// settings.json: whatever the file holds, the parser answers settings or a
// Status naming the key, never anything else.
#include <cstdlib>

#include "cli/settings_file.hpp"
#include "fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    onestory::fuzz::WriteSeedsIfAsked({
        "{}",
        R"({"idle_timeout_minutes": 10, "lockout_threshold": 3, "lockout_minutes": 60, "min_password_length": 14})",
        R"({"retention": {"contact": {"years": 1}, "record": {"days": 3650}}})",
        R"({"retention": {"contact": {"months": 1}}})",
        R"({"restoration": {"min_domain_score": 2.5, "domains": ["safety", "mental_wellbeing"]}})",
        R"({"retention": {"statement": {"years": 7}}, "totp_required_roles": ["admin", "supervisor"]})",
        R"({"idle_timeout_minutes": 1e400})",
        R"([{"a": [[[[[[]]]]]]}])",
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto settings = onestory::cli::ParseSettings(text);
    if (settings.ok()) {
        // Whatever was accepted is within the documented bounds.
        if (settings->lockout_threshold < 1 || settings->min_password_length < 12 ||
            settings->idle_timeout.count() < 1) {
            std::abort();
        }
        for (const auto& [category, period] : settings->retention) {
            if ((period.years > 0) == (period.days > 0)) std::abort();
        }
    } else if (settings.status().field().empty()) {
        std::abort();  // every refusal names what it refuses
    }
    return 0;
}
