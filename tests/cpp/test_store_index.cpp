#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Date;
using bestvalue::Filter;
using bestvalue::Handles;
using bestvalue::Store;

namespace {

// What a scan finds: every entity that passes the filter's test.
template <typename Entity>
Handles scanned(const std::vector<Entity>& entities, const Filter<Entity>& filter) {
    Handles found;
    for (std::uint32_t handle = 0; handle < entities.size(); ++handle) {
        if (filter(entities[handle])) {
            found.push_back(handle);
        }
    }
    return found;
}

// An index may only narrow where to look: every entity that passes is among the candidates,
// and a query that uses them finds what a scan finds.
template <typename Entity, typename Query>
void check_against_scan(const std::vector<Entity>& entities, const Filter<Entity>& filter,
                        Query query) {
    const Handles expected = scanned(entities, filter);
    REQUIRE(filter.candidates().has_value());
    const Handles& candidates = *filter.candidates();
    CHECK(std::is_sorted(candidates.begin(), candidates.end()));
    CHECK(std::includes(candidates.begin(), candidates.end(), expected.begin(), expected.end()));
    CHECK(query.where(filter).handles() == expected);
}

} // namespace

TEST_CASE("indexed filters find what a scan finds, on the five papers", "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    namespace actions = bestvalue::action_filters;
    const Date march_2009(2009, 3, 18);
    const Date july_2003(2003, 7, 31);
    const auto& all = store.actions();
    const auto check = [&](const bestvalue::ActionFilter& filter) {
        check_against_scan(all, filter, bestvalue::actions(store));
    };
    check(actions::in_plan(store, "rochford/cpa-plan-2009"));
    check(actions::in_plan(store, "no-such-plan"));
    check(actions::in_organisation(store, "cannock-chase"));
    check(actions::in_section(store, "oxfordshire/raising-our-performance/section/3"));
    check(actions::led_by(store, "SPMO"));
    check(actions::led_by(store, "nick hackney"));
    check(actions::led_by(store, "Director for Resources"));
    check(actions::delivered_by(store, "PIO"));
    check(actions::tagged(store, "pr"));
    check(actions::addressing(store, "cannock-chase/dot-plan-2008-09/rec-2"));
    check(actions::with_lifecycle(store, bestvalue::Lifecycle::completed, july_2003));
    check(actions::with_lifecycle(store, bestvalue::Lifecycle::completed, march_2009));
    check(actions::with_health(store, bestvalue::Health::red, july_2003));
    check(actions::overdue_on(store, march_2009));
    check(actions::overdue_on(store, july_2003));
    for (const auto comparison : {bestvalue::Comparison::less, bestvalue::Comparison::less_equal,
                                  bestvalue::Comparison::equal, bestvalue::Comparison::greater,
                                  bestvalue::Comparison::greater_equal}) {
        check(actions::due_compared(store, comparison, Date(2009, 3, 31)));
    }
    check(actions::due_within(store, bestvalue::parse_period("2009/10", march_2009)));

    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::tagged(store, "CPA"),
                       bestvalue::recommendations(store));
    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::by_assessor(store, "audit-commission"),
                       bestvalue::recommendations(store));
    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::of_subject(store, "oxfordshire"),
                       bestvalue::recommendations(store));
    check_against_scan(store.assessments(),
                       bestvalue::assessment_filters::by_assessor(store, "ofsted"),
                       bestvalue::assessments(store));
    check_against_scan(store.assessments(),
                       bestvalue::assessment_filters::of_subject(store, "city-council-2003"),
                       bestvalue::assessments(store));
    check_against_scan(store.ratings(), bestvalue::rating_filters::on_scale(store, "cpa-score"),
                       bestvalue::ratings(store));
    check_against_scan(store.ratings(), bestvalue::rating_filters::of_subject(store, "oxfordshire"),
                       bestvalue::ratings(store));
}

TEST_CASE("the index follows the store: built on add, kept by copies, untouched by a failed add",
          "[index]") {
    Store store;
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").empty());
    bestvalue::read_json_file(store, bestvalue::testing::examples_dir() +
                                         "003-rochford-cpa-improvement-plan-2009.json");
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    const Store copy = store;
    CHECK(copy.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    CHECK(copy.index().officers_named("spmo") == std::vector<std::string>{"rochford/officer/spmo"});

    // A document that fails leaves the index as it was, with the contents.
    CHECK_THROWS_AS(bestvalue::read_json(store, R"({"bestvalue": "1", "actions": [
        {"id": "rochford/cpa-plan-2009/9.9", "plan": "no-such-plan"}]})"),
                    bestvalue::ValidationError);
    CHECK(store.index().actions_in_plan("no-such-plan").empty());
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    CHECK(store.index().actions_by_due().size() ==
          static_cast<std::size_t>(std::count_if(
              store.actions().begin(), store.actions().end(),
              [](const bestvalue::Action& action) { return action.due_end().has_value(); })));
}
