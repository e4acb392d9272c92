#include <bestvalue/calendar/recurrence.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::Frequency;
using bestvalue::Recurrence;

TEST_CASE("an annual recurrence in a month falls due in that month each year",
          "[calendar][recurrence]") {
    const Recurrence march{Frequency::annual, 3, "annually in March"};
    CHECK(march.next_occurrence(Date(2009, 3, 18)) ==
          bestvalue::Period::month(2009, 3, "annually in March"));
    CHECK(march.next_occurrence(Date(2009, 4, 1))->start() == Date(2010, 3, 1));
    CHECK(march.next_occurrence(Date(2009, 1, 1))->start() == Date(2009, 3, 1));
}

TEST_CASE("a recurrence that does not say when gives no occurrence", "[calendar][recurrence]") {
    CHECK_FALSE(Recurrence{Frequency::annual, std::nullopt, "annually"}
                    .next_occurrence(Date(2009, 1, 1))
                    .has_value());
    CHECK_FALSE(Recurrence{Frequency::quarterly, std::nullopt, "quarterly"}
                    .next_occurrence(Date(2009, 1, 1))
                    .has_value());
    const Recurrence monthly{Frequency::monthly, std::nullopt, "monthly"};
    CHECK(monthly.next_occurrence(Date(2009, 2, 10))->end() == Date(2009, 2, 28));
    CHECK(bestvalue::to_string(Frequency::six_monthly) == "six_monthly");
}
