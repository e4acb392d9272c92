#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::FinancialYear;

TEST_CASE("a financial year runs from 1 April to 31 March", "[calendar][financial_year]") {
    const FinancialYear year(2003);
    CHECK(year.first_day() == Date(2003, 4, 1));
    CHECK(year.last_day() == Date(2004, 3, 31));
    CHECK(year.label() == "2003/04");
    CHECK(year.end_year() == 2004);
    CHECK(year.period().precision() == bestvalue::Precision::financial_year);
    CHECK(year.period().text() == "2003/04");
    CHECK(FinancialYear(1999).label() == "1999/00");
}

TEST_CASE("the financial year of a day turns over on 1 April", "[calendar][financial_year]") {
    CHECK(FinancialYear::containing(Date(2004, 3, 31)) == FinancialYear(2003));
    CHECK(FinancialYear::containing(Date(2004, 4, 1)) == FinancialYear(2004));
    CHECK(FinancialYear::containing(Date(2004, 1, 1)) == FinancialYear(2003));
    CHECK(FinancialYear::containing(Date(2003, 12, 31)) == FinancialYear(2003));
    // 29 February falls inside the financial year that starts the April before it.
    CHECK(FinancialYear::containing(Date(2008, 2, 29)) == FinancialYear(2007));
    CHECK(FinancialYear(2007).contains(Date(2008, 2, 29)));
    CHECK_FALSE(FinancialYear(2008).contains(Date(2008, 2, 29)));
    CHECK((FinancialYear(2007).last_day() - FinancialYear(2007).first_day()).days() + 1 == 366);
    CHECK((FinancialYear(2008).last_day() - FinancialYear(2008).first_day()).days() + 1 == 365);
}

TEST_CASE("financial years are read in every way councils write them",
          "[calendar][financial_year]") {
    CHECK(FinancialYear::parse("2003/04") == FinancialYear(2003));
    CHECK(FinancialYear::parse("2002/2003") == FinancialYear(2002));
    CHECK(FinancialYear::parse("2002-03") == FinancialYear(2002));
    CHECK(FinancialYear::parse("1999/00") == FinancialYear(1999));
    CHECK(FinancialYear::parse("09/10", Date(2009, 2, 18)) == FinancialYear(2009));
    CHECK_THROWS_AS(FinancialYear::parse("09/10"), bestvalue::ParseError); // no reference
    CHECK_THROWS_AS(FinancialYear::parse("2003/05"), bestvalue::ParseError);
    CHECK_THROWS_AS(FinancialYear::parse("2003"), bestvalue::ParseError);
    CHECK_THROWS_WITH(FinancialYear::parse("July 2009", Date(2009, 1, 1)),
                      Catch::Contains("expected a financial year"));
}

TEST_CASE("financial years are ordered and can be counted", "[calendar][financial_year]") {
    CHECK(FinancialYear(2003) < FinancialYear(2004));
    CHECK(FinancialYear(2003) + 3 == FinancialYear(2006));
    CHECK(FinancialYear(2003) - 1 == FinancialYear(2002));
    CHECK(FinancialYear(2006) - FinancialYear(2003) == 3);
    CHECK(FinancialYear(2004).quarter(3).label() == "Q3 2004/05");
    CHECK_THROWS_AS(FinancialYear(2004).quarter(5), bestvalue::ValidationError);
}
