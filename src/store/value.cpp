// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "store/value.hpp"

#include "common/check.hpp"

namespace onestory::store {

std::int64_t SqlValue::AsInt() const {
    if (is_null()) return 0;
    const auto* v = std::get_if<std::int64_t>(&v_);
    ONESTORY_CHECK(v != nullptr, "column is not an integer");
    return *v;
}

double SqlValue::AsDouble() const {
    if (is_null()) return 0;
    if (const auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
    const auto* v = std::get_if<double>(&v_);
    ONESTORY_CHECK(v != nullptr, "column is not a number");
    return *v;
}

const std::string& SqlValue::AsText() const {
    static const std::string kEmpty;
    if (is_null()) return kEmpty;
    const auto* v = std::get_if<std::string>(&v_);
    ONESTORY_CHECK(v != nullptr, "column is not text");
    return *v;
}

const std::string& SqlValue::AsBlob() const {
    static const std::string kEmpty;
    if (is_null()) return kEmpty;
    if (const auto* t = std::get_if<std::string>(&v_)) return *t;
    const auto* v = std::get_if<Blob>(&v_);
    ONESTORY_CHECK(v != nullptr, "column is not a blob");
    return v->bytes;
}

std::optional<std::string> SqlValue::AsOptionalText() const {
    if (is_null()) return std::nullopt;
    return AsText();
}

std::optional<std::int64_t> SqlValue::AsOptionalInt() const {
    if (is_null()) return std::nullopt;
    return AsInt();
}

}  // namespace onestory::store
