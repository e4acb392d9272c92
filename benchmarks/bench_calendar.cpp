// How fast council date text is read: one benchmark per kind of text in the seed documents.
// Run: build/benchmarks/bench_calendar (configure with -DBESTVALUE_BUILD_BENCHMARKS=ON).

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/financial_year.hpp>

#include <benchmark/benchmark.h>

namespace {

const bestvalue::Date reference(2009, 2, 18);

void read_text(benchmark::State& state, const char* text) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(bestvalue::parse_date_text(text, reference));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(std::char_traits<char>::length(text)));
}

BENCHMARK_CAPTURE(read_text, month, "July 2009");
BENCHMARK_CAPTURE(read_text, month_range, "Feb/Mar 09");
BENCHMARK_CAPTURE(read_text, three_periods, "Feb 09 Nov 08 Nov/Dec 08");
BENCHMARK_CAPTURE(read_text, recurrence, "Done - Refreshed annually");
BENCHMARK_CAPTURE(read_text, prose,
                  "More sessions will be included in 09/10 member Training & Dev programme");

void financial_year_of_day(benchmark::State& state) {
    const bestvalue::Date first(2003, 1, 1);
    long offset = 0;
    for (auto _ : state) {
        // Ten years of days, over and over, so the dates stay within Boost's range.
        benchmark::DoNotOptimize(
            bestvalue::FinancialYear::containing(first + boost::gregorian::days(offset)));
        offset = (offset + 1) % 3653;
    }
}
BENCHMARK(financial_year_of_day);

} // namespace

BENCHMARK_MAIN();
