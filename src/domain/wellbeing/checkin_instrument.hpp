// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.hpp"

namespace onestory::domain {

// A short self-check a staff member answers privately. onestory ships its own
// five plain statements; an agency licensed for a published scale puts that
// scale's items, unaltered and with its attribution, in
// DATA_DIR/checkin_instrument.json instead. Each check-in records the
// instrument's id and version, so a changed instrument never mixes into an
// earlier trend.
struct CheckinItem {
    std::string id;        // [a-z0-9_], unique
    std::string text;      // as shown
    bool reverse = false;  // agreeing more means feeling worse
};

struct CheckinInstrument {
    std::string id;
    std::string version;
    std::string title;
    std::string attribution;  // empty for onestory's own
    std::string instructions;
    int scale_min = 1;
    int scale_max = 5;
    std::vector<std::string> scale_labels;  // one per point, lowest first
    std::vector<CheckinItem> items;
};

const CheckinInstrument& DefaultCheckinInstrument();

// Ids, texts, scale and labels are well formed (the field is named on failure).
Status ValidateInstrument(const CheckinInstrument& instrument);

// The check-in score, 0 to 100, higher is better: each answer placed on the
// scale (reversed items turned round), averaged. Answers must cover every
// item, within the scale.
Status ValidateAnswers(const CheckinInstrument& instrument, const std::map<std::string, int>& answers);
double ScoreOf(const CheckinInstrument& instrument, const std::map<std::string, int>& answers);

}  // namespace onestory::domain
