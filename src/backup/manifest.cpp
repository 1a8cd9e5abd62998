// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "backup/manifest.hpp"

#include <charconv>
#include <set>

#include "common/time.hpp"

namespace onestory::backup {
namespace {

constexpr std::string_view kFirstLine = "onestory-backup-manifest v1";
constexpr std::size_t kMaxValueBytes = 200;

Status Bad(std::string what) {
    return Status::DataLoss("the backup's manifest is malformed: " + what);
}

template <class Int>
bool ParseInt(std::string_view text, Int& out) {
    if (text.empty() || text.size() > 19) return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size() && out >= 0;
}

bool IsPrintable(std::string_view text) {
    for (const char c : text) {
        if (c < 0x21 || c > 0x7e) return false;
    }
    return true;
}

}  // namespace

std::string FormatManifest(const Manifest& m) {
    std::string out(kFirstLine);
    out += "\ncreated_at=" + m.created_at;
    out += "\nonestory_version=" + m.onestory_version;
    out += "\nschema_version=" + std::to_string(m.schema_version);
    out += "\nmaster_key_fingerprint=" + m.master_key_fingerprint;
    out += "\ndatabase_bytes=" + std::to_string(m.database_bytes);
    out += "\n";
    return out;
}

Result<Manifest> ParseManifest(std::string_view text) {
    if (!text.starts_with(kFirstLine) || text.size() == kFirstLine.size() || text[kFirstLine.size()] != '\n') {
        return Bad("it does not start with \"onestory-backup-manifest v1\"");
    }
    text.remove_prefix(kFirstLine.size() + 1);
    Manifest m;
    std::set<std::string, std::less<>> seen;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        if (newline == std::string_view::npos) return Bad("its last line is not terminated");
        const std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline + 1);
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) return Bad("a line has no '='");
        const std::string_view key = line.substr(0, eq);
        const std::string_view value = line.substr(eq + 1);
        if (value.empty() || value.size() > kMaxValueBytes || !IsPrintable(value)) {
            return Bad("the value of a line is empty, too long or not printable");
        }
        if (!seen.emplace(key).second) return Bad("a key appears twice");
        if (key == "created_at") {
            if (!ParseInstant(value)) return Bad("created_at is not a time");
            m.created_at = std::string(value);
        } else if (key == "onestory_version") {
            m.onestory_version = std::string(value);
        } else if (key == "schema_version") {
            if (!ParseInt(value, m.schema_version)) return Bad("schema_version is not a number");
        } else if (key == "master_key_fingerprint") {
            m.master_key_fingerprint = std::string(value);
        } else if (key == "database_bytes") {
            if (!ParseInt(value, m.database_bytes)) return Bad("database_bytes is not a number");
        } else {
            return Bad("it has an unknown key");
        }
    }
    if (seen.size() != 5) return Bad("a key is missing");
    return m;
}

}  // namespace onestory::backup
