// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// The router and request-target parsing, over the API's real route table.
// Input: one byte choosing the method, then the request target.
#include <cstdlib>

#include "fuzz/fuzz_support.hpp"
#include "http/router.hpp"

namespace {

const onestory::http::Router& Routes() {
    static const onestory::http::Router* router = [] {
        auto* r = new onestory::http::Router();
        for (const auto& route : onestory::fuzz::FuzzInstallation::Get().app().routes()) {
            r->Add(route.method, route.pattern);
        }
        return r;
    }();
    return *router;
}

std::size_t ParamCount(std::string_view pattern) {
    std::size_t n = 0;
    for (const char c : pattern) n += c == '{';
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    onestory::fuzz::WriteSeedsIfAsked({
        std::string(1, '\0') + "/api/v1/survivors/sv_abc?purpose=aftercare&limit=5",
        std::string(1, '\2') + "/api/v1/cases/cs_1/team",
        std::string(1, '\4') + "/api/v1/cases/cs_1",
        std::string(1, '\0') + "/api/v1/%73urvivors/%2F..%2F?cursor=%ZZ",
        std::string(1, '\1') + "//api//v1///erasures/er_1/approve/",
        std::string(1, '\0') + "http://example.invalid/api/v1/me",
        std::string(1, '\0') + "*",
    });
    (void)Routes();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using onestory::http::Method;
    if (size == 0) return 0;
    static constexpr Method kMethods[] = {Method::kGet,   Method::kHead,   Method::kPost,    Method::kPut,
                                          Method::kPatch, Method::kDelete, Method::kOptions, Method::kOther};
    const Method method = kMethods[data[0] % 8];
    const std::string_view target(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto& router = Routes();
    const auto& routes = onestory::fuzz::FuzzInstallation::Get().app().routes();

    auto check = [&](std::string_view path) {
        const auto match = router.Find(method, path);
        if (match.kind == onestory::http::Router::Match::Kind::kFound) {
            if (match.index >= routes.size() || match.params.size() != ParamCount(routes[match.index].pattern)) {
                std::abort();
            }
            for (const auto& [name, value] : match.params) {
                if (value.empty() || value.find('/') != std::string::npos) std::abort();
            }
        }
        if (match.kind == onestory::http::Router::Match::Kind::kMethodNotAllowed && match.allowed.empty()) std::abort();
    };
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
    if (onestory::http::ParseTarget(target, path, query)) check(path);
    check(target);
    return 0;
}
