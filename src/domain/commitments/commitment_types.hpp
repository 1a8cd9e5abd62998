// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/enum_names.hpp"
#include "common/time.hpp"
#include "domain/survivors/preferences.hpp"

namespace onestory::domain {

// open until it is kept, changed (the survivor was told of the change) or
// missed (the survivor was told).
enum class CommitmentStatus { kOpen, kKept, kChanged, kMissed };

// A promise: to the survivor (DESIGN.md "trust and transparency"), or a
// decision of a case review that a member of the team owns.
struct Commitment {
    std::string id;
    std::string case_id;
    std::string survivor_id;
    bool to_survivor = true;
    std::optional<std::string> review_id;
    std::string what;  // protected
    std::string owner_id;
    std::string owner_name;
    Date due;
    CommitmentStatus status = CommitmentStatus::kOpen;
    std::optional<std::string> note;           // protected
    std::optional<std::string> survivor_told;  // protected: how the survivor was told of a change or a miss
    std::optional<Instant> resolved_at;
    std::optional<bool> kept_on_time;  // when kept: on or before the due date
    bool overdue = false;              // open and past its due date
    std::string created_by;
    Instant created_at;
    Instant updated_at;
    std::int64_t version = 1;
};

struct NewCommitment {
    std::string what;
    std::string owner_id;
    Date due;
    bool to_survivor = true;
};

// A JSON merge-patch of a commitment.
struct CommitmentPatch {
    std::optional<std::string> what;
    std::optional<std::string> owner_id;
    std::optional<Date> due;
    std::optional<CommitmentStatus> status;
    FieldPatch<std::string> note;
    FieldPatch<std::string> survivor_told;
};

// The case summary's view of the promises made to the survivor. A promise
// counts as due once it is resolved or its due date has passed; the share
// kept on time is kept_on_time / due (null while nothing is due yet).
struct CommitmentSummary {
    int total = 0;
    int open = 0;
    int overdue = 0;
    int kept = 0;
    int kept_on_time = 0;
    int changed = 0;
    int missed = 0;
    int due = 0;
    std::optional<double> kept_on_time_share;
};

}  // namespace onestory::domain

namespace onestory {
template <>
struct EnumNames<domain::CommitmentStatus> {
    using S = domain::CommitmentStatus;
    static constexpr std::array<std::pair<S, std::string_view>, 4> kTable{{
        {S::kOpen, "open"},
        {S::kKept, "kept"},
        {S::kChanged, "changed"},
        {S::kMissed, "missed"},
    }};
};
}  // namespace onestory
