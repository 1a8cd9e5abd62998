// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Exports: the survivor's own copy over HTTP, and `onestory export` in the
// HTCDS vocabulary (identities, authorised by an administrator, audited)
// and as the k-anonymous CTDC dataset (only survivors with a live
// statistics consent; every combination of quasi-identifiers at least k
// times).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

constexpr const char* kClock = "2026-11-26T09:00:00Z";

std::string ReadAll(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

class ExportsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>();
        world_ = std::make_unique<World>(*server_);
    }
    // A survivor of the NGO with a case, a trafficking event and, when asked, a statistics consent.
    std::pair<std::string, std::string> Survivor(const std::string& code, const std::string& legal_name,
                                                 const std::string& nationality, const std::string& gender,
                                                 bool statistics) {
        auto& cw = world_->As("caseworker");
        const auto s = cw.Post("/api/v1/survivors", json::object{{"code_name", code},
                                                                 {"legal_name", legal_name},
                                                                 {"birth_date", "1999-03-14"},
                                                                 {"gender", gender},
                                                                 {"nationality", nationality},
                                                                 {"contact", "+254 700 000 111"},
                                                                 {"address", "12 Invented Lane"}});
        EXPECT_EQ(s.status, 201) << s.raw.body;
        const auto c = cw.Post("/api/v1/cases", json::object{{"survivor_id", s.Str("id")},
                                                             {"exploitation_types", json::array{"forced_labour"}}});
        EXPECT_EQ(c.status, 201) << c.raw.body;
        const auto e = cw.Post("/api/v1/cases/" + c.Str("id") + "/trafficking-events",
                               json::object{{"kind", "exploitation"},
                                            {"country", "AE"},
                                            {"place", "An invented-town-name"},
                                            {"began_on", "2025-02-01"},
                                            {"exploitation_types", json::array{"forced_labour"}},
                                            {"means_of_control", json::array{"debt_bondage", "withholds_documents"}},
                                            {"description", "Invented-description-words."}});
        EXPECT_EQ(e.status, 201) << e.raw.body;
        if (statistics) Consent(s.Str("id"), "statistics");
        return {s.Str("id"), c.Str("id")};
    }
    std::string Consent(const std::string& survivor, const std::string& purpose) {
        const auto r = world_->As("caseworker")
                           .Post("/api/v1/survivors/" + survivor + "/consents",
                                 json::object{{"recipient_agency_id", world_->AgencyId("prosecution")},
                                              {"purpose", purpose},
                                              {"scope", json::object{{"categories", json::array{"identity"}}}},
                                              {"valid_until", "2027-06-01T00:00:00Z"},
                                              {"given_as", "written"},
                                              {"consent_text_version", "2026-01"},
                                              {"language", "en"}});
        EXPECT_EQ(r.status, 201) << r.raw.body;
        return r.Str("id");
    }
    // A promise and a safety plan on the case, with words that must only appear opened.
    void CareRecords(const std::string& kase) {
        auto& cw = world_->As("caseworker");
        const auto promise =
            cw.Post("/api/v1/cases/" + kase + "/commitments", json::object{{"what", "Invented-promise-words."},
                                                                           {"owner_id", world_->StaffId("caseworker")},
                                                                           {"due", "2026-12-04"}});
        EXPECT_EQ(promise.status, 201) << promise.raw.body;
        const auto plan = cw.Put(
            "/api/v1/cases/" + kase + "/safety-plan",
            json::object{{"risk_level", "high"},
                         {"items", json::array{json::object{{"kind", "safe_place"}, {"text", "Invented-safe-place."}}}},
                         {"review_by", "2026-12-15"}},
            std::nullopt);
        EXPECT_EQ(plan.status, 201) << plan.raw.body;
    }
    CommandResult Export(const std::vector<std::string>& extra, const std::string& username = "admin",
                         const std::string& password = "admin-password-123") {
        std::vector<std::string> args{
            "export", "--data", server_->data_dir().string(), "--admin-username", username, "--test-clock", kClock};
        args.insert(args.end(), extra.begin(), extra.end());
        return RunOnestory(args, {"ONESTORY_ADMIN_PASSWORD=" + password});
    }
    std::filesystem::path Out(const std::string& name) { return dir_.path() / name; }

    TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
};

TEST_F(ExportsTest, TheSurvivorsOwnCopyHoldsEverythingReadably) {
    const auto [survivor, kase] = Survivor("Copy Heron", "Test Copy Person", "KE", "female", true);
    auto& cw = world_->As("caseworker");
    const auto iv =
        cw.Post("/api/v1/cases/" + kase + "/interviews", json::object{{"purpose", "aftercare"},
                                                                      {"topics", json::array{"recruitment"}},
                                                                      {"scheduled_at", "2026-11-27T10:00:00Z"},
                                                                      {"interviewer_id", world_->StaffId("caseworker")},
                                                                      {"accommodations", json::object{}}});
    ASSERT_EQ(iv.status, 201);
    ASSERT_EQ(cw.Post("/api/v1/cases/" + kase + "/passages", json::object{{"interview_id", iv.Str("id")},
                                                                          {"topic", "recruitment"},
                                                                          {"text", "Invented-statement-words."},
                                                                          {"sensitivity", "standard"}})
                  .status,
              201);
    CareRecords(kase);
    const auto copy = cw.Get("/api/v1/survivors/" + survivor + "/export");
    ASSERT_EQ(copy.status, 200) << copy.raw.body;
    EXPECT_NE(copy.raw.Header("content-disposition").value_or("").find("attachment"), std::string::npos);
    const auto& sections = copy.obj().at("sections").as_object();
    for (const char* name :
         {"survivor",    "preferences",        "cases",        "case_team",        "consents",     "interviews",
          "statement",   "statement_comments", "disclosures",  "emergency_access", "alerts",       "trafficking_events",
          "referrals",   "commitments",        "safety_plans", "hearings",         "case_reviews", "incidents",
          "assessments", "access_log"}) {
        EXPECT_TRUE(sections.contains(name)) << name;
    }
    EXPECT_EQ(sections.at("survivor").at("records").at(0).at("legal_name"), json::value("Test Copy Person"));
    EXPECT_EQ(sections.at("survivor").at("records").at(0).at("address"), json::value("12 Invented Lane"));
    EXPECT_EQ(sections.at("statement").at("records").at(0).at("text"), json::value("Invented-statement-words."));
    EXPECT_EQ(sections.at("trafficking_events").at("records").at(0).at("place"), json::value("An invented-town-name"));
    EXPECT_EQ(sections.at("consents").at("records").at(0).at("purpose"), json::value("statistics"));
    EXPECT_FALSE(sections.at("access_log").at("records").as_array().empty());
    EXPECT_EQ(sections.at("commitments").at("records").at(0).at("what"), json::value("Invented-promise-words."));
    EXPECT_EQ(sections.at("safety_plans").at("records").at(0).at("risk_level"), json::value("high"));
    EXPECT_EQ(sections.at("safety_plans").at("records").at(0).at("items").at(0),
              json::value("safe_place: Invented-safe-place."));
    // The case team only: not another caseworker, not the supervisor, not another agency.
    for (const char* who : {"caseworker2", "supervisor", "investigator", "analyst"}) {
        EXPECT_EQ(world_->As(who).Get("/api/v1/survivors/" + survivor + "/export").status, 403) << who;
    }
    EXPECT_EQ(world_->Admin().Get("/api/v1/survivors/" + survivor + "/export").status, 403);
    // The survivor's access log says it in plain words.
    const auto log = cw.Get("/api/v1/survivors/" + survivor + "/access-log");
    ASSERT_EQ(log.status, 200);
    bool found = false;
    for (const auto& e : log.obj().at("items").as_array()) {
        if (e.at("action") == json::value("survivor.export")) {
            found = true;
            EXPECT_NE(std::string(e.at("summary").as_string()).find("copy of everything"), std::string::npos)
                << e.at("summary");
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(ExportsTest, HtcdsExportWithIdentitiesIsAuthorisedAndAudited) {
    const auto [first, first_case] = Survivor("Htcds One", "Test Htcds Person", "KE", "female", true);
    Survivor("Htcds Two", "Test Htcds Other", "UG", "male", false);
    CareRecords(first_case);
    const auto out = Out("cases.jsonl");
    const auto r = Export({"--format", "htcds", "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("wrote 2 HTCDS records"), std::string::npos) << r.out;
    struct stat st {};
    ASSERT_EQ(::stat(out.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_FALSE(std::filesystem::exists(out.string() + ".partial"));
    const auto lines = Lines(ReadAll(out));
    ASSERT_EQ(lines.size(), 2u);
    bool saw_first = false;
    for (const auto& line : lines) {
        const auto record = json::parse(line).as_object();
        EXPECT_EQ(record.at("format"), json::value("onestory-htcds-1"));
        for (const char* part : {"case", "person", "victim", "trafficking_events", "support_plan", "consents"}) {
            EXPECT_TRUE(record.contains(part)) << part;
        }
        if (record.at("case").at("cas_Id") != json::value(first_case)) continue;
        saw_first = true;
        const auto& person = record.at("person");
        EXPECT_EQ(person.at("prs_FirstName"), json::value("Test"));
        EXPECT_EQ(person.at("prs_SecondName"), json::value("Htcds Person"));
        EXPECT_EQ(person.at("prs_Birthdate"), json::value("1999-03-14"));
        EXPECT_EQ(person.at("prs_Gender"), json::value("Female"));
        EXPECT_EQ(person.at("prs_MobilePhone"), json::value("+254 700 000 111"));
        EXPECT_EQ(record.at("case").at("cas_Status"), json::value("Active"));
        EXPECT_EQ(record.at("case").at("org_Type"), json::value("NGO"));
        const auto& event = record.at("trafficking_events").at(0);
        EXPECT_EQ(event.at("hte_Type"), json::value("Exploitation"));
        EXPECT_EQ(event.at("hte_Country"), json::value("AE"));
        EXPECT_EQ(event.at("hte_City"), json::value("An invented-town-name"));
        EXPECT_EQ(record.at("victim").at("vic_MethodsOfControl"),
                  json::parse(R"(["DebtBondage", "WithholdsDocuments"])"));
        EXPECT_EQ(record.at("consents").at(0).at("x_purpose"), json::value("statistics"));
        EXPECT_EQ(record.at("consents").at(0).at("x_state"), json::value("active"));
        // The support plan: the promise and the safety plan, opened for this authorised run.
        const auto& plan = record.at("support_plan");
        EXPECT_EQ(plan.at("commitments").at(0).at("what"), json::value("Invented-promise-words."));
        EXPECT_EQ(plan.at("commitments").at(0).at("status"), json::value("open"));
        EXPECT_EQ(plan.at("safety_plan").at(0).at("risk_level"), json::value("high"));
        EXPECT_EQ(plan.at("safety_plan").at(0).at("items").at(0), json::value("safe_place: Invented-safe-place."));
    }
    EXPECT_TRUE(saw_first);
    // Without identities nothing is opened: the support plan keeps its states, not its words.
    const auto plain = Out("plain.jsonl");
    ASSERT_EQ(Export({"--format", "htcds", "--no-identities", "--out", plain.string()}).exit_code, 0);
    const std::string plain_text = ReadAll(plain);
    EXPECT_NE(plain_text.find("\"risk_level\":\"high\""), std::string::npos) << plain_text;
    EXPECT_EQ(plain_text.find("Invented-promise-words"), std::string::npos);
    EXPECT_EQ(plain_text.find("Invented-safe-place"), std::string::npos);
    // Never over an existing file.
    const auto again = Export({"--format", "htcds", "--out", out.string()});
    EXPECT_NE(again.exit_code, 0);
    EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
    // Each survivor's access log shows the export; the chain is whole.
    const auto log = world_->As("caseworker").Get("/api/v1/survivors/" + first + "/access-log");
    EXPECT_NE(log.raw.body.find("survivor.export_htcds"), std::string::npos);
    EXPECT_NE(log.raw.body.find("HTCDS"), std::string::npos);
    const auto verify = RunOnestory({"audit", "verify", "--data", server_->data_dir().string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(ExportsTest, OnlyAnAdministratorAuthorisesIdentities) {
    Survivor("Refuse One", "Test Refuse Person", "KE", "female", true);
    const auto wrong = Export({"--format", "htcds", "--out", Out("a.jsonl").string()}, "admin", "not-the-password");
    EXPECT_NE(wrong.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(Out("a.jsonl")));
    const auto analyst = Export({"--format", "htcds", "--out", Out("b.jsonl").string()}, "analyst", World::kPassword);
    EXPECT_NE(analyst.exit_code, 0);
    EXPECT_NE(analyst.err.find("administrator"), std::string::npos) << analyst.err;
    EXPECT_FALSE(std::filesystem::exists(Out("b.jsonl")));
    const auto caseworker =
        Export({"--format", "ctdc", "--out", Out("c.csv").string()}, "caseworker", World::kPassword);
    EXPECT_NE(caseworker.exit_code, 0);
    // An analyst may take the records without identities: nothing is decrypted.
    const auto plain =
        Export({"--format", "htcds", "--no-identities", "--out", Out("d.jsonl").string()}, "analyst", World::kPassword);
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    const std::string text = ReadAll(Out("d.jsonl"));
    EXPECT_EQ(text.find("Test Refuse Person"), std::string::npos);
    EXPECT_EQ(text.find("prs_FirstName"), std::string::npos);
    EXPECT_EQ(text.find("invented-town-name"), std::string::npos);
    EXPECT_EQ(text.find("Invented-description-words"), std::string::npos);
    EXPECT_NE(text.find("\"prs_Nationality\":\"KE\""), std::string::npos);
}

// Counts every combination of the quasi-identifiers in a CTDC file.
std::map<std::string, int> Combinations(const std::filesystem::path& path, std::vector<std::string>& header) {
    const auto lines = Lines(ReadAll(path));
    std::map<std::string, int> out;
    if (lines.empty()) return out;
    std::stringstream h(lines[0]);
    header.clear();
    for (std::string field; std::getline(h, field, ',');) header.push_back(field);
    for (std::size_t i = 1; i < lines.size(); ++i) ++out[lines[i]];
    return out;
}

TEST_F(ExportsTest, TheCtdcDatasetIsKAnonymousAndCountsOnlyConsentingSurvivors) {
    // Twelve consenting survivors alike, two alike but without a statistics
    // consent (one has a consent for another purpose), and four consenting
    // survivors who stand out.
    std::vector<std::string> consenting;
    for (int i = 0; i < 12; ++i) {
        consenting.push_back(Survivor("Ctdc " + std::to_string(i), "Test Ctdc Person", "KE", "female", true).first);
    }
    const auto [other_purpose, unused] = Survivor("Ctdc Health", "Test Ctdc Person", "KE", "female", false);
    Consent(other_purpose, "health");
    Survivor("Ctdc None", "Test Ctdc Person", "KE", "female", false);
    for (const char* nationality : {"PH", "NP", "MM", "UG"}) {
        Survivor(std::string("Ctdc ") + nationality, "Test Ctdc Person", nationality, "male", true);
    }
    const auto out = Out("ctdc.csv");
    const auto r = Export({"--format", "ctdc", "--k", "5", "--out", out.string()}, "analyst", World::kPassword);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("16 of 18 survivors have a live statistics consent"), std::string::npos) << r.out;
    std::vector<std::string> header;
    const auto combinations = Combinations(out, header);
    EXPECT_EQ(header, (std::vector<std::string>{"yearOfRegistration", "gender", "ageBroad", "citizenship",
                                                "typeOfExploitConcatenated", "meansOfControlConcatenated",
                                                "CountryOfExploitation"}));
    int rows = 0;
    for (const auto& [combination, count] : combinations) {
        EXPECT_GE(count, 5) << combination;
        rows += count;
    }
    // Only consenting survivors: the two alike without a statistics consent are not among them.
    EXPECT_GE(rows, 12);
    EXPECT_LE(rows, 16);
    const std::string text = ReadAll(out);
    for (const char* rare : {",PH,", ",NP,", ",MM,"}) EXPECT_EQ(text.find(rare), std::string::npos) << rare;
    EXPECT_EQ(text.find("Test Ctdc Person"), std::string::npos);
    // Withdrawing a statistics consent takes the survivor out of the next export.
    const auto consents = world_->As("caseworker").Get("/api/v1/survivors/" + consenting[0] + "/consents");
    const std::string consent_id(consents.obj().at("items").at(0).at("id").as_string());
    ASSERT_EQ(world_->As("caseworker").Post("/api/v1/consents/" + consent_id + "/revoke").status, 200);
    const auto after =
        Export({"--format", "ctdc", "--k", "5", "--out", Out("ctdc2.csv").string()}, "analyst", World::kPassword);
    ASSERT_EQ(after.exit_code, 0) << after.err;
    EXPECT_NE(after.out.find("15 of 18 survivors"), std::string::npos) << after.out;
    int rows_after = 0;
    for (const auto& [combination, count] : Combinations(Out("ctdc2.csv"), header)) {
        EXPECT_GE(count, 5) << combination;
        rows_after += count;
    }
    EXPECT_EQ(rows_after, rows - 1);
    EXPECT_EQ(Export({"--format", "ctdc", "--k", "1", "--out", Out("ctdc3.csv").string()}, "analyst", World::kPassword)
                  .exit_code,
              1);
}

// generate-cases, the fixture of the throughput measurement: N survivors
// with a case each, sealed as the services seal them, an intact audit chain,
// and data the exports read.
TEST(GenerateCasesTest, FillsAnInstallationWithSealedCasesTheExportsRead) {
    TempDir dir;
    const auto data = dir.path() / "data";
    const std::vector<std::string> env{"ONESTORY_ADMIN_PASSWORD=generate-test-password"};
    ASSERT_EQ(RunOnestory({"init", "--data", data.string(), "--admin-username", "admin"}, env).exit_code, 0);
    const auto r =
        RunOnestory({"generate-cases", "--data", data.string(), "--cases", "1500", "--seed", "7", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("generated 1500 survivors"), std::string::npos) << r.out;
    {
        sqlite3* handle = nullptr;
        ASSERT_EQ(sqlite3_open((data / "onestory.db").c_str(), &handle), SQLITE_OK);
        auto count = [&](const char* sql) {
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr);
            const int n = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
            sqlite3_finalize(stmt);
            return n;
        };
        EXPECT_EQ(count("SELECT COUNT(*) FROM survivors"), 1500);
        EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), 1500);
        EXPECT_EQ(count("SELECT COUNT(DISTINCT survivor_id) FROM cases"), 1500);
        EXPECT_EQ(count("SELECT COUNT(*) FROM trafficking_events"), 3000);
        EXPECT_EQ(count("SELECT COUNT(*) FROM referrals"), 1500);
        EXPECT_EQ(count("SELECT COUNT(*) FROM commitments"), 1500);
        EXPECT_GT(count("SELECT COUNT(*) FROM safety_plans"), 500);
        // Registered over the past five years, not within one hour.
        EXPECT_GT(count("SELECT (MAX(created_at) - MIN(created_at)) / 86400000000 FROM survivors"), 3 * 365);
        const int consents = count("SELECT COUNT(*) FROM consents WHERE purpose = 'statistics'");
        EXPECT_GT(consents, 1000);
        EXPECT_LT(consents, 1500);
        sqlite3_close(handle);
    }
    const auto verify = RunOnestory({"audit", "verify", "--data", data.string()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    // The protected values are sealed: neither the fixed description nor any
    // generated telephone number or road is in the database files.
    std::string files;
    for (const auto& entry : std::filesystem::directory_iterator(data)) {
        if (entry.path().filename().string().rfind("onestory.db", 0) == 0) files += ReadAll(entry.path());
    }
    ASSERT_NE(files.find("Generated 1500"), std::string::npos);  // the check can see plain text
    for (const char* secret : {"Kept working for no pay", "+254 7", " Road", " district", "Needs a safe bed",
                               "Call back about", " community hall"}) {
        EXPECT_EQ(files.find(secret), std::string::npos) << secret;
    }
    // Both exports read the generated installation: every case in HTCDS, a k-anonymous CTDC dataset.
    const auto htcds = dir.path() / "cases.jsonl";
    const auto h = RunOnestory({"export", "--data", data.string(), "--format", "htcds", "--out", htcds.string(),
                                "--admin-username", "admin", "--quiet"},
                               env);
    ASSERT_EQ(h.exit_code, 0) << h.err;
    const auto records = Lines(ReadAll(htcds));
    ASSERT_EQ(records.size(), 1500u);
    const auto first = json::parse(records.front()).as_object();
    EXPECT_EQ(first.at("support_plan").at("commitments").at(0).at("what"),
              json::value("Call back about the hearing date."));
    EXPECT_EQ(first.at("support_plan").at("referrals").at(0).at("reason"),
              json::value("Needs a safe bed near the clinic."));
    const auto ctdc = dir.path() / "ctdc.csv";
    const auto c = RunOnestory({"export", "--data", data.string(), "--format", "ctdc", "--k", "11", "--out",
                                ctdc.string(), "--admin-username", "admin", "--quiet"},
                               env);
    ASSERT_EQ(c.exit_code, 0) << c.err;
    std::map<std::string, int> combinations;
    const auto rows = Lines(ReadAll(ctdc));
    ASSERT_GT(rows.size(), 1u);
    for (std::size_t i = 1; i < rows.size(); ++i) ++combinations[rows[i]];
    for (const auto& [combination, n] : combinations) EXPECT_GE(n, 11) << combination;
}

}  // namespace
}  // namespace onestory::testing
