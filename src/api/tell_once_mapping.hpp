// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json.hpp>

#include "api/schema.hpp"
#include "domain/consents/consent_types.hpp"
#include "domain/disclosures/disclosure_types.hpp"
#include "domain/interviews/interview_types.hpp"
#include "domain/statements/passage_types.hpp"
#include "domain/survivors/preferences.hpp"
#include "domain/venues/venue_types.hpp"

// How the records of "tell it once" (consents, venues, preferences,
// interviews, passages, disclosures, the access log, alerts) appear in the
// API, and the schemas that describe them.
namespace onestory::domain {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Consent& consent);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Venue& venue);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Preferences& preferences);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Interview& interview);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const TopicCoverage& coverage);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const SurvivorComment& comment);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Passage& passage);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const DisclosedRecord& record);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Disclosure& disclosure);

}  // namespace onestory::domain

namespace onestory::api {

Schema ConsentSchema();
Schema VenueSchema();
// Preferences as answered, and as a merge-patch request member.
Schema PreferencesSchema();
Schema PreferencesPatchSchema();
Schema AccommodationsSchema();  // request and response alike
Schema InterviewSchema();
Schema CoverageSchema();
Schema PassageSchema();
Schema DisclosureSchema();
domain::Accommodations AccommodationsFrom(const boost::json::object& accommodations);
// The request member "preferences" of PATCH /survivors/{id}, read into a patch.
domain::PreferencesPatch PreferencesPatchFrom(const boost::json::object& preferences);

}  // namespace onestory::api
