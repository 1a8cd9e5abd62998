// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/consents/consent_types.hpp"
#include "domain/disclosures/disclosure_types.hpp"
#include "domain/interviews/interview_types.hpp"
#include "policy/policy.hpp"

namespace onestory::domain {

// A one-time code a caseworker gives the survivor to set up their portal.
// The code is answered once, when it is made; onestory keeps only its hash.
struct PortalInvite {
    std::string id;
    std::string survivor_id;
    std::string code;  // shown once: "ABCD-EFGH-JKMN"
    Instant created_at;
    Instant expires_at;
};

// The survivor as their portal shows them: their chosen code name, never
// their legal name.
struct PortalSurvivor {
    std::string survivor_id;
    std::string code_name;
    std::vector<std::string> languages;
    std::string agency_id;
    std::string agency_name;
};

// A portal session: the bearer token and CSRF token are shown once and
// stored only as hashes, like a staff login.
struct PortalSession {
    std::string token;
    std::string csrf_token;
    PortalSurvivor survivor;
};

// The people working with the survivor, by name and role in their case.
struct PortalContact {
    std::string display_name;
    std::string case_role;
    std::string agency_name;
};

struct PortalOverview {
    PortalSurvivor survivor;
    std::vector<PortalContact> team;
};

// Another agency's name and kind, so the survivor reads who holds their story.
struct PortalAgency {
    std::string id;
    std::string name;
    policy::AgencyKind kind = policy::AgencyKind::kOther;
};

// Who holds which part of the survivor's story, and why.
struct PortalDisclosure {
    Disclosure disclosure;
    PortalAgency recipient;
    PortalAgency discloser;
};

struct PortalConsent {
    Consent consent;
    PortalAgency recipient;
};

// An interview to come, as the survivor is told of it ahead of time: its
// purpose, the topics they will be asked about, where, with whom and what is
// arranged for them. Staff notes (debrief, re-ask reason) are not included.
struct PortalInterview {
    std::string id;
    std::string case_id;
    policy::Purpose purpose = policy::Purpose::kAftercare;
    std::vector<policy::Topic> topics;
    Instant scheduled_at;
    std::optional<std::string> venue_name;
    std::vector<VenueFeature> venue_features;
    std::string interviewer_name;
    Accommodations accommodations;
    std::optional<Instant> topics_shared_at;
    bool survivor_acknowledged = false;
};

}  // namespace onestory::domain
