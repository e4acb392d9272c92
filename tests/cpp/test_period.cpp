#include <algorithm>
#include <vector>

#include <bestvalue/calendar/period.hpp>
#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::Period;
using bestvalue::Precision;

TEST_CASE("a period holds its span, precision and text", "[calendar][period]") {
    const Period period(Date(2009, 2, 1), Date(2009, 3, 31), Precision::month_range, "Feb/Mar 09");
    CHECK(period.start() == Date(2009, 2, 1));
    CHECK(period.end() == Date(2009, 3, 31));
    CHECK(period.precision() == Precision::month_range);
    CHECK(period.text() == "Feb/Mar 09");
    CHECK(period.length_in_days() == 59);
    CHECK_FALSE(period.has_open_start());
    CHECK(period.describe() == "1 February 2009 \u2013 31 March 2009");
}

TEST_CASE("a period that ends before it starts is refused", "[calendar][period]") {
    CHECK_THROWS_AS(Period(Date(2009, 3, 1), Date(2009, 2, 1), Precision::month_range),
                    bestvalue::ValidationError);
    CHECK_THROWS_WITH(Period(Date(2009, 3, 1), Date(2009, 2, 1), Precision::month_range, "x"),
                      "period 'x': ends on 2009-02-01, before it starts on 2009-03-01");
    // Only an open 'by' period may lack a start, and it must lack one.
    CHECK_THROWS_AS(Period(Date(boost::gregorian::neg_infin), Date(2009, 2, 1), Precision::month),
                    bestvalue::ValidationError);
    CHECK_THROWS_AS(Period(Date(2009, 1, 1), Date(2009, 2, 1), Precision::open_by),
                    bestvalue::ValidationError);
    CHECK_THROWS_AS(Period(Date(2009, 1, 1), Date(boost::gregorian::pos_infin), Precision::year),
                    bestvalue::ValidationError);
}

TEST_CASE("named constructors build whole days, months and years", "[calendar][period]") {
    CHECK(Period::day(Date(2003, 4, 4)).length_in_days() == 1);
    CHECK(Period::month(2008, 2).end() == Date(2008, 2, 29));
    CHECK(Period::month(2009, 2).end() == Date(2009, 2, 28));
    CHECK(Period::year(2005).start() == Date(2005, 1, 1));
    CHECK(Period::year(2005).end() == Date(2005, 12, 31));
    CHECK_THROWS_AS(Period::month(2009, 13), bestvalue::ParseError);
}

TEST_CASE("an open 'by' period contains every day up to its end", "[calendar][period]") {
    const Period by = Period::by(Date(2005, 12, 31), "by 2005");
    CHECK(by.has_open_start());
    CHECK(by.precision() == Precision::open_by);
    CHECK_FALSE(by.length_in_days().has_value());
    CHECK(by.contains(Date(1990, 1, 1)));
    CHECK(by.contains(Date(2005, 12, 31)));
    CHECK_FALSE(by.contains(Date(2006, 1, 1)));
    CHECK(by.describe() == "by 31 December 2005");
    CHECK(by.overlaps(Period::year(2003)));
    CHECK(by.contains(Period::year(2003)));
    CHECK_FALSE(Period::year(2003).contains(by));
}

TEST_CASE("contains and overlaps treat both ends as inclusive", "[calendar][period]") {
    const Period q1 = Period(Date(2009, 4, 1), Date(2009, 6, 30), Precision::quarter);
    CHECK(q1.contains(Date(2009, 4, 1)));
    CHECK(q1.contains(Date(2009, 6, 30)));
    CHECK_FALSE(q1.contains(Date(2009, 7, 1)));
    CHECK_FALSE(q1.contains(Date(boost::gregorian::not_a_date_time)));
    CHECK(q1.contains(Period::month(2009, 5)));
    CHECK_FALSE(q1.contains(Period::month(2009, 7)));
    CHECK(q1.overlaps(Period::day(Date(2009, 6, 30))));
    CHECK_FALSE(q1.overlaps(Period::day(Date(2009, 7, 1))));
    CHECK(q1.overlaps(Period::year(2009)));
}

TEST_CASE("a due is met by work done by its end and overdue after it", "[calendar][period]") {
    const Period due = Period::month(2009, 3, "March 2009");
    CHECK(bestvalue::is_met(due, Date(2009, 3, 31)));
    CHECK(bestvalue::is_met(due, Date(2008, 12, 1))); // early is fine
    CHECK_FALSE(bestvalue::is_met(due, Date(2009, 4, 1)));
    // Overdue on D: not completed on D, and D after the end.
    CHECK_FALSE(bestvalue::is_overdue_on(due, Date(2009, 3, 31)));
    CHECK(bestvalue::is_overdue_on(due, Date(2009, 4, 1)));
    CHECK_FALSE(bestvalue::is_overdue_on(due, Date(2009, 4, 1), Date(2009, 3, 15)));
    CHECK_FALSE(bestvalue::is_overdue_on(due, Date(2009, 4, 20), Date(2009, 4, 20)));
    // Completed later than D: on D it was still overdue.
    CHECK(bestvalue::is_overdue_on(due, Date(2009, 4, 20), Date(2009, 5, 1)));
    CHECK(bestvalue::is_overdue_on(Period::by(Date(2002, 12, 31)), Date(2003, 7, 31)));
}

TEST_CASE("periods order by start, then end, open starts first", "[calendar][period]") {
    std::vector<Period> periods = {Period::month(2009, 3), Period::year(2009),
                                   Period::by(Date(2009, 2, 1)), Period::month(2008, 11)};
    std::sort(periods.begin(), periods.end());
    CHECK(periods[0].precision() == Precision::open_by);
    CHECK(periods[1] == Period::month(2008, 11));
    CHECK(periods[2] == Period::year(2009));
    CHECK(periods[3] == Period::month(2009, 3));
    CHECK(Period::month(2009, 3) != Period::month(2009, 3, "March 2009"));
    CHECK(Period::month(2009, 3).with_text("March 2009") == Period::month(2009, 3, "March 2009"));
}

TEST_CASE("precision names round-trip", "[calendar][period]") {
    for (const auto precision : {Precision::day, Precision::day_range, Precision::month,
                                 Precision::month_range, Precision::quarter, Precision::season,
                                 Precision::financial_year, Precision::financial_year_range,
                                 Precision::year, Precision::year_range, Precision::open_by}) {
        CHECK(bestvalue::parse_precision(bestvalue::to_string(precision)) == precision);
    }
    CHECK_THROWS_AS(bestvalue::parse_precision("fortnight"), bestvalue::ParseError);
}
