#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "tsv.hpp"

using bestvalue::ActionField;
using bestvalue::Date;
using bestvalue::Store;

namespace {

using bestvalue::testing::five_papers;

// Answers in the notation of tests/data/questions.tsv.
std::string ids_answer(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += (out.empty() ? "" : ", ") + id;
    }
    return out;
}

std::string counts_answer(const std::map<std::string, std::size_t>& counts) {
    if (counts.size() == 1 && counts.begin()->first.empty()) {
        return "count: " + std::to_string(counts.begin()->second);
    }
    std::string out;
    for (const auto& [value, count] : counts) {
        out += (out.empty() ? "" : ", ") + (value.empty() ? std::string("(none)") : value) + "=" +
               std::to_string(count);
    }
    return "count: " + out;
}

std::string answer_of(const bestvalue::QueryResult& result) {
    return result.is_count ? counts_answer(result.counts) : ids_answer(result.ids);
}

// The id of what a query found: an entity the store holds, or a view of an action.
template <typename Entity>
std::string id_of(const Entity* entity) {
    return entity->id;
}
std::string id_of(const bestvalue::ActionView& action) {
    return std::string(action.id());
}

template <typename Query>
std::string run_answer(const Query& query) {
    std::vector<std::string> ids;
    for (const auto& entity : query.run()) {
        ids.push_back(id_of(entity));
    }
    return ids_answer(ids);
}

std::string count_answer(std::size_t count) {
    return "count: " + std::to_string(count);
}

// The same questions asked through the typed C++ door.
std::map<std::string, std::function<std::string(const Store&)>> fluent_questions() {
    using bestvalue::actions;
    using bestvalue::AssessmentField;
    using bestvalue::assessments;
    using bestvalue::plans;
    using bestvalue::RatingField;
    using bestvalue::ratings;
    using bestvalue::RecommendationField;
    using bestvalue::recommendations;
    namespace filters = bestvalue::action_filters;
    const Date today(2026, 1, 1);
    const Date march_2009(2009, 3, 18);
    const Date july_2003(2003, 7, 31);
    const std::string rop = "oxfordshire/raising-our-performance";
    const std::string rochford = "rochford/cpa-plan-2009";
    const std::string dot = "cannock-chase/dot-plan-2008-09";
    const std::string letter = "cannock-chase/audit-letter-2008";
    const std::string city = "city-council-2003";
    const auto year_2004 = bestvalue::FinancialYear(2004).period();
    return {
        {"q01",
         [=](const Store& s) {
             return run_answer(actions(s).in_organisation("cannock-chase").overdue_on(march_2009));
         }},
        {"q02",
         [=](const Store& s) {
             return run_answer(
                 actions(s).in_plan(rochford).led_by("SPMO").order_by(ActionField::due));
         }},
        {"q03",
         [=](const Store& s) {
             return run_answer(actions(s).in_plan(rochford).overdue_on(Date(2009, 2, 18)));
         }},
        {"q01",
         [=](const Store& s) {
             return run_answer(actions(s).in_organisation("cannock-chase").overdue_on(march_2009));
         }},
        {"q02",
         [=](const Store& s) {
             return run_answer(
                 actions(s).in_plan(rochford).led_by("SPMO").order_by(ActionField::due));
         }},
        {"q03",
         [=](const Store& s) {
             return run_answer(actions(s).in_plan(rochford).overdue_on(Date(2009, 2, 18)));
         }},
        {"q04",
         [=](const Store& s) {
             return run_answer(actions(s).in_plan(rop).tagged("CPA").with_health(
                 bestvalue::Health::red, july_2003));
         }},
        {"q05",
         [=](const Store& s) {
             return counts_answer(actions(s).in_plan(rop).count_by(ActionField::health, july_2003));
         }},
        {"q06",
         [=](const Store& s) {
             return counts_answer(
                 actions(s).in_plan(rop).count_by(ActionField::lifecycle, july_2003));
         }},
        {"q07",
         [=](const Store& s) {
             return counts_answer(
                 actions(s).in_plan(rop).count_by(ActionField::lifecycle, Date(2003, 7, 30)));
         }},
        {"q08",
         [=](const Store& s) {
             return "count: " +
                    std::to_string(actions(s)
                                       .in_plan(rochford)
                                       .due_within(bestvalue::FinancialYear(2009).period())
                                       .count());
         }},
        {"q09",
         [=](const Store& s) {
             const Date day(2009, 2, 18);
             return run_answer(actions(s)
                                   .in_plan(rochford)
                                   .due_before(Date(2009, 4, 1))
                                   .where([&s, day](const bestvalue::ActionView& a) {
                                       return s.lifecycle_on(a.id(), day) !=
                                              bestvalue::Lifecycle::completed;
                                   })
                                   .order_by(ActionField::due, false, day));
         }},
        {"q10", [=](const Store& s) { return run_answer(actions(s).led_by("Nick Hackney")); }},
        {"q11",
         [=](const Store& s) {
             return run_answer(actions(s).addressing("cannock-chase/dot-plan-2008-09/rec-2"));
         }},
        {"q12",
         [=](const Store& s) { return run_answer(actions(s).text_contains("data quality")); }},
        {"q13",
         [=](const Store& s) {
             return "count: " +
                    std::to_string(actions(s).in_plan(rop).tagged("PR").open_on(july_2003).count());
         }},
        {"q14",
         [=](const Store& s) {
             return "count: " +
                    std::to_string(actions(s)
                                       .in_organisation("cannock-chase")
                                       .with_lifecycle(bestvalue::Lifecycle::completed, march_2009)
                                       .count());
         }},
        {"q15",
         [=](const Store& s) {
             return counts_answer(actions(s)
                                      .in_organisation("cannock-chase")
                                      .count_by(ActionField::health, march_2009));
         }},
        {"q16",
         [=](const Store& s) {
             return counts_answer(actions(s)
                                      .in_plan("cannock-chase/dot-plan-2008-09")
                                      .count_by(ActionField::due_quarter, march_2009));
         }},
        {"q17",
         [=](const Store& s) { return run_answer(actions(s).in_plan(rochford).led_by("CPPU")); }},
        {"q18",
         [=](const Store& s) {
             return "count: " + std::to_string(actions(s).led_by("Director for Resources").count());
         }},
        {"q19", [=](const Store& s) { return run_answer(actions(s).overdue_on(july_2003)); }},
        {"q20",
         [=](const Store& s) {
             return run_answer(assessments(s).scheduled_within(year_2004).of_subject(city));
         }},
        {"q21", [=](const Store& s) { return run_answer(recommendations(s).not_addressed()); }},
        {"q22",
         [=](const Store& s) { return count_answer(recommendations(s).tagged("PR").count()); }},
        {"q23",
         [=](const Store& s) { return count_answer(recommendations(s).tagged("CPA").count()); }},
        {"q24",
         [=](const Store& s) {
             return run_answer(assessments(s).in_programme("Inspections 2004/05"));
         }},
        {"q25",
         [=](const Store& s) {
             return run_answer(
                 assessments(s).in_programme("Inspections 2004/05").responsible("Jill Baker"));
         }},
        {"q26",
         [=](const Store& s) {
             return run_answer(assessments(s)
                                   .in_programme("Inspections 2004/05")
                                   .where(bestvalue::assessment_filters::with_status(
                                              bestvalue::AssessmentStatus::confirmed)
                                              .negated()));
         }},
        {"q27",
         [=](const Store& s) {
             return count_answer(assessments(s).responsible("Anne Williams").count());
         }},
        {"q28",
         [=](const Store& s) {
             return run_answer(assessments(s).of_subject(city).by_assessor("ssi"));
         }},
        {"q29",
         [=](const Store& s) {
             return counts_answer(assessments(s)
                                      .in_programme("Audit and Inspection Programme")
                                      .count_by(AssessmentField::track, today));
         }},
        {"q30",
         [=](const Store& s) {
             return counts_answer(assessments(s)
                                      .in_programme("Audit and Inspection Programme")
                                      .count_by(AssessmentField::assessor, today));
         }},
        {"q31",
         [=](const Store& s) {
             return run_answer(assessments(s)
                                   .of_subject("oxfordshire")
                                   .in_track(bestvalue::ProgrammeTrack::improvement_work)
                                   .scheduled_within(year_2004));
         }},
        {"q32",
         [=](const Store& s) {
             return run_answer(assessments(s).by_assessor("probation-inspectorate"));
         }},
        {"q33",
         [=](const Store& s) {
             return run_answer(ratings(s).of_subject("oxfordshire").order_by(RatingField::date));
         }},
        {"q34",
         [=](const Store& s) {
             return run_answer(
                 ratings(s).of_subject("oxfordshire").on_scale("cpa-score").at_level("2"));
         }},
        {"q35",
         [=](const Store& s) {
             return counts_answer(
                 ratings(s).of_subject("oxfordshire").count_by(RatingField::level, today));
         }},
        {"q36",
         [=](const Store& s) {
             return run_answer(ratings(s).on_scale("cpa-category").order_by(RatingField::date));
         }},
        {"q37", [=](const Store& s) { return run_answer(ratings(s).of_subject("cannock-chase")); }},
        {"q38",
         [=](const Store& s) { return run_answer(ratings(s).for_component("use of resources")); }},
        {"q39", [=](const Store& s) { return run_answer(plans(s).of_organisation("rochford")); }},
        {"q40",
         [=](const Store& s) {
             return run_answer(recommendations(s).from_source(letter).not_addressed_in(dot));
         }},
        {"q41", [=](const Store& s) { return run_answer(recommendations(s).addressed_in(dot)); }},
        {"q42",
         [=](const Store& s) {
             return run_answer(plans(s).addressing("cannock-chase/dot-plan-2008-09/rec-3"));
         }},
        {"q43",
         [=](const Store& s) {
             return run_answer(recommendations(s).from_source(letter).numbered("3"));
         }},
        {"q44",
         [=](const Store& s) { return run_answer(recommendations(s).addressed_by(dot + "/2.4")); }},
        {"q45",
         [=](const Store& s) {
             return run_answer(recommendations(s).from_source(letter).delivered_on(march_2009));
         }},
        {"q46",
         [=](const Store& s) {
             return run_answer(recommendations(s).addressed_in(rop).delivered_on(july_2003));
         }},
        {"q47",
         [=](const Store& s) {
             return counts_answer(
                 recommendations(s).addressed_in(rop).delivered_on(july_2003).count_by(
                     RecommendationField::tag, july_2003));
         }},
        {"q48",
         [=](const Store& s) {
             return run_answer(recommendations(s).addressed_in(rop).tagged("CPA").where(
                 bestvalue::recommendation_filters::delivered_on(s, july_2003).negated()));
         }},
        {"q49",
         [=](const Store& s) {
             return run_answer(recommendations(s).text_contains("performance management"));
         }},
        {"q50",
         [=](const Store& s) {
             return counts_answer(recommendations(s)
                                      .by_assessor("audit-commission")
                                      .count_by(RecommendationField::subject, today));
         }},
        {"q51",
         [=](const Store& s) {
             return counts_answer(
                 actions(s).in_plan(rochford).count_by(ActionField::due_quarter, today));
         }},
        {"q52",
         [=](const Store& s) {
             return counts_answer(
                 actions(s).in_plan(rochford).count_by(ActionField::section, today));
         }},
        {"q53",
         [=](const Store& s) { return run_answer(actions(s).in_plan(rochford).led_by("OSO")); }},
        {"q54",
         [=](const Store& s) {
             return run_answer(actions(s).in_plan(rochford).delivered_by("PIO"));
         }},
        {"q55",
         [=](const Store& s) {
             return counts_answer(actions(s)
                                      .in_section(rop + "/section/3")
                                      .count_by(ActionField::health, july_2003));
         }},
        {"q56",
         [=](const Store& s) {
             return run_answer(
                 actions(s).in_plan(rop).with_health(bestvalue::Health::red, july_2003));
         }},
        {"q57",
         [=](const Store& s) {
             return run_answer(actions(s)
                                   .in_plan(dot)
                                   .where(filters::due_compared(
                                       s, bestvalue::Comparison::less_equal, Date(2009, 3, 31)))
                                   .open_on(march_2009)
                                   .order_by(ActionField::due, false, march_2009));
         }},
        {"q58",
         [=](const Store& s) { return run_answer(actions(s).in_plan(dot).delivered_by("PTT")); }},
        {"q59",
         [=](const Store& s) {
             return run_answer(actions(s).in_plan(dot).delivered_by("Katie Beeston"));
         }},
        {"q60",
         [=](const Store& s) {
             return run_answer(actions(s).led_by("Director for Learning & Culture"));
         }},
    };
}

} // namespace

TEST_CASE("real questions get the answers worked out from the seed papers, through the text "
          "language and the typed C++ builder",
          "[query]") {
    const auto rows = bestvalue::testing::read_tsv("questions.tsv",
                                                   {"id", "question", "query", "answer", "detail"});
    REQUIRE(rows.size() >= 30);
    const auto fluent = fluent_questions();
    REQUIRE(fluent.size() == rows.size());
    for (const auto& row : rows) {
        INFO(row["id"] << ": " << row["question"] << "\n  " << row["query"]);
        CHECK(answer_of(bestvalue::run_query(five_papers(), row["query"], Date(2026, 1, 1))) ==
              row["answer"]);
        // Every question is asked through the builder too.
        const auto builder = fluent.find(row["id"]);
        REQUIRE(builder != fluent.end());
        CHECK(builder->second(five_papers()) == row["answer"]);
    }
}

TEST_CASE("query errors name the column and the likely fix", "[query][errors]") {
    const Store& store = five_papers();
    const auto error_of = [&](std::string_view query) -> bestvalue::QueryError {
        try {
            (void)bestvalue::run_query(store, query);
        } catch (const bestvalue::QueryError& error) {
            return error;
        }
        FAIL("expected a QueryError for " << query);
        throw;
    };
    auto error = error_of("actions where lead_officer = \"SPMO\"");
    CHECK(error.reason() == "unknown field \"lead_officer\" for actions; did you mean \"lead\"?");
    CHECK(error.column() == 15);
    CHECK(error_of("actoins where overdue").reason() ==
          "unknown collection \"actoins\"; did you mean \"actions\"?");
    CHECK(error_of("actions where status = complete").reason() ==
          "unknown status \"complete\"; did you mean \"completed\"?");
    CHECK(error_of("actions where due < 18/03/2009").reason() ==
          "expected a date 'YYYY-MM-DD' to compare \"due\" with");
    CHECK(error_of("actions where plan = \"rochford").reason() == "a string is not closed");
    CHECK(error_of("actions by health").reason().find("'by' groups a count") == 0);
    CHECK(error_of("actions where plan").reason().find("expected a comparison") == 0);
    CHECK(error_of("actions as of tomorrow").reason() ==
          "expected a date 'YYYY-MM-DD' after 'as of'");
    CHECK(error_of("actions where overdue limit x").column() == 29);
    CHECK(std::string(error_of("actions where lead_officer = 1").what())
              .find("\n  actions where lead_officer = 1\n                ^") != std::string::npos);
}

TEST_CASE("status is answered as of the query's date, else the given today", "[query]") {
    const Store& store = five_papers();
    const auto before = bestvalue::run_query(
        store, "count actions where organisation = \"cannock-chase\" and status = completed",
        Date(2009, 1, 1));
    const auto after = bestvalue::run_query(
        store, "count actions where organisation = \"cannock-chase\" and status = completed",
        Date(2009, 3, 18));
    CHECK(before.counts.at("") == 0);
    CHECK(after.counts.at("") == 8);
    CHECK(after.as_of == Date(2009, 3, 18));
}

TEST_CASE("ordering puts refs in numeric order and missing values last", "[query]") {
    const Store& store = five_papers();
    const auto refs = bestvalue::actions(store)
                          .in_plan("rochford/cpa-plan-2009")
                          .order_by(ActionField::ref, true)
                          .limit(4)
                          .run();
    REQUIRE(refs.size() == 4);
    CHECK(refs[0].ref() == "4.3");
    CHECK(refs[3].ref() == "3.13"); // 3.13 after 4.x, before 3.12: numeric, not text order
    const auto by_due = bestvalue::actions(store)
                            .in_plan("cannock-chase/dot-plan-2008-09")
                            .order_by(ActionField::due)
                            .run();
    CHECK_FALSE(by_due.back().due_end().has_value());
    CHECK(bestvalue::actions(store).in_plan("rochford/cpa-plan-2009").limit(5, 28).run().size() ==
          2);
}

TEST_CASE("queries on a const store are safe from many threads at once", "[query][threads]") {
    const Store& store = five_papers();
    // Every collection, indexed and scanned filters, groups and a series.
    const std::vector<std::string> questions = {
        "count actions by health as of 2009-03-18",
        "actions where lead = \"SPMO\" and due < 2009-06-30 order by due",
        "count recommendations where plan = \"oxfordshire/raising-our-performance\" and "
        "delivered by tag as of 2003-07-31",
        "assessments where scheduled in 2004/05 and assessor = \"audit-commission\"",
        "ratings where subject = \"oxfordshire\" order by date",
        "count actions where organisation = \"cannock-chase\" and overdue per month in "
        "\"Jan-Mar 2009\" as of 2009-03-18",
    };
    std::vector<bestvalue::QueryResult> expected;
    for (const auto& question : questions) {
        expected.push_back(bestvalue::run_query(store, question, Date(2026, 1, 1)));
    }
    std::vector<std::thread> threads;
    std::vector<int> agreed(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                for (std::size_t q = 0; q < questions.size(); ++q) {
                    agreed[static_cast<std::size_t>(t)] +=
                        bestvalue::run_query(store, questions[q], Date(2026, 1, 1)) == expected[q];
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(agreed == std::vector<int>(4, static_cast<int>(20 * questions.size())));
}

TEST_CASE("slippage and health that disagrees are asked through the builder and the language",
          "[query][slippage]") {
    // The seed papers hold no due revisions or percentages: three actions made here (as in
    // tests/python/test_query_slippage.py).
    Store store;
    bestvalue::read_json(store, R"({"bestvalue": "1",
      "plans": [{"id": "council/plan", "title": "Improvement Plan", "adopted": "2009-01-01"}],
      "actions": [
        {"id": "council/plan/1", "plan": "council/plan", "ref": "1",
         "due": {"text": "July 2009", "periods": [{"start": "2009-07-01", "end": "2009-07-31",
                 "precision": "month", "text": "July 2009"}]},
         "due_revisions": [
           {"revised_on": "2009-06-01", "approved_by": "Cabinet",
            "due": {"text": "September 2009", "periods": [{"start": "2009-09-01",
                    "end": "2009-09-30", "precision": "month", "text": "September 2009"}]}},
           {"revised_on": "2009-10-01",
            "due": {"text": "December 2009", "periods": [{"start": "2009-12-01",
                    "end": "2009-12-31", "precision": "month", "text": "December 2009"}]}}]},
        {"id": "council/plan/2", "plan": "council/plan", "ref": "2",
         "due": {"text": "11 April 2009", "periods": [{"start": "2009-04-11",
                 "end": "2009-04-11", "precision": "day", "text": "11 April 2009"}]}}],
      "progress": [{"subject": "council/plan/2", "as_of": "2009-04-11", "percent": 20,
                    "health": "green"}]})");
    namespace filters = bestvalue::action_filters;
    using bestvalue::Comparison;
    const Date new_year(2010, 1, 1);
    const auto ids = [](const bestvalue::ActionQuery& query) { return run_answer(query); };

    CHECK(ids(bestvalue::actions(store).where(filters::revised(store, Comparison::greater_equal, 2,
                                                               new_year))) == "council/plan/1");
    CHECK(ids(bestvalue::actions(store).where(
              filters::revised(store, Comparison::greater_equal, 2, Date(2009, 7, 1)))) == "");
    CHECK(ids(bestvalue::actions(store).where(
              filters::slipped(Comparison::equal, 153, new_year, bestvalue::Baseline::original))) ==
          "council/plan/1");
    CHECK(ids(bestvalue::actions(store).where(filters::slipped(
              Comparison::equal, 92, new_year, bestvalue::Baseline::latest_approved))) ==
          "council/plan/1");
    CHECK(ids(bestvalue::actions(store).where(
              filters::health_mismatch(store, Date(2009, 4, 11)))) == "council/plan/2");
    CHECK(answer_of(bestvalue::run_query(store, "actions where slipped >= 153 as of 2010-01-01")) ==
          "council/plan/1");
    CHECK(answer_of(bestvalue::run_query(
              store, "actions where health_mismatch as of 2009-04-11")) == "council/plan/2");
    CHECK(
        answer_of(bestvalue::run_query(store, "actions order by slipped desc as of 2010-01-01")) ==
        "council/plan/1, council/plan/2");
}

TEST_CASE("a count per step is the same count as of the end of each step", "[query][series]") {
    const auto result = bestvalue::run_query(
        five_papers(), "count actions where plan = \"oxfordshire/raising-our-performance\" "
                       "per quarter in 2003/04");
    REQUIRE(result.series.size() == 4);
    // The July 2003 report is the plan's first: nothing complete at the end of June, 18 of 44
    // from the end of September.
    CHECK(result.series[0].label == "Q1 2003/04");
    CHECK(result.series[0].end == Date(2003, 6, 30));
    CHECK(result.series[0].counts.at("") == 44);
    CHECK(result.series[0].completed.at("") == 0);
    CHECK(result.series[1].completed.at("") == 18);
    CHECK(result.series[3].end == Date(2004, 3, 31));
    // Each point is the query asked as of that day.
    for (const auto& point : result.series) {
        const auto same = bestvalue::run_query(
            five_papers(),
            "count actions where plan = \"oxfordshire/raising-our-performance\" as of " +
                bestvalue::to_iso(point.end));
        CHECK(point.counts == same.counts);
        CHECK(point.completed == same.completed);
    }
    // Grouped, and over a period given as text.
    const auto overdue = bestvalue::run_query(
        five_papers(), "count actions where organisation = \"cannock-chase\" and overdue by lead "
                       "per month in \"Jan-Mar 2009\" as of 2009-03-18");
    REQUIRE(overdue.series.size() == 3);
    CHECK(overdue.series[0].label == "January 2009");
    CHECK(overdue.series[0].counts.empty());
    const auto table = bestvalue::table_of(five_papers(), overdue);
    CHECK(table.column_names() ==
          std::vector<std::string>{"step", "end", "key", "count", "completed", "percent_complete"});

    const auto error_of = [](std::string_view query) -> bestvalue::QueryError {
        try {
            (void)bestvalue::run_query(five_papers(), query);
        } catch (const bestvalue::QueryError& error) {
            return error;
        }
        FAIL("expected a QueryError for " << query);
        throw;
    };
    CHECK(error_of("actions per quarter in 2003/04").column() == 9);
    CHECK(error_of("count actions per fortnight in 2003/04").reason() ==
          "expected a step after 'per': week, month, quarter, half or year");
    CHECK(error_of("count actions per quarter in \"by 2005\"").reason() ==
          "a series needs a period with a first day, not 'by 2005'");
}

TEST_CASE("run_query_handles gives the handles of run_query's ids, and the same tables",
          "[query]") {
    const Store& store = five_papers();
    const auto id_at = [&](bestvalue::QueryCollection collection, std::uint32_t handle) {
        switch (collection) {
        case bestvalue::QueryCollection::actions:
            // As `at` does for the other collections: a handle past the end throws.
            if (handle >= store.actions().size()) {
                throw std::out_of_range("no action at handle " + std::to_string(handle));
            }
            return std::string(store.actions().id(handle));
        case bestvalue::QueryCollection::recommendations:
            return store.recommendations().at(handle).id;
        case bestvalue::QueryCollection::assessments:
            return store.assessments().at(handle).id;
        case bestvalue::QueryCollection::ratings:
            return store.ratings().at(handle).id;
        case bestvalue::QueryCollection::plans:
            return store.plans().at(handle).id;
        }
        return std::string();
    };
    std::size_t found = 0;
    for (const char* question :
         {"actions where lead = \"SPMO\" order by due desc", "actions order by slipped limit 5",
          "actions where revisions >= 0 order by ref limit 4 offset 3",
          "recommendations where addressed order by tag", "assessments where scheduled in 2004/05",
          "ratings where subject = \"oxfordshire\"", "plans order by title desc",
          "actions where text contains \"no such words\"", "count actions by health",
          "count assessments by assessor"}) {
        INFO(question);
        const auto with_ids = bestvalue::run_query(store, question, Date(2009, 3, 18));
        const auto by_handles = bestvalue::run_query_handles(store, question, Date(2009, 3, 18));
        CHECK(by_handles.ids.empty());
        CHECK(by_handles.handles == with_ids.handles);
        CHECK(by_handles.counts == with_ids.counts);
        REQUIRE(with_ids.handles.size() == with_ids.ids.size());
        for (std::size_t i = 0; i < with_ids.ids.size(); ++i) {
            CHECK(id_at(with_ids.collection, with_ids.handles[i]) == with_ids.ids[i]);
        }
        found += with_ids.ids.size();
        // Equal tables, a number missing in both (NaN) counting as equal.
        auto tables = std::make_pair(bestvalue::table_of(store, by_handles),
                                     bestvalue::table_of(store, with_ids));
        CHECK(tables.first.column_names() == tables.second.column_names());
        for (const auto& column : tables.first.columns()) {
            const auto& other = tables.second.column(column.name);
            if (const auto* numbers = std::get_if<bestvalue::NumberValues>(&column.values)) {
                const auto& others = std::get<bestvalue::NumberValues>(other.values);
                REQUIRE(numbers->size() == others.size());
                for (std::size_t i = 0; i < numbers->size(); ++i) {
                    CHECK(((*numbers)[i] == others[i] ||
                           (std::isnan((*numbers)[i]) && std::isnan(others[i]))));
                }
            } else {
                CHECK(column == other);
            }
        }
    }
    CHECK(found > 20); // the questions found something to compare
}

TEST_CASE("counting by a field entities hold equals counting copies of their values", "[query]") {
    const Store& store = five_papers();
    const Date day(2009, 3, 18);
    std::size_t empty_groups = 0;
    for (const auto& [field, name] : bestvalue::EnumNames<bestvalue::AssessmentField>::names) {
        INFO(name);
        // The values held are the values given, "" for none.
        for (const auto& assessment : store.assessments()) {
            if (bestvalue::AssessmentQuery::holds_values(field)) {
                const auto held = bestvalue::AssessmentQuery::held_values_of(assessment, field);
                std::vector<std::string> values(held.begin(), held.end());
                if (values.empty()) {
                    values.emplace_back();
                }
                CHECK(values == bestvalue::assessments(store).values_of(assessment, field, day));
            } else {
                CHECK(bestvalue::AssessmentQuery::held_values_of(assessment, field).empty());
            }
        }
        // Counts, of every assessment and of those scheduled within a year, as the plain
        // count of each value's copies.
        for (const auto& query :
             {bestvalue::assessments(store),
              bestvalue::assessments(store).scheduled_within(bestvalue::Period::year(2004))}) {
            std::map<std::string, std::size_t> expected;
            for (const auto handle : query.handles()) {
                for (const auto& value : query.values_of(store.assessments()[handle], field, day)) {
                    ++expected[value];
                }
            }
            CHECK(query.count_by(field, day) == expected);
            empty_groups += expected.count("");
        }
    }
    CHECK(empty_groups > 0); // some assessment had no value for some field
}

TEST_CASE("counting by lifecycle, health, plan or section from the index equals counting each "
          "action's value",
          "[query]") {
    const Store& store = five_papers();
    std::size_t without_health = 0;
    std::size_t kinds = 0;
    for (const Date day : {Date(2002, 1, 1), Date(2003, 7, 31), Date(2009, 3, 18)}) {
        for (const ActionField field : {ActionField::lifecycle, ActionField::health,
                                        ActionField::plan, ActionField::section}) {
            REQUIRE(bestvalue::ActionQuery::is_named_value(field));
            for (const auto& plan : store.plans()) {
                const auto query = bestvalue::actions(store).in_plan(plan.id);
                std::map<std::string, std::size_t> expected;
                for (const auto& action : query.run()) {
                    for (const auto& value : query.values_of(action, field, day)) {
                        ++expected[value];
                    }
                }
                INFO(plan.id << " " << bestvalue::to_iso(day));
                CHECK(query.count_by(field, day) == expected);
                without_health += expected.count("") == 0 ? 0 : 1;
                kinds = std::max(kinds, expected.size());
            }
        }
    }
    CHECK(without_health > 0); // actions with no health on the day were among them
    CHECK(kinds >= 3);         // and several names in one count
    CHECK_FALSE(bestvalue::ActionQuery::is_named_value(ActionField::lead));
    CHECK_FALSE(bestvalue::actions(store).named_value_at(0, ActionField::lead, Date(2009, 1, 1)));
}

namespace {

// A count by two fields worked out plainly: every distinct pair of each match's values.
// `entities` are the store's of the query's kind: a vector of them, or its table of actions.
template <typename Query, typename Entities, typename Field>
std::map<std::pair<std::string, std::string>, std::size_t>
pairs_counted(const Query& query, const Entities& entities, Field first, Field second, Date day) {
    std::map<std::pair<std::string, std::string>, std::size_t> expected;
    for (const auto handle : query.handles()) {
        std::set<std::pair<std::string, std::string>> pairs;
        for (const auto& one : query.values_of(entities[handle], first, day)) {
            for (const auto& other : query.values_of(entities[handle], second, day)) {
                pairs.emplace(one, other);
            }
        }
        for (const auto& pair : pairs) {
            ++expected[pair];
        }
    }
    return expected;
}

} // namespace

TEST_CASE("a count by two fields counts every pair of values each match has", "[query]") {
    const Store& store = five_papers();
    const Date day(2003, 7, 31);
    std::size_t several = 0;    // a match counted under more than one pair
    std::size_t with_empty = 0; // a pair with no value for one field
    // The most distinct first values, and second values under one first value, that a count
    // met: past a handful the count keeps its values differently.
    std::size_t widest_first = 0;
    std::size_t widest_second = 0;
    for (const auto& [first, first_name] : bestvalue::EnumNames<ActionField>::names) {
        for (const auto& [second, second_name] : bestvalue::EnumNames<ActionField>::names) {
            INFO(first_name << " × " << second_name);
            for (const auto& plan : store.plans()) {
                const auto query = bestvalue::actions(store).in_plan(plan.id);
                const auto expected = pairs_counted(query, store.actions(), first, second, day);
                CHECK(query.count_by(first, second, day) == expected);
                // Given pair by pair, the same counts in the same order.
                std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> visited;
                query.for_each_count(
                    first, second, day,
                    [&visited](std::string_view one, std::string_view other, std::size_t count) {
                        visited.emplace_back(std::make_pair(std::string(one), std::string(other)),
                                             count);
                    });
                CHECK(visited == decltype(visited)(expected.begin(), expected.end()));
                std::size_t total = 0;
                std::map<std::string, std::size_t> seconds_of;
                for (const auto& [pair, count] : expected) {
                    total += count;
                    with_empty += pair.first.empty() || pair.second.empty() ? 1 : 0;
                    widest_second = std::max(widest_second, ++seconds_of[pair.first]);
                }
                several += total > query.count() ? 1 : 0;
                widest_first = std::max(widest_first, seconds_of.size());
            }
        }
    }
    CHECK(several > 0);
    CHECK(with_empty > 0);
    CHECK(widest_first > 16);
    CHECK(widest_second > 16);

    // Across plans, by two named fields: counted by the numbers the index gives them where
    // their ranges are near the matches' number, under views where they are far apart (the
    // first and last actions, of plans and sections at either end of the store).
    const auto& all = store.actions();
    const auto ends = bestvalue::actions(store).where([&all](const bestvalue::ActionView& action) {
        const auto position = all.position_of(action);
        return position == 0U || position == all.size() - 1;
    });
    REQUIRE(ends.count() == 2);
    for (const auto& query : {bestvalue::actions(store), ends}) {
        for (const auto first : {ActionField::plan, ActionField::section, ActionField::lifecycle,
                                 ActionField::health}) {
            for (const auto second : {ActionField::plan, ActionField::section,
                                      ActionField::lifecycle, ActionField::health}) {
                INFO(bestvalue::to_name(first) << " × " << bestvalue::to_name(second));
                CHECK(query.count_by(first, second, day) ==
                      pairs_counted(query, all, first, second, day));
            }
        }
    }

    // Counted by one field, actions' own text (plan, section, ref, lead) is read in place.
    for (const auto& [field, name] : bestvalue::EnumNames<ActionField>::names) {
        INFO(name);
        for (const auto& action : store.actions()) {
            const auto held = bestvalue::ActionQuery::held_values_of(action, field);
            std::vector<std::string> values(held.begin(), held.end());
            if (values.empty()) {
                values.emplace_back();
            }
            if (bestvalue::ActionQuery::holds_values(field)) {
                CHECK(values == bestvalue::actions(store).values_of(action, field, day));
            } else {
                CHECK(held.empty());
            }
        }
        for (const auto& plan : store.plans()) {
            const auto query = bestvalue::actions(store).in_plan(plan.id);
            std::map<std::string, std::size_t> expected;
            for (const auto handle : query.handles()) {
                for (const auto& value : query.values_of(store.actions()[handle], field, day)) {
                    ++expected[value];
                }
            }
            CHECK(query.count_by(field, day) == expected);
        }
    }

    // Assessors are held by the assessments and read without copies; an assessment may have
    // several or none.
    const auto scheduled = bestvalue::assessments(store);
    for (const auto& [field, name] : bestvalue::EnumNames<bestvalue::AssessmentField>::names) {
        INFO("assessor × " << name);
        CHECK(scheduled.count_by(bestvalue::AssessmentField::assessor, field, day) ==
              pairs_counted(scheduled, store.assessments(), bestvalue::AssessmentField::assessor,
                            field, day));
    }

    // By section and health: the cross-tabulation a committee reads, each section's counts
    // those of counting by health within it.
    const auto plan = bestvalue::actions(store).in_plan("oxfordshire/raising-our-performance");
    const auto crossed = plan.count_by(ActionField::section, ActionField::health, day);
    std::map<std::string, std::size_t> sections;
    for (const auto& [pair, count] : crossed) {
        sections[pair.first] += count;
    }
    CHECK(sections == plan.count_by(ActionField::section, day));
    CHECK(crossed.size() > sections.size());
}
