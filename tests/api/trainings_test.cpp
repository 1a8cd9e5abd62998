// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The training registry over real HTTP: courses, sessions and participants
// of every profession, completions that attach to staff records, and the
// settings that let only a trained interviewer conduct an interview and
// only a trained assessor score an outcome assessment.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

class TrainingsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    // A course of the NGO by its trainer, with one session.
    std::pair<std::string, std::string> CourseWithSession(const std::string& title, int valid_months) {
        auto& trainer = world_->As("trainer");
        const auto course = trainer.Post("/api/v1/trainings", json::object{{"title", title},
                                                                           {"curriculum", "Modules one to three."},
                                                                           {"hours", 7.5},
                                                                           {"topics", json::array{"interviewing"}},
                                                                           {"valid_months", valid_months}});
        EXPECT_EQ(course.status, 201) << course.raw.body;
        const auto session = trainer.Post("/api/v1/trainings/" + course.Str("id") + "/sessions",
                                          json::object{{"date", "2026-11-02"},
                                                       {"place", "Training room"},
                                                       {"country", "KE"},
                                                       {"trainer_staff_id", world_->StaffId("trainer")}});
        EXPECT_EQ(session.status, 201) << session.raw.body;
        return {course.Str("id"), session.Str("id")};
    }
    // Adds a setting to the data directory's settings.json (keeping the store) and restarts.
    void RestartWith(const std::string& key, json::value value) {
        const auto path = server_->data_dir() / "settings.json";
        json::object doc;
        if (std::ifstream in(path); in) {
            std::stringstream text;
            text << in.rdbuf();
            doc = json::parse(text.str()).as_object();
        }
        doc[key] = std::move(value);
        ASSERT_EQ(server_->Stop(), 0);
        {
            std::ofstream out(path, std::ios::trunc);
            out << json::serialize(doc);
        }
        ::chmod(path.c_str(), 0600);
        server_->Restart();
        restarted_ = true;
        clients_.clear();
    }
    // A client of the running server: the world's before a restart, a fresh login after.
    ApiClient& As(const std::string& username) {
        if (!restarted_) return username == "admin" ? world_->Admin() : world_->As(username);
        auto& slot = clients_[username];
        if (!slot) {
            slot = std::make_unique<ApiClient>(*server_);
            const auto login = username == "admin" ? slot->Login("admin", "admin-password-123")
                                                   : slot->Login(username, World::kPassword);
            EXPECT_EQ(login.status, 200) << login.raw.body;
        }
        return *slot;
    }
    ApiResult Plan(const std::string& case_id, const std::string& interviewer) {
        return As("caseworker")
            .Post("/api/v1/cases/" + case_id + "/interviews",
                  json::object{{"purpose", "aftercare"},
                               {"topics", json::array{"needs"}},
                               {"scheduled_at", "2026-12-01T10:00:00Z"},
                               {"interviewer_id", world_->StaffId(interviewer)},
                               {"accommodations", json::object{}}});
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    bool restarted_ = false;
    std::map<std::string, std::unique_ptr<ApiClient>> clients_;
};

TEST_F(TrainingsTest, CoursesSessionsAndParticipantsOfEveryProfession) {
    const auto [course, session] = CourseWithSession("Trauma-informed interviewing", 24);
    auto& trainer = world_->As("trainer");
    const auto got = world_->As("investigator").Get("/api/v1/trainings/" + course);
    ASSERT_EQ(got.status, 200);  // the catalogue is for everyone
    EXPECT_EQ(got.obj().at("hours"), json::value(7.5));
    EXPECT_EQ(got.obj().at("valid_months"), json::value(24));
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/trainings").obj().at("items").as_array().size(), 1u);
    const auto sessions = world_->As("caseworker").Get("/api/v1/trainings/" + course + "/sessions");
    ASSERT_EQ(sessions.status, 200);
    EXPECT_EQ(sessions.obj().at("items").at(0).at("trainer"), json::value("Test trainer"));

    // Professionals from outside onestory, of every profession and two countries.
    const std::vector<std::string> professions{"police",        "prosecutor",       "judge", "social_worker",
                                               "health_worker", "community_leader", "other"};
    for (std::size_t i = 0; i < professions.size(); ++i) {
        const auto p = trainer.Post("/api/v1/sessions/" + session + "/participants",
                                    json::object{{"name", "Test Participant " + std::to_string(i)},
                                                 {"profession", professions[i]},
                                                 {"agency_name", "A partner agency"},
                                                 {"country", i % 2 ? "UG" : "KE"},
                                                 {"completed", i % 3 != 0}});
        ASSERT_EQ(p.status, 201) << p.raw.body;
        EXPECT_EQ(p.obj().at("profession"), json::value(professions[i]));
        if (i % 3 != 0) {
            EXPECT_EQ(p.obj().at("completed_on"), json::value("2026-11-02"));
            EXPECT_EQ(p.obj().at("expires"), json::value("2028-11-02"));  // 24 months on
            EXPECT_TRUE(p.obj().at("certificate_id").is_string());
            EXPECT_EQ(p.obj().at("valid"), json::value(true));
        } else {
            EXPECT_TRUE(p.obj().at("certificate_id").is_null());
        }
    }
    const auto unknown = trainer.Post(
        "/api/v1/sessions/" + session + "/participants",
        json::object{{"name", "Somebody"}, {"profession", "astronaut"}, {"agency_name", "X"}, {"country", "KE"}});
    EXPECT_EQ(unknown.ErrorField(), "profession");
    const auto no_country = trainer.Post(
        "/api/v1/sessions/" + session + "/participants",
        json::object{{"name", "Somebody"}, {"profession", "judge"}, {"agency_name", "X"}, {"country", "XX"}});
    EXPECT_EQ(no_country.ErrorField(), "country");
    const auto list = world_->As("supervisor").Get("/api/v1/sessions/" + session + "/participants?limit=500");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.obj().at("items").as_array().size(), professions.size());
    // Who took part is for the running agency's trainers and supervisors.
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/sessions/" + session + "/participants").status, 403);
    EXPECT_EQ(world_->As("police-supervisor").Get("/api/v1/sessions/" + session + "/participants").ErrorCode(),
              "other_agency");
    // Only trainers (of the agency) and administrators change the registry.
    EXPECT_EQ(world_->As("caseworker")
                  .Post("/api/v1/trainings", json::object{{"title", "T"}, {"curriculum", "C"}, {"hours", 1}})
                  .status,
              403);
    EXPECT_EQ(
        trainer
            .Post("/api/v1/trainings",
                  json::object{
                      {"agency_id", world_->AgencyId("police")}, {"title", "T"}, {"curriculum", "C"}, {"hours", 1}})
            .ErrorCode(),
        "other_agency");
    EXPECT_EQ(
        trainer.Post("/api/v1/trainings", json::object{{"title", "T"}, {"curriculum", "C"}, {"hours", 0}}).ErrorField(),
        "hours");
}

TEST_F(TrainingsTest, CompletionsAttachToStaffRecordsAndAreUpdatedOptimistically) {
    const auto [course, session] = CourseWithSession("Forensic interviewing", 12);
    auto& trainer = world_->As("trainer");
    // A onestory user: name, agency and country come from their record.
    const auto p =
        trainer.Post("/api/v1/sessions/" + session + "/participants",
                     json::object{{"staff_id", world_->StaffId("caseworker2")}, {"profession", "social_worker"}});
    ASSERT_EQ(p.status, 201) << p.raw.body;
    EXPECT_EQ(p.obj().at("name"), json::value("Test caseworker2"));
    EXPECT_EQ(p.obj().at("agency_id"), json::value(world_->AgencyId("ngo")));
    EXPECT_EQ(p.obj().at("country"), json::value("KE"));
    EXPECT_EQ(p.obj().at("completed"), json::value(false));
    const std::string path = "/api/v1/participants/" + p.Str("id");
    EXPECT_EQ(trainer.Patch(path, json::object{{"completed", true}}, std::nullopt).status, 428);
    const auto done = trainer.Patch(path, json::object{{"completed", true}, {"certificate_id", "FI-2026-0042"}}, 1);
    ASSERT_EQ(done.status, 200) << done.raw.body;
    EXPECT_EQ(done.obj().at("certificate_id"), json::value("FI-2026-0042"));
    EXPECT_EQ(done.obj().at("expires"), json::value("2027-11-02"));
    EXPECT_EQ(trainer.Patch(path, json::object{{"expires", "2027-06-01"}}, 1).status, 409);
    // The same certificate id twice is refused.
    const auto twin =
        trainer.Post("/api/v1/sessions/" + session + "/participants", json::object{{"name", "Someone Else"},
                                                                                   {"profession", "police"},
                                                                                   {"agency_name", "Elsewhere"},
                                                                                   {"country", "KE"},
                                                                                   {"completed", true},
                                                                                   {"certificate_id", "FI-2026-0042"}});
    EXPECT_EQ(twin.status, 409);
    EXPECT_EQ(twin.ErrorField(), "certificate_id");

    const std::string record = "/api/v1/staff/" + world_->StaffId("caseworker2") + "/trainings";
    for (const char* who : {"caseworker2", "supervisor", "trainer"}) {
        const auto trainings = world_->As(who).Get(record);
        ASSERT_EQ(trainings.status, 200) << who << trainings.raw.body;
        ASSERT_EQ(trainings.obj().at("items").as_array().size(), 1u) << who;
        EXPECT_EQ(trainings.obj().at("items").at(0).at("training_title"), json::value("Forensic interviewing"));
        EXPECT_EQ(trainings.obj().at("items").at(0).at("valid"), json::value(true));
    }
    EXPECT_EQ(world_->Admin().Get(record).status, 200);
    EXPECT_EQ(world_->As("caseworker").Get(record).ErrorCode(), "not_own_record");
    EXPECT_EQ(world_->As("police-supervisor").Get(record).ErrorCode(), "not_own_record");
}

TEST_F(TrainingsTest, OnlyATrainedInterviewerConductsAnInterview) {
    const auto [course, session] = CourseWithSession("Interviewing survivors of trafficking", 1);
    auto& trainer = world_->As("trainer");
    ASSERT_EQ(trainer
                  .Post("/api/v1/sessions/" + session + "/participants",
                        json::object{{"staff_id", world_->StaffId("caseworker")},
                                     {"profession", "social_worker"},
                                     {"completed", true},
                                     {"completed_on", "2026-11-20"}})
                  .status,
              201);
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Trained Heron", "Test Gate Person");
    // Without the setting anyone on the team may interview.
    EXPECT_EQ(Plan(kase, "caseworker2").status, 201);

    RestartWith("require_training", json::object{{"interviewer", course}});
    const auto refused = Plan(kase, "caseworker2");
    ASSERT_EQ(refused.status, 403) << refused.raw.body;
    EXPECT_EQ(refused.ErrorCode(), "training_required");
    const std::string message(refused.obj().at("error").at("message").as_string());
    EXPECT_NE(message.find("Interviewing survivors of trafficking"), std::string::npos) << message;
    EXPECT_NE(message.find(course), std::string::npos) << message;
    EXPECT_EQ(refused.obj().at("training").at(0), json::value(course));
    EXPECT_EQ(Plan(kase, "caseworker").status, 201);
    // The refusal is audited.
    const auto audit = As("supervisor").Get("/api/v1/audit?limit=500");
    ASSERT_EQ(audit.status, 200);
    EXPECT_NE(audit.raw.body.find("training_required"), std::string::npos);

    // A completion expires (one month after 2026-11-20): the caseworker is no longer trained.
    ASSERT_EQ(As("admin").Post("/api/v1/test/clock", json::object{{"now", "2026-12-21T09:00:00Z"}}).status, 200);
    clients_.clear();  // a month on, the sessions have long expired: log in again
    EXPECT_EQ(Plan(kase, "caseworker").ErrorCode(), "training_required");
}

TEST_F(TrainingsTest, OnlyATrainedAssessorScoresAnOutcomeAssessment) {
    const auto [course, session] = CourseWithSession("Scoring outcome assessments", 12);
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Scored Heron", "Test Assessor Person");
    const auto instrument = As("caseworker").Get("/api/v1/assessments/instrument");
    ASSERT_EQ(instrument.status, 200);
    json::object scores;
    for (const auto& d : instrument.obj().at("domains").as_array()) {
        json::object subs;
        for (const auto& sub : d.at("sub_domains").as_array()) subs[sub.at("key").as_string()] = 3;
        scores[d.at("key").as_string()] = subs;
    }
    const auto assess = [&] {
        return As("caseworker")
            .Post("/api/v1/cases/" + kase + "/assessments",
                  json::object{{"assessed_on", "2026-11-26"}, {"scores", scores}});
    };
    // Without the setting the case team scores assessments.
    EXPECT_EQ(assess().status, 201);

    RestartWith("require_training", json::object{{"assessor", course}});
    const auto refused = assess();
    ASSERT_EQ(refused.status, 403) << refused.raw.body;
    EXPECT_EQ(refused.ErrorCode(), "training_required");
    const std::string message(refused.obj().at("error").at("message").as_string());
    EXPECT_NE(message.find("Scoring outcome assessments"), std::string::npos) << message;
    EXPECT_EQ(refused.obj().at("training").at(0), json::value(course));
    // The interviewer gate is another setting: planning an interview is still open to the untrained.
    EXPECT_EQ(Plan(kase, "caseworker").status, 201);
    // Once the caseworker completes the course, their assessments are accepted.
    ASSERT_EQ(As("trainer")
                  .Post("/api/v1/sessions/" + session + "/participants",
                        json::object{{"staff_id", world_->StaffId("caseworker")},
                                     {"profession", "social_worker"},
                                     {"completed", true},
                                     {"completed_on", "2026-11-20"}})
                  .status,
              201);
    const auto accepted = assess();
    EXPECT_EQ(accepted.status, 201) << accepted.raw.body;
    const auto list = As("caseworker").Get("/api/v1/cases/" + kase + "/assessments");
    EXPECT_EQ(list.obj().at("items").as_array().size(), 2u);
}

}  // namespace
}  // namespace onestory::testing
