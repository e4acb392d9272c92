#pragma once

/// \file
/// Recurring dues such as 'Refreshed annually in March'.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/detail/enum_names.hpp>

namespace bestvalue {

/// How often something recurs.
enum class Frequency { weekly, monthly, quarterly, six_monthly, annual };

template <>
struct EnumNames<Frequency> {
    static constexpr std::array<std::pair<Frequency, std::string_view>, 5> names = {{
        {Frequency::weekly, "weekly"},
        {Frequency::monthly, "monthly"},
        {Frequency::quarterly, "quarterly"},
        {Frequency::six_monthly, "six_monthly"},
        {Frequency::annual, "annual"},
    }};
};

/// The frequency's name: 'weekly', 'monthly', 'quarterly', 'six_monthly', 'annual'.
[[nodiscard]] std::string_view to_string(Frequency frequency);

/// Something done again and again: 'annually', 'Refreshed annually in March', 'quarterly'.
struct Recurrence {
    Frequency frequency = Frequency::annual;
    /// The month it falls in each year (1-12), for an annual recurrence that names one.
    std::optional<int> month;
    /// The text it was read from, verbatim.
    std::string text;

    /// The first occurrence whose period ends on or after `day`, where the recurrence says
    /// enough to know it: an annual one with a month gives that month, a monthly one the
    /// calendar month. Empty when the text does not say when in the year or week it falls.
    [[nodiscard]] std::optional<Period> next_occurrence(Date day) const;

    friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

} // namespace bestvalue
