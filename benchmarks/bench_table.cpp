// How fast query results become a table: action_table over the actions of the five seed papers,
// the selection repeated to reach larger row counts (the store itself is not replicated: ids are
// unique in a store, and a row costs the same lookups either way).
// Run: build/dev/benchmarks/bench_table

#include <string>
#include <vector>

#include <bestvalue/io/json.hpp>
#include <bestvalue/query/table.hpp>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"

namespace {

const bestvalue::Store& five_papers() {
    static const bestvalue::Store store = bestvalue::bench::five_papers();
    return store;
}

void action_table(benchmark::State& state) {
    const bestvalue::Store& store = five_papers();
    std::vector<bestvalue::ActionView> rows;
    for (std::int64_t copy = 0; copy < state.range(0); ++copy) {
        for (const auto action : store.actions()) {
            rows.push_back(action);
        }
    }
    const bestvalue::Date day(2009, 3, 18);
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::action_table(store, rows, day));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows.size()));
}
BENCHMARK(action_table)->Arg(1)->Arg(8)->Arg(64);

} // namespace

BENCHMARK_MAIN();
