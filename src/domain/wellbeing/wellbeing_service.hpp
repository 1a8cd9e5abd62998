// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "crypto/secret.hpp"
#include "domain/service_context.hpp"
#include "domain/wellbeing/wellbeing_types.hpp"
#include "store/page.hpp"

namespace onestory::domain {

// Staff wellbeing: exposure to traumatic material, debriefs, private
// check-ins, and nudges.
//
// Everything here belongs to the staff member who recorded it. Check-in
// answers, score and note are sealed with the installation's wellbeing key
// and bound to the staff member and the check-in, and only the owner's own
// session opens them: the policy refuses every other reader, supervisors
// and administrators included. Supervisors (of their agency) and
// administrators see aggregates per week, and only over at least five
// staff. None of the staff member's own records is written to the audit
// log, which supervisors read: the log would tell them who checks in and
// when. An exposure that takes the week's total past the setting with no
// debrief that week (one logged here, or an interview debriefed by its
// interviewer) raises a nudge for the staff member alone; a later debrief
// that week resolves it.
class WellbeingService {
  public:
    static constexpr int kMinimumStaff = 5;

    WellbeingService(const ServiceContext& ctx, const crypto::SecretBytes& checkin_key)
        : ctx_(ctx), checkin_key_(checkin_key) {}

    Result<ExposureLogged> LogExposure(const policy::Actor& actor, const NewExposure& exposure);
    Result<store::Page<Exposure>> ListExposures(const policy::Actor& actor, const store::PageRequest& page);
    Result<Debrief> LogDebrief(const policy::Actor& actor, Date on);
    Result<std::vector<Nudge>> ListNudges(const policy::Actor& actor);
    Result<Nudge> DismissNudge(const policy::Actor& actor, std::string_view id);

    const CheckinInstrument& Instrument() const { return ctx_.settings.checkin_instrument; }
    Result<Checkin> TakeCheckin(const policy::Actor& actor, const std::map<std::string, int>& answers,
                                const std::optional<std::string>& note);
    Result<CheckinHistory> ListCheckins(const policy::Actor& actor);
    Result<Checkin> GetCheckin(const policy::Actor& actor, std::string_view id);

    // Weeks from `from` to `to` (default: the last twelve) of an agency
    // (default: the actor's own).
    Result<WellbeingSummary> Summary(const policy::Actor& actor, const std::optional<std::string>& agency_id,
                                     std::optional<Date> from, std::optional<Date> to);

  private:
    const ServiceContext& ctx_;
    const crypto::SecretBytes& checkin_key_;
};

// The Monday of the ISO week `day` falls in.
Date WeekOf(Date day);

}  // namespace onestory::domain
