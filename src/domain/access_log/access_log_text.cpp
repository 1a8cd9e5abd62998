// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/access_log/access_log_text.hpp"

#include <array>
#include <charconv>
#include <string_view>

#include "common/strings.hpp"

namespace onestory::domain {
namespace {

// How each action reads in the survivor's log: what was done (past tense)
// and what was attempted (base form, for refusals). "{what}" is replaced by
// the fields, passages and topics of the event.
struct Phrase {
    std::string_view action;
    std::string_view done;
    std::string_view attempted;
};

constexpr std::array<Phrase, 70> kPhrases{{
    {"survivor.create", "registered you", "register you"},
    {"survivor.read", "read your record{what}", "read your record"},
    {"survivor.update", "changed your record{what}", "change your record"},
    {"survivor.match", "checked whether you were already registered", "check whether you were already registered"},
    {"case.create", "opened a case for you", "open a case for you"},
    {"case.read", "read your case", "read your case"},
    {"case.update", "changed your case{what}", "change your case"},
    {"case.list", "looked at your cases", "look at your cases"},
    {"case_team.read", "looked at who is on your case team", "look at who is on your case team"},
    {"case_team.add", "added someone to your case team", "add someone to your case team"},
    {"consent.grant", "recorded your consent to share with {recipient}{what}", "record a consent"},
    {"consent.revoke", "recorded that you withdrew your consent to share with {recipient}",
     "record the withdrawal of a consent"},
    {"consent.list", "read your consents", "read your consents"},
    {"interview.plan", "planned an interview with you{what}", "plan an interview with you"},
    {"interview.reask", "planned an interview asking you again{what}, and wrote down why",
     "plan an interview with you"},
    {"interview.read", "read an interview plan", "read an interview plan"},
    {"interview.list", "read your interview plans", "read your interview plans"},
    {"interview.update", "updated the record of an interview{what}", "update the record of an interview"},
    {"interview.coverage", "checked which parts of your story are already on record",
     "check which parts of your story are already on record"},
    {"passage.create", "wrote down part of your statement{what}", "write down part of your statement"},
    {"passage.list", "read {passages} of your statement{what}", "read your statement"},
    {"passage.read", "read {passages} of your statement{what}", "read your statement"},
    {"passage.review", "recorded that you {status} part of your statement{what}",
     "record your review of your statement"},
    {"disclosure.create", "shared {shared} with {recipient}", "share parts of your story with {recipient}"},
    {"disclosure.read", "read {shared} shared with them", "read what was shared with them"},
    {"disclosure.list", "looked at what your case has shared", "look at what your case has shared"},
    {"case.break_glass", "used emergency access to your case", "use emergency access to your case"},
    {"break_glass.read", "read the reason given for an emergency access to your case",
     "read the reason given for an emergency access to your case"},
    {"access_log.read", "looked at this list of who accessed your record", "look at this list"},
    {"audit.read", "read the audit log of your record", "read the audit log of your record"},
    {"venue.create", "registered a venue", "register a venue"},
    {"alert.list", "looked at alerts about your case", "look at alerts about your case"},
    {"survivor.export", "took a copy of everything held about you", "take a copy of everything held about you"},
    {"survivor.export_htcds", "exported your record, with your name, in the HTCDS case format",
     "export your record in the HTCDS case format"},
    {"trafficking_event.create", "recorded where and when something happened to you{what}",
     "record where and when something happened to you"},
    {"trafficking_event.list", "read where and when things happened to you",
     "read where and when things happened to you"},
    {"alert.acknowledge", "acknowledged an alert about your case", "acknowledge an alert about your case"},
    {"referral.create", "proposed a referral for you", "propose a referral for you"},
    {"referral.send", "sent a referral for you to {recipient}", "send a referral for you to {recipient}"},
    {"referral.transition", "recorded a step of one of your referrals", "record a step of one of your referrals"},
    {"referral.read", "read one of your referrals{what}", "read one of your referrals"},
    {"referral.list", "read your referrals", "read your referrals"},
    {"commitment.create", "wrote down a promise made to you", "write down a promise made to you"},
    {"commitment.update", "updated a promise made to you{what}", "update a promise made to you"},
    {"commitment.list", "read the promises made to you", "read the promises made to you"},
    {"safety_plan.create", "wrote your safety plan", "write your safety plan"},
    {"safety_plan.update", "changed your safety plan", "change your safety plan"},
    {"safety_plan.read", "read your safety plan", "read your safety plan"},
    {"hearing.create", "recorded a court hearing of your case", "record a court hearing of your case"},
    {"hearing.update", "updated a court hearing of your case{what}", "update a court hearing of your case"},
    {"hearing.read", "read a court hearing of your case", "read a court hearing of your case"},
    {"hearing.list", "read the court hearings of your case", "read the court hearings of your case"},
    {"review.create", "recorded a review of your case", "record a review of your case"},
    {"review.list", "read the reviews of your case", "read the reviews of your case"},
    {"incident.create", "recorded something that happened to you", "record something that happened to you"},
    {"incident.list", "read what was recorded of what happened to you", "read what happened to you"},
    {"assessment.create", "recorded an assessment of how you are doing", "record an assessment of how you are doing"},
    {"assessment.list", "read the assessments of how you are doing", "read the assessments of how you are doing"},
    {"assessment.trend", "looked at how your assessments changed over time",
     "look at how your assessments changed over time"},
    {"case.timeline", "looked at the timeline of your case", "look at the timeline of your case"},
    {"read_survivor", "opened your record", "open your record"},
    {"read_case", "opened your case", "open your case"},
    {"passage.comment", "wrote down your comment on part of your statement{what}", "add a comment to your statement"},
    {"portal.invite", "gave you a code to set up your portal", "give you a code to set up your portal"},
    {"portal.activate", "set up your portal with a username and passphrase", "set up your portal"},
    {"portal.activate_failed", "tried to set up your portal with a code that no longer works", "set up your portal"},
    {"portal.login", "signed in to your portal", "sign in to your portal"},
    {"portal.login_failed", "tried to sign in to your portal with a wrong passphrase", "sign in to your portal"},
    {"portal.login_locked", "tried to sign in to your portal while it was locked", "sign in to your portal"},
    {"portal.locked", "locked your portal for a while after several wrong passphrases", "lock your portal"},
}};

// What the survivor did themself, in the portal, said the way they would say it.
constexpr std::array<Phrase, 4> kOwnPhrases{{
    {"consent.revoke", "withdrew your consent to share with {recipient}", "withdraw a consent"},
    {"passage.review", "{status} part of your statement{what}", "review your statement"},
    {"passage.comment", "commented on part of your statement{what}", "comment on your statement"},
    {"portal.read", "looked at your portal", "look at your portal"},
}};

std::string Words(std::string_view name) {
    static const std::map<std::string_view, std::string_view> kNames{
        {"legal_name", "legal name"},
        {"birth_date", "date of birth"},
        {"contact", "contact details"},
        {"address", "address"},
        {"code_name", "code name"},
        {"exploitation_types", "what happened to you"},
        {"witnessed_by", "witness"},
        {"revoke_reason", "reason for withdrawing"},
        {"reask_reason", "reason for asking again"},
        {"debrief_notes", "debrief notes"},
        {"passage_text", "statement"},
        {"survivor_comments", "your comments"},
        {"survivor_comment", "your comment"},
        {"corrected_text", "your correction"},
        {"text", "statement"},
        {"safety_plan", "safety plan"},
        {"reason", "the reason for it"},
        {"decline_reason", "why it was declined"},
        {"referral_notes", "notes on it"},
        {"survivor_told", "how you were told"},
        {"accommodations_granted", "support granted in court"},
        {"survivor_notified_at", "when you were told"},
    };
    const auto found = kNames.find(name);
    if (found != kNames.end()) return std::string(found->second);
    if (name.starts_with("preferences.")) return "interview preferences";
    std::string out(name);
    for (auto& c : out) {
        if (c == '_' || c == '.') c = ' ';
    }
    return out;
}

// "a", "a and b", "a, b and c", each name once.
std::string ListInWords(const std::vector<std::string>& names) {
    std::vector<std::string> words;
    for (const auto& n : names) {
        std::string w = Words(n);
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

std::string Passages(int n) {
    return n == 1 ? "1 passage" : std::to_string(n) + " passages";
}

std::string Who(const AccessLogActor& a) {
    if (a.kind == "survivor") return "You";
    if (a.kind == "system") return "onestory";
    if (a.kind == "anonymous" || a.display_name.empty()) return "Someone";
    std::string who = a.display_name;
    std::vector<std::string> parts;
    if (!a.roles.empty()) parts.push_back(ListInWords(a.roles));
    if (!a.agency_name.empty()) parts.push_back(a.agency_name);
    if (!parts.empty()) who += " (" + parts[0] + (parts.size() > 1 ? ", " + parts[1] : "") + ")";
    return who;
}

void ReplaceAll(std::string& text, std::string_view key, const std::string& value) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
        text.replace(at, key.size(), value);
    }
}

}  // namespace

AccessLogWhat WhatOf(const audit::AuditEvent& event) {
    AccessLogWhat what;
    what.fields = event.fields;
    std::string_view rest = event.detail;
    while (!rest.empty()) {
        const auto space = rest.find(' ');
        const std::string_view token = rest.substr(0, space);
        const auto eq = token.find('=');
        if (eq != std::string_view::npos) {
            const auto key = token.substr(0, eq);
            const auto value = token.substr(eq + 1);
            if (key == "topics") what.topics = SplitList(value);
            if (key == "categories") what.categories = SplitList(value);
            if (key == "recipient") what.recipient_agency_id = std::string(value);
            if (key == "passages") {
                int n = 0;
                const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
                if (ec == std::errc() && ptr == value.data() + value.size()) what.passages = n;
            }
            if (key == "topic") what.topics = {std::string(value)};
            if (key == "status") what.status = std::string(value);
        }
        if (space == std::string_view::npos) break;
        rest.remove_prefix(space + 1);
    }
    return what;
}

std::string DescribeAccess(const audit::AuditEvent& event, const AccessLogActor& actor,
                           const std::map<std::string, std::string>& agency_names) {
    const AccessLogWhat what = WhatOf(event);
    const bool refused = event.outcome == "denied";
    const Phrase* phrase = nullptr;
    for (const auto& p : kPhrases) {
        if (p.action == event.action) phrase = &p;
    }
    if (actor.kind == "survivor") {
        for (const auto& p : kOwnPhrases) {
            if (p.action == event.action) phrase = &p;
        }
    }
    std::string text;
    if (phrase == nullptr) {
        text = refused ? "do something with your record (" + Words(event.action) + ")"
                       : "did something with your record (" + Words(event.action) + ")";
    } else {
        text = std::string(refused ? phrase->attempted : phrase->done);
    }

    std::string detail;
    if (!what.topics.empty()) {
        detail = " (" + ListInWords(what.topics) + ")";
    } else if (!what.fields.empty() && event.action != "passage.list" && event.action != "passage.read") {
        detail = " (" + ListInWords(what.fields) + ")";
    }
    ReplaceAll(text, "{what}", detail);
    ReplaceAll(text, "{passages}", Passages(what.passages.value_or(1)));
    std::string shared;
    if (what.passages && *what.passages > 0) {
        shared = Passages(*what.passages) + " of your statement";
        if (!what.topics.empty()) shared += " (" + ListInWords(what.topics) + ")";
    }
    if (!what.categories.empty()) {
        shared += (shared.empty() ? "your " : " and your ") + ListInWords(what.categories);
    }
    ReplaceAll(text, "{shared}", shared.empty() ? "parts of your story" : shared);
    std::string recipient = "another agency";
    if (const auto found = agency_names.find(what.recipient_agency_id); found != agency_names.end()) {
        recipient = found->second;
    }
    ReplaceAll(text, "{recipient}", recipient);
    ReplaceAll(text, "{status}", what.status == "read_back" ? "heard read back" : what.status);

    std::string out = Who(actor) + " ";
    out += refused ? "tried to " + text + " and was refused" : text;
    if (!event.purpose.empty()) out += " for " + Words(event.purpose);
    return out;
}

}  // namespace onestory::domain
