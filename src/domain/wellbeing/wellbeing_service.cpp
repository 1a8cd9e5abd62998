// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
#include "domain/wellbeing/wellbeing_service.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "crypto/field_seal.hpp"
#include "crypto/random.hpp"
#include "store/account_rows.hpp"
#include "store/wellbeing_rows.hpp"

namespace onestory::domain {
namespace {

using policy::Action;

constexpr std::int64_t kMaxMinutesPerEntry = 24 * 60;
constexpr std::size_t kMaxNoteBytes = 4000;
constexpr int kMaxCheckinsShown = 520;  // ten years of weekly check-ins
constexpr std::string_view kCheckinField = "checkin.answers";

std::int64_t StartOf(Date d) {
    return ToMicros(Instant(std::chrono::sys_days(d)));
}

Date AddDays(Date d, int days) {
    return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

Exposure ExposureFrom(const store::ExposureRow& r) {
    Exposure e;
    e.id = r.id;
    e.on = ParseDate(r.on_date).value_or(Date{});
    e.week = ParseDate(r.week).value_or(Date{});
    e.minutes = r.minutes;
    e.kind = ParseEnum<ExposureKind>(r.kind).value_or(ExposureKind::kOther);
    e.created_at = FromMicros(r.created_at);
    return e;
}

// Aggregates are shown to a tenth of an hour and a tenth of a percent.
double Rounded(double value, double per_unit) {
    return std::round(value * per_unit) / per_unit;
}

std::string HoursText(std::int64_t minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", static_cast<double>(minutes) / 60.0);
    return buffer;
}

Nudge NudgeFrom(const store::NudgeRow& r) {
    Nudge n;
    n.id = r.id;
    n.week = ParseDate(r.week).value_or(Date{});
    n.exposure_minutes = r.exposure_minutes;
    n.threshold_minutes = r.threshold_minutes;
    n.status = r.status;
    n.created_at = FromMicros(r.created_at);
    n.message = "In the week of " + r.week + " you logged " + HoursText(r.exposure_minutes) +
                " hours with traumatic material and no debrief. A debrief with someone you trust helps; log it "
                "here when you have had one. Only you see this.";
    return n;
}

// The sealed form of a check-in: "id=value" lines, the score, then the note.
std::string EncodeCheckin(const std::map<std::string, int>& answers, double score,
                          const std::optional<std::string>& note) {
    std::string out = "v1\n";
    for (const auto& [id, value] : answers) out += id + "=" + std::to_string(value) + "\n";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", score);
    out += "score=" + std::string(buffer) + "\n";
    if (note) out += "note=" + *note;
    return out;
}

Status DecodeCheckin(std::string_view text, Checkin& out) {
    if (!text.starts_with("v1\n")) return Status::DataLoss("a check-in is in an unknown format");
    text.remove_prefix(3);
    while (!text.empty()) {
        if (text.starts_with("note=")) {
            out.note = std::string(text.substr(5));
            break;
        }
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return Status::DataLoss("a check-in is cut short");
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) return Status::DataLoss("a check-in line is malformed");
        const std::string_view key = line.substr(0, eq);
        const std::string value(line.substr(eq + 1));
        if (key == "score") {
            out.score = std::strtod(value.c_str(), nullptr);
        } else {
            int n = 0;
            std::from_chars(value.data(), value.data() + value.size(), n);
            out.answers[std::string(key)] = n;
        }
    }
    return Status::Ok();
}

}  // namespace

Date WeekOf(Date day) {
    const std::chrono::sys_days days(day);
    const std::chrono::weekday weekday(days);
    return Date(days - std::chrono::days(weekday.iso_encoding() - 1));
}

Result<ExposureLogged> WellbeingService::LogExposure(const policy::Actor& actor, const NewExposure& in) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.exposure", "staff", actor.id);
    const Instant now = ctx_.clock.Now();
    if (in.minutes < 1 || in.minutes > kMaxMinutesPerEntry) {
        return Status::Invalid("minutes", "must be from 1 to 1440 (one day)");
    }
    if (in.on > DateOf(now)) return Status::Invalid("on", "must not be in the future");
    store::ExposureRow row;
    row.id = crypto::NewIdString("ex");
    row.staff_id = actor.id;
    row.agency_id = actor.agency_id;
    row.on_date = FormatDate(in.on);
    const Date week = WeekOf(in.on);
    row.week = FormatDate(week);
    row.minutes = in.minutes;
    row.kind = std::string(NameOf(in.kind));
    row.created_at = ToMicros(now);
    const std::int64_t threshold = ctx_.settings.exposure_nudge_minutes;

    ExposureLogged out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        out.nudge.reset();
        ONESTORY_RETURN_IF_ERROR(store::InsertExposure(tx, row));
        ONESTORY_ASSIGN_OR_RETURN(out.week_minutes, store::SumExposureMinutes(tx, actor.id, row.week));
        if (out.week_minutes <= threshold) return Status::Ok();
        ONESTORY_ASSIGN_OR_RETURN(
            bool debriefed, store::HasDebriefInWeek(tx, actor.id, row.week, StartOf(week), StartOf(AddDays(week, 7))));
        if (debriefed) return Status::Ok();
        store::NudgeRow nudge{crypto::NewIdString("nd"),
                              actor.id,
                              row.week,
                              out.week_minutes,
                              threshold,
                              "open",
                              row.created_at,
                              std::nullopt,
                              1};
        ONESTORY_ASSIGN_OR_RETURN(bool raised, store::InsertNudgeOnce(tx, nudge));
        if (raised) out.nudge = NudgeFrom(nudge);
        return Status::Ok();
    }));
    out.exposure = ExposureFrom(row);
    return out;
}

Result<store::Page<Exposure>> WellbeingService::ListExposures(const policy::Actor& actor,
                                                              const store::PageRequest& page) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.exposure", "staff", actor.id);
    store::Page<Exposure> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListExposuresOfStaff(tx, actor.id, page));
        for (const auto& r : rows.items) out.items.push_back(ExposureFrom(r));
        out.next = rows.next;
        return Status::Ok();
    }));
    return out;
}

Result<Debrief> WellbeingService::LogDebrief(const policy::Actor& actor, Date on) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.debrief", "staff", actor.id);
    const Instant now = ctx_.clock.Now();
    if (on > DateOf(now)) return Status::Invalid("on", "must not be in the future");
    store::DebriefRow row{crypto::NewIdString("db"), actor.id,     actor.agency_id, FormatDate(on),
                          FormatDate(WeekOf(on)),    ToMicros(now)};
    Debrief out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_RETURN_IF_ERROR(store::InsertDebrief(tx, row));
        ONESTORY_ASSIGN_OR_RETURN(auto resolved, store::ResolveNudgesOfWeek(tx, actor.id, row.week, row.created_at));
        out.nudges_resolved = static_cast<int>(resolved);
        return Status::Ok();
    }));
    out.id = row.id;
    out.on = on;
    out.week = WeekOf(on);
    out.created_at = now;
    return out;
}

Result<std::vector<Nudge>> WellbeingService::ListNudges(const policy::Actor& actor) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.nudges", "staff", actor.id);
    std::vector<Nudge> out;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto rows, store::ListOpenNudges(tx, actor.id));
        for (const auto& r : rows) out.push_back(NudgeFrom(r));
        return Status::Ok();
    }));
    return out;
}

Result<Nudge> WellbeingService::DismissNudge(const policy::Actor& actor, std::string_view id) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.nudges", "staff", actor.id);
    const std::int64_t now = ToMicros(ctx_.clock.Now());
    std::optional<store::NudgeRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetNudge(tx, id));
        // Someone else's nudge is not even acknowledged to exist.
        if (!row || row->staff_id != actor.id) return Status::NotFound("no such nudge");
        ONESTORY_ASSIGN_OR_RETURN(auto closed, store::CloseNudge(tx, id, "dismissed", now));
        if (closed == 1) {
            row->status = "dismissed";
            row->closed_at = now;
        }
        return Status::Ok();
    }));
    return NudgeFrom(*row);
}

Result<Checkin> WellbeingService::TakeCheckin(const policy::Actor& actor, const std::map<std::string, int>& answers,
                                              const std::optional<std::string>& note) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.checkin", "staff", actor.id);
    const CheckinInstrument& instrument = Instrument();
    ONESTORY_RETURN_IF_ERROR(ValidateAnswers(instrument, answers));
    if (note && (note->empty() || note->size() > kMaxNoteBytes)) {
        return Status::Invalid("note", "must be 1 to 4000 bytes");
    }
    const Instant now = ctx_.clock.Now();
    Checkin out;
    out.id = crypto::NewIdString("ci");
    out.taken_at = now;
    out.week = WeekOf(DateOf(now));
    out.instrument_id = instrument.id;
    out.instrument_version = instrument.version;
    out.answers = answers;
    out.score = ScoreOf(instrument, answers);
    out.note = note;
    store::CheckinRow row{
        out.id,
        actor.id,
        actor.agency_id,
        FormatDate(out.week),
        out.instrument_id,
        out.instrument_version,
        crypto::SealField(checkin_key_, actor.id, kCheckinField, EncodeCheckin(answers, out.score, note), out.id),
        ToMicros(now)};
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return store::InsertCheckin(tx, row); }));
    return out;
}

Result<CheckinHistory> WellbeingService::ListCheckins(const policy::Actor& actor) {
    const auto decision = policy::Decide(actor, Action::kOwnWellbeing, {}, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.checkin", "staff", actor.id);
    std::vector<store::CheckinRow> rows;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(rows, store::ListCheckinsOfStaff(tx, actor.id, kMaxCheckinsShown));
        return Status::Ok();
    }));
    CheckinHistory out;
    for (const auto& r : rows) {
        Checkin c;
        c.id = r.id;
        c.taken_at = FromMicros(r.created_at);
        c.week = ParseDate(r.week).value_or(Date{});
        c.instrument_id = r.instrument_id;
        c.instrument_version = r.instrument_version;
        auto opened = crypto::OpenField(checkin_key_, actor.id, kCheckinField, r.answers, r.id);
        if (!opened.ok()) return Status::DataLoss("a check-in failed to open");
        ONESTORY_RETURN_IF_ERROR(DecodeCheckin(*opened, c));
        out.items.push_back(std::move(c));
    }
    // The trend compares check-ins of the instrument in use, never across instruments.
    const CheckinInstrument& in = Instrument();
    std::vector<double> scores;
    for (const auto& c : out.items) {
        if (c.instrument_id == in.id && c.instrument_version == in.version) scores.push_back(c.score);
    }
    if (!scores.empty()) out.trend.latest = scores.back();
    if (scores.size() >= 2) {
        out.trend.previous = scores[scores.size() - 2];
        out.trend.change = scores.back() - scores[scores.size() - 2];
        out.trend.direction = *out.trend.change > 0.5 ? "better" : *out.trend.change < -0.5 ? "worse" : "same";
    }
    return out;
}

Result<Checkin> WellbeingService::GetCheckin(const policy::Actor& actor, std::string_view id) {
    std::optional<store::CheckinRow> row;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(row, store::GetCheckin(tx, id));
        return Status::Ok();
    }));
    if (!row) return Status::NotFound("no such check-in");
    policy::Resource resource;
    resource.owning_agency_id = row->agency_id;
    resource.subject_staff_id = row->staff_id;
    const auto decision = policy::Decide(actor, Action::kReadCheckin, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.checkin.read", "checkin", row->id);
    Checkin c;
    c.id = row->id;
    c.taken_at = FromMicros(row->created_at);
    c.week = ParseDate(row->week).value_or(Date{});
    c.instrument_id = row->instrument_id;
    c.instrument_version = row->instrument_version;
    auto opened = crypto::OpenField(checkin_key_, row->staff_id, kCheckinField, row->answers, row->id);
    if (!opened.ok()) return Status::DataLoss("a check-in failed to open");
    ONESTORY_RETURN_IF_ERROR(DecodeCheckin(*opened, c));
    return c;
}

Result<WellbeingSummary> WellbeingService::Summary(const policy::Actor& actor,
                                                   const std::optional<std::string>& agency_id,
                                                   std::optional<Date> from, std::optional<Date> to) {
    const std::string agency = agency_id.value_or(actor.agency_id);
    policy::Resource resource;
    resource.owning_agency_id = agency;
    const auto decision = policy::Decide(actor, Action::kReadWellbeingSummary, resource, {});
    if (!decision.allowed) return Refuse(ctx_, actor, decision, "wellbeing.summary", "agency", agency);
    const Date today = DateOf(ctx_.clock.Now());
    const Date last = WeekOf(to.value_or(today));
    const Date first = WeekOf(from.value_or(AddDays(last, -7 * 11)));
    if (last < first) return Status::Invalid("to", "must not be before from");
    if (std::chrono::sys_days(last) - std::chrono::sys_days(first) > std::chrono::days(7 * 104)) {
        return Status::Invalid("from", "a summary covers at most two years");
    }

    std::int64_t active = 0;
    std::vector<store::WeeklyWellbeingRow> weeks;
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Read([&](store::Transaction& tx) -> Status {
        ONESTORY_ASSIGN_OR_RETURN(auto found, store::GetAgency(tx, agency));
        if (!found) return Status::Invalid("agency_id", "no such agency");
        ONESTORY_ASSIGN_OR_RETURN(active, store::CountActiveStaff(tx, agency));
        ONESTORY_ASSIGN_OR_RETURN(weeks, store::WeeklyWellbeing(tx, agency, FormatDate(first), FormatDate(last)));
        return Status::Ok();
    }));

    WellbeingSummary out;
    out.agency_id = agency;
    out.minimum_staff = kMinimumStaff;
    const bool enough_staff = active >= kMinimumStaff;
    if (enough_staff) {
        out.active_staff = active;
    } else {
        out.notes.emplace_back("This agency has fewer than " + std::to_string(kMinimumStaff) +
                               " active staff: no figure is shown.");
    }
    out.notes.emplace_back("Exposure is shown for weeks in which at least " + std::to_string(kMinimumStaff) +
                           " staff logged some. No individual's records or check-ins are shown to anyone but them.");
    std::map<std::string, store::WeeklyWellbeingRow> by_week;
    for (auto& w : weeks) by_week[w.week] = w;
    for (Date week = first; week <= last; week = AddDays(week, 7)) {
        WellbeingWeek w;
        w.week = week;
        const auto found = by_week.find(FormatDate(week));
        const store::WeeklyWellbeingRow row = found == by_week.end() ? store::WeeklyWellbeingRow{} : found->second;
        if (enough_staff && row.staff_with_exposure >= kMinimumStaff) {
            const double hours = static_cast<double>(row.exposure_minutes) / 60.0;
            w.staff_with_exposure = row.staff_with_exposure;
            w.exposure_hours = Rounded(hours, 10);
            w.mean_exposure_hours = Rounded(hours / static_cast<double>(row.staff_with_exposure), 10);
        }
        if (enough_staff) {
            w.share_checked_in = Rounded(
                static_cast<double>(std::min(row.staff_checked_in, active)) / static_cast<double>(active), 1000);
        }
        out.weeks.push_back(w);
    }

    audit::AuditEvent event = EventBy(actor, "wellbeing.summary", "success");
    event.resource_kind = "agency";
    event.resource_id = agency;
    event.reason = decision.reason;
    event.detail = "from=" + FormatDate(first) + " to=" + FormatDate(last);
    ONESTORY_RETURN_IF_ERROR(ctx_.store.Write([&](store::Transaction& tx) { return ctx_.audit.Append(tx, event); },
                                              store::Durability::kDeferred));
    return out;
}

}  // namespace onestory::domain
