#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/database.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "io/database_schema.hpp"

namespace fs = std::filesystem;
using bestvalue::Database;
using bestvalue::DatabaseError;
using bestvalue::DatabaseFailure;
using bestvalue::Date;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string dataset(std::string_view name) {
    return read_file(bestvalue::testing::examples_dir() + std::string(name));
}

// The name of the first of the seed datasets.
const std::string& first_dataset() {
    return bestvalue::testing::seed_datasets().front();
}

// A fresh folder for one test's files, removed with everything in it at the end.
class Scratch {
public:
    Scratch() {
        static std::atomic<int> counter{0};
        std::random_device random;
        dir_ = fs::temp_directory_path() /
               ("bestvalue-db-test-" + std::to_string(random()) + "-" + std::to_string(++counter));
        fs::create_directories(dir_);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    [[nodiscard]] fs::path file(const char* name) const { return dir_ / name; }

private:
    fs::path dir_;
};

struct RawCloser {
    void operator()(sqlite3* connection) const noexcept { sqlite3_close_v2(connection); }
};
using Raw = std::unique_ptr<sqlite3, RawCloser>;

// A plain SQLite connection, beside the library's, to look at or tamper with a file.
Raw raw_open(const fs::path& path) {
    sqlite3* connection = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &connection) == SQLITE_OK);
    return Raw(connection);
}

int raw_exec(sqlite3* connection, const char* sql) {
    return sqlite3_exec(connection, sql, nullptr, nullptr, nullptr);
}

std::string raw_text(sqlite3* connection, const char* sql) {
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) == SQLITE_OK);
    std::string result;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(statement, 0);
        if (!result.empty()) {
            result += '\n';
        }
        result += text == nullptr ? "NULL" : reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(statement);
    return result;
}

// The file is whole and every foreign key resolves.
void check_sound(const fs::path& path) {
    Raw raw = raw_open(path);
    CHECK(raw_text(raw.get(), "PRAGMA integrity_check") == "ok");
    CHECK(raw_text(raw.get(), "PRAGMA foreign_key_check").empty());
}

// Closes `database`, then checks that the file, opened again, holds `json` and is sound.
void check_file_holds(Database& database, const fs::path& path, const std::string& json) {
    database.close();
    CHECK(bestvalue::open(path).export_json() == json);
    check_sound(path);
}

DatabaseFailure failure_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const DatabaseError& error) {
        CHECK_FALSE(error.path().empty());
        CHECK(std::string(error.what()).find(error.path()) == 0);
        return error.failure();
    }
    FAIL("no DatabaseError was thrown");
    return DatabaseFailure::other;
}

// Runs `sql` on the file at `path`, which must then fail to open as corrupt, a row belonging
// to an entity the store does not hold.
void check_corrupt_once_run(const fs::path& path, const char* sql) {
    {
        Raw raw = raw_open(path);
        REQUIRE(raw_exec(raw.get(), sql) == SQLITE_OK);
    }
    try {
        (void)bestvalue::open(path, {.read_only = true});
        FAIL("the tampered file opened");
    } catch (const DatabaseError& error) {
        CHECK(error.failure() == DatabaseFailure::corrupt);
        CHECK_THAT(error.what(), Catch::Contains("which the store does not hold"));
    }
}

bestvalue::ProgressUpdate progress(const char* subject, Date as_of, const char* status) {
    bestvalue::ProgressUpdate update;
    update.subject = subject;
    update.as_of = as_of;
    update.status = status;
    update.narrative = "Reported to the Executive";
    update.percent = 62.5;
    update.cites.push_back({"rochford/executive-2009-02-18", "3.4"});
    update.notes.push_back("from the covering report");
    return update;
}

const char* const rochford = "003-rochford-cpa-improvement-plan-2009.json";
const char* const rochford_action = "rochford/cpa-plan-2009/1.1";

} // namespace

TEST_CASE("a database holding one dataset exports it byte for byte", "[database]") {
    for (const std::string& name : bestvalue::testing::seed_datasets()) {
        INFO(name);
        Scratch scratch;
        const auto path = scratch.file("one.db");
        const std::string text = dataset(name);
        {
            Database database = bestvalue::open(path);
            database.import_json(text, name);
            CHECK(database.export_json() == text);
        }
        const Database reopened = bestvalue::open(path, {.read_only = true});
        CHECK(reopened.export_json() == text);
        check_sound(path);
    }
}

TEST_CASE("the five datasets import into one database and export as one store", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("five.db");
    {
        Database database = bestvalue::open(path);
        for (const std::string& name : bestvalue::testing::seed_datasets()) {
            database.import_json(dataset(name), name);
        }
        CHECK(database.export_json() == bestvalue::write_json(bestvalue::testing::five_papers()));
    }
    const Database reopened = bestvalue::open(path);
    CHECK(reopened.store().contents() == bestvalue::testing::five_papers().contents());
    CHECK(reopened.export_json() == bestvalue::write_json(bestvalue::testing::five_papers()));
    CHECK(reopened.schema_version() == bestvalue::database_schema_version);
    check_sound(path);

    Raw raw = raw_open(path);
    CHECK(raw_text(raw.get(), "PRAGMA application_id") ==
          std::to_string(bestvalue::database_application_id));
    CHECK(raw_text(raw.get(), "PRAGMA user_version") ==
          std::to_string(bestvalue::database_schema_version));
    CHECK(raw_text(raw.get(), "PRAGMA journal_mode") == "wal");
    // Rows are typed: an action's lead is a row of action_officers, its due a period row.
    CHECK(raw_text(raw.get(), "SELECT officer FROM action_officers WHERE action = "
                              "'rochford/cpa-plan-2009/1.1' AND role = 'lead' ORDER BY position") ==
          "rochford/officer/cex\nrochford/officer/cppu");
    CHECK(raw_text(raw.get(),
                   "SELECT p.start_date || ' ' || p.end_date || ' ' || p.precision "
                   "FROM actions a JOIN date_text_periods p ON p.date_text = a.due "
                   "WHERE a.id = 'rochford/cpa-plan-2009/1.1'") == "2009-02-01 2009-02-28 month");
    CHECK(raw_text(raw.get(), "SELECT due_end FROM actions WHERE id = "
                              "'rochford/cpa-plan-2009/1.1'") == "2009-02-28");
}

TEST_CASE("writes round-trip through the file: add, update, progress, due revisions",
          "[database]") {
    Scratch scratch;
    const auto path = scratch.file("writes.db");
    Database database = bestvalue::open(path);
    database.import_json(dataset(rochford), rochford);

    bestvalue::Contents added;
    bestvalue::Document paper;
    paper.id = "rochford/executive-2009-03-18";
    paper.title = "Progress report";
    paper.date = Date(2009, 2, 18);
    paper.notes.push_back("a note");
    added.documents.push_back(paper);
    database.add(added);

    database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
    auto later = progress(rochford_action, Date(2009, 6, 18), "Green");
    later.recorded = Date(2009, 6, 20);
    later.status.clear();
    later.health = bestvalue::Health::green;
    later.lifecycle = bestvalue::Lifecycle::completed;
    database.append_progress(later);

    bestvalue::DueRevision revision;
    revision.revised_on = Date(2009, 3, 1);
    revision.due = bestvalue::parse_date_text("by end of June 2009", Date(2009, 3, 1));
    revision.reason = "waiting for the LSP";
    revision.approved_by = "Executive";
    revision.approved_on = Date(2009, 3, 4);
    database.revise_due(rochford_action, revision);
    CHECK(database.store().get_action(rochford_action).due_revisions().size() == 1);

    bestvalue::Action changed = database.store().get_action(rochford_action).value();
    changed.title = "A clearer vision";
    changed.leads = {"rochford/officer/cex"};
    changed.milestones.pop_back();
    changed.ict = bestvalue::IctRequirement{"none", false};
    bestvalue::Contents update;
    update.actions.push_back(changed);
    database.update(update);

    bestvalue::Plan plan = database.store().get_plan("rochford/cpa-plan-2009");
    plan.sections[0].title = "Vision";
    plan.sections[0].notes.push_back("renamed");
    plan.title = "CPA Improvement Plan, revised";
    bestvalue::Contents plan_update;
    plan_update.plans.push_back(plan);
    database.update(plan_update);

    const auto action = database.store().get_action(rochford_action);
    CHECK(action.title() == "A clearer vision");
    CHECK(action.due_revisions().size() == 1);
    CHECK(database.store().progress_of(rochford_action).size() == 2);
    CHECK(database.store().get_plan("rochford/cpa-plan-2009").sections[0].title == "Vision");

    const std::string expected = database.export_json();
    const bestvalue::Contents contents = database.store().contents();
    database.close();
    const Database reopened = bestvalue::open(path);
    CHECK(reopened.export_json() == expected);
    CHECK(reopened.store().contents() == contents);
    // Order is kept: the updated action is where it was.
    CHECK(reopened.store().actions()[0].id() == rochford_action);
    check_sound(path);

    Raw raw = raw_open(path);
    CHECK(raw_text(raw.get(), "SELECT count(*) FROM progress") == "2");
    CHECK(raw_text(raw.get(), "SELECT reason FROM due_revisions") == "waiting for the LSP");
    // Replaced rows leave nothing behind: every date text belongs to something.
    CHECK(raw_text(raw.get(),
                   "SELECT count(*) FROM date_texts WHERE date_text NOT IN (SELECT due FROM "
                   "actions WHERE due IS NOT NULL UNION SELECT due FROM milestones WHERE due IS "
                   "NOT NULL UNION SELECT due FROM due_revisions UNION SELECT horizon FROM plans "
                   "WHERE horizon IS NOT NULL UNION SELECT due FROM plan_targets WHERE due IS NOT "
                   "NULL UNION SELECT scheduled FROM assessments WHERE scheduled IS NOT NULL "
                   "UNION SELECT actual FROM assessments WHERE actual IS NOT NULL)") == "0");
}

// A store whose file is 32 MiB or more, so read on two connections: the progress updates
// (with their citations and notes) and then the actions' officers on the second.
bestvalue::Contents large_contents() {
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    contents.documents.push_back([] {
        bestvalue::Document paper;
        paper.id = "council/report";
        paper.title = "Progress report";
        return paper;
    }());
    const char* const posts[] = {"cex", "spmo", "hof"};
    for (const char* post : posts) {
        contents.officers.push_back(bestvalue::testing::officer(
            std::string("council/officer/") + post, "council", post, post));
    }
    const std::string narrative(400, 'n');
    constexpr int actions = 20'000;
    for (int a = 0; a < actions; ++a) {
        bestvalue::Action action = bestvalue::testing::council_action(a);
        // None, one or two leads, and delivery officers on some: each action's own, in order.
        for (int l = 0; l < a % 3; ++l) {
            action.leads.push_back(contents.officers[(a + l) % 3].id);
        }
        if (a % 5 == 0) {
            action.delivery = {contents.officers[2].id, contents.officers[0].id};
        }
        if (a % 4 == 0) {
            action.source_tags = {"RoP"};
        }
        contents.actions.push_back(action);
        for (int q = 0; q < 4; ++q) {
            bestvalue::ProgressUpdate update;
            update.subject = action.id;
            update.as_of = Date(2009, 3 * q + 1, 1 + a % 28);
            update.status = q == 3 ? "Blue" : "Green";
            update.percent = 25.0 * (q + 1);
            update.narrative = narrative + std::to_string(a) + "/" + std::to_string(q);
            if ((a + q) % 7 == 0) {
                update.cites.push_back({"council/report", std::to_string(q)});
            }
            if ((a + q) % 11 == 0) {
                update.notes = {"first note " + std::to_string(a), "second"};
            }
            contents.progress.push_back(std::move(update));
        }
    }
    return contents;
}

TEST_CASE("a large store's progress updates and officers, read beside the rest, come out as "
          "written",
          "[database]") {
    // They must be the updates and officers written, in order, and the store as a whole the one
    // written, whether the file is opened read-only or read-write.
    Scratch scratch;
    const auto path = scratch.file("large.db");
    const bestvalue::Contents contents = large_contents();
    bestvalue::Store written;
    written.add(contents);
    {
        Database database = bestvalue::open(path);
        database.add(contents);
    }
    REQUIRE(fs::file_size(path) >= std::uintmax_t{32} << 20U);
    for (const bool read_only : {true, false}) {
        bestvalue::OpenOptions options;
        options.read_only = read_only;
        const Database database = bestvalue::open(path, options);
        INFO("read-only: " << read_only);
        CHECK(database.store().progress() == written.progress());
        CHECK(bestvalue::write_json(database.store()) == bestvalue::write_json(written));
    }
}

TEST_CASE("a large store's file with a row whose owner it does not hold is corrupt, whichever "
          "connection reads the row",
          "[database]") {
    // An officer of an action the file does not hold is found on the second connection; a
    // section of an absent plan on the first, before the second is told the actions are read;
    // an address and a milestone of absent actions on the first, while the second reads the
    // officers. Each must fail the open, and nothing may wait for ever.
    Scratch scratch;
    const auto large = scratch.file("large.db");
    {
        Database database = bestvalue::open(large);
        database.add(large_contents());
    }
    REQUIRE(fs::file_size(large) >= std::uintmax_t{32} << 20U);
    const char* const tampering[] = {
        "INSERT INTO action_officers VALUES ('council/plan/99999', 'lead', 0, "
        "'council/officer/cex')",
        "INSERT INTO action_officers VALUES ('council', 'delivery', 0, 'council/officer/cex')",
        "INSERT INTO sections VALUES ('council/plan/s', 'council/nowhere', 0, 'public', NULL, "
        "NULL, NULL, NULL)",
        "INSERT INTO action_source_tags VALUES ('council/plan/99999', 0, 'x')",
        "INSERT INTO milestones VALUES ('council/plan/99999', 0, 'x', NULL)",
    };
    for (const char* sql : tampering) {
        INFO(sql);
        const auto path = scratch.file("tampered.db");
        fs::copy_file(large, path, fs::copy_options::overwrite_existing);
        check_corrupt_once_run(path, sql);
    }
}

TEST_CASE("history is append-only: the file refuses changes to progress and due revisions",
          "[database]") {
    Scratch scratch;
    const auto path = scratch.file("history.db");
    {
        Database database = bestvalue::open(path);
        database.import_json(dataset(rochford), rochford);
        database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
        bestvalue::DueRevision revision;
        revision.due = bestvalue::parse_date_text("June 2009", Date(2009, 3, 1));
        database.revise_due(rochford_action, revision);
    }
    Raw raw = raw_open(path);
    CHECK(raw_exec(raw.get(), "UPDATE progress SET status = 'Green'") == SQLITE_CONSTRAINT);
    CHECK(raw_exec(raw.get(), "DELETE FROM progress") == SQLITE_CONSTRAINT);
    CHECK(raw_exec(raw.get(), "DELETE FROM progress_notes") == SQLITE_CONSTRAINT);
    CHECK(raw_exec(raw.get(), "UPDATE due_revisions SET reason = 'x'") == SQLITE_CONSTRAINT);
    CHECK(raw_exec(raw.get(), "DELETE FROM due_revisions") == SQLITE_CONSTRAINT);
    CHECK(raw_text(raw.get(), "SELECT status FROM progress") == "Amber");
}

TEST_CASE("a failed write leaves the file and the store as they were", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("failed.db");
    Database database = bestvalue::open(path);
    database.import_json(dataset(rochford), rochford);
    const std::string before = database.export_json();

    SECTION("an add with a broken reference") {
        bestvalue::Contents bad;
        bestvalue::Action action;
        action.id = "rochford/cpa-plan-2009/99";
        action.plan = "rochford/cpa-plan-2009";
        action.leads = {"rochford/officer/nobody"};
        bad.actions.push_back(action);
        CHECK_THROWS_AS(database.add(bad), bestvalue::ValidationError);
    }
    SECTION("a document that is not JSON") {
        CHECK_THROWS_AS(database.import_json("{ not json", "bad.json"), bestvalue::ParseError);
    }
    SECTION("a second dataset that clashes") {
        std::string clash = dataset(rochford);
        const auto at = clash.find("Rochford District Council");
        REQUIRE(at != std::string::npos);
        clash.replace(at, 8, "Rochfort");
        CHECK_THROWS_AS(database.import_json(clash), bestvalue::ValidationError);
    }
    SECTION("progress for an unknown subject") {
        CHECK_THROWS_AS(
            database.append_progress(progress("rochford/nothing", Date(2009, 1, 1), "Amber")),
            bestvalue::ValidationError);
    }
    SECTION("a due revision of an unknown action") {
        CHECK_THROWS_AS(database.revise_due("rochford/nothing", {}), bestvalue::NotFound);
    }
    SECTION("an update that drops a due revision") {
        bestvalue::DueRevision revision;
        revision.due = bestvalue::parse_date_text("June 2009", Date(2009, 3, 1));
        database.revise_due(rochford_action, revision);
        const std::string revised = database.export_json();
        bestvalue::Action action = database.store().get_action(rochford_action).value();
        action.due_revisions.clear();
        bestvalue::Contents update;
        update.actions.push_back(action);
        CHECK_THROWS_AS(database.update(update), bestvalue::ValidationError);
        CHECK(database.export_json() == revised);
        check_file_holds(database, path, revised);
        return;
    }
    SECTION("an update of an id the store does not hold") {
        bestvalue::Contents update;
        bestvalue::Officer officer;
        officer.id = "rochford/officer/nobody";
        update.officers.push_back(officer);
        CHECK_THROWS_AS(database.update(update), bestvalue::ValidationError);
    }
    SECTION("an update that breaks a reference elsewhere") {
        bestvalue::Plan plan = database.store().get_plan("rochford/cpa-plan-2009");
        plan.sections.clear();
        bestvalue::Contents update;
        update.plans.push_back(plan);
        CHECK_THROWS_AS(database.update(update), bestvalue::ValidationError);
    }
    CHECK(database.export_json() == before);
    check_file_holds(database, path, before);
}

TEST_CASE("a write the file refuses takes the store back as it was, index and all", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("refused.db");
    Database database = bestvalue::open(path);
    database.import_json(dataset(rochford), rochford);
    const bestvalue::Store& store = database.store();
    // Triggers of another connection's making stand in for a file that refuses a row after
    // the store has taken the change.
    const Raw other = raw_open(path);
    REQUIRE(raw_exec(other.get(), "CREATE TRIGGER refuse_progress BEFORE INSERT ON progress "
                                  "BEGIN SELECT RAISE(ABORT, 'refused'); END") == SQLITE_OK);
    REQUIRE(raw_exec(other.get(),
                     "CREATE TRIGGER refuse_revisions BEFORE INSERT ON "
                     "due_revisions BEGIN SELECT RAISE(ABORT, 'refused'); END") == SQLITE_OK);
    CHECK(database.refresh());
    const std::string before = database.export_json();
    const std::uint64_t generation = store.index().generation();
    const std::size_t revisions = store.get_action(rochford_action).due_revisions().size();

    SECTION("an addition") {
        CHECK_THROWS_AS(
            database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber")),
            DatabaseError);
        CHECK(store.progress().empty());
        CHECK(store.progress_of(rochford_action).empty());
    }
    SECTION("an update") {
        bestvalue::DueRevision revision;
        revision.due = bestvalue::parse_date_text("June 2009", Date(2009, 3, 1));
        CHECK_THROWS_AS(database.revise_due(rochford_action, revision), DatabaseError);
        CHECK(store.get_action(rochford_action).due_revisions().size() == revisions);
    }
    // The same store object, with the index from before the write.
    CHECK(&database.store() == &store);
    CHECK(store.index().generation() == generation);
    CHECK(database.export_json() == before);

    // Once the file takes them, the same writes land.
    REQUIRE(raw_exec(other.get(), "DROP TRIGGER refuse_progress") == SQLITE_OK);
    REQUIRE(raw_exec(other.get(), "DROP TRIGGER refuse_revisions") == SQLITE_OK);
    database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
    CHECK(store.progress_of(rochford_action).size() == 1);
    check_file_holds(database, path, database.export_json());
}

TEST_CASE("updates appended after opening go in without copying the store", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("appended.db");
    {
        Database database = bestvalue::open(path);
        database.import_json(dataset(rochford), rochford);
        for (int day = 1; day <= 20; ++day) {
            database.append_progress(progress(rochford_action, Date(2009, 3, day), "Amber"));
        }
    }
    Database database = bestvalue::open(path);
    // Where the store keeps its first action's id: elsewhere were the actions copied.
    const char* read = database.store().actions()[0].id().data();
    const bestvalue::ProgressUpdate first = database.store().progress()[0].value();
    for (int day = 21; day <= 28; ++day) {
        database.append_progress(progress(rochford_action, Date(2009, 3, day), "Amber"));
    }
    CHECK(database.store().progress().size() == 28);
    CHECK(database.store().progress()[0] == first);
    CHECK(database.store().progress()[27] == progress(rochford_action, Date(2009, 3, 28), "Amber"));
    // The updates were appended in place: the store's other entities were not copied.
    CHECK(database.store().actions()[0].id().data() == read);
}

TEST_CASE("a file that is not SQLite is refused", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("text.db");
    const std::string text = "this is a text file, not a database, and it is long enough to be "
                             "mistaken for neither\n";
    std::ofstream(path, std::ios::binary) << text;
    CHECK(failure_of([&] { (void)bestvalue::open(path); }) == DatabaseFailure::not_sqlite);
    CHECK(read_file(path) == text);
}

TEST_CASE("a SQLite file that is not a bestvalue store is refused and left alone", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("other.db");
    SECTION("tables of its own") {
        Raw raw = raw_open(path);
        REQUIRE(raw_exec(raw.get(), "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") == SQLITE_OK);
    }
    SECTION("another application's id") {
        Raw raw = raw_open(path);
        REQUIRE(raw_exec(raw.get(), "PRAGMA application_id = 1234") == SQLITE_OK);
    }
    CHECK(failure_of([&] { (void)bestvalue::open(path); }) == DatabaseFailure::not_a_store);
    Raw raw = raw_open(path);
    CHECK(raw_text(raw.get(), "PRAGMA journal_mode") == "delete");
    CHECK(raw_text(raw.get(), "SELECT count(*) FROM sqlite_master WHERE name = 'actions'") == "0");
}

TEST_CASE("a store from a newer schema version is refused", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("newer.db");
    { (void)bestvalue::open(path); }
    {
        Raw raw = raw_open(path);
        REQUIRE(raw_exec(raw.get(), "PRAGMA user_version = 99") == SQLITE_OK);
    }
    CHECK(failure_of([&] { (void)bestvalue::open(path); }) == DatabaseFailure::newer_version);
    CHECK(failure_of([&] { (void)bestvalue::open(path, {.read_only = true}); }) ==
          DatabaseFailure::newer_version);
}

TEST_CASE("a locked database fails a write cleanly once the busy timeout passes", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("locked.db");
    Database database = bestvalue::open(path, {.busy_timeout = std::chrono::milliseconds(50)});
    database.import_json(dataset(rochford), rochford);
    const std::string before = database.export_json();

    Raw other = raw_open(path);
    REQUIRE(raw_exec(other.get(), "BEGIN IMMEDIATE") == SQLITE_OK);
    CHECK(failure_of([&] {
              database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
          }) == DatabaseFailure::locked);
    // Readers are not blocked by the writer (WAL).
    const Database reader = bestvalue::open(path, {.read_only = true});
    CHECK(reader.export_json() == before);
    REQUIRE(raw_exec(other.get(), "ROLLBACK") == SQLITE_OK);

    CHECK(database.export_json() == before);
    database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
    CHECK(database.store().progress().size() == 1);
    check_sound(path);
}

TEST_CASE("a full disk fails an import cleanly and leaves the file as it was", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("full.db");
    {
        Database database = bestvalue::open(path);
        database.import_json(dataset(rochford), rochford);
    }
    std::string before;
    {
        // The size limit stands in for a full disk: the file may not grow.
        Database database = bestvalue::open(path, {.max_size = 1});
        before = database.export_json();
        CHECK(failure_of([&] {
                  database.import_json(dataset(first_dataset()), first_dataset());
              }) == DatabaseFailure::full);
        CHECK(database.export_json() == before);
    }
    check_sound(path);
    Database reopened = bestvalue::open(path);
    CHECK(reopened.export_json() == before);
    reopened.import_json(dataset(first_dataset()), first_dataset());
    CHECK(reopened.store().plans().size() == 4);
}

TEST_CASE("a read-only database refuses writes", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("read-only.db");
    {
        Database database = bestvalue::open(path);
        database.import_json(dataset(rochford), rochford);
    }
    Database database = bestvalue::open(path, {.read_only = true});
    CHECK(database.read_only());
    CHECK(failure_of([&] { database.import_json(dataset(first_dataset())); }) ==
          DatabaseFailure::read_only);
    CHECK(failure_of([&] {
              database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
          }) == DatabaseFailure::read_only);
    CHECK(database.export_json() == dataset(rochford));
}

TEST_CASE("opening a missing file fails unless it may be created", "[database]") {
    Scratch scratch;
    const auto path = scratch.file("missing.db");
    CHECK(failure_of([&] { (void)bestvalue::open(path, {.create = false}); }) ==
          DatabaseFailure::cannot_open);
    CHECK(failure_of([&] { (void)bestvalue::open(path, {.read_only = true}); }) ==
          DatabaseFailure::cannot_open);
    CHECK_FALSE(fs::exists(path));
    const Database created = bestvalue::open(path);
    CHECK(fs::exists(path));
    CHECK(created.export_json() == "{\n  \"bestvalue\": \"1\"\n}\n");
}

TEST_CASE("a closed database keeps its store but refuses use", "[database]") {
    Scratch scratch;
    Database database = bestvalue::open(scratch.file("closed.db"));
    database.import_json(dataset(rochford), rochford);
    database.close();
    database.close();
    CHECK_FALSE(database.is_open());
    CHECK(database.export_json() == dataset(rochford));
    CHECK(failure_of([&] { database.refresh(); }) == DatabaseFailure::closed);
    CHECK(failure_of([&] { database.import_json(dataset(first_dataset())); }) ==
          DatabaseFailure::closed);
}

TEST_CASE("refresh reads what another connection wrote, and a write checks against it",
          "[database]") {
    Scratch scratch;
    const auto path = scratch.file("shared.db");
    Database writer = bestvalue::open(path);
    Database other = bestvalue::open(path);
    Database reader = bestvalue::open(path, {.read_only = true});
    CHECK_FALSE(reader.refresh());

    writer.import_json(dataset(rochford), rochford);
    CHECK(reader.store().actions().empty());
    CHECK(reader.refresh());
    CHECK(reader.export_json() == dataset(rochford));
    CHECK_FALSE(reader.refresh());

    // `other` has not read the import, yet its write is checked against it.
    CHECK(other.store().actions().empty());
    other.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
    CHECK(other.store().actions().size() == 30);
    CHECK(writer.refresh());
    CHECK(writer.store().progress().size() == 1);
}

TEST_CASE("the schema is built by migration from version 0, and later steps apply in order",
          "[database]") {
    namespace detail = bestvalue::detail;
    Scratch scratch;
    const auto path = scratch.file("migrate.db");
    REQUIRE(detail::migrations().size() == bestvalue::database_schema_version);
    REQUIRE(detail::migrations().back().from + 1 == bestvalue::database_schema_version);

    // An empty file is version 0: opening it runs every step.
    const int latest = bestvalue::database_schema_version;
    const std::string after = std::to_string(latest + 1);
    { std::ofstream empty(path); }
    {
        Database database = bestvalue::open(path);
        CHECK(database.schema_version() == latest);
        database.import_json(dataset(rochford), rochford);
    }
    const std::string name = path.string();
    Raw raw = raw_open(path);

    // A failing later step changes nothing, the earlier steps included.
    std::vector<detail::Migration> steps(detail::migrations().begin(), detail::migrations().end());
    steps.push_back({latest, "ALTER TABLE actions ADD COLUMN priority TEXT"});
    steps.push_back({latest + 1, "ALTER TABLE no_such_table ADD COLUMN x TEXT"});
    CHECK_THROWS_AS(detail::migrate(raw.get(), steps, name), DatabaseError);
    CHECK(raw_text(raw.get(), "PRAGMA user_version") == std::to_string(latest));
    CHECK(raw_text(raw.get(), "SELECT count(*) FROM pragma_table_info('actions') WHERE name = "
                              "'priority'") == "0");

    // A good later step brings the store up, and its data stay.
    steps.pop_back();
    detail::migrate(raw.get(), steps, name);
    CHECK(raw_text(raw.get(), "PRAGMA user_version") == after);
    CHECK(raw_text(raw.get(), "SELECT count(*) FROM actions") == "30");
    // Already there: nothing to do.
    detail::migrate(raw.get(), steps, name);
    CHECK(raw_text(raw.get(), "PRAGMA user_version") == after);
    // This library's steps stop before: the file is now newer than it knows.
    CHECK(failure_of([&] { detail::migrate(raw.get(), detail::migrations(), name); }) ==
          DatabaseFailure::newer_version);
}

TEST_CASE("a store of every earlier schema version opens upgraded, its data whole", "[database]") {
    // What each version after the first added, to take a file back to that version's shape.
    const std::vector<std::vector<const char*>> added_by = {
        {},
        {},
        {"DROP VIEW inspection_programme", "DROP VIEW subject_ratings",
         "DROP VIEW recommendation_coverage", "DROP VIEW overdue_actions",
         "DROP VIEW action_status", "DROP VIEW progress_history", "DROP VIEW status_terms",
         "DROP VIEW scale_level_labels", "DROP TABLE builtin_scale_levels",
         "DROP TABLE builtin_vocabulary_terms"},
    };
    REQUIRE(added_by.size() == static_cast<std::size_t>(bestvalue::database_schema_version) + 1);
    for (int version = 1; version < bestvalue::database_schema_version; ++version) {
        INFO("from version " << version);
        Scratch scratch;
        const auto path = scratch.file("old.db");
        std::string exported;
        {
            Database database = bestvalue::open(path);
            database.import_json(dataset(rochford), rochford);
            exported = database.export_json();
        }
        {
            // Back to the shape a bestvalue of `version` wrote, data and all.
            Raw raw = raw_open(path);
            for (int later = bestvalue::database_schema_version; later > version; --later) {
                for (const char* undo : added_by[static_cast<std::size_t>(later)]) {
                    REQUIRE(raw_exec(raw.get(), undo) == SQLITE_OK);
                }
            }
            const std::string set_version = "PRAGMA user_version = " + std::to_string(version);
            REQUIRE(raw_exec(raw.get(), set_version.c_str()) == SQLITE_OK);
            CHECK(raw_text(raw.get(), "SELECT count(*) FROM sqlite_schema WHERE name = "
                                      "'action_status'") == "0");
        }
        Database upgraded = bestvalue::open(path);
        CHECK(upgraded.schema_version() == bestvalue::database_schema_version);
        CHECK(upgraded.export_json() == exported);
        Raw raw = raw_open(path);
        CHECK(raw_text(raw.get(), "SELECT count(*) FROM action_status") == "30");
        CHECK(raw_text(raw.get(), "SELECT level_label FROM subject_ratings WHERE subject = "
                                  "'rochford' AND scale = 'cpa-category'") == "Good");
    }
}

TEST_CASE("no SQL is built from outside text: only three pragmas take a number made in code",
          "[database]") {
    // Every statement is a literal and every value a bound parameter; the exceptions are
    // pragmas, which take no parameters, set from integers the library computes.
    const fs::path sources = fs::path(BESTVALUE_TEST_DATA_DIR) / ".." / ".." / "src" / "io";
    std::vector<std::string> built;
    for (const auto& entry : fs::directory_iterator(sources)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".cpp" ||
            (name.rfind("database", 0) != 0 && name.rfind("sqlite", 0) != 0)) {
            continue;
        }
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            for (const char* keyword : {"\"PRAGMA", "\"SELECT", "\"INSERT", "\"DELETE", "\"UPDATE",
                                        "\"CREATE", "\"ALTER", "\"DROP", "\"BEGIN"}) {
                const auto at = line.find(keyword);
                if (at != std::string::npos && line.find("\" +", at) != std::string::npos) {
                    built.push_back(name + ": " + line.substr(line.find_first_not_of(' ')));
                }
            }
        }
    }
    std::sort(built.begin(), built.end());
    CAPTURE(built);
    REQUIRE(built.size() == 3);
    CHECK(built[0].find("\"PRAGMA max_page_count = \" + std::to_string(pages)") !=
          std::string::npos);
    CHECK(built[1].find("\"PRAGMA application_id = \" + std::to_string(") != std::string::npos);
    CHECK(built[2].find("\"PRAGMA user_version = \" + std::to_string(version)") !=
          std::string::npos);
}

// Runs each statement of `tampering` on a file of its own holding Rochford's store, after
// `prepare` has had it: each must make the file fail to open as corrupt, a row belonging to
// an entity the store does not hold.
template <std::size_t Count, typename Prepare>
void check_corrupt_once_tampered(const char* const (&tampering)[Count], Prepare prepare) {
    for (const char* sql : tampering) {
        INFO(sql);
        Scratch scratch;
        const auto path = scratch.file("tampered.db");
        {
            Database database = bestvalue::open(path);
            database.import_json(dataset(rochford), rochford);
            prepare(database);
        }
        check_corrupt_once_run(path, sql);
    }
}

TEST_CASE("a citation or note of a progress update the file does not hold is corrupt",
          "[database]") {
    // The updates, their citations and their notes are read together in the order of the
    // update's seq: a row before the first update, or after the last, belongs to none.
    const char* const tampering[] = {
        "INSERT INTO progress_cites VALUES (0, 0, 'rochford/cpa-plan-2009', '')",
        "INSERT INTO progress_cites VALUES (999999, 0, 'rochford/cpa-plan-2009', '')",
        "INSERT INTO progress_notes VALUES (0, 0, 'x')",
        "INSERT INTO progress_notes VALUES (999999, 0, 'x')",
    };
    check_corrupt_once_tampered(tampering, [](Database& database) {
        database.append_progress(progress(rochford_action, Date(2009, 3, 18), "Amber"));
        database.append_progress(progress(rochford_action, Date(2009, 6, 30), "Green"));
    });
}

TEST_CASE("a child row whose owner the file does not hold, or holds as another kind, is corrupt",
          "[database]") {
    // The reader finds each child row's owner by id: a row for an id that is absent, or that
    // names an entity of another kind, must fail the open, whatever row came before it.
    const char* const tampering[] = {
        "INSERT INTO action_source_tags VALUES ('rochford/cpa-plan-2009/9.9', 0, 'x')",
        "INSERT INTO action_source_tags VALUES ('rochford/cpa-plan-2009', 0, 'x')",
        "INSERT INTO action_source_tags VALUES ('rochford/cpa-plan-2009/1.1a', 0, 'x')",
        "INSERT INTO milestones VALUES ('rochford', 0, 'x', NULL)",
        "INSERT INTO notes VALUES ('rochford/nowhere', 0, 'x')",
        "INSERT INTO plan_legend VALUES ('rochford/cpa-plan-2009/1.1', 0, 'x', 'y')",
    };
    check_corrupt_once_tampered(tampering, [](Database& database) {
        REQUIRE(database.store().find_action(rochford_action).has_value());
        REQUIRE(database.store().find_plan("rochford/cpa-plan-2009") != nullptr);
    });
}

TEST_CASE("scales and vocabularies a store holds of its own are written, saved and read back",
          "[database]") {
    // The store's own collections beside the built-in ones: the writers read them in place.
    bestvalue::Contents contents;
    bestvalue::Scale scale;
    scale.id = "council/scale/stars";
    scale.name = "Stars";
    scale.levels = {{"0", "No stars", 0}, {"1", "One star", 1}};
    contents.scales.push_back(scale);
    bestvalue::StatusVocabulary words;
    words.id = "council/vocabulary/ticks";
    words.name = "Ticks";
    words.terms = {{"✓", "done", bestvalue::Lifecycle::completed, std::nullopt}};
    contents.vocabularies.push_back(words);
    bestvalue::Store store;
    store.add(contents);
    REQUIRE(store.scales() == contents.scales);
    REQUIRE(store.vocabularies() == contents.vocabularies);
    const std::string json = bestvalue::write_json(store);
    CHECK(json.find("council/scale/stars") != std::string::npos);
    CHECK(json.find("council/vocabulary/ticks") != std::string::npos);
    bestvalue::Store reread;
    bestvalue::read_json(reread, json);
    CHECK(reread.scales() == contents.scales);
    CHECK(reread.vocabularies() == contents.vocabularies);

    Scratch scratch;
    const auto path = scratch.file("own.db");
    {
        Database database = bestvalue::open(path);
        database.add(contents);
    }
    const Database reopened = bestvalue::open(path, {.read_only = true});
    CHECK(reopened.store().scales() == contents.scales);
    CHECK(reopened.store().vocabularies() == contents.vocabularies);
    CHECK(reopened.export_json() == json);
}
