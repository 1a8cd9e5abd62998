// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Reports over real HTTP on generated data: who may run them, that every
// shown count is true, that counts below the threshold read "<5", that no
// suppressed count can be worked out from the totals, and that no report
// carries an identifier.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "support/api_client.hpp"

namespace onestory::testing {
namespace json = boost::json;
namespace {

const std::vector<std::string> kStages{"identification", "intake",    "investigation",
                                       "prosecution",    "aftercare", "closed"};
const std::vector<std::string> kStatuses{"active", "follow_up", "closed", "closed_referred"};

// A published table read back: each entry a number or a mark, with the totals.
struct PublishedTable {
    std::vector<std::string> rows, columns;
    std::vector<std::vector<json::value>> cells;  // (rows + 1) x (columns + 1), totals last
};

PublishedTable Read(const json::object& table) {
    PublishedTable t;
    for (const auto& c : table.at("columns").as_array()) t.columns.emplace_back(c.as_string());
    for (const auto& r : table.at("rows").as_array()) {
        t.rows.emplace_back(r.at("label").as_string());
        std::vector<json::value> row(r.at("cells").as_array().begin(), r.at("cells").as_array().end());
        row.push_back(r.at("total"));
        t.cells.push_back(std::move(row));
    }
    std::vector<json::value> totals(table.at("column_totals").as_array().begin(),
                                    table.at("column_totals").as_array().end());
    totals.push_back(table.at("total"));
    t.cells.push_back(std::move(totals));
    return t;
}

// A reader's attack: every line of the table (with its total) is an
// equation; a "<5" is 0..4, an "x" at least 5. Narrow each suppressed
// entry by subtracting the others' ranges from the line's total, until
// nothing changes. Returns the narrowed ranges.
std::map<std::pair<std::size_t, std::size_t>, std::pair<std::int64_t, std::int64_t>> Narrow(const PublishedTable& t,
                                                                                            int threshold) {
    const std::size_t R = t.rows.size(), C = t.columns.size();
    std::map<std::pair<std::size_t, std::size_t>, std::pair<std::int64_t, std::int64_t>> range;
    for (std::size_t r = 0; r <= R; ++r) {
        for (std::size_t c = 0; c <= C; ++c) {
            const auto& v = t.cells[r][c];
            if (v.is_int64()) {
                range[{r, c}] = {v.as_int64(), v.as_int64()};
            } else if (v.as_string() == "x") {
                range[{r, c}] = {threshold, 1'000'000};
            } else {
                range[{r, c}] = {0, threshold - 1};
            }
        }
    }
    // Lines: members with sign (+1 cells, -1 the line's total).
    std::vector<std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>>> lines;
    for (std::size_t r = 0; r <= R; ++r) {
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>> line;
        for (std::size_t c = 0; c <= C; ++c) line.push_back({{r, c}, c == C ? -1 : 1});
        lines.push_back(line);
    }
    for (std::size_t c = 0; c <= C; ++c) {
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, int>> line;
        for (std::size_t r = 0; r <= R; ++r) line.push_back({{r, c}, r == R ? -1 : 1});
        lines.push_back(line);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& line : lines) {
            for (const auto& [at, sign] : line) {
                std::int64_t lo = 0, hi = 0;
                for (const auto& [other, s] : line) {
                    if (other == at) continue;
                    const auto [olo, ohi] = range[other];
                    lo += s > 0 ? s * olo : s * ohi;
                    hi += s > 0 ? s * ohi : s * olo;
                }
                // sign * x + rest = 0
                const std::int64_t new_lo = sign > 0 ? -hi : lo;
                const std::int64_t new_hi = sign > 0 ? -lo : hi;
                auto& [cur_lo, cur_hi] = range[at];
                if (new_lo > cur_lo) {
                    cur_lo = new_lo;
                    changed = true;
                }
                if (new_hi < cur_hi) {
                    cur_hi = new_hi;
                    changed = true;
                }
            }
        }
    }
    return range;
}

// A published count against the truth: the count itself, "<5" below five, "x" at least five.
void ExpectTruthful(const json::value& cell, std::int64_t truth, const std::string& where) {
    if (cell.is_int64()) {
        EXPECT_EQ(cell.as_int64(), truth) << where;
    } else if (cell.as_string() == "x") {
        EXPECT_GE(truth, 5) << where;
    } else {
        EXPECT_EQ(cell.as_string(), "<5") << where;
        EXPECT_LT(truth, 5) << where;
    }
}

class ReportsTest : public ::testing::Test {
  protected:
    void SetUp() override { Start(ServerProcess::Options{}); }
    void Start(ServerProcess::Options options) {
        server_ = std::make_unique<ServerProcess>(std::move(options));
        world_ = std::make_unique<World>(*server_);
    }
    // Cases at random stages and statuses; returns the true counts.
    std::map<std::pair<std::string, std::string>, int> Generate(int cases, unsigned seed) {
        std::mt19937 rng(seed);
        std::map<std::pair<std::string, std::string>, int> truth;
        auto& cw = world_->As("caseworker");
        for (int i = 0; i < cases; ++i) {
            auto [survivor, kase] =
                world_->SurvivorWithCase("caseworker", "Report Code " + std::to_string(i), "Test Report Person");
            // Most cases early on, a few far along: real tables are uneven.
            const std::string stage = kStages[std::min<std::size_t>(rng() % 9, 5)];
            // A closed stage goes with a closed status, and only then.
            const std::string status = stage == "closed" ? kStatuses[2 + rng() % 2] : kStatuses[rng() % 10 < 7 ? 0 : 1];
            const auto patched =
                cw.Patch("/api/v1/cases/" + kase, json::object{{"stage", stage}, {"status", status}}, 1);
            EXPECT_EQ(patched.status, 200) << patched.raw.body;
            ++truth[{stage, status}];
            codes_.push_back("Report Code " + std::to_string(i));
            ids_.push_back(survivor);
            ids_.push_back(kase);
        }
        return truth;
    }
    std::unique_ptr<ServerProcess> server_;
    std::unique_ptr<World> world_;
    std::vector<std::string> codes_, ids_;
};

TEST_F(ReportsTest, OnlyAnalystsSupervisorsAndAdministratorsRunReports) {
    const auto list = world_->As("analyst").Get("/api/v1/reports");
    ASSERT_EQ(list.status, 200) << list.raw.body;
    std::vector<std::string> names;
    for (const auto& r : list.obj().at("items").as_array()) names.emplace_back(r.at("name").as_string());
    for (const char* name :
         {"caseload", "exploitation", "tell_once", "referrals", "commitments", "outcomes", "hearings", "training"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
    }
    for (const char* who : {"analyst", "supervisor"}) {
        EXPECT_EQ(world_->As(who).Get("/api/v1/reports/caseload").status, 200) << who;
    }
    EXPECT_EQ(world_->Admin().Get("/api/v1/reports/caseload").status, 200);
    for (const char* who : {"caseworker", "counsellor", "trainer", "investigator", "clinician"}) {
        const auto refused = world_->As(who).Get("/api/v1/reports/caseload");
        EXPECT_EQ(refused.status, 403) << who;
        EXPECT_EQ(refused.ErrorCode(), "role_not_permitted") << who;
    }
    // Supervisors report on their own agency only; analysts on any.
    const std::string police = "/api/v1/reports/caseload?agency_id=" + world_->AgencyId("police");
    EXPECT_EQ(world_->As("supervisor").Get(police).ErrorCode(), "other_agency");
    EXPECT_EQ(world_->As("analyst").Get(police).status, 200);
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/reports/nothing").status, 404);
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/reports/caseload?from=2026-13-01").ErrorField(), "from");
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/reports/caseload?from=2026-11-02&to=2026-11-01").ErrorField(), "to");
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/reports/caseload?format=pdf").ErrorField(), "format");
    EXPECT_EQ(world_->As("analyst").Get("/api/v1/reports/caseload?agency_id=ag_none").ErrorField(), "agency_id");
}

TEST_F(ReportsTest, TheCaseloadIsTrueSuppressedAndUnrecoverable) {
    const auto truth = Generate(45, 2026);
    const auto report = world_->As("analyst").Get("/api/v1/reports/caseload");
    ASSERT_EQ(report.status, 200) << report.raw.body;
    EXPECT_EQ(report.obj().at("threshold").as_int64(), 5);
    const auto table = Read(report.obj().at("tables").as_array().at(0).as_object());
    ASSERT_EQ(table.rows, kStages);
    ASSERT_EQ(table.columns, kStatuses);
    // Every entry: a shown count is the truth, "<5" below 5, "x" at least 5.
    auto true_count = [&](std::size_t r, std::size_t c) {
        int n = 0;
        for (const auto& [key, count] : truth) {
            const bool row = r == kStages.size() || key.first == kStages[r];
            const bool column = c == kStatuses.size() || key.second == kStatuses[c];
            if (row && column) n += count;
        }
        return n;
    };
    int small = 0, withheld = 0;
    for (std::size_t r = 0; r <= kStages.size(); ++r) {
        for (std::size_t c = 0; c <= kStatuses.size(); ++c) {
            const auto& v = table.cells[r][c];
            const int n = true_count(r, c);
            if (v.is_int64()) {
                EXPECT_EQ(v.as_int64(), n) << r << "," << c;
                EXPECT_GE(n, 5) << r << "," << c;
            } else if (v.as_string() == "<5") {
                EXPECT_LT(n, 5) << r << "," << c;
                ++small;
            } else {
                EXPECT_EQ(v.as_string(), "x");
                EXPECT_GE(n, 5) << r << "," << c;
                ++withheld;
            }
        }
    }
    EXPECT_GT(small, 0);
    EXPECT_GT(withheld, 0);  // complementary suppression was needed and done
    EXPECT_EQ(table.cells.back().back(), json::value(45));
    // Subtracting from the totals never pins a small count down.
    const auto ranges = Narrow(table, 5);
    for (std::size_t r = 0; r <= kStages.size(); ++r) {
        for (std::size_t c = 0; c <= kStatuses.size(); ++c) {
            if (!table.cells[r][c].is_string() || table.cells[r][c].as_string() != "<5") continue;
            const auto [lo, hi] = ranges.at({r, c});
            EXPECT_LT(lo, hi) << "the count at " << kStages[std::min(r, kStages.size() - 1)] << "/" << c
                              << " was worked out: " << lo;
            EXPECT_LE(lo, true_count(r, c));
            EXPECT_GE(hi, true_count(r, c));
        }
    }
    // No identifier of anyone appears in a report, in JSON or CSV.
    const auto csv = world_->As("analyst").Get("/api/v1/reports/caseload?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.raw.Header("content-type").value_or(""), "text/csv; charset=utf-8");
    EXPECT_NE(csv.raw.body.find("<5"), std::string::npos);
    EXPECT_NE(csv.raw.body.find("stage,active,follow_up,closed,closed_referred,total"), std::string::npos);
    for (const auto& body : {report.raw.body, csv.raw.body}) {
        for (const auto& id : ids_) EXPECT_EQ(body.find(id), std::string::npos) << id;
        for (const auto& code : codes_) EXPECT_EQ(body.find(code), std::string::npos) << code;
        EXPECT_EQ(body.find("Test Report Person"), std::string::npos);
        EXPECT_EQ(body.find(world_->StaffId("caseworker")), std::string::npos);
    }
    // The period filters: nothing was opened before today.
    const auto before = world_->As("analyst").Get("/api/v1/reports/caseload?to=2026-11-25");
    ASSERT_EQ(before.status, 200);
    EXPECT_EQ(before.obj().at("tables").as_array().at(0).at("total"), json::value("<5"));
    EXPECT_EQ(before.obj().at("parameters").at("to"), json::value("2026-11-25"));
}

TEST_F(ReportsTest, TheThresholdIsASetting) {
    ServerProcess::Options options;
    options.settings_json = R"({"suppression_threshold": 3})";
    Start(std::move(options));
    Generate(6, 7);
    const auto report = world_->As("supervisor").Get("/api/v1/reports/caseload");
    ASSERT_EQ(report.status, 200) << report.raw.body;
    EXPECT_EQ(report.obj().at("threshold").as_int64(), 3);
    EXPECT_NE(report.raw.body.find("\"<3\""), std::string::npos);
    EXPECT_EQ(report.raw.body.find("\"<5\""), std::string::npos);
    EXPECT_EQ(report.obj().at("parameters").at("agency_id"), json::value(world_->AgencyId("ngo")));
}

TEST_F(ReportsTest, ExploitationTellOnceAndTrainingReports) {
    // Exploitation types and nationalities; one survivor of a rare nationality.
    auto& cw = world_->As("caseworker");
    for (int i = 0; i < 12; ++i) {
        const auto s = cw.Post("/api/v1/survivors", json::object{{"code_name", "Exploit " + std::to_string(i)},
                                                                 {"legal_name", "Test Exploit Person"},
                                                                 {"nationality", i == 11 ? "PH" : "KE"}});
        ASSERT_EQ(s.status, 201) << s.raw.body;
        const auto c =
            cw.Post("/api/v1/cases",
                    json::object{{"survivor_id", s.Str("id")},
                                 {"exploitation_types", i % 2 ? json::array{"forced_labour"}
                                                              : json::array{"forced_labour", "sexual_exploitation"}}});
        ASSERT_EQ(c.status, 201) << c.raw.body;
        // Each case has an interview; some twice; one re-asks a confirmed topic.
        for (int k = 0; k < (i < 6 ? 1 : 2); ++k) {
            const auto iv = cw.Post("/api/v1/cases/" + c.Str("id") + "/interviews",
                                    json::object{{"purpose", "aftercare"},
                                                 {"topics", json::array{k == 0 ? "recruitment" : "needs"}},
                                                 {"scheduled_at", "2026-11-27T10:00:00Z"},
                                                 {"interviewer_id", world_->StaffId("caseworker")},
                                                 {"accommodations", json::object{}}});
            ASSERT_EQ(iv.status, 201) << iv.raw.body;
            const auto p = cw.Post("/api/v1/cases/" + c.Str("id") + "/passages",
                                   json::object{{"interview_id", iv.Str("id")},
                                                {"topic", k == 0 ? "recruitment" : "needs"},
                                                {"text", "Invented words."},
                                                {"sensitivity", "standard"}});
            ASSERT_EQ(p.status, 201) << p.raw.body;
            if (i % 3 != 0) {
                EXPECT_EQ(cw.Post("/api/v1/passages/" + p.Str("id") + "/review", json::object{{"status", "confirmed"}})
                              .status,
                          200);
            }
        }
    }
    const auto exploitation = world_->As("analyst").Get("/api/v1/reports/exploitation");
    ASSERT_EQ(exploitation.status, 200) << exploitation.raw.body;
    const auto& table = exploitation.obj().at("tables").as_array().at(0).as_object();
    std::vector<std::string> columns;
    for (const auto& c : table.at("columns").as_array()) columns.emplace_back(c.as_string());
    // The rare nationality is folded into "other" and never named.
    EXPECT_EQ(columns, (std::vector<std::string>{"KE", "other"}));
    EXPECT_EQ(exploitation.raw.body.find("PH"), std::string::npos);
    const auto& labour = table.at("rows").as_array().at(1).as_object();
    EXPECT_EQ(labour.at("label"), json::value("forced_labour"));
    ExpectTruthful(labour.at("cells").as_array().at(0), 11, "forced labour, KE");  // every KE case is labour
    ExpectTruthful(labour.at("cells").as_array().at(1), 1, "forced labour, other");
    ExpectTruthful(table.at("rows").as_array().at(0).at("cells").at(0), 6, "sexual exploitation, KE");

    const auto tell_once = world_->As("analyst").Get("/api/v1/reports/tell_once");
    ASSERT_EQ(tell_once.status, 200) << tell_once.raw.body;
    const auto& per_survivor = tell_once.obj().at("tables").as_array().at(0).as_object();
    EXPECT_EQ(per_survivor.at("name"), json::value("survivors_by_interviews"));
    // 6 survivors with one interview, 6 with two, none with more: the zeros
    // are small, and one of the sixes is withheld so they cannot be worked out.
    const std::vector<std::int64_t> by_interviews{6, 6, 0, 0, 0};
    int withheld = 0;
    for (std::size_t i = 0; i < by_interviews.size(); ++i) {
        const auto& cell = per_survivor.at("rows").as_array().at(i).at("cells").at(0);
        ExpectTruthful(cell, by_interviews[i], "interviews bucket " + std::to_string(i));
        withheld += cell == json::value("x");
    }
    EXPECT_EQ(withheld, 1);
    EXPECT_EQ(per_survivor.at("total"), json::value(12));
    const auto& measures = tell_once.obj().at("measures").as_array();
    EXPECT_EQ(measures.at(0).at("name"), json::value("reask_share"));
    EXPECT_TRUE(measures.at(0).at("value").is_null());  // no re-ask: 0 of 18 is a small count
    EXPECT_EQ(measures.at(0).at("basis"), json::value(18));
    EXPECT_EQ(measures.at(1).at("name"), json::value("confirmed_share"));

    // Training: participants by profession and country, one table per year.
    auto& admin = world_->Admin();
    const auto course = admin.Post("/api/v1/trainings", json::object{{"agency_id", world_->AgencyId("ngo")},
                                                                     {"title", "Identifying survivors"},
                                                                     {"curriculum", "Two modules."},
                                                                     {"hours", 6}});
    ASSERT_EQ(course.status, 201) << course.raw.body;
    const auto session = admin.Post(
        "/api/v1/trainings/" + course.Str("id") + "/sessions",
        json::object{{"date", "2026-10-01"}, {"place", "Hall"}, {"country", "KE"}, {"trainer", "Test Trainer"}});
    ASSERT_EQ(session.status, 201);
    for (int i = 0; i < 9; ++i) {
        const auto p = admin.Post("/api/v1/sessions/" + session.Str("id") + "/participants",
                                  json::object{{"name", "Test Participant " + std::to_string(i)},
                                               {"profession", i < 7 ? "police" : "judge"},
                                               {"agency_name", "Test Police Unit"},
                                               {"country", "KE"}});
        ASSERT_EQ(p.status, 201) << p.raw.body;
    }
    const auto training = world_->As("analyst").Get("/api/v1/reports/training?from=2026-01-01");
    ASSERT_EQ(training.status, 200) << training.raw.body;
    const auto& tables = training.obj().at("tables").as_array();
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables.at(0).at("name"), json::value("participants_2026"));
    EXPECT_EQ(tables.at(0).at("rows").at(0).at("label"), json::value("police"));
    ExpectTruthful(tables.at(0).at("rows").at(0).at("cells").at(0), 7, "police, KE");
    EXPECT_EQ(tables.at(0).at("rows").at(2).at("cells").at(0), json::value("<5"));  // judges
    EXPECT_EQ(tables.at(0).at("total"), json::value(9));
    EXPECT_EQ(training.raw.body.find("Test Participant"), std::string::npos);
}

// A distribution table read back: its row labels, their entries, and the total.
struct PublishedDistribution {
    std::vector<std::string> rows;
    std::vector<json::value> cells;
    json::value total;
};

PublishedDistribution ReadDistribution(const json::value& table) {
    PublishedDistribution d;
    for (const auto& r : table.at("rows").as_array()) {
        d.rows.emplace_back(r.at("label").as_string());
        d.cells.push_back(r.at("cells").at(0));
    }
    d.total = table.at("total");
    return d;
}

const json::object& MeasureNamed(const ApiResult& report, const std::string& name) {
    for (const auto& m : report.obj().at("measures").as_array()) {
        if (m.at("name").as_string() == name) return m.as_object();
    }
    throw std::runtime_error("no measure " + name);
}

TEST_F(ReportsTest, ReferralsCommitmentsOutcomesAndHearingsAreTrueAndSuppressed) {
    auto& admin = world_->Admin();
    auto& cw = world_->As("caseworker");
    const auto clinic =
        admin.Post("/api/v1/providers", json::object{{"name", "Test Report Clinic"},
                                                     {"agency_id", world_->AgencyId("health")},
                                                     {"service_types", json::array{"medical", "mental_health"}}});
    ASSERT_EQ(clinic.status, 201) << clinic.raw.body;
    const auto instrument = cw.Get("/api/v1/assessments/instrument");
    const auto scores = [&](int score) {
        json::object out;
        for (const auto& d : instrument.obj().at("domains").as_array()) {
            json::object subs;
            for (const auto& sub : d.at("sub_domains").as_array()) subs[sub.at("key").as_string()] = score;
            out[d.at("key").as_string()] = subs;
        }
        return out;
    };
    for (int i = 0; i < 12; ++i) {
        const auto [survivor, kase] =
            world_->SurvivorWithCase("caseworker", "Care Report " + std::to_string(i), "Test Report Person");
        ids_.push_back(survivor);
        ids_.push_back(kase);
        // Referrals: eight medical (seven accepted by the clinic, one still sent), four mental health (sent).
        const auto referral = cw.Post("/api/v1/cases/" + kase + "/referrals",
                                      json::object{{"provider_id", clinic.Str("id")},
                                                   {"service_type", i < 8 ? "medical" : "mental_health"},
                                                   {"reason", "Invented-referral-reason."},
                                                   {"share_categories", json::array{}},
                                                   {"follow_up_by", "2026-12-10"}});
        ASSERT_EQ(referral.status, 201) << referral.raw.body;
        const std::string move = "/api/v1/referrals/" + referral.Str("id") + "/transition";
        ASSERT_EQ(cw.Post(move, json::object{{"to", "sent"}}).status, 200);
        if (i < 7) {
            ASSERT_EQ(world_->As("clinician").Post(move, json::object{{"to", "accepted"}}).status, 200);
        }
        // Commitments due today: seven kept, two missed, one changed, two still open (not yet overdue).
        const auto promise =
            cw.Post("/api/v1/cases/" + kase + "/commitments", json::object{{"what", "Invented-promise-words."},
                                                                           {"owner_id", world_->StaffId("caseworker")},
                                                                           {"due", "2026-11-26"}});
        ASSERT_EQ(promise.status, 201) << promise.raw.body;
        const char* outcome = i < 7 ? "kept" : i < 9 ? "missed" : i < 10 ? "changed" : nullptr;
        if (outcome != nullptr) {
            json::object patch{{"status", outcome}};
            if (std::string(outcome) != "kept") patch["survivor_told"] = "Told in person.";
            const auto patched = cw.Patch("/api/v1/commitments/" + promise.Str("id"), patch, promise.Version());
            ASSERT_EQ(patched.status, 200) << patched.raw.body;
        }
        // Hearings: a screen and a support person asked for each; the screen granted at eight.
        json::array granted;
        if (i < 8) granted.emplace_back("screen");
        const auto hearing = cw.Post("/api/v1/cases/" + kase + "/hearings",
                                     json::object{{"court", "Test Report Court"},
                                                  {"scheduled_at", "2026-12-10T09:00:00Z"},
                                                  {"kind", "trial"},
                                                  {"accommodations_requested", json::array{"screen", "support_person"}},
                                                  {"accommodations_granted", granted}});
        ASSERT_EQ(hearing.status, 201) << hearing.raw.body;
        // Outcomes: six assessed twice (2 at intake, then 3 or 4: restored), six once at 2 (not restored).
        const auto assess = [&](const std::string& on, int score) {
            const auto a = cw.Post("/api/v1/cases/" + kase + "/assessments",
                                   json::object{{"assessed_on", on}, {"scores", scores(score)}});
            ASSERT_EQ(a.status, 201) << a.raw.body;
        };
        assess("2026-11-20", 2);
        if (i < 6) assess("2026-11-26", i < 3 ? 3 : 4);
    }
    auto& analyst = world_->As("analyst");

    const auto referrals = analyst.Get("/api/v1/reports/referrals");
    ASSERT_EQ(referrals.status, 200) << referrals.raw.body;
    const auto table = Read(referrals.obj().at("tables").at(0).as_object());
    const auto row = [&](const std::string& label) {
        return static_cast<std::size_t>(std::find(table.rows.begin(), table.rows.end(), label) - table.rows.begin());
    };
    const auto column = [&](const std::string& label) {
        return static_cast<std::size_t>(std::find(table.columns.begin(), table.columns.end(), label) -
                                        table.columns.begin());
    };
    const std::map<std::pair<std::string, std::string>, int> truth{
        {{"medical", "accepted"}, 7}, {{"medical", "sent"}, 1}, {{"mental_health", "sent"}, 4}};
    int small = 0;
    for (std::size_t r = 0; r <= table.rows.size(); ++r) {
        for (std::size_t c = 0; c <= table.columns.size(); ++c) {
            int n = 0;
            for (const auto& [key, count] : truth) {
                if ((r == table.rows.size() || key.first == table.rows[r]) &&
                    (c == table.columns.size() || key.second == table.columns[c])) {
                    n += count;
                }
            }
            ExpectTruthful(table.cells[r][c], n, "referrals " + std::to_string(r) + "," + std::to_string(c));
            if (table.cells[r][c].is_string() && table.cells[r][c].as_string() == "<5") ++small;
        }
    }
    EXPECT_GT(small, 0);
    ExpectTruthful(table.cells[row("medical")][column("accepted")], 7, "medical accepted");
    EXPECT_EQ(table.cells[row("mental_health")][column("sent")], json::value("<5"));
    const auto ranges = Narrow(table, 5);
    for (const auto& [at, range] : ranges) {
        const auto& v = table.cells[at.first][at.second];
        if (v.is_string() && v.as_string() == "<5") {
            EXPECT_LT(range.first, range.second) << "recovered a small count";
        }
    }
    const auto& median = MeasureNamed(referrals, "median_days_to_acceptance");
    ASSERT_TRUE(median.at("value").is_number()) << json::serialize(median);
    EXPECT_GE(median.at("value").to_number<double>(), 0.0);
    EXPECT_LT(median.at("value").to_number<double>(), 1.0);  // accepted the same day

    const auto commitments = analyst.Get("/api/v1/reports/commitments");
    ASSERT_EQ(commitments.status, 200) << commitments.raw.body;
    const auto outcomes = ReadDistribution(commitments.obj().at("tables").at(0));
    EXPECT_EQ(outcomes.rows,
              (std::vector<std::string>{"kept_on_time", "kept_late", "changed", "missed", "open_overdue"}));
    ExpectTruthful(outcomes.cells.at(0), 7, "kept on time");
    for (std::size_t k = 1; k < outcomes.cells.size(); ++k) EXPECT_EQ(outcomes.cells.at(k), json::value("<5")) << k;
    // Ten were due and resolved (or overdue); the two still open and due today are not counted.
    ExpectTruthful(outcomes.total, 10, "commitments total");
    const auto& kept = MeasureNamed(commitments, "kept_on_time_share");
    if (outcomes.total.is_int64() && outcomes.cells.at(0).is_int64()) {
        EXPECT_DOUBLE_EQ(kept.at("value").to_number<double>(), 0.7);
    } else {
        EXPECT_TRUE(kept.at("value").is_null());
    }

    const auto outcome = analyst.Get("/api/v1/reports/outcomes");
    ASSERT_EQ(outcome.status, 200) << outcome.raw.body;
    const auto restored = ReadDistribution(outcome.obj().at("tables").at(0));
    EXPECT_EQ(restored.rows, (std::vector<std::string>{"restored", "not_restored"}));
    EXPECT_EQ(restored.cells.at(0), json::value(6));
    EXPECT_EQ(restored.cells.at(1), json::value(6));
    EXPECT_EQ(restored.total, json::value(12));
    EXPECT_DOUBLE_EQ(MeasureNamed(outcome, "restored_share").at("value").to_number<double>(), 0.5);
    EXPECT_DOUBLE_EQ(MeasureNamed(outcome, "intake_mean_safety").at("value").to_number<double>(), 2.0);
    EXPECT_DOUBLE_EQ(MeasureNamed(outcome, "latest_mean_safety").at("value").to_number<double>(), 3.5);
    EXPECT_EQ(MeasureNamed(outcome, "latest_mean_safety").at("basis"), json::value(6));
    // Over fewer than five cases a mean is withheld: the period of the intakes alone has no second assessments.
    const auto early = analyst.Get("/api/v1/reports/outcomes?to=2026-11-20");
    ASSERT_EQ(early.status, 200);
    EXPECT_TRUE(MeasureNamed(early, "latest_mean_safety").at("value").is_null());
    EXPECT_EQ(ReadDistribution(early.obj().at("tables").at(0)).cells.at(0), json::value("<5"));

    const auto hearings = analyst.Get("/api/v1/reports/hearings?to=2026-12-31");
    ASSERT_EQ(hearings.status, 200) << hearings.raw.body;
    const auto asked = Read(hearings.obj().at("tables").at(0).as_object());
    ASSERT_EQ(asked.rows, (std::vector<std::string>{"granted", "not_granted"}));
    const auto screen = static_cast<std::size_t>(std::find(asked.columns.begin(), asked.columns.end(), "screen") -
                                                 asked.columns.begin());
    const auto support = static_cast<std::size_t>(
        std::find(asked.columns.begin(), asked.columns.end(), "support_person") - asked.columns.begin());
    ASSERT_LT(support, asked.columns.size());
    ExpectTruthful(asked.cells[0][screen], 8, "screen granted");
    ExpectTruthful(asked.cells[1][screen], 4, "screen not granted");
    ExpectTruthful(asked.cells[0][support], 0, "support person granted");
    ExpectTruthful(asked.cells[1][support], 12, "support person not granted");
    ExpectTruthful(asked.cells[2][asked.columns.size()], 24, "requested");
    for (const auto& [at, range] : Narrow(asked, 5)) {
        const auto& v = asked.cells[at.first][at.second];
        if (v.is_string() && v.as_string() == "<5") {
            EXPECT_LT(range.first, range.second) << "recovered a small count";
        }
    }
    // Not one report carries an identifier or a sealed word.
    for (const auto* body : {&referrals.raw.body, &commitments.raw.body, &outcome.raw.body, &hearings.raw.body}) {
        for (const auto& id : ids_) EXPECT_EQ(body->find(id), std::string::npos) << id;
        EXPECT_EQ(body->find("Invented-"), std::string::npos);
        EXPECT_EQ(body->find("Care Report"), std::string::npos);
    }
    for (const char* who : {"caseworker", "clinician"}) {
        EXPECT_EQ(world_->As(who).Get("/api/v1/reports/referrals").status, 403) << who;
    }
}

}  // namespace
}  // namespace onestory::testing
