#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/table.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::BooleanValues;
using bestvalue::ColumnType;
using bestvalue::Date;
using bestvalue::DateValues;
using bestvalue::IntegerValues;
using bestvalue::NumberValues;
using bestvalue::Store;
using bestvalue::Table;
using bestvalue::TextListValues;
using bestvalue::TextValues;

namespace {

const std::string examples = bestvalue::testing::examples_dir();

const Store& raising_our_performance() {
    static const Store store =
        bestvalue::load_json_file(examples + "001-oxfordshire-raising-our-performance-2003.json");
    return store;
}

using bestvalue::testing::five_papers;

template <typename Entity>
std::vector<const Entity*> all(const std::vector<Entity>& entities) {
    std::vector<const Entity*> pointers;
    for (const auto& entity : entities) {
        pointers.push_back(&entity);
    }
    return pointers;
}
std::vector<bestvalue::ActionView> all(const bestvalue::ActionTable& actions) {
    return {actions.begin(), actions.end()};
}

std::size_t count_of(const TextValues& values, const char* value) {
    return static_cast<std::size_t>(std::count(values.begin(), values.end(), value));
}

} // namespace

TEST_CASE("an action table has the documented columns, in order and typed", "[table]") {
    const Store& store = raising_our_performance();
    const Table table = bestvalue::action_table(store, all(store.actions()), Date(2003, 7, 31));
    CHECK(table.column_names() ==
          std::vector<std::string>{"id", "plan", "organisation", "section", "ref", "title", "text",
                                   "leads", "due", "due_end", "lifecycle", "health", "overdue",
                                   "percent", "source_tags", "addresses", "visibility"});
    CHECK(table.row_count() == 44);
    CHECK(table.column("id").type() == ColumnType::text);
    CHECK(table.column("leads").type() == ColumnType::text_list);
    CHECK(table.column("due_end").type() == ColumnType::date);
    CHECK(table.column("overdue").type() == ColumnType::boolean);
    CHECK(table.column("percent").type() == ColumnType::number);
    CHECK(table.column("lifecycle").categories ==
          std::vector<std::string>{"not_started", "in_progress", "on_hold", "deferred", "completed",
                                   "cancelled", "superseded"});
    CHECK(table.column("health").categories ==
          std::vector<std::string>{"red", "amber", "green", "blue"});
    CHECK(table.column("id").categories.empty());
    for (const auto& column : table.columns()) {
        CHECK(column.size() == 44);
    }
    const auto& ids = table.values<TextValues>("id");
    for (std::size_t row = 0; row < ids.size(); ++row) {
        const auto action = store.actions()[row];
        CHECK(ids[row] == action.id());
        CHECK(table.values<TextValues>("organisation")[row] == "oxfordshire");
        CHECK(table.values<TextListValues>("source_tags")[row] == action.source_tags());
        CHECK(table.values<TextListValues>("addresses")[row] == action.addresses());
        CHECK(table.values<TextValues>("visibility")[row] == "public");
    }
}

TEST_CASE("an action table gives status as of its day, from the history", "[table]") {
    const Store& store = raising_our_performance();
    const auto plan =
        bestvalue::actions(store).in_plan("oxfordshire/raising-our-performance").run();
    REQUIRE(plan.size() == 44);

    const Table reported = bestvalue::action_table(store, plan, Date(2003, 7, 31));
    const auto& lifecycle = reported.values<TextValues>("lifecycle");
    CHECK(count_of(lifecycle, "completed") == 18);
    CHECK(count_of(lifecycle, "in_progress") == 26);
    const auto& health = reported.values<TextValues>("health");
    CHECK(count_of(health, "blue") == 18);
    CHECK(count_of(health, "amber") == 20);
    CHECK(count_of(health, "red") == 6);

    const Table before = bestvalue::action_table(store, plan, Date(2003, 7, 30));
    CHECK(count_of(before.values<TextValues>("lifecycle"), "not_started") == 44);
    // Nothing was reported yet, so every health is missing, not an empty string.
    const auto& no_health = before.values<TextValues>("health");
    CHECK(std::all_of(no_health.begin(), no_health.end(),
                      [](const auto& value) { return !value.has_value(); }));
    // The paper gives no percentages: percent is NaN throughout.
    const auto& percent = before.values<NumberValues>("percent");
    CHECK(std::all_of(percent.begin(), percent.end(), [](double p) { return std::isnan(p); }));
}

TEST_CASE("overdue, due text and due_end agree with the store", "[table]") {
    const Store& store = five_papers();
    const Date day(2009, 3, 18);
    const auto actions = bestvalue::actions(store).in_organisation("cannock-chase").run();
    const Table table = bestvalue::action_table(store, actions, day);
    const auto& overdue = table.values<BooleanValues>("overdue");
    const auto& due = table.values<TextValues>("due");
    const auto& due_end = table.values<DateValues>("due_end");
    std::vector<std::string> late;
    for (std::size_t row = 0; row < actions.size(); ++row) {
        const auto& action = actions[row];
        CHECK(overdue[row] == store.is_overdue_on(action, day));
        CHECK(due_end[row] == action.due_end());
        if (action.due()) {
            CHECK(due[row] == action.due()->text);
        } else {
            CHECK_FALSE(due[row].has_value());
        }
        if (overdue[row]) {
            late.emplace_back(action.id());
        }
    }
    CHECK(late == std::vector<std::string>{"cannock-chase/dot-plan-2008-09/2.4",
                                           "cannock-chase/dot-plan-2008-09/3a",
                                           "cannock-chase/dot-plan-2008-09/3c"});
}

TEST_CASE("missing values: no due, no section, several leads", "[table]") {
    const Store& store = five_papers();
    // An Oxfordshire action with no due: due and due_end are missing.
    const auto undated = store.get_action("oxfordshire/raising-our-performance/1/1");
    REQUIRE(!undated.due());
    // A Rochford action led by two officers.
    const auto shared = store.get_action("rochford/cpa-plan-2009/1.4");
    const Table table = bestvalue::action_table(store, {undated, shared}, Date(2009, 3, 1));
    CHECK_FALSE(table.values<TextValues>("due")[0].has_value());
    CHECK_FALSE(table.values<DateValues>("due_end")[0].has_value());
    CHECK(table.values<TextValues>("due")[1] == "Jan/Feb 09");
    CHECK(table.values<DateValues>("due_end")[1] == Date(2009, 2, 28));
    CHECK(table.values<TextListValues>("leads")[1] ==
          std::vector<std::string>{"rochford/officer/smt", "rochford/officer/cppu"});
    CHECK(table.values<TextListValues>("leads")[0].empty());
}

TEST_CASE("percent is the latest known on the day, recorded by then", "[table]") {
    // The seed papers give no percentages, so a small store is built here.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    bestvalue::Action action;
    action.id = "council/plan/1";
    action.plan = "council/plan";
    action.ref = "1";
    contents.actions.push_back(action);
    const auto update = [&](Date as_of, std::optional<double> percent,
                            std::optional<Date> recorded = std::nullopt) {
        bestvalue::ProgressUpdate value;
        value.subject = "council/plan/1";
        value.as_of = as_of;
        value.recorded = recorded;
        value.percent = percent;
        value.narrative = "update";
        contents.progress.push_back(value);
    };
    update(Date(2009, 1, 31), 25.0);
    update(Date(2009, 2, 28), std::nullopt); // a narrative only: the 25 still stands
    update(Date(2009, 3, 31), 60.0, Date(2009, 4, 20));
    Store store;
    store.add(contents);
    const auto stored = store.get_action("council/plan/1");
    const auto percent_on = [&](Date day) {
        return bestvalue::action_table(store, {stored}, day).values<NumberValues>("percent")[0];
    };
    CHECK(std::isnan(percent_on(Date(2009, 1, 30))));
    CHECK(percent_on(Date(2009, 1, 31)) == 25.0);
    CHECK(percent_on(Date(2009, 3, 1)) == 25.0);
    CHECK(percent_on(Date(2009, 4, 1)) == 25.0); // the 60 was not recorded until 20 April
    CHECK(percent_on(Date(2009, 4, 20)) == 60.0);
}

TEST_CASE("recommendation, assessment, rating and plan tables hold their entities", "[table]") {
    const Store& store = five_papers();

    const Table recommendations =
        bestvalue::recommendation_table(store, all(store.recommendations()));
    CHECK(recommendations.column_names() == std::vector<std::string>{"id", "number", "text",
                                                                     "source", "source_tag",
                                                                     "priority", "visibility"});
    CHECK(recommendations.row_count() == store.recommendations().size());
    for (std::size_t row = 0; row < store.recommendations().size(); ++row) {
        const auto& recommendation = store.recommendations()[row];
        const auto& number = recommendations.values<TextValues>("number")[row];
        CHECK(number.value_or("") == recommendation.number);
        CHECK(number.has_value() == !recommendation.number.empty());
        CHECK(recommendations.values<TextValues>("source")[row].value_or("") ==
              recommendation.source);
    }

    const Table assessments = bestvalue::assessment_table(store, all(store.assessments()));
    CHECK(assessments.column_names() ==
          std::vector<std::string>{"id", "title", "kind", "assessors", "subject", "service_areas",
                                   "programme", "track", "scheduled", "scheduled_start",
                                   "scheduled_end", "actual", "status", "responsible",
                                   "visibility"});
    CHECK(assessments.row_count() == store.assessments().size());
    CHECK(assessments.column("kind").categories.size() == 13);
    for (std::size_t row = 0; row < store.assessments().size(); ++row) {
        const auto& assessment = store.assessments()[row];
        CHECK(assessments.values<TextValues>("kind")[row] ==
              std::string(bestvalue::to_name(assessment.kind)));
        CHECK(assessments.values<TextListValues>("assessors")[row] == assessment.assessors);
        CHECK(assessments.values<TextListValues>("responsible")[row] ==
              assessment.responsible_officers);
        const auto& status = assessments.values<TextValues>("status")[row];
        CHECK(status.has_value() == assessment.status.has_value());
        const auto& start = assessments.values<DateValues>("scheduled_start")[row];
        const auto& end = assessments.values<DateValues>("scheduled_end")[row];
        if (assessment.scheduled && !assessment.scheduled->periods.empty()) {
            CHECK(assessments.values<TextValues>("scheduled")[row] == assessment.scheduled->text);
            REQUIRE(end.has_value());
            Date latest = assessment.scheduled->periods.front().end();
            for (const auto& period : assessment.scheduled->periods) {
                latest = std::max(latest, period.end());
            }
            CHECK(*end == latest);
            if (start) {
                CHECK(*start <= *end);
            }
        } else {
            CHECK_FALSE(start.has_value());
            CHECK_FALSE(end.has_value());
        }
    }

    const Table ratings = bestvalue::rating_table(store, all(store.ratings()));
    CHECK(ratings.column_names() == std::vector<std::string>{"id", "scale", "level", "subject",
                                                             "service_area", "component", "date",
                                                             "assessment", "text", "visibility"});
    const auto* cannock = store.find_rating("cannock-chase/use-of-resources/score");
    REQUIRE(cannock != nullptr);
    const Table one = bestvalue::rating_table(store, {cannock});
    CHECK(one.values<TextValues>("level")[0] == "3");
    CHECK(one.values<TextValues>("component")[0] == "use of resources");
    CHECK_FALSE(one.values<TextValues>("service_area")[0].has_value()); // of the whole body
    CHECK_FALSE(one.values<DateValues>("date")[0].has_value());         // the paper gives none

    const Table plans = bestvalue::plan_table(store, all(store.plans()));
    CHECK(plans.column_names() == std::vector<std::string>{"id", "title", "organisation", "kind",
                                                           "status", "adopted", "versions",
                                                           "visibility"});
    CHECK(plans.column("versions").type() == ColumnType::integer);
    for (std::size_t row = 0; row < store.plans().size(); ++row) {
        const auto& plan = store.plans()[row];
        CHECK(plans.values<IntegerValues>("versions")[row] ==
              static_cast<std::int64_t>(plan.versions.size()));
        CHECK(plans.values<DateValues>("adopted")[row] == plan.adopted);
    }
}

TEST_CASE("an empty selection gives every column with no rows", "[table]") {
    const Store& store = five_papers();
    const Table table = bestvalue::action_table(store, {}, Date(2009, 3, 18));
    CHECK(table.row_count() == 0);
    CHECK(table.column_count() == 17);
    CHECK(table.column("due_end").type() == ColumnType::date);
    CHECK(bestvalue::plan_table(store, {}).column_count() == 8);
}

TEST_CASE("a table refuses a repeated name or a column of another length", "[table]") {
    Table table;
    table.add({"a", TextValues{"x", std::nullopt}, {}});
    CHECK(table.row_count() == 2);
    CHECK_THROWS_AS(table.add({"a", NumberValues{1, 2}, {}}), bestvalue::Error);
    CHECK_THROWS_AS(table.add({"b", NumberValues{1}, {}}), bestvalue::Error);
    CHECK_THROWS_AS(table.column("c"), bestvalue::NotFound);
    CHECK_THROWS_AS(table.values<NumberValues>("a"), bestvalue::Error);
    CHECK(table.column_count() == 1);
    CHECK(table == table);
}

TEST_CASE("text columns lie end to end, as Arrow lays strings out", "[table]") {
    TextValues texts{"due", std::nullopt, "", "Jan 2009"};
    CHECK(texts.size() == 4);
    CHECK(texts[0] == "due");
    CHECK_FALSE(texts[1].has_value());
    CHECK(texts[2] == ""); // empty, yet present: only a column's maker turns "" into missing
    CHECK(texts[3] == "Jan 2009");
    CHECK(texts.texts().bytes() == "dueJan 2009");
    CHECK(std::vector<std::size_t>(texts.texts().starts().begin(), texts.texts().starts().end()) ==
          std::vector<std::size_t>{0, 3, 3, 3, 11});
    CHECK(std::vector<std::uint8_t>(texts.present().begin(), texts.present().end()) ==
          std::vector<std::uint8_t>{1, 0, 1, 1});
    CHECK(std::vector<std::optional<std::string_view>>(texts.begin(), texts.end()) ==
          std::vector<std::optional<std::string_view>>{"due", std::nullopt, "", "Jan 2009"});
    CHECK(texts == TextValues{"due", std::nullopt, "", "Jan 2009"});
    CHECK_FALSE(texts == TextValues{"due", "", "", "Jan 2009"}); // missing is not empty

    const TextListValues lists{{"a", "bc"}, {}, {"d"}};
    CHECK(lists.size() == 3);
    CHECK(lists[0] == std::vector<std::string>{"a", "bc"});
    CHECK(lists[1].empty());
    CHECK(lists[2].to_vector() == std::vector<std::string>{"d"});
    CHECK_FALSE(lists[0] == std::vector<std::string>{"a"});
    CHECK_FALSE(lists[0] == std::vector<std::string>{"a", "b"});
    CHECK(lists.texts().bytes() == "abcd");
    CHECK(std::vector<std::size_t>(lists.row_starts().begin(), lists.row_starts().end()) ==
          std::vector<std::size_t>{0, 2, 2, 3});
    std::size_t rows = 0;
    for (const auto& list : lists) {
        CHECK(list == lists[rows]);
        ++rows;
    }
    CHECK(rows == 3);
    CHECK_FALSE(lists == TextListValues{{"a", "bc"}, {"d"}, {}});
}

TEST_CASE("a column reads its getter's text in place, and empty text is missing", "[table]") {
    const Store& store = five_papers();
    const auto rows = all(store.actions());
    const auto column = bestvalue::make_column("ref", rows, &bestvalue::ActionView::ref);
    const auto& refs = std::get<TextValues>(column.values);
    REQUIRE(refs.size() == rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const auto ref = rows[row].ref();
        CHECK(refs[row].has_value() == !ref.empty());
        CHECK(refs[row].value_or("") == ref);
    }
}

TEST_CASE("each action's organisation is its plan's, however the rows are ordered", "[table]") {
    const Store& store = five_papers();
    auto rows = all(store.actions());
    // Interleaved: every other row from the end, so consecutive rows' plans keep changing.
    std::vector<bestvalue::ActionView> mixed;
    for (std::size_t front = 0, back = rows.size(); front < back;) {
        mixed.push_back(rows[front++]);
        if (front < back) {
            mixed.push_back(rows[--back]);
        }
    }
    const Table table = bestvalue::action_table(store, mixed, Date(2009, 3, 18));
    const auto& organisations = table.values<TextValues>("organisation");
    std::set<std::string_view> seen;
    for (std::size_t row = 0; row < mixed.size(); ++row) {
        const auto& organisation = store.get_plan(mixed[row].plan()).organisation;
        CHECK(organisations[row] == organisation);
        seen.insert(organisation);
    }
    CHECK(seen.size() >= 3);
}

TEST_CASE("a column naming enumerators holds each row's code among its categories", "[table]") {
    const Store& store = five_papers();
    const Table table = bestvalue::action_table(store, all(store.actions()), Date(2009, 3, 18));
    std::size_t missing = 0;
    for (const char* name : {"lifecycle", "health", "visibility"}) {
        const auto& column = table.column(name);
        const auto& texts = std::get<TextValues>(column.values);
        REQUIRE(column.codes.size() == texts.size());
        for (std::size_t row = 0; row < texts.size(); ++row) {
            const auto code = column.codes[row];
            if (!texts[row]) {
                CHECK(code == -1);
                ++missing;
                continue;
            }
            REQUIRE(code >= 0);
            CHECK(column.categories.at(static_cast<std::size_t>(code)) == *texts[row]);
        }
    }
    CHECK(missing > 0); // health not reported by that day
    CHECK(table.column("id").codes.empty());
    CHECK(table.column("due_end").codes.empty());
}
