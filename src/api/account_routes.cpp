// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/json_access.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
namespace json = boost::json;
using http::Method;
using policy::Action;

namespace {

std::string SessionCookie(std::string_view token, bool secure, bool clear) {
    std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Strict";
    if (secure) cookie += "; Secure";
    if (clear) cookie += "; Max-Age=0";
    return cookie;
}

}  // namespace

void AddAccountRoutes(std::vector<Route>& routes, const AppServices& services, const AppOptions& options) {
    auto& accounts = services.accounts;

    Route login(Method::kPost, "/api/v1/login", Capability::Public(),
                [&accounts, secure = options.secure_cookies](ApiRequest& r) -> Result<ApiResponse> {
                    const auto& body = r.Object();
                    const auto totp = GetOptString(body, "totp");
                    ONESTORY_ASSIGN_OR_RETURN(
                        auto result,
                        accounts.Login(GetString(body, "username"), GetString(body, "password"), r.http.remote_address,
                                       totp ? std::optional<std::string_view>(*totp) : std::nullopt));
                    auto response =
                        ApiResponse::Json(json::object{{"token", result.token},
                                                       {"csrf_token", result.csrf_token},
                                                       {"staff", json::value_from(result.staff)},
                                                       {"totp_enrolment_required", result.totp_enrolment_required}});
                    response.headers.emplace_back("Set-Cookie", SessionCookie(result.token, secure, false));
                    return response;
                });
    login.summary = "Log in; answers a bearer token, a CSRF token for the cookie session, and who you are";
    login.tag = "accounts";
    login.request = Schema::Object(
        {Required("username", Schema::String().MinLength(1).MaxLength(64)),
         Required("password", Schema::String().MinLength(1).MaxLength(1024)),
         Optional("totp", Schema::String().MinLength(1).MaxLength(64).Describe(
                              "the authenticator's code, or a recovery code; needed once one is enrolled"))});
    login.response = Schema::Object(
        {Required("token", Schema::String()), Required("csrf_token", Schema::String()),
         Required("staff", StaffSchema()),
         Required("totp_enrolment_required",
                  Schema::Boolean().Describe("true: this session may only enrol a second factor, as your role needs "
                                             "one"))});
    routes.push_back(std::move(login));

    Route logout(Method::kPost, "/api/v1/logout", Capability::AnyPrincipal(),
                 [&accounts, secure = options.secure_cookies](ApiRequest& r) -> Result<ApiResponse> {
                     ONESTORY_RETURN_IF_ERROR(accounts.Logout(*r.principal));
                     auto response = ApiResponse::NoContent();
                     response.headers.emplace_back("Set-Cookie", SessionCookie("", secure, true));
                     return response;
                 });
    logout.summary = "End this session";
    logout.tag = "accounts";
    logout.success_status = 204;
    logout.allow_restricted = true;
    routes.push_back(std::move(logout));

    Route me(Method::kGet, "/api/v1/me", Capability::AnyPrincipal(), [](ApiRequest& r) -> Result<ApiResponse> {
        return ApiResponse::Json(json::value_from(r.principal->staff));
    });
    me.staff_only = true;
    me.summary = "Who am I";
    me.tag = "accounts";
    me.response = StaffSchema();
    me.allow_restricted = true;
    routes.push_back(std::move(me));

    auto& second_factor = accounts.second_factor();
    Route totp(Method::kPost, "/api/v1/me/totp", Capability::AnyPrincipal(),
               [&second_factor](ApiRequest& r) -> Result<ApiResponse> {
                   ONESTORY_ASSIGN_OR_RETURN(auto enrolment, second_factor.BeginEnrolment(*r.principal));
                   return ApiResponse::Json(
                       json::object{{"secret", enrolment.secret}, {"otpauth_uri", enrolment.otpauth_uri}}, 201);
               });
    totp.summary =
        "Begin enrolling a TOTP authenticator: answers its secret (shown once); it counts once confirmed with a code";
    totp.tag = "accounts";
    totp.success_status = 201;
    totp.allow_restricted = true;
    totp.staff_only = true;
    totp.response = Schema::Object({Required("secret", Schema::String().Describe("base32, for typing in")),
                                    Required("otpauth_uri", Schema::String().Describe("for a QR code"))});
    routes.push_back(std::move(totp));

    Route confirm(Method::kPost, "/api/v1/me/totp/confirm", Capability::AnyPrincipal(),
                  [&second_factor](ApiRequest& r) -> Result<ApiResponse> {
                      ONESTORY_ASSIGN_OR_RETURN(
                          auto codes, second_factor.ConfirmEnrolment(*r.principal, GetString(r.Object(), "code")));
                      return ApiResponse::Json(json::object{{"recovery_codes", ToJsonArray(codes)}});
                  });
    confirm.summary =
        "Confirm the authenticator with its first code; answers ten single-use recovery codes, shown only this once";
    confirm.tag = "accounts";
    confirm.allow_restricted = true;
    confirm.staff_only = true;
    confirm.request = Schema::Object({Required("code", Schema::String().MinLength(6).MaxLength(6))});
    confirm.response = Schema::Object({Required("recovery_codes", Schema::Array(Schema::String()))});
    routes.push_back(std::move(confirm));

    Route reset(Method::kPost, "/api/v1/staff/{id}/totp/reset", Capability::Of(Action::kCreateStaff),
                [&second_factor](ApiRequest& r) -> Result<ApiResponse> {
                    ONESTORY_RETURN_IF_ERROR(second_factor.Reset(r.actor(), r.Param("id")));
                    return ApiResponse::NoContent();
                });
    reset.summary = "Remove a staff member's authenticator (lost or replaced) and end their sessions (administrators)";
    reset.tag = "accounts";
    reset.success_status = 204;
    routes.push_back(std::move(reset));

    Route list_agencies(Method::kGet, "/api/v1/agencies", Capability::Of(Action::kListAgencies),
                        [&accounts](ApiRequest& r) -> Result<ApiResponse> {
                            ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                            ONESTORY_ASSIGN_OR_RETURN(auto result, accounts.ListAgencies(r.actor(), page));
                            return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                        });
    list_agencies.summary = "List agencies";
    list_agencies.tag = "accounts";
    list_agencies.list = true;
    list_agencies.response = AgencySchema();
    routes.push_back(std::move(list_agencies));

    Route create_agency(Method::kPost, "/api/v1/agencies", Capability::Of(Action::kCreateAgency),
                        [&accounts](ApiRequest& r) -> Result<ApiResponse> {
                            const auto& body = r.Object();
                            domain::NewAgency agency{GetString(body, "name"),
                                                     *GetOptEnum<policy::AgencyKind>(body, "kind"),
                                                     GetString(body, "country")};
                            ONESTORY_ASSIGN_OR_RETURN(auto created, accounts.CreateAgency(r.actor(), agency));
                            return ApiResponse::Created(json::value_from(created), "/api/v1/agencies/" + created.id)
                                .WithETag(created.version);
                        });
    create_agency.summary = "Register an agency (administrators)";
    create_agency.tag = "accounts";
    create_agency.success_status = 201;
    create_agency.request = Schema::Object({Required("name", Schema::String().MinLength(1).MaxLength(200)),
                                            Required("kind", Schema::EnumOf<policy::AgencyKind>()),
                                            Required("country", Schema::String().MinLength(2).MaxLength(2))});
    create_agency.response = AgencySchema();
    routes.push_back(std::move(create_agency));

    Route list_staff(Method::kGet, "/api/v1/staff", Capability::Of(Action::kListStaff),
                     [&accounts](ApiRequest& r) -> Result<ApiResponse> {
                         ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                         std::optional<std::string> agency;
                         if (const auto a = r.http.Query("agency_id")) agency = std::string(*a);
                         ONESTORY_ASSIGN_OR_RETURN(auto result, accounts.ListStaff(r.actor(), page, agency));
                         return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
                     });
    list_staff.summary = "List staff accounts (administrators: all; others: their own agency)";
    list_staff.tag = "accounts";
    list_staff.list = true;
    list_staff.query = {{"agency_id", Schema::String().MaxLength(64), "only staff of this agency"}};
    list_staff.response = StaffSchema();
    routes.push_back(std::move(list_staff));

    Route create_staff(Method::kPost, "/api/v1/staff", Capability::Of(Action::kCreateStaff),
                       [&accounts](ApiRequest& r) -> Result<ApiResponse> {
                           const auto& body = r.Object();
                           domain::NewStaff staff{GetString(body, "username"), GetString(body, "password"),
                                                  GetString(body, "display_name"), GetString(body, "agency_id"),
                                                  GetEnumList<policy::Role>(body, "roles")};
                           ONESTORY_ASSIGN_OR_RETURN(auto created, accounts.CreateStaff(r.actor(), staff));
                           return ApiResponse::Created(json::value_from(created), "/api/v1/staff/" + created.id)
                               .WithETag(created.version);
                       });
    create_staff.summary = "Create a staff account (administrators)";
    create_staff.tag = "accounts";
    create_staff.success_status = 201;
    create_staff.request = Schema::Object(
        {Required("username", Schema::String().MinLength(3).MaxLength(64)),
         Required("password", Schema::String().MinLength(1).MaxLength(1024)),
         Required("display_name", Schema::String().MinLength(1).MaxLength(200)),
         Required("agency_id", Schema::String().MinLength(1).MaxLength(64)),
         Required("roles", Schema::Array(Schema::EnumOf<policy::Role>()).MinItems(1).MaxItems(9).UniqueItems())});
    create_staff.response = StaffSchema();
    routes.push_back(std::move(create_staff));
}

}  // namespace onestory::api
