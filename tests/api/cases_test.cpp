// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Cases, case teams, visibility and optimistic concurrency.
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

class CasesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        std::tie(survivor_, case_) = world_->SurvivorWithCase("caseworker", "Early Lark", "Test Nakato Person");
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string survivor_, case_;
};

TEST_F(CasesTest, TheCreatorsAgencyOwnsTheCaseAndTheCreatorLeadsItsTeam) {
    const auto c = world_->As("caseworker").Get("/api/v1/cases/" + case_);
    ASSERT_EQ(c.status, 200);
    EXPECT_EQ(c.Str("agency_id"), world_->AgencyId("ngo"));
    EXPECT_EQ(c.Str("survivor_code_name"), "Early Lark");
    EXPECT_EQ(c.Str("stage"), "intake");
    EXPECT_EQ(c.Str("status"), "active");
    EXPECT_EQ(*c.raw.Header("etag"), "\"1\"");
    const auto team = world_->As("caseworker").Get("/api/v1/cases/" + case_ + "/team");
    ASSERT_EQ(team.status, 200);
    const auto& members = team.obj().at("items").as_array();
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0].at("staff_id").as_string(), world_->StaffId("caseworker"));
    EXPECT_EQ(members[0].at("case_role").as_string(), "lead");
}

TEST_F(CasesTest, VisibilityFollowsTheTeamAndTheAgency) {
    EXPECT_EQ(world_->As("caseworker2").Get("/api/v1/cases/" + case_).status, 403);
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/cases/" + case_).status, 200);
    const auto police = world_->As("investigator").Get("/api/v1/cases/" + case_);
    EXPECT_EQ(police.status, 403);
    EXPECT_EQ(police.ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/cases").obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(world_->As("caseworker2").Get("/api/v1/cases").obj().at("items").as_array().size(), 0u);
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/cases").obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(
        world_->As("supervisor").Get("/api/v1/cases?survivor_id=" + survivor_).obj().at("items").as_array().size(), 1u);
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/cases").status, 403);
}

TEST_F(CasesTest, PatchNeedsIfMatchAndRefusesStaleVersions) {
    auto& cw = world_->As("caseworker");
    const std::string path = "/api/v1/cases/" + case_;
    const auto missing = cw.Patch(path, json::object{{"stage", "investigation"}}, std::nullopt);
    EXPECT_EQ(missing.status, 428);
    EXPECT_EQ(missing.ErrorCode(), "if_match_required");
    const auto first = cw.Patch(path, json::object{{"stage", "investigation"}}, 1);
    ASSERT_EQ(first.status, 200) << first.raw.body;
    EXPECT_EQ(first.Version(), 2);
    EXPECT_EQ(first.Str("stage"), "investigation");
    EXPECT_EQ(*first.raw.Header("etag"), "\"2\"");
    // A second writer who read version 1 does not overwrite the change.
    const auto stale = world_->As("supervisor").Patch(path, json::object{{"stage", "aftercare"}}, 1);
    EXPECT_EQ(stale.status, 409);
    EXPECT_EQ(stale.ErrorCode(), "stale_version");
    EXPECT_EQ(cw.Get(path).Str("stage"), "investigation");
    // Merge-patch: untouched members stay.
    const auto types = cw.Patch(path, json::object{{"exploitation_types", json::array{"domestic_servitude"}}}, 2);
    ASSERT_EQ(types.status, 200);
    EXPECT_EQ(types.Str("stage"), "investigation");
    EXPECT_EQ(types.obj().at("exploitation_types").as_array().at(0).as_string(), "domestic_servitude");
    EXPECT_EQ(cw.Patch(path, json::object{{"stage", "aftercare"}}, std::nullopt).status, 428);
    EXPECT_EQ(cw.Send("PATCH", path, R"({"stage":"aftercare"})", {{"If-Match", "soon"}}).status, 400);
}

TEST_F(CasesTest, ClosingKeepsStageAndStatusConsistent) {
    auto& cw = world_->As("caseworker");
    const std::string path = "/api/v1/cases/" + case_;
    const auto closed = cw.Patch(path, json::object{{"status", "closed_referred"}}, 1);
    ASSERT_EQ(closed.status, 200);
    EXPECT_EQ(closed.Str("stage"), "closed");
    const auto bad = cw.Patch(path, json::object{{"stage", "aftercare"}, {"status", "closed"}}, 2);
    EXPECT_EQ(bad.status, 400);
    const auto reopened = cw.Patch(path, json::object{{"stage", "aftercare"}, {"status", "follow_up"}}, 2);
    ASSERT_EQ(reopened.status, 200) << reopened.raw.body;
    EXPECT_EQ(reopened.Str("status"), "follow_up");
}

TEST_F(CasesTest, TeamMembersComeFromTheOwningAgency) {
    auto& cw = world_->As("caseworker");
    const std::string team = "/api/v1/cases/" + case_ + "/team";
    const auto other_agency =
        cw.Post(team, json::object{{"staff_id", world_->StaffId("investigator")}, {"case_role", "investigator"}});
    EXPECT_EQ(other_agency.status, 400);
    EXPECT_EQ(other_agency.ErrorField(), "staff_id");
    const auto added =
        cw.Post(team, json::object{{"staff_id", world_->StaffId("counsellor")}, {"case_role", "counsellor"}});
    EXPECT_EQ(added.status, 201);
    const auto again =
        cw.Post(team, json::object{{"staff_id", world_->StaffId("counsellor")}, {"case_role", "counsellor"}});
    EXPECT_EQ(again.status, 409);
    const auto stranger =
        world_->As("caseworker2")
            .Post(team, json::object{{"staff_id", world_->StaffId("caseworker2")}, {"case_role", "caseworker"}});
    EXPECT_EQ(stranger.status, 403);
    EXPECT_EQ(cw.Get(team).obj().at("items").as_array().size(), 2u);
}

TEST_F(CasesTest, CasesNeedAKnownSurvivorOfYourAgency) {
    const auto unknown = world_->As("caseworker").Post("/api/v1/cases", json::object{{"survivor_id", "sv_nobody"}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.ErrorField(), "survivor_id");
    const auto foreign = world_->As("investigator").Post("/api/v1/cases", json::object{{"survivor_id", survivor_}});
    EXPECT_EQ(foreign.status, 403);
}

}  // namespace
}  // namespace onestory::testing
