// How fast a JSON document loads into a store, against Boost.JSON parsing the same text into
// its own tree (the floor for a DOM-based reader) and simdjson's parse-only throughput (the
// issue's anchor: a load at 40 % of it or more), and how fast a store is written back.
// The document is the file named by BESTVALUE_BENCH_DATA (a generated collection, e.g.
// `benchmarks/generate --scale medium`), else the first example dataset.
// Run: BESTVALUE_BENCH_DATA=build/bench/medium-….json build/dev/benchmarks/bench_json

#include <cstdlib>
#include <fstream>
#include <optional>
#include <simdjson.h>
#include <sstream>
#include <stdexcept>

#include <bestvalue/io/json.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include "bench_data.hpp"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw std::runtime_error("cannot open " + path);
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return std::move(buffer).str();
}

const std::string& document() {
    static const std::string text = [] {
        if (const auto path = bestvalue::bench::bench_data_path()) {
            return read_file(*path);
        }
        return read_file(std::string(BESTVALUE_EXAMPLES_DIR) +
                         "/001-oxfordshire-raising-our-performance-2003.json");
    }();
    return text;
}

void set_bytes(benchmark::State& state, const std::string& text) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}

void load_into_store(benchmark::State& state) {
    const std::string& text = document();
    for (auto _ : state) {
        std::optional<bestvalue::Store> store(std::in_place);
        bestvalue::read_json(*store, text);
        benchmark::DoNotOptimize(store->actions().size());
        // Freeing the store is not part of loading it.
        state.PauseTiming();
        store.reset();
        state.ResumeTiming();
    }
    set_bytes(state, text);
}
BENCHMARK(load_into_store)->Unit(benchmark::kMillisecond);

void parse_only(benchmark::State& state) {
    const std::string& text = document();
    for (auto _ : state) {
        benchmark::DoNotOptimize(boost::json::parse(text));
    }
    set_bytes(state, text);
}
BENCHMARK(parse_only)->Unit(benchmark::kMillisecond);

// simdjson's DOM parse of the whole document, reusing one parser as its documentation advises:
// the fastest parse-only figure a reader could hope for, with no model built.
void simdjson_parse_only(benchmark::State& state) {
    const std::string& text = document();
    const simdjson::padded_string padded(text);
    simdjson::dom::parser parser;
    for (auto _ : state) {
        simdjson::dom::element root;
        if (const auto error = parser.parse(padded).get(root); error) {
            state.SkipWithError(simdjson::error_message(error));
            break;
        }
        benchmark::DoNotOptimize(root);
    }
    set_bytes(state, text);
}
BENCHMARK(simdjson_parse_only)->Unit(benchmark::kMillisecond);

void save_canonical(benchmark::State& state) {
    const std::string& text = document();
    bestvalue::Store store;
    bestvalue::read_json(store, text);
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::write_json(store));
    }
    set_bytes(state, text);
}
BENCHMARK(save_canonical)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
