// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/schema.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "common/strings.hpp"
#include "common/time.hpp"

namespace onestory::api {
namespace json = boost::json;
namespace {

// Without a stated limit, strings and arrays are still bounded.
constexpr std::size_t kDefaultMaxLength = 4096;
constexpr std::size_t kDefaultMaxItems = 100;

std::size_t CodePoints(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Member(const std::string& path, std::string_view name) {
    return path.empty() ? std::string(name) : path + "." + std::string(name);
}

std::string PathOr(const std::string& path, std::string_view fallback) {
    return path.empty() ? std::string(fallback) : path;
}

std::string_view TypeName(Schema::Type t) {
    switch (t) {
        case Schema::Type::kObject:
            return "an object";
        case Schema::Type::kArray:
            return "an array";
        case Schema::Type::kString:
            return "a string";
        case Schema::Type::kInteger:
            return "an integer";
        case Schema::Type::kNumber:
            return "a number";
        case Schema::Type::kBoolean:
            return "true or false";
        case Schema::Type::kAny:
            return "a value";
    }
    return "a value";
}

}  // namespace

Schema::Schema(Type type) : type_(type) {}

Schema Schema::Object(std::vector<Property> properties) {
    Schema s(Type::kObject);
    s.properties_ = std::move(properties);
    return s;
}
Schema Schema::Array(Schema items) {
    Schema s(Type::kArray);
    s.items_.push_back(std::move(items));
    return s;
}
Schema Schema::String() {
    return Schema(Type::kString);
}
Schema Schema::Enum(std::vector<std::string> values) {
    Schema s(Type::kString);
    s.enum_values_ = std::move(values);
    return s;
}
Schema Schema::Date() {
    Schema s(Type::kString);
    s.format_ = Format::kDate;
    return s;
}
Schema Schema::DateTime() {
    Schema s(Type::kString);
    s.format_ = Format::kDateTime;
    return s;
}
Schema Schema::Integer() {
    return Schema(Type::kInteger);
}
Schema Schema::Number() {
    return Schema(Type::kNumber);
}
Schema Schema::Boolean() {
    return Schema(Type::kBoolean);
}
Schema Schema::Any() {
    return Schema(Type::kAny);
}

Schema& Schema::Nullable(bool nullable) {
    nullable_ = nullable;
    return *this;
}
Schema& Schema::MinLength(std::size_t n) {
    min_length_ = n;
    return *this;
}
Schema& Schema::MaxLength(std::size_t n) {
    max_length_ = n;
    return *this;
}
Schema& Schema::Minimum(std::int64_t n) {
    minimum_ = n;
    return *this;
}
Schema& Schema::Maximum(std::int64_t n) {
    maximum_ = n;
    return *this;
}
Schema& Schema::MinItems(std::size_t n) {
    min_items_ = n;
    return *this;
}
Schema& Schema::MaxItems(std::size_t n) {
    max_items_ = n;
    return *this;
}
Schema& Schema::UniqueItems(bool unique) {
    unique_items_ = unique;
    return *this;
}
Schema& Schema::Describe(std::string description) {
    description_ = std::move(description);
    return *this;
}
Schema& Schema::Open(bool open) {
    open_ = open;
    return *this;
}

Status Schema::Validate(const json::value& value, const std::string& path) const {
    if (value.is_null()) {
        if (nullable_ || type_ == Type::kAny) return Status::Ok();
        return Status::Invalid(PathOr(path, "body"), "must not be null");
    }
    auto wrong_type = [&] { return Status::Invalid(PathOr(path, "body"), "must be " + std::string(TypeName(type_))); };
    switch (type_) {
        case Type::kAny:
            return Status::Ok();
        case Type::kBoolean:
            return value.is_bool() ? Status::Ok() : wrong_type();
        case Type::kNumber:
            return value.is_number() ? Status::Ok() : wrong_type();
        case Type::kInteger: {
            std::int64_t n = 0;
            if (value.is_int64()) {
                n = value.get_int64();
            } else if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
                n = static_cast<std::int64_t>(value.get_uint64());
            } else {
                return wrong_type();
            }
            if (minimum_ && n < *minimum_) {
                return Status::Invalid(path, "must be at least " + std::to_string(*minimum_));
            }
            if (maximum_ && n > *maximum_) {
                return Status::Invalid(path, "must be at most " + std::to_string(*maximum_));
            }
            return Status::Ok();
        }
        case Type::kString: {
            if (!value.is_string()) return wrong_type();
            const std::string_view text = value.get_string();
            if (!IsValidUtf8(text)) return Status::Invalid(path, "is not valid UTF-8");
            if (!enum_values_.empty()) {
                if (std::find(enum_values_.begin(), enum_values_.end(), text) == enum_values_.end()) {
                    return Status::Invalid(path, "must be one of: " + JoinList(enum_values_));
                }
                return Status::Ok();
            }
            if (format_ == Format::kDate && !ParseDate(text)) {
                return Status::Invalid(path, "must be a date written YYYY-MM-DD");
            }
            if (format_ == Format::kDateTime && !ParseInstant(text)) {
                return Status::Invalid(path, "must be a time written as RFC 3339, e.g. 2026-11-26T14:00:00Z");
            }
            const std::size_t length = CodePoints(text);
            const std::size_t max = max_length_.value_or(kDefaultMaxLength);
            if (length > max || text.size() > max * 4) {
                return Status::Invalid(path, "must be at most " + std::to_string(max) + " characters");
            }
            if (min_length_ && length < *min_length_) {
                return Status::Invalid(path, *min_length_ == 1
                                                 ? "must not be empty"
                                                 : "must be at least " + std::to_string(*min_length_) + " characters");
            }
            return Status::Ok();
        }
        case Type::kArray: {
            if (!value.is_array()) return wrong_type();
            const auto& array = value.get_array();
            const std::size_t max = max_items_.value_or(kDefaultMaxItems);
            if (array.size() > max) return Status::Invalid(path, "must hold at most " + std::to_string(max) + " items");
            if (min_items_ && array.size() < *min_items_) {
                return Status::Invalid(path, "must hold at least " + std::to_string(*min_items_) + " item" +
                                                 (*min_items_ == 1 ? "" : "s"));
            }
            for (std::size_t i = 0; i < array.size(); ++i) {
                ONESTORY_RETURN_IF_ERROR(items_.front().Validate(array[i], path + "[" + std::to_string(i) + "]"));
            }
            if (unique_items_) {
                std::set<std::string> seen;
                for (std::size_t i = 0; i < array.size(); ++i) {
                    if (!seen.insert(json::serialize(array[i])).second) {
                        return Status::Invalid(path + "[" + std::to_string(i) + "]", "is listed twice");
                    }
                }
            }
            return Status::Ok();
        }
        case Type::kObject: {
            if (!value.is_object()) return wrong_type();
            const auto& object = value.get_object();
            if (!open_) {
                for (const auto& member : object) {
                    const bool known = std::any_of(properties_.begin(), properties_.end(),
                                                   [&](const Property& p) { return p.name == member.key(); });
                    if (!known) {
                        const std::string key(member.key());
                        if (!IsValidUtf8(key))
                            return Status::Invalid(PathOr(path, "body"), "has a member name that is not valid UTF-8");
                        return Status::Invalid(Member(path, key), "is not a known field");
                    }
                }
            }
            for (const auto& p : properties_) {
                const auto* member = object.if_contains(p.name);
                if (member == nullptr) {
                    if (p.required) return Status::Invalid(Member(path, p.name), "is required");
                    continue;
                }
                ONESTORY_RETURN_IF_ERROR(p.schema.Validate(*member, Member(path, p.name)));
            }
            return Status::Ok();
        }
    }
    return Status::Ok();
}

json::value Schema::ToJson() const {
    json::object out;
    auto set_type = [&](std::string_view name) {
        if (nullable_) {
            out["type"] = json::array{name, "null"};
        } else {
            out["type"] = name;
        }
    };
    switch (type_) {
        case Type::kAny:
            break;
        case Type::kBoolean:
            set_type("boolean");
            break;
        case Type::kNumber:
            set_type("number");
            break;
        case Type::kInteger:
            set_type("integer");
            if (minimum_) out["minimum"] = *minimum_;
            if (maximum_) out["maximum"] = *maximum_;
            break;
        case Type::kString:
            set_type("string");
            if (!enum_values_.empty()) {
                json::array values;
                for (const auto& v : enum_values_) values.emplace_back(v);
                out["enum"] = std::move(values);
            }
            if (format_ == Format::kDate) out["format"] = "date";
            if (format_ == Format::kDateTime) out["format"] = "date-time";
            if (enum_values_.empty() && format_ == Format::kNone) {
                out["maxLength"] = max_length_.value_or(kDefaultMaxLength);
                if (min_length_) out["minLength"] = *min_length_;
            }
            break;
        case Type::kArray:
            set_type("array");
            out["items"] = items_.front().ToJson();
            out["maxItems"] = max_items_.value_or(kDefaultMaxItems);
            if (min_items_) out["minItems"] = *min_items_;
            if (unique_items_) out["uniqueItems"] = true;
            break;
        case Type::kObject: {
            set_type("object");
            json::object props;
            json::array required;
            for (const auto& p : properties_) {
                props[p.name] = p.schema.ToJson();
                if (p.required) required.emplace_back(p.name);
            }
            out["properties"] = std::move(props);
            if (!required.empty()) out["required"] = std::move(required);
            out["additionalProperties"] = open_;
            break;
        }
    }
    if (!description_.empty()) out["description"] = description_;
    return out;
}

}  // namespace onestory::api
