// How fast a store loads from SQLite: opening a database reads every table in one pass and
// checks the whole store with one Store::add. The national case is synthetic — councils each
// with a plan of actions (a due, two leads, a cite) and four progress updates an action — at
// 10 000 and 100 000 actions (the target is 1 million actions and 4 million updates
// in under 3 s; the time grows linearly). The database is written once, outside the timing.
// Run: build/dev/benchmarks/bench_database

#include <algorithm>
#include <filesystem>
#include <string>

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

void open_national(benchmark::State& state) {
    const fs::path path = scratch("national-" + std::to_string(state.range(0)));
    {
        bestvalue::Database database = bestvalue::open(path);
        database.add(national(state.range(0)));
    }
    for (auto _ : state) {
        const bestvalue::Database database = bestvalue::open(path, {.read_only = true});
        benchmark::DoNotOptimize(database.store().actions().size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["bytes"] = static_cast<double>(fs::file_size(path));
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path.string() + suffix);
    }
}
BENCHMARK(open_national)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

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

BENCHMARK_MAIN();
