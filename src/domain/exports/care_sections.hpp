// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/exports/survivor_export.hpp"

namespace onestory::domain {

// The care-coordination sections of a survivor's own copy: one reader per
// section, each over every case of the survivor, sealed text opened. Run
// inside the copy's read transaction.
Status ReferralsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status CommitmentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status SafetyPlansSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status HearingsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status CaseReviewsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status IncidentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);
Status AssessmentsSection(store::Transaction& tx, const ExportSubject& s, ExportSection& out);

}  // namespace onestory::domain
