// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/wellbeing/checkin_instrument.hpp"

#include <algorithm>
#include <set>

#include "common/strings.hpp"

namespace onestory::domain {
namespace {

bool IsItemId(const std::string& id) {
    return !id.empty() && id.size() <= 40 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool IsInstrumentId(const std::string& id) {
    return !id.empty() && id.size() <= 60 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    });
}

bool IsText(const std::string& text, std::size_t max) {
    return !text.empty() && text.size() <= max && IsValidUtf8(text);
}

}  // namespace

const CheckinInstrument& DefaultCheckinInstrument() {
    // Written for onestory: plain statements about the last week, answered
    // from "not at all" to "very much". Not a clinical measure; a way to
    // notice a trend in oneself.
    static const CheckinInstrument instrument{
        "onestory-weekly-check",
        "1",
        "How was your week?",
        "",
        "Think about the last seven days. There are no right answers, and no one else sees them.",
        1,
        5,
        {"Not at all", "A little", "Somewhat", "Quite a lot", "Very much"},
        {
            {"energy", "I had enough energy for my work.", false},
            {"switch_off", "I could put work aside when I was off duty.", false},
            {"stayed_with_me", "Things I heard or saw at work stayed with me when I wanted to rest.", true},
            {"supported", "I felt supported by the people I work with.", false},
            {"difference", "I felt my work made a difference.", false},
        }};
    return instrument;
}

Status ValidateInstrument(const CheckinInstrument& in) {
    if (!IsInstrumentId(in.id)) return Status::Invalid("id", "must be 1 to 60 of a-z, 0-9, _, - and .");
    if (in.version.empty() || in.version.size() > 40) return Status::Invalid("version", "must be 1 to 40 characters");
    if (!IsText(in.title, 200)) return Status::Invalid("title", "must be 1 to 200 bytes of UTF-8");
    if (in.attribution.size() > 2000 || !IsValidUtf8(in.attribution)) {
        return Status::Invalid("attribution", "must be at most 2000 bytes of UTF-8");
    }
    if (in.instructions.size() > 2000 || !IsValidUtf8(in.instructions)) {
        return Status::Invalid("instructions", "must be at most 2000 bytes of UTF-8");
    }
    if (in.scale_min < 0 || in.scale_max > 10 || in.scale_max - in.scale_min < 1) {
        return Status::Invalid("scale", "must run from min to a larger max within 0 to 10");
    }
    if (!in.scale_labels.empty() && static_cast<int>(in.scale_labels.size()) != in.scale_max - in.scale_min + 1) {
        return Status::Invalid("scale.labels", "must name every point of the scale, or none");
    }
    for (const auto& label : in.scale_labels) {
        if (!IsText(label, 100)) return Status::Invalid("scale.labels", "must be 1 to 100 bytes of UTF-8 each");
    }
    if (in.items.empty() || in.items.size() > 50) return Status::Invalid("items", "must list 1 to 50 items");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < in.items.size(); ++i) {
        const auto& item = in.items[i];
        const std::string where = "items[" + std::to_string(i) + "]";
        if (!IsItemId(item.id)) return Status::Invalid(where + ".id", "must be 1 to 40 of a-z, 0-9 and _");
        if (!ids.insert(item.id).second) return Status::Invalid(where + ".id", "is used twice");
        if (!IsText(item.text, 1000)) return Status::Invalid(where + ".text", "must be 1 to 1000 bytes of UTF-8");
    }
    return Status::Ok();
}

Status ValidateAnswers(const CheckinInstrument& in, const std::map<std::string, int>& answers) {
    for (const auto& [id, value] : answers) {
        const std::string& key = id;  // clang 14 cannot capture a structured binding
        const bool known =
            std::any_of(in.items.begin(), in.items.end(), [&](const CheckinItem& item) { return item.id == key; });
        if (!known) return Status::Invalid("answers." + id, "is not an item of the check-in in use");
        if (value < in.scale_min || value > in.scale_max) {
            return Status::Invalid("answers." + id, "must be from " + std::to_string(in.scale_min) + " to " +
                                                        std::to_string(in.scale_max));
        }
    }
    for (const auto& item : in.items) {
        if (!answers.count(item.id)) return Status::Invalid("answers." + item.id, "is missing");
    }
    return Status::Ok();
}

double ScoreOf(const CheckinInstrument& in, const std::map<std::string, int>& answers) {
    const double span = in.scale_max - in.scale_min;
    double sum = 0;
    for (const auto& item : in.items) {
        const auto found = answers.find(item.id);
        if (found == answers.end()) continue;
        double placed = (found->second - in.scale_min) / span;
        if (item.reverse) placed = 1.0 - placed;
        sum += placed;
    }
    return in.items.empty() ? 0.0 : 100.0 * sum / static_cast<double>(in.items.size());
}

}  // namespace onestory::domain
