// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "cli/settings_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "common/strings.hpp"
#include "store/postgres/postgres_dsn.hpp"
#include "store/retention_registry.hpp"

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

// "retention": {"contact": {"years": 1}, "record": {"days": 3650}}
Result<std::map<std::string, domain::RetentionPeriod>> ParseRetention(const json::value& v) {
    if (!v.is_object()) return Status::Invalid("retention", "must be an object of category: {\"years\": N}");
    std::map<std::string, domain::RetentionPeriod> out;
    for (const auto& [name, period] : v.get_object()) {
        const std::string key = "retention." + std::string(name);
        if (store::FindRetentionCategory(name) == nullptr) {
            std::string known;
            for (const auto& c : store::RetentionCategories())
                known += (known.empty() ? "" : ", ") + std::string(c.name);
            return Status::Invalid(key, "is not a retention category (known: " + known + ")");
        }
        if (!period.is_object() || period.get_object().size() != 1) {
            return Status::Invalid(key, "must be {\"years\": N} or {\"days\": N}");
        }
        domain::RetentionPeriod p;
        const auto& [unit, amount] = *period.get_object().begin();
        if (unit == "years") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(amount, key + ".years", 1, 100));
            p.years = static_cast<int>(n);
        } else if (unit == "days") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(amount, key + ".days", 1, 36500));
            p.days = static_cast<int>(n);
        } else {
            return Status::Invalid(key + "." + std::string(unit), "is not a unit; use years or days");
        }
        out.emplace(std::string(name), p);
    }
    return out;
}

Result<std::optional<std::string>> CourseId(const json::value& v, const std::string& key) {
    if (v.is_null()) return std::optional<std::string>();
    if (!v.is_string() || v.get_string().empty() || v.get_string().size() > 64) {
        return Status::Invalid(key, "must be a training id (as GET /api/v1/trainings shows it) or null");
    }
    return std::optional<std::string>(std::string(v.get_string()));
}

Result<std::string> Text(const json::object& o, std::string_view key, const std::string& where, bool required) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) {
        if (required) return Status::Invalid(where + std::string(key), "is required");
        return std::string();
    }
    if (!v->is_string()) return Status::Invalid(where + std::string(key), "must be a string");
    return std::string(v->get_string());
}

Status OnlyKeys(const json::object& o, std::initializer_list<std::string_view> keys, const std::string& where) {
    for (const auto& [key, value] : o) {
        if (std::find(keys.begin(), keys.end(), std::string_view(key)) == keys.end()) {
            return Status::Invalid(where + std::string(key), "is not a known member");
        }
    }
    return Status::Ok();
}

// "restoration": {"min_domain_score": 3.0, "domains": ["safety", ...]}; both members optional.
Result<domain::RestorationRule> RestorationFrom(const json::value& v) {
    if (!v.is_object()) return Status::Invalid("restoration", "must be an object");
    domain::RestorationRule rule;
    for (const auto& [key, value] : v.get_object()) {
        if (key == "min_domain_score") {
            if (!value.is_number()) return Status::Invalid("restoration.min_domain_score", "must be a number");
            rule.min_domain_score = value.to_number<double>();
        } else if (key == "domains") {
            if (!value.is_array()) return Status::Invalid("restoration.domains", "must be an array of domains");
            for (std::size_t i = 0; i < value.get_array().size(); ++i) {
                const auto& d = value.get_array()[i];
                if (!d.is_string()) {
                    return Status::Invalid("restoration.domains[" + std::to_string(i) + "]", "must be a string");
                }
                rule.domains.emplace_back(d.get_string());
            }
        } else {
            return Status::Invalid("restoration." + std::string(key).substr(0, 64), "is not a known setting");
        }
    }
    ONESTORY_RETURN_IF_ERROR(domain::ValidateRestorationRule(rule));
    return rule;
}

}  // namespace

Result<domain::CheckinInstrument> ParseCheckinInstrument(std::string_view text) {
    json::parse_options options;
    options.max_depth = 8;
    std::error_code ec;
    const json::value doc = json::parse(text, ec, {}, options);
    if (ec) return Status::Invalid("instrument", "the check-in instrument is not valid JSON: " + ec.message());
    if (!doc.is_object()) return Status::Invalid("instrument", "the check-in instrument must be a JSON object");
    const auto& o = doc.get_object();
    ONESTORY_RETURN_IF_ERROR(
        OnlyKeys(o, {"id", "version", "title", "attribution", "instructions", "scale", "items"}, ""));
    domain::CheckinInstrument in;
    ONESTORY_ASSIGN_OR_RETURN(in.id, Text(o, "id", "", true));
    ONESTORY_ASSIGN_OR_RETURN(in.version, Text(o, "version", "", true));
    ONESTORY_ASSIGN_OR_RETURN(in.title, Text(o, "title", "", true));
    ONESTORY_ASSIGN_OR_RETURN(in.attribution, Text(o, "attribution", "", false));
    ONESTORY_ASSIGN_OR_RETURN(in.instructions, Text(o, "instructions", "", false));
    const auto* scale = o.if_contains("scale");
    if (scale == nullptr || !scale->is_object())
        return Status::Invalid("scale", "must be an object {min, max, labels}");
    ONESTORY_RETURN_IF_ERROR(OnlyKeys(scale->get_object(), {"min", "max", "labels"}, "scale."));
    const auto* min = scale->get_object().if_contains("min");
    const auto* max = scale->get_object().if_contains("max");
    if (min == nullptr || !min->is_int64() || max == nullptr || !max->is_int64()) {
        return Status::Invalid("scale", "min and max must be whole numbers");
    }
    in.scale_min = static_cast<int>(std::clamp<std::int64_t>(min->get_int64(), -1000, 1000));
    in.scale_max = static_cast<int>(std::clamp<std::int64_t>(max->get_int64(), -1000, 1000));
    if (const auto* labels = scale->get_object().if_contains("labels")) {
        if (!labels->is_array()) return Status::Invalid("scale.labels", "must be an array of strings");
        for (const auto& l : labels->get_array()) {
            if (!l.is_string()) return Status::Invalid("scale.labels", "must be an array of strings");
            in.scale_labels.emplace_back(l.get_string());
        }
    }
    const auto* items = o.if_contains("items");
    if (items == nullptr || !items->is_array()) return Status::Invalid("items", "must be an array of items");
    for (std::size_t i = 0; i < items->get_array().size(); ++i) {
        const auto& item = items->get_array()[i];
        const std::string where = "items[" + std::to_string(i) + "].";
        if (!item.is_object()) return Status::Invalid("items[" + std::to_string(i) + "]", "must be an object");
        ONESTORY_RETURN_IF_ERROR(OnlyKeys(item.get_object(), {"id", "text", "reverse"}, where));
        domain::CheckinItem ci;
        ONESTORY_ASSIGN_OR_RETURN(ci.id, Text(item.get_object(), "id", where, true));
        ONESTORY_ASSIGN_OR_RETURN(ci.text, Text(item.get_object(), "text", where, true));
        if (const auto* reverse = item.get_object().if_contains("reverse")) {
            if (!reverse->is_bool()) return Status::Invalid(where + "reverse", "must be true or false");
            ci.reverse = reverse->get_bool();
        }
        in.items.push_back(std::move(ci));
    }
    ONESTORY_RETURN_IF_ERROR(domain::ValidateInstrument(in));
    return in;
}

Result<domain::CheckinInstrument> LoadCheckinInstrument(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return domain::DefaultCheckinInstrument();
    std::ifstream in(path);
    if (!in) return Status::FailedPrecondition("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 1024 * 1024) return Status::Invalid("instrument", path.string() + " is larger than 1 MiB");
    auto parsed = ParseCheckinInstrument(text.str());
    if (!parsed.ok()) {
        return Status::Invalid(parsed.status().field(),
                               path.string() + ": " + parsed.status().field() + " " + parsed.status().message());
    }
    return parsed;
}

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
        } else if (key == "address_failure_limit") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 10000));
            settings.address_failure_limit = static_cast<int>(n);
        } else if (key == "address_failure_window_minutes") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 24 * 60));
            settings.address_failure_window = std::chrono::minutes(n);
        } else if (key == "totp_required_roles") {
            if (!value.is_array()) return Status::Invalid(std::string(key), "must be a list of role names");
            for (const auto& role : value.get_array()) {
                const auto parsed = role.is_string() ? ParseEnum<policy::Role>(role.get_string()) : std::nullopt;
                if (!parsed) {
                    return Status::Invalid(std::string(key),
                                           "must hold role names only: " + JoinList(AllNames<policy::Role>()));
                }
                settings.totp_required_roles.push_back(*parsed);
            }
        } else if (key == "retention") {
            ONESTORY_ASSIGN_OR_RETURN(settings.retention, ParseRetention(value));
        } else if (key == "store") {
            if (!value.is_string()) return Status::Invalid(std::string(key), "must be a PostgreSQL URI string");
            settings.store = std::string(value.get_string());
            ONESTORY_RETURN_IF_ERROR(store::ValidatePostgresDsn(settings.store));
        } else if (key == "portal_exit_url") {
            if (!value.is_string()) return Status::Invalid(std::string(key), "must be a URL string");
            const std::string url(value.get_string());
            const bool scheme = url.starts_with("https://") || url.starts_with("http://");
            const bool clean = url.size() <= 2000 && url.find_first_of(" \t\r\n\"<>\\") == std::string::npos;
            if (!scheme || !clean || url.size() < 12) {
                return Status::Invalid(std::string(key), "must be an https:// (or http://) URL without spaces");
            }
            settings.portal_exit_url = url;
        } else if (key == "store_pool_size") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 1, 1000));
            settings.store_pool_size = static_cast<int>(n);
        } else if (key == "suppression_threshold") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 2, 100));
            settings.suppression_threshold = static_cast<int>(n);
        } else if (key == "exposure_nudge_minutes") {
            ONESTORY_ASSIGN_OR_RETURN(auto n, IntIn(value, key, 60, 7 * 24 * 60));
            settings.exposure_nudge_minutes = static_cast<int>(n);
        } else if (key == "require_training") {
            if (!value.is_object()) {
                return Status::Invalid(std::string(key), "must be an object: {\"interviewer\": id, \"assessor\": id}");
            }
            for (const auto& [duty, course] : value.get_object()) {
                const std::string name = "require_training." + std::string(duty);
                if (duty == "interviewer") {
                    ONESTORY_ASSIGN_OR_RETURN(settings.require_training_interviewer, CourseId(course, name));
                } else if (duty == "assessor") {
                    ONESTORY_ASSIGN_OR_RETURN(settings.require_training_assessor, CourseId(course, name));
                } else {
                    return Status::Invalid(name, "is not a known setting");
                }
            }
        } else if (key == "restoration") {
            ONESTORY_ASSIGN_OR_RETURN(settings.restoration, RestorationFrom(value));
        } else {
            // Found by fuzzing: an empty name gave an error that named nothing.
            if (key.empty()) return Status::Invalid("settings", "settings.json has a setting with an empty name");
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
    struct stat st {};
    if (store::DsnHasPassword(parsed->store) && ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0077) != 0) {
        return Status::FailedPrecondition(path.string() +
                                          " holds the database password but other users can read it; "
                                          "run `chmod 600 " +
                                          path.string() + "`");
    }
    return parsed;
}

Status WriteStoreSetting(const std::filesystem::path& path, const std::optional<std::string>& dsn) {
    json::object doc;
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        std::ifstream in(path);
        std::ostringstream text;
        text << in.rdbuf();
        std::error_code parse_error;
        json::value parsed = json::parse(text.str(), parse_error);
        if (parse_error || !parsed.is_object()) {
            return Status::Invalid("settings", path.string() + " is not a JSON object; fix it first");
        }
        doc = std::move(parsed.get_object());
    }
    if (dsn) {
        doc["store"] = *dsn;
    } else {
        doc.erase("store");
    }
    // Written whole to a private temporary file, then renamed over the old
    // one: a crash leaves either the old settings or the new, never half.
    const std::filesystem::path temp = path.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return Status::FailedPrecondition("cannot write " + temp.string());
    ::fchmod(fd, 0600);
    const std::string text = json::serialize(doc) + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) {
        std::filesystem::remove(temp, ec);
        return Status::FailedPrecondition("cannot write " + temp.string());
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) return Status::FailedPrecondition("cannot replace " + path.string() + ": " + ec.message());
    return Status::Ok();
}

}  // namespace onestory::cli
