// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/settings_file.hpp"

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace onestory::cli {
namespace json = boost::json;
namespace {

Result<std::int64_t> IntIn(const json::value& v, std::string_view key, std::int64_t min, std::int64_t max) {
    if (!v.is_int64() && !v.is_uint64()) return Status::Invalid(std::string(key), "must be a whole number");
    const std::int64_t n = v.is_int64() ? v.get_int64() : static_cast<std::int64_t>(v.get_uint64());
    if (n < min || n > max) {
        return Status::Invalid(std::string(key),
                               "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return n;
}

}  // namespace

Result<domain::Settings> ParseSettings(std::string_view text) {
    json::parse_options options;
    options.max_depth = 16;
    std::error_code ec;
    const json::value doc = json::parse(text, ec, {}, options);
    if (ec) return Status::Invalid("settings", "settings.json is not valid JSON: " + ec.message());
    if (!doc.is_object()) return Status::Invalid("settings", "settings.json must hold a JSON object");
    domain::Settings settings;
    for (const auto& [key, value] : doc.get_object()) {
        if (key == "idle_timeout_minutes") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 24 * 60));
            settings.idle_timeout = std::chrono::minutes(n);
        } else if (key == "lockout_threshold") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 100));
            settings.lockout_threshold = static_cast<int>(n);
        } else if (key == "lockout_minutes") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 24 * 60));
            settings.lockout_duration = std::chrono::minutes(n);
        } else if (key == "min_password_length") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 12, 128));
            settings.min_password_length = static_cast<int>(n);
        } else {
            return Status::Invalid(std::string(key), "is not a known setting");
        }
    }
    return settings;
}

Result<domain::Settings> LoadSettingsFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return domain::Settings{};
    std::ifstream in(path);
    if (!in) return Status::FailedPrecondition("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 1024 * 1024) return Status::Invalid("settings", "settings.json is larger than 1 MiB");
    auto parsed = ParseSettings(text.str());
    if (!parsed.ok()) {
        return Status::Invalid(parsed.status().field(),
                               path.string() + ": " + parsed.status().field() + " " + parsed.status().message());
    }
    return parsed;
}

}  // namespace onestory::cli
