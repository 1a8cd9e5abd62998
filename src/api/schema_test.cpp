// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/schema.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace onestory::api {
namespace {

namespace json = boost::json;

Schema SurvivorLike() {
    return Schema::Object({
        Required("code_name", Schema::String().MinLength(1).MaxLength(10)),
        Optional("birth_date", Schema::Date().Nullable()),
        Optional("gender", Schema::Enum({"female", "male"})),
        Optional("languages", Schema::Array(Schema::String().MaxLength(3)).MaxItems(3).UniqueItems()),
        Optional("count", Schema::Integer().Minimum(1).Maximum(4)),
        Optional("at", Schema::DateTime()),
        Optional("prefs", Schema::Object({Optional("breaks", Schema::Boolean())})),
    });
}

struct Case {
    const char* body;
    const char* field;  // "" when valid
};

TEST(SchemaTest, ValidatesAndNamesTheOffendingField) {
    const Case cases[] = {
        {R"({"code_name":"Heron"})", ""},
        {R"({"code_name":"Heron","birth_date":null,"gender":"male","languages":["sw","en"],"count":2,
             "at":"2026-01-02T03:04:05Z","prefs":{"breaks":true}})",
         ""},
        {R"({})", "code_name"},
        {R"({"code_name":""})", "code_name"},
        {R"({"code_name":"this is far too long"})", "code_name"},
        {R"({"code_name":7})", "code_name"},
        {R"({"code_name":null})", "code_name"},
        {R"({"code_name":"Heron","extra":1})", "extra"},
        {R"({"code_name":"Heron","birth_date":"2023-02-30"})", "birth_date"},
        {R"({"code_name":"Heron","birth_date":"02/03/2023"})", "birth_date"},
        {R"({"code_name":"Heron","gender":"robot"})", "gender"},
        {R"({"code_name":"Heron","languages":["sw","toolong"]})", "languages[1]"},
        {R"({"code_name":"Heron","languages":["sw","sw"]})", "languages[1]"},
        {R"({"code_name":"Heron","languages":["a","b","c","d"]})", "languages"},
        {R"({"code_name":"Heron","languages":"sw"})", "languages"},
        {R"({"code_name":"Heron","count":0})", "count"},
        {R"({"code_name":"Heron","count":1.5})", "count"},
        {R"({"code_name":"Heron","count":"2"})", "count"},
        {R"({"code_name":"Heron","at":"2026-01-02"})", "at"},
        {R"({"code_name":"Heron","prefs":{"breaks":"yes"}})", "prefs.breaks"},
        {R"({"code_name":"Heron","prefs":{"other":1}})", "prefs.other"},
        {R"([])", "body"},
    };
    const Schema schema = SurvivorLike();
    for (const auto& c : cases) {
        const Status s = schema.Validate(json::parse(c.body));
        if (std::string(c.field).empty()) {
            EXPECT_TRUE(s.ok()) << c.body << ": " << s.ToString();
        } else {
            EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.body;
            EXPECT_EQ(s.field(), c.field) << c.body << ": " << s.ToString();
        }
    }
}

TEST(SchemaTest, RefusesInvalidUtf8InStrings) {
    json::parse_options options;
    options.allow_invalid_utf8 = true;
    const json::value body = json::parse("{\"code_name\":\"He\xff\"}", {}, options);
    const Status s = SurvivorLike().Validate(body);
    EXPECT_EQ(s.field(), "code_name");
    EXPECT_NE(s.message().find("UTF-8"), std::string::npos);
}

TEST(SchemaTest, LengthsCountCharactersNotBytes) {
    const Schema s = Schema::String().MaxLength(4);
    EXPECT_TRUE(s.Validate(json::value("ñañá")).ok());
    EXPECT_FALSE(s.Validate(json::value("ñañáa")).ok());
}

TEST(SchemaTest, StringsAreBoundedEvenWithoutALimit) {
    EXPECT_FALSE(Schema::String().Validate(json::value(std::string(5000, 'x'))).ok());
}

TEST(SchemaTest, PublishesJsonSchema) {
    const auto doc = SurvivorLike().ToJson().as_object();
    EXPECT_EQ(doc.at("type").as_string(), "object");
    EXPECT_EQ(doc.at("additionalProperties").as_bool(), false);
    EXPECT_EQ(doc.at("required").as_array().size(), 1u);
    const auto& birth = doc.at("properties").at("birth_date").as_object();
    EXPECT_EQ(birth.at("format").as_string(), "date");
    EXPECT_EQ(birth.at("type").as_array().size(), 2u);  // ["string", "null"]
    EXPECT_EQ(doc.at("properties").at("gender").at("enum").as_array().size(), 2u);
}

}  // namespace
}  // namespace onestory::api
