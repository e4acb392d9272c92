#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#if defined(__unix__)
#include <sys/stat.h>
#endif

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "tsv.hpp"

using bestvalue::Store;
using bestvalue::testing::read_data_file;
using bestvalue::testing::read_tsv;

namespace {

const std::string examples = bestvalue::testing::examples_dir();

} // namespace

TEST_CASE("each seed dataset saves back to the very bytes it was loaded from", "[json][datasets]") {
    for (const auto& name : bestvalue::testing::seed_datasets()) {
        INFO(name);
        const std::string text = read_data_file(examples + name);
        Store store;
        bestvalue::read_json(store, text, name);
        CHECK(bestvalue::write_json(store) == text);
    }
}

TEST_CASE("the five datasets load into one store, sharing what they have in common",
          "[json][datasets]") {
    Store store;
    for (const auto& name : bestvalue::testing::seed_datasets()) {
        bestvalue::read_json_file(store, examples + name);
    }
    CHECK(store.documents().size() == 5);
    CHECK(store.actions().size() == 131);
    // The Audit Commission is defined in four datasets and held once.
    CHECK(std::count_if(store.organisations().begin(), store.organisations().end(),
                        [](const auto& o) { return o.id == "audit-commission"; }) == 1);
    // Loading a document again changes nothing: every entity is already there, equal.
    const std::string before = bestvalue::write_json(store);
    bestvalue::read_json_file(store, examples + bestvalue::testing::seed_datasets()[3]);
    CHECK(bestvalue::write_json(store) == before);
}

TEST_CASE("date text is read against the reference date of what cites it", "[json]") {
    Store store;
    bestvalue::read_json(store, R"({
  "bestvalue": "1",
  "documents": [{"id": "rochford/executive-2009-02-18", "title": "Executive", "date": "2009-02-18"}],
  "plans": [{"id": "rochford/plan", "title": "Plan", "cites": [{"document": "rochford/executive-2009-02-18"}]}],
  "actions": [
    {"id": "rochford/plan/1.1", "plan": "rochford/plan", "due": {"text": "Feb 09 Nov 08"}},
    {"id": "rochford/plan/1.2", "plan": "rochford/plan", "due": {"text": "More in 09/10", "periods": [{"start": "2009-04-01", "end": "2009-04-30", "precision": "month", "text": "09/10"}]}}
  ]
})");
    const auto first = store.get_action("rochford/plan/1.1");
    REQUIRE(first.due()->periods.size() == 2);
    CHECK(first.due()->periods[1].start() == bestvalue::Date(2008, 11, 1));
    CHECK(first.due_end() == bestvalue::Date(2009, 2, 28));
    // Readings given in the document are kept as written: a reader's correction survives.
    const auto second = store.get_action("rochford/plan/1.2");
    REQUIRE(second.due()->periods.size() == 1);
    CHECK(second.due()->periods[0].precision() == bestvalue::Precision::month);
    CHECK(second.due()->text == "More in 09/10");
}

TEST_CASE("two-digit years without a reference date are left unread, not guessed", "[json]") {
    Store store;
    bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan"}],
  "actions": [{"id": "p/1", "plan": "p", "due": {"text": "Feb 09"}}]})");
    const auto action = store.get_action("p/1");
    CHECK(action.due()->periods.empty());
    CHECK(action.due()->unread == std::vector<std::string>{"Feb 09"});
    CHECK_FALSE(action.due_end().has_value());
}

TEST_CASE("every bad document gives its own clear error and leaves the store as it was",
          "[json][bad]") {
    const auto rows =
        read_tsv("bad/expected.tsv", {"file", "error", "location", "line", "message"});
    REQUIRE(rows.size() >= 20);
    Store store;
    bestvalue::read_json_file(store, examples + bestvalue::testing::seed_datasets()[3]);
    const std::string before = bestvalue::write_json(store);
    for (const auto& row : rows) {
        INFO("tests/data/bad/" << row["file"] << " (expected.tsv line " << row.line << ")");
        const std::string text = read_data_file("bad/" + row["file"]);
        const auto expected_line = std::stoul(row["line"]);
        try {
            bestvalue::read_json(store, text, row["file"]);
            FAIL("expected an error");
        } catch (const bestvalue::ParseError& error) {
            CHECK(row["error"] == "ParseError");
            CHECK_THAT(error.reason(), Catch::Contains(row["message"]));
            CHECK(error.location().line == expected_line);
            CHECK(error.location().source == row["file"]);
        } catch (const bestvalue::ValidationError& error) {
            CHECK(row["error"] == "ValidationError");
            const auto& problems = error.problems();
            const auto match = std::find_if(problems.begin(), problems.end(), [&](const auto& p) {
                return p.location == row["location"] &&
                       p.message.find(row["message"]) != std::string::npos;
            });
            INFO("got: " << error.what());
            REQUIRE(match != problems.end());
            CHECK(match->line == expected_line);
            CHECK(match->column > 0);
        }
        CHECK(bestvalue::write_json(store) == before);
    }
}

TEST_CASE("a validation error lists every problem, not just the first", "[json][bad]") {
    Store store;
    try {
        bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan", "kind": "strategy"}],
  "actions": [{"id": "p/1", "plan": "p", "leads": ["nobody"], "colour": "red"},
              {"id": "p/1", "plan": "missing"}]})");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        // The reader's problems (an unknown enum, an unknown member) come together.
        CHECK(error.problems().size() == 2);
    }
    try {
        bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan"}],
  "actions": [{"id": "p/1", "plan": "p", "leads": ["nobody"]},
              {"id": "p/1", "plan": "missing"}]})");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        // The store's problems (an unknown officer, a duplicate id, an unknown plan) too, each
        // with where it is.
        std::vector<std::pair<std::string, std::size_t>> located;
        for (const auto& problem : error.problems()) {
            located.emplace_back(problem.location, problem.line);
        }
        std::sort(located.begin(), located.end());
        CHECK(located == std::vector<std::pair<std::string, std::size_t>>{{"/actions/0/leads/0", 3},
                                                                          {"/actions/1/id", 4},
                                                                          {"/actions/1/plan", 4}});
    }
    CHECK(store.plans().empty());
}

TEST_CASE("a string of 100 MB is refused with its location", "[json][bad]") {
    std::string text = R"({"bestvalue": "1", "organisations": [{"id": "x", "name": ")";
    text.append(100u << 20, 'a');
    text += "\"}]}";
    Store store;
    try {
        bestvalue::read_json(store, text);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].location == "/organisations/0/name");
        CHECK_THAT(error.problems()[0].message, Catch::Contains("longer than the limit"));
    }
    CHECK(store.organisations().empty());
}

TEST_CASE("nesting 10,000 deep is refused as a parse error", "[json][bad]") {
    std::string text = R"({"bestvalue": "1", "notes": )";
    text.append(10000, '[');
    text.append(10000, ']');
    text += "}";
    Store store;
    CHECK_THROWS_WITH(bestvalue::read_json(store, text), Catch::Contains("not valid JSON"));
}

TEST_CASE("saving replaces the file only once it is complete", "[json]") {
    const auto directory = std::filesystem::temp_directory_path() / "bestvalue-test-save";
    std::filesystem::create_directories(directory);
    const auto path = directory / "store.json";
    Store store;
    bestvalue::read_json_file(store, examples + bestvalue::testing::seed_datasets()[4]);
    bestvalue::save_json_file(store, path);
    CHECK(read_data_file(path.string()) ==
          read_data_file(examples + bestvalue::testing::seed_datasets()[4]));
    CHECK_FALSE(std::filesystem::exists(directory / "store.json.partial"));
    CHECK_THROWS_AS(bestvalue::save_json_file(store, directory / "missing" / "x.json"),
                    bestvalue::Error);
    CHECK_THROWS_AS(bestvalue::load_json_file(directory / "no-such-file.json"), bestvalue::Error);
    std::filesystem::remove_all(directory);
}

#if defined(__unix__)
TEST_CASE("a document read from a pipe, whose length is not known ahead, is read whole", "[json]") {
    const auto directory = std::filesystem::temp_directory_path() / "bestvalue-test-pipe";
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const auto pipe = directory / "store.json";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    const std::string text = read_data_file(examples + bestvalue::testing::seed_datasets()[4]);
    // The writer opens the pipe once the reader has, and writes the document in two parts.
    std::thread writer([&] {
        std::ofstream out(pipe, std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size() / 2));
        out.flush();
        out.write(text.data() + text.size() / 2,
                  static_cast<std::streamsize>(text.size() - text.size() / 2));
    });
    Store store;
    CHECK_NOTHROW(bestvalue::read_json_file(store, pipe));
    writer.join();
    CHECK(bestvalue::write_json(store) == text);
    std::filesystem::remove_all(directory);
}
#endif

TEST_CASE("each dataset holds what its seed document holds", "[json][datasets]") {
    struct Counts {
        std::string name;
        std::size_t organisations, officers, assessments, ratings, recommendations, plans, sections,
            actions, progress;
    };
    // Counted from the seed texts: e.g. Rochford's 28 numbered key actions (1.1-1.7, 2.1-2.5,
    // 3.1-3.13, 4.1-4.3) and its two equality and diversity actions; Oxfordshire's 44 actions
    // of Raising our Performance (15 from the Peer Review, 9 from the CPA) with one progress
    // symbol each and 52 narrative bullets.
    const std::vector<Counts> expected = {
        {bestvalue::testing::seed_datasets()[0], 7, 8, 31, 9, 0, 3, 10, 32, 5},
        {bestvalue::testing::seed_datasets()[1], 3, 0, 3, 0, 24, 1, 20, 44, 96},
        {bestvalue::testing::seed_datasets()[2], 4, 10, 51, 0, 0, 0, 0, 0, 0},
        {bestvalue::testing::seed_datasets()[3], 3, 14, 2, 1, 0, 1, 5, 30, 0},
        {bestvalue::testing::seed_datasets()[4], 2, 18, 6, 1, 4, 3, 6, 25, 12},
    };
    for (const auto& counts : expected) {
        INFO(counts.name);
        const Store store = bestvalue::load_json_file(examples + counts.name);
        std::size_t sections = 0;
        for (const auto& plan : store.plans()) {
            sections += plan.sections.size();
        }
        CHECK(store.documents().size() == 1);
        CHECK(store.organisations().size() == counts.organisations);
        CHECK(store.officers().size() == counts.officers);
        CHECK(store.assessments().size() == counts.assessments);
        CHECK(store.ratings().size() == counts.ratings);
        CHECK(store.recommendations().size() == counts.recommendations);
        CHECK(store.plans().size() == counts.plans);
        CHECK(sections == counts.sections);
        CHECK(store.actions().size() == counts.actions);
        CHECK(store.progress().size() == counts.progress);
    }
}

TEST_CASE("problems deep in a document are located by their whole pointer", "[json][bad]") {
    const auto locations = [](const bestvalue::ValidationError& error) {
        std::vector<std::string> found;
        for (const auto& problem : error.problems()) {
            CHECK(problem.line > 1);
            CHECK(problem.column > 0);
            found.push_back(problem.location);
        }
        std::sort(found.begin(), found.end());
        return found;
    };
    Store store;
    try {
        bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan"}],
  "actions": [{"id": "p/1", "plan": "p"},
              {"id": "p/2", "plan": "p", "a/b": 1,
               "ict": {"text": "new servers", "cost": 3},
               "due": {"text": "each May", "recurrence": {"frequency": "annual", "month": 13}},
               "due_revisions": [{"reason": "late"}],
               "milestones": [{"title": "one"}, {"title": "two", "due": {"text": "May 2009", "x": 1}}]}]})");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        CHECK(locations(error) == std::vector<std::string>{
                                      "/actions/1/a~1b",
                                      "/actions/1/due/recurrence/month",
                                      "/actions/1/due_revisions/0/due",
                                      "/actions/1/ict/cost",
                                      "/actions/1/milestones/1/due/x",
                                  });
    }
    try {
        bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan", "sections": [{"id": "p/s"}, {"id": "p/t"}]},
            {"id": "q", "title": "Plan", "sections": [{"id": "q/s"}, {"id": "p/t"}]}]})");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(locations(error) == std::vector<std::string>{"/plans/1/sections/1/id"});
        CHECK_THAT(error.problems().front().message,
                   Catch::Contains("first used at /plans/0/sections/1/id"));
        CHECK(error.problems().front().line == 3);
    }
    CHECK(store.plans().empty());
}
