// How fast a JSON document loads into a store, against Boost.JSON parsing the same text into
// its own tree (the floor for a DOM-based reader), and how fast a store is written back.
// Run: build/dev/benchmarks/bench_json

#include <fstream>
#include <sstream>

#include <bestvalue/io/json.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

namespace {

std::string read_file(const std::string& name) {
    std::ifstream file(std::string(BESTVALUE_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return std::move(buffer).str();
}

const std::string& raising_our_performance() {
    static const std::string text = read_file("001-oxfordshire-raising-our-performance-2003.json");
    return text;
}

void load_into_store(benchmark::State& state) {
    const std::string& text = raising_our_performance();
    for (auto _ : state) {
        bestvalue::Store store;
        bestvalue::read_json(store, text);
        benchmark::DoNotOptimize(store.actions().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(load_into_store);

void parse_only(benchmark::State& state) {
    const std::string& text = raising_our_performance();
    for (auto _ : state) {
        benchmark::DoNotOptimize(boost::json::parse(text));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(parse_only);

void save_canonical(benchmark::State& state) {
    const std::string& text = raising_our_performance();
    bestvalue::Store store;
    bestvalue::read_json(store, text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::write_json(store));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(save_canonical);

} // namespace

BENCHMARK_MAIN();
