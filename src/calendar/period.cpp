#include <array>
#include <utility>

#include <bestvalue/calendar/period.hpp>
#include <bestvalue/error.hpp>

namespace bestvalue {

namespace {

std::strong_ordering compare_dates(Date a, Date b) noexcept {
    if (a < b) {
        return std::strong_ordering::less;
    }
    if (b < a) {
        return std::strong_ordering::greater;
    }
    return std::strong_ordering::equal;
}

} // namespace

std::string_view to_string(Precision precision) {
    const auto name = to_name(precision);
    return name.empty() ? "unknown" : name;
}

Precision parse_precision(std::string_view name) {
    if (const auto precision = from_name<Precision>(name)) {
        return *precision;
    }
    throw ParseError("unknown precision", name, {});
}

Period::Period(Date start, Date end, Precision precision, std::string text)
    : start_(start)
    , end_(end)
    , precision_(precision)
    , text_(std::move(text)) {
    std::vector<Problem> problems;
    const std::string where = text_.empty() ? "period" : "period '" + text_ + "'";
    if (end_.is_special()) {
        problems.push_back({where, "the end must be a date, not " + to_iso(end_)});
    }
    if (precision_ == Precision::open_by) {
        if (!start_.is_neg_infinity()) {
            problems.push_back(
                {where, "an open_by period has no start, but " + to_iso(start_) + " was given"});
        }
    } else if (start_.is_special()) {
        problems.push_back({where, "the start must be a date for a " +
                                       std::string(to_string(precision_)) + " period"});
    } else if (!end_.is_special() && end_ < start_) {
        problems.push_back(
            {where, "ends on " + to_iso(end_) + ", before it starts on " + to_iso(start_)});
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

Period Period::by(Date end, std::string text) {
    return {Date(boost::gregorian::neg_infin), end, Precision::open_by, std::move(text)};
}

Period Period::day(Date day, std::string text) {
    return {day, day, Precision::day, std::move(text)};
}

Period Period::month(int year, int month, std::string text) {
    return {make_date(year, month, 1, text), make_date(year, month, days_in_month(year, month)),
            Precision::month, std::move(text)};
}

Period Period::year(int year, std::string text) {
    return {make_date(year, 1, 1, text), make_date(year, 12, 31), Precision::year, std::move(text)};
}

std::optional<std::int64_t> Period::length_in_days() const {
    if (has_open_start()) {
        return std::nullopt;
    }
    return (end_ - start_).days() + 1;
}

bool Period::contains(Date day) const noexcept {
    return !day.is_special() && !(day < start_) && !(end_ < day);
}

bool Period::contains(const Period& other) const noexcept {
    return !(other.start_ < start_) && !(end_ < other.end_);
}

bool Period::overlaps(const Period& other) const noexcept {
    return !(other.end_ < start_) && !(end_ < other.start_);
}

Period Period::with_text(std::string text) const {
    Period copy = *this;
    copy.text_ = std::move(text);
    return copy;
}

std::string Period::describe() const {
    if (has_open_start()) {
        return "by " + to_long_string(end_);
    }
    if (start_ == end_) {
        return to_long_string(start_);
    }
    return to_long_string(start_) + " \u2013 " + to_long_string(end_);
}

bool operator==(const Period& a, const Period& b) noexcept {
    return a.start_ == b.start_ && a.end_ == b.end_ && a.precision_ == b.precision_ &&
           a.text_ == b.text_;
}

std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept {
    if (const auto by_start = compare_dates(a.start_, b.start_); by_start != 0) {
        return by_start;
    }
    if (const auto by_end = compare_dates(a.end_, b.end_); by_end != 0) {
        return by_end;
    }
    if (const auto by_precision = a.precision_ <=> b.precision_; by_precision != 0) {
        return by_precision;
    }
    return a.text_ <=> b.text_;
}

bool is_met(const Period& due, Date completed_on) noexcept {
    return !completed_on.is_special() && !(due.end() < completed_on);
}

bool is_overdue_on(const Period& due, Date day, std::optional<Date> completed_on) noexcept {
    const bool completed_by_then = completed_on.has_value() && !(day < *completed_on);
    return !completed_by_then && due.end() < day;
}

} // namespace bestvalue
