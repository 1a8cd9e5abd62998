// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/exports/bulk_export.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/strings.hpp"
#include "domain/cases/trafficking_event_types.hpp"
#include "domain/safety/safety_plan_types.hpp"
#include "store/account_rows.hpp"
#include "store/case_rows.hpp"
#include "store/consent_rows.hpp"
#include "store/support_plan_rows.hpp"
#include "store/survivor_rows.hpp"
#include "store/trafficking_event_rows.hpp"

namespace onestory::domain {
namespace {

// One batch of survivors with everything the exports read about them.
struct Batch {
    std::vector<store::SurvivorRow> survivors;
    std::map<std::string, std::vector<store::CaseRow>> cases;
    std::map<std::string, std::vector<store::ConsentRow>> consents;
    std::map<std::string, std::vector<store::TraffickingEventRow>> events;
};

// Walks every survivor in scope, a batch at a time, in one read snapshot.
Status Walk(store::Store& store, const std::string& agency_id, int batch_size,
            const std::function<Status(store::Transaction&, std::int64_t total)>& start,
            const std::function<Status(store::Transaction&, const Batch&)>& each) {
    return store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto total, store::CountSurvivors(tx, agency_id));
        ONESTORY_RETURN_IF_ERROR(start(tx, total));
        std::string after;
        for (;;) {
            Batch batch;
            ONESTORY_ASSIGN_OR_RETURN(batch.survivors, store::ListSurvivorsAfter(tx, after, agency_id, batch_size));
            if (batch.survivors.empty()) return Status::Ok();
            const std::string& first = batch.survivors.front().id;
            const std::string& last = batch.survivors.back().id;
            ONESTORY_ASSIGN_OR_RETURN(auto cases, store::ListCasesOfSurvivorRange(tx, first, last));
            for (auto& c : cases) batch.cases[c.survivor_id].push_back(std::move(c));
            ONESTORY_ASSIGN_OR_RETURN(auto consents, store::ListConsentsOfSurvivorRange(tx, first, last));
            for (auto& c : consents) batch.consents[c.survivor_id].push_back(std::move(c));
            ONESTORY_ASSIGN_OR_RETURN(auto events, store::ListTraffickingEventsOfSurvivorRange(tx, first, last));
            for (auto& e : events) batch.events[e.survivor_id].push_back(std::move(e));
            ONESTORY_RETURN_IF_ERROR(each(tx, batch));
            after = last;
        }
    });
}

std::string ConsentState(const store::ConsentRow& c, std::int64_t now) {
    if (c.revoked_at) return "revoked";
    if (c.valid_until <= now || c.valid_from > now) return "expired";
    return "active";
}

template <class Rows>
const Rows& Of(const std::map<std::string, Rows>& by, const std::string& id) {
    static const Rows kNone;
    const auto found = by.find(id);
    return found == by.end() ? kNone : found->second;
}

// ---- CTDC generalisation hierarchies.

std::string AgeLevel(const std::string& band, int level) {
    if (level == 0) return band;
    if (band.empty() || band == "unknown") return "unknown";
    return band == "0-8" || band == "9-17" ? "0-17" : "18+";
}

std::string YearLevel(const std::string& year, int level) {
    if (level == 0) return year;
    const int y = std::atoi(year.c_str());
    const int start = y - ((y % 5) + 5) % 5;
    return std::to_string(start) + "-" + std::to_string(start + 4);
}

// Exploitation: the types as recorded, then CTDC's three broad kinds.
std::string ExploitLevel(const std::string& joined, int level) {
    if (joined.empty() || joined == "not_recorded") return "not_recorded";
    if (level == 0) return joined;
    bool labour = false, sexual = false, other = false;
    for (const auto& t : SplitList(joined)) {
        if (t == "sexual_exploitation") {
            sexual = true;
        } else if (t == "forced_labour" || t == "domestic_servitude" || t == "forced_begging") {
            labour = true;
        } else {
            other = true;
        }
    }
    std::vector<std::string> kinds;
    if (labour) kinds.emplace_back("forced_labour");
    if (sexual) kinds.emplace_back("sexual_exploitation");
    if (other) kinds.emplace_back("other");
    return kinds.empty() ? "not_recorded" : JoinList(kinds);
}

std::string MeansLevel(const std::string& joined, int level) {
    if (joined.empty() || joined == "not_recorded") return "not_recorded";
    return level == 0 ? joined : "recorded";
}

std::string Same(const std::string& value, int) {
    return value;
}

// "a,b" in the store becomes "a;b" in CTDC files, sorted so sets compare alike.
std::string SortedSet(std::set<std::string> values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ";") + v;
    return out;
}

}  // namespace

std::vector<QuasiIdentifier> CtdcQuasiIdentifiers() {
    auto to_semicolons = [](std::function<std::string(const std::string&, int)> inner) {
        return [inner](const std::string& value, int level) {
            std::string comma = value;
            std::replace(comma.begin(), comma.end(), ';', ',');
            std::string out = inner(comma, level);
            std::replace(out.begin(), out.end(), ',', ';');
            return out;
        };
    };
    return {
        {"yearOfRegistration", 2, YearLevel},
        {"gender", 1, Same},
        {"ageBroad", 2, AgeLevel},
        {"citizenship", 1, Same},
        {"typeOfExploitConcatenated", 2, to_semicolons(ExploitLevel)},
        {"meansOfControlConcatenated", 2, to_semicolons(MeansLevel)},
        {"CountryOfExploitation", 1, Same},
    };
}

namespace {

using SealerOf = std::function<Result<const SurvivorSealer*>(const std::string&)>;
using ByCase = std::map<std::string, std::vector<ExportRecord>>;

// The sealer of a survivor of the batch when the run decrypts; nullptr when
// it does not. A row of a survivor outside the batch (the id range spans
// other agencies' survivors) is skipped: `skip` is set.
Result<const SurvivorSealer*> SealerFor(bool decrypt, const SealerOf& sealer_of, const std::string& survivor_id,
                                        bool& skip) {
    skip = false;
    if (!decrypt) return static_cast<const SurvivorSealer*>(nullptr);
    auto sealer = sealer_of(survivor_id);
    if (!sealer.ok()) {
        skip = true;
        return static_cast<const SurvivorSealer*>(nullptr);
    }
    return *sealer;
}

Status SupportReferrals(store::Transaction& tx, std::string_view first, std::string_view last, bool decrypt,
                        const SealerOf& sealer_of, ByCase& by_case) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListSupportReferrals(tx, first, last));
    for (const auto& r : rows) {
        bool skip = false;
        ONESTORY_ASSIGN_OR_RETURN(const SurvivorSealer* sealer, SealerFor(decrypt, sealer_of, r.survivor_id, skip));
        if (skip) continue;
        ExportRecord rec;
        rec.Add("id", r.id)
            .Add("service_type", r.service_type)
            .Add("provider", r.provider_name)
            .Add("status", r.status)
            .Add("follow_up_by", r.follow_up_by)
            .Add("complete_by", OptionalText(r.complete_by))
            .Add("made_at", InstantValue(r.created_at));
        if (sealer) {
            ONESTORY_ASSIGN_OR_RETURN(auto reason, sealer->Unseal("referral.reason", r.reason, r.id));
            rec.Add("reason", reason);
        }
        by_case[r.case_id].push_back(std::move(rec));
    }
    return Status::Ok();
}

Status SupportCommitments(store::Transaction& tx, std::string_view first, std::string_view last, bool decrypt,
                          const SealerOf& sealer_of, ByCase& by_case) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListSupportCommitments(tx, first, last));
    for (const auto& c : rows) {
        bool skip = false;
        ONESTORY_ASSIGN_OR_RETURN(const SurvivorSealer* sealer, SealerFor(decrypt, sealer_of, c.survivor_id, skip));
        if (skip) continue;
        ExportRecord rec;
        rec.Add("id", c.id)
            .Add("to_survivor", c.to_survivor)
            .Add("due", c.due)
            .Add("status", c.status)
            .Add("resolved_at", OptionalInstant(c.resolved_at));
        if (sealer) {
            ONESTORY_ASSIGN_OR_RETURN(auto what, sealer->Unseal("commitment.what", c.what, c.id));
            rec.Add("what", what);
        }
        by_case[c.case_id].push_back(std::move(rec));
    }
    return Status::Ok();
}

Status SupportSafetyPlans(store::Transaction& tx, std::string_view first, std::string_view last, bool decrypt,
                          const SealerOf& sealer_of, ByCase& by_case) {
    ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListSupportSafetyPlans(tx, first, last));
    for (const auto& p : rows) {
        bool skip = false;
        ONESTORY_ASSIGN_OR_RETURN(const SurvivorSealer* sealer, SealerFor(decrypt, sealer_of, p.survivor_id, skip));
        if (skip) continue;
        ExportRecord rec;
        rec.Add("risk_level", p.risk_level).Add("review_by", p.review_by).Add("updated_at", InstantValue(p.updated_at));
        if (sealer) {
            ONESTORY_ASSIGN_OR_RETURN(auto encoded, sealer->Unseal("safety_plan.items", p.items, p.case_id));
            const auto items = DecodeSafetyItems(encoded);
            if (!items) return Status::Internal("a safety plan's items do not decode");
            std::vector<std::string> lines;
            for (const auto& item : *items) lines.push_back(std::string(NameOf(item.kind)) + ": " + item.text);
            rec.Add("items", lines);
        }
        by_case[p.case_id].push_back(std::move(rec));
    }
    return Status::Ok();
}

}  // namespace

const std::vector<HtcdsSupportPlanProvider>& HtcdsSupportPlanProviders() {
    // The care-coordination records of a case: where the survivor was
    // referred, what was promised, and the safety plan. Their free text is
    // opened only for an authorised run.
    static const std::vector<HtcdsSupportPlanProvider> providers{
        {"referrals", SupportReferrals},
        {"commitments", SupportCommitments},
        {"safety_plan", SupportSafetyPlans},
    };
    return providers;
}

Result<HtcdsSummary> ExportHtcds(const ServiceContext& ctx, const policy::Actor& actor, const HtcdsOptions& options,
                                 const std::function<Status(const HtcdsRecord&)>& sink, const ProgressFn& progress) {
    const auto action = options.decrypt ? policy::Action::kExportHtcds : policy::Action::kExportAnonymised;
    policy::Resource resource;
    resource.owning_agency_id = options.agency_id;
    const auto decision = policy::Decide(actor, action, resource, {});
    if (!decision.allowed) return Refuse(ctx, actor, decision, "export.htcds", "export", "htcds");
    const std::int64_t now = ToMicros(ctx.clock.Now());
    std::map<std::string, store::AgencyRow> agencies;
    HtcdsSummary summary;
    ExportProgress seen;
    const Status walked = Walk(
        ctx.store, options.agency_id, std::max(options.batch, 1),
        [&](store::Transaction& tx, std::int64_t total) -> Status {
            seen.total = total;
            ONESTORY_ASSIGN_OR_RETURN(auto page, store::ListAgencies(tx, {500, std::nullopt}));
            for (;;) {
                for (auto& a : page.items) agencies[a.id] = a;
                if (!page.next) break;
                ONESTORY_ASSIGN_OR_RETURN(page, store::ListAgencies(tx, {500, page.next}));
            }
            if (!options.agency_id.empty() && !agencies.count(options.agency_id)) {
                return Status::Invalid("agency_id", "no such agency");
            }
            return Status::Ok();
        },
        [&](store::Transaction& tx, const Batch& batch) -> Status {
            // Decrypting reads are audited per survivor, and committed, first.
            std::map<std::string, SurvivorSealer> sealers;
            if (options.decrypt) {
                std::vector<audit::AuditEvent> events;
                for (const auto& s : batch.survivors) {
                    audit::AuditEvent e = EventBy(actor, "survivor.export_htcds", "success");
                    e.resource_kind = "survivor";
                    e.resource_id = s.id;
                    e.survivor_id = s.id;
                    e.reason = decision.reason;
                    e.fields = {"legal_name", "birth_date", "contact", "address"};
                    e.detail = "cases=" + std::to_string(Of(batch.cases, s.id).size());
                    events.push_back(std::move(e));
                    ONESTORY_ASSIGN_OR_RETURN(auto sealer, SurvivorSealer::Open(ctx.keyring, s.id, s.data_key));
                    sealers.emplace(s.id, std::move(sealer));
                }
                ONESTORY_RETURN_IF_ERROR(ctx.store.Write([&](store::Transaction& wtx) -> Status {
                    for (const auto& e : events) ONESTORY_RETURN_IF_ERROR(ctx.audit.Append(wtx, e));
                    return Status::Ok();
                }));
            }
            auto sealer_of = [&](const std::string& id) -> Result<const SurvivorSealer*> {
                const auto found = sealers.find(id);
                if (found == sealers.end()) return Status::NotFound("no sealer");
                return &found->second;
            };
            std::map<std::string, std::vector<std::pair<std::string, std::vector<ExportRecord>>>> plan_by_case;
            for (const auto& provider : HtcdsSupportPlanProviders()) {
                std::map<std::string, std::vector<ExportRecord>> by_case;
                ONESTORY_RETURN_IF_ERROR(provider.read(tx, batch.survivors.front().id, batch.survivors.back().id,
                                                       options.decrypt, sealer_of, by_case));
                for (auto& [case_id, records] : by_case) plan_by_case[case_id].emplace_back(provider.name, records);
            }
            for (const auto& s : batch.survivors) {
                HtcdsPerson person;
                person.id = s.id;
                person.code_name = s.code_name;
                person.gender = s.gender ? ParseEnum<Gender>(*s.gender) : std::nullopt;
                person.nationality = s.nationality;
                person.age_band = s.age_band;
                person.languages = SplitList(s.languages);
                const SurvivorSealer* sealer = options.decrypt ? &sealers.at(s.id) : nullptr;
                if (sealer) {
                    Identity identity;
                    ONESTORY_ASSIGN_OR_RETURN(identity.legal_name, sealer->Unseal("legal_name", s.legal_name));
                    ONESTORY_ASSIGN_OR_RETURN(auto birth, sealer->UnsealOptional("birth_date", s.birth_date));
                    if (birth) identity.birth_date = ParseDate(*birth);
                    ONESTORY_ASSIGN_OR_RETURN(identity.contact, sealer->UnsealOptional("contact", s.contact));
                    ONESTORY_ASSIGN_OR_RETURN(identity.address, sealer->UnsealOptional("address", s.address));
                    person.identity = std::move(identity);
                }
                std::vector<HtcdsConsent> consents;
                for (const auto& c : Of(batch.consents, s.id)) {
                    HtcdsConsent hc;
                    hc.id = c.id;
                    hc.recipient_agency_id = c.recipient_agency_id;
                    if (auto a = agencies.find(c.recipient_agency_id); a != agencies.end()) {
                        hc.recipient_agency_name = a->second.name;
                    }
                    hc.purpose = c.purpose;
                    hc.state = ConsentState(c, now);
                    hc.valid_from = FromMicros(c.valid_from);
                    hc.valid_until = FromMicros(c.valid_until);
                    if (c.revoked_at) hc.revoked_at = FromMicros(*c.revoked_at);
                    hc.given_as = c.given_as;
                    hc.language = c.language;
                    hc.consent_text_version = c.consent_text_version;
                    hc.topics = SplitList(c.topics);
                    hc.categories = SplitList(c.categories);
                    consents.push_back(std::move(hc));
                }
                for (const auto& c : Of(batch.cases, s.id)) {
                    HtcdsRecord r;
                    r.case_id = c.id;
                    r.agency_id = c.agency_id;
                    if (auto a = agencies.find(c.agency_id); a != agencies.end()) {
                        r.agency_name = a->second.name;
                        r.agency_kind = a->second.kind;
                    }
                    r.stage = c.stage;
                    r.status = c.status;
                    r.opened_at = FromMicros(c.created_at);
                    r.exploitation_types = SplitList(c.exploitation_types);
                    r.person = person;
                    for (const auto& e : Of(batch.events, s.id)) {
                        if (e.case_id != c.id) continue;
                        HtcdsEvent he;
                        he.id = e.id;
                        he.kind = e.kind;
                        he.country = e.country;
                        if (sealer) {
                            ONESTORY_ASSIGN_OR_RETURN(he.place,
                                                      sealer->UnsealOptional("trafficking_event.place", e.place, e.id));
                            ONESTORY_ASSIGN_OR_RETURN(
                                he.description,
                                sealer->UnsealOptional("trafficking_event.description", e.description, e.id));
                        }
                        he.began_on = e.began_on;
                        he.ended_on = e.ended_on;
                        he.exploitation_types = SplitList(e.exploitation_types);
                        he.means_of_control = SplitList(e.means_of_control);
                        r.events.push_back(std::move(he));
                    }
                    r.consents = consents;
                    if (auto plan = plan_by_case.find(c.id); plan != plan_by_case.end()) {
                        for (const auto& [name, records] : plan->second) {
                            r.support_plan.push_back({name, "", records});
                        }
                    }
                    ONESTORY_RETURN_IF_ERROR(sink(r));
                    ++summary.records;
                }
                ++summary.survivors;
            }
            seen.done += static_cast<std::int64_t>(batch.survivors.size());
            if (progress) progress(seen);
            return Status::Ok();
        });
    ONESTORY_RETURN_IF_ERROR(walked);
    audit::AuditEvent event = EventBy(actor, "export.htcds", "success");
    event.resource_kind = "export";
    event.resource_id = "htcds";
    event.reason = decision.reason;
    event.detail = "agency=" + (options.agency_id.empty() ? std::string("all") : options.agency_id) +
                   " survivors=" + std::to_string(summary.survivors) + " records=" + std::to_string(summary.records) +
                   " identities=" + (options.decrypt ? "yes" : "no");
    ONESTORY_RETURN_IF_ERROR(ctx.store.Write([&](store::Transaction& tx) { return ctx.audit.Append(tx, event); }));
    return summary;
}

Result<CtdcSummary> ExportCtdc(const ServiceContext& ctx, const policy::Actor& actor, const CtdcOptions& options,
                               const std::function<Status(const std::vector<std::string>&)>& sink,
                               const ProgressFn& progress) {
    policy::Resource resource;
    resource.owning_agency_id = options.agency_id;
    const auto decision = policy::Decide(actor, policy::Action::kExportAnonymised, resource, {});
    if (!decision.allowed) return Refuse(ctx, actor, decision, "export.ctdc", "export", "ctdc");
    if (options.k < 2 || options.k > 1000) return Status::Invalid("k", "must be from 2 to 1000");
    const std::int64_t now = ToMicros(ctx.clock.Now());

    // A consenting survivor's quasi-identifiers at level 0, in kCtdcColumns order.
    auto values_of = [&](const store::SurvivorRow& s, const Batch& batch) -> std::optional<std::vector<std::string>> {
        bool consented = false;
        for (const auto& c : Of(batch.consents, s.id)) {
            if (c.purpose == "statistics" && ConsentState(c, now) == "active") consented = true;
        }
        if (!consented) return std::nullopt;
        const auto& cases = Of(batch.cases, s.id);
        const std::int64_t registered = cases.empty() ? s.created_at : cases.front().created_at;
        std::set<std::string> types, means;
        for (const auto& c : cases) {
            for (auto& t : SplitList(c.exploitation_types)) types.insert(std::move(t));
        }
        std::string country;
        std::string country_began;
        for (const auto& e : Of(batch.events, s.id)) {
            for (auto& t : SplitList(e.exploitation_types)) types.insert(std::move(t));
            for (auto& m : SplitList(e.means_of_control)) means.insert(std::move(m));
            // The country of the earliest exploitation.
            if (e.kind == "exploitation" && e.country != "ZZ") {
                const std::string began = e.began_on.value_or("9999");
                if (country.empty() || began < country_began) {
                    country = e.country;
                    country_began = began;
                }
            }
        }
        return std::vector<std::string>{std::to_string(static_cast<int>(DateOf(FromMicros(registered)).year())),
                                        s.gender.value_or("unknown"),
                                        s.age_band.value_or("unknown"),
                                        s.nationality.value_or("unknown"),
                                        types.empty() ? "not_recorded" : SortedSet(types),
                                        means.empty() ? "not_recorded" : SortedSet(means),
                                        country.empty() ? "unknown" : country};
    };

    KAnonymiser anonymiser(CtdcQuasiIdentifiers(), options.k);
    CtdcSummary summary;
    summary.k = options.k;
    ExportProgress seen;
    const int batch_size = std::max(options.batch, 1);
    // Pass 1 counts, pass 2 writes; one snapshot for both, so they see the same survivors.
    ONESTORY_RETURN_IF_ERROR(ctx.store.Read([&](store::Transaction& tx) -> Status {
        if (!options.agency_id.empty()) {
            ONESTORY_ASSIGN_OR_RETURN(auto agency, store::GetAgency(tx, options.agency_id));
            if (!agency) return Status::Invalid("agency_id", "no such agency");
        }
        ONESTORY_ASSIGN_OR_RETURN(seen.total, store::CountSurvivors(tx, options.agency_id));
        seen.total *= 2;  // two passes
        for (int pass = 0; pass < 2; ++pass) {
            std::string after;
            for (;;) {
                Batch batch;
                ONESTORY_ASSIGN_OR_RETURN(batch.survivors,
                                          store::ListSurvivorsAfter(tx, after, options.agency_id, batch_size));
                if (batch.survivors.empty()) break;
                const std::string& first = batch.survivors.front().id;
                const std::string& last = batch.survivors.back().id;
                ONESTORY_ASSIGN_OR_RETURN(auto cases, store::ListCasesOfSurvivorRange(tx, first, last));
                for (auto& c : cases) batch.cases[c.survivor_id].push_back(std::move(c));
                ONESTORY_ASSIGN_OR_RETURN(auto consents, store::ListConsentsOfSurvivorRange(tx, first, last));
                for (auto& c : consents) batch.consents[c.survivor_id].push_back(std::move(c));
                ONESTORY_ASSIGN_OR_RETURN(auto events, store::ListTraffickingEventsOfSurvivorRange(tx, first, last));
                for (auto& e : events) batch.events[e.survivor_id].push_back(std::move(e));
                std::vector<std::string> released;
                for (const auto& s : batch.survivors) {
                    const auto values = values_of(s, batch);
                    if (pass == 0) {
                        ++summary.survivors;
                        if (values) anonymiser.Count(*values);
                    } else if (values && anonymiser.Release(*values, released)) {
                        ONESTORY_RETURN_IF_ERROR(sink(released));
                        ++summary.written;
                    }
                }
                seen.done += static_cast<std::int64_t>(batch.survivors.size());
                if (progress) progress(seen);
                after = last;
            }
            if (pass == 0) anonymiser.Decide();
        }
        return Status::Ok();
    }));
    summary.consenting = anonymiser.counted();
    summary.suppressed = anonymiser.suppressed();
    for (std::size_t i = 0; i < kCtdcColumns.size(); ++i) {
        summary.levels.emplace_back(kCtdcColumns[i], anonymiser.levels()[i]);
    }
    audit::AuditEvent event = EventBy(actor, "export.ctdc", "success");
    event.resource_kind = "export";
    event.resource_id = "ctdc";
    event.reason = decision.reason;
    event.detail = "agency=" + (options.agency_id.empty() ? std::string("all") : options.agency_id) +
                   " k=" + std::to_string(options.k) + " consenting=" + std::to_string(summary.consenting) +
                   " written=" + std::to_string(summary.written) + " suppressed=" + std::to_string(summary.suppressed);
    ONESTORY_RETURN_IF_ERROR(ctx.store.Write([&](store::Transaction& tx) { return ctx.audit.Append(tx, event); }));
    return summary;
}

}  // namespace onestory::domain
