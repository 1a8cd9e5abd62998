// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"

namespace onestory::domain {

// What makes a room safe to be interviewed in (DESIGN.md §2, safety).
enum class VenueFeature {
    kPrivateWaitingRoom,
    kSeparateEntrance,
    kOneWayRoom,
    kChildFriendly,
    kRecordingEquipment,
    kInterpreterAvailable
};

struct Venue {
    std::string id;
    std::string agency_id;
    std::string name;
    std::vector<VenueFeature> features;
    std::string created_by;
    Instant created_at;
    std::int64_t version = 1;
};

struct NewVenue {
    std::string name;
    std::string agency_id;
    std::vector<VenueFeature> features;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::VenueFeature> {
    using F = domain::VenueFeature;
    static constexpr std::array<std::pair<F, std::string_view>, 6> kTable{{
        {F::kPrivateWaitingRoom, "private_waiting_room"},
        {F::kSeparateEntrance, "separate_entrance"},
        {F::kOneWayRoom, "one_way_room"},
        {F::kChildFriendly, "child_friendly"},
        {F::kRecordingEquipment, "recording_equipment"},
        {F::kInterpreterAvailable, "interpreter_available"},
    }};
};
}  // namespace onestory
