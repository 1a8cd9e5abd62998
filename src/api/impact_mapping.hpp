// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <boost/json.hpp>

#include "api/schema.hpp"
#include "domain/cases/trafficking_event_types.hpp"
#include "domain/exports/survivor_export.hpp"
#include "domain/reports/report_types.hpp"
#include "domain/trainings/training_types.hpp"
#include "domain/wellbeing/checkin_instrument.hpp"
#include "domain/wellbeing/wellbeing_types.hpp"

// How the records of evidence of impact appear in the API: reports (JSON and
// CSV), trainings, wellbeing, trafficking events and the survivor's own copy.
namespace onestory::domain {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Course& course);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const TrainingSession& session);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Participant& participant);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const StaffTraining& training);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Exposure& exposure);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Nudge& nudge);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Checkin& checkin);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const TraffickingEvent& event);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const ReportInfo& info);

}  // namespace onestory::domain

namespace onestory::api {

// A report in JSON: a cell is a count, "<5" (below the threshold) or "x"
// (withheld so that the small ones cannot be worked out).
boost::json::value ReportJson(const domain::Report& report);
// The same report as CSV: each table as a block (title line, header, rows,
// totals), then the measures, then the notes. Cells read as in JSON.
std::string ReportCsv(const domain::Report& report);
boost::json::value InstrumentJson(const domain::CheckinInstrument& instrument);
boost::json::value CheckinHistoryJson(const domain::CheckinHistory& history);
boost::json::value WellbeingSummaryJson(const domain::WellbeingSummary& summary);
boost::json::value SurvivorExportJson(const domain::SurvivorExport& copy);

Schema ReportInfoSchema();
Schema ReportSchema();
Schema CourseSchema();
Schema TrainingSessionSchema();
Schema ParticipantSchema();
Schema StaffTrainingSchema();
Schema ExposureSchema();
Schema NudgeSchema();
Schema CheckinSchema();
Schema CheckinHistorySchema();
Schema CheckinInstrumentSchema();
Schema WellbeingSummarySchema();
Schema TraffickingEventSchema();
Schema SurvivorExportSchema();

}  // namespace onestory::api
