// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "common/enum_names.hpp"
#include "common/time.hpp"

// Typed reads of a request body that its route's Schema has already
// validated: a member the schema requires is there and has the right type,
// so these accessors only convert.
namespace onestory::api {

bool Has(const boost::json::object& o, std::string_view key);  // present and not null
std::string GetString(const boost::json::object& o, std::string_view key);
std::optional<std::string> GetOptString(const boost::json::object& o, std::string_view key);
std::vector<std::string> GetStringList(const boost::json::object& o, std::string_view key);
std::int64_t GetInt(const boost::json::object& o, std::string_view key);
std::optional<std::int64_t> GetOptInt(const boost::json::object& o, std::string_view key);
std::optional<bool> GetOptBool(const boost::json::object& o, std::string_view key);
std::optional<Date> GetOptDate(const boost::json::object& o, std::string_view key);
std::optional<Instant> GetOptInstant(const boost::json::object& o, std::string_view key);

template <class E>
std::optional<E> GetOptEnum(const boost::json::object& o, std::string_view key) {
    const auto text = GetOptString(o, key);
    if (!text) return std::nullopt;
    return ParseEnum<E>(*text);
}

template <class E>
std::vector<E> GetEnumList(const boost::json::object& o, std::string_view key) {
    std::vector<E> out;
    for (const auto& name : GetStringList(o, key)) {
        if (auto v = ParseEnum<E>(name)) out.push_back(*v);
    }
    return out;
}

// Merge-patch members: absent (nullopt), null (an empty inner optional) or a value.
std::optional<std::optional<std::string>> GetStringPatch(const boost::json::object& o, std::string_view key);
std::optional<std::optional<Instant>> GetInstantPatch(const boost::json::object& o, std::string_view key);
template <class E>
std::optional<std::optional<E>> GetEnumPatch(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (v == nullptr) return std::nullopt;
    if (v->is_null()) return std::optional<E>();
    return std::optional<E>(GetOptEnum<E>(o, key));
}

// JSON helpers for responses.
boost::json::array ToJsonArray(const std::vector<std::string>& values);
template <class E>
boost::json::array EnumArray(const std::vector<E>& values) {
    return ToJsonArray(NamesOf(values));
}
boost::json::value OptionalString(const std::optional<std::string>& value);

}  // namespace onestory::api
