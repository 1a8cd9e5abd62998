// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "api/metrics.hpp"
#include "api/route.hpp"
#include "api/static_assets.hpp"
#include "audit/audit_log.hpp"
#include "common/clock.hpp"
#include "common/embedded_file.hpp"
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
#include "domain/erasure/erasure_service.hpp"
#include "domain/exports/survivor_export.hpp"
#include "domain/hearings/hearing_service.hpp"
#include "domain/incidents/incident_service.hpp"
#include "domain/interviews/interview_service.hpp"
#include "domain/portal/portal_service.hpp"
#include "domain/providers/provider_service.hpp"
#include "domain/referrals/referral_service.hpp"
#include "domain/reports/report_service.hpp"
#include "domain/reviews/review_service.hpp"
#include "domain/safety/safety_plan_service.hpp"
#include "domain/statements/statement_service.hpp"
#include "domain/survivors/survivor_service.hpp"
#include "domain/timeline/timeline_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/venues/venue_service.hpp"
#include "domain/wellbeing/wellbeing_service.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

namespace onestory::api {

// The services the API exposes. All outlive the App.
struct AppServices {
    const domain::ServiceContext& context;
    domain::AccountService& accounts;
    domain::SurvivorService& survivors;
    domain::CaseService& cases;
    domain::AuditQueryService& audit_query;
    store::Store& store;
    const audit::AuditLog& audit;
    // Tell it once.
    domain::ConsentService& consents;
    domain::VenueService& venues;
    domain::InterviewService& interviews;
    domain::StatementService& statements;
    domain::DisclosureService& disclosures;
    domain::AccessLogService& access_log;
    domain::AlertService& alerts;
    // The survivor portal.
    domain::PortalService& portal;
    // Evidence of impact.
    domain::ReportService& reports;
    domain::TrainingService& trainings;
    domain::WellbeingService& wellbeing;
    domain::TraffickingEventService& trafficking_events;
    domain::SurvivorExportService& survivor_exports;
    // Care coordination.
    domain::ProviderService& providers;
    domain::ReferralService& referrals;
    domain::CommitmentService& commitments;
    domain::SafetyPlanService& safety_plans;
    domain::HearingService& hearings;
    domain::ReviewService& reviews;
    domain::IncidentService& incidents;
    domain::AssessmentService& assessments;
    domain::TimelineService& timeline;
    // The data lifecycle.
    domain::ErasureService& erasures;
};

struct AppOptions {
    bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
    bool access_log = false;      // one log line per request (method, route pattern, status, time)
    std::string version = "0.1.0";
    // The built web app, served for every path outside the API.
    std::span<const EmbeddedFile> web_assets;
    // Tests only (serve --test-clock): the clock that POST /api/v1/test/clock moves.
    ManualClock* test_clock = nullptr;
};

// The whole HTTP API as one handler: it matches the route, authenticates,
// checks the route's capability, validates the body against the route's
// schema, runs the handler, and turns every failure into the JSON error form.
// Every response carries the security headers. Paths outside /api/,
// /healthz and /metrics are the web app's (StaticAssets). Thread-safe.
class App {
  public:
    App(AppServices services, AppOptions options);

    http::Response Handle(const http::Request& request);

    const std::vector<Route>& routes() const { return routes_; }
    boost::json::value OpenApiDocument() const;
    const Metrics& metrics() const { return metrics_; }

  private:
    Result<ApiResponse> Dispatch(const http::Request& request, const Route& route,
                                 std::vector<std::pair<std::string, std::string>> params);
    // A portal route reads the portal's cookie, every other route the workspace's.
    Result<domain::Principal> Authenticate(const http::Request& request, bool portal_route, bool& via_cookie);
    void AddOperationalRoutes();

    AppServices services_;
    AppOptions options_;
    std::vector<Route> routes_;
    http::Router router_;
    StaticAssets web_;
    Metrics metrics_;
};

// The routes of each resource, defined beside their JSON mapping.
void AddAccountRoutes(std::vector<Route>& routes, const AppServices& services, const AppOptions& options);
void AddSurvivorRoutes(std::vector<Route>& routes, const AppServices& services);
void AddCaseRoutes(std::vector<Route>& routes, const AppServices& services);
void AddAuditRoutes(std::vector<Route>& routes, const AppServices& services);
void AddConsentRoutes(std::vector<Route>& routes, const AppServices& services);
void AddVenueRoutes(std::vector<Route>& routes, const AppServices& services);
void AddInterviewRoutes(std::vector<Route>& routes, const AppServices& services);
void AddPassageRoutes(std::vector<Route>& routes, const AppServices& services);
void AddDisclosureRoutes(std::vector<Route>& routes, const AppServices& services);
void AddAccessLogRoutes(std::vector<Route>& routes, const AppServices& services);
void AddAlertRoutes(std::vector<Route>& routes, const AppServices& services);
void AddPortalRoutes(std::vector<Route>& routes, const AppServices& services, const AppOptions& options);
void AddErasureRoutes(std::vector<Route>& routes, const AppServices& services);
void AddReportRoutes(std::vector<Route>& routes, const AppServices& services);
void AddTrainingRoutes(std::vector<Route>& routes, const AppServices& services);
void AddWellbeingRoutes(std::vector<Route>& routes, const AppServices& services);
void AddExportRoutes(std::vector<Route>& routes, const AppServices& services);
void AddProviderRoutes(std::vector<Route>& routes, const AppServices& services);
void AddReferralRoutes(std::vector<Route>& routes, const AppServices& services);
void AddCommitmentRoutes(std::vector<Route>& routes, const AppServices& services);
void AddSafetyPlanRoutes(std::vector<Route>& routes, const AppServices& services);
void AddHearingRoutes(std::vector<Route>& routes, const AppServices& services);
void AddReviewRoutes(std::vector<Route>& routes, const AppServices& services);
void AddIncidentRoutes(std::vector<Route>& routes, const AppServices& services);
void AddAssessmentRoutes(std::vector<Route>& routes, const AppServices& services);
void AddTimelineRoutes(std::vector<Route>& routes, const AppServices& services);

// The name of the browser's session cookie.
inline constexpr std::string_view kSessionCookie = "onestory_session";
// The survivor portal's session cookie, sent only to /api/v1/portal.
inline constexpr std::string_view kPortalCookie = "onestory_portal";
inline constexpr std::string_view kPortalPrefix = "/api/v1/portal/";

}  // namespace onestory::api
