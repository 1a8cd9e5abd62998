// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"

namespace onestory::api {
namespace json = boost::json;
namespace {

std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

json::value ErrorSchema() {
    return Schema::Object({Required("error", Schema::Object({Required("code", Schema::String()),
                                                             Required("message", Schema::String()),
                                                             Optional("field", Schema::String())})
                                                 .Open())})
        .Open()
        .ToJson();
}

json::object JsonContent(json::value schema) {
    return json::object{{"application/json", json::object{{"schema", std::move(schema)}}}};
}

std::string OperationId(const Route& route) {
    std::string id = Lower(http::MethodName(route.method));
    for (const char c : route.pattern) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            id += c;
        } else if (!id.empty() && id.back() != '_') {
            id += '_';
        }
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    return id;
}

}  // namespace

json::value App::OpenApiDocument() const {
    json::object paths;
    for (const auto& route : routes_) {
        json::object op;
        op["operationId"] = OperationId(route);
        if (!route.summary.empty()) op["summary"] = route.summary;
        if (!route.tag.empty()) op["tags"] = json::array{route.tag};
        op["x-onestory-capability"] = route.capability.Describe();

        json::array parameters;
        std::string_view pattern = route.pattern;
        for (std::size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
            const auto close = pattern.find('}', open);
            parameters.push_back(json::object{{"name", std::string(pattern.substr(open + 1, close - open - 1))},
                                              {"in", "path"},
                                              {"required", true},
                                              {"schema", json::object{{"type", "string"}}}});
        }
        if (route.list) {
            parameters.push_back(json::object{{"name", "limit"},
                                              {"in", "query"},
                                              {"schema", Schema::Integer().Minimum(1).Maximum(500).ToJson()},
                                              {"description", "page size, default 50"}});
            parameters.push_back(json::object{{"name", "cursor"},
                                              {"in", "query"},
                                              {"schema", json::object{{"type", "string"}}},
                                              {"description", "next_cursor of the previous page"}});
        }
        for (const auto& q : route.query) {
            parameters.push_back(json::object{
                {"name", q.name}, {"in", "query"}, {"schema", q.schema.ToJson()}, {"description", q.description}});
        }
        if (route.requires_if_match || route.accepts_if_match) {
            parameters.push_back(
                json::object{{"name", "If-Match"},
                             {"in", "header"},
                             {"required", route.requires_if_match},
                             {"schema", json::object{{"type", "string"}}},
                             {"description", route.requires_if_match ? "the version (ETag) the change is based on"
                                                                     : "the version (ETag) the change is based on; "
                                                                       "required when the record exists"}});
        }
        if (!parameters.empty()) op["parameters"] = std::move(parameters);
        if (route.request) {
            op["requestBody"] = json::object{{"required", true}, {"content", JsonContent(route.request->ToJson())}};
        }

        json::value response_schema = route.response.ToJson();
        if (route.list) {
            response_schema = Schema::Object({Required("items", Schema::Array(route.response).MaxItems(500)),
                                              Required("next_cursor", Schema::String().Nullable())})
                                  .ToJson();
        }
        json::object responses;
        json::object success{{"description", "success"}};
        if (route.success_status != 204) {
            const bool text = route.response.type() == Schema::Type::kString && !route.list;
            success["content"] = text ? json::object{{"text/plain", json::object{{"schema", response_schema}}}}
                                      : JsonContent(response_schema);
        }
        responses[std::to_string(route.success_status)] = std::move(success);
        responses["4XX"] =
            json::object{{"description", "refused: see error.code"}, {"content", JsonContent(ErrorSchema())}};
        op["responses"] = std::move(responses);
        if (route.capability.kind() == Capability::Kind::kPublic) {
            op["security"] = json::array{};
        }

        auto& path_item = paths[route.pattern];
        if (!path_item.is_object()) path_item = json::object{};
        path_item.get_object()[Lower(http::MethodName(route.method))] = std::move(op);
    }

    json::object doc;
    doc["openapi"] = "3.1.0";
    doc["info"] = json::object{{"title", "onestory API"},
                               {"version", options_.version},
                               {"description",
                                "Tell it once, share it only as you choose. Every route states the capability it needs "
                                "(x-onestory-capability); errors are {\"error\": {\"code\", \"message\", \"field\"}}."},
                               {"license", json::object{{"name", "Apache-2.0"}, {"identifier", "Apache-2.0"}}}};
    doc["paths"] = std::move(paths);
    doc["components"] = json::object{
        {"securitySchemes",
         json::object{{"bearer", json::object{{"type", "http"}, {"scheme", "bearer"}}},
                      {"session", json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}}}},
        {"schemas", json::object{{"Error", ErrorSchema()}}}};
    doc["security"] = json::array{json::object{{"bearer", json::array{}}}, json::object{{"session", json::array{}}}};
    return doc;
}

}  // namespace onestory::api
