#include <bestvalue/calendar/date.hpp>
#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;

TEST_CASE("days_in_month knows leap years", "[calendar][date]") {
    CHECK(bestvalue::days_in_month(2009, 2) == 28);
    CHECK(bestvalue::days_in_month(2008, 2) == 29);
    CHECK(bestvalue::days_in_month(2000, 2) == 29); // divisible by 400
    CHECK(bestvalue::days_in_month(1900, 2) == 28); // divisible by 100 only
    CHECK(bestvalue::days_in_month(2009, 4) == 30);
    CHECK(bestvalue::days_in_month(2009, 12) == 31);
    CHECK_THROWS_AS(bestvalue::days_in_month(2009, 13), bestvalue::ParseError);
}

TEST_CASE("make_date builds real dates and names impossible ones", "[calendar][date]") {
    CHECK(bestvalue::make_date(2008, 2, 29) == Date(2008, 2, 29));
    CHECK_THROWS_WITH(
        bestvalue::make_date(2009, 2, 29, "29 February 2009"),
        "impossible date: February 2009 has 28 days, not day 29 in '29 February 2009'");
    CHECK_THROWS_WITH(bestvalue::make_date(2009, 13, 1), "impossible date: there is no month 13");
    CHECK_THROWS_AS(bestvalue::make_date(2009, 4, 31), bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::make_date(2009, 4, 0), bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::make_date(99999, 1, 1), bestvalue::ParseError);
}

TEST_CASE("ISO dates are read and written", "[calendar][date]") {
    CHECK(bestvalue::parse_iso_date("2009-02-18") == Date(2009, 2, 18));
    CHECK(bestvalue::to_iso(Date(2009, 2, 18)) == "2009-02-18");
    CHECK(bestvalue::to_iso(Date(boost::gregorian::neg_infin)) == "-infinity");
    CHECK_THROWS_AS(bestvalue::parse_iso_date("2009-2-18"), bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::parse_iso_date("2009-02-30"), bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::parse_iso_date("20x9-02-18"), bestvalue::ParseError);
    try {
        (void)bestvalue::parse_iso_date("2009-02-30");
        FAIL("expected a ParseError");
    } catch (const bestvalue::ParseError& error) {
        CHECK(error.location().column == 1);
        CHECK(error.text() == "2009-02-30");
    }
}

TEST_CASE("dates are written the way council papers write them", "[calendar][date]") {
    CHECK(bestvalue::to_long_string(Date(2009, 2, 1)) == "1 February 2009");
    CHECK(bestvalue::month_name(9) == "September");
    CHECK_THROWS_AS(bestvalue::month_name(0), bestvalue::ParseError);
}
