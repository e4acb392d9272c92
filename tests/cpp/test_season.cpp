#include <bestvalue/calendar/season.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::Season;

TEST_CASE("seasons are meteorological", "[calendar][season]") {
    CHECK(bestvalue::season_period(Season::spring, 2003).start() == Date(2003, 3, 1));
    CHECK(bestvalue::season_period(Season::spring, 2003).end() == Date(2003, 5, 31));
    CHECK(bestvalue::season_period(Season::summer, 2003).end() == Date(2003, 8, 31));
    CHECK(bestvalue::season_period(Season::autumn, 2004).start() == Date(2004, 9, 1));
    CHECK(bestvalue::season_period(Season::autumn, 2004).end() == Date(2004, 11, 30));
    CHECK(bestvalue::season_period(Season::autumn, 2004).precision() ==
          bestvalue::Precision::season);
}

TEST_CASE("a winter runs across two years and ends with February", "[calendar][season]") {
    CHECK(bestvalue::season_period(Season::winter, 2004).start() == Date(2004, 12, 1));
    CHECK(bestvalue::season_period(Season::winter, 2004).end() == Date(2005, 2, 28));
    CHECK(bestvalue::season_period(Season::winter, 2007).end() == Date(2008, 2, 29));
}

TEST_CASE("the season of a day", "[calendar][season]") {
    CHECK(bestvalue::season_of(Date(2009, 2, 28)) == Season::winter);
    CHECK(bestvalue::season_of(Date(2009, 3, 1)) == Season::spring);
    CHECK(bestvalue::season_of(Date(2009, 8, 31)) == Season::summer);
    CHECK(bestvalue::season_of(Date(2009, 11, 30)) == Season::autumn);
    CHECK(bestvalue::season_of(Date(2009, 12, 1)) == Season::winter);
    CHECK(bestvalue::to_string(Season::autumn) == "autumn");
}
