#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/completion_series.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::CompletionPoint;
using bestvalue::Date;
using bestvalue::Frequency;
using bestvalue::Lifecycle;
using bestvalue::Period;
using bestvalue::Store;

namespace {

Store paper(const char* name) {
    Store store;
    bestvalue::read_json_file(store, bestvalue::testing::examples_dir() + name);
    return store;
}

std::vector<std::string> labels(const std::vector<CompletionPoint>& points) {
    std::vector<std::string> out;
    for (const auto& point : points) {
        out.push_back(point.label);
    }
    return out;
}

// The seed papers report each plan once, so this store, built by hand, spreads updates over
// the quarters of 2009/10: action 1 completed in May; action 2 started in May and completed in
// August, but that was recorded only in October; action 3 cancelled in November.
Store spread_over_quarters() {
    bestvalue::Contents contents;
    bestvalue::Plan plan;
    plan.id = "council/plan";
    plan.title = "Improvement Plan";
    plan.horizon = bestvalue::parse_date_text("2009/10");
    bestvalue::Section section;
    section.id = "council/plan/1";
    plan.sections.push_back(section);
    contents.plans.push_back(plan);
    for (const char* ref : {"1.1", "1.2", "1.3"}) {
        bestvalue::Action action;
        action.id = std::string("council/plan/") + ref;
        action.plan = plan.id;
        action.section = section.id;
        contents.actions.push_back(action);
    }
    const auto update = [&](const char* subject, Date as_of, std::optional<Lifecycle> lifecycle,
                            std::optional<Date> recorded = std::nullopt) {
        bestvalue::ProgressUpdate value;
        value.subject = subject;
        value.as_of = as_of;
        value.recorded = recorded;
        value.lifecycle = lifecycle;
        contents.progress.push_back(value);
    };
    update("council/plan/1.1", Date(2009, 5, 10), Lifecycle::completed);
    update("council/plan/1.2", Date(2009, 5, 1), Lifecycle::in_progress);
    update("council/plan/1.2", Date(2009, 8, 15), Lifecycle::completed, Date(2009, 10, 5));
    update("council/plan/1.3", Date(2009, 11, 1), Lifecycle::cancelled);
    update("council/plan/1", Date(2010, 6, 30), std::nullopt); // a section's closing narrative
    Store store;
    store.add(contents);
    return store;
}

std::vector<bestvalue::ActionView> all_actions(const Store& store) {
    std::vector<bestvalue::ActionView> actions;
    for (const auto action : store.actions()) {
        actions.push_back(action);
    }
    return actions;
}

} // namespace

TEST_CASE("Raising our Performance: 18 of 44 actions complete by the end of Q2 2003/04",
          "[completion_series][data]") {
    const Store store = paper("001-oxfordshire-raising-our-performance-2003.json");
    const auto actions =
        bestvalue::actions(store).in_plan("oxfordshire/raising-our-performance").run();
    REQUIRE(actions.size() == 44);
    const auto points =
        bestvalue::completion_series(store, actions, bestvalue::parse_period("2003/04"));
    CHECK(labels(points) ==
          std::vector<std::string>{"Q1 2003/04", "Q2 2003/04", "Q3 2003/04", "Q4 2003/04"});
    REQUIRE(points.size() == 4);
    CHECK(points[0].end == Date(2003, 6, 30));
    CHECK(points[0].total == 44);
    CHECK(points[0].completed == 0);
    CHECK(points[0].percent == 0.0);
    CHECK(points[1].end == Date(2003, 9, 30));
    CHECK(points[1].total == 44);
    CHECK(points[1].completed == 18);
    CHECK(points[1].percent == Approx(100.0 * 18 / 44));
    CHECK(points[3].completed == 18);

    // The plan has no adopted date and its horizon ('four year') was not read: its life is the
    // one day it was reported on, too short to end a quarter.
    const auto life = bestvalue::plan_life(store, "oxfordshire/raising-our-performance");
    REQUIRE(life);
    CHECK(life->start() == Date(2003, 7, 31));
    CHECK(life->end() == Date(2003, 7, 31));
    CHECK(bestvalue::completion_series(store, actions, *life).empty());
    CHECK(bestvalue::completion_series(store, actions, *life, Frequency::monthly).size() == 1);
}

TEST_CASE("a plan's life runs from its horizon's start when its first report is later",
          "[completion_series][data]") {
    const Store store = paper("004-cannock-chase-direction-of-travel-2009.json");
    const auto life = bestvalue::plan_life(store, "cannock-chase/dot-plan-2008-09");
    REQUIRE(life);
    CHECK(life->start() == Date(2008, 4, 1));
    CHECK(life->end() == Date(2009, 3, 31));
    // A plan the paper only mentions, in one update, lives that day.
    const auto housing = bestvalue::plan_life(store, "cannock-chase/strategic-housing-plan");
    REQUIRE(housing);
    CHECK(housing->start() == Date(2009, 3, 18));
    CHECK(housing->end() == Date(2009, 3, 18));
    CHECK(housing->precision() == bestvalue::Precision::day);
    // One with no adopted date, no update and no horizon has none.
    CHECK_FALSE(
        bestvalue::plan_life(store, "cannock-chase/corporate-improvement-planning-framework"));
    CHECK_THROWS_AS(bestvalue::plan_life(store, "cannock-chase/no-such-plan"), bestvalue::NotFound);
}

TEST_CASE("completion is taken at each quarter's end as it was known then", "[completion_series]") {
    const Store store = spread_over_quarters();
    const auto points =
        bestvalue::completion_series(store, all_actions(store), bestvalue::parse_period("2009/10"));
    REQUIRE(points.size() == 4);
    CHECK(points[0].label == "Q1 2009/10");
    CHECK(points[0].total == 3);
    CHECK(points[0].completed == 1);
    // Action 2 was complete in August, but no one knew until October.
    CHECK(points[1].label == "Q2 2009/10");
    CHECK(points[1].completed == 1);
    // The cancelled action leaves the total.
    CHECK(points[2].label == "Q3 2009/10");
    CHECK(points[2].total == 2);
    CHECK(points[2].completed == 2);
    CHECK(points[2].percent == 100.0);
    CHECK(points[3].end == Date(2010, 3, 31));
}

TEST_CASE("series step by month, half year, financial year or week", "[completion_series]") {
    const Store store = spread_over_quarters();
    const auto actions = all_actions(store);
    // Only steps ending inside the span count: June ends after 20 June.
    const Period spring(Date(2009, 4, 15), Date(2009, 6, 20), bestvalue::Precision::day_range);
    const auto months = bestvalue::completion_series(store, actions, spring, Frequency::monthly);
    CHECK(labels(months) == std::vector<std::string>{"April 2009", "May 2009"});
    CHECK(months[0].completed == 0);
    CHECK(months[1].end == Date(2009, 5, 31));
    CHECK(months[1].completed == 1);

    const auto halves = bestvalue::completion_series(
        store, actions, bestvalue::parse_period("2009/10"), Frequency::six_monthly);
    CHECK(labels(halves) == std::vector<std::string>{"H1 2009/10", "H2 2009/10"});
    CHECK(halves[0].end == Date(2009, 9, 30));

    const auto years = bestvalue::completion_series(
        store, actions, bestvalue::parse_period("2008/09 – 2010/11"), Frequency::annual);
    CHECK(labels(years) == std::vector<std::string>{"2008/09", "2009/10", "2010/11"});
    CHECK(years[1].percent == 100.0);

    // 6 July 2009 was a Monday; the weeks end on Sundays.
    const Period july(Date(2009, 7, 6), Date(2009, 7, 19), bestvalue::Precision::day_range);
    const auto weeks = bestvalue::completion_series(store, actions, july, Frequency::weekly);
    CHECK(labels(weeks) ==
          std::vector<std::string>{"week ending 12 July 2009", "week ending 19 July 2009"});
}

TEST_CASE("an empty series, an empty set of actions and an open span", "[completion_series]") {
    const Store store = spread_over_quarters();
    const Period april(Date(2009, 4, 1), Date(2009, 6, 29), bestvalue::Precision::day_range);
    CHECK(bestvalue::completion_series(store, all_actions(store), april).empty());

    const auto nothing =
        bestvalue::completion_series(store, {}, bestvalue::parse_period("2009/10"));
    REQUIRE(nothing.size() == 4);
    CHECK(nothing[0].total == 0);
    CHECK(nothing[0].percent == 0.0);

    CHECK_THROWS_AS(
        bestvalue::completion_series(store, all_actions(store), bestvalue::parse_period("by 2010")),
        bestvalue::ValidationError);
}

TEST_CASE("a plan's life: adopted date, updates of its actions and sections, horizon",
          "[completion_series]") {
    const Store store = spread_over_quarters();
    // Horizon 2009/10; the first update (1 May 2009) is after its start; the section's
    // narrative of June 2010 is after its end.
    const auto life = bestvalue::plan_life(store, "council/plan");
    REQUIRE(life);
    CHECK(life->start() == Date(2009, 4, 1));
    CHECK(life->end() == Date(2010, 6, 30));

    bestvalue::Contents adopted;
    bestvalue::Plan plan;
    plan.id = "council/adopted";
    plan.adopted = Date(2009, 5, 20);
    plan.horizon = bestvalue::parse_date_text("2009/10");
    adopted.plans.push_back(plan);
    Store other = store;
    other.add(adopted);
    const auto adopted_life = bestvalue::plan_life(other, "council/adopted");
    REQUIRE(adopted_life);
    CHECK(adopted_life->start() == Date(2009, 5, 20));
    CHECK(adopted_life->end() == Date(2010, 3, 31));
}
