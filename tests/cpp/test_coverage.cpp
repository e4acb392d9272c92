#include <algorithm>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/coverage.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Date;
using bestvalue::EntityKind;
using bestvalue::Lifecycle;
using bestvalue::Store;

namespace {

using bestvalue::testing::five_papers;

template <typename Entity>
std::vector<std::string> ids_of(const std::vector<const Entity*>& entities) {
    std::vector<std::string> ids;
    for (const Entity* entity : entities) {
        ids.push_back(entity->id);
    }
    return ids;
}
std::vector<std::string> ids_of(const std::vector<bestvalue::ActionView>& actions) {
    std::vector<std::string> ids;
    for (const auto& action : actions) {
        ids.emplace_back(action.id());
    }
    return ids;
}

// Strips a common prefix, so expected lists read like the paper.
std::vector<std::string> tails(std::vector<std::string> ids, std::string_view prefix) {
    for (auto& id : ids) {
        if (id.rfind(prefix, 0) == 0) {
            id.erase(0, prefix.size());
        }
    }
    return ids;
}

const std::string cannock = "cannock-chase/dot-plan-2008-09/";
const std::string dot_plan = "cannock-chase/dot-plan-2008-09";
const std::string housing_plan = "cannock-chase/strategic-housing-plan";
const Date scrutiny(2009, 3, 18);
const Date rop_report(2003, 7, 31);

} // namespace

// Cannock Chase, report of 18 March 2009, paragraph 3.3: the plan "seeks to capture three of
// the four recommendations" of the Annual Audit and Inspection Letter; "a separate improvement
// plan has been drawn up" for the one on strategic housing (recommendation 3, paragraph 3.10).
TEST_CASE("Cannock Chase's plan captures three of the four recommendations and the housing "
          "plan the fourth",
          "[coverage][cannock]") {
    const Store& store = five_papers();

    const auto captured = bestvalue::recommendations_addressed_by(store, dot_plan);
    CHECK(tails(ids_of(captured), cannock) == std::vector<std::string>{"rec-1", "rec-2", "rec-4"});
    CHECK(tails(ids_of(bestvalue::recommendations_addressed_by(store, housing_plan)), cannock) ==
          std::vector<std::string>{"rec-3"});

    // Section 1 of Annex 1 (actions 1.11 to 1.3c) answers recommendation 1, section 2 the second,
    // section 3 (3a-3c) the fourth.
    CHECK(tails(ids_of(bestvalue::actions_addressing(store, cannock + "rec-1")), cannock) ==
          std::vector<std::string>{"1.11", "1.12", "1.13", "1.14", "1.14b", "1.15", "1.15b", "1.16",
                                   "1.17", "1.2a", "1.2b", "1.2c", "1.2d", "1.3a", "1.3b", "1.3c"});
    CHECK(tails(ids_of(bestvalue::actions_addressing(store, cannock + "rec-2")), cannock) ==
          std::vector<std::string>{"2.1", "2.2", "2.3", "2.4", "2.5", "2.6"});
    CHECK(bestvalue::actions_addressing(store, cannock + "rec-3").empty());
    CHECK(tails(ids_of(bestvalue::actions_addressing(store, cannock + "rec-4")), cannock) ==
          std::vector<std::string>{"3a", "3b", "3c"});

    CHECK(ids_of(bestvalue::plans_addressing(store, cannock + "rec-3")) ==
          std::vector<std::string>{housing_plan});
    CHECK(bestvalue::plans_addressing(store, cannock + "rec-1").empty());

    CHECK(tails(ids_of(bestvalue::recommendations_addressed_by(store, cannock + "3b")), cannock) ==
          std::vector<std::string>{"rec-4"});

    // Every recommendation is addressed; none is delivered on the day of the report: 1.14
    // (July 2009), 2.4 (Jan 2009) and 3a (Jan 2009) are not done, and recommendation 3 has only
    // a whole plan behind it.
    for (const char* number : {"rec-1", "rec-2", "rec-3", "rec-4"}) {
        const auto& recommendation = store.get_recommendation(cannock + number);
        CHECK(bestvalue::is_addressed(store, recommendation));
        CHECK_FALSE(bestvalue::is_delivered_on(store, recommendation, scrutiny));
    }
    CHECK(bestvalue::coverage_by_source(store, scrutiny).at("cannock-chase/audit-letter-2008") ==
          bestvalue::CoverageSummary{4, 4, 0});
}

// Oxfordshire, Annex 1 'as at July 2003': the 24 recommendations of the peer review (PR) and the
// CPA each appear once as an action of Raising our Performance, with a progress symbol. Counted
// from the seed text, '(((' (action completed) stands against seven of them:
//   2.1: PR (((, CPA (((          3.1: PR (((, CPA (
//   3.2: PR ((, PR ((, PR ((, CPA (((
//   3.3: PR (((, PR (((, CPA (((, CPA ((
//   4.4, 5.1, 5.2, 5.4 and 6: none completed.
// So PR: 4 of 15 delivered, CPA: 3 of 9.
TEST_CASE("Raising our Performance: 24 recommendations, one action each, seven delivered by "
          "July 2003",
          "[coverage][oxfordshire]") {
    const Store& store = five_papers();
    std::size_t oxfordshire = 0;
    std::vector<std::string> delivered;
    for (const auto& recommendation : store.recommendations()) {
        if (recommendation.id.rfind("oxfordshire/", 0) != 0) {
            continue;
        }
        ++oxfordshire;
        const auto actions = bestvalue::actions_addressing(store, recommendation.id);
        REQUIRE(actions.size() == 1);
        CHECK(actions.front().plan() == "oxfordshire/raising-our-performance");
        CHECK(bestvalue::plans_addressing(store, recommendation.id).empty());
        if (bestvalue::is_delivered_on(store, recommendation, rop_report)) {
            delivered.push_back(recommendation.id);
        }
        // Nothing had been reported the day before the report.
        CHECK_FALSE(bestvalue::is_delivered_on(store, recommendation,
                                               rop_report - boost::gregorian::days(1)));
    }
    CHECK(oxfordshire == 24);
    CHECK(delivered ==
          std::vector<std::string>{
              "oxfordshire/peer-review-2001/rec/2.1-2", "oxfordshire/cpa-2002/rec/2.1-3",
              "oxfordshire/peer-review-2001/rec/3.1-2", "oxfordshire/cpa-2002/rec/3.2-5",
              "oxfordshire/peer-review-2001/rec/3.3-2", "oxfordshire/peer-review-2001/rec/3.3-3",
              "oxfordshire/cpa-2002/rec/3.3-4"});

    const auto by_source = bestvalue::coverage_by_source(store, rop_report);
    CHECK(by_source.at("oxfordshire/peer-review-2001") == bestvalue::CoverageSummary{15, 15, 4});
    CHECK(by_source.at("oxfordshire/cpa-2002") == bestvalue::CoverageSummary{9, 9, 3});
    const auto by_tag = bestvalue::coverage_by_source_tag(store, rop_report);
    CHECK(by_tag.at("PR") == bestvalue::CoverageSummary{15, 15, 4});
    CHECK(by_tag.at("CPA") == bestvalue::CoverageSummary{9, 9, 3});
    CHECK(by_tag.at("") == bestvalue::CoverageSummary{4, 4, 0}); // Cannock Chase's, untagged

    // All five papers: 24 + 4 recommendations, all addressed.
    CHECK(bestvalue::coverage_on(store, rop_report) == bestvalue::CoverageSummary{28, 28, 7});
    CHECK(bestvalue::coverage_on(store, rop_report,
                                 bestvalue::recommendation_filters::tagged(store, "CPA")) ==
          bestvalue::CoverageSummary{9, 9, 3});
    CHECK(bestvalue::coverage_on(store, rop_report,
                                 bestvalue::recommendation_filters::from_source(
                                     store, "oxfordshire/peer-review-2001")) ==
          bestvalue::CoverageSummary{15, 15, 4});
}

TEST_CASE("the traceability matrix has a row per recommendation and what addresses it",
          "[coverage][traceability]") {
    const Store& store = five_papers();
    const auto rows = bestvalue::traceability(store, scrutiny);
    // Oxfordshire: 24 rows of one action each; Cannock Chase: 16 + 6 + 1 (the housing plan) + 3.
    REQUIRE(rows.size() == 24 + 16 + 6 + 1 + 3);

    const auto& first = rows.front();
    CHECK(first.recommendation == "oxfordshire/peer-review-2001/rec/2.1-2");
    CHECK(first.source == "oxfordshire/peer-review-2001");
    CHECK(first.assessors == std::vector<std::string>{"idea"});
    CHECK(first.source_tag == "PR");
    CHECK(first.addressed_by == "oxfordshire/raising-our-performance/2.1/2");
    CHECK(first.addressed_by_kind == EntityKind::action);
    CHECK(first.plan == "oxfordshire/raising-our-performance");
    CHECK(first.lifecycle == Lifecycle::completed);
    CHECK(first.health == bestvalue::Health::blue);

    // Cannock Chase's rows follow, in the order the recommendations and actions were added.
    const auto cannock_first = std::find_if(rows.begin(), rows.end(), [](const auto& row) {
        return row.recommendation.rfind("cannock-chase/", 0) == 0;
    });
    REQUIRE(cannock_first - rows.begin() == 24);
    CHECK(cannock_first->addressed_by == cannock + "1.11");
    CHECK(cannock_first->assessors == std::vector<std::string>{"audit-commission"});
    CHECK(cannock_first->source_tag.empty());
    CHECK(cannock_first->lifecycle == Lifecycle::completed); // 'Done'
    const auto& still_to_do = *(cannock_first + 3);          // 1.14, due July 2009
    CHECK(still_to_do.addressed_by == cannock + "1.14");
    CHECK(still_to_do.lifecycle == Lifecycle::not_started);
    CHECK_FALSE(still_to_do.health.has_value());

    const auto& housing = rows[24 + 16 + 6];
    CHECK(housing.recommendation == cannock + "rec-3");
    CHECK(housing.addressed_by == housing_plan);
    CHECK(housing.addressed_by_kind == EntityKind::plan);
    CHECK(housing.plan == housing_plan);
    CHECK_FALSE(housing.lifecycle.has_value());
    CHECK_FALSE(housing.health.has_value());
    CHECK(rows.back().addressed_by == cannock + "3c");
}

// No seed paper has a recommendation that nothing addresses, nor one whose every action is
// completed later than reported; a small store is built here for both.
TEST_CASE("an unaddressed recommendation has one empty row, delivery waits for every action",
          "[coverage]") {
    bestvalue::Contents contents;
    bestvalue::Organisation council;
    council.id = "council";
    council.name = "A Council";
    contents.organisations.push_back(council);
    bestvalue::Assessment review;
    review.id = "council/review";
    review.assessors = {"council"};
    contents.assessments.push_back(review);
    for (const char* id : {"council/rec-1", "council/rec-2"}) {
        bestvalue::Recommendation recommendation;
        recommendation.id = id;
        recommendation.source = "council/review";
        contents.recommendations.push_back(recommendation);
    }
    bestvalue::Plan plan;
    plan.id = "council/plan";
    plan.organisation = "council";
    contents.plans.push_back(plan);
    for (const char* id : {"council/plan/a", "council/plan/b"}) {
        bestvalue::Action action;
        action.id = id;
        action.plan = "council/plan";
        action.addresses = {"council/rec-1"};
        contents.actions.push_back(action);
    }
    const auto done = [](const char* subject, Date day) {
        bestvalue::ProgressUpdate update;
        update.subject = subject;
        update.as_of = day;
        update.lifecycle = Lifecycle::completed;
        return update;
    };
    contents.progress.push_back(done("council/plan/a", Date(2010, 1, 10)));
    contents.progress.push_back(done("council/plan/b", Date(2010, 2, 20)));
    Store store;
    store.add(contents);

    const auto& first = store.get_recommendation("council/rec-1");
    CHECK_FALSE(bestvalue::is_delivered_on(store, first, Date(2010, 2, 19))); // b not yet done
    CHECK(bestvalue::is_delivered_on(store, first, Date(2010, 2, 20)));

    const auto& second = store.get_recommendation("council/rec-2");
    CHECK_FALSE(bestvalue::is_addressed(store, second));
    CHECK_FALSE(bestvalue::is_delivered_on(store, second, Date(2010, 2, 20)));

    const auto rows = bestvalue::traceability(store, Date(2010, 2, 20));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].addressed_by == "council/plan/a");
    CHECK(rows[1].addressed_by == "council/plan/b");
    bestvalue::TraceRow empty;
    empty.recommendation = "council/rec-2";
    empty.source = "council/review";
    empty.assessors = {"council"};
    CHECK(rows[2] == empty);

    CHECK(bestvalue::coverage_on(store, Date(2010, 2, 20)) == bestvalue::CoverageSummary{2, 1, 1});
    CHECK(bestvalue::coverage_on(store, Date(2010, 2, 19)) == bestvalue::CoverageSummary{2, 1, 0});
}

TEST_CASE("unknown ids are NotFound", "[coverage][errors]") {
    const Store& store = five_papers();
    CHECK_THROWS_AS(bestvalue::actions_addressing(store, "no/such/rec"), bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::plans_addressing(store, "no/such/rec"), bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::recommendations_addressed_by(store, "no/such/action"),
                    bestvalue::NotFound);
    // A section or a recommendation is neither an action nor a plan.
    CHECK_THROWS_AS(bestvalue::recommendations_addressed_by(store, cannock + "section-1"),
                    bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::recommendations_addressed_by(store, cannock + "rec-1"),
                    bestvalue::NotFound);
    bestvalue::Recommendation stranger;
    stranger.id = "elsewhere/rec-1";
    CHECK_THROWS_AS(bestvalue::is_addressed(store, stranger), bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::is_delivered_on(store, stranger, scrutiny), bestvalue::NotFound);
    try {
        (void)bestvalue::recommendations_addressed_by(store, "no/such/action");
    } catch (const bestvalue::NotFound& error) {
        CHECK(error.kind() == "action or plan");
        CHECK(error.id() == "no/such/action");
    }
}
