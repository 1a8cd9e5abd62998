// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The service directory and closed-loop referrals: searching providers,
// the consent a referral to another agency needs, every legal move of a
// referral by the side whose step it is, illegal moves refused, and what the
// receiving agency sees.
#include <gtest/gtest.h>

#include <set>

#include "care_world.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class ReferralsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Quiet Wren", "Test Referral Person");
        clinic_ =
            MakeProvider(*world_, "Test Clinic Outpatients", "health", {"medical", "mental_health"}, {"sw", "en"});
        outside_ = MakeProvider(*world_, "Test Night Shelter", "", {"shelter"}, {"en"}, 18, 60);
    }
    ApiResult Refer(const std::string& provider, const std::string& service, std::vector<std::string> categories,
                    const std::string& follow_up_by = "2026-12-10") {
        json::array c;
        for (const auto& x : categories) c.emplace_back(x);
        return world_->As("caseworker")
            .Post("/api/v1/cases/" + case_ + "/referrals", json::object{{"provider_id", provider},
                                                                        {"service_type", service},
                                                                        {"reason", "Needs a check-up after a fall."},
                                                                        {"share_categories", c},
                                                                        {"follow_up_by", follow_up_by}});
    }
    ApiResult Move(const std::string& who, const std::string& id, json::object body) {
        return world_->As(who).Post("/api/v1/referrals/" + id + "/transition", body);
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_, clinic_, outside_;
};

TEST_F(ReferralsTest, TheDirectoryIsSearchedByServiceLanguageAndAge) {
    const auto youth =
        MakeProvider(*world_, "Test Youth Learning Centre", "", {"education", "livelihood"}, {"fr"}, 12, 17);
    auto& cw = world_->As("caseworker");
    auto names = [&](const std::string& query) {
        const auto r = cw.Get("/api/v1/providers" + query);
        EXPECT_EQ(r.status, 200) << r.raw.body;
        std::set<std::string> out;
        for (const auto& p : r.obj().at("items").as_array()) out.insert(std::string(p.at("name").as_string()));
        return out;
    };
    EXPECT_EQ(names("").size(), 3u);
    EXPECT_EQ(names("?service_type=shelter"), std::set<std::string>{"Test Night Shelter"});
    EXPECT_EQ(names("?service_type=education&language=fr"), std::set<std::string>{"Test Youth Learning Centre"});
    EXPECT_EQ(names("?language=sw"), std::set<std::string>{"Test Clinic Outpatients"});
    // Age: the clinic sets no bounds and serves everyone.
    EXPECT_EQ(names("?age=15"), (std::set<std::string>{"Test Clinic Outpatients", "Test Youth Learning Centre"}));
    EXPECT_EQ(names("?age=30"), (std::set<std::string>{"Test Clinic Outpatients", "Test Night Shelter"}));
    EXPECT_EQ(names("?service_type=repatriation").size(), 0u);
    EXPECT_EQ(cw.Get("/api/v1/providers?service_type=massage").status, 400);
    EXPECT_EQ(cw.Get("/api/v1/providers?age=old").ErrorField(), "age");
    const auto one = cw.Get("/api/v1/providers/" + youth);
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(one.obj().at("ages_served").at("min").as_int64(), 12);
    EXPECT_EQ(StringsOf(one.obj().at("service_types")), (std::vector<std::string>{"education", "livelihood"}));

    // Who registers: administrators, and supervisors for their agency's services or outside ones.
    const json::object body{{"name", "Test Legal Clinic"}, {"service_types", json::array{"legal_aid"}}};
    EXPECT_EQ(cw.Post("/api/v1/providers", body).status, 403);
    EXPECT_EQ(world_->As("supervisor").Post("/api/v1/providers", body).status, 201);
    json::object theirs = body;
    theirs["agency_id"] = world_->AgencyId("health");
    EXPECT_EQ(world_->As("supervisor").Post("/api/v1/providers", theirs).ErrorCode(), "other_agency");
    json::object bad = body;
    bad["service_types"] = json::array{"legal_aid", "astrology"};
    EXPECT_EQ(world_->Admin().Post("/api/v1/providers", bad).ErrorField(), "service_types[1]");
    bad = body;
    bad["ages_served"] = json::object{{"min", 30}, {"max", 20}};
    EXPECT_EQ(world_->Admin().Post("/api/v1/providers", bad).ErrorField(), "ages_served.max");
}

TEST_F(ReferralsTest, AReferralAcrossAgenciesIsRefusedWithoutConsentAndAllowedWithIt) {
    const auto refused = Refer(clinic_, "medical", {"identity", "contact"});
    EXPECT_EQ(refused.status, 403) << refused.raw.body;
    EXPECT_EQ(refused.ErrorCode(), "no_consent");
    EXPECT_EQ(StringsOf(refused.obj().at("uncovered")), (std::vector<std::string>{"contact", "identity"}));
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/cases/" + case_ + "/referrals").obj().at("items").as_array().size(),
              0u);

    // A consent for another purpose, or covering less, does not do.
    GrantConsent(*world_, survivor_, "health", "investigation", {}, {"identity", "contact"});
    GrantConsent(*world_, survivor_, "health", "health", {}, {"identity"});
    const auto partial = Refer(clinic_, "medical", {"identity", "contact"});
    EXPECT_EQ(partial.ErrorCode(), "no_consent");
    EXPECT_EQ(StringsOf(partial.obj().at("uncovered")), std::vector<std::string>{"contact"});

    const auto consent = GrantConsent(*world_, survivor_, "health", "health", {}, {"identity", "contact"});
    const auto allowed = Refer(clinic_, "medical", {"identity", "contact"});
    ASSERT_EQ(allowed.status, 201) << allowed.raw.body;
    EXPECT_EQ(allowed.Str("status"), "proposed");
    EXPECT_EQ(allowed.Str("consent_id"), consent.Str("id"));
    EXPECT_EQ(allowed.Str("purpose"), "health");
    EXPECT_EQ(allowed.Str("recipient_agency_id"), world_->AgencyId("health"));

    // Nothing shared: no consent is asked; a provider outside onestory is the case team's to contact.
    EXPECT_EQ(Refer(clinic_, "mental_health", {}).status, 201);
    EXPECT_EQ(Refer(outside_, "shelter", {"identity", "location"}).status, 201);
    // The consent is asked again when the referral is sent: withdrawn in between, it is refused.
    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/consents/" + consent.Str("id") + "/revoke").status, 200);
    const auto send = Move("caseworker", allowed.Str("id"), {{"to", "sent"}});
    EXPECT_EQ(send.status, 403) << send.raw.body;
    EXPECT_EQ(send.ErrorCode(), "no_consent");
    // Bad references and rules.
    EXPECT_EQ(Refer("pv_nowhere", "medical", {}).ErrorField(), "provider_id");
    EXPECT_EQ(Refer(clinic_, "shelter", {}).ErrorField(), "service_type");
    EXPECT_EQ(Refer(clinic_, "medical", {}, "2026-11-01").ErrorField(), "follow_up_by");
    EXPECT_EQ(Refer(clinic_, "medical", {"favourite_colour"}).ErrorField(), "share_categories[0]");
}

TEST_F(ReferralsTest, AReferralWalksEveryLegalStateByTheSideWhoseStepItIs) {
    GrantConsent(*world_, survivor_, "health", "health", {}, {"identity", "contact"});
    const auto created = Refer(clinic_, "medical", {"identity", "contact"});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    const std::string id = created.Str("id");
    auto& clinician = world_->As("clinician");

    // Proposed: not yet the clinic's to see.
    EXPECT_EQ(clinician.Get("/api/v1/referrals/" + id).ErrorCode(), "not_sent");
    EXPECT_EQ(clinician.Get("/api/v1/referrals").obj().at("items").as_array().size(), 0u);
    EXPECT_EQ(Move("clinician", id, {{"to", "accepted"}}).ErrorCode(), "not_sent");
    // Illegal from proposed: straight to accepted.
    const auto skip = Move("caseworker", id, {{"to", "completed"}});
    EXPECT_EQ(skip.status, 403);  // the clinic's step, whatever the state

    ASSERT_EQ(Move("caseworker", id, {{"to", "sent"}, {"note", "Phoned ahead to the clinic."}}).status, 200);
    const auto inbox = clinician.Get("/api/v1/referrals");
    ASSERT_EQ(inbox.obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(inbox.obj().at("items").at(0).at("reason").as_string(), "Needs a check-up after a fall.");
    const auto read = clinician.Get("/api/v1/referrals/" + id);
    ASSERT_EQ(read.status, 200) << read.raw.body;
    EXPECT_EQ(read.obj().at("shared").at("legal_name").as_string(), "Test Referral Person");
    EXPECT_FALSE(read.obj().at("shared").as_object().contains("address"));  // location was not shared

    // Answering is the clinic's step, not the case team's.
    EXPECT_EQ(Move("caseworker", id, {{"to", "accepted"}}).ErrorCode(), "receiving_agency_answers");
    EXPECT_EQ(Move("investigator", id, {{"to", "accepted"}}).status, 403);
    const auto accepted = Move("clinician", id, {{"to", "accepted"}, {"note", "Appointment on Monday."}});
    ASSERT_EQ(accepted.status, 200) << accepted.raw.body;
    EXPECT_EQ(accepted.Str("complete_by"), "2026-12-26");  // 30 days after acceptance by default

    const auto illegal = Move("clinician", id, {{"to", "completed"}});
    EXPECT_EQ(illegal.status, 409);
    EXPECT_EQ(illegal.ErrorCode(), "illegal_transition");
    EXPECT_EQ(StringsOf(illegal.obj().at("allowed")), (std::vector<std::string>{"in_service", "closed"}));

    ASSERT_EQ(Move("clinician", id, {{"to", "in_service"}, {"complete_by", "2027-01-15"}}).status, 200);
    const auto done = Move("clinician", id, {{"to", "completed"}});
    ASSERT_EQ(done.status, 200);
    EXPECT_EQ(done.Str("complete_by"), "2027-01-15");
    const auto after = Move("caseworker", id, {{"to", "closed"}});
    EXPECT_EQ(after.ErrorCode(), "illegal_transition");

    const auto walked = world_->As("caseworker").Get("/api/v1/referrals/" + id);
    ASSERT_EQ(walked.status, 200);
    std::vector<std::string> path;
    for (const auto& t : walked.obj().at("transitions").as_array()) path.emplace_back(t.at("to").as_string());
    EXPECT_EQ(path, (std::vector<std::string>{"proposed", "sent", "accepted", "in_service", "completed"}));
    EXPECT_EQ(walked.obj().at("transitions").at(2).at("by_agency").as_string(), world_->AgencyId("health"));
    EXPECT_EQ(walked.obj().at("transitions").at(1).at("note").as_string(), "Phoned ahead to the clinic.");
    EXPECT_EQ(walked.obj().at("transitions").at(2).at("from").as_string(), "sent");

    // Declined, with a reason, then filed away by either side.
    const auto second = Refer(clinic_, "mental_health", {});
    ASSERT_EQ(Move("caseworker", second.Str("id"), {{"to", "sent"}}).status, 200);
    EXPECT_EQ(Move("clinician", second.Str("id"), {{"to", "declined"}}).ErrorField(), "decline_reason");
    const auto declined =
        Move("clinician", second.Str("id"), {{"to", "declined"}, {"decline_reason", "No counsellor until March."}});
    ASSERT_EQ(declined.status, 200);
    EXPECT_EQ(declined.Str("decline_reason"), "No counsellor until March.");
    EXPECT_EQ(Move("clinician", second.Str("id"), {{"to", "in_service"}}).ErrorCode(), "illegal_transition");
    EXPECT_EQ(Move("caseworker", second.Str("id"), {{"to", "closed"}}).Str("status"), "closed");

    // A provider outside onestory: the case team records each answer, and closes one proposed but never sent.
    const auto outside = Refer(outside_, "shelter", {});
    for (const char* to : {"sent", "accepted", "in_service", "completed"}) {
        EXPECT_EQ(Move("caseworker", outside.Str("id"), {{"to", to}}).status, 200) << to;
    }
    const auto withdrawn = Refer(outside_, "shelter", {});
    EXPECT_EQ(Move("caseworker", withdrawn.Str("id"), {{"to", "closed"}}).Str("status"), "closed");
    EXPECT_EQ(Move("caseworker", withdrawn.Str("id"), {{"to", "sent"}}).ErrorCode(), "illegal_transition");
    EXPECT_EQ(Move("caseworker", withdrawn.Str("id"), {{"to", "nowhere"}}).ErrorField(), "to");
}

TEST_F(ReferralsTest, TheReceivingAgencySeesOnlyWhatTheStandingConsentShares) {
    const auto consent = GrantConsent(*world_, survivor_, "health", "health", {}, {"contact"});
    const auto referral = Refer(clinic_, "medical", {"contact"});
    ASSERT_EQ(Move("caseworker", referral.Str("id"), {{"to", "sent"}}).status, 200);
    auto& clinician = world_->As("clinician");
    const auto read = clinician.Get("/api/v1/referrals/" + referral.Str("id"));
    ASSERT_EQ(read.status, 200);
    const auto& shared = read.obj().at("shared").as_object();
    EXPECT_TRUE(shared.contains("code_name"));
    EXPECT_FALSE(shared.contains("legal_name"));  // identity was not shared
    EXPECT_EQ(read.Str("consent_status"), "active");
    // The case itself stays closed to the clinic.
    EXPECT_EQ(clinician.Get("/api/v1/cases/" + case_).status, 403);
    EXPECT_EQ(clinician.Get("/api/v1/cases/" + case_ + "/referrals").status, 403);

    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/consents/" + consent.Str("id") + "/revoke").status, 200);
    const auto after = clinician.Get("/api/v1/referrals/" + referral.Str("id"));
    ASSERT_EQ(after.status, 200);  // the referral still needs an answer
    EXPECT_EQ(after.Str("consent_status"), "revoked");
    EXPECT_FALSE(after.obj().contains("shared"));
    // Other agencies see nothing of it.
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/referrals/" + referral.Str("id")).status, 403);
    EXPECT_EQ(world_->As("investigator").Get("/api/v1/referrals").obj().at("items").as_array().size(), 0u);
}

TEST_F(ReferralsTest, TheIncidentClassificationNeverGatesAReferral) {
    auto& cw = world_->As("caseworker");
    for (const bool penetration : {true, false}) {
        const auto incident =
            cw.Post("/api/v1/cases/" + case_ + "/incidents", json::object{{"occurred_on", "2026-10-01"},
                                                                          {"penetration", penetration},
                                                                          {"unwanted_sexual_contact", false},
                                                                          {"physical_assault", false},
                                                                          {"forced_marriage", false},
                                                                          {"denial_of_resources", false},
                                                                          {"psychological_abuse", false}});
        ASSERT_EQ(incident.status, 201) << incident.raw.body;
        EXPECT_EQ(incident.Str("gbv_type"), penetration ? "rape" : "non_gbv");
        const auto referral = Refer(outside_, "shelter", {});
        ASSERT_EQ(referral.status, 201) << referral.raw.body;
        EXPECT_EQ(Move("caseworker", referral.Str("id"), {{"to", "sent"}}).status, 200);
    }
}

TEST_F(ReferralsTest, AnUnansweredReferralAndOneAcceptedButNeverCompletedAreAlerts) {
    GrantConsent(*world_, survivor_, "health", "health", {}, {"identity"});
    // One the clinic never answers, due an answer by the 28th.
    const auto silent = Refer(clinic_, "medical", {}, "2026-11-28");
    ASSERT_EQ(silent.status, 201) << silent.raw.body;
    ASSERT_EQ(Move("caseworker", silent.Str("id"), {{"to", "sent"}}).status, 200);
    // One the clinic accepts, promising the service by the 30th, and then forgets.
    const auto stalled = Refer(clinic_, "mental_health", {}, "2026-11-28");
    ASSERT_EQ(Move("caseworker", stalled.Str("id"), {{"to", "sent"}}).status, 200);
    ASSERT_EQ(Move("clinician", stalled.Str("id"), {{"to", "accepted"}, {"complete_by", "2026-11-30"}}).status, 200);

    Sessions sessions(*server_);
    auto kinds = [&](const std::string& who, const std::string& kind) {
        return AlertsOfKind(sessions.As(who).Get("/api/v1/alerts"), kind);
    };
    EXPECT_TRUE(kinds("caseworker", "referral_unanswered").empty());
    EXPECT_TRUE(kinds("caseworker", "referral_not_completed").empty());

    sessions.AdvanceDays(3);  // the 29th: the first is past its follow-up date
    const auto unanswered = kinds("caseworker", "referral_unanswered");
    ASSERT_EQ(unanswered.size(), 1u);
    EXPECT_EQ(Str(unanswered[0], "subject_id"), silent.Str("id"));
    EXPECT_EQ(Str(unanswered[0], "case_id"), case_);
    EXPECT_EQ(kinds("supervisor", "referral_unanswered").size(), 1u);
    EXPECT_TRUE(kinds("caseworker", "referral_not_completed").empty());  // due the 30th: not yet
    EXPECT_TRUE(kinds("police-supervisor", "referral_unanswered").empty());

    sessions.AdvanceDays(2);  // the 1st: the accepted one was never completed
    const auto not_completed = kinds("caseworker", "referral_not_completed");
    ASSERT_EQ(not_completed.size(), 1u);
    EXPECT_EQ(Str(not_completed[0], "subject_id"), stalled.Str("id"));

    // Closing the loop ends both conditions.
    auto move = [&](const std::string& who, const std::string& id, const char* to) {
        return sessions.As(who).Post("/api/v1/referrals/" + id + "/transition", json::object{{"to", to}});
    };
    ASSERT_EQ(move("clinician", silent.Str("id"), "accepted").status, 200);
    ASSERT_EQ(move("clinician", stalled.Str("id"), "in_service").status, 200);
    ASSERT_EQ(move("clinician", stalled.Str("id"), "completed").status, 200);
    EXPECT_TRUE(kinds("caseworker", "referral_unanswered").empty());
    EXPECT_TRUE(kinds("caseworker", "referral_not_completed").empty());
    EXPECT_TRUE(kinds("supervisor", "referral_unanswered").empty());
}

}  // namespace
}  // namespace onestory::testing
