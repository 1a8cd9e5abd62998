// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/access_log/access_log_text.hpp"

#include <gtest/gtest.h>

namespace onestory::domain {
namespace {

audit::AuditEvent Event(std::string action, std::string outcome, std::vector<std::string> fields, std::string purpose,
                        std::string detail) {
    audit::AuditEvent e;
    e.actor_kind = "staff";
    e.actor_id = "st_1";
    e.action = std::move(action);
    e.outcome = std::move(outcome);
    e.fields = std::move(fields);
    e.purpose = std::move(purpose);
    e.detail = std::move(detail);
    return e;
}

TEST(AccessLogTextTest, EventsReadInPlainWords) {
    const AccessLogActor kofi{"staff", "st_1", "Kofi Marelu", "ag_p", "Metro Police", {"investigator"}};
    const AccessLogActor sana{"staff", "st_2", "Sana Koleri", "ag_n", "Harbour Light", {"supervisor", "caseworker"}};
    const std::map<std::string, std::string> agencies{{"ag_p", "Metro Police"}};
    struct Row {
        audit::AuditEvent event;
        const AccessLogActor& who;
        const char* expected;
    };
    const Row rows[] = {
        {Event("disclosure.read", "success", {"passage_text", "survivor_comments"}, "investigation",
               "recipient=ag_p passages=2 topics=exploitation,recruitment categories= consent=cn_1"),
         kofi,
         "Kofi Marelu (investigator, Metro Police) read 2 passages of your statement (exploitation and recruitment) "
         "shared with them for investigation"},
        {Event("disclosure.read", "denied", {}, "", ""), kofi,
         "Kofi Marelu (investigator, Metro Police) tried to read what was shared with them and was refused"},
        {Event("disclosure.create", "success", {}, "investigation",
               "recipient=ag_p passages=1 topics=recruitment categories=identity,contact consent=cn_1"),
         sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) shared 1 passage of your statement (recruitment) and "
         "your identity and contact details with Metro Police for investigation"},
        {Event("survivor.read", "success", {"legal_name", "birth_date", "contact"}, "aftercare", ""), sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) read your record (legal name, date of birth and "
         "contact details) for aftercare"},
        {Event("passage.list", "success", {"text", "survivor_comments"}, "case_work",
               "passages=3 topics=needs,recruitment,transport"),
         sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) read 3 passages of your statement (needs, "
         "recruitment and transport) for case work"},
        {Event("passage.review", "success", {"corrected_text"}, "", "status=corrected topic=transport version=2"), sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) recorded that you corrected part of your statement "
         "(transport)"},
        {Event("consent.grant", "success", {}, "investigation",
               "recipient=ag_p purpose=investigation topics=recruitment categories="),
         sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) recorded your consent to share with Metro Police "
         "(recruitment) for investigation"},
        {Event("interview.reask", "success", {}, "prosecution", "topics=recruitment,needs reask=recruitment"), sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) planned an interview asking you again (recruitment "
         "and needs), and wrote down why for prosecution"},
        {Event("case.break_glass", "success", {}, "", "expires=2026-11-26T10:00:00Z"), kofi,
         "Kofi Marelu (investigator, Metro Police) used emergency access to your case"},
        {Event("referral.send", "success", {}, "health",
               "provider=pv_1 service=medical recipient=ag_p categories=identity consent=cn_2"),
         sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) sent a referral for you to Metro Police for health"},
        {Event("referral.read", "success", {"reason", "legal_name"}, "health", "provider=pv_1 service=medical"), kofi,
         "Kofi Marelu (investigator, Metro Police) read one of your referrals (the reason for it and legal name) for "
         "health"},
        {Event("commitment.update", "success", {"status", "survivor_told"}, "", "status=missed version=2"), sana,
         "Sana Koleri (supervisor and caseworker, Harbour Light) updated a promise made to you (status and how you "
         "were told)"},
        {Event("safety_plan.read", "denied", {}, "", ""), kofi,
         "Kofi Marelu (investigator, Metro Police) tried to read your safety plan and was refused"},
        {Event("something.new", "success", {}, "", ""), kofi,
         "Kofi Marelu (investigator, Metro Police) did something with your record (something new)"},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(DescribeAccess(row.event, row.who, agencies), row.expected) << row.event.action;
    }
}

TEST(AccessLogTextTest, PeopleWithoutAStaffRecordAreNamedPlainly) {
    const auto e = Event("survivor.create", "success", {}, "", "");
    EXPECT_EQ(DescribeAccess(e, {"system", "", "", "", "", {}}, {}), "onestory registered you");
    EXPECT_EQ(DescribeAccess(e, {"survivor", "sv_1", "", "", "", {}}, {}), "You registered you");
    EXPECT_EQ(DescribeAccess(e, {"staff", "st_gone", "", "", "", {}}, {}), "Someone registered you");
}

TEST(AccessLogTextTest, TheDetailIsReadBackIntoParts) {
    const auto what = WhatOf(Event("disclosure.read", "success", {"legal_name"}, "",
                                   "recipient=ag_p passages=12 topics=a,b categories=identity junk passages=x"));
    EXPECT_EQ(what.recipient_agency_id, "ag_p");
    EXPECT_EQ(what.passages, std::optional<int>(12));  // a malformed repeat is ignored
    EXPECT_EQ(what.topics, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(what.categories, std::vector<std::string>{"identity"});
    EXPECT_EQ(what.fields, std::vector<std::string>{"legal_name"});
}

}  // namespace
}  // namespace onestory::domain
