// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include <boost/json.hpp>

#include "api/app.hpp"
#include "api/care_mapping.hpp"
#include "api/json_mapping.hpp"
#include "api/paging.hpp"

namespace onestory::api {
using http::Method;
using policy::Action;

void AddTimelineRoutes(std::vector<Route>& routes, const AppServices& services) {
    auto& timeline = services.timeline;

    Route get(Method::kGet, "/api/v1/cases/{id}/timeline", Capability::Of(Action::kReadTimeline),
              [&timeline](ApiRequest& r) -> Result<ApiResponse> {
                  ONESTORY_ASSIGN_OR_RETURN(auto page, PageFrom(r.http));
                  ONESTORY_ASSIGN_OR_RETURN(auto result, timeline.Get(r.actor(), r.Param("id"), page));
                  return ApiResponse::Json(ListBody(ToArray(result.items), result.next));
              });
    get.summary =
        "The case's interviews, disclosures, referrals and their transitions, commitments, hearings, reviews and "
        "assessments as one dated list, newest first, holding only what you may see";
    get.tag = "care";
    get.list = true;
    get.response = TimelineEntrySchema();
    routes.push_back(std::move(get));
}

}  // namespace onestory::api
