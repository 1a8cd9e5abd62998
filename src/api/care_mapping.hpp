// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json.hpp>

#include "api/schema.hpp"
#include "domain/assessments/assessment_types.hpp"
#include "domain/commitments/commitment_types.hpp"
#include "domain/hearings/hearing_types.hpp"
#include "domain/incidents/incident_types.hpp"
#include "domain/providers/provider_types.hpp"
#include "domain/referrals/referral_types.hpp"
#include "domain/reviews/review_types.hpp"
#include "domain/safety/safety_plan_types.hpp"
#include "domain/timeline/timeline_service.hpp"

// How the records of care coordination (providers, referrals, commitments,
// safety plans, hearings, case reviews, incidents, assessments, the
// timeline) appear in the API, and the schemas that describe them.
namespace onestory::domain {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Provider& provider);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Referral& referral);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Commitment& commitment);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const CommitmentSummary& summary);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const SafetyPlan& plan);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Hearing& hearing);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const CaseReview& review);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Incident& incident);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Assessment& assessment);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const AssessmentDue& due);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const TimelineEntry& entry);

}  // namespace onestory::domain

namespace onestory::api {

Schema ProviderSchema();
Schema ReferralSchema();
Schema CommitmentSchema();
Schema CommitmentSummarySchema();
Schema SafetyPlanSchema();
Schema HearingSchema();
Schema CaseReviewSchema();
Schema IncidentSchema();
Schema AssessmentSchema();
Schema AssessmentDueSchema();
Schema TimelineEntrySchema();
Schema InstrumentSchema();

boost::json::value InstrumentJson(const domain::AssessmentInstrument& instrument, const domain::RestorationRule& rule);
boost::json::value TrendJson(const domain::AssessmentTrend& trend, const domain::AssessmentInstrument& instrument);
Schema TrendSchema();

// The "scores" member of an assessment, type-checked member by member (its
// shape depends on the instrument in force, so no static schema holds it).
Result<domain::AssessmentScores> ScoresFrom(const boost::json::value& scores);

}  // namespace onestory::api
