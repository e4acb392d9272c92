// ProgressLog: every update given comes back equal, field by field, however its texts are
// shared; truncating keeps exactly the updates before the cut.

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <ranges>
#include <span>
#include <string>
#include <vector>

#include <bestvalue/model/progress_log.hpp>

#include <catch2/catch.hpp>

using bestvalue::Date;
using bestvalue::Health;
using bestvalue::Lifecycle;
using bestvalue::ProgressLog;
using bestvalue::ProgressUpdate;
using bestvalue::ProgressUpdateView;

static_assert(std::random_access_iterator<ProgressLog::iterator>);
static_assert(std::ranges::random_access_range<const ProgressLog>);

namespace {

// Updates that between them set and leave out every field, in runs of one subject and not.
std::vector<ProgressUpdate> varied_updates() {
    std::vector<ProgressUpdate> updates;
    for (int i = 0; i < 60; ++i) {
        ProgressUpdate update;
        // Runs of three, then a subject coming back after another.
        update.subject = "council/plan/" + std::to_string(i < 45 ? i / 3 : i % 4);
        update.as_of = Date(2009, 1, 1) + boost::gregorian::days(i * 7);
        if (i % 2 == 0) {
            update.recorded = update.as_of + boost::gregorian::days(30);
        }
        update.status = i % 5 == 0 ? "" : (i % 5 == 1 ? "On track" : "Slippage \xE2\x80\x93 minor");
        if (i % 3 == 0) {
            update.lifecycle = static_cast<Lifecycle>(i % 8);
        }
        if (i % 4 == 1) {
            update.health = static_cast<Health>(i % 4);
        }
        if (i % 6 != 5) {
            update.percent = i == 0 ? 0.0 : 100.0 * i / 59;
        }
        if (i % 7 == 3) {
            update.narrative = "Reported to Cabinet, item " + std::to_string(i);
        }
        if (i % 9 == 4) {
            update.author = i % 2 == 0 ? "Head of Policy" : "Chief Executive";
        }
        if (i % 11 == 10) {
            update.visibility = bestvalue::Visibility::exempt;
        }
        if (i % 8 == 6) {
            update.cites = {{"council/doc/" + std::to_string(i), "3." + std::to_string(i)},
                            {"council/doc/letter", ""}};
        }
        if (i % 10 == 7) {
            update.notes = {"'3.1 0' read as 3.10", ""};
        }
        updates.push_back(update);
    }
    return updates;
}

ProgressLog log_of(const std::vector<ProgressUpdate>& updates) {
    ProgressLog log;
    for (const auto& update : updates) {
        log.push_back(update);
    }
    return log;
}

} // namespace

TEST_CASE("a progress log gives back every update it was given", "[progress-log]") {
    const auto updates = varied_updates();
    const ProgressLog log = log_of(updates);
    REQUIRE(log.size() == updates.size());
    CHECK_FALSE(log.empty());
    CHECK(log == std::span<const ProgressUpdate>(updates));
    for (std::size_t i = 0; i < updates.size(); ++i) {
        INFO("update " << i);
        const ProgressUpdateView view = log[i];
        CHECK(view == updates[i]);
        CHECK(view.value() == updates[i]);
        CHECK(view.subject == updates[i].subject);
        CHECK(view.narrative == updates[i].narrative);
        CHECK(view.author == updates[i].author);
        CHECK(view.status == updates[i].status);
        CHECK(view.recorded == updates[i].recorded);
        CHECK(view.percent == updates[i].percent);
        CHECK(view.lifecycle == updates[i].lifecycle);
        CHECK(view.health == updates[i].health);
        CHECK(view.visibility == updates[i].visibility);
        CHECK(std::ranges::equal(view.cites, updates[i].cites));
        CHECK(std::ranges::equal(view.notes, updates[i].notes));
        // The fields scans read, one at a time.
        CHECK(log.subject(i) == updates[i].subject);
        CHECK(log.as_of(i) == updates[i].as_of);
        CHECK(log.recorded_on(i) == updates[i].recorded_on());
        CHECK(log.percent(i) == updates[i].percent);
    }
    // Read as a sequence, forwards and backwards, and into updates of their own.
    const std::vector<ProgressUpdate> copied(log.begin(), log.end());
    CHECK(copied == updates);
    CHECK(std::ranges::distance(log) == static_cast<std::ptrdiff_t>(updates.size()));
    std::size_t back = updates.size();
    for (auto it = log.end(); it != log.begin();) {
        --it;
        --back;
        CHECK(*it == updates[back]);
    }
    CHECK(log.begin()[7] == updates[7]);
    CHECK(*(log.end() - 1) == updates.back());
}

TEST_CASE("an update of a progress log differs from one that differs in any field",
          "[progress-log]") {
    ProgressUpdate given = varied_updates()[6]; // cited, with a lifecycle, recorded
    given.narrative = "Signed off";
    given.author = "Head of Policy";
    given.notes = {"a note"};
    given.health = Health::amber;
    ProgressLog log;
    log.push_back(given);
    REQUIRE(log[0] == given);
    const std::vector<std::function<void(ProgressUpdate&)>> changes = {
        [](ProgressUpdate& u) { u.subject += "x"; },
        [](ProgressUpdate& u) { u.as_of += boost::gregorian::days(1); },
        [](ProgressUpdate& u) { u.recorded.reset(); },
        [](ProgressUpdate& u) { u.status = "Off track"; },
        [](ProgressUpdate& u) { u.lifecycle.reset(); },
        [](ProgressUpdate& u) { u.health = Health::red; },
        [](ProgressUpdate& u) { u.percent = 99.5; },
        [](ProgressUpdate& u) { u.narrative.clear(); },
        [](ProgressUpdate& u) { u.author = "Leader"; },
        [](ProgressUpdate& u) { u.visibility = bestvalue::Visibility::exempt; },
        [](ProgressUpdate& u) { u.cites.back().paragraph = "9"; },
        [](ProgressUpdate& u) { u.notes.clear(); },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        INFO("change " << i);
        ProgressUpdate changed = given;
        changes[i](changed);
        CHECK(log[0] != changed);
        ProgressLog other;
        other.push_back(changed);
        CHECK(other != log);
        CHECK(other[0] != log[0]);
    }
}

TEST_CASE("a progress log keeps a percent of zero and an empty status apart from none",
          "[progress-log]") {
    ProgressUpdate zero;
    zero.subject = "council/plan/1";
    zero.as_of = Date(2009, 3, 31);
    zero.percent = 0.0;
    ProgressUpdate none = zero;
    none.percent.reset();
    ProgressLog log;
    log.push_back(zero);
    log.push_back(none);
    CHECK(log.percent(0) == 0.0);
    CHECK_FALSE(log.percent(1).has_value());
    CHECK(log[1].status.empty());
    CHECK(log[0] != log[1]);
}

TEST_CASE("truncating a progress log keeps exactly the updates before the cut", "[progress-log]") {
    const auto updates = varied_updates();
    for (std::size_t cut = 0; cut <= updates.size(); ++cut) {
        INFO("cut at " << cut);
        ProgressLog log = log_of(updates);
        log.truncate(cut);
        REQUIRE(log.size() == cut);
        CHECK(log == std::span<const ProgressUpdate>(updates.data(), cut));
        // What is added after the cut reads back as if the rest had never been there.
        for (std::size_t i = cut; i < updates.size(); ++i) {
            log.push_back(updates[i]);
        }
        CHECK(log == std::span<const ProgressUpdate>(updates));
        CHECK(log == log_of(updates));
    }
    ProgressLog log = log_of(updates);
    log.truncate(updates.size() + 5); // past the end: nothing changes
    CHECK(log.size() == updates.size());
}

TEST_CASE("a copy of a progress log is its own", "[progress-log]") {
    const auto updates = varied_updates();
    ProgressLog log = log_of(updates);
    const ProgressLog copy = log;
    CHECK(copy == log);
    ProgressUpdate later = updates.front();
    later.status = "A status no update had";
    later.narrative = "later";
    log.push_back(later);
    CHECK(copy != log);
    CHECK(copy.size() == updates.size());
    CHECK(copy == std::span<const ProgressUpdate>(updates));
    CHECK(log[updates.size()] == later);
}

TEST_CASE("a progress log makes room as a vector grows, not one update at a time",
          "[progress-log]") {
    ProgressLog log;
    log.reserve(100);
    CHECK(log.capacity() >= 100);
    const std::size_t room = log.capacity();
    const auto updates = varied_updates();
    std::size_t moves = 0;
    for (std::size_t i = 0; i < 1000; ++i) {
        const std::size_t before = log.capacity();
        log.reserve(1);
        log.push_back(updates[i % updates.size()]);
        moves += log.capacity() != before ? 1 : 0;
    }
    CHECK(room < 1000);
    // From room for 100 to room for 1,000 by doubling: four moves, not nine hundred.
    CHECK(moves <= 4);
    CHECK(log.size() == 1000);
}

TEST_CASE("a progress log appended to another reads as the two in order", "[progress-log]") {
    const auto updates = varied_updates();
    const std::size_t half = updates.size() / 2;
    ProgressLog first;
    ProgressLog second;
    for (std::size_t i = 0; i < updates.size(); ++i) {
        (i < half ? first : second).push_back(updates[i]);
    }
    first.append(second);
    CHECK(first == std::span<const ProgressUpdate>(updates));
    CHECK(first == log_of(updates));

    // Cut at every place, in a run of one subject or between two: the log joined reads as the
    // whole, and so does each part of it kept, with an update added after. Appending an empty
    // log, or to one, changes nothing else.
    const std::span<const ProgressUpdate> all(updates);
    for (std::size_t cut = 0; cut <= updates.size(); ++cut) {
        INFO("cut at " << cut);
        const std::vector<ProgressUpdate> before(all.begin(), all.begin() + cut);
        const std::vector<ProgressUpdate> after(all.begin() + cut, all.end());
        ProgressLog joined = log_of(before);
        joined.append(log_of(after));
        joined.append(ProgressLog());
        REQUIRE(joined.size() == updates.size());
        CHECK(joined == all);
        for (const std::size_t kept : {cut == 0 ? 0 : cut - 1, cut, cut + 1}) {
            if (kept > updates.size()) {
                continue;
            }
            ProgressLog truncated = joined;
            truncated.truncate(kept);
            truncated.push_back(updates[kept % updates.size()]);
            std::vector<ProgressUpdate> expected(all.begin(), all.begin() + kept);
            expected.push_back(updates[kept % updates.size()]);
            CHECK(truncated == std::span<const ProgressUpdate>(expected));
        }
    }

    // A log appended to itself: its views would move as it grows.
    ProgressLog twice = log_of(updates);
    twice.append(twice);
    REQUIRE(twice.size() == 2 * updates.size());
    for (std::size_t i = 0; i < twice.size(); ++i) {
        CHECK(twice[i] == updates[i % updates.size()]);
    }
}
