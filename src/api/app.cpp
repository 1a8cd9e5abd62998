// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/app.hpp"

#include <charconv>
#include <chrono>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "api/paging.hpp"
#include "http/problem.hpp"

namespace onestory::api {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxJsonDepth = 32;

std::optional<std::string_view> CookieValue(const http::Request& request, std::string_view name) {
    const auto header = request.Header("cookie");
    if (!header) return std::nullopt;
    std::string_view rest = *header;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        std::string_view pair = rest.substr(0, semi);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
    }
    return std::nullopt;
}

std::optional<std::int64_t> ParseIfMatch(std::string_view value) {
    if (value.starts_with("W/")) value.remove_prefix(2);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    std::int64_t version = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
    if (ec != std::errc() || ptr != value.data() + value.size() || version < 1) return std::nullopt;
    return version;
}

void AddSecurityHeaders(http::Response& response) {
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("Referrer-Policy", "no-referrer");
    response.SetHeader("X-Frame-Options", "DENY");
    response.SetHeader("Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
    response.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.SetHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.SetHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!response.Header("Cache-Control")) response.SetHeader("Cache-Control", "no-store");
}

http::Response ToHttp(const ApiResponse& api) {
    http::Response response;
    response.status = api.status;
    if (api.raw_body) {
        response.body = *api.raw_body;
    } else {
        response.body = json::serialize(api.json);
    }
    if (api.status != 204) response.SetHeader("Content-Type", api.content_type);
    for (const auto& [name, value] : api.headers) response.AddHeader(name, value);
    return response;
}

bool IsSafeMethod(http::Method m) {
    return m == http::Method::kGet || m == http::Method::kHead;
}

}  // namespace

App::App(AppServices services, AppOptions options)
    : services_(services), options_(std::move(options)), web_(options_.web_assets) {
    AddOperationalRoutes();
    AddAccountRoutes(routes_, services_, options_);
    AddSurvivorRoutes(routes_, services_);
    AddCaseRoutes(routes_, services_);
    AddAuditRoutes(routes_, services_);
    AddConsentRoutes(routes_, services_);
    AddVenueRoutes(routes_, services_);
    AddInterviewRoutes(routes_, services_);
    AddPassageRoutes(routes_, services_);
    AddDisclosureRoutes(routes_, services_);
    AddAccessLogRoutes(routes_, services_);
    AddAlertRoutes(routes_, services_);
    AddPortalRoutes(routes_, services_, options_);
    AddReportRoutes(routes_, services_);
    AddTrainingRoutes(routes_, services_);
    AddWellbeingRoutes(routes_, services_);
    AddExportRoutes(routes_, services_);
    AddProviderRoutes(routes_, services_);
    AddReferralRoutes(routes_, services_);
    AddCommitmentRoutes(routes_, services_);
    AddSafetyPlanRoutes(routes_, services_);
    AddHearingRoutes(routes_, services_);
    AddReviewRoutes(routes_, services_);
    AddIncidentRoutes(routes_, services_);
    AddAssessmentRoutes(routes_, services_);
    AddTimelineRoutes(routes_, services_);
    AddErasureRoutes(routes_, services_);
    for (const auto& route : routes_) router_.Add(route.method, route.pattern);
}

void App::AddOperationalRoutes() {
    Route healthz(http::Method::kGet, "/healthz", Capability::Public(), [this](ApiRequest&) -> Result<ApiResponse> {
        // Healthy means the store answers.
        ONESTORY_RETURN_IF_ERROR(
            services_.store.Read([](store::Transaction& tx) { return tx.Query("SELECT 1").status(); }));
        return ApiResponse::Json(json::object{{"status", "ok"}});
    });
    healthz.summary = "Liveness and store check";
    healthz.tag = "operations";
    healthz.response = Schema::Object({Required("status", Schema::Enum({"ok"}))});
    routes_.push_back(std::move(healthz));

    Route metrics(http::Method::kGet, "/metrics", Capability::Public(), [this](ApiRequest&) -> Result<ApiResponse> {
        ApiResponse r;
        r.raw_body = metrics_.Render();
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        return r;
    });
    metrics.summary = "Prometheus metrics: request counts by route and status, latency histograms";
    metrics.tag = "operations";
    metrics.response = Schema::String().Describe("Prometheus text exposition format");
    routes_.push_back(std::move(metrics));

    Route openapi(http::Method::kGet, "/api/v1/openapi.json", Capability::Public(),
                  [this](ApiRequest&) -> Result<ApiResponse> { return ApiResponse::Json(OpenApiDocument()); });
    openapi.summary = "This API, described in OpenAPI 3.1";
    openapi.tag = "operations";
    openapi.response = Schema::Object({}).Open();
    routes_.push_back(std::move(openapi));

    if (options_.test_clock != nullptr) {
        // Exists only when the server was started with --test-clock, so that
        // tests can reach due dates and expiries without sleeping.
        Route clock(http::Method::kPost, "/api/v1/test/clock", Capability::AnyPrincipal(),
                    [clock = options_.test_clock](ApiRequest& r) -> Result<ApiResponse> {
                        const auto& body = r.Object();
                        if (const auto* now = body.if_contains("now")) {
                            clock->Set(*ParseInstant(now->get_string()));
                        }
                        if (const auto* advance = body.if_contains("advance_seconds")) {
                            clock->Advance(std::chrono::seconds(advance->to_number<std::int64_t>()));
                        }
                        return ApiResponse::Json(json::object{{"now", FormatInstant(clock->Now())}});
                    });
        clock.summary = "Move the test clock (only with serve --test-clock)";
        clock.tag = "operations";
        clock.request = Schema::Object(
            {Optional("now", Schema::DateTime()), Optional("advance_seconds", Schema::Integer().Minimum(0))});
        clock.response = Schema::Object({Required("now", Schema::DateTime())});
        routes_.push_back(std::move(clock));
    }
}

Result<domain::Principal> App::Authenticate(const http::Request& request, bool portal_route, bool& via_cookie) {
    via_cookie = false;
    if (const auto auth = request.Header("authorization")) {
        constexpr std::string_view kBearer = "Bearer ";
        if (!auth->starts_with(kBearer)) {
            return Status::Unauthenticated("use Authorization: Bearer <token> or the session cookie");
        }
        return services_.accounts.Authenticate(auth->substr(kBearer.size()));
    }
    if (const auto cookie = CookieValue(request, portal_route ? kPortalCookie : kSessionCookie)) {
        via_cookie = true;
        return services_.accounts.Authenticate(*cookie);
    }
    return Status::Unauthenticated("log in first");
}

Result<ApiResponse> App::Dispatch(const http::Request& request, const Route& route,
                                  std::vector<std::pair<std::string, std::string>> params) {
    std::optional<domain::Principal> principal;
    if (route.capability.kind() != Capability::Kind::kPublic) {
        bool via_cookie = false;
        ONESTORY_ASSIGN_OR_RETURN(principal,
                                  Authenticate(request, route.pattern.starts_with(kPortalPrefix), via_cookie));
        if (route.staff_only && principal->actor.kind != policy::Actor::Kind::kStaff) {
            return Status::Forbidden("staff_only",
                                     "this is for staff; a survivor's own portal is under /api/v1/portal");
        }
        if (principal->restricted && !route.allow_restricted) {
            return Status::Forbidden("totp_enrolment_required",
                                     "your role needs a second factor: enrol an authenticator app with POST "
                                     "/api/v1/me/totp and confirm a code at /api/v1/me/totp/confirm, then continue");
        }
        if (via_cookie && !IsSafeMethod(request.method)) {
            ONESTORY_RETURN_IF_ERROR(
                services_.accounts.CheckCsrf(*principal, request.Header("x-csrf-token").value_or("")));
        }
        if (route.capability.kind() == Capability::Kind::kAction) {
            const auto decision = policy::DecideRoute(principal->actor, route.capability.action());
            if (!decision.allowed) {
                return domain::Refuse(services_.context, principal->actor, decision,
                                      std::string(NameOf(route.capability.action())), "route", route.pattern);
            }
        }
    }

    ApiRequest api{request, principal ? &*principal : nullptr, std::move(params), nullptr, std::nullopt};

    if (route.requires_if_match || route.accepts_if_match) {
        const auto header = request.Header("if-match");
        if (!header && route.requires_if_match) {
            return Status(StatusCode::kPreconditionRequired, "if_match_required",
                          "send If-Match with the version you read (its ETag) to change this record");
        }
        if (header) {
            api.if_match = ParseIfMatch(*header);
            if (!api.if_match) return Status::Invalid("If-Match", "must be the record's version, e.g. \"3\"");
        }
    }

    if (route.request) {
        const auto type = request.Header("content-type");
        if (!type || !type->starts_with("application/json")) {
            return Status::Invalid("Content-Type", "must be application/json");
        }
        json::parse_options options;
        options.max_depth = kMaxJsonDepth;
        options.allow_invalid_utf8 = true;  // checked per field by the schema, so the error can name the field
        std::error_code ec;
        json::value body = json::parse(request.body, ec, json::storage_ptr(), options);
        if (ec) {
            Status s(StatusCode::kInvalidArgument, "malformed_json", "the body is not valid JSON: " + ec.message(),
                     "body");
            return s;
        }
        ONESTORY_RETURN_IF_ERROR(route.request->Validate(body));
        api.body = std::move(body);
    } else if (request.body.find_first_not_of(" \t\r\n") != std::string::npos) {
        // Routes without a body accept nothing or an empty JSON object.
        std::error_code ec;
        const json::value body = json::parse(request.body, ec);
        if (ec || !body.is_object() || !body.get_object().empty()) {
            return Status::Invalid("body", "this request takes no body");
        }
    }

    if (route.list) {
        // Checked here so that every list answers bad paging alike.
        auto page = PageFrom(request);
        if (!page.ok()) return page.status();
    }
    for (const auto& q : route.query) {
        if (const auto value = request.Query(q.name)) {
            ONESTORY_RETURN_IF_ERROR(q.schema.Validate(json::value(json::string(*value)), q.name));
        }
    }
    return route.handler(api);
}

http::Response App::Handle(const http::Request& request) {
    const auto started = std::chrono::steady_clock::now();
    std::string route_label = "unmatched";
    http::Response response;

    const auto match = router_.Find(request.method, request.path);
    if (StaticAssets::Owns(request.path)) {
        route_label = "web";
        response = web_.Serve(request);
    } else if (match.kind == http::Router::Match::Kind::kNotFound) {
        response = http::ErrorResponse({StatusCode::kNotFound, "route_not_found", "there is no such route"});
    } else if (match.kind == http::Router::Match::Kind::kMethodNotAllowed) {
        response = http::ErrorResponse(
            {StatusCode::kInvalidArgument, "method_not_allowed", "this route does not take that method"});
        response.status = 405;
        std::string allow;
        for (const auto m : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(http::MethodName(m));
        response.SetHeader("Allow", allow);
    } else {
        const Route& route = routes_[match.index];
        route_label = route.pattern;
        Result<ApiResponse> result = Status::Internal("no response");
        try {
            result = Dispatch(request, route, match.params);
        } catch (const std::exception& e) {
            result = Status::Internal(std::string("unhandled exception: ") + e.what());
        }
        if (result.ok()) {
            response = ToHttp(*result);
        } else {
            if (result.status().code() == StatusCode::kInternal || result.status().code() == StatusCode::kDataLoss ||
                result.status().code() == StatusCode::kFailedPrecondition) {
                spdlog::error("{} {} failed: {}", http::MethodName(request.method), route.pattern,
                              result.status().ToString());
            }
            response = http::ErrorResponse(result.status());
        }
    }
    AddSecurityHeaders(response);
    if (request.method == http::Method::kHead) response.body.clear();

    const auto elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    metrics_.Record(http::MethodName(request.method), route_label, response.status, elapsed);
    if (options_.access_log) {
        spdlog::info("{} {} {} {}us", http::MethodName(request.method), route_label, response.status, elapsed.count());
    }
    return response;
}

}  // namespace onestory::api
