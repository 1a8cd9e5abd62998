// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onestory {

// Every enumeration of the domain vocabulary travels as a lower-case
// snake_case string (API, store, audit). Each enum specialises EnumNames with
// a table of its values and names; these helpers read the table.
template <class E>
struct EnumNames;  // static constexpr std::array<std::pair<E, std::string_view>, N> kTable;

template <class E>
std::string_view NameOf(E value) {
    for (const auto& [v, name] : EnumNames<E>::kTable) {
        if (v == value) return name;
    }
    return "unknown";
}

template <class E>
std::optional<E> ParseEnum(std::string_view name) {
    for (const auto& [v, n] : EnumNames<E>::kTable) {
        if (n == name) return v;
    }
    return std::nullopt;
}

template <class E>
std::vector<std::string> AllNames() {
    std::vector<std::string> out;
    for (const auto& entry : EnumNames<E>::kTable) out.emplace_back(entry.second);
    return out;
}

template <class E>
std::vector<std::string> NamesOf(const std::vector<E>& values) {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (const E v : values) out.emplace_back(NameOf(v));
    return out;
}

}  // namespace onestory
