// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "common/enum_names.hpp"
#include "common/status.hpp"

namespace onestory::api {

// A small subset of JSON Schema that describes every request body (and
// response) of the API. The same description validates incoming bodies and
// is published in the OpenAPI document, so the two cannot drift apart.
//
// Validation is strict: unknown members, wrong types, missing required
// members, strings that are not valid UTF-8, too long or not in an
// enumeration, malformed dates, and oversized arrays are each refused with
// the path of the offending member ("preferences.children", "languages[2]").
class Schema {
  public:
    enum class Type { kObject, kArray, kString, kInteger, kNumber, kBoolean, kAny };
    enum class Format { kNone, kDate, kDateTime };
    struct Property;

    static Schema Object(std::vector<Property> properties);
    static Schema Array(Schema items);
    static Schema String();
    static Schema Enum(std::vector<std::string> values);
    template <class E>
    static Schema EnumOf() {
        return Enum(AllNames<E>());
    }
    static Schema Date();
    static Schema DateTime();
    static Schema Integer();
    static Schema Number();
    static Schema Boolean();
    // Any JSON value (responses only, e.g. free-form report tables).
    static Schema Any();

    Schema& Nullable(bool nullable = true);
    Schema& MinLength(std::size_t n);
    Schema& MaxLength(std::size_t n);
    Schema& Minimum(std::int64_t n);
    Schema& Maximum(std::int64_t n);
    Schema& MinItems(std::size_t n);
    Schema& MaxItems(std::size_t n);
    Schema& UniqueItems(bool unique = true);
    Schema& Describe(std::string description);
    // For objects: members other than those listed are accepted (responses).
    Schema& Open(bool open = true);

    Type type() const { return type_; }
    const std::vector<Property>& properties() const { return properties_; }

    // Validates `value` against this schema; `path` names it in errors.
    Status Validate(const boost::json::value& value, const std::string& path = {}) const;
    // JSON Schema 2020-12, as OpenAPI 3.1 uses it.
    boost::json::value ToJson() const;

  private:
    // Out of line: Property is not complete here, and clang instantiates the
    // vector's destructor for an inline constructor.
    explicit Schema(Type type);

    Type type_;
    Format format_ = Format::kNone;
    bool nullable_ = false;
    bool open_ = false;
    bool unique_items_ = false;
    std::optional<std::size_t> min_length_;
    std::optional<std::size_t> max_length_;
    std::optional<std::int64_t> minimum_;
    std::optional<std::int64_t> maximum_;
    std::optional<std::size_t> min_items_;
    std::optional<std::size_t> max_items_;
    std::vector<std::string> enum_values_;
    std::vector<Property> properties_;
    std::vector<Schema> items_;  // one element for arrays
    std::string description_;
};

struct Schema::Property {
    std::string name;
    Schema schema;
    bool required = false;
};

inline Schema::Property Required(std::string name, Schema schema) {
    return {std::move(name), std::move(schema), true};
}
inline Schema::Property Optional(std::string name, Schema schema) {
    return {std::move(name), std::move(schema), false};
}

}  // namespace onestory::api
