#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

#include "seed_dates.hpp"

using bestvalue::Date;
using bestvalue::parse_date_text;
using bestvalue::parse_period;
using bestvalue::Precision;
using bestvalue::testing::format_periods;
using bestvalue::testing::format_recurrence;

namespace {

const Date rochford_meeting(2009, 2, 18);

std::string read(std::string_view text, std::optional<Date> reference = rochford_meeting) {
    return format_periods(parse_date_text(text, reference));
}

} // namespace

TEST_CASE("the foundation issue's date expressions read as documented", "[calendar][parser]") {
    const Date city_cabinet(2003, 4, 2);
    CHECK(read("4th April 2003", city_cabinet) == "2003-04-04..2003-04-04 day");
    CHECK(read("July 2009") == "2009-07-01..2009-07-31 month");
    CHECK(read("Feb/Mar 09") == "2009-02-01..2009-03-31 month_range");
    CHECK(read("Nov/Dec 08") == "2008-11-01..2008-12-31 month_range");
    CHECK(read("Jan/Feb 09") == "2009-01-01..2009-02-28 month_range");
    CHECK(read("Feb/March 09") == "2009-02-01..2009-03-31 month_range");
    CHECK(read("July-September,2003") == "2003-07-01..2003-09-30 month_range");
    CHECK(read("(March/April 2003)") == "2003-03-01..2003-04-30 month_range");
    CHECK(read("April 2003 \u2013 March 2004") == "2003-04-01..2004-03-31 month_range");
    CHECK(read("Sept 2003 \u2013 March 2004") == "2003-09-01..2004-03-31 month_range");
    CHECK(read("Autumn, 2004") == "2004-09-01..2004-11-30 season");
    CHECK(read("(2005)") == "2005-01-01..2005-12-31 year");
    CHECK(read("(July,2004)") == "2004-07-01..2004-07-31 month");
    CHECK(read("2003/04") == "2003-04-01..2004-03-31 financial_year");
    CHECK(read("by December 2002") == "..2002-12-31 open_by");
    CHECK(read("by 2005") == "..2005-12-31 open_by");
    CHECK(read("before the end of 2003") == "..2003-12-31 open_by");
    CHECK(read("by 1 April 2009") == "..2009-04-01 open_by");
    CHECK(read("December 2008 March 2009") ==
          "2008-12-01..2008-12-31 month; 2009-03-01..2009-03-31 month");
    CHECK(read("Feb 09 Nov 08 Nov/Dec 08") == "2009-02-01..2009-02-28 month; "
                                              "2008-11-01..2008-11-30 month; "
                                              "2008-11-01..2008-12-31 month_range");
    CHECK(read("Apr 09 July 09") == "2009-04-01..2009-04-30 month; 2009-07-01..2009-07-31 month");
    CHECK(read("Q3 2004/05") == "2004-10-01..2004-12-31 quarter");
    CHECK(read("Q1 2009") == "2009-01-01..2009-03-31 quarter");
    CHECK(read("Winter 2004/05") == "2004-12-01..2005-02-28 season");
    CHECK(read("Winter 2004") == "2004-12-01..2005-02-28 season");
}

TEST_CASE("completion markers and recurrences are read beside periods", "[calendar][parser]") {
    const auto done = parse_date_text("Done");
    CHECK(done.done);
    CHECK(done.is_exact());
    CHECK(done.periods.empty());

    const auto refreshed = parse_date_text("Done - Refreshed annually");
    CHECK(refreshed.done);
    CHECK(format_recurrence(refreshed) == "annual");
    CHECK(refreshed.unread == std::vector<std::string>{"Refreshed"});
    CHECK_FALSE(refreshed.is_exact());

    const auto march = parse_date_text("Refreshed annually in March");
    CHECK(format_recurrence(march) == "annual march");
    CHECK(march.recurrence->text == "annually in March");
    CHECK(march.periods.empty());
}

TEST_CASE("prose keeps its words and gives up the dates inside it", "[calendar][parser]") {
    const auto cabinet = parse_date_text("To be reported to Cabinet March 2009", rochford_meeting);
    CHECK(format_periods(cabinet) == "2009-03-01..2009-03-31 month");
    CHECK(cabinet.periods[0].text() == "March 2009");
    CHECK(cabinet.unread == std::vector<std::string>{"To be reported to Cabinet"});
    CHECK(cabinet.reason == "not all read as dates: 'To be reported to Cabinet'");

    const auto sessions =
        parse_date_text("More sessions will be included in 09/10 member Training & Dev programme",
                        rochford_meeting);
    CHECK(format_periods(sessions) == "2009-04-01..2010-03-31 financial_year");
    CHECK(sessions.unread == std::vector<std::string>{"More sessions will be included in",
                                                      "member Training & Dev programme"});
    CHECK(sessions.text ==
          "More sessions will be included in 09/10 member Training & Dev programme");

    const auto nothing = parse_date_text("possible re-inspection");
    CHECK(nothing.periods.empty());
    CHECK(nothing.reason == "no date found: 'possible re-inspection'");
    CHECK_FALSE(nothing.is_exact());

    const auto empty = parse_date_text("");
    CHECK_FALSE(empty.is_exact());
    CHECK(empty.reason == "no date found");
}

TEST_CASE("two-digit years resolve against the reference date", "[calendar][parser]") {
    CHECK(read("Dec 08", Date(2009, 2, 18)) == "2008-12-01..2008-12-31 month");
    CHECK(read("Dec 99", Date(2009, 2, 18)) == "1999-12-01..1999-12-31 month");
    CHECK(read("Dec 59", Date(2009, 2, 18)) == "1959-12-01..1959-12-31 month"); // tie: earlier
    CHECK(read("Dec 58", Date(2009, 2, 18)) == "2058-12-01..2058-12-31 month");
    CHECK(read("Jan 01", Date(1998, 6, 1)) == "2001-01-01..2001-01-31 month");
    CHECK(read("99/00", Date(2000, 1, 1)) == "1999-04-01..2000-03-31 financial_year");

    const auto without = parse_date_text("Feb 09", std::nullopt);
    CHECK(without.periods.empty());
    CHECK(without.reason == "no date found: 'Feb 09'; two-digit year '09' needs a "
                            "reference date");
    CHECK_THROWS_WITH(parse_period("Feb/Mar 09"),
                      Catch::Contains("two-digit year '09' needs a reference date"));
}

TEST_CASE("ranges across the year end take the earlier year for the first month",
          "[calendar][parser]") {
    CHECK(read("Nov/Jan 09") == "2008-11-01..2009-01-31 month_range");
    CHECK(read("Dec 2008 \u2013 Jan 2009") == "2008-12-01..2009-01-31 month_range");
    CHECK(read("30 December \u2013 2 January 2009") == "2008-12-30..2009-01-02 day_range");
    CHECK(read("26th-27th January 2009") == "2009-01-26..2009-01-27 day_range");
    CHECK(read("2003/04 \u2013 2005/06") == "2003-04-01..2006-03-31 financial_year_range");
    CHECK(read("2008-2013") == "2008-01-01..2013-12-31 year_range");
    CHECK(read("2002-2003") == "2002-04-01..2003-03-31 financial_year");
}

TEST_CASE("leap days are real only in leap years", "[calendar][parser]") {
    CHECK(read("29 February 2008") == "2008-02-29..2008-02-29 day");
    CHECK(read("29/02/2000") == "2000-02-29..2000-02-29 day");
    CHECK(read("Feb 08") == "2008-02-01..2008-02-29 month");
    CHECK(read("Winter 2007/08") == "2007-12-01..2008-02-29 season");
    CHECK_THROWS_AS(parse_date_text("29 February 2009"), bestvalue::ParseError);
    CHECK_THROWS_AS(parse_date_text("29/02/1900"), bestvalue::ParseError);
}

TEST_CASE("impossible dates are errors that point at the date", "[calendar][parser]") {
    try {
        (void)parse_date_text("due 31/02/2009");
        FAIL("expected a ParseError");
    } catch (const bestvalue::ParseError& error) {
        CHECK(error.reason() == "impossible date: February 2009 has 28 days, not day 31");
        CHECK(error.text() == "due 31/02/2009");
        CHECK(error.location().column == 5);
        CHECK(std::string(error.what()) ==
              "1:5: impossible date: February 2009 has 28 days, not day 31 in 'due 31/02/2009'");
    }
    CHECK_THROWS_WITH(parse_date_text("31 April 2009"),
                      Catch::Contains("April 2009 has 30 days, not day 31"));
    CHECK_THROWS_WITH(parse_date_text("12/13/2009"), Catch::Contains("there is no month 13"));
    CHECK_THROWS_WITH(parse_date_text("2009-02-30"), Catch::Contains("not day 30"));
    CHECK_THROWS_WITH(parse_date_text("April 2004 \u2013 March 2003"),
                      Catch::Contains("impossible period"));
}

TEST_CASE("deadlines: 'by', 'before' and 'end of'", "[calendar][parser]") {
    CHECK(read("before 2005") == "..2004-12-31 open_by");
    CHECK(read("by the end of 2002") == "..2002-12-31 open_by");
    CHECK(read("end of 2003") == "..2003-12-31 open_by");
    CHECK(read("no later than March 2010") == "..2010-03-31 open_by");
    CHECK(read("by 2004/05") == "..2005-03-31 open_by");
    CHECK(read("by Q3 2004/05") == "..2004-12-31 open_by");
    CHECK(parse_date_text("by 2005").periods[0].text() == "by 2005");
    const auto no_year = parse_date_text("at the end of April");
    CHECK(no_year.periods.empty());
    CHECK(no_year.unread == std::vector<std::string>{"at the end of April"});
}

TEST_CASE("parse_period takes exactly one period and keeps the text",
          "[calendar][parser][parse_period]") {
    const auto period = parse_period("Feb/Mar 09", Date(2009, 2, 18));
    CHECK(period.start() == Date(2009, 2, 1));
    CHECK(period.end() == Date(2009, 3, 31));
    CHECK(period.precision() == Precision::month_range);
    CHECK(period.text() == "Feb/Mar 09");
    CHECK(parse_period("(2005)").text() == "(2005)");
    CHECK_THROWS_WITH(parse_period("Apr 09 July 09", Date(2009, 2, 18)),
                      Catch::Contains("expected one period, found 2"));
    CHECK_THROWS_WITH(parse_period("Done"), Catch::Contains("expected a period"));
    CHECK_THROWS_WITH(parse_period("To be reported to Cabinet March 2009"),
                      "1:1: expected only a period: not all read as dates: 'To be reported to "
                      "Cabinet' in 'To be reported to Cabinet March 2009'");
    try {
        (void)parse_period("March 2009 or so");
        FAIL("expected a ParseError");
    } catch (const bestvalue::ParseError& error) {
        CHECK(error.location().column == 12);
    }
}

TEST_CASE("other ways of writing dates", "[calendar][parser]") {
    CHECK(read("2009-02-18") == "2009-02-18..2009-02-18 day");
    CHECK(read("18th of February 2009") == "2009-02-18..2009-02-18 day");
    CHECK(read("Sept. 2009") == "2009-09-01..2009-09-30 month");
    CHECK(read("SPRING OF 2002") == "2002-03-01..2002-05-31 season");
    CHECK(read("2002-03 to 2005-06") == "2002-04-01..2006-03-31 financial_year_range");
    CHECK(read("x2550").empty()); // an extension number is no year
    CHECK(read("March").empty()); // a month without a year is not guessed
    CHECK(format_recurrence(parse_date_text("each March")) == "annual march");
    CHECK(format_recurrence(parse_date_text("twice a year")) == "six_monthly");
    CHECK(format_recurrence(parse_date_text("half-yearly")) == "six_monthly");
}
