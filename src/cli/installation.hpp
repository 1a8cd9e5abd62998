// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "api/app.hpp"
#include "audit/audit_log.hpp"
#include "cli/data_dir_lock.hpp"
#include "common/clock.hpp"
#include "crypto/keyring.hpp"
#include "domain/access_log/access_log_service.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/alerts/alert_service.hpp"
#include "domain/assessments/assessment_service.hpp"
#include "domain/audit_query.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/cases/trafficking_event_service.hpp"
#include "domain/commitments/commitment_service.hpp"
#include "domain/consents/consent_service.hpp"
#include "domain/disclosures/disclosure_service.hpp"
#include "domain/erasure/erasure_ledger.hpp"
#include "domain/erasure/erasure_service.hpp"
#include "domain/exports/survivor_export.hpp"
#include "domain/hearings/hearing_service.hpp"
#include "domain/incidents/incident_service.hpp"
#include "domain/installation_keys.hpp"
#include "domain/interviews/interview_service.hpp"
#include "domain/portal/portal_service.hpp"
#include "domain/providers/provider_service.hpp"
#include "domain/referrals/referral_service.hpp"
#include "domain/reports/report_service.hpp"
#include "domain/retention/retention_service.hpp"
#include "domain/reviews/review_service.hpp"
#include "domain/safety/safety_plan_service.hpp"
#include "domain/service_context.hpp"
#include "domain/settings.hpp"
#include "domain/statements/statement_service.hpp"
#include "domain/survivors/survivor_service.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/venues/venue_service.hpp"
#include "domain/wellbeing/wellbeing_service.hpp"
#include "store/store.hpp"

namespace onestory::cli {

// The files of a data directory. With PostgreSQL as the store (the "store"
// setting), the directory holds only the key file and the settings.
struct DataDir {
    std::filesystem::path root;
    std::filesystem::path database() const { return root / "onestory.db"; }
    std::filesystem::path master_key() const { return root / "master.key"; }
    std::filesystem::path settings() const { return root / "settings.json"; }
    std::filesystem::path lock_file() const { return root / "onestory.lock"; }
    std::filesystem::path erasure_ledger() const { return root / "erasure.ledger"; }
    // A key rotation writes the new key here first, and keeps the old one as master.key.old.
    std::filesystem::path new_master_key() const { return root / "master.key.new"; }
    std::filesystem::path old_master_key() const { return root / "master.key.old"; }
    std::filesystem::path checkin_instrument() const { return root / "checkin_instrument.json"; }
    std::filesystem::path assessment_instrument() const { return root / "assessment_instrument.json"; }
};

struct OpenOptions {
    bool create = false;                  // init: create database and installation keys
    std::optional<Instant> manual_clock;  // tests: a clock that only moves when told
    bool durable = true;                  // fsync every commit
};

// The store the settings name: SQLite in the data directory, or PostgreSQL.
Result<std::unique_ptr<store::Store>> OpenStore(const DataDir& dir, const domain::Settings& settings,
                                                const OpenOptions& options);

// Everything one running onestory holds: the store, the keys, the audit log,
// the services and the API. This is the one place concrete types are wired.
class Installation {
  public:
    static Result<std::unique_ptr<Installation>> Open(const DataDir& dir, const OpenOptions& options);
    ~Installation();

    const DataDir& dir() const { return dir_; }
    const domain::Settings& settings() const { return settings_; }
    store::Store& store() { return *store_; }
    const audit::AuditLog& audit() const { return *audit_; }
    const Clock& clock() const { return *clock_; }
    const crypto::Keyring& keyring() const { return *keyring_; }
    ManualClock* manual_clock() { return manual_clock_; }
    domain::ServiceContext& context() { return *context_; }
    domain::AccountService& accounts() { return *accounts_; }
    domain::SurvivorService& survivors() { return *survivors_; }
    domain::CaseService& cases() { return *cases_; }
    domain::ConsentService& consents() { return *consents_; }
    domain::VenueService& venues() { return *venues_; }
    domain::InterviewService& interviews() { return *interviews_; }
    domain::StatementService& statements() { return *statements_; }
    domain::DisclosureService& disclosures() { return *disclosures_; }
    domain::AccessLogService& access_log() { return *access_log_; }
    domain::AlertService& alerts() { return *alerts_; }
    domain::PortalService& portal() { return *portal_; }
    domain::ErasureService& erasures() { return *erasures_; }
    const domain::ErasureLedger& erasure_ledger() const { return *ledger_; }
    domain::RetentionService& retention() { return *retention_; }
    domain::ReportService& reports() { return *reports_; }
    domain::TrainingService& trainings() { return *trainings_; }
    domain::WellbeingService& wellbeing() { return *wellbeing_; }
    domain::TraffickingEventService& trafficking_events() { return *trafficking_events_; }
    domain::SurvivorExportService& survivor_exports() { return *survivor_exports_; }
    domain::ProviderService& providers() { return *providers_; }
    domain::ReferralService& referrals() { return *referrals_; }
    domain::CommitmentService& commitments() { return *commitments_; }
    domain::SafetyPlanService& safety_plans() { return *safety_plans_; }
    domain::HearingService& hearings() { return *hearings_; }
    domain::ReviewService& reviews() { return *reviews_; }
    domain::IncidentService& incidents() { return *incidents_; }
    domain::AssessmentService& assessments() { return *assessments_; }
    domain::TimelineService& timeline() { return *timeline_; }
    api::App& MakeApp(const api::AppOptions& options);

  private:
    Installation() = default;

    DataDir dir_;
    std::optional<DataDirLock> lock_;
    domain::Settings settings_;
    std::unique_ptr<Clock> clock_;
    ManualClock* manual_clock_ = nullptr;
    std::unique_ptr<crypto::Keyring> keyring_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<domain::InstallationKeys> keys_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<domain::ServiceContext> context_;
    std::unique_ptr<domain::AccountService> accounts_;
    std::unique_ptr<domain::SurvivorService> survivors_;
    std::unique_ptr<domain::CaseService> cases_;
    std::unique_ptr<domain::AuditQueryService> audit_query_;
    std::unique_ptr<domain::ConsentService> consents_;
    std::unique_ptr<domain::VenueService> venues_;
    std::unique_ptr<domain::InterviewService> interviews_;
    std::unique_ptr<domain::StatementService> statements_;
    std::unique_ptr<domain::DisclosureService> disclosures_;
    std::unique_ptr<domain::AccessLogService> access_log_;
    std::unique_ptr<domain::AlertService> alerts_;
    std::unique_ptr<domain::PortalService> portal_;
    std::unique_ptr<domain::ErasureLedger> ledger_;
    std::unique_ptr<domain::ErasureService> erasures_;
    std::unique_ptr<domain::RetentionService> retention_;
    std::unique_ptr<domain::ReportService> reports_;
    std::unique_ptr<domain::TrainingService> trainings_;
    std::unique_ptr<domain::WellbeingService> wellbeing_;
    std::unique_ptr<domain::TraffickingEventService> trafficking_events_;
    std::unique_ptr<domain::SurvivorExportService> survivor_exports_;
    std::unique_ptr<domain::ProviderService> providers_;
    std::unique_ptr<domain::ReferralService> referrals_;
    std::unique_ptr<domain::CommitmentService> commitments_;
    std::unique_ptr<domain::SafetyPlanService> safety_plans_;
    std::unique_ptr<domain::HearingService> hearings_;
    std::unique_ptr<domain::ReviewService> reviews_;
    std::unique_ptr<domain::IncidentService> incidents_;
    std::unique_ptr<domain::AssessmentService> assessments_;
    std::unique_ptr<domain::TimelineService> timeline_;
    std::unique_ptr<api::App> app_;
};

}  // namespace onestory::cli
