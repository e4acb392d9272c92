#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/error.hpp>

namespace bestvalue {

namespace {

void check_quarter_number(int number, std::string_view what) {
    if (number < 1 || number > 4) {
        throw ValidationError(
            {{std::string(what), "quarter must be 1-4, not " + std::to_string(number)}});
    }
}

// Quarters are counted from an origin so that moving by n quarters is one division.
int floor_div(int a, int b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

} // namespace

FinancialQuarter::FinancialQuarter(FinancialYear year, int number)
    : year_(year)
    , number_(number) {
    check_quarter_number(number, "financial quarter");
}

FinancialQuarter FinancialQuarter::containing(Date day) {
    const auto year = FinancialYear::containing(day);
    const int month = day.month();
    const int months_into_year = (month + 12 - 4) % 12;
    return {year, months_into_year / 3 + 1};
}

Date FinancialQuarter::first_day() const {
    const int month = (number_ - 1) * 3 + 4; // 4, 7, 10, 13
    return month > 12 ? make_date(year_.end_year(), month - 12, 1)
                      : make_date(year_.start_year(), month, 1);
}

Date FinancialQuarter::last_day() const {
    const int month = number_ * 3 + 3; // 6, 9, 12, 15
    const int year = month > 12 ? year_.end_year() : year_.start_year();
    const int calendar_month = month > 12 ? month - 12 : month;
    return make_date(year, calendar_month, days_in_month(year, calendar_month));
}

Period FinancialQuarter::period() const {
    return {first_day(), last_day(), Precision::quarter, label()};
}

bool FinancialQuarter::contains(Date day) const {
    return !day.is_special() && !(day < first_day()) && !(last_day() < day);
}

std::string FinancialQuarter::label() const {
    return "Q" + std::to_string(number_) + " " + year_.label();
}

FinancialQuarter FinancialQuarter::operator+(int quarters) const {
    const int index = year_.start_year() * 4 + (number_ - 1) + quarters;
    return {FinancialYear(floor_div(index, 4)), index - floor_div(index, 4) * 4 + 1};
}

CalendarQuarter::CalendarQuarter(int year, int number)
    : year_(year)
    , number_(number) {
    check_quarter_number(number, "calendar quarter");
}

CalendarQuarter CalendarQuarter::containing(Date day) {
    return {static_cast<int>(day.year()), (day.month() - 1) / 3 + 1};
}

Date CalendarQuarter::first_day() const {
    return make_date(year_, (number_ - 1) * 3 + 1, 1);
}

Date CalendarQuarter::last_day() const {
    const int month = number_ * 3;
    return make_date(year_, month, days_in_month(year_, month));
}

Period CalendarQuarter::period() const {
    return {first_day(), last_day(), Precision::quarter, label()};
}

bool CalendarQuarter::contains(Date day) const {
    return !day.is_special() && !(day < first_day()) && !(last_day() < day);
}

std::string CalendarQuarter::label() const {
    return "Q" + std::to_string(number_) + " " + std::to_string(year_);
}

CalendarQuarter CalendarQuarter::operator+(int quarters) const {
    const int index = year_ * 4 + (number_ - 1) + quarters;
    return {floor_div(index, 4), index - floor_div(index, 4) * 4 + 1};
}

} // namespace bestvalue
