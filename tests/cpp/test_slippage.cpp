#include <string>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/slippage.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Baseline;
using bestvalue::Date;
using bestvalue::DueRevision;
using bestvalue::slippage_of;
using bestvalue::slippage_on;

// The seed papers record no due revisions, so these tests build actions by hand.

namespace {

const Date reference(2009, 2, 18);

bestvalue::Action action_due(const char* due) {
    bestvalue::Action action;
    action.id = "council/plan/1.1";
    action.plan = "council/plan";
    action.due = bestvalue::parse_date_text(due, reference);
    return action;
}

DueRevision revision(std::optional<Date> revised_on, const char* due, std::string approved_by = {},
                     std::optional<Date> approved_on = std::nullopt) {
    DueRevision value;
    value.revised_on = revised_on;
    value.due = bestvalue::parse_date_text(due, reference);
    value.reason = "waiting for the member training programme";
    value.approved_by = std::move(approved_by);
    value.approved_on = approved_on;
    return value;
}

// Due July 2009; moved to September 2009 on 1 June (approved by Cabinet), then to December
// 2009 on 1 October (not approved).
bestvalue::Action twice_revised() {
    auto action = action_due("July 2009");
    action.due_revisions.push_back(revision(Date(2009, 6, 1), "September 2009", "Cabinet"));
    action.due_revisions.push_back(revision(Date(2009, 10, 1), "Dec 09"));
    return action;
}

// An action read as a store reads its own: through a view of a table, here one holding it alone.
class Held {
public:
    explicit Held(const bestvalue::Action& action) { table_.push_back(action); }
    [[nodiscard]] bestvalue::ActionView view() const { return table_[0]; }

private:
    bestvalue::ActionTable table_;
};

} // namespace

TEST_CASE("the last day of date text is the latest end among its periods", "[slippage]") {
    CHECK(bestvalue::last_day(bestvalue::parse_date_text("Feb 09 Nov 08 Nov/Dec 08", reference)) ==
          Date(2009, 2, 28));
    CHECK(bestvalue::last_day(bestvalue::parse_date_text("Autumn, 2004")) == Date(2004, 11, 30));
    CHECK_FALSE(bestvalue::last_day(bestvalue::parse_date_text("ongoing")));
    CHECK_FALSE(bestvalue::last_day(bestvalue::parse_date_text("Refreshed annually in March")));
}

TEST_CASE("baselines have the names they are written with", "[slippage]") {
    CHECK(bestvalue::to_name(Baseline::latest_approved) == "latest_approved");
    CHECK(bestvalue::from_name<Baseline>("original") == Baseline::original);
    CHECK_FALSE(bestvalue::from_name<Baseline>("approved"));
}

TEST_CASE("an action never revised has not slipped", "[slippage]") {
    const auto action = action_due("July 2009");
    const Held held(action);
    const auto slip = slippage_on(held.view(), Date(2009, 8, 1));
    CHECK(slip.original_end == Date(2009, 7, 31));
    CHECK(slip.baseline_end == Date(2009, 7, 31));
    CHECK(slip.current_end == Date(2009, 7, 31));
    CHECK(slip.revisions == 0);
    CHECK(slip.days_slipped == 0);
    CHECK(slippage_of(held.view(), Baseline::latest_approved) == [&] {
        auto expected = slip;
        expected.baseline = Baseline::latest_approved;
        return expected;
    }());
}

TEST_CASE("slippage counts every revision against the original or the latest approved",
          "[slippage]") {
    const auto action = twice_revised();
    const Held held(action);
    const auto original = slippage_of(held.view());
    CHECK(original.baseline == Baseline::original);
    CHECK(original.revisions == 2);
    CHECK(original.original_end == Date(2009, 7, 31));
    CHECK(original.baseline_end == Date(2009, 7, 31));
    CHECK(original.current_end == Date(2009, 12, 31));
    CHECK(original.current_end == action.due_end());
    CHECK(original.days_slipped == 153);

    // The December revision was not approved, so the approved baseline is September's.
    const auto approved = slippage_of(held.view(), Baseline::latest_approved);
    CHECK(approved.original_end == Date(2009, 7, 31));
    CHECK(approved.baseline_end == Date(2009, 9, 30));
    CHECK(approved.current_end == Date(2009, 12, 31));
    CHECK(approved.days_slipped == 92);
}

TEST_CASE("revisions not yet made on a day do not count on it", "[slippage]") {
    const Held held(twice_revised());
    const auto before = slippage_on(held.view(), Date(2009, 5, 31), Baseline::latest_approved);
    CHECK(before.revisions == 0);
    CHECK(before.baseline_end == Date(2009, 7, 31));
    CHECK(before.current_end == Date(2009, 7, 31));
    CHECK(before.days_slipped == 0);

    // Known from the day it was made.
    const auto summer = slippage_on(held.view(), Date(2009, 6, 1));
    CHECK(summer.revisions == 1);
    CHECK(summer.current_end == Date(2009, 9, 30));
    CHECK(summer.days_slipped == 61);
    CHECK(slippage_on(held.view(), Date(2009, 6, 1), Baseline::latest_approved).days_slipped == 0);

    const auto autumn = slippage_on(held.view(), Date(2009, 10, 1), Baseline::latest_approved);
    CHECK(autumn.revisions == 2);
    CHECK(autumn.baseline_end == Date(2009, 9, 30));
    CHECK(autumn.days_slipped == 92);
}

TEST_CASE("an approval dated after the day is not yet in force on it", "[slippage]") {
    auto action = twice_revised();
    action.due_revisions.back().approved_on = Date(2009, 11, 15);
    const Held held(action);
    const auto pending = slippage_on(held.view(), Date(2009, 11, 14), Baseline::latest_approved);
    CHECK(pending.baseline_end == Date(2009, 9, 30));
    const auto approved = slippage_on(held.view(), Date(2009, 11, 15), Baseline::latest_approved);
    CHECK(approved.baseline_end == Date(2009, 12, 31));
    CHECK(approved.days_slipped == 0);
    // Without a day, every approval counts.
    CHECK(slippage_of(held.view(), Baseline::latest_approved).days_slipped == 0);
}

TEST_CASE("an undated revision is always known", "[slippage]") {
    auto action = action_due("July 2009");
    action.due_revisions.push_back(revision(std::nullopt, "August 2009"));
    const auto slip = slippage_on(Held(action).view(), Date(2000, 1, 1));
    CHECK(slip.revisions == 1);
    CHECK(slip.days_slipped == 31);
}

TEST_CASE("a due that cannot be read leaves slippage unknown", "[slippage]") {
    SECTION("an unreadable original") {
        auto action = action_due("More sessions will be included in the training programme");
        action.due_revisions.push_back(revision(Date(2009, 6, 1), "September 2009", "Cabinet"));
        const Held held(action);
        const auto original = slippage_of(held.view());
        CHECK_FALSE(original.original_end);
        CHECK_FALSE(original.baseline_end);
        CHECK(original.current_end == Date(2009, 9, 30));
        CHECK_FALSE(original.days_slipped);
        // Against the approved revision it can be measured.
        CHECK(slippage_of(held.view(), Baseline::latest_approved).days_slipped == 0);
    }
    SECTION("an unreadable revision") {
        auto action = action_due("July 2009");
        action.due_revisions.push_back(revision(Date(2009, 6, 1), "when the review reports"));
        const auto slip = slippage_of(Held(action).view());
        CHECK(slip.original_end == Date(2009, 7, 31));
        CHECK_FALSE(slip.current_end);
        CHECK(slip.revisions == 1);
        CHECK_FALSE(slip.days_slipped);
        CHECK(slip.current_end == action.due_end());
    }
    SECTION("no due at all") {
        bestvalue::Action action;
        const auto slip = slippage_of(Held(action).view());
        CHECK_FALSE(slip.original_end);
        CHECK_FALSE(slip.current_end);
        CHECK_FALSE(slip.days_slipped);
    }
}

TEST_CASE("the seed papers' actions have not slipped, and their current due is due_end",
          "[slippage][data]") {
    bestvalue::Store store;
    const std::string examples = bestvalue::testing::examples_dir();
    for (const char* name : {"000-oxfordshire-cpa-improvement-strategy-2003.json",
                             "001-oxfordshire-raising-our-performance-2003.json",
                             "003-rochford-cpa-improvement-plan-2009.json",
                             "004-cannock-chase-direction-of-travel-2009.json"}) {
        bestvalue::read_json_file(store, examples + name);
    }
    std::size_t readable = 0;
    for (const auto& action : store.actions()) {
        const auto slip = slippage_of(action, Baseline::latest_approved);
        CHECK(slip.revisions == 0);
        CHECK(slip.current_end == action.due_end());
        CHECK(slip.days_slipped ==
              (slip.current_end ? std::optional<std::int64_t>(0) : std::optional<std::int64_t>()));
        readable += slip.current_end ? 1 : 0;
    }
    CHECK(readable > 0);
}
