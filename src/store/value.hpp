// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace onestory::store {

// Binary data (sealed values, wrapped keys, hashes) bound as BLOB/BYTEA.
struct Blob {
    std::string bytes;
    friend bool operator==(const Blob&, const Blob&) = default;
};

// A bound parameter or a column value. Booleans are stored as 0/1 integers and
// instants as integer microseconds, so every backend holds them alike.
class SqlValue {
  public:
    using Variant = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

    SqlValue() = default;
    SqlValue(std::nullopt_t) {}                                     // NOLINT: implicit by design
    SqlValue(std::int64_t v) : v_(v) {}                             // NOLINT
    SqlValue(int v) : v_(static_cast<std::int64_t>(v)) {}           // NOLINT
    SqlValue(bool v) : v_(static_cast<std::int64_t>(v ? 1 : 0)) {}  // NOLINT
    SqlValue(double v) : v_(v) {}                                   // NOLINT
    SqlValue(std::string v) : v_(std::move(v)) {}                   // NOLINT
    SqlValue(std::string_view v) : v_(std::string(v)) {}            // NOLINT
    SqlValue(const char* v) : v_(std::string(v)) {}                 // NOLINT
    SqlValue(Blob v) : v_(std::move(v)) {}                          // NOLINT
    template <class T>
    SqlValue(const std::optional<T>& v) {  // NOLINT
        if (v) *this = SqlValue(*v);
    }

    const Variant& variant() const { return v_; }
    bool is_null() const { return std::holds_alternative<std::monostate>(v_); }

    // Typed reads of a column. A NULL reads as 0 / "" ; a type mismatch is a
    // programmer error in the row mapping and aborts.
    std::int64_t AsInt() const;
    double AsDouble() const;
    const std::string& AsText() const;
    const std::string& AsBlob() const;
    bool AsBool() const { return AsInt() != 0; }
    std::optional<std::string> AsOptionalText() const;
    std::optional<std::int64_t> AsOptionalInt() const;

  private:
    Variant v_;
};

using Row = std::vector<SqlValue>;
using Rows = std::vector<Row>;

}  // namespace onestory::store
