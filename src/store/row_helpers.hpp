// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/value.hpp"

// Small conversions shared by the row files: optional sealed values travel as
// BLOB or NULL, optional instants and flags as INTEGER or NULL.
namespace onestory::store {

inline SqlValue BlobOrNull(const std::optional<std::string>& v) {
    if (!v) return SqlValue();
    return SqlValue(Blob{*v});
}

inline std::optional<std::string> OptionalBlob(const SqlValue& v) {
    if (v.is_null()) return std::nullopt;
    return v.AsBlob();
}

inline SqlValue FlagOrNull(const std::optional<bool>& v) {
    if (!v) return SqlValue();
    return SqlValue(*v);
}

inline std::optional<bool> OptionalFlag(const SqlValue& v) {
    if (v.is_null()) return std::nullopt;
    return v.AsBool();
}

}  // namespace onestory::store
