// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.hpp"
#include "domain/sealer.hpp"
#include "domain/service_context.hpp"
#include "store/case_rows.hpp"
#include "store/survivor_rows.hpp"

namespace onestory::domain {

// A survivor's own copy of everything onestory holds about them (the right
// of access), in readable form: protected values opened, enumerations by
// name, instants in RFC 3339.
//
// The copy is assembled from sections, one per kind of record, each naming
// the store tables it covers. A capability that adds a table holding a
// survivor_id or case_id adds a section here (or an exclusion with its
// reason); a test fails until it does, so the copy cannot silently miss a
// record.
using ExportValue = std::variant<std::monostate, std::string, std::int64_t, double, bool, std::vector<std::string>>;

struct ExportRecord {
    std::vector<std::pair<std::string, ExportValue>> fields;

    ExportRecord& Add(std::string name, ExportValue value) {
        fields.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

struct ExportSection {
    std::string name;
    std::string description;
    std::vector<ExportRecord> records;
};

struct SurvivorExport {
    std::string survivor_id;
    Instant generated_at;
    std::vector<ExportSection> sections;
};

// What every section reads from, inside one read transaction.
struct ExportSubject {
    const store::SurvivorRow& survivor;
    const std::vector<store::CaseRow>& cases;
    const SurvivorSealer& sealer;
    const audit::AuditLog& audit;
};

struct SurvivorExportSection {
    std::string name;
    std::string description;
    std::vector<std::string> tables;
    std::function<Status(store::Transaction&, const ExportSubject&, ExportSection&)> read;
};

// Every section, in the order of the copy.
const std::vector<SurvivorExportSection>& SurvivorExportSections();
// Tables with a survivor_id or case_id column that no section reads, each
// with the reason.
const std::vector<std::pair<std::string, std::string>>& SurvivorExportExclusions();

// The copy itself. The survivor's case team (of any of their cases in the
// owning agency) and their registrant may take it; it is audited as
// "survivor.export", naming the sections, before it is returned.
class SurvivorExportService {
  public:
    explicit SurvivorExportService(const ServiceContext& ctx) : ctx_(ctx) {}

    Result<SurvivorExport> Export(const policy::Actor& actor, std::string_view survivor_id);

  private:
    const ServiceContext& ctx_;
};

// Helpers shared with the sections and the bulk exports.
ExportValue OptionalText(const std::optional<std::string>& v);
ExportValue OptionalInstant(const std::optional<std::int64_t>& micros);
ExportValue InstantValue(std::int64_t micros);
ExportValue ListValue(const std::string& comma_joined);

}  // namespace onestory::domain
