// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/exports/k_anonymity.hpp"
#include "domain/exports/survivor_export.hpp"
#include "domain/service_context.hpp"
#include "domain/survivors/survivor_types.hpp"

// The two exports of the whole installation, run by `onestory export`.
//
// Both walk the survivors in id order, a batch at a time, inside one read
// snapshot, so they see one consistent state and hold only one batch in
// memory; the caller writes each record as it comes (the CLI streams them to
// a file) and hears about progress after every batch.
namespace onestory::domain {

struct ExportProgress {
    std::int64_t done = 0;   // survivors walked
    std::int64_t total = 0;  // survivors in scope
};
using ProgressFn = std::function<void(const ExportProgress&)>;

// ---- HTCDS: one record per case, with identities.

struct HtcdsPerson {
    std::string id;  // the survivor's onestory id
    std::string code_name;
    std::optional<Identity> identity;  // only when the run may decrypt
    std::optional<Gender> gender;
    std::optional<std::string> nationality;
    std::optional<std::string> age_band;
    std::vector<std::string> languages;
};

struct HtcdsEvent {
    std::string id;
    std::string kind;
    std::string country;
    std::optional<std::string> place;        // only when the run may decrypt
    std::optional<std::string> description;  // only when the run may decrypt
    std::optional<std::string> began_on;
    std::optional<std::string> ended_on;
    std::vector<std::string> exploitation_types;
    std::vector<std::string> means_of_control;
};

struct HtcdsConsent {
    std::string id;
    std::string recipient_agency_id;
    std::string recipient_agency_name;
    std::string purpose;
    std::string state;  // active, expired, revoked
    Instant valid_from;
    Instant valid_until;
    std::optional<Instant> revoked_at;
    std::string given_as;
    std::string language;
    std::string consent_text_version;
    std::vector<std::string> topics;
    std::vector<std::string> categories;
};

struct HtcdsRecord {
    std::string case_id;
    std::string agency_id;
    std::string agency_name;
    std::string agency_kind;
    std::string stage;
    std::string status;
    Instant opened_at;
    std::vector<std::string> exploitation_types;
    HtcdsPerson person;
    std::vector<HtcdsEvent> events;
    std::vector<HtcdsConsent> consents;
    // Referrals, commitments and the safety plan, by the providers below.
    std::vector<ExportSection> support_plan;
};

// Adds one kind of support-plan record to the HTCDS records of a batch of
// survivors (ids from first to last): a capability that tracks a survivor's
// support (referrals, commitments, safety plans) registers one.
struct HtcdsSupportPlanProvider {
    std::string name;
    std::function<Status(store::Transaction&, std::string_view first_survivor_id, std::string_view last_survivor_id,
                         bool decrypt,
                         const std::function<Result<const SurvivorSealer*>(const std::string&)>& sealer_of,
                         std::map<std::string, std::vector<ExportRecord>>& by_case)>
        read;
};
const std::vector<HtcdsSupportPlanProvider>& HtcdsSupportPlanProviders();

struct HtcdsOptions {
    std::string agency_id;  // "" for every agency
    bool decrypt = false;   // open identities, places and descriptions
    int batch = 500;
};

struct HtcdsSummary {
    std::int64_t survivors = 0;
    std::int64_t records = 0;
};

// Runs the HTCDS export for `actor` (who must be allowed kExportHtcds when
// options.decrypt, else kExportAnonymised). With decrypt, each batch's
// reads are audited per survivor ("survivor.export_htcds") and committed
// before its records are handed over; the run is audited as "export.htcds".
Result<HtcdsSummary> ExportHtcds(const ServiceContext& ctx, const policy::Actor& actor, const HtcdsOptions& options,
                                 const std::function<Status(const HtcdsRecord&)>& sink, const ProgressFn& progress);

// ---- CTDC: one record per consenting survivor, k-anonymous.

struct CtdcOptions {
    int k = 11;
    std::string agency_id;
    int batch = 2000;
};

// The quasi-identifiers in output order, generalised; "*" is withheld.
inline const std::vector<std::string> kCtdcColumns{"yearOfRegistration",
                                                   "gender",
                                                   "ageBroad",
                                                   "citizenship",
                                                   "typeOfExploitConcatenated",
                                                   "meansOfControlConcatenated",
                                                   "CountryOfExploitation"};

struct CtdcSummary {
    std::int64_t survivors = 0;   // in scope
    std::int64_t consenting = 0;  // with a live statistics consent
    std::int64_t written = 0;
    std::int64_t suppressed = 0;
    int k = 11;
    std::vector<std::pair<std::string, int>> levels;  // generalisation level per quasi-identifier
};

// Runs the anonymised export for `actor` (kExportAnonymised): only survivors
// whose statistics consent is live now; every combination of the written
// quasi-identifiers occurs at least k times. Audited as "export.ctdc".
Result<CtdcSummary> ExportCtdc(const ServiceContext& ctx, const policy::Actor& actor, const CtdcOptions& options,
                               const std::function<Status(const std::vector<std::string>&)>& sink,
                               const ProgressFn& progress);

// The generalisation hierarchies of the CTDC quasi-identifiers (tests use them).
std::vector<QuasiIdentifier> CtdcQuasiIdentifiers();

}  // namespace onestory::domain
