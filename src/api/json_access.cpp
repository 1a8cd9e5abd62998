// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/json_access.hpp"

namespace onestory::api {

namespace json = boost::json;

bool Has(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v != nullptr && !v->is_null();
}

std::string GetString(const json::object& o, std::string_view key) {
    return GetOptString(o, key).value_or("");
}

std::optional<std::string> GetOptString(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || !v->is_string()) return std::nullopt;
    return std::string(v->get_string());
}

std::vector<std::string> GetStringList(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    const auto* v = o.if_contains(key);
    if (v == nullptr || !v->is_array()) return out;
    for (const auto& item : v->get_array()) {
        if (item.is_string()) out.emplace_back(item.get_string());
    }
    return out;
}

std::int64_t GetInt(const json::object& o, std::string_view key) {
    return GetOptInt(o, key).value_or(0);
}

std::optional<std::int64_t> GetOptInt(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_int64()) return v->get_int64();
    if (v->is_uint64()) return static_cast<std::int64_t>(v->get_uint64());
    return std::nullopt;
}

std::optional<bool> GetOptBool(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || !v->is_bool()) return std::nullopt;
    return v->get_bool();
}

std::optional<Date> GetOptDate(const json::object& o, std::string_view key) {
    const auto text = GetOptString(o, key);
    if (!text) return std::nullopt;
    return ParseDate(*text);
}

std::optional<Instant> GetOptInstant(const json::object& o, std::string_view key) {
    const auto text = GetOptString(o, key);
    if (!text) return std::nullopt;
    return ParseInstant(*text);
}

std::optional<std::optional<std::string>> GetStringPatch(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<std::string>();
    return std::optional<std::string>(GetOptString(o, key));
}

std::optional<std::optional<Instant>> GetInstantPatch(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<Instant>();
    return std::optional<Instant>(GetOptInstant(o, key));
}

json::array ToJsonArray(const std::vector<std::string>& values) {
    json::array out;
    out.reserve(values.size());
    for (const auto& v : values) out.emplace_back(v);
    return out;
}

json::value OptionalString(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return json::value(*value);
}

}  // namespace onestory::api
