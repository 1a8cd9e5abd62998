// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The route × relation matrix over real HTTP: every authenticated route of
// the API (read from its OpenAPI document, so a new route cannot be left
// out) is called by one person in each relation to a survivor's case, and
// each cell is stated below. Allowed means the policy let the request
// through (any answer but 401/403, and never a server error); refused means
// 403. The role-by-role matrix of every action is policy/policy_matrix_test.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

// The people, one per relation to the case (and the administrator).
const std::vector<std::pair<const char*, const char*>> kPeople{
    {"caseworker", "own-agency case team"},
    {"caseworker2", "own agency, not on the team"},
    {"supervisor", "supervisor of the owning agency"},
    {"investigator", "other agency with a live consent"},
    {"prosecutor", "other agency after revocation"},
    {"clinician", "other agency without consent"},
    {"admin", "administrator"},
    {"survivor", "the case's survivor, in their portal"},
    {"other-survivor", "another survivor, in their portal"},
};

// One cell per person above, in order: Y allowed, N refused.
// clang-format off
const std::map<std::string, std::string> kExpected{
    {"GET /api/v1/me",                               "YYYYYYYNN"},
    {"GET /api/v1/agencies",                         "YYYYYYYNN"},
    {"POST /api/v1/agencies",                        "NNNNNNYNN"},
    {"GET /api/v1/staff",                            "YYYYYYYNN"},
    {"POST /api/v1/staff",                           "NNNNNNYNN"},
    {"GET /api/v1/audit",                            "NNYNNNYNN"},
    {"POST /api/v1/survivors",                       "YYYYYYNNN"},
    {"GET /api/v1/survivors",                        "YYYYYYNNN"},
    {"POST /api/v1/survivors/match",                 "YYYYYYNNN"},
    {"GET /api/v1/survivors/{id}",                   "YNYNNNNNN"},
    {"PATCH /api/v1/survivors/{id}",                 "YNYNNNNNN"},
    {"GET /api/v1/survivors/{id}/consents",          "YNYNNNNNN"},
    {"POST /api/v1/survivors/{id}/consents",         "YNNNNNNNN"},
    {"POST /api/v1/consents/{id}/revoke",            "YNYNNNNNN"},
    {"GET /api/v1/survivors/{id}/access-log",        "YNYNNNNNN"},
    {"POST /api/v1/cases",                           "YNYNNNNNN"},
    {"GET /api/v1/cases",                            "YYYYYYNNN"},
    {"GET /api/v1/cases/{id}",                       "YNYNNNNNN"},
    {"PATCH /api/v1/cases/{id}",                     "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/team",                  "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/team",                 "YNYNNNNNN"},
    {"GET /api/v1/venues",                           "YYYYYYYNN"},
    {"GET /api/v1/venues/{id}",                      "YYYYYYYNN"},
    {"POST /api/v1/venues",                          "NNYNNNYNN"},
    {"GET /api/v1/cases/{id}/interviews",            "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/interviews",           "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/coverage",              "YNYNNNNNN"},
    {"GET /api/v1/interviews/{id}",                  "YNYNNNNNN"},
    {"PATCH /api/v1/interviews/{id}",                "YNYNNNNNN"},
    {"GET /api/v1/interviews/{id}/coverage",         "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/passages",              "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/passages",             "YNYNNNNNN"},
    {"GET /api/v1/passages/{id}",                    "YNYNNNNNN"},
    {"POST /api/v1/passages/{id}/review",            "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/disclosures",           "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/disclosures",          "YNYNNNNNN"},
    {"GET /api/v1/disclosures",                      "YYYYYYNNN"},
    {"GET /api/v1/disclosures/{id}",                 "YNYYNNNNN"},
    {"POST /api/v1/cases/{id}/break-glass",          "NYNYYYNNN"},
    {"GET /api/v1/alerts",                           "YYYYYYYNN"},
    {"POST /api/v1/survivors/{id}/portal-invite",    "YNNNNNNNN"},
    {"GET /api/v1/portal/me",                        "NNNNNNNYY"},
    {"GET /api/v1/portal/disclosures",               "NNNNNNNYY"},
    {"GET /api/v1/portal/consents",                  "NNNNNNNYY"},
    {"POST /api/v1/portal/consents/{id}/withdraw",   "NNNNNNNYN"},
    {"GET /api/v1/portal/passages",                  "NNNNNNNYY"},
    {"POST /api/v1/portal/passages/{id}/review",     "NNNNNNNYN"},
    {"POST /api/v1/portal/passages/{id}/comment",    "NNNNNNNYN"},
    {"GET /api/v1/portal/interviews",                "NNNNNNNYY"},
    {"GET /api/v1/portal/access-log",                "NNNNNNNYY"},
    {"GET /api/v1/portal/promises",                  "NNNNNNNYY"},
    {"GET /api/v1/portal/hearings",                  "NNNNNNNYY"},
    {"GET /api/v1/portal/export",                    "NNNNNNNYY"},
    {"POST /api/v1/alerts/{id}/acknowledge",         "NNYNNNNNN"},  // a break-glass alert to the NGO's supervisors
    {"GET /api/v1/providers",                        "YYYYYYYNN"},
    {"POST /api/v1/providers",                       "NNYNNNYNN"},
    {"GET /api/v1/providers/{id}",                   "YYYYYYYNN"},
    {"GET /api/v1/cases/{id}/referrals",             "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/referrals",            "YNYNNNNNN"},
    {"GET /api/v1/referrals",                        "YYYYYYNNN"},
    {"POST /api/v1/me/totp",                         "YYYYYYYNN"},
    {"POST /api/v1/me/totp/confirm",                 "YYYYYYYNN"},
    {"POST /api/v1/staff/{id}/totp/reset",           "NNNNNNYNN"},
    {"POST /api/v1/survivors/{id}/erase",            "NNYNNNNNN"},
    {"GET /api/v1/erasures",                         "NNYNNNNNN"},
    {"GET /api/v1/erasures/{id}",                    "NNYNNNNNN"},
    {"POST /api/v1/erasures/{id}/approve",           "NNYNNNNNN"},
    {"POST /api/v1/erasures/{id}/reject",            "NNYNNNNNN"},
    {"GET /api/v1/cases/{id}/trafficking-events",    "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/trafficking-events",   "YNYNNNNNN"},
    {"GET /api/v1/survivors/{id}/export",            "YNNNNNNNN"},
    {"GET /api/v1/reports",                          "NNYNNNYNN"},
    {"GET /api/v1/reports/{name}",                   "NNYNNNYNN"},
    {"GET /api/v1/trainings",                        "YYYYYYYNN"},
    {"POST /api/v1/trainings",                       "NNNNNNYNN"},
    {"GET /api/v1/trainings/{id}",                   "YYYYYYYNN"},
    {"GET /api/v1/trainings/{id}/sessions",          "YYYYYYYNN"},
    {"POST /api/v1/trainings/{id}/sessions",         "NNNNNNYNN"},
    {"GET /api/v1/sessions/{id}/participants",       "NNYNNNYNN"},
    {"POST /api/v1/sessions/{id}/participants",      "NNNNNNYNN"},
    {"PATCH /api/v1/participants/{id}",              "NNNNNNYNN"},
    {"GET /api/v1/staff/{id}/trainings",             "YNYNNNYNN"},
    {"POST /api/v1/me/exposures",                    "YYYYYYYNN"},
    {"GET /api/v1/me/exposures",                     "YYYYYYYNN"},
    {"POST /api/v1/me/debriefs",                     "YYYYYYYNN"},
    {"GET /api/v1/me/nudges",                        "YYYYYYYNN"},
    {"POST /api/v1/me/nudges/{id}/dismiss",          "YYYYYYYNN"},
    {"GET /api/v1/me/checkins/instrument",           "YYYYYYYNN"},
    {"POST /api/v1/me/checkins",                     "YYYYYYYNN"},
    {"GET /api/v1/me/checkins",                      "YYYYYYYNN"},
    // The caseworker's own check-in: no one else, supervisor and administrator included.
    {"GET /api/v1/checkins/{id}",                    "YNNNNNNNN"},
    {"GET /api/v1/wellbeing/summary",                "NNYNNNYNN"},
    // A referral sent to the clinic: the clinician's agency receives it.
    {"GET /api/v1/referrals/{id}",                   "YNYNNYNNN"},
    {"POST /api/v1/referrals/{id}/transition",       "YNYNNYNNN"},
    {"GET /api/v1/cases/{id}/commitments",           "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/commitments",          "YNYNNNNNN"},
    {"PATCH /api/v1/commitments/{id}",               "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/safety-plan",           "YNYNNNNNN"},
    {"PUT /api/v1/cases/{id}/safety-plan",           "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/hearings",              "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/hearings",             "YNYNNNNNN"},
    {"GET /api/v1/hearings/{id}",                    "YNYNNNNNN"},
    {"PATCH /api/v1/hearings/{id}",                  "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/reviews",               "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/reviews",              "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/incidents",             "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/incidents",            "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/assessments",           "YNYNNNNNN"},
    {"POST /api/v1/cases/{id}/assessments",          "YNYNNNNNN"},
    {"GET /api/v1/cases/{id}/assessments/trend",     "YNYNNNNNN"},
    {"GET /api/v1/assessments/instrument",           "YYYYYYYNN"},
    {"GET /api/v1/cases/{id}/timeline",              "YNYNNNNNN"},
};
// clang-format on

// Routes not walked here: public ones, ending one's own session, the test clock.
const std::set<std::string> kNotWalked{"POST /api/v1/logout", "POST /api/v1/portal/logout", "POST /api/v1/test/clock"};

class PolicyMatrixApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        auto& cw = world_->As("caseworker");
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Clear Heron", "Test Matrix Person");
        // A second survivor: cases are opened for them (opening a case puts its opener on the team, which
        // would change the relations to the first), and their case is where the glass is broken.
        std::tie(other_survivor_, glass_case_) =
            world_->SurvivorWithCase("caseworker", "Clear Birch", "Test Glass Person");
        interview_ = cw.Post("/api/v1/cases/" + case_ + "/interviews",
                             json::object{{"purpose", "aftercare"},
                                          {"topics", json::array{"recruitment"}},
                                          {"scheduled_at", "2026-11-27T10:00:00Z"},
                                          {"interviewer_id", world_->StaffId("caseworker")},
                                          {"accommodations", json::object{}}})
                         .Str("id");
        auto passage = [&](const char* topic) {
            return cw
                .Post("/api/v1/cases/" + case_ + "/passages", json::object{{"interview_id", interview_},
                                                                           {"topic", topic},
                                                                           {"text", "Invented words."},
                                                                           {"sensitivity", "standard"}})
                .Str("id");
        };
        confirmed_ = passage("recruitment");
        unreviewed_ = passage("needs");
        EXPECT_EQ(cw.Post("/api/v1/passages/" + confirmed_ + "/review", json::object{{"status", "confirmed"}}).status,
                  200);
        const auto police = Consent("police", "investigation");
        const auto prosecution = Consent("prosecution", "prosecution");
        spare_consent_ = Consent("health", "health").Str("id");
        police_disclosure_ = Disclose("police", "investigation");
        prosecution_disclosure_ = Disclose("prosecution", "prosecution");
        EXPECT_EQ(cw.Post("/api/v1/consents/" + prosecution.Str("id") + "/revoke").status, 200);
        venue_ = world_->Admin()
                     .Post("/api/v1/venues", json::object{{"name", "Room"},
                                                          {"agency_id", world_->AgencyId("ngo")},
                                                          {"features", json::array{"separate_entrance"}}})
                     .Str("id");
        // An erasure asked for by a second supervisor of the NGO, for the
        // supervisor of the matrix to decide (a third survivor, so that
        // approving it takes nothing the other rows need).
        EXPECT_EQ(world_->Admin()
                      .Post("/api/v1/staff", json::object{{"username", "supervisor2"},
                                                          {"password", World::kPassword},
                                                          {"display_name", "Second Supervisor"},
                                                          {"agency_id", world_->AgencyId("ngo")},
                                                          {"roles", json::array{"supervisor"}}})
                      .status,
                  201);
        const auto doomed = world_->SurvivorWithCase("caseworker", "Clear Wren", "Test Erasure Person").first;
        erasure_ = world_->As("supervisor2")
                       .Post("/api/v1/survivors/" + doomed + "/erase", json::object{{"reason", "survivor_request"}})
                       .Str("id");
        EXPECT_FALSE(erasure_.empty());
        // A course of the NGO with a session the caseworker completed; the
        // caseworker's heavy week (a nudge) and a check-in.
        auto& admin = world_->Admin();
        training_ = admin
                        .Post("/api/v1/trainings", json::object{{"agency_id", world_->AgencyId("ngo")},
                                                                {"title", "Interviewing survivors"},
                                                                {"curriculum", "Three modules."},
                                                                {"hours", 12}})
                        .Str("id");
        session_ = admin
                       .Post("/api/v1/trainings/" + training_ + "/sessions", json::object{{"date", "2026-11-02"},
                                                                                          {"place", "Training room"},
                                                                                          {"country", "KE"},
                                                                                          {"trainer", "Test Trainer"}})
                       .Str("id");
        participant_ = admin
                           .Post("/api/v1/sessions/" + session_ + "/participants",
                                 json::object{{"staff_id", world_->StaffId("caseworker")},
                                              {"profession", "social_worker"},
                                              {"completed", true}})
                           .Str("id");
        const auto heavy = cw.Post("/api/v1/me/exposures",
                                   json::object{{"on", "2026-11-25"}, {"minutes", 700}, {"kind", "interview"}});
        EXPECT_EQ(heavy.status, 201) << heavy.raw.body;
        nudge_ = heavy.obj().at("nudge").as_object().at("id").as_string().c_str();
        checkin_ = cw.Post("/api/v1/me/checkins", json::object{{"answers", Answers()}}).Str("id");
        EXPECT_FALSE(checkin_.empty());
        CareRecords();
    }
    static json::object Answers() {
        return json::object{
            {"energy", 3}, {"switch_off", 3}, {"stayed_with_me", 3}, {"supported", 3}, {"difference", 3}};
    }
    // Care coordination: a provider outside onestory, a referral sent to the clinic, a promise, a hearing,
    // an alert to the NGO's supervisors, and scores for the instrument in force.
    void CareRecords() {
        auto& cw = world_->As("caseworker");
        auto& admin = world_->Admin();
        provider_ = admin
                        .Post("/api/v1/providers",
                              json::object{{"name", "Matrix Shelter"}, {"service_types", json::array{"shelter"}}})
                        .Str("id");
        const auto clinic = admin
                                .Post("/api/v1/providers", json::object{{"name", "Matrix Clinic"},
                                                                        {"agency_id", world_->AgencyId("health")},
                                                                        {"service_types", json::array{"medical"}}})
                                .Str("id");
        referral_ = cw.Post("/api/v1/cases/" + case_ + "/referrals", json::object{{"provider_id", clinic},
                                                                                  {"service_type", "medical"},
                                                                                  {"reason", "A check-up."},
                                                                                  {"follow_up_by", "2026-12-01"}})
                        .Str("id");
        EXPECT_EQ(cw.Post("/api/v1/referrals/" + referral_ + "/transition", json::object{{"to", "sent"}}).status, 200);
        commitment_ =
            cw.Post("/api/v1/cases/" + case_ + "/commitments",
                    json::object{
                        {"what", "Call back."}, {"owner_id", world_->StaffId("caseworker")}, {"due", "2026-12-01"}})
                .Str("id");
        hearing_ = cw.Post("/api/v1/cases/" + case_ + "/hearings",
                           json::object{
                               {"court", "Matrix Court"}, {"scheduled_at", "2027-01-10T09:00:00Z"}, {"kind", "trial"}})
                       .Str("id");
        alert_ = world_->As("clinician")
                     .Post("/api/v1/cases/" + glass_case_ + "/break-glass",
                           json::object{{"reason", "The clinic needs the case tonight for a safeguarding concern."}})
                     .Str("alert_id");
        EXPECT_FALSE(provider_.empty() || referral_.empty() || commitment_.empty() || hearing_.empty() ||
                     alert_.empty());
        const auto instrument = cw.Get("/api/v1/assessments/instrument");
        for (const auto& d : instrument.obj().at("domains").as_array()) {
            json::object subs;
            for (const auto& sub : d.at("sub_domains").as_array()) subs[sub.at("key").as_string()] = 3;
            scores_[d.at("key").as_string()] = subs;
        }
    }
    ApiResult Consent(const std::string& agency, const std::string& purpose) {
        auto r = world_->As("caseworker")
                     .Post("/api/v1/survivors/" + survivor_ + "/consents",
                           json::object{{"recipient_agency_id", world_->AgencyId(agency)},
                                        {"purpose", purpose},
                                        {"scope", {{"topics", json::array{"recruitment"}}}},
                                        {"valid_until", "2027-06-01T00:00:00Z"},
                                        {"given_as", "written"},
                                        {"consent_text_version", "2026-01"},
                                        {"language", "en"}});
        EXPECT_EQ(r.status, 201) << r.raw.body;
        return r;
    }
    std::string Disclose(const std::string& agency, const std::string& purpose) {
        auto r = world_->As("caseworker")
                     .Post("/api/v1/cases/" + case_ + "/disclosures",
                           json::object{{"recipient_agency_id", world_->AgencyId(agency)},
                                        {"purpose", purpose},
                                        {"passage_ids", json::array{confirmed_}}});
        EXPECT_EQ(r.status, 201) << r.raw.body;
        return r.Str("id");
    }

    // The route's pattern with its {id} filled in for this person.
    std::string Target(const std::string& key, const std::string& person) {
        const std::string pattern = key.substr(key.find(' ') + 1);
        std::string id;
        if (pattern.starts_with("/api/v1/cases/{id}/break-glass")) {
            id = glass_case_;
        } else if (pattern.starts_with("/api/v1/cases/")) {
            id = case_;
        } else if (pattern == "/api/v1/portal/passages/{id}/review") {
            id = unreviewed_;
        } else if (pattern.starts_with("/api/v1/portal/passages/")) {
            id = confirmed_;
        } else if (pattern.starts_with("/api/v1/portal/consents/")) {
            id = spare_consent_;
        } else if (pattern.starts_with("/api/v1/survivors/")) {
            id = survivor_;
        } else if (pattern.starts_with("/api/v1/interviews/")) {
            id = interview_;
        } else if (pattern == "/api/v1/passages/{id}/review") {
            id = unreviewed_;
        } else if (pattern.starts_with("/api/v1/passages/")) {
            id = confirmed_;
        } else if (pattern.starts_with("/api/v1/disclosures/")) {
            id = person == "prosecutor" ? prosecution_disclosure_ : police_disclosure_;
        } else if (pattern.starts_with("/api/v1/consents/")) {
            id = spare_consent_;
        } else if (pattern.starts_with("/api/v1/venues/")) {
            id = venue_;
        } else if (pattern.starts_with("/api/v1/erasures/")) {
            id = erasure_;
        } else if (pattern.starts_with("/api/v1/staff/") && pattern.ends_with("/totp/reset")) {
            id = world_->StaffId("counsellor");  // resetting ends their sessions: not someone walking the matrix
        } else if (pattern.starts_with("/api/v1/trainings/")) {
            id = training_;
        } else if (pattern.starts_with("/api/v1/sessions/")) {
            id = session_;
        } else if (pattern.starts_with("/api/v1/participants/")) {
            id = participant_;
        } else if (pattern.starts_with("/api/v1/staff/")) {
            id = world_->StaffId("caseworker");
        } else if (pattern.starts_with("/api/v1/me/nudges/")) {
            id = nudge_;
        } else if (pattern.starts_with("/api/v1/checkins/")) {
            id = checkin_;
        } else if (pattern.starts_with("/api/v1/providers/")) {
            id = provider_;
        } else if (pattern.starts_with("/api/v1/referrals/")) {
            id = referral_;
        } else if (pattern.starts_with("/api/v1/commitments/")) {
            id = commitment_;
        } else if (pattern.starts_with("/api/v1/hearings/")) {
            id = hearing_;
        } else if (pattern.starts_with("/api/v1/alerts/")) {
            id = alert_;
        }
        std::string target = pattern;
        if (const auto at = target.find("{id}"); at != std::string::npos) target.replace(at, 4, id);
        if (const auto at = target.find("{name}"); at != std::string::npos) target.replace(at, 6, "caseload");
        return target;
    }

    // A valid body for the route, so that only the policy can refuse it.
    json::value Body(const std::string& key) {
        static int n = 0;
        ++n;
        const std::map<std::string, json::value> bodies{
            {"POST /api/v1/agencies",
             json::object{{"name", "Matrix Agency " + std::to_string(n)}, {"kind", "other"}, {"country", "KE"}}},
            {"POST /api/v1/staff", json::object{{"username", "matrix" + std::to_string(n)},
                                                {"password", "matrix-password-123"},
                                                {"display_name", "Matrix Person"},
                                                {"agency_id", world_->AgencyId("ngo")},
                                                {"roles", json::array{"caseworker"}}}},
            {"POST /api/v1/survivors",
             json::object{{"code_name", "Matrix " + std::to_string(n)}, {"legal_name", "Test Matrix Registrant"}}},
            {"POST /api/v1/survivors/match", json::object{{"legal_name", "Nobody"}, {"birth_date", "2000-01-01"}}},
            {"PATCH /api/v1/survivors/{id}", json::object{{"preferences", {{"children", "none"}}}}},
            {"POST /api/v1/survivors/{id}/consents", json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                                  {"purpose", "investigation"},
                                                                  {"scope", {{"topics", json::array{"escape"}}}},
                                                                  {"valid_until", "2027-06-01T00:00:00Z"},
                                                                  {"given_as", "written"},
                                                                  {"consent_text_version", "2026-01"},
                                                                  {"language", "en"}}},
            {"POST /api/v1/consents/{id}/revoke", json::object{}},
            {"POST /api/v1/cases", json::object{{"survivor_id", other_survivor_}}},
            {"PATCH /api/v1/cases/{id}", json::object{{"exploitation_types", json::array{"forced_labour"}}}},
            {"POST /api/v1/cases/{id}/team",
             json::object{{"staff_id", world_->StaffId("counsellor")}, {"case_role", "counsellor"}}},
            {"POST /api/v1/venues", json::object{{"name", "Matrix room"},
                                                 {"agency_id", world_->AgencyId("ngo")},
                                                 {"features", json::array{"child_friendly"}}}},
            {"POST /api/v1/cases/{id}/interviews", json::object{{"purpose", "aftercare"},
                                                                {"topics", json::array{"escape"}},
                                                                {"scheduled_at", "2026-12-01T10:00:00Z"},
                                                                {"interviewer_id", world_->StaffId("caseworker")},
                                                                {"accommodations", json::object{}}}},
            {"PATCH /api/v1/interviews/{id}", json::object{{"topics_shared_at", "2026-11-26T09:00:00Z"}}},
            {"POST /api/v1/cases/{id}/passages", json::object{{"interview_id", interview_},
                                                              {"topic", "escape"},
                                                              {"text", "More invented words."},
                                                              {"sensitivity", "standard"}}},
            {"POST /api/v1/passages/{id}/review", json::object{{"status", "read_back"}}},
            {"POST /api/v1/cases/{id}/disclosures", json::object{{"recipient_agency_id", world_->AgencyId("police")},
                                                                 {"purpose", "investigation"},
                                                                 {"passage_ids", json::array{confirmed_}}}},
            {"POST /api/v1/cases/{id}/break-glass",
             json::object{{"reason", "A safeguarding emergency needs the case now."}}},
            {"POST /api/v1/portal/passages/{id}/review", json::object{{"status", "confirmed"}}},
            {"POST /api/v1/portal/passages/{id}/comment", json::object{{"comment", "An invented comment."}}},
            {"POST /api/v1/survivors/{id}/erase", json::object{{"reason", "survivor_request"}}},
            {"POST /api/v1/cases/{id}/trafficking-events", json::object{{"kind", "exploitation"}, {"country", "AE"}}},
            {"POST /api/v1/trainings",
             json::object{
                 {"title", "Matrix course " + std::to_string(n)}, {"curriculum", "One module."}, {"hours", 2}}},
            {"POST /api/v1/trainings/{id}/sessions",
             json::object{{"date", "2026-11-03"}, {"place", "Hall"}, {"country", "KE"}, {"trainer", "Someone"}}},
            {"POST /api/v1/sessions/{id}/participants", json::object{{"name", "Matrix Participant"},
                                                                     {"profession", "police"},
                                                                     {"agency_name", "Elsewhere"},
                                                                     {"country", "KE"}}},
            {"PATCH /api/v1/participants/{id}", json::object{{"certificate_id", "MATRIX-" + std::to_string(n)}}},
            {"POST /api/v1/me/exposures", json::object{{"on", "2026-11-25"}, {"minutes", 30}, {"kind", "other"}}},
            {"POST /api/v1/me/debriefs", json::object{{"on", "2026-11-25"}}},
            {"POST /api/v1/me/checkins", json::object{{"answers", Answers()}}},
            {"POST /api/v1/providers", json::object{{"name", "Matrix provider " + std::to_string(n)},
                                                    {"service_types", json::array{"education"}}}},
            {"POST /api/v1/cases/{id}/referrals", json::object{{"provider_id", provider_},
                                                               {"service_type", "shelter"},
                                                               {"reason", "A bed for tonight."},
                                                               {"follow_up_by", "2026-11-30"}}},
            {"POST /api/v1/referrals/{id}/transition", json::object{{"to", "closed"}}},
            {"POST /api/v1/cases/{id}/commitments",
             json::object{
                 {"what", "Visit on Friday."}, {"owner_id", world_->StaffId("caseworker")}, {"due", "2026-12-04"}}},
            {"PATCH /api/v1/commitments/{id}", json::object{{"note", "On track."}}},
            {"PUT /api/v1/cases/{id}/safety-plan",
             json::object{{"risk_level", "medium"},
                          {"items", json::array{json::object{{"kind", "safe_place"}, {"text", "The library."}}}},
                          {"review_by", "2027-01-01"}}},
            {"POST /api/v1/cases/{id}/hearings",
             json::object{{"court", "Matrix Court"}, {"scheduled_at", "2027-01-11T09:00:00Z"}, {"kind", "bail"}}},
            {"PATCH /api/v1/hearings/{id}", json::object{{"accommodations_granted", json::array{"screen"}}}},
            {"POST /api/v1/cases/{id}/reviews",
             json::object{{"held_at", "2026-11-25T10:00:00Z"},
                          {"attendees", json::array{world_->StaffId("caseworker")}}}},
            {"POST /api/v1/cases/{id}/incidents", json::object{{"occurred_on", "2026-10-01"},
                                                               {"penetration", false},
                                                               {"unwanted_sexual_contact", false},
                                                               {"physical_assault", true},
                                                               {"forced_marriage", false},
                                                               {"denial_of_resources", false},
                                                               {"psychological_abuse", true}}},
            {"POST /api/v1/cases/{id}/assessments", json::object{{"assessed_on", "2026-11-26"}, {"scores", scores_}}},
        };
        const auto found = bodies.find(key);
        return found == bodies.end() ? json::value(json::object{}) : found->second;
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_, other_survivor_, glass_case_, interview_, confirmed_, unreviewed_;
    std::string spare_consent_, police_disclosure_, prosecution_disclosure_, venue_, erasure_;
    std::string training_, session_, participant_, nudge_, checkin_;
    std::string provider_, referral_, commitment_, hearing_, alert_;
    json::object scores_;
};

TEST_F(PolicyMatrixApiTest, EveryRouteForEveryRelation) {
    ApiClient anonymous(*server_);
    const auto doc = anonymous.Get("/api/v1/openapi.json");
    ASSERT_EQ(doc.status, 200);
    std::vector<std::string> routes;
    for (const auto& [path, item] : doc.obj().at("paths").as_object()) {
        for (const auto& [method, op] : item.as_object()) {
            const auto* security = op.as_object().if_contains("security");
            if (security != nullptr && security->as_array().empty()) continue;  // public
            std::string upper(method);
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            const std::string key = upper + " " + std::string(path);
            if (kNotWalked.count(key) == 0) routes.push_back(key);
        }
    }
    for (const auto& key : routes) {
        EXPECT_TRUE(kExpected.count(key)) << key << " has no row in the matrix";
    }
    for (const auto& [key, cells] : kExpected) {
        EXPECT_NE(std::find(routes.begin(), routes.end(), key), routes.end()) << key << " is not a route";
        ASSERT_EQ(cells.size(), kPeople.size()) << key;
    }

    int walked = 0;
    for (const auto& key : routes) {
        const auto expected = kExpected.find(key);
        if (expected == kExpected.end()) continue;
        const std::string method = key.substr(0, key.find(' '));
        for (std::size_t i = 0; i < kPeople.size(); ++i) {
            const std::string person = kPeople[i].first;
            auto& client = person == "admin"            ? world_->Admin()
                           : person == "survivor"       ? world_->PortalOf(survivor_)
                           : person == "other-survivor" ? world_->PortalOf(other_survivor_)
                                                        : world_->As(person);
            const std::string target = Target(key, person);
            std::vector<std::pair<std::string, std::string>> headers;
            if (method == "PATCH") headers.emplace_back("If-Match", "\"1\"");
            const auto r = client.Send(method, target, method == "GET" ? "" : json::serialize(Body(key)), headers);
            const bool allowed = expected->second[i] == 'Y';
            const std::string where = key + " as " + person + " (" + kPeople[i].second + "): " + r.raw.body;
            EXPECT_LT(r.status, 500) << where;
            if (allowed) {
                EXPECT_TRUE(r.status != 401 && r.status != 403) << where;
            } else {
                EXPECT_EQ(r.status, 403) << where;
            }
            ++walked;
        }
    }
    EXPECT_EQ(walked, static_cast<int>(kExpected.size() * kPeople.size()));
}

}  // namespace
}  // namespace onestory::testing
