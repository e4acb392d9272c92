#include <limits>
#include <string>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/computed_health.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::Health;
using bestvalue::HealthThresholds;
using bestvalue::Lifecycle;
using bestvalue::Store;

// The seed papers give no percentages complete, so these tests build small stores by hand.
// The plan is adopted on 1 January 2009 and its action is due by 11 April 2009: 100 days, so
// on 20 February (50 days in) half the work is expected done, and on 11 April all of it.

namespace {

const Date adopted(2009, 1, 1);
const Date halfway(2009, 2, 20);
const Date due_day(2009, 4, 11);
const char* const action_id = "council/plan/1.1";

struct Update {
    Date as_of;
    std::optional<double> percent;
    std::optional<Lifecycle> lifecycle = std::nullopt;
    std::optional<Health> health = std::nullopt;
    std::optional<Date> recorded = std::nullopt;
};

Store store_with(const std::vector<Update>& updates, std::optional<Date> plan_adopted = adopted) {
    bestvalue::Contents contents;
    bestvalue::Plan plan;
    plan.id = "council/plan";
    plan.title = "Improvement Plan";
    plan.adopted = plan_adopted;
    contents.plans.push_back(plan);
    bestvalue::Action action;
    action.id = action_id;
    action.plan = plan.id;
    action.due = bestvalue::parse_date_text("11 April 2009");
    contents.actions.push_back(action);
    for (const auto& update : updates) {
        bestvalue::ProgressUpdate progress;
        progress.subject = action_id;
        progress.as_of = update.as_of;
        progress.recorded = update.recorded;
        progress.percent = update.percent;
        progress.lifecycle = update.lifecycle;
        progress.health = update.health;
        contents.progress.push_back(progress);
    }
    Store store;
    store.add(contents);
    return store;
}

std::optional<Health> computed(const Store& store, Date day, const HealthThresholds& limits = {}) {
    return bestvalue::computed_health_on(store, store.get_action(action_id), day, limits);
}

std::optional<Health> with_percent(double percent, Date day) {
    return computed(store_with({{day, percent}}), day);
}

} // namespace

TEST_CASE("computed health is green at 90 % of the expected progress, red below 70 %",
          "[computed_health]") {
    // On the due's last day all the work is expected.
    CHECK(with_percent(100, due_day) == Health::green);
    CHECK(with_percent(90, due_day) == Health::green);
    CHECK(with_percent(89.9, due_day) == Health::amber);
    CHECK(with_percent(70, due_day) == Health::amber);
    CHECK(with_percent(69.9, due_day) == Health::red);
    CHECK(with_percent(0, due_day) == Health::red);
    // Half way, half the work is expected: 45 % is 90 % of it, 35 % is 70 %.
    CHECK(with_percent(50, halfway) == Health::green);
    CHECK(with_percent(45, halfway) == Health::green);
    CHECK(with_percent(44.9, halfway) == Health::amber);
    CHECK(with_percent(35, halfway) == Health::amber);
    CHECK(with_percent(34.9, halfway) == Health::red);
}

TEST_CASE("computed health uses the thresholds given", "[computed_health]") {
    const Store store = store_with({{halfway, 30.0}});
    CHECK(computed(store, halfway) == Health::red);
    CHECK(computed(store, halfway, {0.6, 0.5}) == Health::green);
    CHECK(computed(store, halfway, {0.7, 0.6}) == Health::amber);
    CHECK(computed(store, halfway, {1.0, 1.0}) == Health::red);
}

TEST_CASE("thresholds outside 0 < off_track <= on_track <= 1 are refused", "[computed_health]") {
    CHECK_NOTHROW(HealthThresholds{}.validate());
    CHECK_NOTHROW(HealthThresholds{1.0, 1.0}.validate());
    CHECK_NOTHROW(HealthThresholds{0.5, 0.5}.validate());
    CHECK_THROWS_AS(HealthThresholds({0.7, 0.9}).validate(), bestvalue::ValidationError);
    CHECK_THROWS_AS(HealthThresholds({1.1, 0.7}).validate(), bestvalue::ValidationError);
    CHECK_THROWS_AS(HealthThresholds({0.9, 0.0}).validate(), bestvalue::ValidationError);
    CHECK_THROWS_AS(HealthThresholds({0.9, -0.1}).validate(), bestvalue::ValidationError);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_AS(HealthThresholds({nan, 0.7}).validate(), bestvalue::ValidationError);
    CHECK_THROWS_WITH(HealthThresholds({0.7, 0.9}).validate(),
                      Catch::Contains("0 < off_track <= on_track <= 1"));
    const Store store = store_with({{halfway, 50.0}});
    CHECK_THROWS_AS(computed(store, halfway, {0.7, 0.9}), bestvalue::ValidationError);
}

TEST_CASE("before the start nothing is expected, after the due not complete is red",
          "[computed_health]") {
    CHECK(with_percent(0, Date(2008, 12, 1)) == Health::green);
    CHECK(with_percent(0, adopted) == Health::green);
    CHECK(with_percent(99, due_day + boost::gregorian::days(1)) == Health::red);
    // A percent reported before the due still stands after it.
    CHECK(computed(store_with({{halfway, 100.0}}), Date(2009, 5, 1)) == Health::red);
}

TEST_CASE("complete is blue, cancelled has no computed health", "[computed_health]") {
    const Store store = store_with({{halfway, 60.0},
                                    {Date(2009, 3, 1), std::nullopt, Lifecycle::completed},
                                    {Date(2009, 5, 1), std::nullopt, Lifecycle::cancelled}});
    CHECK(computed(store, halfway) == Health::green);
    CHECK(computed(store, Date(2009, 3, 1)) == Health::blue);
    // Complete even after its due: blue, not red.
    CHECK(computed(store, Date(2009, 4, 30)) == Health::blue);
    CHECK_FALSE(computed(store, Date(2009, 5, 1)));
}

TEST_CASE("without a percent complete there is no computed health", "[computed_health]") {
    CHECK_FALSE(computed(store_with({}), halfway));
    CHECK_FALSE(computed(store_with({{halfway, std::nullopt, Lifecycle::in_progress}}), halfway));
    // A percent not yet reported on the day does not count.
    CHECK_FALSE(computed(store_with({{Date(2009, 3, 1), 80.0}}), halfway));
    // Nor one recorded later, though it speaks of the day.
    const Store late = store_with({{halfway, 80.0, std::nullopt, std::nullopt, Date(2009, 3, 2)}});
    CHECK_FALSE(computed(late, halfway));
    CHECK(computed(late, Date(2009, 3, 2)) == Health::green);
}

TEST_CASE("the latest percent reported counts, even when a later update gives none",
          "[computed_health]") {
    const Store store = store_with({{Date(2009, 1, 20), 20.0},
                                    {halfway, 40.0},
                                    {Date(2009, 2, 25), std::nullopt, Lifecycle::in_progress}});
    // 25 February: 55 days of 100, 40 % done against 55 % expected is 73 %: amber.
    CHECK(computed(store, Date(2009, 2, 25)) == Health::amber);
    // 20 January: 19 days of 100, 20 % done against 19 % expected: green.
    CHECK(computed(store, Date(2009, 1, 20)) == Health::green);
}

TEST_CASE("the start is the plan's adopted date, else its paper's date, else the first update",
          "[computed_health]") {
    SECTION("no adopted date nor paper: the first update") {
        // From 20 January to 11 April is 81 days; 40 % on 20 February (31 days in, 38 %
        // expected) is green, where from 1 January it would be amber.
        const Store store = store_with({{Date(2009, 1, 20), 0.0}, {halfway, 40.0}}, std::nullopt);
        const auto action = store.get_action(action_id);
        CHECK(bestvalue::health_start_of(store, action) == Date(2009, 1, 20));
        CHECK(computed(store, halfway) == Health::green);
        CHECK(computed(store_with({{Date(2009, 1, 1), 0.0}, {halfway, 40.0}}), halfway) ==
              Health::amber);
    }
    SECTION("no adopted date: the date of the paper the plan cites") {
        bestvalue::Contents contents;
        bestvalue::Document paper;
        paper.id = "council/cabinet-2009-01-10";
        paper.title = "Improvement Plan";
        paper.date = Date(2009, 1, 10);
        contents.documents.push_back(paper);
        bestvalue::Plan plan;
        plan.id = "council/plan";
        plan.title = "Improvement Plan";
        plan.cites.push_back({paper.id, ""});
        contents.plans.push_back(plan);
        bestvalue::Action action;
        action.id = action_id;
        action.plan = plan.id;
        contents.actions.push_back(action);
        Store store;
        store.add(contents);
        CHECK(bestvalue::health_start_of(store, store.get_action(action_id)) == Date(2009, 1, 10));
        // No due: no computed health.
        CHECK_FALSE(computed(store, halfway));
    }
    SECTION("nothing at all") {
        const Store store = store_with({}, std::nullopt);
        CHECK_FALSE(bestvalue::health_start_of(store, store.get_action(action_id)));
    }
}

TEST_CASE("a revised due known on the day moves the expected progress", "[computed_health]") {
    bestvalue::Contents contents;
    bestvalue::Plan plan;
    plan.id = "council/plan";
    plan.adopted = adopted;
    contents.plans.push_back(plan);
    bestvalue::Action action;
    action.id = action_id;
    action.plan = plan.id;
    action.due = bestvalue::parse_date_text("11 April 2009");
    bestvalue::DueRevision revision;
    revision.revised_on = Date(2009, 4, 1);
    revision.due = bestvalue::parse_date_text("20 July 2009"); // 200 days from 1 January
    action.due_revisions.push_back(revision);
    contents.actions.push_back(action);
    bestvalue::ProgressUpdate update;
    update.subject = action_id;
    update.as_of = halfway;
    update.percent = 30.0;
    contents.progress.push_back(update);
    Store store;
    store.add(contents);
    // Before the revision: due 11 April, 30 % against 50 % expected is red.
    CHECK(computed(store, halfway) == Health::red);
    // On 12 April, past the original due but with the revision known: 101 of 200 days, 30 %
    // against 50.5 % expected is red still, but for being behind, not for being late, as lower
    // thresholds show.
    CHECK(computed(store, Date(2009, 4, 12)) == Health::red);
    CHECK(computed(store, Date(2009, 4, 12), {0.5, 0.2}) == Health::green);
}

TEST_CASE("reported and computed health disagree only when both are known and differ",
          "[computed_health]") {
    const auto action = [](const Store& store) -> bestvalue::ActionView {
        return store.get_action(action_id);
    };
    // Reported green with 20 % done on the due's last day: computed red.
    const Store optimistic = store_with({{due_day, 20.0, std::nullopt, Health::green}});
    CHECK(bestvalue::health_disagrees_on(optimistic, action(optimistic), due_day));
    // Reported red: they agree.
    const Store honest = store_with({{due_day, 20.0, std::nullopt, Health::red}});
    CHECK_FALSE(bestvalue::health_disagrees_on(honest, action(honest), due_day));
    // No reported health, or no computed one: no disagreement.
    const Store silent = store_with({{due_day, 20.0}});
    CHECK_FALSE(bestvalue::health_disagrees_on(silent, action(silent), due_day));
    const Store unmeasured = store_with({{due_day, std::nullopt, std::nullopt, Health::green}});
    CHECK_FALSE(bestvalue::health_disagrees_on(unmeasured, action(unmeasured), due_day));
    // The thresholds decide: with lower ones, 20 % is amber, still not green.
    CHECK(bestvalue::health_disagrees_on(optimistic, action(optimistic), due_day, {0.3, 0.2}));
    CHECK_FALSE(
        bestvalue::health_disagrees_on(optimistic, action(optimistic), due_day, {0.2, 0.1}));
}
