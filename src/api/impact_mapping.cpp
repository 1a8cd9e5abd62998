// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "api/impact_mapping.hpp"

#include <cstdio>

#include "api/json_access.hpp"

namespace onestory::domain {
namespace json = boost::json;

namespace {

json::value OptionalDate(const std::optional<Date>& d) {
    if (!d) return nullptr;
    return json::value(FormatDate(*d));
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const Course& c) {
    jv = json::object{{"id", c.id},
                      {"agency_id", c.agency_id},
                      {"title", c.title},
                      {"curriculum", c.curriculum},
                      {"hours", c.hours},
                      {"topics", api::ToJsonArray(c.topics)},
                      {"valid_months", c.valid_months ? json::value(*c.valid_months) : json::value(nullptr)},
                      {"created_by", c.created_by},
                      {"created_at", FormatInstant(c.created_at)},
                      {"version", c.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const TrainingSession& s) {
    jv = json::object{{"id", s.id},
                      {"training_id", s.course_id},
                      {"agency_id", s.agency_id},
                      {"date", FormatDate(s.held_on)},
                      {"place", s.place},
                      {"country", s.country},
                      {"trainer", s.trainer},
                      {"trainer_staff_id", api::OptionalString(s.trainer_staff_id)},
                      {"created_at", FormatInstant(s.created_at)},
                      {"version", s.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Participant& p) {
    jv = json::object{{"id", p.id},
                      {"session_id", p.session_id},
                      {"training_id", p.course_id},
                      {"date", FormatDate(p.held_on)},
                      {"name", p.name},
                      {"profession", NameOf(p.profession)},
                      {"agency_id", api::OptionalString(p.agency_id)},
                      {"agency_name", p.agency_name},
                      {"country", p.country},
                      {"staff_id", api::OptionalString(p.staff_id)},
                      {"completed", p.completed},
                      {"completed_on", OptionalDate(p.completed_on)},
                      {"certificate_id", api::OptionalString(p.certificate_id)},
                      {"expires", OptionalDate(p.expires_on)},
                      {"valid", p.valid},
                      {"created_at", FormatInstant(p.created_at)},
                      {"updated_at", FormatInstant(p.updated_at)},
                      {"version", p.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const StaffTraining& t) {
    json::value p = json::value_from(t.participation);
    p.as_object()["training_title"] = t.course_title;
    jv = std::move(p);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Exposure& e) {
    jv = json::object{{"id", e.id},           {"on", FormatDate(e.on)}, {"week", FormatDate(e.week)},
                      {"minutes", e.minutes}, {"kind", NameOf(e.kind)}, {"created_at", FormatInstant(e.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Nudge& n) {
    jv = json::object{{"id", n.id},
                      {"week", FormatDate(n.week)},
                      {"exposure_minutes", n.exposure_minutes},
                      {"threshold_minutes", n.threshold_minutes},
                      {"status", n.status},
                      {"message", n.message},
                      {"created_at", FormatInstant(n.created_at)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const Checkin& c) {
    json::object answers;
    for (const auto& [id, value] : c.answers) answers[id] = value;
    jv = json::object{{"id", c.id},
                      {"taken_at", FormatInstant(c.taken_at)},
                      {"week", FormatDate(c.week)},
                      {"instrument", json::object{{"id", c.instrument_id}, {"version", c.instrument_version}}},
                      {"answers", std::move(answers)},
                      {"score", c.score},
                      {"note", api::OptionalString(c.note)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const TraffickingEvent& e) {
    jv = json::object{{"id", e.id},
                      {"case_id", e.case_id},
                      {"kind", NameOf(e.kind)},
                      {"country", e.country},
                      {"place", api::OptionalString(e.place)},
                      {"began_on", OptionalDate(e.began_on)},
                      {"ended_on", OptionalDate(e.ended_on)},
                      {"exploitation_types", api::EnumArray(e.exploitation_types)},
                      {"means_of_control", api::EnumArray(e.means_of_control)},
                      {"description", api::OptionalString(e.description)},
                      {"recorded_by", e.recorded_by},
                      {"created_at", FormatInstant(e.created_at)},
                      {"version", e.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const ReportInfo& r) {
    jv = json::object{{"name", r.name}, {"title", r.title}, {"description", r.description}};
}

}  // namespace onestory::domain

namespace onestory::api {
namespace json = boost::json;
namespace {

std::string CellText(const domain::ReportCell& cell, int threshold) {
    switch (cell.mark) {
        case domain::CellMark::kShown:
            return std::to_string(cell.value.value_or(0));
        case domain::CellMark::kSmall:
            return "<" + std::to_string(threshold);
        case domain::CellMark::kWithheld:
            return "x";
    }
    return "x";
}

json::value CellJson(const domain::ReportCell& cell, int threshold) {
    if (cell.mark == domain::CellMark::kShown) return *cell.value;
    return json::value(CellText(cell, threshold));
}

json::array CellsJson(const std::vector<domain::ReportCell>& cells, int threshold) {
    json::array out;
    for (const auto& c : cells) out.push_back(CellJson(c, threshold));
    return out;
}

// RFC 4180: quote a field holding a comma, quote or line break.
std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string Number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", v);
    return buffer;
}

json::value ExportValueJson(const domain::ExportValue& v) {
    return std::visit(
        [](const auto& x) -> json::value {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return nullptr;
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                return ToJsonArray(x);
            } else {
                return json::value(x);
            }
        },
        v);
}

}  // namespace

json::value ReportJson(const domain::Report& r) {
    json::array tables;
    for (const auto& t : r.tables) {
        json::array rows;
        for (std::size_t i = 0; i < t.row_labels.size(); ++i) {
            json::object row{{"label", t.row_labels[i]}, {"cells", CellsJson(t.cells[i], r.threshold)}};
            row["total"] = t.row_totals.empty() ? json::value(nullptr) : CellJson(t.row_totals[i], r.threshold);
            rows.push_back(std::move(row));
        }
        tables.push_back(json::object{{"name", t.name},
                                      {"title", t.title},
                                      {"row_dimension", t.row_dimension},
                                      {"column_dimension", t.column_dimension},
                                      {"columns", ToJsonArray(t.column_labels)},
                                      {"rows", std::move(rows)},
                                      {"column_totals", CellsJson(t.column_totals, r.threshold)},
                                      {"total", CellJson(t.total, r.threshold)}});
    }
    json::array measures;
    for (const auto& m : r.measures) {
        measures.push_back(json::object{{"name", m.name},
                                        {"title", m.title},
                                        {"unit", m.unit},
                                        {"value", m.value ? json::value(*m.value) : json::value(nullptr)},
                                        {"basis", CellJson(m.basis, r.threshold)},
                                        {"note", m.note.empty() ? json::value(nullptr) : json::value(m.note)}});
    }
    return json::object{{"name", r.name},
                        {"title", r.title},
                        {"description", r.description},
                        {"parameters", json::object{{"from", r.from ? json::value(FormatDate(*r.from)) : nullptr},
                                                    {"to", r.to ? json::value(FormatDate(*r.to)) : nullptr},
                                                    {"agency_id", OptionalString(r.agency_id)}}},
                        {"threshold", r.threshold},
                        {"generated_at", FormatInstant(r.generated_at)},
                        {"tables", std::move(tables)},
                        {"measures", std::move(measures)},
                        {"notes", ToJsonArray(r.notes)}};
}

std::string ReportCsv(const domain::Report& r) {
    std::string out;
    auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
        out += "\r\n";
    };
    line({r.title});
    line({"from", r.from ? FormatDate(*r.from) : "", "to", r.to ? FormatDate(*r.to) : "", "agency_id",
          r.agency_id.value_or("all")});
    for (const auto& t : r.tables) {
        out += "\r\n";
        line({t.title});
        std::vector<std::string> header{t.row_dimension};
        for (const auto& c : t.column_labels) header.push_back(c);
        if (!t.row_totals.empty()) header.emplace_back("total");
        line(header);
        for (std::size_t i = 0; i < t.row_labels.size(); ++i) {
            std::vector<std::string> row{t.row_labels[i]};
            for (const auto& c : t.cells[i]) row.push_back(CellText(c, r.threshold));
            if (!t.row_totals.empty()) row.push_back(CellText(t.row_totals[i], r.threshold));
            line(row);
        }
        std::vector<std::string> totals{"total"};
        for (const auto& c : t.column_totals) totals.push_back(CellText(c, r.threshold));
        if (!t.row_totals.empty()) totals.push_back(CellText(t.total, r.threshold));
        line(totals);
    }
    if (!r.measures.empty()) {
        out += "\r\n";
        line({"measure", "value", "unit", "basis", "note"});
        for (const auto& m : r.measures) {
            line({m.name, m.value ? Number(*m.value) : "", m.unit, CellText(m.basis, r.threshold), m.note});
        }
    }
    out += "\r\n";
    for (const auto& n : r.notes) line({n});
    return out;
}

json::value InstrumentJson(const domain::CheckinInstrument& in) {
    json::array items;
    for (const auto& i : in.items)
        items.push_back(json::object{{"id", i.id}, {"text", i.text}, {"reverse", i.reverse}});
    return json::object{
        {"id", in.id},
        {"version", in.version},
        {"title", in.title},
        {"attribution", in.attribution},
        {"instructions", in.instructions},
        {"scale", json::object{{"min", in.scale_min}, {"max", in.scale_max}, {"labels", ToJsonArray(in.scale_labels)}}},
        {"items", std::move(items)}};
}

json::value CheckinHistoryJson(const domain::CheckinHistory& h) {
    json::array items;
    // Newest first, as every list.
    for (auto it = h.items.rbegin(); it != h.items.rend(); ++it) items.push_back(json::value_from(*it));
    json::array points;
    for (const auto& c : h.items) {
        points.push_back(json::object{
            {"taken_at", FormatInstant(c.taken_at)}, {"score", c.score}, {"instrument_version", c.instrument_version}});
    }
    auto opt = [](const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); };
    return json::object{
        {"items", std::move(items)},
        {"next_cursor", nullptr},
        {"trend",
         json::object{{"latest", opt(h.trend.latest)},
                      {"previous", opt(h.trend.previous)},
                      {"change", opt(h.trend.change)},
                      {"direction", h.trend.direction.empty() ? json::value(nullptr) : json::value(h.trend.direction)},
                      {"points", std::move(points)}}}};
}

json::value WellbeingSummaryJson(const domain::WellbeingSummary& s) {
    json::array weeks;
    auto opt = [](const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); };
    for (const auto& w : s.weeks) {
        weeks.push_back(json::object{
            {"week", FormatDate(w.week)},
            {"exposure_hours", opt(w.exposure_hours)},
            {"mean_exposure_hours", opt(w.mean_exposure_hours)},
            {"staff_with_exposure", w.staff_with_exposure ? json::value(*w.staff_with_exposure) : json::value(nullptr)},
            {"share_checked_in", opt(w.share_checked_in)}});
    }
    return json::object{{"agency_id", s.agency_id},
                        {"minimum_staff", s.minimum_staff},
                        {"active_staff", s.active_staff ? json::value(*s.active_staff) : json::value(nullptr)},
                        {"weeks", std::move(weeks)},
                        {"notes", ToJsonArray(s.notes)}};
}

json::value SurvivorExportJson(const domain::SurvivorExport& copy) {
    json::object sections;
    for (const auto& section : copy.sections) {
        json::array records;
        for (const auto& record : section.records) {
            json::object o;
            for (const auto& [name, value] : record.fields) o[name] = ExportValueJson(value);
            records.push_back(std::move(o));
        }
        sections[section.name] = json::object{{"description", section.description}, {"records", std::move(records)}};
    }
    return json::object{{"survivor_id", copy.survivor_id},
                        {"generated_at", FormatInstant(copy.generated_at)},
                        {"format", "onestory-survivor-export-1"},
                        {"sections", std::move(sections)}};
}

Schema ReportInfoSchema() {
    return Schema::Object({Required("name", Schema::String()), Required("title", Schema::String()),
                           Required("description", Schema::String())});
}

Schema ReportSchema() {
    const Schema cell = Schema::Any().Describe("a count, \"<N\" (below the threshold N) or \"x\" (withheld)");
    return Schema::Object({
        Required("name", Schema::String()),
        Required("title", Schema::String()),
        Required("description", Schema::String()),
        Required("parameters",
                 Schema::Object({Required("from", Schema::Date().Nullable()), Required("to", Schema::Date().Nullable()),
                                 Required("agency_id", Schema::String().Nullable())})),
        Required("threshold", Schema::Integer()),
        Required("generated_at", Schema::DateTime()),
        Required("tables", Schema::Array(Schema::Object({
                               Required("name", Schema::String()),
                               Required("title", Schema::String()),
                               Required("row_dimension", Schema::String()),
                               Required("column_dimension", Schema::String()),
                               Required("columns", Schema::Array(Schema::String())),
                               Required("rows", Schema::Array(Schema::Object({Required("label", Schema::String()),
                                                                              Required("cells", Schema::Array(cell)),
                                                                              Required("total", cell)}))),
                               Required("column_totals", Schema::Array(cell)),
                               Required("total", cell),
                           }))),
        Required("measures", Schema::Array(Schema::Object(
                                 {Required("name", Schema::String()), Required("title", Schema::String()),
                                  Required("unit", Schema::String()), Required("value", Schema::Number().Nullable()),
                                  Required("basis", cell), Required("note", Schema::String().Nullable())}))),
        Required("notes", Schema::Array(Schema::String())),
    });
}

Schema CourseSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("agency_id", Schema::String()),
                           Required("title", Schema::String()), Required("curriculum", Schema::String()),
                           Required("hours", Schema::Number()), Required("topics", Schema::Array(Schema::String())),
                           Required("valid_months", Schema::Integer().Nullable()),
                           Required("created_by", Schema::String()), Required("created_at", Schema::DateTime()),
                           Required("version", Schema::Integer())});
}

Schema TrainingSessionSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("training_id", Schema::String()),
                           Required("agency_id", Schema::String()), Required("date", Schema::Date()),
                           Required("place", Schema::String()), Required("country", Schema::String()),
                           Required("trainer", Schema::String()),
                           Required("trainer_staff_id", Schema::String().Nullable()),
                           Required("created_at", Schema::DateTime()), Required("version", Schema::Integer())});
}

Schema ParticipantSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("session_id", Schema::String()),
         Required("training_id", Schema::String()), Required("date", Schema::Date()),
         Required("name", Schema::String()), Required("profession", Schema::EnumOf<domain::Profession>()),
         Required("agency_id", Schema::String().Nullable()), Required("agency_name", Schema::String()),
         Required("country", Schema::String()), Required("staff_id", Schema::String().Nullable()),
         Required("completed", Schema::Boolean()), Required("completed_on", Schema::Date().Nullable()),
         Required("certificate_id", Schema::String().Nullable()), Required("expires", Schema::Date().Nullable()),
         Required("valid", Schema::Boolean().Describe("completed and not expired today")),
         Required("created_at", Schema::DateTime()), Required("updated_at", Schema::DateTime()),
         Required("version", Schema::Integer())});
}

Schema StaffTrainingSchema() {
    return ParticipantSchema().Open().Describe("a participation, with training_title");
}

Schema ExposureSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("on", Schema::Date()),
         Required("week", Schema::Date().Describe("the Monday of its week")), Required("minutes", Schema::Integer()),
         Required("kind", Schema::EnumOf<domain::ExposureKind>()), Required("created_at", Schema::DateTime())});
}

Schema NudgeSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("week", Schema::Date()),
                           Required("exposure_minutes", Schema::Integer()),
                           Required("threshold_minutes", Schema::Integer()),
                           Required("status", Schema::Enum({"open", "resolved", "dismissed"})),
                           Required("message", Schema::String()), Required("created_at", Schema::DateTime())});
}

Schema CheckinSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("taken_at", Schema::DateTime()), Required("week", Schema::Date()),
         Required("instrument",
                  Schema::Object({Required("id", Schema::String()), Required("version", Schema::String())})),
         Required("answers", Schema::Object({}).Open().Describe("item id to answer")),
         Required("score", Schema::Number().Describe("0 to 100, higher is better")),
         Required("note", Schema::String().Nullable())});
}

Schema CheckinHistorySchema() {
    return Schema::Object(
        {Required("items", Schema::Array(CheckinSchema())), Required("next_cursor", Schema::String().Nullable()),
         Required("trend", Schema::Object({Required("latest", Schema::Number().Nullable()),
                                           Required("previous", Schema::Number().Nullable()),
                                           Required("change", Schema::Number().Nullable()),
                                           Required("direction", Schema::Enum({"better", "worse", "same"}).Nullable()),
                                           Required("points", Schema::Array(Schema::Object({}).Open()))}))});
}

Schema CheckinInstrumentSchema() {
    return Schema::Object(
        {Required("id", Schema::String()), Required("version", Schema::String()), Required("title", Schema::String()),
         Required("attribution", Schema::String()), Required("instructions", Schema::String()),
         Required("scale", Schema::Object({Required("min", Schema::Integer()), Required("max", Schema::Integer()),
                                           Required("labels", Schema::Array(Schema::String()))})),
         Required("items",
                  Schema::Array(Schema::Object({Required("id", Schema::String()), Required("text", Schema::String()),
                                                Required("reverse", Schema::Boolean())})))});
}

Schema WellbeingSummarySchema() {
    return Schema::Object(
        {Required("agency_id", Schema::String()), Required("minimum_staff", Schema::Integer()),
         Required("active_staff", Schema::Integer().Nullable()),
         Required("weeks", Schema::Array(Schema::Object({Required("week", Schema::Date()),
                                                         Required("exposure_hours", Schema::Number().Nullable()),
                                                         Required("mean_exposure_hours", Schema::Number().Nullable()),
                                                         Required("staff_with_exposure", Schema::Integer().Nullable()),
                                                         Required("share_checked_in", Schema::Number().Nullable())}))),
         Required("notes", Schema::Array(Schema::String()))});
}

Schema TraffickingEventSchema() {
    return Schema::Object({Required("id", Schema::String()), Required("case_id", Schema::String()),
                           Required("kind", Schema::EnumOf<domain::EventKind>()), Required("country", Schema::String()),
                           Required("place", Schema::String().Nullable().Describe("protected")),
                           Required("began_on", Schema::Date().Nullable()),
                           Required("ended_on", Schema::Date().Nullable()),
                           Required("exploitation_types", Schema::Array(Schema::EnumOf<domain::ExploitationType>())),
                           Required("means_of_control", Schema::Array(Schema::EnumOf<domain::MeansOfControl>())),
                           Required("description", Schema::String().Nullable().Describe("protected")),
                           Required("recorded_by", Schema::String()), Required("created_at", Schema::DateTime()),
                           Required("version", Schema::Integer())});
}

Schema SurvivorExportSchema() {
    return Schema::Object({Required("survivor_id", Schema::String()), Required("generated_at", Schema::DateTime()),
                           Required("format", Schema::String()),
                           Required("sections", Schema::Object({}).Open().Describe(
                                                    "one member per kind of record: {description, records}"))});
}

}  // namespace onestory::api
