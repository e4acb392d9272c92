// How fast a store loads from SQLite: opening a database reads every table in one pass and
// checks the whole store with one Store::add. The national case is synthetic — councils each
// with a plan of actions (a due, two leads, a cite) and four progress updates an action — at
// 10 000 and 100 000 actions (the target is 1 million actions and 4 million updates
// in under 3 s; the time grows linearly). The database is written once, outside the timing.
// Beside each open, SQLite's own floor for it: every value of every table read, nothing built.
// Given BESTVALUE_BENCH_STORE (a store's file, e.g. the national collection imported by
// `bestvalue import`), both are measured on that file too.
// Run: [BESTVALUE_BENCH_STORE=/tmp/national.db] build/dev/benchmarks/bench_database

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/io/database.hpp>
#include <bestvalue/io/json.hpp>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"

namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
    const fs::path path = fs::temp_directory_path() / ("bestvalue-bench-" + name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
    return path;
}

// Councils of 1000 actions each, every action with four progress updates.
bestvalue::Contents national(std::int64_t actions) {
    bestvalue::Contents contents;
    const bestvalue::Date paper_date(2009, 2, 18);
    const auto due = bestvalue::parse_date_text("Feb/Mar 09", paper_date);
    const std::int64_t councils = (actions + 999) / 1000;
    for (std::int64_t c = 0; c < councils; ++c) {
        const std::string council = "council-" + std::to_string(c);
        bestvalue::Organisation organisation;
        organisation.id = council;
        organisation.name = "Council " + std::to_string(c);
        organisation.kind = bestvalue::OrganisationKind::district_council;
        contents.organisations.push_back(organisation);
        bestvalue::Document paper;
        paper.id = council + "/executive-2009-02-18";
        paper.title = "Improvement plan";
        paper.organisation = council;
        paper.date = paper_date;
        contents.documents.push_back(paper);
        for (const char* post : {"cex", "spmo"}) {
            bestvalue::Officer officer;
            officer.id = council + "/officer/" + post;
            officer.organisation = council;
            officer.abbreviation = post;
            contents.officers.push_back(officer);
        }
        bestvalue::Plan plan;
        plan.id = council + "/plan";
        plan.title = "Improvement plan";
        plan.organisation = council;
        plan.cites.push_back({paper.id, ""});
        for (int s = 0; s < 10; ++s) {
            bestvalue::Section section;
            section.id = plan.id + "/section-" + std::to_string(s);
            section.ref = std::to_string(s + 1);
            section.title = "Objective " + std::to_string(s + 1);
            plan.sections.push_back(section);
        }
        contents.plans.push_back(plan);
        const std::int64_t count = std::min<std::int64_t>(1000, actions - c * 1000);
        for (std::int64_t a = 0; a < count; ++a) {
            bestvalue::Action action;
            action.id = plan.id + "/" + std::to_string(a);
            action.plan = plan.id;
            action.section = plan.sections[static_cast<std::size_t>(a % 10)].id;
            action.ref = std::to_string(a % 10 + 1) + "." + std::to_string(a / 10 + 1);
            action.text = "Deliver the improvement agreed at the Executive";
            action.leads = {council + "/officer/cex", council + "/officer/spmo"};
            action.due = due;
            action.outcome = "Better services";
            action.cites.push_back({paper.id, std::to_string(a)});
            for (int u = 0; u < 4; ++u) {
                bestvalue::ProgressUpdate update;
                update.subject = action.id;
                update.as_of = bestvalue::Date(2008, 6 + u * 2, 1);
                update.status = u == 3 ? "Green" : "Amber";
                update.percent = 25.0 * (u + 1);
                update.narrative = "On track";
                contents.progress.push_back(update);
            }
            contents.actions.push_back(std::move(action));
        }
    }
    return contents;
}

// The synthetic national store of `actions` actions, written once, removed with this.
class NationalFile {
public:
    explicit NationalFile(std::int64_t actions)
        : path_(scratch("national-" + std::to_string(actions))) {
        bestvalue::Database database = bestvalue::open(path_);
        database.add(national(actions));
    }
    NationalFile(const NationalFile&) = delete;
    NationalFile& operator=(const NationalFile&) = delete;
    ~NationalFile() {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(path_.string() + suffix);
        }
    }
    [[nodiscard]] const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

void open_file(benchmark::State& state, const fs::path& path) {
    for (auto _ : state) {
        const bestvalue::Database database = bestvalue::open(path, {.read_only = true});
        benchmark::DoNotOptimize(database.store().actions().size());
    }
    state.counters["bytes"] = static_cast<double>(fs::file_size(path));
}

// SQLite's floor for an open of `path`: on one connection, as bestvalue's reader opens them,
// every row of every table stepped through and every value read (text as text, numbers as
// numbers), nothing copied or built. An open reads each of these values at least once.
void read_every_value(benchmark::State& state, const fs::path& path) {
    struct Closer {
        void operator()(sqlite3* connection) const noexcept { sqlite3_close_v2(connection); }
        void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
    };
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(path.string().c_str(), &raw,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    const std::unique_ptr<sqlite3, Closer> connection(raw);
    if (opened != SQLITE_OK) {
        state.SkipWithError("cannot open the store's file");
        return;
    }
    // Null, with the benchmark marked failed, when SQLite cannot prepare `sql`.
    const auto prepare = [&](const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(raw, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            state.SkipWithError(sqlite3_errmsg(raw));
        }
        return std::unique_ptr<sqlite3_stmt, Closer>(statement);
    };
    std::vector<std::string> tables;
    const auto names = prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
    while (names && sqlite3_step(names.get()) == SQLITE_ROW) {
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(names.get(), 0)));
    }
    std::int64_t rows = 0;
    for (auto _ : state) {
        rows = 0;
        for (const std::string& table : tables) {
            const auto every = prepare("SELECT * FROM \"" + table + "\"");
            if (!every) {
                return;
            }
            const int columns = sqlite3_column_count(every.get());
            while (sqlite3_step(every.get()) == SQLITE_ROW) {
                ++rows;
                for (int c = 0; c < columns; ++c) {
                    if (sqlite3_column_type(every.get(), c) == SQLITE_TEXT) {
                        benchmark::DoNotOptimize(sqlite3_column_text(every.get(), c));
                        benchmark::DoNotOptimize(sqlite3_column_bytes(every.get(), c));
                    } else {
                        benchmark::DoNotOptimize(sqlite3_column_int64(every.get(), c));
                    }
                }
            }
        }
    }
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["bytes"] = static_cast<double>(fs::file_size(path));
}

void open_national(benchmark::State& state) {
    const NationalFile file(state.range(0));
    open_file(state, file.path());
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(open_national)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void sqlite_read_every_value(benchmark::State& state) {
    const NationalFile file(state.range(0));
    read_every_value(state, file.path());
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(sqlite_read_every_value)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void open_five_papers(benchmark::State& state) {
    const fs::path path = scratch("five");
    {
        bestvalue::Database database = bestvalue::open(path);
        for (const auto& path : bestvalue::bench::example_dataset_paths()) {
            bestvalue::Store one;
            bestvalue::read_json_file(one, path);
            database.import_json(bestvalue::write_json(one), fs::path(path).filename().string());
        }
    }
    for (auto _ : state) {
        const bestvalue::Database database = bestvalue::open(path, {.read_only = true});
        benchmark::DoNotOptimize(database.store().actions().size());
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
}
BENCHMARK(open_five_papers)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    if (const char* store = std::getenv("BESTVALUE_BENCH_STORE")) {
        const fs::path path(store);
        benchmark::RegisterBenchmark("open_store_file", open_file, path)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("sqlite_read_every_value_of_store_file", read_every_value,
                                     path)
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
