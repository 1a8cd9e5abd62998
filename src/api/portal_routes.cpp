// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The survivor portal's API: the invite a caseworker makes, activation and
// sign-in, and the survivor's own record. The portal's session cookie is
// scoped to /api/v1/portal, so it never travels with a request to the rest
// of the API, and the workspace's cookie is not read here.
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/impact_mapping.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"
#include "api/tell_once_mapping.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

namespace {

std::string PortalCookie(std::string_view token, bool secure, bool clear) {
    std::string cookie =
        std::string(kPortalCookie) + "=" + std::string(token) + "; Path=/api/v1/portal; HttpOnly; SameSite=Strict";
    if (secure) cookie += "; Secure";
    if (clear) cookie += "; Max-Age=0";
    return cookie;
}

json::value OptionalInstantJson(const std::optional<Instant>& t) {
    if (!t) return nullptr;
    return json::value(FormatInstant(*t));
}

json::value PortalSurvivorJson(const domain::PortalSurvivor& s) {
    return json::object{{"survivor_id", s.survivor_id},
                        {"code_name", s.code_name},
                        {"languages", ToJsonArray(s.languages)},
                        {"agency_id", s.agency_id},
                        {"agency_name", s.agency_name}};
}

Schema PortalSurvivorSchema() {
    return Schema::Object({Required("survivor_id", Schema::String()),
                           Required("code_name", Schema::String().Describe("the name the survivor chose")),
                           Required("languages", Schema::Array(Schema::String())),
                           Required("agency_id", Schema::String()),
                           Required("agency_name", Schema::String().Describe("the agency that keeps the record"))});
}

json::value AgencyJson(const domain::PortalAgency& a) {
    return json::object{{"id", a.id}, {"name", a.name}, {"kind", NameOf(a.kind)}};
}

Schema AgencyRefSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("name", Schema::String()),
                           Required("kind", Schema::EnumOf<policy::AgencyKind>())});
}

ApiResponse SessionResponse(const domain::PortalSession& session, bool secure) {
    auto response = ApiResponse::Json(json::object{{"token", session.token},
                                                   {"csrf_token", session.csrf_token},
                                                   {"survivor", PortalSurvivorJson(session.survivor)}});
    response.headers.emplace_back("Set-Cookie", PortalCookie(session.token, secure, false));
    return response;
}

Schema SessionSchema() {
    return Schema::Object({Required("token", Schema::String()), Required("csrf_token", Schema::String()),
                           Required("survivor", PortalSurvivorSchema())});
}

json::value ConsentJson(const domain::PortalConsent& c, const std::string& survivor_id) {
    const auto& k = c.consent;
    return json::object{
        {"id", k.id},
        {"recipient", AgencyJson(c.recipient)},
        {"purpose", NameOf(k.purpose)},
        {"scope", json::object{{"topics", EnumArray(k.topics)}, {"categories", EnumArray(k.categories)}}},
        {"valid_from", FormatInstant(k.valid_from)},
        {"valid_until", FormatInstant(k.valid_until)},
        {"given_as", NameOf(k.given_as)},
        {"language", k.language},
        {"created_at", FormatInstant(k.created_at)},
        {"status", NameOf(k.status)},
        {"revoked_at", OptionalInstantJson(k.revoked_at)},
        {"withdrawn_by_you", k.revoked_by.has_value() && *k.revoked_by == survivor_id},
        {"version", k.version}};
}

Schema ConsentViewSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("recipient", AgencyRefSchema()),
         Required("purpose", Schema::EnumOf<policy::Purpose>()),
         Required("scope",
                  Schema::Object({Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>())),
                                  Required("categories", Schema::Array(Schema::EnumOf<policy::RecordCategory>()))})),
         Required("valid_from", Schema::DateTime()), Required("valid_until", Schema::DateTime()),
         Required("given_as", Schema::EnumOf<domain::GivenAs>()), Required("language", Schema::String()),
         Required("created_at", Schema::DateTime()), Required("status", Schema::EnumOf<policy::ConsentState>()),
         Required("revoked_at", Schema::DateTime().Nullable()),
         Required("withdrawn_by_you", Schema::Boolean().Describe("the survivor withdrew it in the portal")),
         Required("version", Schema::Integer())});
}

json::value DisclosureJson(const domain::PortalDisclosure& d) {
    const auto& k = d.disclosure;
    return json::object{{"id", k.id},
                        {"recipient", AgencyJson(d.recipient)},
                        {"shared_by", AgencyJson(d.discloser)},
                        {"purpose", NameOf(k.purpose)},
                        {"topics", EnumArray(k.topics)},
                        {"categories", EnumArray(k.categories)},
                        {"passages", static_cast<std::int64_t>(k.passage_ids.size())},
                        {"consent_id", k.consent_id},
                        {"consent_status", NameOf(k.consent_status)},
                        {"created_at", FormatInstant(k.created_at)}};
}

Schema DisclosureViewSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("recipient", AgencyRefSchema()),
         Required("shared_by", AgencyRefSchema()), Required("purpose", Schema::EnumOf<policy::Purpose>()),
         Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>())),
         Required("categories", Schema::Array(Schema::EnumOf<policy::RecordCategory>())),
         Required("passages", Schema::Integer().Describe("how many passages of the statement")),
         Required("consent_id", Schema::String()),
         Required("consent_status",
                  Schema::EnumOf<policy::ConsentState>().Describe("active: the recipient can still read it")),
         Required("created_at", Schema::DateTime())});
}

json::value InterviewJson(const domain::PortalInterview& i) {
    json::value venue = nullptr;
    if (i.venue_name) venue = json::object{{"name", *i.venue_name}, {"features", EnumArray(i.venue_features)}};
    const auto& a = i.accommodations;
    json::value gender = nullptr;
    if (a.interviewer_gender) gender = json::value(NameOf(*a.interviewer_gender));
    return json::object{
        {"id", i.id},
        {"case_id", i.case_id},
        {"purpose", NameOf(i.purpose)},
        {"topics", EnumArray(i.topics)},
        {"scheduled_at", FormatInstant(i.scheduled_at)},
        {"venue", std::move(venue)},
        {"interviewer_name", i.interviewer_name},
        {"accommodations", json::object{{"support_person", a.support_person},
                                        {"children", NameOf(a.children)},
                                        {"interpreter_language", OptionalString(a.interpreter_language)},
                                        {"interviewer_gender", std::move(gender)},
                                        {"breaks", a.breaks}}},
        {"topics_shared_at", OptionalInstantJson(i.topics_shared_at)},
        {"survivor_acknowledged", i.survivor_acknowledged}};
}

Schema InterviewViewSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()),
         Required("purpose", Schema::EnumOf<policy::Purpose>()),
         Required("topics", Schema::Array(Schema::EnumOf<policy::Topic>()).Describe("what they plan to ask about")),
         Required("scheduled_at", Schema::DateTime()),
         Required("venue", Schema::Object({Required("name", Schema::String()),
                                           Required("features", Schema::Array(Schema::EnumOf<domain::VenueFeature>()))})
                               .Nullable()),
         Required("interviewer_name", Schema::String()), Required("accommodations", AccommodationsSchema()),
         Required("topics_shared_at", Schema::DateTime().Nullable()),
         Required("survivor_acknowledged", Schema::Boolean())});
}

// A promise made to the survivor, in their portal: what, who, by when and
// what became of it, with how they were told of a change. Staff notes stay out.
json::value PromiseJson(const domain::Commitment& c) {
    return json::object{{"id", c.id},
                        {"case_id", c.case_id},
                        {"what", c.what},
                        {"owner_name", c.owner_name},
                        {"due", FormatDate(c.due)},
                        {"status", NameOf(c.status)},
                        {"overdue", c.overdue},
                        {"kept_on_time", c.kept_on_time ? json::value(*c.kept_on_time) : json::value(nullptr)},
                        {"resolved_at", OptionalInstantJson(c.resolved_at)},
                        {"survivor_told", OptionalString(c.survivor_told)}};
}

Schema PromiseViewSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()), Required("what", Schema::String()),
         Required("owner_name", Schema::String()), Required("due", Schema::Date()),
         Required("status", Schema::EnumOf<domain::CommitmentStatus>()), Required("overdue", Schema::Boolean()),
         Required("kept_on_time", Schema::Boolean().Nullable()), Required("resolved_at", Schema::DateTime().Nullable()),
         Required("survivor_told", Schema::String().Nullable().Describe("how you were told of a change"))});
}

// A court hearing, in the survivor's portal: where, when, what kind, and the
// support asked for and granted. Staff notes stay out.
json::value HearingViewJson(const domain::Hearing& h) {
    return json::object{{"id", h.id},
                        {"case_id", h.case_id},
                        {"court", h.court},
                        {"scheduled_at", FormatInstant(h.scheduled_at)},
                        {"kind", NameOf(h.kind)},
                        {"accommodations_requested", EnumArray(h.accommodations_requested)},
                        {"accommodations_granted", EnumArray(h.accommodations_granted)},
                        {"survivor_notified_at", OptionalInstantJson(h.survivor_notified_at)}};
}

Schema HearingViewSchema() {
    const Schema accommodations = Schema::Array(Schema::EnumOf<domain::CourtAccommodation>());
    return Schema::Object(
        {Required("id", Schema::String()), Required("case_id", Schema::String()), Required("court", Schema::String()),
         Required("scheduled_at", Schema::DateTime()), Required("kind", Schema::EnumOf<domain::HearingKind>()),
         Required("accommodations_requested", accommodations), Required("accommodations_granted", accommodations),
         Required("survivor_notified_at", Schema::DateTime().Nullable())});
}

json::value Items(json::array items) {
    return json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
}

Schema ItemsOf(Schema item) {
    return Schema::Object({Required("items", Schema::Array(std::move(item))),
                           Required("next_cursor", Schema::String().Nullable().Describe("always null: all at once"))});
}

}  // namespace

void AddPortalRoutes(std::vector<Route>& routes, const AppServices& services, const AppOptions& options) {
    auto& portal = services.portal;
    const bool secure = options.secure_cookies;

    Route invite(Method::kPost, "/api/v1/survivors/{id}/portal-invite", Capability::Of(Action::kInvitePortal),
                 [&portal](ApiRequest& r) -> Result<ApiResponse> {
                     ONESTORY_ASSIGN_OR_RETURN(auto made, portal.Invite(r.actor(), r.Param("id")));
                     return ApiResponse::Created(json::object{{"id", made.id},
                                                              {"survivor_id", made.survivor_id},
                                                              {"code", made.code},
                                                              {"created_at", FormatInstant(made.created_at)},
                                                              {"expires_at", FormatInstant(made.expires_at)}},
                                                 "/api/v1/survivors/" + made.survivor_id);
                 });
    invite.summary =
        "A one-time code for the survivor to set up their portal (their case team); valid for 72 hours, shown "
        "only in this answer, and a new code replaces any unused one";
    invite.tag = "portal";
    invite.success_status = 201;
    invite.response =
        Schema::Object({Required("id", Schema::String()), Required("survivor_id", Schema::String()),
                        Required("code", Schema::String().Describe("shown once; never stored")),
                        Required("created_at", Schema::DateTime()), Required("expires_at", Schema::DateTime())});
    routes.push_back(std::move(invite));

    Route config(Method::kGet, "/api/v1/portal/config", Capability::Public(),
                 [exit_url = services.context.settings.portal_exit_url](ApiRequest&) -> Result<ApiResponse> {
                     return ApiResponse::Json(json::object{{"exit_url", exit_url}});
                 });
    config.summary = "What the portal's pages need before sign-in: where quick exit goes";
    config.tag = "portal";
    config.response = Schema::Object(
        {Required("exit_url", Schema::String().Describe("the neutral site quick exit leaves for (portal_exit_url)"))});
    routes.push_back(std::move(config));

    Route activate(Method::kPost, "/api/v1/portal/activate", Capability::Public(),
                   [&portal, secure](ApiRequest& r) -> Result<ApiResponse> {
                       const auto& body = r.Object();
                       ONESTORY_ASSIGN_OR_RETURN(auto session,
                                                 portal.Activate(GetString(body, "code"), GetString(body, "username"),
                                                                 GetString(body, "passphrase"), r.http.remote_address));
                       return SessionResponse(session, secure);
                   });
    activate.summary =
        "Redeem an invite code: choose a username and a passphrase, and be signed in; the code works once";
    activate.tag = "portal";
    activate.request = Schema::Object({Required("code", Schema::String().MinLength(1).MaxLength(64)),
                                       Required("username", Schema::String().MinLength(1).MaxLength(200)),
                                       Required("passphrase", Schema::String().MinLength(1).MaxLength(1024))});
    activate.response = SessionSchema();
    routes.push_back(std::move(activate));

    Route login(Method::kPost, "/api/v1/portal/login", Capability::Public(),
                [&portal, secure](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    ONESTORY_ASSIGN_OR_RETURN(auto session,
                                              portal.Login(GetString(body, "username"), GetString(body, "passphrase"),
                                                           r.http.remote_address));
                    return SessionResponse(session, secure);
                });
    login.summary =
        "Sign in to the portal; answers a bearer token, a CSRF token for the cookie session, and who you are";
    login.tag = "portal";
    login.request = Schema::Object({Required("username", Schema::String().MinLength(1).MaxLength(200)),
                                    Required("passphrase", Schema::String().MinLength(1).MaxLength(1024))});
    login.response = SessionSchema();
    routes.push_back(std::move(login));

    Route logout(Method::kPost, "/api/v1/portal/logout", Capability::Of(Action::kPortalRead),
                 [&accounts = services.accounts, secure](ApiRequest& r) -> Result<ApiResponse> {
                     ONESTORY_RETURN_IF_ERROR(accounts.Logout(*r.principal));
                     auto response = ApiResponse::NoContent();
                     response.headers.emplace_back("Set-Cookie", PortalCookie("", secure, true));
                     return response;
                 });
    logout.summary = "End this portal session";
    logout.tag = "portal";
    logout.success_status = 204;
    routes.push_back(std::move(logout));

    Route me(Method::kGet, "/api/v1/portal/me", Capability::Of(Action::kPortalRead),
             [&portal](ApiRequest& r) -> Result<ApiResponse> {
                 ONESTORY_ASSIGN_OR_RETURN(auto overview, portal.Overview(r.actor()));
                 json::array team;
                 for (const auto& m : overview.team) {
                     team.push_back(json::object{
                         {"display_name", m.display_name}, {"case_role", m.case_role}, {"agency_name", m.agency_name}});
                 }
                 return ApiResponse::Json(
                     json::object{{"survivor", PortalSurvivorJson(overview.survivor)}, {"team", std::move(team)}});
             });
    me.summary = "Who you are in your portal, and the people working with you";
    me.tag = "portal";
    me.response =
        Schema::Object({Required("survivor", PortalSurvivorSchema()),
                        Required("team", Schema::Array(Schema::Object({Required("display_name", Schema::String()),
                                                                       Required("case_role", Schema::String()),
                                                                       Required("agency_name", Schema::String())})))});
    routes.push_back(std::move(me));

    Route disclosures(Method::kGet, "/api/v1/portal/disclosures", Capability::Of(Action::kPortalRead),
                      [&portal](ApiRequest& r) -> Result<ApiResponse> {
                          ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Disclosures(r.actor()));
                          json::array items;
                          for (const auto& d : all) items.push_back(DisclosureJson(d));
                          return ApiResponse::Json(Items(std::move(items)));
                      });
    disclosures.summary = "Who holds which part of your story, and why: every disclosure of your record, newest first";
    disclosures.tag = "portal";
    disclosures.response = ItemsOf(DisclosureViewSchema());
    routes.push_back(std::move(disclosures));

    Route consents(Method::kGet, "/api/v1/portal/consents", Capability::Of(Action::kPortalRead),
                   [&portal](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Consents(r.actor()));
                       json::array items;
                       for (const auto& c : all) items.push_back(ConsentJson(c, r.actor().id));
                       return ApiResponse::Json(Items(std::move(items)));
                   });
    consents.summary = "Your consents, with their state now";
    consents.tag = "portal";
    consents.response = ItemsOf(ConsentViewSchema());
    routes.push_back(std::move(consents));

    Route withdraw(
        Method::kPost, "/api/v1/portal/consents/{id}/withdraw", Capability::Of(Action::kPortalWithdrawConsent),
        [&portal](ApiRequest& r) -> Result<ApiResponse> {
            ONESTORY_ASSIGN_OR_RETURN(auto withdrawn,
                                      portal.Withdraw(r.actor(), r.Param("id"), GetOptString(r.Object(), "reason")));
            return ApiResponse::Json(ConsentJson(withdrawn, r.actor().id)).WithETag(withdrawn.consent.version);
        });
    withdraw.summary = "Withdraw one of your consents; it takes effect at once";
    withdraw.tag = "portal";
    withdraw.request = Schema::Object({Optional(
        "reason", Schema::String().MinLength(1).MaxLength(2000).Nullable().Describe("if you wish to say why"))});
    withdraw.response = ConsentViewSchema();
    routes.push_back(std::move(withdraw));

    Route passages(Method::kGet, "/api/v1/portal/passages", Capability::Of(Action::kPortalRead),
                   [&portal](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Passages(r.actor()));
                       return ApiResponse::Json(Items(ToArray(all)));
                   });
    passages.summary = "Your statement: each passage as it stands, with its review and your comments";
    passages.tag = "portal";
    passages.response = ItemsOf(PassageSchema());
    routes.push_back(std::move(passages));

    Route review(Method::kPost, "/api/v1/portal/passages/{id}/review", Capability::Of(Action::kPortalReviewPassage),
                 [&portal](ApiRequest& r) -> Result<ApiResponse> {
                     const auto& body = r.Object();
                     domain::PassageReview review;
                     review.status = *GetOptEnum<domain::ReviewStatus>(body, "status");
                     review.corrected_text = GetOptString(body, "corrected_text");
                     review.survivor_comment = GetOptString(body, "comment");
                     ONESTORY_ASSIGN_OR_RETURN(auto passage, portal.Review(r.actor(), r.Param("id"), review));
                     return ApiResponse::Json(json::value_from(passage));
                 });
    review.summary =
        "Confirm a passage as you said it, or correct it (a correction is a new version); a comment travels with it";
    review.tag = "portal";
    review.request = Schema::Object(
        {Required("status", Schema::Enum({"confirmed", "corrected"})),
         Optional("corrected_text", Schema::String().MinLength(1).MaxLength(20000).Describe("your words, corrected")),
         Optional("comment", Schema::String().MinLength(1).MaxLength(4000))});
    review.response = PassageSchema();
    routes.push_back(std::move(review));

    Route comment(Method::kPost, "/api/v1/portal/passages/{id}/comment", Capability::Of(Action::kPortalReviewPassage),
                  [&portal](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(
                          auto passage, portal.Comment(r.actor(), r.Param("id"), GetString(r.Object(), "comment")));
                      return ApiResponse::Json(json::value_from(passage));
                  });
    comment.summary = "Add a comment to a passage of your statement; it travels with it wherever it is shared";
    comment.tag = "portal";
    comment.request = Schema::Object({Required("comment", Schema::String().MinLength(1).MaxLength(4000))});
    comment.response = PassageSchema();
    routes.push_back(std::move(comment));

    Route interviews(Method::kGet, "/api/v1/portal/interviews", Capability::Of(Action::kPortalRead),
                     [&portal](ApiRequest& r) -> Result<ApiResponse> {
                         ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Interviews(r.actor()));
                         json::array items;
                         for (const auto& i : all) items.push_back(InterviewJson(i));
                         return ApiResponse::Json(Items(std::move(items)));
                     });
    interviews.summary =
        "Interviews to come, soonest first: why, what they will ask about, where, and what is arranged";
    interviews.tag = "portal";
    interviews.response = ItemsOf(InterviewViewSchema());
    routes.push_back(std::move(interviews));

    auto& exports = services.survivor_exports;
    Route copy(Method::kGet, "/api/v1/portal/export", Capability::Of(Action::kPortalRead),
               [&exports](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto result, exports.Export(r.actor(), r.actor().id));
                   auto response = ApiResponse::Json(SurvivorExportJson(result));
                   response.headers.emplace_back("Content-Disposition",
                                                 "attachment; filename=\"onestory-my-record.json\"");
                   return response;
               });
    copy.summary =
        "A copy of everything held about you, readable (your right of access; it is recorded in your "
        "access log)";
    copy.tag = "portal";
    copy.response = SurvivorExportSchema();
    routes.push_back(std::move(copy));

    Route promises(Method::kGet, "/api/v1/portal/promises", Capability::Of(Action::kPortalRead),
                   [&portal](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Promises(r.actor()));
                       json::array items;
                       for (const auto& c : all) items.push_back(PromiseJson(c));
                       return ApiResponse::Json(Items(std::move(items)));
                   });
    promises.summary =
        "The promises made to you: what, by whom, by when, and whether each was kept; open ones first, soonest due";
    promises.tag = "portal";
    promises.response = ItemsOf(PromiseViewSchema());
    routes.push_back(std::move(promises));

    Route hearings(Method::kGet, "/api/v1/portal/hearings", Capability::Of(Action::kPortalRead),
                   [&portal](ApiRequest& r) -> Result<ApiResponse> {
                       ONESTORY_ASSIGN_OR_RETURN(auto all, portal.Hearings(r.actor()));
                       json::array items;
                       for (const auto& h : all) items.push_back(HearingViewJson(h));
                       return ApiResponse::Json(Items(std::move(items)));
                   });
    hearings.summary = "Court hearings to come, soonest first: where, when, and the support asked for and granted";
    hearings.tag = "portal";
    hearings.response = ItemsOf(HearingViewSchema());
    routes.push_back(std::move(hearings));

    Route log(Method::kGet, "/api/v1/portal/access-log", Capability::Of(Action::kPortalRead),
              [&portal](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                  std::optional<std::int64_t> before;
                  if (page.after) before = page.after->created_at;
                  ONESTORY_ASSIGN_OR_RETURN(auto result, portal.AccessLog(r.actor(), before, page.limit));
                  json::array items;
                  for (const auto& e : result.entries) items.push_back(AccessLogEntryJson(e));
                  std::optional<store::PageCursor> next;
                  if (result.next_before_seq) next = store::PageCursor{*result.next_before_seq, "access-log"};
                  return ApiResponse::Json(ListBody(std::move(items), next));
              });
    log.summary = "Who accessed your record, newest first: when, who, what and why, in plain words";
    log.tag = "portal";
    log.list = true;
    log.response = AccessLogEntrySchema();
    routes.push_back(std::move(log));
}

}  // namespace onestory::api
