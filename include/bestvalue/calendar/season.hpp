#pragma once

/// \file
/// Meteorological seasons, as in 'Autumn, 2004' and 'Winter 2004/05'.

#include <string_view>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>

namespace bestvalue {

/// A meteorological season: spring March-May, summer June-August, autumn
/// September-November, winter December-February.
enum class Season { spring, summer, autumn, winter };

/// The season's name in lower case: 'spring' ….
[[nodiscard]] std::string_view to_string(Season season);

/// The season a day falls in.
[[nodiscard]] Season season_of(Date day);

/// The season of `year` as a period of precision `season`. A winter belongs to the year of its
/// December: winter 2004 (written 'Winter 2004' or 'Winter 2004/05') runs from 1 December 2004
/// to the end of February 2005.
[[nodiscard]] Period season_period(Season season, int year, std::string text = {});

} // namespace bestvalue
