// The SQLite store across processes: a writer killed (SIGKILL) at random points inside its
// transactions leaves a store that reopens intact, holding the state before or after each
// transaction and never a mix; and readers in other processes, while one process writes,
// always see a whole store.

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <sqlite3.h>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <bestvalue/io/database.hpp>
#include <bestvalue/io/json.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int actions_per_batch = 120;

// A fresh, empty folder for one test's files, removed afterwards.
struct ScratchFolder {
    fs::path path;
    explicit ScratchFolder(const std::string& name)
        : path(fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(std::random_device{}()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

std::string read_text(const fs::path& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    std::string text;
    char buffer[65536];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        text.append(buffer, read);
    }
    std::fclose(file);
    return text;
}

std::string batch_plan(int batch) {
    return "batch/plan-" + std::to_string(batch);
}

// One transaction's worth of work: a plan of Rochford's with its actions and a first progress
// update on each, as one JSON document.
std::string batch_document(int batch) {
    const auto plan = batch_plan(batch);
    std::string text =
        R"({"bestvalue": "1", "plans": [{"id": ")" + plan + R"(", "title": "Batch )" +
        std::to_string(batch) +
        R"(", "organisation": "rochford", "kind": "action_plan", "status": "adopted"}], "actions": [)";
    for (int i = 0; i < actions_per_batch; ++i) {
        text += (i == 0 ? "" : ", ");
        text += R"({"id": ")" + plan + "/" + std::to_string(i) + R"(", "plan": ")" + plan +
                R"(", "ref": ")" + std::to_string(i) + R"(", "text": "Action )" +
                std::to_string(i) + R"("})";
    }
    text += R"(], "progress": [)";
    for (int i = 0; i < actions_per_batch; ++i) {
        text += (i == 0 ? "" : ", ");
        text += R"({"subject": ")" + plan + "/" + std::to_string(i) +
                R"(", "as_of": "2009-03-01", "lifecycle": "in_progress", "percent": )" +
                std::to_string(batch % 100) + "}";
    }
    text += "]}";
    return text;
}

// How many whole batches `store` holds; -1 if it holds a part of one, or batches out of order.
int whole_batches(const bestvalue::Store& store) {
    int batches = 0;
    while (store.find_plan(batch_plan(batches)) != nullptr) {
        ++batches;
    }
    std::size_t actions = 0;
    for (const auto action : store.actions()) {
        if (action.plan().rfind("batch/", 0) == 0) {
            ++actions;
        }
    }
    std::size_t updates = 0;
    for (const auto& update : store.progress()) {
        if (update.subject.rfind("batch/", 0) == 0) {
            ++updates;
        }
    }
    const auto expected = static_cast<std::size_t>(batches) * actions_per_batch;
    // Batches past the last whole one would show up as extra actions or updates.
    return actions == expected && updates == expected ? batches : -1;
}

std::string integrity_of(const fs::path& path) {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(connection, "PRAGMA integrity_check", -1, &statement, nullptr) ==
            SQLITE_OK);
    std::string result;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        result += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(connection);
    return result;
}

// A database holding Rochford's plan, which the batches belong to.
void create_base(const fs::path& path) {
    auto database = bestvalue::open(path);
    database.import_json(read_text(bestvalue::testing::examples_dir() +
                                   "003-rochford-cpa-improvement-plan-2009.json"));
}

// In a child process: writes batch after batch, from the first the file lacks, until killed,
// writing a byte to `committed` after each commit.
[[noreturn]] void write_batches_until_killed(const fs::path& path, int committed) {
    try {
        auto database = bestvalue::open(path);
        for (int batch = whole_batches(database.store());; ++batch) {
            database.import_json(batch_document(batch));
            const char byte = 1;
            if (::write(committed, &byte, 1) != 1) {
                ::_exit(4);
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "writer: %s\n", error.what());
        ::_exit(3);
    }
}

} // namespace

TEST_CASE("a writer killed at random points leaves the old state or the new, never a mix",
          "[database][processes]") {
    ScratchFolder folder("bestvalue-crash");
    const auto path = folder.path / "store.db";
    create_base(path);
    // What the file must hold after each kill: the base and every batch committed, whole.
    bestvalue::Store expected;
    bestvalue::read_json(expected, bestvalue::open(path).export_json());
    int expected_batches = 0;

    // Each round lets the writer commit 0-2 batches (it says when), then kills it at a random
    // moment of the next: while it checks the batch, writes its rows or commits. Waiting on the
    // writer's word rather than on the clock keeps the test the same on a slow machine.
    std::mt19937 random(20261123);
    std::uniform_int_distribution<int> commits_first(0, 2);
    std::uniform_int_distribution<int> delay_us(0, 30000);
    int waited_for = 0;
    for (int round = 0; round < 40; ++round) {
        int committed[2];
        REQUIRE(::pipe(committed) == 0);
        const pid_t writer = ::fork();
        REQUIRE(writer >= 0);
        if (writer == 0) {
            ::close(committed[0]);
            write_batches_until_killed(path, committed[1]);
        }
        ::close(committed[1]);
        const int commits = commits_first(random);
        for (int i = 0; i < commits; ++i) {
            char byte = 0;
            REQUIRE(::read(committed[0], &byte, 1) == 1); // 0: the writer failed; see stderr
        }
        waited_for += commits;
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(writer, SIGKILL);
        ::close(committed[0]);
        int status = 0;
        REQUIRE(::waitpid(writer, &status, 0) == writer);
        // A writer that failed on its own exits 3 (and says why on stderr); one killed dies of
        // the signal.
        REQUIRE(WIFSIGNALED(status));
        REQUIRE(WTERMSIG(status) == SIGKILL);

        INFO("round " << round);
        REQUIRE(integrity_of(path) == "ok");
        const auto reopened = bestvalue::open(path);
        const int batches = whole_batches(reopened.store());
        REQUIRE(batches >= expected_batches); // committed work is never lost
        REQUIRE(batches >= waited_for);       // every commit the writer reported is there
        for (; expected_batches < batches; ++expected_batches) {
            bestvalue::read_json(expected, batch_document(expected_batches));
        }
        REQUIRE(reopened.export_json() == bestvalue::write_json(expected));
    }
}

TEST_CASE("readers in other processes see a whole store while one process writes",
          "[database][processes]") {
    ScratchFolder folder("bestvalue-readers");
    const auto path = folder.path / "store.db";
    create_base(path);
    constexpr int batches = 30;
    constexpr int readers = 3;

    std::vector<pid_t> children;
    for (int reader = 0; reader < readers; ++reader) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // Reads until it has seen the last batch, checking every state it sees; a fresh
            // connection every few reads, as a reporting tool would open one.
            int code = 0;
            try {
                bestvalue::OpenOptions read_only;
                read_only.read_only = true;
                auto database = bestvalue::open(path, read_only);
                std::set<int> seen;
                const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
                for (int read = 0;; ++read) {
                    if (read % 5 == 4) {
                        database = bestvalue::open(path, read_only);
                    } else {
                        database.refresh();
                    }
                    const int whole = whole_batches(database.store());
                    if (whole < 0 || (!seen.empty() && whole < *seen.rbegin())) {
                        std::fprintf(stderr, "reader saw %d batches after %d\n", whole,
                                     seen.empty() ? 0 : *seen.rbegin());
                        code = 1;
                        break;
                    }
                    seen.insert(whole);
                    if (whole == batches) {
                        break;
                    }
                    if (std::chrono::steady_clock::now() > give_up) {
                        std::fprintf(stderr, "reader never saw the last batch\n");
                        code = 2;
                        break;
                    }
                }
            } catch (const std::exception& error) {
                std::fprintf(stderr, "reader: %s\n", error.what());
                code = 3;
            }
            ::_exit(code);
        }
        children.push_back(child);
    }

    {
        auto writer = bestvalue::open(path);
        for (int batch = 0; batch < batches; ++batch) {
            writer.import_json(batch_document(batch));
        }
        CHECK(whole_batches(writer.store()) == batches);
    }
    for (const pid_t child : children) {
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    CHECK(integrity_of(path) == "ok");
}
