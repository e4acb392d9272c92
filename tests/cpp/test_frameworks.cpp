// The shipped frameworks of data/frameworks/, row by row and cap by cap; the ratings are made
// up in each test to hit one row, since no dataset holds the component scores these rules take.

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <bestvalue/error.hpp>
#include <bestvalue/rules/framework.hpp>

#include <catch2/catch.hpp>

using bestvalue::ComponentRatings;
using bestvalue::Evaluation;
using bestvalue::Framework;

namespace {

const std::string data_dir = std::string(BESTVALUE_TEST_DATA_DIR) + "/../../data/frameworks/";

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

ComponentRatings themes(int reporting, int management, int standing, int control, int vfm) {
    return {{"financial_reporting", std::to_string(reporting)},
            {"financial_management", std::to_string(management)},
            {"financial_standing", std::to_string(standing)},
            {"internal_control", std::to_string(control)},
            {"value_for_money", std::to_string(vfm)}};
}

// Corporate assessment, Level 1 (children, adults, use of resources) and Level 2 (housing,
// environment, culture, benefits) as the default groups hold them.
ComponentRatings stars(int ca, std::array<int, 3> level1, std::array<int, 4> level2) {
    return {{"corporate_assessment", std::to_string(ca)},
            {"children_and_young_people", std::to_string(level1[0])},
            {"adult_social_care", std::to_string(level1[1])},
            {"use_of_resources", std::to_string(level1[2])},
            {"housing", std::to_string(level2[0])},
            {"environment", std::to_string(level2[1])},
            {"culture", std::to_string(level2[2])},
            {"benefits", std::to_string(level2[3])}};
}

// Every CPA 2002 input at 3, with the matrix axes and education as given.
ComponentRatings cpa2002(int core, int ability) {
    ComponentRatings ratings;
    for (const char* name :
         {"education", "social_services", "environment", "housing", "libraries_and_leisure",
          "benefits", "use_of_resources", "financial_standing"}) {
        ratings[name] = "3";
    }
    ratings["core_service_score"] = std::to_string(core);
    ratings["council_ability_score"] = std::to_string(ability);
    return ratings;
}

// The shipped CPA 2002 file with a user-supplied matrix: 4 and 4 → excellent beside the
// published 3 and 3 → good.
Framework cpa2002_with_matrix() {
    return bestvalue::parse_framework(replaced(read_text(data_dir + "cpa-2002-caps.json"),
                                               R"({"row": "3", "column": "3", "then": "good"})",
                                               R"({"row": "3", "column": "3", "then": "good"},
                    {"row": "4", "column": "4", "then": "excellent"})"),
                                      "user-matrix.json");
}

std::string outcome(const Evaluation& evaluation) {
    return evaluation.outcome.value_or("?");
}

} // namespace

TEST_CASE("shipped frameworks are found by name and cite their sources", "[frameworks]") {
    const auto names = bestvalue::shipped_frameworks();
    for (const char* name : {"use-of-resources-2005", "cpa-2005-stars", "cpa-2002-caps"}) {
        INFO(name);
        CHECK(std::find(names.begin(), names.end(), name) != names.end());
        const Framework framework = bestvalue::load_framework(name);
        CHECK(framework.id == name);
        REQUIRE_FALSE(framework.sources.empty());
        CHECK_FALSE(framework.sources.front().text.empty());
    }
    const auto uor = bestvalue::load_framework("use-of-resources-2005");
    CHECK(uor.sources.front().text ==
          "Worcestershire County Council's published Use of Resources page, 2007, reproducing "
          "the Audit Commission rules");
    CHECK(bestvalue::load_framework("cpa-2005-stars").sources.front().publisher ==
          "Sunderland City Council");
    CHECK(bestvalue::load_framework(data_dir + "use-of-resources-2005.json") == uor);
    CHECK_THROWS_AS(bestvalue::load_framework("no-such-framework"), bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::load_framework("/no/such/file.json"), bestvalue::NotFound);
}

TEST_CASE("BESTVALUE_DATA_DIR is searched before the installed and source folders",
          "[frameworks]") {
    const auto dir = std::filesystem::temp_directory_path() / "bestvalue-test-frameworks";
    std::filesystem::create_directories(dir / "frameworks");
    {
        std::ofstream out(dir / "frameworks" / "use-of-resources-2005.json");
        out << replaced(read_text(data_dir + "use-of-resources-2005.json"),
                        R"("title": "Use of Resources 2005-2008)", R"("title": "A local copy)");
    }
    ::setenv("BESTVALUE_DATA_DIR", dir.c_str(), 1);
    const auto path = bestvalue::framework_search_path();
    const auto title = bestvalue::load_framework("use-of-resources-2005").title;
    ::unsetenv("BESTVALUE_DATA_DIR");
    std::filesystem::remove_all(dir);
    REQUIRE_FALSE(path.empty());
    CHECK(path.front() == dir);
    CHECK(title.rfind("A local copy", 0) == 0);
}

TEST_CASE("use of resources 2005: each published row decides its case", "[frameworks][uor]") {
    const auto uor = bestvalue::load_framework("use-of-resources-2005");
    // row 1: two or more themes score 4 and none below 3
    CHECK(outcome(evaluate(uor, themes(4, 4, 3, 3, 3))) == "4");
    // row 1 fails on 'none below 3' and row 2 takes it
    const auto two_below = evaluate(uor, themes(4, 4, 4, 4, 2));
    CHECK(outcome(two_below) == "3");
    CHECK(two_below.steps.at(0).because ==
          "not matched: none below 3 in themes fails: 1 of 5 below 3 (value_for_money = 2)");
    CHECK(two_below.steps.at(1).applies);
    // row 1 fails on 'two or more score 4'
    CHECK(outcome(evaluate(uor, themes(4, 3, 3, 3, 3))) == "3");
    // row 2: three or more score 3 or more and none below 2
    CHECK(outcome(evaluate(uor, themes(3, 3, 3, 2, 2))) == "3");
    // row 3: three or more score 2 or more (row 2 fails on a 1)
    CHECK(outcome(evaluate(uor, themes(4, 4, 4, 1, 2))) == "2");
    CHECK(outcome(evaluate(uor, themes(2, 2, 2, 1, 1))) == "2");
    // row 4: otherwise
    const auto low = evaluate(uor, themes(2, 2, 1, 1, 1));
    CHECK(outcome(low) == "1");
    CHECK(low.steps.back().rule == "row 4");
    CHECK(low.steps.back().text == "otherwise 1");
    CHECK(low.to_string().rfind("use-of-resources-2005: 1 (1 out of 4)\n  row 1 [", 0) == 0);
}

TEST_CASE("CPA 2005 stars, CA 4: rows 1-4", "[frameworks][cpa2005]") {
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    CHECK(outcome(evaluate(cpa, stars(4, {3, 3, 3}, {2, 2, 2, 2}))) == "4");
    CHECK(outcome(evaluate(cpa, stars(4, {2, 3, 3}, {1, 2, 2, 2}))) == "3");
    CHECK(outcome(evaluate(cpa, stars(4, {1, 3, 3}, {1, 2, 2, 2}))) == "2");
    CHECK(outcome(evaluate(cpa, stars(4, {1, 1, 3}, {4, 4, 4, 4}))) == "1");
    CHECK(outcome(evaluate(cpa, stars(4, {3, 3, 3}, {1, 1, 4, 4}))) == "1");
}

TEST_CASE("CPA 2005 stars, CA 3: rows 5-8", "[frameworks][cpa2005]") {
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    CHECK(outcome(evaluate(cpa, stars(3, {3, 3, 3}, {3, 3, 3, 3}))) == "4");
    CHECK(outcome(evaluate(cpa, stars(3, {3, 3, 3}, {2, 3, 3, 3}))) == "3");
    CHECK(outcome(evaluate(cpa, stars(3, {2, 2, 2}, {1, 2, 2, 2}))) == "2");
    const auto one = evaluate(cpa, stars(3, {1, 4, 4}, {4, 4, 4, 4}));
    CHECK(outcome(one) == "1");
    CHECK(one.steps.back().rule == "row 8");
    // rows 1-4 are for CA 4: each says so
    CHECK(one.steps.front().because ==
          "not matched: corporate_assessment is 4 fails: corporate_assessment = 3");
}

TEST_CASE("CPA 2005 stars, CA 2: two published rows, the rest undetermined",
          "[frameworks][cpa2005]") {
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    CHECK(outcome(evaluate(cpa, stars(2, {3, 3, 3}, {2, 2, 2, 2}))) == "3");
    CHECK(outcome(evaluate(cpa, stars(2, {2, 3, 3}, {2, 2, 2, 2}))) == "2");
    const auto rest = evaluate(cpa, stars(2, {1, 3, 3}, {2, 2, 2, 2}));
    CHECK_FALSE(rest.determined());
    CHECK(rest.missing_rule ==
          "the remaining CA 2 rows of the CPA 2005 star table are not available");
    CHECK(rest.steps.back().rule == "row 11");
    CHECK(rest.to_string().find("undetermined: not published: the remaining CA 2 rows") !=
          std::string::npos);
}

TEST_CASE("CPA 2005 stars, CA 1: undetermined", "[frameworks][cpa2005]") {
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    const auto evaluation = evaluate(cpa, stars(1, {4, 4, 4}, {4, 4, 4, 4}));
    CHECK_FALSE(evaluation.determined());
    CHECK(evaluation.missing_rule == "the CA 1 rows of the CPA 2005 star table are not available");
}

TEST_CASE("CPA 2005 stars: groups are defaults, and fire and rescue counts where present",
          "[frameworks][cpa2005]") {
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    REQUIRE(cpa.find_group("level1") != nullptr);
    CHECK(cpa.find_group("level1")->is_default);
    CHECK(cpa.find_group("level2")->is_default);
    CHECK(cpa.defaults.size() == 2);
    auto ratings = stars(4, {3, 3, 3}, {2, 2, 2, 2});
    ratings["fire_and_rescue"] = "1";
    CHECK(outcome(evaluate(cpa, ratings)) == "3");
}

TEST_CASE("CPA 2002: the one known matrix cell, and the rest undetermined",
          "[frameworks][cpa2002]") {
    const auto cpa = bestvalue::load_framework("cpa-2002-caps");
    const auto good = evaluate(cpa, cpa2002(3, 3));
    CHECK(outcome(good) == "good");
    CHECK(good.outcome_label == "Good");
    const auto other = evaluate(cpa, cpa2002(2, 3));
    CHECK_FALSE(other.determined());
    CHECK(other.missing_rule.rfind("the matrix cell core_service_score = 2, "
                                   "council_ability_score = 3",
                                   0) == 0);
}

TEST_CASE("CPA 2002 cap 1: failing education, social services or financial standing: no higher "
          "than weak",
          "[frameworks][cpa2002]") {
    const auto cpa = bestvalue::load_framework("cpa-2002-caps");
    for (const char* failing : {"education", "social_services", "financial_standing"}) {
        INFO(failing);
        auto ratings = cpa2002(3, 3);
        ratings[failing] = "1";
        const auto evaluation = evaluate(cpa, ratings);
        CHECK(outcome(evaluation) == "weak");
        CHECK(evaluation.steps.at(1).rule == "cap 1");
        CHECK(evaluation.steps.at(1).because.find("lowers good to weak") != std::string::npos);
    }
    // with the matrix undetermined, the cap is reported but decides nothing
    auto ratings = cpa2002(2, 2);
    ratings["education"] = "1";
    const auto capped = evaluate(cpa, ratings);
    CHECK_FALSE(capped.determined());
    CHECK(capped.steps.at(1).because.find("can be no higher than weak") != std::string::npos);
}

TEST_CASE("CPA 2002 caps 2 and 3 with a user-supplied matrix", "[frameworks][cpa2002]") {
    const auto cpa = cpa2002_with_matrix();
    auto ratings = cpa2002(4, 4);
    ratings["education"] = "4";
    CHECK(outcome(evaluate(cpa, ratings)) == "excellent");
    // cap 2: any failing core service
    auto failing = ratings;
    failing["libraries_and_leisure"] = "1";
    const auto two = evaluate(cpa, failing);
    CHECK(outcome(two) == "good");
    CHECK(two.steps.at(2).applies);
    CHECK_FALSE(two.steps.at(3).applies);
    // cap 3: excellent needs at least 3 for education
    auto education = ratings;
    education["education"] = "2";
    const auto three = evaluate(cpa, education);
    CHECK(outcome(three) == "good");
    CHECK_FALSE(three.steps.at(2).applies);
    CHECK(three.steps.at(3).applies);
    // an absent optional core service fails nothing
    ratings.erase("housing");
    CHECK(outcome(evaluate(cpa, ratings)) == "excellent");
}

TEST_CASE("a user-supplied weighting derives the core service score", "[frameworks][cpa2002]") {
    const auto text = replaced(
        read_text(data_dir + "cpa-2002-caps.json"),
        R"({"name": "core_service_score", "label": "Core service performance score", "scale": "cpa-score"})",
        R"({"name": "core_service_score", "scale": "cpa-score",
            "weights": {"education": 2, "social_services": 2, "environment": 1},
            "thresholds": [{"at_least": 15, "then": 3}, {"at_least": 10, "then": "2"}]})");
    const auto cpa = bestvalue::parse_framework(text);
    auto ratings = cpa2002(3, 3);
    ratings.erase("core_service_score");
    const auto evaluation = evaluate(cpa, ratings);
    CHECK(outcome(evaluation) == "good");
    CHECK(evaluation.ratings.at("core_service_score") == "3");
    CHECK(evaluation.steps.front().because ==
          "2 × education 3 + 2 × social_services 3 + 1 × environment 3 = 15, at least 15 → 3");
    ratings["education"] = "1";
    ratings["social_services"] = "1";
    ratings["environment"] = "1";
    const auto below = evaluate(cpa, ratings);
    CHECK_FALSE(below.determined());
    CHECK(below.missing_rule.find("core_service_score") != std::string::npos);
}

TEST_CASE("ratings that do not fit the framework are refused, naming the component",
          "[frameworks][errors]") {
    const auto uor = bestvalue::load_framework("use-of-resources-2005");
    auto missing = themes(3, 3, 3, 3, 3);
    missing.erase("internal_control");
    try {
        (void)evaluate(uor, missing);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].location == "internal_control");
        CHECK(error.problems()[0].message ==
              "component 'internal_control' of framework use-of-resources-2005 has no rating");
    }
    auto wrong = themes(3, 3, 3, 3, 5);
    wrong["leadership"] = "2";
    try {
        (void)evaluate(uor, wrong);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 2);
        CHECK(error.problems()[0].location == "leadership");
        CHECK(error.problems()[0].message.rfind("unknown component 'leadership'", 0) == 0);
        CHECK(error.problems()[1].message ==
              "'5' is not a level of value_for_money's scale cpa-score (1, 2, 3, 4)");
    }
}

TEST_CASE("bad framework files are refused with every problem at its JSON pointer",
          "[frameworks][errors]") {
    CHECK_THROWS_AS(bestvalue::parse_framework("{ not json"), bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::parse_framework("[]"), bestvalue::ParseError);
    const std::string text = R"({
  "bestvalue_framework": "1",
  "id": "bad",
  "sources": [{"title": "t"}],
  "outcome": "cpa-scroe",
  "components": [{"name": "a", "scale": "cpa-score"}, {"name": "a", "scale": "cpa-score"}],
  "groups": [{"name": "g", "members": ["a", "b"]}],
  "table": [
    {"when": [{"in": "g", "count": "several", "below": 2}], "then": "4"},
    {"when": {"component": "c", "is": 3}, "then": "4", "unpublished": "x"},
    {"when": {"in": "h", "count": "none"}, "then": "4", "colour": "red"}
  ]
})";
    try {
        (void)bestvalue::parse_framework(text, "bad.json");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        std::vector<std::string> where;
        for (const auto& problem : error.problems()) {
            where.push_back(problem.location);
        }
        const std::vector<std::string> expected = {"/title",
                                                   "/outcome",
                                                   "/components/1/name",
                                                   "/groups/0/members/1",
                                                   "/table/0/when/0/count",
                                                   "/table/0/then",
                                                   "/table/1/when/component",
                                                   "/table/1/then",
                                                   "/table/1",
                                                   "/table/2/colour",
                                                   "/table/2/when/in",
                                                   "/table/2/when",
                                                   "/table/2/then"};
        CHECK(where == expected);
        CHECK(error.problems()[1].line == 5);
        CHECK(error.problems()[1].message.rfind("unknown scale 'cpa-scroe'", 0) == 0);
    }
}

TEST_CASE("bad sums, matrices and caps are refused at their JSON pointers",
          "[frameworks][errors]") {
    const std::string text = R"({
  "bestvalue_framework": "2",
  "id": "bad", "title": "t", "sources": [{"title": "t"}],
  "outcome": {"id": "o", "levels": [{"code": "low"}, {"code": "high"}]},
  "components": [
    {"name": "a", "scale": "cpa-score"},
    {"name": "d", "scale": "cpa-score", "weights": {"a": 1, "z": 2},
     "thresholds": [{"at_least": 1, "then": "5"}, {"at_least": 2, "then": "4"}]}
  ],
  "matrix": {"rows": "a", "columns": "d", "cells": [{"row": "9", "column": "1", "then": "top"}]},
  "caps": [{"if": {"component": "a", "below": 2, "is": 1}}]
})";
    try {
        (void)bestvalue::parse_framework(text);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        std::vector<std::string> where;
        for (const auto& problem : error.problems()) {
            where.push_back(problem.location);
        }
        const std::vector<std::string> expected = {"/bestvalue_framework",
                                                   "/components/1/weights/z",
                                                   "/components/1/thresholds",
                                                   "/components/1/thresholds/0/then",
                                                   "/matrix/cells/0/row",
                                                   "/matrix/cells/0/then",
                                                   "/caps/0/if",
                                                   "/caps/0/no_higher_than"};
        CHECK(where == expected);
    }
    CHECK_THROWS_AS(bestvalue::parse_framework(R"({"bestvalue_framework": "1", "id": "x",
        "title": "t", "sources": [{"title": "t"}], "outcome": "cpa-score",
        "components": [{"name": "a", "scale": "cpa-score"}],
        "table": [{"then": "1"}], "weighted_sum": {"weights": {"a": 1}, "thresholds": []}})"),
                    bestvalue::ValidationError);
}

TEST_CASE("what-if: one component changed gives the outcome that follows",
          "[frameworks][what-if]") {
    const auto uor = bestvalue::load_framework("use-of-resources-2005");
    const auto ratings = themes(4, 4, 3, 3, 2);
    CHECK(outcome(evaluate(uor, ratings)) == "3");
    CHECK(outcome(what_if(uor, ratings, "value_for_money", "3")) == "4");
    CHECK(outcome(what_if(uor, ratings, "financial_reporting", "1")) == "2");
    CHECK_THROWS_AS(what_if(uor, ratings, "leadership", "3"), bestvalue::ValidationError);
}

TEST_CASE("smallest lifts: fewest components, then fewest levels", "[frameworks][what-if]") {
    const auto uor = bestvalue::load_framework("use-of-resources-2005");
    const auto one = smallest_lifts(uor, themes(4, 4, 3, 3, 2));
    REQUIRE(one.size() == 1);
    CHECK(one[0].changes == std::vector<bestvalue::ComponentChange>{{"value_for_money", "2", "3"}});
    CHECK(one[0].levels == 1);
    CHECK(outcome(one[0].evaluation) == "4");

    // from 2 to 3 takes three themes at 3: any three of five, one level each
    const auto three = smallest_lifts(uor, themes(2, 2, 2, 2, 2));
    CHECK(three.size() == 10);
    for (const auto& lift : three) {
        CHECK(lift.changes.size() == 3);
        CHECK(lift.levels == 3);
        CHECK(outcome(lift.evaluation) == "3");
    }
    // of 1 → 2 (to 3) and 1 → 3 (to 4), the lift of fewer levels wins
    const auto fewer = smallest_lifts(uor, themes(1, 4, 4, 4, 4));
    REQUIRE(fewer.size() == 1);
    CHECK(fewer[0].changes ==
          std::vector<bestvalue::ComponentChange>{{"financial_reporting", "1", "2"}});
    CHECK(fewer[0].levels == 1);
    CHECK(outcome(fewer[0].evaluation) == "3");

    CHECK(smallest_lifts(uor, themes(4, 4, 4, 4, 4)).empty());
    const auto cpa = bestvalue::load_framework("cpa-2005-stars");
    CHECK_THROWS_AS(smallest_lifts(cpa, stars(1, {4, 4, 4}, {4, 4, 4, 4})), bestvalue::Error);
    // a CPA 2005 lift: the one Level 2 service below 2
    const auto lifts = smallest_lifts(cpa, stars(4, {3, 3, 3}, {2, 1, 2, 2}));
    REQUIRE_FALSE(lifts.empty());
    CHECK(lifts[0].changes == std::vector<bestvalue::ComponentChange>{{"environment", "1", "2"}});
    CHECK(outcome(lifts[0].evaluation) == "4");
}
