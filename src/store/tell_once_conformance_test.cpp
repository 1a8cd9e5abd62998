// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The Store conformance suite, continued: the rows of "tell it once"
// (consents, venues, preferences, interviews, passages, disclosures,
// break-glass grants and alerts), on every backend.
#include <gtest/gtest.h>

#include "store/account_rows.hpp"
#include "store/alert_rows.hpp"
#include "store/break_glass_rows.hpp"
#include "store/case_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/disclosure_rows.hpp"
#include "store/interview_rows.hpp"
#include "store/passage_rows.hpp"
#include "store/preference_rows.hpp"
#include "store/store_backends_for_test.hpp"
#include "store/survivor_rows.hpp"
#include "store/venue_rows.hpp"

namespace onestory::store {
namespace {

class TellOnceConformanceTest : public ::testing::TestWithParam<BackendForTest> {
  protected:
    void SetUp() override {
        auto opened = GetParam().open();
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        store_ = std::move(opened).value();
        // Two agencies, a caseworker of the first, one survivor with one case.
        ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_a", "Agency A", "ngo", "KE", 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertAgency(tx, {"ag_b", "Agency B", "police", "KE", 2, 2, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, {"st_1", "ag_a", "user_1", "Staff One",
                                                                  "$argon2id$fake", "caseworker", true, 1, 1, 1}));
                        ONESTORY_RETURN_IF_ERROR(InsertStaff(tx, {"st_2", "ag_b", "user_2", "Staff Two",
                                                                  "$argon2id$fake", "investigator", true, 1, 1, 1}));
                        SurvivorRow s;
                        s.id = "sv_1";
                        s.agency_id = "ag_a";
                        s.registered_by = "st_1";
                        s.code_name = "Heron";
                        s.data_key = "wrapped";
                        s.legal_name = std::string("\x01sealed\x00", 8);
                        s.created_at = s.updated_at = 3;
                        ONESTORY_RETURN_IF_ERROR(InsertSurvivor(tx, s));
                        return InsertCase(tx, {"cs_1", "sv_1", "ag_a", "st_1", "intake", "active", "", 4, 4, 1});
                    }).ok());
    }

    Status W(const TransactionFn& fn) { return store_->Write(fn); }
    Status R(const TransactionFn& fn) { return store_->Read(fn); }

    ConsentRow MakeConsent(const std::string& id, std::int64_t created_at) {
        ConsentRow c;
        c.id = id;
        c.survivor_id = "sv_1";
        c.agency_id = "ag_a";
        c.recipient_agency_id = "ag_b";
        c.purpose = "investigation";
        c.topics = "recruitment,exploitation";
        c.categories = "identity";
        c.valid_from = created_at;
        c.valid_until = created_at + 1000;
        c.given_as = "verbal";
        c.witnessed_by = std::string("\x02sealed-witness\x00", 16);
        c.consent_text_version = "2026-01";
        c.language = "sw";
        c.recorded_by = "st_1";
        c.created_at = created_at;
        return c;
    }

    // An interview of cs_1 for passages to come from.
    void Interview() {
        InterviewRow i;
        i.id = "iv_1";
        i.case_id = "cs_1";
        i.survivor_id = "sv_1";
        i.agency_id = "ag_a";
        i.purpose = "aftercare";
        i.topics = "recruitment";
        i.interviewer_id = "st_1";
        i.acc_children = "none";
        i.created_by = "st_1";
        ASSERT_TRUE(W([&](Transaction& tx) { return InsertInterview(tx, i); }).ok());
    }

    PassageRow MakePassage(const std::string& id, const std::string& topic, std::int64_t created_at) {
        PassageRow p;
        p.id = id;
        p.chain_id = id;
        p.case_id = "cs_1";
        p.survivor_id = "sv_1";
        p.agency_id = "ag_a";
        p.interview_id = "iv_1";
        p.topic = topic;
        p.sensitivity = "standard";
        p.text = std::string("\x07sealed-text\x00", 13);
        p.review_status = "unreviewed";
        p.created_by = "st_1";
        p.created_at = created_at;
        return p;
    }

    std::unique_ptr<Store> store_;
};

TEST_P(TellOnceConformanceTest, ConsentsRoundTripListAndRevokeOnce) {
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertConsent(tx, MakeConsent("cn_1", 10)));
                    ONESTORY_RETURN_IF_ERROR(InsertConsent(tx, MakeConsent("cn_2", 20)));
                    ConsentRow other = MakeConsent("cn_3", 30);
                    other.recipient_agency_id = "ag_a";
                    other.witnessed_by.reset();
                    other.child_assent = false;
                    return InsertConsent(tx, other);
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto c, GetConsent(tx, "cn_1"));
                    EXPECT_EQ(c->witnessed_by, std::string("\x02sealed-witness\x00", 16));
                    EXPECT_FALSE(c->child_assent.has_value());
                    EXPECT_FALSE(c->revoked_at.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto c3, GetConsent(tx, "cn_3"));
                    EXPECT_EQ(c3->child_assent, std::optional<bool>(false));
                    EXPECT_FALSE(c3->witnessed_by.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto page, ListConsentsOfSurvivor(tx, "sv_1", {2, std::nullopt}));
                    EXPECT_EQ(page.items.size(), 2u);
                    EXPECT_EQ(page.items[0].id, "cn_3");
                    EXPECT_TRUE(page.next.has_value());
                    ONESTORY_ASSIGN_OR_RETURN(auto to_b, ListConsentsForRecipient(tx, "sv_1", "ag_b"));
                    EXPECT_EQ(to_b.size(), 2u);
                    return Status::Ok();
                }).ok());
    ConsentRow revoked = MakeConsent("cn_1", 10);
    revoked.revoked_at = 50;
    revoked.revoked_by = "st_1";
    revoked.revoke_reason = std::string("\x03sealed-reason");
    revoked.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto first, RevokeConsent(tx, revoked));
                    EXPECT_EQ(first, 1);
                    revoked.version = 3;
                    ONESTORY_ASSIGN_OR_RETURN(auto second, RevokeConsent(tx, revoked));  // already revoked
                    EXPECT_EQ(second, 0);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto c, GetConsent(tx, "cn_1"));
                    EXPECT_EQ(c->revoked_at, std::optional<std::int64_t>(50));
                    EXPECT_EQ(c->revoke_reason, std::optional<std::string>("\x03sealed-reason"));
                    EXPECT_EQ(c->version, 2);
                    return Status::Ok();
                }).ok());
}

TEST_P(TellOnceConformanceTest, VenuesAndPreferences) {
    ASSERT_TRUE(
        W([&](Transaction& tx) -> Status {
            ONESTORY_RETURN_IF_ERROR(InsertVenue(tx, {"vn_1", "ag_a", "Family room", "child_friendly", "st_1", 5, 1}));
            return InsertVenue(tx, {"vn_2", "ag_b", "Quiet room", "one_way_room,recording_equipment", "st_2", 6, 1});
        }).ok());
    const Status unknown_agency = W([&](Transaction& tx) {
        return InsertVenue(tx, {"vn_3", "ag_x", "Nowhere", "", "st_1", 7, 1});
    });
    EXPECT_EQ(unknown_agency.reason(), "unknown_reference");
    PreferencesRow prefs{"sv_1", "female", "sw", "cared_for", std::string("\x04sealed"), std::nullopt, std::nullopt, 8};
    ASSERT_TRUE(W([&](Transaction& tx) { return PutPreferences(tx, prefs); }).ok());
    prefs.children = "none";
    prefs.support_person.reset();
    prefs.updated_at = 9;
    ASSERT_TRUE(W([&](Transaction& tx) { return PutPreferences(tx, prefs); }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto all, ListVenues(tx, std::nullopt, {}));
                    EXPECT_EQ(all.items.size(), 2u);
                    EXPECT_EQ(all.items[0].id, "vn_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto of_a, ListVenues(tx, std::string("ag_a"), {}));
                    EXPECT_EQ(of_a.items.size(), 1u);
                    ONESTORY_ASSIGN_OR_RETURN(auto v, GetVenue(tx, "vn_2"));
                    EXPECT_EQ(v->features, "one_way_room,recording_equipment");
                    ONESTORY_ASSIGN_OR_RETURN(auto p, GetPreferences(tx, "sv_1"));
                    EXPECT_EQ(p->children, std::optional<std::string>("none"));
                    EXPECT_FALSE(p->support_person.has_value());
                    EXPECT_EQ(p->updated_at, 9);
                    ONESTORY_ASSIGN_OR_RETURN(auto none, GetPreferences(tx, "sv_2"));
                    EXPECT_FALSE(none.has_value());
                    return Status::Ok();
                }).ok());
}

TEST_P(TellOnceConformanceTest, InterviewsRoundTripUpdateOptimisticallyAndCount) {
    InterviewRow i;
    i.id = "iv_1";
    i.case_id = "cs_1";
    i.survivor_id = "sv_1";
    i.agency_id = "ag_a";
    i.purpose = "aftercare";
    i.topics = "background,needs";
    i.reask_topics = "needs";
    i.reask_reason = std::string("\x05sealed-reason\x00", 15);
    i.scheduled_at = 100;
    i.interviewer_id = "st_1";
    i.acc_support_person = true;
    i.acc_children = "cared_for";
    i.acc_interpreter_language = "sw";
    i.created_by = "st_1";
    i.created_at = i.updated_at = 10;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertInterview(tx, i));
                    InterviewRow j = i;
                    j.id = "iv_2";
                    j.created_at = 20;
                    j.reask_reason.reset();
                    return InsertInterview(tx, j);
                }).ok());
    InterviewRow held = i;
    held.topics_shared_at = 50;
    held.survivor_acknowledged = true;
    held.started_at = 100;
    held.ended_at = 200;
    held.debrief_notes = std::string("\x06sealed-notes");
    held.recording_sha256 = std::string(64, 'c');
    held.recording_set_by = "st_1";
    held.recording_set_at = 210;
    held.version = 2;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto first, UpdateInterview(tx, held));
                    EXPECT_EQ(first, 1);
                    ONESTORY_ASSIGN_OR_RETURN(auto stale, UpdateInterview(tx, held));
                    EXPECT_EQ(stale, 0);
                    return Status::Ok();
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto got, GetInterview(tx, "iv_1"));
                    EXPECT_EQ(got->reask_reason, std::optional<std::string>(std::string("\x05sealed-reason\x00", 15)));
                    EXPECT_TRUE(got->acc_support_person);
                    EXPECT_FALSE(got->acc_breaks);
                    EXPECT_EQ(got->acc_interpreter_language, std::optional<std::string>("sw"));
                    EXPECT_FALSE(got->acc_interviewer_gender.has_value());
                    EXPECT_EQ(got->ended_at, std::optional<std::int64_t>(200));
                    EXPECT_EQ(got->recording_sha256, std::optional<std::string>(std::string(64, 'c')));
                    EXPECT_EQ(got->version, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto page, ListInterviewsOfCase(tx, "cs_1", {}));
                    EXPECT_EQ(page.items.size(), 2u);
                    EXPECT_EQ(page.items[0].id, "iv_2");
                    ONESTORY_ASSIGN_OR_RETURN(auto of_survivor, CountInterviewsOfSurvivor(tx, "sv_1"));
                    EXPECT_EQ(of_survivor, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto of_case, CountInterviewsOfCase(tx, "cs_1"));
                    EXPECT_EQ(of_case, 2);
                    ONESTORY_ASSIGN_OR_RETURN(auto none, CountInterviewsOfCase(tx, "cs_none"));
                    EXPECT_EQ(none, 0);
                    return Status::Ok();
                }).ok());
}

TEST_P(TellOnceConformanceTest, PassagesReviewSupersedeOnceAndReportCoverage) {
    Interview();
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertPassage(tx, MakePassage("ps_1", "recruitment", 10)));
                    ONESTORY_RETURN_IF_ERROR(InsertPassage(tx, MakePassage("ps_2", "transport", 20)));
                    return InsertPassage(tx, MakePassage("ps_3", "exploitation", 30));
                }).ok());
    ASSERT_TRUE(
        W([&](Transaction& tx) -> Status {
            // Confirm ps_1 once; a second review from "unreviewed" finds it changed.
            ONESTORY_ASSIGN_OR_RETURN(auto confirmed, ReviewPassage(tx, "ps_1", "unreviewed", "confirmed", "st_1", 40));
            EXPECT_EQ(confirmed, 1);
            ONESTORY_ASSIGN_OR_RETURN(auto twice, ReviewPassage(tx, "ps_1", "unreviewed", "read_back", "st_1", 41));
            EXPECT_EQ(twice, 0);
            // Correct ps_2: the new version goes in, the old one is superseded once.
            PassageRow v2 = MakePassage("ps_2b", "transport", 50);
            v2.chain_id = "ps_2";
            v2.version = 2;
            v2.review_status = "corrected";
            v2.supersedes = "ps_2";
            ONESTORY_RETURN_IF_ERROR(InsertPassage(tx, v2));
            ONESTORY_ASSIGN_OR_RETURN(auto superseded, SupersedePassage(tx, "ps_2", "unreviewed", "ps_2b"));
            EXPECT_EQ(superseded, 1);
            ONESTORY_ASSIGN_OR_RETURN(auto again, SupersedePassage(tx, "ps_2", "unreviewed", "ps_2c"));
            EXPECT_EQ(again, 0);
            ONESTORY_RETURN_IF_ERROR(
                InsertPassageComment(tx, {"pc_2", "ps_2", "ps_2b", "sv_1", "\x08sealed-b", "st_1", 60}));
            return InsertPassageComment(tx, {"pc_1", "ps_2", "ps_2", "sv_1", "\x08sealed-a", "st_1", 60});
        }).ok());
    // A second version 2 of one chain is refused: two corrections cannot fork a passage.
    PassageRow fork = MakePassage("ps_2c", "transport", 70);
    fork.chain_id = "ps_2";
    fork.version = 2;
    EXPECT_EQ(W([&](Transaction& tx) { return InsertPassage(tx, fork); }).reason(), "duplicate");
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto current, ListCurrentPassagesOfCase(tx, "cs_1", {}));
                    if (current.items.size() != 3u) return Status::Internal("expected 3 current passages");
                    EXPECT_EQ(current.items[0].id, "ps_2b");
                    ONESTORY_ASSIGN_OR_RETURN(auto head, GetCurrentPassage(tx, "ps_2"));
                    EXPECT_EQ(head->id, "ps_2b");
                    ONESTORY_ASSIGN_OR_RETURN(auto old, GetPassage(tx, "ps_2"));
                    EXPECT_EQ(old->superseded_by, std::optional<std::string>("ps_2b"));
                    EXPECT_EQ(old->text, std::string("\x07sealed-text\x00", 13));
                    ONESTORY_ASSIGN_OR_RETURN(auto covered, ListCoveredPassages(tx, "sv_1"));
                    // ps_1 confirmed, ps_2b corrected; ps_3 unreviewed.
                    if (covered.size() != 2u) return Status::Internal("expected 2 covered passages");
                    EXPECT_EQ(covered[0].topic, "recruitment");
                    EXPECT_EQ(covered[1].id, "ps_2b");
                    ONESTORY_ASSIGN_OR_RETURN(auto comments, ListPassageComments(tx, "ps_2"));
                    if (comments.size() != 2u) return Status::Internal("expected 2 comments");
                    EXPECT_EQ(comments[0].id, "pc_1");  // same instant: the older version's comment first
                    return Status::Ok();
                }).ok());
}

TEST_P(TellOnceConformanceTest, DisclosuresListByCaseAndByRecipientPurpose) {
    Interview();
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertConsent(tx, MakeConsent("cn_1", 10)));
                    ONESTORY_RETURN_IF_ERROR(InsertPassage(tx, MakePassage("ps_1", "recruitment", 11)));
                    ONESTORY_RETURN_IF_ERROR(InsertPassage(tx, MakePassage("ps_2", "exploitation", 12)));
                    ONESTORY_RETURN_IF_ERROR(InsertDisclosure(
                        tx, {"dc_1", "cs_1", "sv_1", "ag_a", "ag_b", "investigation", "cn_1", "identity", "st_1", 20}));
                    ONESTORY_RETURN_IF_ERROR(InsertDisclosure(
                        tx, {"dc_2", "cs_1", "sv_1", "ag_a", "ag_b", "prosecution", "cn_1", "", "st_1", 30}));
                    ONESTORY_RETURN_IF_ERROR(InsertDisclosurePassage(tx, {"dc_1", "ps_2", "ps_2", "exploitation"}));
                    return InsertDisclosurePassage(tx, {"dc_1", "ps_1", "ps_1", "recruitment"});
                }).ok());
    // One passage appears once per disclosure.
    EXPECT_EQ(W([&](Transaction& tx) {
                  return InsertDisclosurePassage(tx, {"dc_1", "ps_1", "ps_1", "recruitment"});
              }).reason(),
              "duplicate");
    // A disclosure names a consent that exists.
    EXPECT_EQ(W([&](Transaction& tx) {
                  return InsertDisclosure(
                      tx, {"dc_3", "cs_1", "sv_1", "ag_a", "ag_b", "investigation", "cn_none", "", "st_1", 40});
              }).reason(),
              "unknown_reference");
    ASSERT_TRUE(
        R([&](Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto d, GetDisclosure(tx, "dc_1"));
            EXPECT_EQ(d->consent_id, "cn_1");
            EXPECT_EQ(d->categories, "identity");
            ONESTORY_ASSIGN_OR_RETURN(auto items, ListDisclosurePassages(tx, "dc_1"));
            if (items.size() != 2u) return Status::Internal("expected 2 disclosed passages");
            EXPECT_EQ(items[0].topic, "exploitation");
            ONESTORY_ASSIGN_OR_RETURN(auto of_case, ListDisclosuresOfCase(tx, "cs_1", {}));
            EXPECT_EQ(of_case.items.size(), 2u);
            EXPECT_EQ(of_case.items[0].id, "dc_2");
            ONESTORY_ASSIGN_OR_RETURN(auto investigation, ListReceivedDisclosures(tx, {"ag_b", {"investigation"}}, {}));
            EXPECT_EQ(investigation.items.size(), 1u);
            ONESTORY_ASSIGN_OR_RETURN(auto both,
                                      ListReceivedDisclosures(tx, {"ag_b", {"investigation", "prosecution"}}, {}));
            EXPECT_EQ(both.items.size(), 2u);
            ONESTORY_ASSIGN_OR_RETURN(auto none, ListReceivedDisclosures(tx, {"ag_b", {}}, {}));
            EXPECT_EQ(none.items.size(), 0u);
            ONESTORY_ASSIGN_OR_RETURN(auto other, ListReceivedDisclosures(tx, {"ag_a", {"investigation"}}, {}));
            EXPECT_EQ(other.items.size(), 0u);
            return Status::Ok();
        }).ok());
}

TEST_P(TellOnceConformanceTest, BreakGlassGrantsExpire) {
    ASSERT_TRUE(W([&](Transaction& tx) {
                    return InsertBreakGlass(tx, {"bg_1", "cs_1", "sv_1", "ag_a", "st_2", "\x09sealed", 100, 200});
                }).ok());
    ASSERT_TRUE(R([&](Transaction& tx) -> Status {
                    ONESTORY_ASSIGN_OR_RETURN(auto before, HasBreakGlassForCase(tx, "cs_1", "st_2", 99));
                    EXPECT_FALSE(before);
                    ONESTORY_ASSIGN_OR_RETURN(auto during, HasBreakGlassForCase(tx, "cs_1", "st_2", 150));
                    EXPECT_TRUE(during);
                    ONESTORY_ASSIGN_OR_RETURN(auto after, HasBreakGlassForCase(tx, "cs_1", "st_2", 200));
                    EXPECT_FALSE(after);
                    ONESTORY_ASSIGN_OR_RETURN(auto someone_else, HasBreakGlassForCase(tx, "cs_1", "st_1", 150));
                    EXPECT_FALSE(someone_else);
                    ONESTORY_ASSIGN_OR_RETURN(auto survivor, HasBreakGlassForSurvivor(tx, "sv_1", "st_2", 150));
                    EXPECT_TRUE(survivor);
                    ONESTORY_ASSIGN_OR_RETURN(auto grant, GetBreakGlass(tx, "bg_1"));
                    EXPECT_EQ(grant->reason, "\x09sealed");
                    return Status::Ok();
                }).ok());
}

TEST_P(TellOnceConformanceTest, AlertsReachTheirAudienceOnceEach) {
    AlertRow to_supervisors;
    to_supervisors.id = "al_1";
    to_supervisors.kind = "break_glass";
    to_supervisors.agency_id = "ag_a";
    to_supervisors.audience_role = "supervisor";
    to_supervisors.case_id = "cs_1";
    to_supervisors.dedupe_key = "break_glass:bg_1";
    to_supervisors.created_at = 10;
    AlertRow to_one = to_supervisors;
    to_one.id = "al_2";
    to_one.kind = "commitment_overdue";
    to_one.audience_role.reset();
    to_one.audience_staff_id = "st_1";
    to_one.dedupe_key = "commitment_overdue:cm_1";
    to_one.created_at = 20;
    ASSERT_TRUE(W([&](Transaction& tx) -> Status {
                    ONESTORY_RETURN_IF_ERROR(InsertAlert(tx, to_supervisors));
                    return InsertAlert(tx, to_one);
                }).ok());
    AlertRow again = to_supervisors;
    again.id = "al_3";
    EXPECT_EQ(W([&](Transaction& tx) { return InsertAlert(tx, again); }).reason(), "duplicate");
    ASSERT_TRUE(
        R([&](Transaction& tx) -> Status {
            ONESTORY_ASSIGN_OR_RETURN(auto supervisor, ListOpenAlerts(tx, {"ag_a", "st_9", {"supervisor"}}, {}));
            EXPECT_EQ(supervisor.items.size(), 1u);
            ONESTORY_ASSIGN_OR_RETURN(auto other_agency, ListOpenAlerts(tx, {"ag_b", "st_8", {"supervisor"}}, {}));
            EXPECT_EQ(other_agency.items.size(), 0u);
            ONESTORY_ASSIGN_OR_RETURN(auto owner, ListOpenAlerts(tx, {"ag_a", "st_1", {"caseworker"}}, {}));
            EXPECT_EQ(owner.items.size(), 1u);
            EXPECT_EQ(owner.items[0].id, "al_2");
            ONESTORY_ASSIGN_OR_RETURN(auto both,
                                      ListOpenAlerts(tx, {"ag_a", "st_1", {"caseworker", "supervisor"}}, {}));
            EXPECT_EQ(both.items.size(), 2u);
            // A role name that merely contains another does not match it.
            ONESTORY_ASSIGN_OR_RETURN(auto partial, ListOpenAlerts(tx, {"ag_a", "st_9", {"supervisors"}}, {}));
            EXPECT_EQ(partial.items.size(), 0u);
            ONESTORY_ASSIGN_OR_RETURN(auto got, GetAlert(tx, "al_1"));
            EXPECT_EQ(got->status, "open");
            return Status::Ok();
        }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, TellOnceConformanceTest, ::testing::ValuesIn(BackendsForTest()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace onestory::store
