// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace onestory {

// An opaque identifier of one kind of record. Distinct kinds do not convert
// into each other, so a CaseId cannot be passed where a SurvivorId is wanted.
// Values are random strings with a short kind prefix ("sv_…"), made by
// crypto::NewId; they carry no meaning and reveal nothing about the record.
template <class Tag>
class Id {
  public:
    Id() = default;
    explicit Id(std::string value) : value_(std::move(value)) {}

    const std::string& value() const { return value_; }
    bool empty() const { return value_.empty(); }
    static constexpr std::string_view Prefix() { return Tag::kPrefix; }

    friend auto operator<=>(const Id&, const Id&) = default;
    friend bool operator==(const Id&, const Id&) = default;

  private:
    std::string value_;
};

struct AgencyTag {
    static constexpr std::string_view kPrefix = "ag";
};
struct StaffTag {
    static constexpr std::string_view kPrefix = "st";
};
struct SurvivorTag {
    static constexpr std::string_view kPrefix = "sv";
};
struct CaseTag {
    static constexpr std::string_view kPrefix = "cs";
};
struct SessionTag {
    static constexpr std::string_view kPrefix = "se";
};

using AgencyId = Id<AgencyTag>;
using StaffId = Id<StaffTag>;
using SurvivorId = Id<SurvivorTag>;
using CaseId = Id<CaseTag>;
using SessionId = Id<SessionTag>;

}  // namespace onestory

template <class Tag>
struct std::hash<onestory::Id<Tag>> {
    std::size_t operator()(const onestory::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.value()); }
};
