#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

using bestvalue::CalendarQuarter;
using bestvalue::Date;
using bestvalue::FinancialQuarter;
using bestvalue::FinancialYear;

TEST_CASE("financial quarter 1 is April to June", "[calendar][quarter]") {
    const FinancialYear year(2004);
    CHECK(year.quarter(1).first_day() == Date(2004, 4, 1));
    CHECK(year.quarter(1).last_day() == Date(2004, 6, 30));
    CHECK(year.quarter(2).first_day() == Date(2004, 7, 1));
    CHECK(year.quarter(3).first_day() == Date(2004, 10, 1));
    CHECK(year.quarter(3).last_day() == Date(2004, 12, 31));
    CHECK(year.quarter(4).first_day() == Date(2005, 1, 1));
    CHECK(year.quarter(4).last_day() == Date(2005, 3, 31));
    CHECK(FinancialYear(2007).quarter(4).last_day() == Date(2008, 3, 31));
    CHECK(year.quarter(3).label() == "Q3 2004/05");
    CHECK(year.quarter(3).period().text() == "Q3 2004/05");
}

TEST_CASE("the financial quarter of a day", "[calendar][quarter]") {
    CHECK(FinancialQuarter::containing(Date(2005, 3, 31)) == FinancialYear(2004).quarter(4));
    CHECK(FinancialQuarter::containing(Date(2005, 4, 1)) == FinancialYear(2005).quarter(1));
    CHECK(FinancialQuarter::containing(Date(2008, 2, 29)) == FinancialYear(2007).quarter(4));
    CHECK(FinancialQuarter::containing(Date(2004, 12, 31)) == FinancialYear(2004).quarter(3));
    for (int month = 1; month <= 12; ++month) {
        const Date day(2009, month, 15);
        CHECK(FinancialQuarter::containing(day).contains(day));
        CHECK(CalendarQuarter::containing(day).contains(day));
    }
}

TEST_CASE("quarter arithmetic crosses year ends both ways", "[calendar][quarter]") {
    CHECK(FinancialYear(2004).quarter(4) + 1 == FinancialYear(2005).quarter(1));
    CHECK(FinancialYear(2004).quarter(1) + -1 == FinancialYear(2003).quarter(4));
    CHECK(FinancialYear(2004).quarter(2) + 8 == FinancialYear(2006).quarter(2));
    CHECK(FinancialYear(2004).quarter(2) + -9 == FinancialYear(2002).quarter(1));
    CHECK(CalendarQuarter(2009, 4) + 1 == CalendarQuarter(2010, 1));
    CHECK(CalendarQuarter(2009, 1) + -1 == CalendarQuarter(2008, 4));
    CHECK(FinancialYear(2004).quarter(4) < FinancialYear(2005).quarter(1));
}

TEST_CASE("calendar quarter 1 is January to March", "[calendar][quarter]") {
    const CalendarQuarter quarter(2009, 1);
    CHECK(quarter.first_day() == Date(2009, 1, 1));
    CHECK(quarter.last_day() == Date(2009, 3, 31));
    CHECK(quarter.label() == "Q1 2009");
    CHECK(CalendarQuarter(2008, 4).last_day() == Date(2008, 12, 31));
    CHECK_THROWS_AS(CalendarQuarter(2009, 0), bestvalue::ValidationError);
    CHECK_THROWS_AS(FinancialQuarter(FinancialYear(2009), 5), bestvalue::ValidationError);
}
