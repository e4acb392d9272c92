#include <array>
#include <charconv>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/error.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace bestvalue {

namespace {

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Boost's date supports years 1400-9999; outside that it throws its own exception types.
constexpr int first_supported_year = 1400;
constexpr int last_supported_year = 9999;

} // namespace

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) {
        throw ParseError("no month " + std::to_string(month), {}, {});
    }
    return month == 2 && is_leap_year(year) ? 29 : lengths[static_cast<std::size_t>(month - 1)];
}

Date make_date(int year, int month, int day, std::string_view text) {
    if (year < first_supported_year || year > last_supported_year) {
        throw ParseError("impossible date: year " + std::to_string(year) + " is outside " +
                             std::to_string(first_supported_year) + "-" +
                             std::to_string(last_supported_year),
                         text, {});
    }
    if (month < 1 || month > 12) {
        throw ParseError("impossible date: there is no month " + std::to_string(month), text, {});
    }
    const int length = days_in_month(year, month);
    if (day < 1 || day > length) {
        throw ParseError("impossible date: " + std::string(month_name(month)) + " " +
                             std::to_string(year) + " has " + std::to_string(length) +
                             " days, not day " + std::to_string(day),
                         text, {});
    }
    return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
            static_cast<unsigned short>(day)};
}

Date parse_iso_date(std::string_view text) {
    const auto fail = [&](std::string_view reason, std::size_t offset) -> ParseError {
        return ParseError(reason, text, {{}, 1, offset + 1, offset});
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        throw fail("expected an ISO date 'YYYY-MM-DD'", 0);
    }
    const auto number = [&](std::size_t offset, std::size_t length) {
        int value = 0;
        const char* first = text.data() + offset;
        const char* last = first + length;
        const auto [end, error] = std::from_chars(first, last, value);
        if (error != std::errc{} || end != last) {
            throw fail("expected digits in an ISO date 'YYYY-MM-DD'", offset);
        }
        return value;
    };
    try {
        return make_date(number(0, 4), number(5, 2), number(8, 2), text);
    } catch (const ParseError& error) {
        if (error.location().column != 0) {
            throw;
        }
        throw fail(error.reason(), 0);
    }
}

std::string to_iso(Date date) {
    if (date.is_special()) {
        return date.is_neg_infinity() ? "-infinity" : date.is_pos_infinity() ? "+infinity" : "";
    }
    return boost::gregorian::to_iso_extended_string(date);
}

std::string to_long_string(Date date) {
    if (date.is_special()) {
        return to_iso(date);
    }
    return std::to_string(date.day().as_number()) + " " +
           std::string(month_name(date.month().as_number())) + " " +
           std::to_string(static_cast<int>(date.year()));
}

std::string_view month_name(int month) {
    if (month < 1 || month > 12) {
        throw ParseError("no month " + std::to_string(month), {}, {});
    }
    return month_names[static_cast<std::size_t>(month - 1)];
}

} // namespace bestvalue
