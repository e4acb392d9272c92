// The nine questions of benchmarks/compare.py (docs/performance.md, "The questions"), asked of
// the C++ library directly: no Python call, no conversion of ids to Python strings.
//
// The collection is the JSON file named by BESTVALUE_BENCH_DATA (written by
// `benchmarks/generate`), else the five example datasets in one store, so the binary always
// runs. The parameters are picked from the collection as compare.py picks them: the
// organisation of the middle action, the lead in the middle of all actions' leads, the plan
// with the most updates known on the past day.
// Run: BESTVALUE_BENCH_DATA=build/bench/medium-seed1-….json build/dev/benchmarks/bench_query

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/rating_query.hpp>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"

namespace {

struct Collection {
    bestvalue::Store store;
    bestvalue::Date day{2006, 3, 31};
    bestvalue::Date past_day{2005, 6, 30};
    std::string organisation;
    std::string officer;
    std::string plan;
    std::string words = "recycling";
};

bestvalue::Store load() {
    return bestvalue::bench::bench_collection();
}

const Collection& collection() {
    static const Collection loaded = [] {
        Collection c;
        c.store = load();
        const auto& actions = c.store.actions();
        if (!actions.empty()) {
            if (const auto* plan = c.store.find_plan(actions.plan(actions.size() / 2))) {
                c.organisation = plan->organisation;
            }
        }
        std::vector<std::string_view> leads;
        for (const auto action : actions) {
            for (const auto lead : action.leads()) {
                leads.push_back(lead);
            }
        }
        if (!leads.empty()) {
            c.officer = leads[leads.size() / 2];
        }
        // The plan with the most updates known on the past day (ties: the least id).
        std::map<std::string, std::size_t> known;
        for (const auto& update : c.store.progress()) {
            const auto action = c.store.find_action(update.subject);
            if (action && update.as_of <= c.past_day && update.recorded_on() <= c.past_day) {
                ++known[std::string(action->plan())];
            }
        }
        std::size_t most = 0;
        for (const auto& [plan, count] : known) {
            if (count > most) {
                most = count;
                c.plan = plan;
            }
        }
        if (c.plan.empty() && !c.store.plans().empty()) {
            c.plan = c.store.plans().front().id;
        }
        return c;
    }();
    return loaded;
}

std::string iso(bestvalue::Date day) {
    return bestvalue::to_iso(day);
}

void Q1_overdue_of_one_organisation(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            bestvalue::actions(c.store).in_organisation(c.organisation).overdue_on(c.day).run());
    }
}
BENCHMARK(Q1_overdue_of_one_organisation)->Unit(benchmark::kMillisecond);

void Q2_led_by_one_officer(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::actions(c.store).led_by(c.officer).run());
    }
}
BENCHMARK(Q2_led_by_one_officer)->Unit(benchmark::kMillisecond);

void Q3_health_per_section_of_a_plan(benchmark::State& state) {
    const auto& c = collection();
    const auto* plan = c.store.find_plan(c.plan);
    for (auto _ : state) {
        std::size_t groups = 0;
        if (plan != nullptr) {
            for (const auto& section : plan->sections) {
                groups += bestvalue::actions(c.store)
                              .in_section(section.id)
                              .count_by(bestvalue::ActionField::health, c.past_day)
                              .size();
            }
        }
        benchmark::DoNotOptimize(groups);
    }
}
BENCHMARK(Q3_health_per_section_of_a_plan)->Unit(benchmark::kMillisecond);

void Q4_completion_by_organisation(benchmark::State& state) {
    const auto& c = collection();
    const std::string query = "count actions by organisation as of " + iso(c.day);
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::run_query(c.store, query));
    }
}
BENCHMARK(Q4_completion_by_organisation)->Unit(benchmark::kMillisecond);

void Q5_recommendations_not_addressed(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            bestvalue::run_query(c.store, "recommendations where not addressed"));
    }
}
BENCHMARK(Q5_recommendations_not_addressed)->Unit(benchmark::kMillisecond);

void Q6_scheduled_in_a_year_by_assessor(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::run_query(
            c.store, "count assessments where scheduled in 2005/06 by assessor"));
    }
}
BENCHMARK(Q6_scheduled_in_a_year_by_assessor)->Unit(benchmark::kMillisecond);

void Q7_text_search(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::actions(c.store).text_contains(c.words).run());
    }
}
BENCHMARK(Q7_text_search)->Unit(benchmark::kMillisecond);

void Q8_slippage(benchmark::State& state) {
    const auto& c = collection();
    const std::string query =
        "actions where revisions >= 2 order by slipped desc as of " + iso(c.day);
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::run_query(c.store, query));
    }
}
BENCHMARK(Q8_slippage)->Unit(benchmark::kMillisecond);

void Q9_one_rating_history(benchmark::State& state) {
    const auto& c = collection();
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            bestvalue::rating_history(c.store, c.organisation, "cpa-category"));
    }
}
BENCHMARK(Q9_one_rating_history)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
