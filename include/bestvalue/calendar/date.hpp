#pragma once

/// \file
/// Calendar dates. bestvalue uses Boost.Date_Time's proleptic Gregorian date as its date type,
/// so users can do date arithmetic with a well-known library; this header adds the few
/// conversions council text needs.

#include <string>
#include <string_view>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace bestvalue {

/// A calendar day. An open end of a `Period` is the special value `-infinity`.
using Date = boost::gregorian::date;

/// The number of days in `month` (1-12) of `year`, leap years included.
[[nodiscard]] int days_in_month(int year, int month);

/// Builds a date from its parts, checking it exists.
///
/// \throws ParseError naming the impossible date ('31 February 2009', 'month 13') when it does
/// not; `text` is the text the parts were read from, for the message.
[[nodiscard]] Date make_date(int year, int month, int day, std::string_view text = {});

/// Reads an ISO 8601 calendar date, 'YYYY-MM-DD'.
///
/// \throws ParseError if the text is not of that form or names a day that does not exist.
[[nodiscard]] Date parse_iso_date(std::string_view text);

/// Writes a date as ISO 8601 'YYYY-MM-DD' ('-infinity' and '+infinity' for open ends).
[[nodiscard]] std::string to_iso(Date date);

/// Writes a date as council papers do: '1 February 2009'.
[[nodiscard]] std::string to_long_string(Date date);

/// The full English name of `month` (1-12): 'January' … 'December'.
[[nodiscard]] std::string_view month_name(int month);

} // namespace bestvalue
