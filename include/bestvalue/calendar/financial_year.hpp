#pragma once

/// \file
/// UK financial years, which run from 1 April to 31 March and are written '2003/04'.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>

namespace bestvalue {

class FinancialQuarter;

/// A UK local-government financial year: 1 April of `start_year()` to 31 March of the next.
///
/// Written '2003/04'; '2002/2003', '2002-03' and, with a reference date for the century,
/// '09/10' are read too. Financial years are ordered and support year arithmetic.
class FinancialYear {
public:
    /// The financial year that starts on 1 April of `start_year`.
    explicit FinancialYear(int start_year);

    /// The financial year a day falls in: 31 March 2004 is in 2003/04, 1 April 2004 in 2004/05.
    [[nodiscard]] static FinancialYear containing(Date day);

    /// Reads '2003/04', '2003/2004', '2003-04', '2003-2004' or, with `reference` to fix the
    /// century of two-digit years, '03/04'. The two years must be consecutive.
    /// \throws ParseError for any other text.
    [[nodiscard]] static FinancialYear parse(std::string_view text,
                                             std::optional<Date> reference = std::nullopt);

    /// The calendar year in which it starts (2003 for 2003/04).
    [[nodiscard]] int start_year() const noexcept { return start_year_; }
    /// The calendar year in which it ends (2004 for 2003/04).
    [[nodiscard]] int end_year() const noexcept { return start_year_ + 1; }
    /// 1 April of the start year.
    [[nodiscard]] Date first_day() const;
    /// 31 March of the end year.
    [[nodiscard]] Date last_day() const;
    /// The year as a period of precision `financial_year`, with its label as text.
    [[nodiscard]] Period period() const;
    /// True if `day` falls within the year.
    [[nodiscard]] bool contains(Date day) const;
    /// The label councils write: '2003/04'.
    [[nodiscard]] std::string label() const;

    /// Quarter `number` of this year (1 = April-June … 4 = January-March).
    /// \throws ValidationError unless 1 <= number <= 4.
    [[nodiscard]] FinancialQuarter quarter(int number) const;

    /// The financial year `years` later (earlier if negative).
    [[nodiscard]] FinancialYear operator+(int years) const {
        return FinancialYear(start_year_ + years);
    }
    /// The financial year `years` earlier.
    [[nodiscard]] FinancialYear operator-(int years) const {
        return FinancialYear(start_year_ - years);
    }
    /// How many financial years `a` is after `b`.
    [[nodiscard]] friend int operator-(FinancialYear a, FinancialYear b) noexcept {
        return a.start_year_ - b.start_year_;
    }

    friend auto operator<=>(const FinancialYear&, const FinancialYear&) = default;

private:
    int start_year_;
};

} // namespace bestvalue
