#include <cstdio>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/error.hpp>

namespace bestvalue {

FinancialYear::FinancialYear(int start_year)
    : start_year_(start_year) {}

FinancialYear FinancialYear::containing(Date day) {
    const int year = day.year();
    return FinancialYear(day.month() >= 4 ? year : year - 1);
}

FinancialYear FinancialYear::parse(std::string_view text, std::optional<Date> reference) {
    // One reader serves every kind of date text, so a financial year means the same thing
    // wherever it is written.
    const Period period = parse_period(text, reference);
    if (period.precision() != Precision::financial_year) {
        throw ParseError("expected a financial year such as '2003/04', not a " +
                             std::string(to_string(period.precision())),
                         text, {});
    }
    return containing(period.start());
}

Date FinancialYear::first_day() const {
    return make_date(start_year_, 4, 1);
}

Date FinancialYear::last_day() const {
    return make_date(start_year_ + 1, 3, 31);
}

Period FinancialYear::period() const {
    return {first_day(), last_day(), Precision::financial_year, label()};
}

bool FinancialYear::contains(Date day) const {
    return !day.is_special() && !(day < first_day()) && !(last_day() < day);
}

std::string FinancialYear::label() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d/%02d", start_year_, (start_year_ + 1) % 100);
    return buffer;
}

FinancialQuarter FinancialYear::quarter(int number) const {
    return {*this, number};
}

} // namespace bestvalue
