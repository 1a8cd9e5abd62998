// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Bad input of every kind gets a JSON 4xx naming the field, never a crash and
// never half a record.
#include <gtest/gtest.h>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;

class ErrorsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new ServerProcess();
        world_ = new World(*server_);
    }
    static void TearDownTestSuite() {
        delete world_;
        delete server_;
    }
    static ServerProcess* server_;
    static World* world_;
};
ServerProcess* ErrorsTest::server_ = nullptr;
World* ErrorsTest::world_ = nullptr;

struct BadBody {
    const char* body;
    const char* code;
    const char* field;
};

TEST_F(ErrorsTest, BadBodiesAreRefusedNamingTheField) {
    const BadBody cases[] = {
        {R"({"code_name": "A", "legal_name": )", "malformed_json", "body"},
        {R"(not json)", "malformed_json", "body"},
        {R"([1,2,3])", "invalid", "body"},
        {R"({"code_name": 5, "legal_name": "B"})", "invalid", "code_name"},
        {R"({"code_name": "A", "legal_name": "B", "favourite_colour": "blue"})", "invalid", "favourite_colour"},
        {R"({"legal_name": "B"})", "invalid", "code_name"},
        {R"({"code_name": "A", "legal_name": "B", "birth_date": "2001-02-30"})", "invalid", "birth_date"},
        {R"({"code_name": "A", "legal_name": "B", "birth_date": "15/07/2001"})", "invalid", "birth_date"},
        {"{\"code_name\": \"A\xff\", \"legal_name\": \"B\"}", "invalid", "code_name"},
        {R"({"code_name": "A", "legal_name": "B", "languages": ["sw", 7]})", "invalid", "languages[1]"},
        {R"({"code_name": "A", "legal_name": "B", "gender": "unknown-value"})", "invalid", "gender"},
        {R"({"code_name": "A", "legal_name": "B", "languages": ["xx"]})", "invalid", "languages[0]"},
        {R"({"code_name": "A", "legal_name": "B", "nationality": "QQ"})", "invalid", "nationality"},
    };
    auto& cw = world_->As("caseworker");
    const auto before = world_->As("supervisor").Get("/api/v1/survivors?limit=500").obj().at("items").as_array().size();
    for (const auto& c : cases) {
        const auto r = cw.Send("POST", "/api/v1/survivors", c.body);
        EXPECT_EQ(r.status, 400) << c.body << " -> " << r.raw.body;
        EXPECT_EQ(r.ErrorCode(), c.code) << c.body;
        EXPECT_EQ(r.ErrorField(), c.field) << c.body;
        EXPECT_FALSE(r.obj().at("error").at("message").as_string().empty());
    }
    const auto after = world_->As("supervisor").Get("/api/v1/survivors?limit=500").obj().at("items").as_array().size();
    EXPECT_EQ(before, after) << "a refused request left a record behind";
}

TEST_F(ErrorsTest, DeeplyNestedJsonIsRefused) {
    std::string deep(100, '[');
    deep += std::string(100, ']');
    const auto r = world_->As("caseworker").Send("POST", "/api/v1/survivors", deep);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.ErrorCode(), "malformed_json");
}

TEST_F(ErrorsTest, WrongContentTypeIsRefused) {
    const auto r = world_->As("caseworker")
                       .Send("POST", "/api/v1/survivors", R"({"code_name":"A","legal_name":"B"})",
                             {{"Content-Type", "text/plain"}});
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.ErrorField(), "Content-Type");
}

TEST_F(ErrorsTest, OversizeBodiesAre413) {
    const std::string huge = "{\"code_name\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}";
    const auto r = world_->As("caseworker").Send("POST", "/api/v1/survivors", huge);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.ErrorCode(), "too_large");
    // The server keeps serving.
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/me").status, 200);
}

TEST_F(ErrorsTest, BadQueryParametersAreRefused) {
    auto& cw = world_->As("caseworker");
    EXPECT_EQ(cw.Get("/api/v1/survivors?limit=0").ErrorField(), "limit");
    EXPECT_EQ(cw.Get("/api/v1/survivors?limit=abc").ErrorField(), "limit");
    EXPECT_EQ(cw.Get("/api/v1/survivors?cursor=%%%").status, 400);
    EXPECT_EQ(cw.Get("/api/v1/survivors?cursor=garbage").ErrorField(), "cursor");
    const auto [survivor, kase] = world_->SurvivorWithCase("caseworker", "Young Marten", "Query Test Person");
    EXPECT_EQ(cw.Get("/api/v1/survivors/" + survivor + "?purpose=curiosity").ErrorField(), "purpose");
}

TEST_F(ErrorsTest, UnknownRecordsAre404) {
    auto& cw = world_->As("caseworker");
    EXPECT_EQ(cw.Get("/api/v1/survivors/sv_doesnotexist").status, 404);
    EXPECT_EQ(cw.Get("/api/v1/cases/cs_doesnotexist").status, 404);
    EXPECT_EQ(cw.Get("/api/v1/cases/cs_doesnotexist/team").status, 404);
}

TEST_F(ErrorsTest, MalformedHttpDoesNotBringTheServerDown) {
    HttpClient raw = server_->Client();
    const auto garbage = raw.SendRaw("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_TRUE(garbage.status == 400 || garbage.status == 0);
    const auto bad_target = raw.SendRaw("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(bad_target.status, 400);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/me").status, 200);
}

}  // namespace
}  // namespace onestory::testing
