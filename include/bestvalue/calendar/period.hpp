#pragma once

/// \file
/// `Period`: a span of days as council text gives it ('July 2009', 'Feb/Mar 09', '2003/04',
/// 'by 2005'), with its precision and the text it was read from.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>

namespace bestvalue {

/// How precisely a period was written, i.e. what kind of expression it came from.
enum class Precision {
    day,                  ///< '4th April 2003', '22/1/09'
    day_range,            ///< '26th-27th January 2009'
    month,                ///< 'July 2009', 'Dec 08'
    month_range,          ///< 'Feb/Mar 09', 'July-September,2003', 'April 2003 – March 2004'
    quarter,              ///< 'Q3 2004/05' (financial), 'Q1 2009' (calendar)
    season,               ///< 'Autumn, 2004', 'Winter 2004/05' (meteorological seasons)
    financial_year,       ///< '2003/04', '09/10'
    financial_year_range, ///< '2003/04 – 2005/06'
    year,                 ///< '(2005)'
    year_range,           ///< '2008-2013'
    open_by,              ///< 'by 2005', 'before the end of 2003': only an end is known
};

template <>
struct EnumNames<Precision> {
    static constexpr std::array<std::pair<Precision, std::string_view>, 11> names = {{
        {Precision::day, "day"},
        {Precision::day_range, "day_range"},
        {Precision::month, "month"},
        {Precision::month_range, "month_range"},
        {Precision::quarter, "quarter"},
        {Precision::season, "season"},
        {Precision::financial_year, "financial_year"},
        {Precision::financial_year_range, "financial_year_range"},
        {Precision::year, "year"},
        {Precision::year_range, "year_range"},
        {Precision::open_by, "open_by"},
    }};
};

/// The name of a precision as written in documents and JSON: 'month_range', 'open_by' ….
[[nodiscard]] std::string_view to_string(Precision precision);

/// Reads a precision from its name (`to_string`'s inverse).
/// \throws ParseError for an unknown name.
[[nodiscard]] Precision parse_precision(std::string_view name);

/// A span of whole days, both ends inclusive, with the precision it was written at and the
/// original text.
///
/// A period with precision `open_by` has only an end: its start is `-infinity`
/// (`has_open_start()`), so it contains every day up to its end. Periods are regular values:
/// copyable and comparable; two periods are equal when start, end, precision and text are.
class Period {
public:
    /// A period from `start` to `end` inclusive.
    /// \throws ValidationError if `end` is before `start`, if either is not a date (an open
    /// start is allowed for `open_by` only, and `open_by` requires one).
    Period(Date start, Date end, Precision precision, std::string text = {});

    /// An open period that ends on `end`: what 'by 1 April 2009' means.
    [[nodiscard]] static Period by(Date end, std::string text = {});
    /// The single day `day`.
    [[nodiscard]] static Period day(Date day, std::string text = {});
    /// The whole of `month` (1-12) of `year`.
    [[nodiscard]] static Period month(int year, int month, std::string text = {});
    /// The calendar year `year`, 1 January to 31 December.
    [[nodiscard]] static Period year(int year, std::string text = {});

    /// The first day, or `-infinity` for an open period.
    [[nodiscard]] Date start() const noexcept { return start_; }
    /// The last day: a due period is met by work done on or before it.
    [[nodiscard]] Date end() const noexcept { return end_; }
    [[nodiscard]] Precision precision() const noexcept { return precision_; }
    /// The text the period was read from, verbatim; empty for a period built in code.
    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    /// True for an open 'by' period, which has no first day.
    [[nodiscard]] bool has_open_start() const noexcept { return start_.is_neg_infinity(); }
    /// The number of days in the period, both ends counted; empty for an open period.
    [[nodiscard]] std::optional<std::int64_t> length_in_days() const;

    /// True if `day` falls within the period.
    [[nodiscard]] bool contains(Date day) const noexcept;
    /// True if every day of `other` falls within this period.
    [[nodiscard]] bool contains(const Period& other) const noexcept;
    /// True if at least one day is in both periods.
    [[nodiscard]] bool overlaps(const Period& other) const noexcept;

    /// The same span and precision with other text.
    [[nodiscard]] Period with_text(std::string text) const;

    /// The span in words: '1 February 2009 – 31 March 2009', '4 April 2003',
    /// 'by 31 December 2003'.
    [[nodiscard]] std::string describe() const;

    friend bool operator==(const Period& a, const Period& b) noexcept;
    /// Orders by start, then end (open starts first), then precision, then text.
    friend std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept;

private:
    Date start_;
    Date end_;
    Precision precision_;
    std::string text_;
};

/// True if work completed on `completed_on` meets the due period: done by its end.
[[nodiscard]] bool is_met(const Period& due, Date completed_on) noexcept;

/// True if work due in `due` is overdue on `day`: not completed on `day` (never completed, or
/// completed after it) and `day` is after the due period's end.
[[nodiscard]] bool is_overdue_on(const Period& due, Date day,
                                 std::optional<Date> completed_on = std::nullopt) noexcept;

} // namespace bestvalue
