// Status on a day, slippage, addressed recommendations and completion by organisation, read
// through the store index's handles, against plain definitions computed from the entities
// themselves: on the five papers, and after the store has been added to and updated.

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/recommendation_query.hpp>
#include <bestvalue/query/slippage.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Action;
using bestvalue::ActionView;
using bestvalue::Baseline;
using bestvalue::Date;
using bestvalue::Health;
using bestvalue::Lifecycle;
using bestvalue::ProgressUpdate;
using bestvalue::Store;

namespace {

// The id of an entity the store holds, read in place.
template <typename Entity>
std::string_view id_of(const Entity& entity) {
    return entity.id;
}
std::string_view id_of(const ActionView& action) {
    return action.id();
}

// The recommendations an action or plan lists as addressed, read in place.
bestvalue::TextList addresses_of(const ActionView& action) {
    return action.addresses();
}
const std::vector<std::string>& addresses_of(const bestvalue::Plan& plan) {
    return plan.addresses;
}

// The updates of an action a committee could have seen on `day`, latest first: every update
// of the store is looked at, sorted by as_of, then recorded, then the order added.
std::vector<ProgressUpdate> known_latest_first(const Store& store, const ActionView& action,
                                               Date day) {
    std::vector<std::pair<std::size_t, ProgressUpdate>> known;
    const auto& all = store.progress();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto update = all[i];
        if (update.subject == action.id() && update.as_of <= day && update.recorded_on() <= day) {
            known.emplace_back(i, update.value());
        }
    }
    std::sort(known.begin(), known.end(), [](const auto& a, const auto& b) {
        const auto key = [](const auto& entry) {
            return std::make_tuple(entry.second.as_of, entry.second.recorded_on(), entry.first);
        };
        return key(b) < key(a);
    });
    std::vector<ProgressUpdate> updates;
    for (auto& entry : known) {
        updates.push_back(std::move(entry.second));
    }
    return updates;
}

const bestvalue::StatusTerm* term_of(const Store& store, const ActionView& action,
                                     const ProgressUpdate& update) {
    const bestvalue::Plan* plan = store.find_plan(action.plan());
    const bestvalue::StatusVocabulary* words =
        plan == nullptr ? nullptr : store.find_vocabulary(plan->vocabulary);
    return words == nullptr || update.status.empty() ? nullptr : words->find_term(update.status);
}

// docs/query.md: the lifecycle of the latest known update that gives one, itself or through
// its plan's status term; not_started if none does.
Lifecycle plain_lifecycle(const Store& store, const ActionView& action, Date day) {
    for (const ProgressUpdate& update : known_latest_first(store, action, day)) {
        if (update.lifecycle) {
            return *update.lifecycle;
        }
        if (const auto* term = term_of(store, action, update)) {
            return term->lifecycle;
        }
    }
    return Lifecycle::not_started;
}

// The health of the latest known update that gives a health or a status word.
std::optional<Health> plain_health(const Store& store, const ActionView& action, Date day) {
    for (const ProgressUpdate& update : known_latest_first(store, action, day)) {
        if (update.health) {
            return update.health;
        }
        if (!update.status.empty()) {
            const auto* term = term_of(store, action, update);
            return term == nullptr ? std::nullopt : term->health;
        }
    }
    return std::nullopt;
}

std::optional<double> plain_percent(const Store& store, const ActionView& action, Date day) {
    for (const ProgressUpdate& update : known_latest_first(store, action, day)) {
        if (update.percent) {
            return update.percent;
        }
    }
    return std::nullopt;
}

// Days worth asking about: every day an update speaks of or was recorded on, the day before,
// and a few fixed days before, between and after the papers.
std::vector<Date> days_to_ask(const Store& store) {
    std::set<Date> days = {Date(2000, 1, 1), Date(2003, 7, 31), Date(2006, 3, 31),
                           Date(2009, 3, 18), Date(2030, 1, 1)};
    for (const auto update : store.progress()) {
        for (const Date day : {update.as_of, update.recorded_on()}) {
            days.insert(day);
            days.insert(day - boost::gregorian::days(1));
        }
    }
    return {days.begin(), days.end()};
}

// Every way of asking status on a day agrees with the plain definition, for every action.
void check_status(const Store& store) {
    const auto days = days_to_ask(store);
    const auto& actions = store.actions();
    const auto& index = store.index();
    std::size_t with_status = 0;
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        const ActionView action = actions[handle];
        REQUIRE(store.handle_of(action) == handle);
        // A copy in a table of its own, not one of the store's actions: found by its id.
        bestvalue::ActionTable own;
        own.push_back(action.value());
        const ActionView copy = own[0];
        REQUIRE(store.handle_of(copy) == handle);
        for (const Date day : days) {
            INFO(action.id() << " on " << bestvalue::to_iso(day));
            const Lifecycle lifecycle = plain_lifecycle(store, action, day);
            CHECK(index.lifecycle_on(handle, day) == lifecycle);
            CHECK(store.lifecycle_on(action, day) == lifecycle);
            CHECK(store.lifecycle_on(copy, day) == lifecycle);
            CHECK(store.lifecycle_on(action.id(), day) == lifecycle);
            const auto health = plain_health(store, action, day);
            CHECK(index.health_on(handle, day) == health);
            CHECK(store.health_on(action, day) == health);
            CHECK(store.health_on(action.id(), day) == health);
            // Overdue: due before the day and not closed on it.
            const auto end = action.due_end();
            const bool overdue = end && *end < day && lifecycle != Lifecycle::completed &&
                                 lifecycle != Lifecycle::cancelled &&
                                 lifecycle != Lifecycle::superseded;
            CHECK(store.is_overdue_on(action, day) == overdue);
            CHECK(store.is_overdue_on(copy, day) == overdue);
            const auto percent = plain_percent(store, action, day);
            CHECK(store.percent_on(action, day) == percent);
            CHECK(store.percent_on(action.id(), day) == percent);
            with_status += lifecycle != Lifecycle::not_started ? 1 : 0;
        }
    }
    CHECK(with_status > 0); // the check saw actions with a status, not only the default
}

// Slippage from the index's days, and days slipped alone, equal slippage read from the
// action, on every day a revision speaks of and around it.
void check_slippage(const Store& store) {
    const auto& actions = store.actions();
    for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
        const ActionView action = actions[handle];
        std::set<Date> days = {Date(2000, 1, 1), Date(2009, 3, 18), Date(2030, 1, 1)};
        for (const auto& revision : action.due_revisions()) {
            for (const auto& day : {revision.revised_on, revision.approved_on}) {
                if (day) {
                    days.insert(*day);
                    days.insert(*day - boost::gregorian::days(1));
                }
            }
        }
        CHECK(store.index().due_end(handle) == action.due_end());
        for (const Date day : days) {
            INFO(action.id() << " on " << bestvalue::to_iso(day));
            for (const auto baseline : {Baseline::original, Baseline::latest_approved}) {
                CHECK(bestvalue::slippage_on(store.index(), handle, day, baseline) ==
                      bestvalue::slippage_on(action, day, baseline));
                CHECK(bestvalue::days_slipped_on(store.index(), handle, day, baseline) ==
                      bestvalue::slippage_on(action, day, baseline).days_slipped);
            }
            CHECK(bestvalue::revisions_known_on(action, day) ==
                  bestvalue::slippage_on(action, day).revisions);
            CHECK(bestvalue::revisions_known_on(store.index(), handle, day) ==
                  bestvalue::revisions_known_on(action, day));
        }
    }
}

void check_addressed(const Store& store) {
    const auto& recommendations = store.recommendations();
    for (std::uint32_t handle = 0; handle < recommendations.size(); ++handle) {
        const auto& id = recommendations[handle].id;
        const auto lists = [&](const auto& entities) {
            return std::any_of(entities.begin(), entities.end(), [&](const auto& entity) {
                const auto& addresses = addresses_of(entity);
                return std::find(addresses.begin(), addresses.end(), id) != addresses.end();
            });
        };
        INFO(id);
        CHECK(store.index().is_addressed(handle) ==
              (lists(store.actions()) || lists(store.plans())));
    }
}

// `count actions by organisation` (and by plan) against counting each action's own values.
void check_completion_by(const Store& store, Date day) {
    for (const auto field : {bestvalue::ActionField::organisation, bestvalue::ActionField::plan,
                             bestvalue::ActionField::lifecycle}) {
        std::map<std::string, bestvalue::Completion> expected;
        for (const ActionView action : store.actions()) {
            const bestvalue::Plan* plan = store.find_plan(action.plan());
            std::string key;
            if (field == bestvalue::ActionField::organisation) {
                key = plan == nullptr ? "" : plan->organisation;
            } else if (field == bestvalue::ActionField::plan) {
                key = action.plan();
            } else {
                key = std::string(bestvalue::to_name(plain_lifecycle(store, action, day)));
            }
            ++expected[key].actions;
            expected[key].completed +=
                plain_lifecycle(store, action, day) == Lifecycle::completed ? 1 : 0;
        }
        CHECK(bestvalue::actions(store).completion_by(field, day) == expected);
    }
}

// The index's ids of each collection are the entities' own, in order of handle.
template <typename Entities>
void check_ids(const Entities& entities, const bestvalue::PackedTexts& ids) {
    REQUIRE(ids.size() == entities.size());
    for (std::size_t handle = 0; handle < entities.size(); ++handle) {
        CHECK(ids[handle] == id_of(entities[handle]));
    }
}

void check_all(const Store& store) {
    const auto& index = store.index();
    check_ids(store.actions(), index.action_ids());
    check_ids(store.recommendations(), index.recommendation_ids());
    check_ids(store.assessments(), index.assessment_ids());
    check_ids(store.ratings(), index.rating_ids());
    check_ids(store.plans(), index.plan_ids());
    check_status(store);
    check_slippage(store);
    check_addressed(store);
    check_completion_by(store, Date(2009, 3, 18));
    check_completion_by(store, Date(2003, 10, 1));
}

bestvalue::DueRevision revision(std::optional<Date> revised_on, const char* due,
                                std::string approved_by = {},
                                std::optional<Date> approved_on = std::nullopt) {
    bestvalue::DueRevision value;
    value.revised_on = revised_on;
    value.due = bestvalue::parse_date_text(due, Date(2009, 2, 18));
    value.reason = "waiting for the member training programme";
    value.approved_by = std::move(approved_by);
    value.approved_on = approved_on;
    return value;
}

} // namespace

TEST_CASE("status on a day through the index equals the plain definition", "[index][status]") {
    check_all(bestvalue::testing::five_papers());
}

TEST_CASE("the index follows the store through add and update", "[index][status]") {
    Store store;
    const auto& names = bestvalue::testing::seed_datasets();
    for (std::size_t i = 0; i < 3; ++i) {
        bestvalue::read_json_file(store, bestvalue::testing::examples_dir() + names[i]);
    }
    check_all(store);
    for (std::size_t i = 3; i < names.size(); ++i) {
        bestvalue::read_json_file(store, bestvalue::testing::examples_dir() + names[i]);
    }
    check_all(store);
    REQUIRE(store.actions().size() == bestvalue::testing::five_papers().actions().size());

    // An update added later on the same days as an action's latest one: the order added
    // decides, so it is what status on those days shows.
    const std::vector<ProgressUpdate> updates(store.progress().begin(), store.progress().end());
    const ProgressUpdate* latest = nullptr;
    for (const ProgressUpdate& update : updates) {
        if (!store.find_action(update.subject).has_value()) {
            continue;
        }
        if (latest == nullptr) {
            latest = &update;
        }
        if (update.subject == latest->subject &&
            std::make_pair(latest->as_of, latest->recorded_on()) <=
                std::make_pair(update.as_of, update.recorded_on())) {
            latest = &update;
        }
    }
    REQUIRE(latest != nullptr);
    const std::string subject = latest->subject;
    ProgressUpdate later = *latest;
    later.lifecycle = Lifecycle::cancelled;
    later.health = Health::red;
    later.percent = 12.5;
    later.status.clear();
    // Recorded weeks after the day it speaks of: until then the committee saw the older one.
    later.recorded = latest->recorded_on() + boost::gregorian::days(40);
    bestvalue::Contents more;
    more.progress.push_back(later);
    // And one that speaks of a day before every other: it never shows while later ones do.
    ProgressUpdate earliest = later;
    earliest.as_of = Date(2001, 1, 2);
    earliest.recorded = Date(2001, 1, 2);
    earliest.lifecycle = Lifecycle::completed;
    more.progress.push_back(earliest);
    store.add(std::move(more));
    const Date day = later.recorded_on();
    CHECK(store.lifecycle_on(subject, day) == Lifecycle::cancelled);
    CHECK(store.health_on(subject, day) == Health::red);
    CHECK(store.percent_on(subject, day) == 12.5);
    CHECK(store.lifecycle_on(subject, Date(2001, 1, 2)) == Lifecycle::completed);
    CHECK(store.lifecycle_on(subject, day - boost::gregorian::days(1)) != Lifecycle::cancelled);
    check_all(store);

    // Revisions given by an update: the index reads the new dues.
    bestvalue::Contents changed;
    std::size_t revised = 0;
    for (const ActionView action : store.actions()) {
        if (!action.due() || !bestvalue::last_day(*action.due()) || revised == 6) {
            continue;
        }
        Action with = action.value();
        with.due_revisions.push_back(revision(Date(2009, 6, 1), "September 2009", "Cabinet"));
        if (revised % 2 == 0) {
            with.due_revisions.push_back(revision(Date(2009, 10, 1), "Dec 09"));
        }
        if (revised % 3 == 0) {
            with.due_revisions.push_back(
                revision(std::nullopt, "March 2010", "", Date(2009, 11, 30)));
        }
        if (revised % 3 == 1) { // made before the one listed ahead of it
            with.due_revisions.push_back(revision(Date(2009, 3, 1), "Nov 09"));
        }
        changed.actions.push_back(std::move(with));
        ++revised;
    }
    REQUIRE(revised == 6);
    store.update(std::move(changed));
    check_all(store);
    std::size_t with_revisions = 0;
    for (std::uint32_t handle = 0; handle < store.actions().size(); ++handle) {
        with_revisions += store.index().revision_days(handle).empty() ? 0 : 1;
    }
    CHECK(with_revisions == 6);
}

TEST_CASE("ordering by revisions and slipped is numeric, unknown last", "[index][query]") {
    // Slippage of every sign and size: brought forward, a day, months; one undated due. Then
    // with a due decades away in place of years, so that the days slipped span too wide a range to
    // be counted into order, and are sorted.
    const bool far = GENERATE(false, true);
    INFO("with a due decades away: " << far);
    Store store;
    for (const auto& name : bestvalue::testing::seed_datasets()) {
        bestvalue::read_json_file(store, bestvalue::testing::examples_dir() + name);
    }
    std::vector<const char*> dues = {"May 2009",  "July 2009", "March 2010", "Dec 2012",
                                     "June 2008", "ongoing",   "1 July 2009"};
    if (far) {
        dues[3] = "2099";
    }
    bestvalue::Contents changed;
    std::size_t next = 0;
    for (const ActionView action : store.actions()) {
        if (!action.due() || !bestvalue::last_day(*action.due()) || next == dues.size() * 2) {
            continue;
        }
        Action with = action.value();
        with.due_revisions.push_back(revision(Date(2009, 1, 5), dues[next % dues.size()]));
        if (next % 2 == 1) {
            with.due_revisions.push_back(
                revision(Date(2009, 2, 5), dues[(next * 3) % dues.size()]));
        }
        changed.actions.push_back(std::move(with));
        ++next;
    }
    store.update(std::move(changed));
    const Date day(2009, 3, 18);
    // Read in one pass, each action's days asked for ahead of its turn, the numbers are each
    // action's own; asking for the days of no action is ignored.
    const auto every = bestvalue::actions(store);
    const bestvalue::Handles handles = every.handles();
    REQUIRE(handles.size() > 16);
    for (const auto field : {bestvalue::ActionField::slipped, bestvalue::ActionField::revisions}) {
        std::vector<std::optional<std::int64_t>> numbers{std::int64_t{7}};
        every.whole_numbers_of(handles, field, day, numbers);
        REQUIRE(numbers.size() == handles.size());
        for (std::size_t i = 0; i < handles.size(); ++i) {
            CHECK(numbers[i] == every.whole_number_at(handles[i], field, day));
        }
    }
    store.index().prefetch_dues(static_cast<std::uint32_t>(store.actions().size() + 5));
    for (const auto* text :
         {"actions where revisions >= 1 order by slipped desc as of 2009-03-18",
          "actions where revisions >= 1 order by slipped as of 2009-03-18",
          "actions order by revisions desc as of 2009-03-18",
          "actions where revisions >= 2 order by slipped desc as of 2009-03-18"}) {
        INFO(text);
        const auto result = bestvalue::run_query(store, text);
        const bool descending = std::string(text).find("desc") != std::string::npos;
        const bool by_slipped = std::string(text).find("slipped") != std::string::npos;
        const std::size_t at_least = std::string(text).find(">= 2") != std::string::npos   ? 2
                                     : std::string(text).find(">= 1") != std::string::npos ? 1
                                                                                           : 0;
        // Plain: the matching actions in the order added, stably sorted by the number, those
        // without one last.
        std::vector<std::pair<std::optional<std::int64_t>, std::string>> expected;
        for (const ActionView action : store.actions()) {
            const auto slippage = bestvalue::slippage_on(action, day);
            if (slippage.revisions < at_least) {
                continue;
            }
            expected.emplace_back(by_slipped ? slippage.days_slipped
                                             : std::optional<std::int64_t>(
                                                   static_cast<std::int64_t>(slippage.revisions)),
                                  std::string(action.id()));
        }
        std::stable_sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
            if (a.first.has_value() != b.first.has_value()) {
                return a.first.has_value();
            }
            return a.first && (descending ? *b.first < *a.first : *a.first < *b.first);
        });
        std::vector<std::string> ids;
        for (const auto& entry : expected) {
            ids.push_back(entry.second);
        }
        CHECK(result.ids == ids);
        if (by_slipped) {
            // Both signs and an unreadable due are among them: the order was put to the test.
            CHECK(std::any_of(expected.begin(), expected.end(),
                              [](const auto& e) { return e.first && *e.first < 0; }));
            CHECK(std::any_of(expected.begin(), expected.end(),
                              [](const auto& e) { return e.first && *e.first > 0; }));
            CHECK(std::any_of(expected.begin(), expected.end(),
                              [](const auto& e) { return !e.first; }));
            // The days slipped span more than 4,096 plus eight per action only with the far due.
            std::int64_t low = 0;
            std::int64_t high = 0;
            for (const auto& entry : expected) {
                low = std::min(low, entry.first.value_or(0));
                high = std::max(high, entry.first.value_or(0));
            }
            CHECK((high - low > 4096 + 8 * static_cast<std::int64_t>(expected.size())) == far);
        }
    }
    // The typed query orders the same way with a limit and an offset.
    auto query = bestvalue::actions(store);
    query
        .where(
            bestvalue::action_filters::revised(store, bestvalue::Comparison::greater_equal, 1, day))
        .order_by(bestvalue::ActionField::slipped, true, day)
        .limit(3, 2);
    const auto all = bestvalue::run_query(
        store, "actions where revisions >= 1 order by slipped desc as of 2009-03-18");
    std::vector<std::string> limited;
    for (const ActionView& action : query.run()) {
        limited.emplace_back(action.id());
    }
    REQUIRE(all.ids.size() >= 5);
    CHECK(limited == std::vector<std::string>(all.ids.begin() + 2, all.ids.begin() + 5));
}

TEST_CASE("'not addressed' lists the recommendations no action or plan lists", "[index][query]") {
    const Store& store = bestvalue::testing::five_papers();
    const auto result = bestvalue::run_query(store, "recommendations where not addressed");
    std::vector<std::string> expected;
    for (const auto& recommendation : store.recommendations()) {
        const auto lists = [&](const auto& entities) {
            return std::any_of(entities.begin(), entities.end(), [&](const auto& entity) {
                const auto& addresses = addresses_of(entity);
                return std::find(addresses.begin(), addresses.end(), recommendation.id) !=
                       addresses.end();
            });
        };
        if (!lists(store.actions()) && !lists(store.plans())) {
            expected.push_back(recommendation.id);
        }
    }
    CHECK(result.ids == expected);
    CHECK(bestvalue::run_query(store, "recommendations where addressed").ids.size() +
              expected.size() ==
          store.recommendations().size());
}

TEST_CASE("completion of whole plans from the index equals each action's status",
          "[index][status]") {
    // The papers, with thousands of updates more: completed, reopened, cancelled, written in
    // the plan's own terms or giving no lifecycle, recorded before, on or long after the day
    // they speak of, several on one day.
    Store store = bestvalue::testing::five_papers();
    const auto& actions = store.actions();
    std::uint32_t random = 12345;
    const auto next = [&random](std::uint32_t below) {
        random = random * 1664525U + 1013904223U;
        return (random >> 8) % below;
    };
    bestvalue::Contents more;
    for (std::size_t i = 0; i < 4000; ++i) {
        const ActionView action = actions[next(static_cast<std::uint32_t>(actions.size()))];
        ProgressUpdate update;
        update.subject = action.id();
        update.as_of = Date(2002, 1, 1) + boost::gregorian::days(next(9 * 365));
        switch (next(4)) {
        case 0:
            break; // recorded on the day it speaks of
        case 1:
            update.recorded = update.as_of + boost::gregorian::days(next(400));
            break;
        case 2:
            update.recorded = update.as_of - boost::gregorian::days(next(30));
            break;
        default:
            update.recorded = update.as_of;
            break;
        }
        switch (next(6)) {
        case 0:
        case 1:
            update.lifecycle = Lifecycle::completed;
            break;
        case 2:
            update.lifecycle = static_cast<Lifecycle>(next(7));
            break;
        case 3: {
            const bestvalue::Plan* plan = store.find_plan(action.plan());
            const auto* words = plan == nullptr ? nullptr : store.find_vocabulary(plan->vocabulary);
            if (words != nullptr && !words->terms.empty()) {
                update.status =
                    words->terms[next(static_cast<std::uint32_t>(words->terms.size()))].term;
            }
            break;
        }
        default:
            update.percent = next(101);
            break; // no lifecycle: earlier ones still decide
        }
        more.progress.push_back(std::move(update));
    }
    store.add(std::move(more));

    std::set<Date> days = {Date(2000, 1, 1), Date(2030, 1, 1)};
    for (const auto update : store.progress()) {
        for (const Date day : {update.as_of, update.recorded_on()}) {
            days.insert(day);
            days.insert(day - boost::gregorian::days(1));
        }
    }
    const auto& index = store.index();
    std::size_t changed_days = 0;
    std::map<std::string, bestvalue::Completion> before;
    for (const Date day : days) {
        INFO("on " << bestvalue::to_iso(day));
        // Plain: each action's lifecycle on the day (itself checked against the definition
        // above), counted by organisation, by plan and in all.
        std::map<std::string, bestvalue::Completion> by_organisation;
        std::map<std::string, bestvalue::Completion> by_plan;
        bestvalue::Completion total;
        for (std::uint32_t handle = 0; handle < actions.size(); ++handle) {
            const bool completed = index.lifecycle_on(handle, day) == Lifecycle::completed;
            const bestvalue::Plan* plan = store.find_plan(actions[handle].plan());
            for (auto* group : {&by_organisation[plan == nullptr ? "" : plan->organisation],
                                &by_plan[std::string(actions[handle].plan())], &total}) {
                ++group->actions;
                group->completed += completed ? 1 : 0;
            }
        }
        using bestvalue::ActionField;
        CHECK(bestvalue::actions(store).completion_by(ActionField::organisation, day) ==
              by_organisation);
        CHECK(bestvalue::actions(store).completion_by(ActionField::plan, day) == by_plan);
        CHECK(bestvalue::actions(store).completion(day) == total);
        // A filter every action passes takes the path that visits each action: the same.
        auto every = bestvalue::actions(store);
        every.where([](const ActionView&) { return true; });
        CHECK(every.completion_by(ActionField::organisation, day) == by_organisation);
        CHECK(every.completion(day) == total);
        changed_days += by_organisation != before ? 1 : 0;
        before = std::move(by_organisation);
    }
    // Completion rose and fell on many of those days: the counts were put to the test.
    CHECK(changed_days > 500);
}

TEST_CASE("overdue reads a stored action's due from the index, and a changed copy's from itself",
          "[index][status]") {
    const Store& store = bestvalue::testing::five_papers();
    const Date day(2030, 1, 1);
    const auto found =
        std::find_if(store.actions().begin(), store.actions().end(),
                     [&](const ActionView& action) { return store.is_overdue_on(action, day); });
    REQUIRE(found != store.actions().end());
    // The copy is found by its id, so its status is the stored action's; its due is its own.
    Action changed = (*found).value();
    changed.due_revisions.push_back(revision(Date(2009, 6, 1), "December 2031"));
    REQUIRE(changed.due_end() == Date(2031, 12, 31));
    // Read, as the store reads its own, from a table: here one of its own.
    bestvalue::ActionTable own;
    own.push_back(changed);
    const ActionView copy = own[0];
    CHECK_FALSE(store.is_overdue_on(copy, day));
    CHECK(store.is_overdue_on(copy, Date(2032, 1, 1)));
    CHECK(store.is_overdue_on(*found, day));
}
