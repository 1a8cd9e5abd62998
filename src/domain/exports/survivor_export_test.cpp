// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/survivor_export.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/domain_fixture_for_test.hpp"

namespace onestory::domain {
namespace {

class SurvivorExportTest : public DomainTest {};

// Every table that holds a survivor's or a case's id is read by a section of
// the survivor's own copy, or excluded with a reason: a capability that adds
// such a table fails here until it extends the copy.
TEST_F(SurvivorExportTest, EveryTableAboutASurvivorIsInTheirCopy) {
    std::set<std::string> covered;
    for (const auto& section : SurvivorExportSections()) {
        EXPECT_FALSE(section.tables.empty()) << section.name;
        covered.insert(section.tables.begin(), section.tables.end());
    }
    for (const auto& [table, why] : SurvivorExportExclusions()) {
        EXPECT_FALSE(why.empty()) << table;
        covered.insert(table);
    }
    std::set<std::string> about_survivors, tables;
    ASSERT_TRUE(store_
                    ->Read([&](store::Transaction& tx) -> Status {
                        ONESTORY_ASSIGN_OR_RETURN(
                            auto rows,
                            tx.Query("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                                     "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"));
                        for (const auto& r : rows) {
                            tables.insert(r[0].AsText());
                            if (r[1].AsText() == "survivor_id" || r[1].AsText() == "case_id") {
                                about_survivors.insert(r[0].AsText());
                            }
                        }
                        return Status::Ok();
                    })
                    .ok());
    about_survivors.insert("survivors");
    EXPECT_GT(about_survivors.size(), 10u);
    for (const auto& table : about_survivors) {
        EXPECT_TRUE(covered.count(table)) << table << " holds survivors' records but is not in their own copy";
    }
    for (const auto& table : covered) {
        // A section may also read a table reached through another (disclosure_passages, review_decisions).
        EXPECT_TRUE(tables.count(table)) << table << " is not a table";
    }
}

TEST_F(SurvivorExportTest, TheCopyIsReadableAndAudited) {
    const auto cw = MakeStaff("cw1", false, {policy::Role::kCaseworker});
    const auto other = MakeStaff("cw2", false, {policy::Role::kCaseworker});
    const auto [survivor, kase] = SurvivorWithCase(cw, "Test Export Person");
    SurvivorExportService exports(*ctx_);
    auto copy = exports.Export(cw, survivor);
    ASSERT_TRUE(copy.ok()) << copy.status().ToString();
    ASSERT_EQ(copy->sections.size(), SurvivorExportSections().size());
    const auto& who = copy->sections.at(0);
    ASSERT_EQ(who.name, "survivor");
    bool found_name = false;
    for (const auto& [name, value] : who.records.at(0).fields) {
        if (name == "legal_name") found_name = std::get<std::string>(value) == "Test Export Person";
    }
    EXPECT_TRUE(found_name);
    EXPECT_EQ(copy->sections.at(2).records.size(), 1u);  // the case
    // The copy's own access log already names the export.
    const auto& log = copy->sections.back();
    ASSERT_EQ(log.name, "access_log");
    ASSERT_FALSE(log.records.empty());
    bool export_logged = false;
    for (const auto& [name, value] : log.records.back().fields) {
        if (name == "action") export_logged = std::get<std::string>(value) == "survivor.export";
    }
    EXPECT_TRUE(export_logged);
    // Someone off the team is refused, and that is audited too.
    EXPECT_EQ(exports.Export(other, survivor).status().code(), StatusCode::kPermissionDenied);
    int exported = 0, refused = 0;
    for (const auto& e : AllEvents()) {
        if (e.event.action != "survivor.export") continue;
        (e.event.outcome == "success" ? exported : refused) += 1;
        for (const auto& f : e.event.fields) EXPECT_EQ(f.find("Export Person"), std::string::npos);
    }
    EXPECT_EQ(exported, 1);
    EXPECT_EQ(refused, 1);
}

}  // namespace
}  // namespace onestory::domain
