#pragma once

/// \file
/// Quarters: financial quarters of a UK financial year ('Q3 2004/05', Q1 = April-June) and
/// calendar quarters ('Q1 2009', Q1 = January-March).

#include <compare>
#include <string>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/period.hpp>

namespace bestvalue {

/// A quarter of a financial year: Q1 April-June, Q2 July-September, Q3 October-December,
/// Q4 January-March of the year's second calendar year. Ordered; `+ n` moves by quarters.
class FinancialQuarter {
public:
    /// Quarter `number` (1-4) of `year`.
    /// \throws ValidationError unless 1 <= number <= 4.
    FinancialQuarter(FinancialYear year, int number);

    /// The financial quarter a day falls in.
    [[nodiscard]] static FinancialQuarter containing(Date day);

    [[nodiscard]] FinancialYear year() const noexcept { return year_; }
    /// 1-4.
    [[nodiscard]] int number() const noexcept { return number_; }
    [[nodiscard]] Date first_day() const;
    [[nodiscard]] Date last_day() const;
    /// The quarter as a period of precision `quarter`, with its label as text.
    [[nodiscard]] Period period() const;
    [[nodiscard]] bool contains(Date day) const;
    /// 'Q3 2004/05'.
    [[nodiscard]] std::string label() const;

    /// The quarter `quarters` later (earlier if negative), across year ends.
    [[nodiscard]] FinancialQuarter operator+(int quarters) const;

    friend auto operator<=>(const FinancialQuarter&, const FinancialQuarter&) = default;

private:
    FinancialYear year_;
    int number_;
};

/// A quarter of a calendar year: Q1 January-March … Q4 October-December.
class CalendarQuarter {
public:
    /// Quarter `number` (1-4) of calendar year `year`.
    /// \throws ValidationError unless 1 <= number <= 4.
    CalendarQuarter(int year, int number);

    /// The calendar quarter a day falls in.
    [[nodiscard]] static CalendarQuarter containing(Date day);

    [[nodiscard]] int year() const noexcept { return year_; }
    /// 1-4.
    [[nodiscard]] int number() const noexcept { return number_; }
    [[nodiscard]] Date first_day() const;
    [[nodiscard]] Date last_day() const;
    /// The quarter as a period of precision `quarter`, with its label as text.
    [[nodiscard]] Period period() const;
    [[nodiscard]] bool contains(Date day) const;
    /// 'Q1 2009'.
    [[nodiscard]] std::string label() const;

    /// The quarter `quarters` later (earlier if negative), across year ends.
    [[nodiscard]] CalendarQuarter operator+(int quarters) const;

    friend auto operator<=>(const CalendarQuarter&, const CalendarQuarter&) = default;

private:
    int year_;
    int number_;
};

} // namespace bestvalue
