// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json.hpp>

#include "api/schema.hpp"
#include "domain/accounts/account_types.hpp"
#include "domain/cases/case_types.hpp"
#include "domain/survivors/survivor_types.hpp"

// How domain records appear in the API, and the schemas that describe them.
// Mappings are Boost.JSON tag_invoke overloads, found by argument-dependent
// lookup, so boost::json::value_from(record) works everywhere.
namespace onestory::domain {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Agency& agency);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const StaffMember& staff);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Survivor& survivor);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const SurvivorMatch& match);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const Case& kase);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const TeamMember& member);

}  // namespace onestory::domain

namespace onestory::api {

Schema AgencySchema();
Schema StaffSchema();
Schema SurvivorSchema();         // with identity, as an audited read returns it
Schema SurvivorSummarySchema();  // list entries: code names only
Schema CaseSchema();
Schema TeamMemberSchema();

// A list of records as a JSON array.
template <class T>
boost::json::array ToArray(const std::vector<T>& items) {
    boost::json::array out;
    out.reserve(items.size());
    for (const auto& item : items) out.push_back(boost::json::value_from(item));
    return out;
}

}  // namespace onestory::api
