// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/referrals/referral_types.hpp"

namespace onestory::domain {

bool IsLegalTransition(ReferralStatus from, ReferralStatus to) {
    using S = ReferralStatus;
    switch (from) {
        case S::kProposed:
            return to == S::kSent || to == S::kClosed;
        case S::kSent:
            return to == S::kAccepted || to == S::kDeclined || to == S::kClosed;
        case S::kAccepted:
            return to == S::kInService || to == S::kClosed;
        case S::kDeclined:
            return to == S::kClosed;
        case S::kInService:
            return to == S::kCompleted || to == S::kClosed;
        case S::kCompleted:
        case S::kClosed:
            return false;
    }
    return false;
}

policy::ReferralStep StepTo(ReferralStatus to) {
    using S = ReferralStatus;
    switch (to) {
        case S::kProposed:
        case S::kSent:
            return policy::ReferralStep::kSend;
        case S::kAccepted:
        case S::kDeclined:
            return policy::ReferralStep::kAnswer;
        case S::kInService:
        case S::kCompleted:
            return policy::ReferralStep::kProgress;
        case S::kClosed:
            return policy::ReferralStep::kClose;
    }
    return policy::ReferralStep::kClose;
}

}  // namespace onestory::domain
