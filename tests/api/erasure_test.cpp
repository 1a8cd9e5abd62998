// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Erasure: two supervisors, crypto-shredding, a tombstone, and a ledger that
// keeps an erased survivor erased when an older backup is restored.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The sealed columns and wrapped key of a survivor, read straight from the
// database file (the server keeps running).
std::vector<std::string> SealedBytesOf(const fs::path& db, const std::string& survivor_id) {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(handle, "SELECT data_key, legal_name, birth_date, contact, address FROM survivors WHERE id = ?",
                       -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, survivor_id.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::string> out;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < 5; ++i) {
            const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
            out.emplace_back(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return out;
}

// Rows of `table` naming the survivor, read straight from the database file.
std::int64_t RowsOf(const fs::path& db, const std::string& table, const std::string& survivor_id) {
    sqlite3* handle = nullptr;
    EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT COUNT(*) FROM " + table + " WHERE survivor_id = ?";
    EXPECT_EQ(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << table;
    sqlite3_bind_text(stmt, 1, survivor_id.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return n;
}

class ErasureTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
        const auto r = world_->Admin().Post("/api/v1/staff", json::object{{"username", "supervisor2"},
                                                                          {"password", World::kPassword},
                                                                          {"display_name", "Second Supervisor"},
                                                                          {"agency_id", world_->AgencyId("ngo")},
                                                                          {"roles", json::array{"supervisor"}}});
        ASSERT_EQ(r.status, 201) << r.raw.body;
    }

    std::string Register(const std::vector<std::string>& identity) {
        auto& cw = world_->As("caseworker");
        const auto s = cw.Post("/api/v1/survivors", json::object{{"code_name", "Quiet Sparrow"},
                                                                 {"legal_name", identity[0]},
                                                                 {"birth_date", identity[1]},
                                                                 {"contact", identity[2]},
                                                                 {"address", identity[3]}});
        EXPECT_EQ(s.status, 201) << s.raw.body;
        const auto c = cw.Post("/api/v1/cases", json::object{{"survivor_id", s.Str("id")}, {"stage", "intake"}});
        EXPECT_EQ(c.status, 201) << c.raw.body;
        case_id_ = c.Str("id");
        return s.Str("id");
    }

    // Care records of the case: a referral, a promise, a safety plan, a hearing, an incident.
    void AddCareRecords() {
        auto& cw = world_->As("caseworker");
        const auto provider = world_->Admin().Post(
            "/api/v1/providers", json::object{{"name", "Erasure Shelter"}, {"service_types", json::array{"shelter"}}});
        ASSERT_EQ(provider.status, 201) << provider.raw.body;
        const std::string base = "/api/v1/cases/" + case_id_;
        for (const auto& [path, body] : std::vector<std::pair<std::string, json::object>>{
                 {"/referrals",
                  {{"provider_id", provider.Str("id")},
                   {"service_type", "shelter"},
                   {"reason", "A bed for tonight."},
                   {"follow_up_by", "2026-11-30"}}},
                 {"/commitments",
                  {{"what", "Visit on Friday."}, {"owner_id", world_->StaffId("caseworker")}, {"due", "2026-12-04"}}},
                 {"/reviews",
                  {{"held_at", "2026-11-25T10:00:00Z"}, {"attendees", json::array{world_->StaffId("caseworker")}}}},
                 {"/hearings",
                  {{"court", "Erasure Court"}, {"scheduled_at", "2027-01-11T09:00:00Z"}, {"kind", "bail"}}},
                 {"/incidents",
                  {{"occurred_on", "2026-10-01"},
                   {"penetration", false},
                   {"unwanted_sexual_contact", false},
                   {"physical_assault", true},
                   {"forced_marriage", false},
                   {"denial_of_resources", false},
                   {"psychological_abuse", false}}},
             }) {
            const auto r = cw.Post(base + path, body);
            EXPECT_EQ(r.status, 201) << path << " " << r.raw.body;
        }
        const auto plan =
            cw.Put(base + "/safety-plan",
                   json::object{{"risk_level", "medium"},
                                {"items", json::array{json::object{{"kind", "safe_place"}, {"text", "The library."}}}},
                                {"review_by", "2027-01-01"}},
                   std::nullopt);
        EXPECT_EQ(plan.status, 201) << plan.raw.body;
    }

    // Requested by one supervisor, approved by the other.
    ApiResult Erase(const std::string& survivor) {
        const auto requested =
            world_->As("supervisor")
                .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
        EXPECT_EQ(requested.status, 202) << requested.raw.body;
        return world_->As("supervisor2").Post("/api/v1/erasures/" + requested.Str("id") + "/approve");
    }

    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::string case_id_;
    TempDir scratch_;
};

TEST_F(ErasureTest, TwoSupervisorsEraseAndNoSealedValueOfTheSurvivorRemains) {
    const std::vector<std::string> identity{"Imani Erasurecanary", "1993-02-14", "+254-700-ERASE-01",
                                            "Plot 9, Canary Crescent"};
    const std::string survivor = Register(identity);
    // On SQLite the test reads the sealed bytes themselves and looks for them
    // in the files afterwards; on PostgreSQL it looks at a pg_dump.
    const bool sqlite = server_->store_dsn().empty();
    const auto db = server_->data_dir() / "onestory.db";
    const auto sealed = sqlite ? SealedBytesOf(db, survivor) : std::vector<std::string>{};
    if (sqlite) {
        ASSERT_EQ(sealed.size(), 5u);
        ASSERT_EQ(sealed[0].size(), 73u);  // a wrapped 32-byte key
    }
    ASSERT_NE(server_->DumpStore().find("Quiet Sparrow"), std::string::npos) << "the check cannot see the record";
    AddCareRecords();
    const std::vector<std::string> care_tables{
        "referrals", "referral_transitions", "commitments", "case_reviews", "safety_plans", "hearings", "incidents"};
    if (sqlite) {
        for (const auto& table : care_tables) EXPECT_GT(RowsOf(db, table, survivor), 0) << table;
    }

    // Who may ask, and who may approve.
    const auto by_caseworker =
        world_->As("caseworker")
            .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
    EXPECT_EQ(by_caseworker.status, 403);
    const auto by_police =
        world_->As("police-supervisor")
            .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
    EXPECT_EQ(by_police.status, 403);
    EXPECT_EQ(by_police.ErrorCode(), "other_agency");
    const auto requested =
        world_->As("supervisor")
            .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
    ASSERT_EQ(requested.status, 202) << requested.raw.body;
    EXPECT_EQ(requested.Str("status"), "awaiting_approval");
    const std::string erasure = requested.Str("id");
    EXPECT_FALSE(erasure.empty());
    const auto own = world_->As("supervisor").Post("/api/v1/erasures/" + erasure + "/approve");
    EXPECT_EQ(own.status, 403);
    EXPECT_EQ(own.ErrorCode(), "same_supervisor");
    EXPECT_EQ(world_->As("police-supervisor").Post("/api/v1/erasures/" + erasure + "/approve").ErrorCode(),
              "other_agency");
    // Still readable while it awaits approval; the second supervisor sees it waiting.
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/survivors/" + survivor).status, 200);
    const auto waiting = world_->As("supervisor2").Get("/api/v1/erasures?status=awaiting_approval");
    ASSERT_EQ(waiting.status, 200);
    ASSERT_EQ(waiting.obj().at("items").as_array().size(), 1u);

    const auto approved = world_->As("supervisor2").Post("/api/v1/erasures/" + erasure + "/approve");
    ASSERT_EQ(approved.status, 200) << approved.raw.body;
    EXPECT_EQ(approved.Str("status"), "completed");

    // Reads answer 410; the case went with the survivor.
    const auto gone = world_->As("caseworker").Get("/api/v1/survivors/" + survivor);
    EXPECT_EQ(gone.status, 410);
    EXPECT_EQ(gone.ErrorCode(), "erased");
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/survivors/" + survivor).status, 410);
    EXPECT_EQ(world_->As("caseworker").Get("/api/v1/cases/" + case_id_).status, 404);
    EXPECT_EQ(world_->As("supervisor").Get("/api/v1/survivors").obj().at("items").as_array().size(), 0u);

    // Nothing of theirs is left in the database or its log: not the wrapped
    // data key, not one sealed value, not a byte of plaintext.
    const std::string files = server_->DumpStore();
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        EXPECT_EQ(files.find(sealed[i]), std::string::npos) << "sealed column " << i << " is still on disk";
    }
    for (const auto& value : identity) EXPECT_EQ(files.find(value), std::string::npos) << value;
    EXPECT_EQ(files.find("Quiet Sparrow"), std::string::npos) << "the erased record is still in the store";
    // The case's care records went with it.
    if (sqlite) {
        for (const auto& table : care_tables) EXPECT_EQ(RowsOf(db, table, survivor), 0) << table;
    }

    // The audit keeps the erasure: who asked, who approved, why, no values.
    const auto audit = world_->Admin().Get("/api/v1/audit?limit=500&survivor_id=" + survivor);
    ASSERT_EQ(audit.status, 200);
    std::vector<std::string> actions;
    for (const auto& e : audit.obj().at("items").as_array()) actions.emplace_back(e.at("action").as_string());
    for (const char* action : {"erasure.request", "erasure.approve", "survivor.erase"}) {
        EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
    }
    for (const auto& value : identity) EXPECT_EQ(audit.raw.body.find(value), std::string::npos) << value;
    EXPECT_NE(audit.raw.body.find("reason=survivor_request"), std::string::npos);
    // The ledger beside the key file records it.
    EXPECT_NE(ReadAll(server_->data_dir() / "erasure.ledger").find(survivor), std::string::npos);

    // It stays erased across a restart, and the chain verifies.
    ASSERT_EQ(server_->Stop(), 0);
    const auto verify = RunOnestory({"audit", "verify", "--data", server_->data_dir().string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    server_->Restart();
    ApiClient again(*server_);
    ASSERT_EQ(again.Login("supervisor", World::kPassword).status, 200);
    EXPECT_EQ(again.Get("/api/v1/survivors/" + survivor).status, 410);
}

TEST_F(ErasureTest, TheReasonIsACodeNeverFreeText) {
    const std::string survivor = Register({"Free Texter", "1990-01-01", "+254-3", "Road 3"});
    auto& supervisor = world_->As("supervisor");
    const auto free_text = supervisor.Post("/api/v1/survivors/" + survivor + "/erase",
                                           json::object{{"reason", "she asked us on the phone"}});
    EXPECT_EQ(free_text.status, 400);
    EXPECT_EQ(free_text.ErrorField(), "reason");
    EXPECT_EQ(supervisor.Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "retention_expired"}})
                  .status,
              400);
    EXPECT_EQ(supervisor.Post("/api/v1/survivors/sv_nosuchsurvivor/erase", json::object{{"reason", "survivor_request"}})
                  .status,
              404);
    EXPECT_EQ(supervisor.Post("/api/v1/erasures/er_nosucherasure/approve").status, 404);
    // A second request while one awaits approval is a conflict.
    ASSERT_EQ(supervisor.Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}})
                  .status,
              202);
    const auto twice =
        world_->As("supervisor2")
            .Post("/api/v1/survivors/" + survivor + "/erase", json::object{{"reason", "survivor_request"}});
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(twice.ErrorCode(), "erasure_pending");
}

}  // namespace
}  // namespace onestory::testing
