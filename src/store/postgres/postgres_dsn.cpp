// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_dsn.hpp"

#include <libpq-fe.h>

#include <memory>
#include <optional>

namespace onestory::store {
namespace {

struct OptionsDeleter {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};

// The options written in the DSN itself (libpq's defaults and environment are
// not consulted), or nothing when libpq cannot parse it.
std::optional<std::map<std::string, std::string>> Parse(std::string_view dsn) {
    const std::string text(dsn);
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, OptionsDeleter> options(PQconninfoParse(text.c_str(), &error));
    if (error != nullptr) PQfreemem(error);
    if (options == nullptr) return std::nullopt;
    std::map<std::string, std::string> out;
    for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
        if (o->val != nullptr && *o->val != '\0') out[o->keyword] = o->val;
    }
    return out;
}

std::string PercentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
            u == '_' || u == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        }
    }
    return out;
}

}  // namespace

bool IsPostgresDsn(std::string_view dsn) {
    return dsn.starts_with("postgresql://") || dsn.starts_with("postgres://");
}

Status ValidatePostgresDsn(std::string_view dsn) {
    if (!IsPostgresDsn(dsn)) {
        return Status::Invalid("store", "must be a PostgreSQL URI: postgresql://USER@HOST:PORT/DATABASE");
    }
    if (!Parse(dsn)) {
        return Status::Invalid("store",
                               "is not a valid PostgreSQL URI (postgresql://USER@HOST:PORT/DATABASE; "
                               "percent-encode special characters)");
    }
    return Status::Ok();
}

bool DsnHasPassword(std::string_view dsn) {
    const auto options = Parse(dsn);
    return options && options->contains("password");
}

std::string DescribeDsn(std::string_view dsn) {
    const auto options = Parse(dsn);
    if (!options) return "(unparseable connection string)";
    auto get = [&](const char* key) {
        const auto it = options->find(key);
        return it == options->end() ? std::string() : it->second;
    };
    std::string host = get("host");
    if (host.empty()) host = get("hostaddr");
    std::string out = "postgresql://";
    if (const auto user = get("user"); !user.empty()) out += user + "@";
    out += host;
    if (const auto port = get("port"); !port.empty()) out += ":" + port;
    if (const auto db = get("dbname"); !db.empty()) out += "/" + db;
    return out;
}

Result<std::map<std::string, std::string>> DsnParameters(std::string_view dsn) {
    auto options = Parse(dsn);
    if (!options) return ValidatePostgresDsn(dsn);
    return *std::move(options);
}

Result<std::string> DsnWith(std::string_view dsn, const std::map<std::string, std::string>& overrides) {
    auto options = Parse(dsn);
    if (!options) return ValidatePostgresDsn(dsn);
    for (const auto& [key, value] : overrides) {
        if (value.empty()) {
            options->erase(key);
        } else {
            (*options)[key] = value;
        }
    }
    std::string out = "postgresql:///";
    if (const auto db = options->find("dbname"); db != options->end()) out += PercentEncode(db->second);
    char separator = '?';
    for (const auto& [key, value] : *options) {
        if (key == "dbname") continue;
        out += separator;
        out += key + "=" + PercentEncode(value);
        separator = '&';
    }
    return out;
}

Result<std::string> DsnWithDatabase(std::string_view dsn, std::string_view database) {
    return DsnWith(dsn, {{"dbname", std::string(database)}});
}

}  // namespace onestory::store
