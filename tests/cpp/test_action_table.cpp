// ActionTable: every action given comes back equal, field by field and through every accessor,
// however its plan, section and listed ids are shared with other actions; truncating keeps
// exactly the actions before the cut; a replacement reads as the new action and is taken back
// exactly; copies are their own. And what it is built from: TextList, read in either of its
// modes, and InternedTexts, which keeps each text once.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/calendar/recurrence.hpp>
#include <bestvalue/interned_texts.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/packed_texts.hpp>
#include <bestvalue/store.hpp>
#include <bestvalue/text_list.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "tsv.hpp"

namespace json = boost::json;

using bestvalue::Action;
using bestvalue::ActionTable;
using bestvalue::ActionView;
using bestvalue::Citation;
using bestvalue::Date;
using bestvalue::DateText;
using bestvalue::DueRevision;
using bestvalue::Frequency;
using bestvalue::IctRequirement;
using bestvalue::InternedTexts;
using bestvalue::Milestone;
using bestvalue::PackedTexts;
using bestvalue::Period;
using bestvalue::Precision;
using bestvalue::Recurrence;
using bestvalue::TextList;
using bestvalue::Visibility;

static_assert(std::random_access_iterator<ActionTable::iterator>);
static_assert(std::ranges::random_access_range<const ActionTable>);
static_assert(std::random_access_iterator<TextList::const_iterator>);
static_assert(std::ranges::random_access_range<const TextList>);
static_assert(std::ranges::sized_range<const TextList>);

namespace {

const Date reference(2009, 2, 18);

DateText due_text(const char* text) {
    return bestvalue::parse_date_text(text, reference);
}

DueRevision revision(std::size_t number, const char* due) {
    DueRevision value;
    value.revised_on = Date(2009, 3, 1) + boost::gregorian::days(30 * static_cast<int>(number));
    value.due = due_text(due);
    value.reason = "waiting for the member training programme, " + std::to_string(number);
    if (number % 2 == 0) {
        value.approved_by = "Cabinet";
        value.approved_on = *value.revised_on + boost::gregorian::days(3);
    }
    return value;
}

const std::vector<std::string> officers = {"council/officer/cex", "council/officer/cppu",
                                           "council/officer/smt", "other/officer/cex"};

// An action with every field filled: several of each list, a due, revisions and milestones,
// ICT needs that say yes, exempt, cited and noted.
Action full_action() {
    Action action;
    action.id = "council/plan/3.10";
    action.visibility = Visibility::exempt;
    action.cites = {{"council/doc/executive-2009-02-18", "3.8"}, {"council/doc/letter", ""}};
    action.notes = {"'3.1 0' read as 3.10", "Two leads named in one cell."};
    action.plan = "council/plan";
    action.section = "council/plan/objective-3";
    action.ref = "3.10";
    action.title = "Vision";
    action.text = "Develop/Flesh out the Council\xE2\x80\x99s Vision through:";
    action.leads = {officers[0], officers[1], officers[2]};
    action.delivery = {"council/officer/delivery", officers[3]};
    action.due = due_text("Feb 09");
    action.due_revisions = {revision(0, "Nov/Dec 09"), revision(1, "by March 2010"),
                            revision(2, "Q3 2010/11")};
    Milestone first;
    first.title = "SMT sessions";
    first.due = due_text("Nov 08");
    first.leads = {officers[0], officers[2]};
    Milestone second;
    second.title = "Joint SMT/Exec sessions";
    second.due = due_text("Nov/Dec 08");
    second.leads = {officers[2]};
    action.milestones = {first, second};
    action.outcome = "Clearer, more specific vision";
    action.resources = "Existing officer time";
    action.funding = "Base budget";
    action.ict = IctRequirement{"A new CRM system", true};
    action.addresses = {"audit/rec-1", "audit/rec-2"};
    action.source_tags = {"cpa", "theme-1", "priority"};
    return action;
}

// A due of two periods, 'Nov 08 Feb 09', read by hand: the latest is not the first.
DateText two_periods() {
    DateText due;
    due.text = "Nov 08 Feb 09";
    due.periods = {Period(Date(2008, 11, 1), Date(2008, 11, 30), Precision::month, "Nov 08"),
                   Period(Date(2009, 2, 1), Date(2009, 2, 28), Precision::month, "Feb 09")};
    return due;
}

const std::vector<const char*> due_texts = {"Feb 09",
                                            "Nov/Dec 08",
                                            "by March 2010",
                                            "Ongoing",
                                            "Done - Refreshed annually",
                                            "Q3 2009/10",
                                            "To be reported to Cabinet March 2009"};

// Actions that between them set and leave out every field, in runs of one plan and not, with
// their lists of none, one and several ids; then an action with every field filled and one
// with none.
std::vector<Action> varied_actions() {
    std::vector<Action> actions;
    for (std::size_t i = 0; i < 22; ++i) {
        Action action;
        // Runs of four of a plan, then plans coming back after others.
        const std::size_t plan = i < 12 ? i / 4 : i % 3;
        action.plan = "council/plan-" + std::to_string(plan);
        action.id = action.plan + "/" + std::to_string(i);
        action.section = i % 5 == 0 ? "" : action.plan + "/objective-" + std::to_string(i % 2 + 1);
        action.ref = i % 7 == 6 ? "" : std::to_string(plan + 1) + "." + std::to_string(i);
        if (i % 3 != 0) {
            action.title = "Title of action " + std::to_string(i);
        }
        if (i % 8 != 5) {
            action.text = "Improve scrutiny \xE2\x80\x93 stage " + std::to_string(i);
        }
        for (std::size_t k = 0; k < i % 4; ++k) {
            action.leads.push_back(officers[(i + k) % officers.size()]);
        }
        if (i % 3 == 1) {
            action.delivery = {officers[i % 4], "council/officer/delivery-" + std::to_string(i)};
        }
        if (i % 4 != 3) {
            action.due = due_text(due_texts[i % due_texts.size()]);
        }
        if (i == 10) {
            action.due = DateText{}; // a due of nothing is still a due
        }
        if (i == 4) {
            action.due = DateText{};
            action.due->text = "about then";
            action.due->reason = "no date found"; // a reason alone
        }
        if (i == 8) {
            action.due = DateText{};
            action.due->text = "Annually";
            action.due->recurrence = Recurrence{Frequency::annual, std::nullopt, "Annually"};
        }
        if (i == 12) {
            action.due = DateText{};
            action.due->text = "soon";
            action.due->unread = {"soon"}; // unread text alone
        }
        if (i == 13) {
            // Two periods, the latest not the first; and done.
            action.due = two_periods();
            action.due->done = true;
        }
        const std::size_t revisions = i % 5 == 1 ? 1 : (i % 5 == 3 ? 3 : 0);
        for (std::size_t k = 0; k < revisions; ++k) {
            action.due_revisions.push_back(
                revision(k + i, due_texts[(i + k + 1) % due_texts.size()]));
        }
        if (i % 6 == 2) {
            Milestone with_due;
            with_due.title = "Milestone of action " + std::to_string(i);
            with_due.due = due_text("Nov 08");
            with_due.leads = {officers[i % 4], officers[(i + 2) % 4]};
            Milestone without;
            without.title = "Then report";
            action.milestones = {with_due, without};
        }
        if (i % 2 == 1) {
            action.outcome = "Clearer vision, " + std::to_string(i);
        }
        if (i % 3 == 2) {
            action.resources = "Existing officer time";
        }
        if (i % 4 == 1) {
            action.funding = "Base budget";
        }
        switch (i % 4) {
        case 1:
            action.ict = IctRequirement{"New CRM", true};
            break;
        case 2:
            action.ict = IctRequirement{"", false};
            break;
        case 3:
            action.ict = IctRequirement{"Not specific at this stage", std::nullopt};
            break;
        default:
            break;
        }
        if (i % 5 == 4) {
            action.addresses = {"audit/rec-" + std::to_string(i), "audit/rec-common"};
        }
        if (i % 6 == 1) {
            action.source_tags = {"theme-" + std::to_string(i % 2), "cpa"};
        }
        if (i % 7 == 3) {
            action.visibility = Visibility::exempt;
        }
        if (i % 5 == 2) {
            action.cites = {{"council/doc/" + std::to_string(i), "3." + std::to_string(i)},
                            {"council/doc/letter", ""}};
        }
        if (i % 6 == 4) {
            action.notes = {"'3.1 0' read as 3.10", ""};
        }
        actions.push_back(action);
    }
    actions.push_back(full_action());
    actions.push_back(Action{});
    return actions;
}

ActionTable table_of(std::span<const Action> actions) {
    ActionTable table;
    for (const Action& action : actions) {
        table.push_back(action);
    }
    return table;
}

// `view` reads as `action` through every accessor, and as a whole.
void check_reads_back(const ActionView& view, const Action& action) {
    CHECK(view.value() == action);
    CHECK(Action(view) == action);
    CHECK(view == action);
    CHECK(view.id() == action.id);
    CHECK(view.visibility() == action.visibility);
    CHECK(std::ranges::equal(view.cites(), action.cites));
    CHECK(std::ranges::equal(view.notes(), action.notes));
    CHECK(view.plan() == action.plan);
    CHECK(view.section() == action.section);
    CHECK(view.ref() == action.ref);
    CHECK(view.title() == action.title);
    CHECK(view.text() == action.text);
    CHECK(view.leads() == action.leads);
    CHECK(view.leads().to_vector() == action.leads);
    CHECK(view.delivery() == action.delivery);
    CHECK(view.delivery().to_vector() == action.delivery);
    // A due is there exactly when the action has one, and is the one it has.
    const auto due = view.due();
    CHECK(static_cast<bool>(due) == action.due.has_value());
    if (due && action.due) {
        CHECK(*due == *action.due);
    }
    // What is read of it without making it.
    CHECK(view.due_text() ==
          (action.due ? std::optional<std::string_view>(action.due->text) : std::nullopt));
    CHECK(view.original_due_end() ==
          (action.due ? bestvalue::last_day(*action.due) : std::nullopt));
    CHECK(std::ranges::equal(view.due_revisions(), action.due_revisions));
    CHECK(std::ranges::equal(view.milestones(), action.milestones));
    CHECK(view.outcome() == action.outcome);
    CHECK(view.resources() == action.resources);
    CHECK(view.funding() == action.funding);
    CHECK((view.ict() != nullptr) == action.ict.has_value());
    if (view.ict() != nullptr && action.ict) {
        CHECK(*view.ict() == *action.ict);
    }
    CHECK(view.addresses() == action.addresses);
    CHECK(view.addresses().to_vector() == action.addresses);
    CHECK(view.source_tags() == action.source_tags);
    CHECK(view.source_tags().to_vector() == action.source_tags);
    CHECK(view.due_end() == action.due_end());
    // The fields scans read, by position.
    CHECK(view.table().id(view.position()) == action.id);
    CHECK(view.table().plan(view.position()) == action.plan);
    CHECK(view.table().section(view.position()) == action.section);
}

// `table` holds `actions`, read through every accessor and as a sequence.
void check_table_holds(const ActionTable& table, std::span<const Action> actions) {
    REQUIRE(table.size() == actions.size());
    CHECK(table.empty() == actions.empty());
    CHECK(table == actions);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        INFO("action " << i << ": " << actions[i].id);
        CHECK(table[i].position() == i);
        CHECK(&table[i].table() == &table);
        check_reads_back(table[i], actions[i]);
    }
}

// The text of member `key` of `object`; empty when it has none.
std::string json_text(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    return value != nullptr ? std::string(value->as_string()) : std::string();
}

// The texts of array member `key` of `object`; none when it has none.
std::vector<std::string> json_texts(const json::object& object, std::string_view key) {
    std::vector<std::string> texts;
    if (const json::value* value = object.if_contains(key)) {
        for (const json::value& text : value->as_array()) {
            texts.emplace_back(text.as_string());
        }
    }
    return texts;
}

// `actions`, as read by the store, say what the JSON `text` of their dataset says, read here
// by a parser of its own: the table is not tested against what it produced itself.
void check_as_written(const std::vector<Action>& actions, const std::string& text) {
    const json::value document = json::parse(text);
    const json::value* written = document.as_object().if_contains("actions");
    const std::size_t count = written != nullptr ? written->as_array().size() : 0;
    REQUIRE(actions.size() == count);
    for (std::size_t i = 0; i < count; ++i) {
        const json::object& object = written->as_array()[i].as_object();
        const Action& action = actions[i];
        INFO("action " << i << ": " << action.id);
        CHECK(action.id == json_text(object, "id"));
        CHECK(action.plan == json_text(object, "plan"));
        CHECK(action.section == json_text(object, "section"));
        CHECK(action.ref == json_text(object, "ref"));
        CHECK(action.title == json_text(object, "title"));
        CHECK(action.text == json_text(object, "text"));
        CHECK(action.outcome == json_text(object, "outcome"));
        CHECK(action.resources == json_text(object, "resources"));
        CHECK(action.funding == json_text(object, "funding"));
        CHECK(action.leads == json_texts(object, "leads"));
        CHECK(action.delivery == json_texts(object, "delivery"));
        CHECK(action.addresses == json_texts(object, "addresses"));
        CHECK(action.source_tags == json_texts(object, "source_tags"));
        CHECK(action.notes == json_texts(object, "notes"));
        CHECK((action.visibility == Visibility::exempt) ==
              (json_text(object, "visibility") == "exempt"));
        if (const json::value* due = object.if_contains("due")) {
            REQUIRE(action.due.has_value());
            CHECK(action.due->text == json_text(due->as_object(), "text"));
        } else {
            CHECK_FALSE(action.due.has_value());
        }
        if (const json::value* ict = object.if_contains("ict")) {
            REQUIRE(action.ict.has_value());
            CHECK(action.ict->text == json_text(ict->as_object(), "text"));
            const json::value* required = ict->as_object().if_contains("required");
            CHECK(action.ict->required.has_value() == (required != nullptr));
            if (required != nullptr && action.ict->required) {
                CHECK(*action.ict->required == required->as_bool());
            }
        } else {
            CHECK_FALSE(action.ict.has_value());
        }
        std::vector<Citation> cites;
        if (const json::value* cited = object.if_contains("cites")) {
            for (const json::value& cite : cited->as_array()) {
                cites.push_back({json_text(cite.as_object(), "document"),
                                 json_text(cite.as_object(), "paragraph")});
            }
        }
        CHECK(action.cites == cites);
        std::size_t milestones = 0;
        if (const json::value* listed = object.if_contains("milestones")) {
            milestones = listed->as_array().size();
            for (std::size_t m = 0; m < milestones && m < action.milestones.size(); ++m) {
                const json::object& milestone = listed->as_array()[m].as_object();
                CHECK(action.milestones[m].title == json_text(milestone, "title"));
                CHECK(action.milestones[m].leads == json_texts(milestone, "leads"));
                CHECK(action.milestones[m].due.has_value() == milestone.contains("due"));
            }
        }
        CHECK(action.milestones.size() == milestones);
        CHECK(
            action.due_revisions.size() ==
            (object.contains("due_revisions") ? object.at("due_revisions").as_array().size() : 0));
    }
}

// The actions of dataset `name`, as the store reads them, checked against its text.
std::vector<Action> dataset_actions(const std::string& name) {
    const std::string path = bestvalue::testing::examples_dir() + name;
    bestvalue::Store store;
    bestvalue::read_json_file(store, path);
    std::vector<Action> actions = store.contents().actions;
    check_as_written(actions, bestvalue::testing::read_data_file(path));
    return actions;
}

} // namespace

TEST_CASE("an action table gives back every action of the example datasets",
          "[action-table][datasets]") {
    std::vector<Action> all;
    std::size_t non_empty = 0;
    for (const auto& name : bestvalue::testing::seed_datasets()) {
        INFO(name);
        const std::vector<Action> actions = dataset_actions(name);
        non_empty += actions.empty() ? 0 : 1;
        const ActionTable table = table_of(actions);
        check_table_holds(table, actions);
        // Laid out for the whole batch first, as a load is.
        ActionTable reserved;
        reserved.reserve(std::span<const Action>(actions));
        CHECK(reserved.capacity() >= actions.size());
        for (const Action& action : actions) {
            reserved.push_back(action);
        }
        check_table_holds(reserved, actions);
        CHECK(reserved == table);
        all.insert(all.end(), actions.begin(), actions.end());
    }
    CHECK(non_empty == 4); // 002 has none: an empty table is held too
    // Every dataset in one table, their terms kept once for all, and in reverse order.
    check_table_holds(table_of(all), all);
    std::vector<Action> reversed(all.rbegin(), all.rend());
    check_table_holds(table_of(reversed), reversed);
    // The store's own table, read against a table of the values it gave.
    const bestvalue::Store& five = bestvalue::testing::five_papers();
    const std::vector<Action> held = five.contents().actions;
    CHECK(five.actions() == std::span<const Action>(held));
    CHECK(five.actions() == table_of(held));
}

TEST_CASE("an action table gives back every action it was given, each field as given",
          "[action-table]") {
    const auto actions = varied_actions();
    const ActionTable table = table_of(actions);
    check_table_holds(table, actions);
    CHECK(table == std::span<const Action>(actions));
    // Read as a sequence, forwards and backwards, and into actions of their own.
    const std::vector<Action> copied(table.begin(), table.end());
    CHECK(copied == actions);
    CHECK(std::ranges::distance(table) == static_cast<std::ptrdiff_t>(actions.size()));
    std::size_t back = actions.size();
    for (auto it = table.end(); it != table.begin();) {
        --it;
        --back;
        CHECK(*it == actions[back]);
        CHECK((*it).position() == back);
    }
    CHECK(table.begin()[7] == actions[7]);
    CHECK(*(table.end() - 1) == actions.back());
    // The varied actions do cover what they claim to.
    const auto some = [&](const std::function<bool(const Action&)>& test) {
        return std::ranges::count_if(actions, test);
    };
    CHECK(some([](const Action& a) { return a.leads.empty(); }) > 0);
    CHECK(some([](const Action& a) { return a.leads.size() > 1; }) > 0);
    CHECK(some([](const Action& a) { return !a.due; }) > 0);
    CHECK(some([](const Action& a) { return a.due_revisions.size() > 1; }) > 0);
    CHECK(some([](const Action& a) { return a.ict && !a.ict->required; }) > 0);
    CHECK(some([](const Action& a) { return a.ict && a.ict->required == false; }) > 0);
    CHECK(some([](const Action& a) { return a.ict && a.ict->required == true; }) > 0);
    CHECK(some([](const Action& a) { return a.section.empty(); }) > 0);
    CHECK(some([](const Action& a) { return a.visibility == Visibility::exempt; }) > 0);
    CHECK(some([](const Action& a) { return !a.milestones.empty(); }) > 0);
}

TEST_CASE("a view of an action table differs from one that differs in any field",
          "[action-table]") {
    const Action given = full_action();
    const std::vector<std::function<void(Action&)>> changes = {
        [](Action& a) { a.id += "x"; },
        [](Action& a) { a.visibility = Visibility::public_; },
        [](Action& a) { a.cites.back().paragraph = "9"; },
        [](Action& a) { a.cites.pop_back(); },
        [](Action& a) { a.cites.clear(); },
        [](Action& a) {
            a.cites.clear();
            a.notes.clear();
        },
        [](Action& a) { a.notes.front() += "."; },
        [](Action& a) { a.notes.clear(); },
        [](Action& a) { a.plan = "council/other-plan"; },
        [](Action& a) { a.plan = a.leads.front(); },
        [](Action& a) { a.section.clear(); },
        [](Action& a) { a.section = a.plan; },
        [](Action& a) { a.ref = "3.11"; },
        [](Action& a) { a.ref.clear(); },
        [](Action& a) { a.title.clear(); },
        [](Action& a) { a.text += " "; },
        [](Action& a) { std::swap(a.title, a.text); },
        [](Action& a) { a.leads.pop_back(); },
        [](Action& a) { a.leads.push_back("council/officer/new"); },
        [](Action& a) { std::ranges::reverse(a.leads); },
        [](Action& a) { a.leads.front() = a.delivery.front(); },
        [](Action& a) { a.leads.clear(); },
        // The same ids one after another, split otherwise between two lists.
        [](Action& a) {
            a.delivery.insert(a.delivery.begin(), a.leads.back());
            a.leads.pop_back();
        },
        [](Action& a) { a.delivery.clear(); },
        [](Action& a) { a.delivery.back() = a.delivery.front(); },
        [](Action& a) { a.due.reset(); },
        [](Action& a) { a.due = DateText{}; },
        [](Action& a) { a.due->text = "February 2009"; },
        [](Action& a) { a.due->periods.clear(); },
        [](Action& a) { a.due->done = true; },
        [](Action& a) { a.due->unread.push_back("roughly"); },
        [](Action& a) { a.due->reason = "read loosely"; },
        [](Action& a) {
            a.due->recurrence = Recurrence{Frequency::annual, 2, "each February"};
        },
        [](Action& a) { a.due = two_periods(); },
        [](Action& a) {
            const Period& period = a.due->periods.front();
            a.due->periods.front() =
                Period(period.start(), period.end(), Precision::month_range, period.text());
        },
        [](Action& a) {
            const Period& period = a.due->periods.front();
            a.due->periods.front() =
                Period(period.start(), period.end(), period.precision(), "February 09");
        },
        [](Action& a) {
            const Period& period = a.due->periods.front();
            a.due->periods.front() = Period(period.start() + boost::gregorian::days(1),
                                            period.end(), period.precision(), period.text());
        },
        [](Action& a) { a.due_revisions.pop_back(); },
        [](Action& a) { a.due_revisions.clear(); },
        [](Action& a) { a.due_revisions.front().reason = "the budget"; },
        [](Action& a) { a.due_revisions.front().approved_on.reset(); },
        [](Action& a) { a.due_revisions.back().due = due_text("Q4 2010/11"); },
        [](Action& a) { a.due_revisions.push_back(revision(9, "2012")); },
        [](Action& a) { std::ranges::reverse(a.due_revisions); },
        [](Action& a) { a.milestones.front().title += "."; },
        [](Action& a) { a.milestones.front().leads.pop_back(); },
        [](Action& a) { a.milestones.back().due.reset(); },
        [](Action& a) { a.milestones.back().due = due_text("Jan 09"); },
        [](Action& a) { a.milestones.pop_back(); },
        [](Action& a) { a.milestones.clear(); },
        [](Action& a) { a.outcome.clear(); },
        [](Action& a) { a.resources = "A new post"; },
        [](Action& a) { a.funding = "Partnership funded"; },
        // The same bytes, one after another, split otherwise between two texts.
        [](Action& a) {
            a.outcome += a.resources;
            a.resources.clear();
        },
        [](Action& a) { a.ict.reset(); },
        [](Action& a) { a.ict->required = false; },
        [](Action& a) { a.ict->required.reset(); },
        [](Action& a) { a.ict->text = "None"; },
        [](Action& a) { a.addresses.clear(); },
        [](Action& a) { a.addresses.back() = "audit/rec-3"; },
        [](Action& a) {
            a.source_tags.insert(a.source_tags.begin(), a.addresses.back());
            a.addresses.pop_back();
        },
        [](Action& a) { a.source_tags.clear(); },
        [](Action& a) { a.source_tags.push_back("cpa"); },
        [](Action& a) { a.source_tags.front() = "CPA"; },
    };

    // Nothing differs: equal, view and view, view and action, table and table.
    ActionTable same;
    same.push_back(given);
    same.push_back(given);
    CHECK(same[0] == same[1]);
    CHECK(same[0] == given);
    CHECK(given == same[1]);
    ActionTable alone;
    alone.push_back(given);
    CHECK(alone[0] == same[1]);
    CHECK(alone != same);
    same.truncate(1);
    CHECK(alone == same);

    for (std::size_t i = 0; i < changes.size(); ++i) {
        INFO("change " << i);
        Action changed = given;
        changes[i](changed);
        REQUIRE(changed != given); // the change is one
        // In one table: the views differ from each other and from the other's action.
        ActionTable table;
        table.push_back(given);
        table.push_back(changed);
        CHECK(table[0] != table[1]);
        CHECK(table[1] != table[0]);
        CHECK(table[0] != changed);
        CHECK(table[1] != given);
        CHECK_FALSE(table[1] == given);
        CHECK(table[1] == changed);
        CHECK(table[0] == given);
        CHECK(table[1].value() == changed);
        // In tables of their own.
        ActionTable other;
        other.push_back(changed);
        CHECK(other[0] != alone[0]);
        CHECK(alone[0] != other[0]);
        CHECK(other != alone);
        CHECK(other[0] == table[1]);
        CHECK(other == std::span<const Action>(&changed, 1));
        CHECK_FALSE(other == std::span<const Action>(&given, 1));
    }
}

TEST_CASE("an action table keeps apart the values it keeps once", "[action-table]") {
    std::vector<Action> actions;
    // Many sharing a plan, section and leads, one after another.
    for (std::size_t i = 0; i < 40; ++i) {
        Action action = bestvalue::testing::council_action(i);
        action.section = "council/plan/objective-1";
        action.leads = {"council/officer/cex", "council/officer/smt"};
        action.delivery = {"council/officer/smt"};
        action.addresses = {"audit/rec-1"};
        actions.push_back(action);
    }
    // Then some with values of their own among them, and values shared across fields.
    actions[5].plan = "council/plan-b";
    actions[5].section = "council/plan-b/objective-1";
    actions[6].plan = "council/officer/cex"; // a plan that is another action's lead
    actions[6].section = "council/plan";     // a section that is a plan
    actions[7].leads = {"council/plan", "council/plan/objective-1"};   // leads that are others
    actions[8].leads = {"council/officer/cex", "council/officer/cex"}; // one lead twice
    actions[9].addresses = {"council/officer/smt"};
    actions[9].source_tags = {"audit/rec-1", ""}; // an id another lists elsewhere, and none
    actions[10].section = "";
    actions[11].plan = "";
    actions[11].leads = {""};
    actions[12].leads = {"Council/Officer/CEX", "council/officer/ce"}; // near, not equal
    actions[13].plan = "council/plan-b"; // a plan seen before, not the one before's
    actions[14].plan = "council/plan-c";
    actions[15].plan = "council/plan-b";
    actions[16].section = "council/plan-b/objective-1"; // a section of another plan's
    actions[30].plan = "council/plan/objective-1";      // a plan that is a section
    actions[31].leads = {"audit/rec-1", "council/plan-b"};
    actions[32].delivery = {"council/officer/cex", "council/officer/smt", "council/officer/x"};
    // Dues' periods, whose texts are kept once too, among plans and ids of the same text.
    actions[33].due = due_text("Feb 09");
    actions[34].plan = "Feb 09";
    actions[34].due = due_text("Feb 09");
    actions[35].leads = {"Feb 09", "council/officer/cex"};
    actions[35].due = two_periods();
    actions[36].due = two_periods();
    actions[37].due = due_text("Nov 08");
    actions[37].milestones = {Milestone{"Nov 08", due_text("Nov 08"), {"Nov 08"}}};
    actions[38].due = due_text("Feb/Mar 09");
    const ActionTable table = table_of(actions);
    check_table_holds(table, actions);
    // Kept once: the actions sharing a plan or lead read the same bytes.
    CHECK(table[0].plan().data() == table[39].plan().data());
    CHECK(table[0].section().data() == table[39].section().data());
    CHECK(table[0].leads()[0].data() == table[39].leads()[0].data());
    CHECK(table[0].leads()[1].data() == table[39].delivery()[0].data());
    CHECK(table[8].leads()[0].data() == table[8].leads()[1].data());
    CHECK(table[6].plan().data() == table[0].leads()[0].data());
    CHECK(table[5].plan().data() == table[15].plan().data());
    CHECK(table[34].plan().data() == table[35].leads()[0].data());
    // And again from the other end: the plan seen first is now the one seen last.
    std::vector<Action> reversed(actions.rbegin(), actions.rend());
    check_table_holds(table_of(reversed), reversed);
}

TEST_CASE("truncating an action table keeps exactly the actions before the cut", "[action-table]") {
    const auto actions = varied_actions();
    const std::span<const Action> all(actions);
    std::vector<Action> others(actions.rbegin(), actions.rend());
    for (Action& other : others) {
        other.id += "/other";
        other.title += " (other)";
    }
    for (std::size_t cut = 0; cut <= actions.size(); ++cut) {
        INFO("cut at " << cut);
        ActionTable table = table_of(actions);
        table.truncate(cut);
        REQUIRE(table.size() == cut);
        check_table_holds(table, all.first(cut));
        // What is added after the cut reads back as if the rest had never been there.
        for (std::size_t i = cut; i < actions.size(); ++i) {
            table.push_back(actions[i]);
        }
        check_table_holds(table, all);
        CHECK(table == table_of(actions));
        // And the actions kept are untouched by other actions added where theirs were.
        table.truncate(cut);
        for (const Action& other : others) {
            table.push_back(other);
        }
        std::vector<Action> expected(actions.begin(), actions.begin() + cut);
        expected.insert(expected.end(), others.begin(), others.end());
        check_table_holds(table, expected);
    }
    ActionTable table = table_of(actions);
    table.truncate(actions.size() + 5); // past the end: nothing changes
    check_table_holds(table, all);
    table.truncate(actions.size()); // at the end: nothing changes
    check_table_holds(table, all);
    table.push_back(actions.front());
    CHECK(table.size() == actions.size() + 1);
    check_reads_back(table[actions.size()], actions.front());
}

namespace {

// For each of `actions`, one to replace it with: another's fields under its id, differing from
// it; every third with a plan, section and lead the table has not seen.
std::vector<Action> replacements_of(const std::vector<Action>& actions) {
    std::vector<Action> replacements;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        Action replacement = actions[(i + 7) % actions.size()];
        replacement.id = actions[i].id;
        replacement.title += " (revised)";
        if (i % 3 == 0) {
            replacement.plan = "council/new-plan";
            replacement.section = "council/new-plan/objective-" + std::to_string(i);
            replacement.leads.push_back("council/officer/new-" + std::to_string(i));
        }
        replacements.push_back(replacement);
    }
    return replacements;
}

} // namespace

TEST_CASE("an action replaced reads as its replacement and is put back as it was",
          "[action-table]") {
    const auto actions = varied_actions();
    const auto replacements = replacements_of(actions);
    for (std::size_t at = 0; at < actions.size(); ++at) {
        INFO("replaced at " << at);
        REQUIRE(replacements[at] != actions[at]);
        ActionTable table = table_of(actions);
        const ActionTable before = table;
        ActionTable::Replaced replaced;
        CHECK(replaced.empty());
        table.replace(at, replacements[at], replaced);
        CHECK_FALSE(replaced.empty());
        std::vector<Action> expected = actions;
        expected[at] = replacements[at];
        check_table_holds(table, expected);
        CHECK(table != before);
        table.put_back(replaced);
        CHECK(replaced.empty());
        CHECK(table == before);
        check_table_holds(table, actions);
        // What is added after reads back: the replacement's parts are gone, the others' kept.
        table.push_back(replacements[at]);
        expected = actions;
        expected.push_back(replacements[at]);
        check_table_holds(table, expected);
    }
}

TEST_CASE("several replacements, one position replaced thrice, are put back as they were",
          "[action-table]") {
    const auto actions = varied_actions();
    const auto replacements = replacements_of(actions);
    const std::vector<std::size_t> positions = {3, 22, 0, 3, 23, 10, 3, actions.size() - 1};
    ActionTable table = table_of(actions);
    const ActionTable before = table;
    ActionTable::Replaced replaced;
    std::vector<Action> expected = actions;
    for (std::size_t k = 0; k < positions.size(); ++k) {
        INFO("replacement " << k << " at " << positions[k]);
        Action replacement = replacements[(positions[k] + k) % replacements.size()];
        replacement.ref = "replacement " + std::to_string(k);
        table.replace(positions[k], replacement, replaced);
        expected[positions[k]] = replacement;
        check_table_holds(table, expected);
    }
    CHECK_FALSE(replaced.empty());

    // Kept: replacements followed by nothing else read on, in copies too, and after more.
    ActionTable kept = table;
    check_table_holds(kept, expected);
    kept.push_back(actions[4]);
    expected.push_back(actions[4]);
    check_table_holds(kept, expected);

    table.put_back(replaced);
    CHECK(replaced.empty());
    CHECK(table == before);
    check_table_holds(table, actions);

    // Putting back nothing changes nothing.
    table.put_back(replaced);
    CHECK(replaced.empty());
    check_table_holds(table, actions);

    // The same note of replacements, used again after the table has grown, puts back the
    // table as it was then, not as it was before the first round.
    std::vector<Action> grown = actions;
    for (std::size_t i = 0; i < 5; ++i) {
        table.push_back(replacements[i]);
        grown.push_back(replacements[i]);
    }
    const ActionTable grown_before = table;
    table.replace(1, replacements[9], replaced);
    table.replace(grown.size() - 1, replacements[2], replaced);
    table.replace(1, full_action(), replaced);
    std::vector<Action> changed = grown;
    changed[1] = full_action();
    changed.back() = replacements[2];
    check_table_holds(table, changed);
    table.put_back(replaced);
    CHECK(replaced.empty());
    CHECK(table == grown_before);
    check_table_holds(table, grown);
}

TEST_CASE("truncating after a replacement keeps the replacement of a row kept", "[action-table]") {
    const auto actions = varied_actions();
    const std::size_t kept = 10;
    const std::span<const Action> first(actions.data(), kept);
    Action empty;
    empty.id = "council/plan-0/2";
    // A replacement with a part of every kind, laid after the rows pushed later; and one with
    // no due, lists, revisions, milestones, ICT needs, citations or notes, of whose parts only
    // its texts lie after theirs.
    for (const Action& replacement : {full_action(), empty}) {
        for (std::size_t row = 0; row < kept; ++row) {
            INFO("row " << row << " replaced by " << replacement.id);
            ActionTable table = table_of(first);
            ActionTable::Replaced replaced;
            table.replace(row, replacement, replaced);
            for (std::size_t i = kept; i < actions.size(); ++i) {
                table.push_back(actions[i]);
            }
            table.truncate(kept);
            std::vector<Action> expected(first.begin(), first.end());
            expected[row] = replacement;
            check_table_holds(table, expected);
            // And rows pushed after the cut are laid where the forgotten ones were.
            for (std::size_t i = kept; i < actions.size(); ++i) {
                table.push_back(actions[actions.size() - 1 - i + kept]);
                expected.push_back(actions[actions.size() - 1 - i + kept]);
            }
            check_table_holds(table, expected);
        }
    }
    // The row replaced is itself cut: the rows before it read as they were.
    ActionTable table = table_of(first);
    ActionTable::Replaced replaced;
    table.replace(2, full_action(), replaced);
    table.push_back(actions[kept]);
    table.truncate(2);
    check_table_holds(table, first.first(2));
    table.push_back(actions[2]);
    check_table_holds(table, first.first(3));
}

TEST_CASE("a copy of an action table is its own", "[action-table]") {
    const auto actions = varied_actions();
    ActionTable table = table_of(actions);
    ActionTable copy = table;
    CHECK(copy == table);
    check_table_holds(copy, actions);
    CHECK(&copy[0].table() == &copy);

    Action later = actions.front();
    later.id = "council/plan/later";
    later.plan = "a plan no action had";
    later.leads = {"an officer no action had"};
    copy.push_back(later);
    CHECK(copy != table);
    CHECK(table != copy);
    check_table_holds(table, actions);
    CHECK(copy[actions.size()] == later);

    ActionTable::Replaced in_copy;
    copy.replace(0, later, in_copy);
    check_table_holds(table, actions);
    CHECK(copy[0] == later);

    // Changing the original leaves a copy as it was.
    const ActionTable second = table;
    ActionTable::Replaced in_table;
    table.replace(4, later, in_table);
    table.push_back(later);
    check_table_holds(second, actions);
    table.put_back(in_table);
    CHECK(table[4] == actions[4]);

    // A copy outlives its original; assigned over a table, it is the one assigned.
    ActionTable outliving;
    {
        const ActionTable original = table_of(actions);
        outliving = original;
    }
    check_table_holds(outliving, actions);
    ActionTable assigned = table_of(std::span<const Action>(actions).last(3));
    assigned = outliving;
    check_table_holds(assigned, actions);
    assigned.push_back(later);
    check_table_holds(outliving, actions);
    ActionTable moved = std::move(assigned);
    CHECK(moved.size() == actions.size() + 1);
    CHECK(moved[actions.size()] == later);
}

TEST_CASE("action tables are equal when they hold equal actions in the same order",
          "[action-table]") {
    const auto actions = varied_actions();
    const std::span<const Action> all(actions);
    CHECK(ActionTable() == ActionTable());
    CHECK(ActionTable() == std::span<const Action>());
    CHECK(table_of(actions) == table_of(actions));
    CHECK(table_of(actions) != ActionTable());
    CHECK(ActionTable() != table_of(actions));
    CHECK(table_of(all.first(5)) != table_of(actions));
    CHECK(table_of(actions) != table_of(all.first(5)));
    CHECK_FALSE(table_of(actions) == all.first(5));
    CHECK_FALSE(table_of(all.first(5)) == all);
    std::vector<Action> swapped = actions;
    std::swap(swapped[3], swapped[4]);
    CHECK(table_of(swapped) != table_of(actions));
    CHECK_FALSE(table_of(actions) == std::span<const Action>(swapped));
    std::vector<Action> one_differs = actions;
    one_differs[12].leads.push_back("council/officer/one-more");
    CHECK(table_of(one_differs) != table_of(actions));
    CHECK_FALSE(table_of(actions) == std::span<const Action>(one_differs));
    // Equal, however each was laid out: one by one, reserved for, truncated and grown again.
    ActionTable reserved;
    reserved.reserve(all);
    for (const Action& action : actions) {
        reserved.push_back(action);
    }
    ActionTable regrown = table_of(actions);
    regrown.truncate(4);
    for (std::size_t i = 4; i < actions.size(); ++i) {
        regrown.push_back(actions[i]);
    }
    CHECK(reserved == table_of(actions));
    CHECK(regrown == reserved);
}

TEST_CASE("an action table makes room as a vector grows, not one action at a time",
          "[action-table]") {
    const auto actions = varied_actions();
    // From nothing, one at a time: each move at least doubles the room.
    ActionTable table;
    std::size_t moves = 0;
    for (std::size_t i = 0; i < 1000; ++i) {
        const std::size_t before = table.capacity();
        table.push_back(actions[i % actions.size()]);
        CHECK(table.capacity() >= table.size());
        if (table.capacity() != before) {
            ++moves;
            CHECK(table.capacity() >= std::max<std::size_t>(1, 2 * before));
        }
    }
    CHECK(moves <= 11); // 1, 2, 4, ... 1024
    // Room for one more when there is none is room for twice as many.
    while (table.size() < table.capacity()) {
        table.push_back(actions[table.size() % actions.size()]);
    }
    const std::size_t full = table.capacity();
    table.reserve(1);
    CHECK(table.capacity() >= 2 * full);
    // Room there is is not asked for again.
    const std::size_t room = table.capacity();
    table.reserve(room - table.size());
    CHECK(table.capacity() == room);
    REQUIRE(table.size() == full);
    for (std::size_t i = 0; i < full; ++i) {
        CHECK(table[i] == actions[i % actions.size()]);
    }

    // From room for 100 to room for 1,000 by doubling: four moves, not nine hundred.
    ActionTable reserved;
    reserved.reserve(100);
    CHECK(reserved.capacity() >= 100);
    CHECK(reserved.capacity() < 1000);
    moves = 0;
    for (std::size_t i = 0; i < 1000; ++i) {
        const std::size_t before = reserved.capacity();
        reserved.reserve(1);
        reserved.push_back(actions[i % actions.size()]);
        moves += reserved.capacity() != before ? 1 : 0;
    }
    CHECK(moves <= 4);
    CHECK(reserved.size() == 1000);
}

namespace {

// 2,000 varied actions, each id its own, a new plan every fifty: terms some parts share and
// some only one part has.
std::vector<Action> numbered_batch() {
    const auto varied = varied_actions();
    std::vector<Action> batch;
    for (std::size_t i = 0; i < 2000; ++i) {
        Action action = varied[i % varied.size()];
        action.id += "/" + std::to_string(i);
        if (i % 50 == 0) {
            action.plan = "council/plan-" + std::to_string(i); // new terms along the way
        }
        batch.push_back(action);
    }
    return batch;
}

} // namespace

TEST_CASE("an action table reserved for a batch holds the batch", "[action-table]") {
    const std::vector<Action> batch = numbered_batch();
    const std::span<const Action> all(batch);
    // A large batch to an empty table: room for all of it, laid out without moving.
    ActionTable table;
    table.reserve(all);
    const std::size_t room = table.capacity();
    CHECK(room >= batch.size());
    for (const Action& action : batch) {
        table.push_back(action);
    }
    CHECK(table.capacity() == room);
    check_table_holds(table, all);
    // A small batch to a larger table: room for it, however the parts grow.
    const std::span<const Action> few = all.first(30);
    table.reserve(few);
    CHECK(table.capacity() >= batch.size() + few.size());
    for (const Action& action : few) {
        table.push_back(action);
    }
    CHECK(table.capacity() >= table.size());
    REQUIRE(table.size() == batch.size() + few.size());
    for (std::size_t i = 0; i < few.size(); ++i) {
        CHECK(table[batch.size() + i] == few[i]);
    }
    CHECK(table[0] == batch[0]);
    // A batch of none changes nothing.
    const std::size_t capacity = table.capacity();
    table.reserve(std::span<const Action>());
    CHECK(table.capacity() == capacity);
    CHECK(table.size() == batch.size() + few.size());
    // A batch reserved for after a table's truncation reads back too.
    table.truncate(100);
    table.reserve(all.subspan(100));
    for (std::size_t i = 100; i < batch.size(); ++i) {
        table.push_back(batch[i]);
    }
    CHECK(table == all);
}

TEST_CASE("action tables appended hold their actions in order, however they were cut",
          "[action-table][append]") {
    const std::vector<Action> batch = numbered_batch();
    const std::span<const Action> all(batch);
    const std::vector<std::vector<std::size_t>> cuts = {
        {}, {1}, {700}, {1999}, {0, 0, 2000}, {1, 2, 3}, {500, 1000, 1500}, {13, 1987}};
    for (const auto& at : cuts) {
        std::vector<ActionTable> parts;
        std::size_t from = 0;
        for (const std::size_t cut : at) {
            parts.push_back(table_of(all.subspan(from, cut - from)));
            from = cut;
        }
        parts.push_back(table_of(all.subspan(from)));
        INFO("parts: " << parts.size() << ", the first of " << parts[0].size());
        // Into an empty table: room made once, exactly, for them all.
        ActionTable whole;
        whole.append(parts);
        CHECK(whole.capacity() == batch.size());
        check_table_holds(whole, all);
        CHECK(whole == table_of(all));
        // Into the first part's own table.
        ActionTable first = parts[0];
        first.append(std::span<const ActionTable>(parts).subspan(1));
        check_table_holds(first, all);
        // Each part is unchanged.
        from = 0;
        for (const ActionTable& part : parts) {
            CHECK(part == all.subspan(from, part.size()));
            from += part.size();
        }
        // Taken from the parts rather than copied: the same, and what is added after reads
        // back too.
        ActionTable taken;
        taken.append_taken(parts);
        CHECK(taken.capacity() == batch.size());
        check_table_holds(taken, all);
        taken.push_back(batch[7]);
        CHECK(taken[batch.size()] == batch[7]);
    }
    // A part whose terms were first given in another order: each is kept once, where this
    // table has it.
    std::vector<Action> reversed(batch.rbegin(), batch.rend());
    ActionTable mixed = table_of(all.first(1000));
    const ActionTable backwards = table_of(reversed);
    mixed.append(std::span(&backwards, 1));
    std::vector<Action> expected(batch.begin(), batch.begin() + 1000);
    expected.insert(expected.end(), reversed.begin(), reversed.end());
    check_table_holds(mixed, expected);
}

TEST_CASE("action tables taken into a table of their own, or from itself",
          "[action-table][append]") {
    const std::vector<Action> batch = numbered_batch();
    const std::span<const Action> all(batch);
    // Into a table with actions of its own, one part holding replacements.
    const auto actions = varied_actions();
    const auto replacements = replacements_of(actions);
    ActionTable replaced_in = table_of(actions);
    ActionTable::Replaced replaced;
    replaced_in.replace(2, replacements[2], replaced);
    std::vector<ActionTable> parts{replaced_in, table_of(all.first(40))};
    ActionTable joined = table_of(actions);
    joined.append_taken(parts);
    std::vector<Action> expected = actions;
    expected.insert(expected.end(), actions.begin(), actions.end());
    expected[actions.size() + 2] = replacements[2];
    expected.insert(expected.end(), batch.begin(), batch.begin() + 40);
    check_table_holds(joined, expected);
    // A table cannot take from itself: nothing changes.
    const ActionTable before = joined;
    CHECK_THROWS_AS(joined.append_taken(std::span(&joined, 1)), std::invalid_argument);
    CHECK(joined == before);
}

TEST_CASE("a large addition of tables, copied or taken, holds its actions in order",
          "[action-table][append]") {
    // Enough actions that the texts and what holds strings are appended on a thread of their
    // own, beside the entries.
    const auto varied = varied_actions();
    std::vector<Action> many;
    for (std::size_t i = 0; many.size() < 70000; ++i) {
        Action action = varied[i % varied.size()];
        action.id += "/" + std::to_string(i);
        action.section = i % 3 == 0 ? "" : action.plan + "/s" + std::to_string(i / 500);
        many.push_back(std::move(action));
    }
    const std::span<const Action> all(many);
    const std::vector<ActionTable> parts{table_of(all.first(30000)),
                                         table_of(all.subspan(30000, 39999)),
                                         table_of(all.subspan(69999))};
    // Compared whole, and read back at the parts' edges and every 997th action.
    const auto check_holds = [](const ActionTable& table, std::span<const Action> actions) {
        REQUIRE(table.size() == actions.size());
        CHECK(table == actions);
        for (std::size_t i = 0; i < actions.size(); ++i) {
            if (i % 997 == 0 || (i + 1) % 30000 == 0 || i % 30000 == 0 || i + 2 >= actions.size()) {
                INFO("action " << i);
                check_reads_back(table[i], actions[i]);
            }
        }
    };
    ActionTable copied;
    copied.append(parts);
    check_holds(copied, all);
    std::vector<ActionTable> taken_from = parts;
    ActionTable taken = table_of(all.first(5));
    taken.append_taken(taken_from);
    std::vector<Action> expected(many.begin(), many.begin() + 5);
    expected.insert(expected.end(), many.begin(), many.end());
    check_holds(taken, expected);
}

TEST_CASE("an action table appended to itself, or with its replacements, holds what it reads as",
          "[action-table][append]") {
    const auto actions = varied_actions();
    // Itself: its actions twice.
    ActionTable table = table_of(actions);
    table.append(std::span(&table, 1));
    std::vector<Action> twice = actions;
    twice.insert(twice.end(), actions.begin(), actions.end());
    check_table_holds(table, twice);
    // A table with an action replaced (its first parts left unused) and one truncated: each
    // appended as it reads.
    const auto replacements = replacements_of(actions);
    ActionTable replaced_in = table_of(actions);
    ActionTable::Replaced replaced;
    replaced_in.replace(3, replacements[3], replaced);
    replaced_in.replace(0, replacements[0], replaced);
    ActionTable truncated = table_of(actions);
    truncated.truncate(5);
    ActionTable joined;
    joined.append(std::vector<ActionTable>{replaced_in, truncated});
    std::vector<Action> expected = actions;
    expected[3] = replacements[3];
    expected[0] = replacements[0];
    expected.insert(expected.end(), actions.begin(), actions.begin() + 5);
    check_table_holds(joined, expected);
    // Appending nothing, or empty tables, changes nothing.
    const ActionTable before = joined;
    joined.append({});
    joined.append(std::vector<ActionTable>(3));
    CHECK(joined == before);
    // What is added after an append reads back too.
    joined.push_back(actions[1]);
    expected.push_back(actions[1]);
    check_table_holds(joined, expected);
}

TEST_CASE("appending a few actions at a time moves a table only as it doubles",
          "[action-table][append]") {
    const std::vector<Action> batch = numbered_batch();
    ActionTable table = table_of(std::span(batch).first(100));
    std::size_t moves = 0;
    for (std::size_t i = 100; i < 1000; i += 3) {
        const std::size_t before = table.capacity();
        const ActionTable few = table_of(std::span(batch).subspan(i, 3));
        table.append(std::span(&few, 1));
        moves += table.capacity() != before ? 1 : 0;
    }
    CHECK(moves <= 4); // room for 100, then 200, 400, 800, 1,600
    CHECK(table == std::span(batch).first(1000));
}

TEST_CASE("packed texts appended follow the texts there were", "[packed-texts]") {
    PackedTexts texts;
    texts.push_back("first");
    texts.push_back("");
    PackedTexts more;
    more.push_back("");
    more.push_back("second");
    more.push_back("third");
    texts.append(more);
    REQUIRE(texts.size() == 5);
    CHECK(texts[0] == "first");
    CHECK(texts[1].empty());
    CHECK(texts[2].empty());
    CHECK(texts[3] == "second");
    CHECK(texts[4] == "third");
    CHECK(texts.bytes() == "firstsecondthird");
    CHECK(texts.is_ascii());
    texts.append(PackedTexts());
    CHECK(texts.size() == 5);
    // Texts not all ASCII make the whole not so; appended to itself, it holds each twice.
    PackedTexts accented;
    accented.push_back("caf\xc3\xa9");
    texts.append(accented);
    CHECK_FALSE(texts.is_ascii());
    CHECK(texts[5] == "caf\xc3\xa9");
    texts.append(texts);
    REQUIRE(texts.size() == 12);
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(texts[6 + i] == texts[i]);
    }
}

TEST_CASE("packed texts appended from a place take the texts from there on", "[packed-texts]") {
    PackedTexts mixed;
    mixed.push_back("caf\xc3\xa9");
    mixed.push_back("second");
    mixed.push_back("");
    mixed.push_back("fourth");
    for (std::size_t from = 0; from <= mixed.size(); ++from) {
        INFO("from " << from);
        PackedTexts texts;
        texts.push_back("first");
        texts.append(mixed, from);
        REQUIRE(texts.size() == 1 + mixed.size() - from);
        CHECK(texts[0] == "first");
        for (std::size_t i = from; i < mixed.size(); ++i) {
            CHECK(texts[1 + i - from] == mixed[i]);
        }
        // The text that was not ASCII is left out from 1 on.
        CHECK(texts.is_ascii() == (from > 0));
        // What is added after reads back too.
        texts.push_back("last");
        CHECK(texts[texts.size() - 1] == "last");
        CHECK(texts[texts.size() - 2] == (from < mixed.size() ? "fourth" : "first"));
    }
    // From itself, past its first.
    mixed.append(mixed, 3);
    REQUIRE(mixed.size() == 5);
    CHECK(mixed[4] == "fourth");
    CHECK(mixed.bytes() == "caf\xc3\xa9secondfourthfourth");
}

namespace {

// Six texts for lists to read, one empty and one given twice.
PackedTexts six_texts() {
    PackedTexts texts;
    for (const char* text : {"a", "bb", "", "ccc", "a", "dd"}) {
        texts.push_back(text);
    }
    return texts;
}

} // namespace

TEST_CASE("a text list reads a run of packed texts", "[text-list]") {
    const PackedTexts texts = six_texts();
    const TextList run(texts, 1, 4);
    CHECK(run.size() == 3);
    CHECK_FALSE(run.empty());
    CHECK(run.front() == "bb");
    CHECK(run.back() == "ccc");
    CHECK(run[0] == "bb");
    CHECK(run[1].empty());
    CHECK(run[2] == "ccc");
    CHECK(run.contains("bb"));
    CHECK(run.contains(""));
    CHECK(run.contains("ccc"));
    CHECK_FALSE(run.contains("a"));  // in the texts, not in the run
    CHECK_FALSE(run.contains("dd")); // likewise
    CHECK_FALSE(run.contains("c"));
    CHECK_FALSE(run.contains("cccc"));
    CHECK(run.to_vector() == std::vector<std::string>{"bb", "", "ccc"});
    CHECK(run == std::vector<std::string>{"bb", "", "ccc"});
    CHECK(run != std::vector<std::string>{"bb", "", "cc"});
    CHECK(run != std::vector<std::string>{"bb", ""});
    CHECK(run != std::vector<std::string>{"bb", "", "ccc", "a"});
    CHECK(run != std::vector<std::string>{});
    // As a random-access range.
    CHECK(std::ranges::equal(run, std::vector<std::string_view>{"bb", "", "ccc"}));
    CHECK(run.end() - run.begin() == 3);
    CHECK(*(run.begin() + 2) == "ccc");
    CHECK(run.begin()[1].empty());
    CHECK(*(run.end() - 1) == "ccc");
    CHECK(std::ranges::equal(std::views::reverse(run),
                             std::vector<std::string_view>{"ccc", "", "bb"}));
    CHECK(std::ranges::find(run, "ccc") - run.begin() == 2);
    // A run at the start and one at the end.
    CHECK(TextList(texts, 0, 2) == std::vector<std::string>{"a", "bb"});
    CHECK(TextList(texts, 4, 6) == std::vector<std::string>{"a", "dd"});
    CHECK(TextList(texts, 0, 6).to_vector() ==
          std::vector<std::string>{"a", "bb", "", "ccc", "a", "dd"});
}

TEST_CASE("a text list reads packed texts at positions", "[text-list]") {
    const PackedTexts texts = six_texts();
    const std::vector<std::uint32_t> positions = {5, 0, 2, 5, 1};
    const TextList at(texts, positions);
    CHECK(at.size() == 5);
    CHECK_FALSE(at.empty());
    CHECK(at.front() == "dd");
    CHECK(at.back() == "bb");
    CHECK(at[1] == "a");
    CHECK(at[2].empty());
    CHECK(at[3] == "dd");
    CHECK(at.contains("a"));
    CHECK(at.contains(""));
    CHECK(at.contains("bb"));
    CHECK_FALSE(at.contains("ccc")); // in the texts, at no position given
    CHECK_FALSE(at.contains("d"));
    const std::vector<std::string> expected = {"dd", "a", "", "dd", "bb"};
    CHECK(at.to_vector() == expected);
    CHECK(at == expected);
    CHECK(at != std::vector<std::string>{"dd", "a", "", "dd", "a"});
    CHECK(at != std::vector<std::string>{"dd", "a", "", "dd"});
    CHECK(std::ranges::equal(at, expected));
    CHECK(at.end() - at.begin() == 5);
    CHECK(*(at.begin() + 4) == "bb");
    CHECK(std::ranges::equal(std::views::reverse(at),
                             std::vector<std::string>{"bb", "dd", "", "a", "dd"}));

    // Equal across modes, and across what they read, when the texts are.
    const std::vector<std::uint32_t> run_positions = {1, 2, 3};
    CHECK(TextList(texts, run_positions) == TextList(texts, 1, 4));
    CHECK(TextList(texts, 1, 4) == TextList(texts, run_positions));
    const std::vector<std::uint32_t> same_texts = {5, 4, 2, 5, 1}; // "a" at 4 as at 0
    CHECK(TextList(texts, same_texts) == at);
    PackedTexts other;
    for (const char* text : {"dd", "a", "", "dd", "bb"}) {
        other.push_back(text);
    }
    CHECK(TextList(other, 0, 5) == at);
    CHECK(at == TextList(other, 0, 5));
    CHECK(at != TextList(other, 0, 4));
    CHECK(at != TextList(other, 1, 5));
    const std::vector<std::uint32_t> one_differs = {5, 0, 2, 5, 3};
    CHECK(TextList(texts, one_differs) != at);
}

TEST_CASE("an empty text list holds no texts", "[text-list]") {
    PackedTexts texts;
    texts.push_back("a");
    texts.push_back("");
    const std::vector<TextList> empties = {TextList(), TextList(texts, 1, 1),
                                           TextList(texts, std::span<const std::uint32_t>())};
    for (std::size_t i = 0; i < empties.size(); ++i) {
        INFO("empty list " << i);
        const TextList& empty = empties[i];
        CHECK(empty.size() == 0);
        CHECK(empty.empty());
        CHECK(empty.begin() == empty.end());
        CHECK(empty.to_vector().empty());
        CHECK(empty == std::vector<std::string>{});
        CHECK(empty != std::vector<std::string>{""});
        CHECK_FALSE(empty.contains(""));
        CHECK_FALSE(empty.contains("a"));
        CHECK(std::ranges::distance(empty) == 0);
        for (const TextList& other : empties) {
            CHECK(empty == other);
        }
        CHECK(empty != TextList(texts, 1, 2)); // one empty text is not none
    }
}

TEST_CASE("interned texts keep each text once, at the position first given it",
          "[interned-texts]") {
    const std::vector<std::string> given = {
        "council/plan", "council/officer/cex", "",         "council/plan",        "council/plan/a",
        "council/pla",  "Council/Plan",        "",         "council/officer/cex", "council/plan/a",
        "council/plan", "council/plan/ab",     "\xC3\xA9", "council/plan/ab"};
    const std::vector<std::uint32_t> expected = {0, 1, 2, 0, 3, 4, 5, 2, 1, 3, 0, 6, 7, 6};
    const std::vector<std::string> once = {
        "council/plan", "council/officer/cex", "",        "council/plan/a", "council/pla",
        "Council/Plan", "council/plan/ab",     "\xC3\xA9"};
    InternedTexts interned;
    CHECK(interned.size() == 0);
    CHECK(interned.texts().empty());
    std::vector<std::uint32_t> positions;
    for (const std::string& text : given) {
        positions.push_back(interned.intern(text));
    }
    CHECK(positions == expected);
    REQUIRE(interned.size() == once.size());
    REQUIRE(interned.texts().size() == once.size());
    for (std::size_t i = 0; i < once.size(); ++i) {
        INFO("text " << i);
        CHECK(interned[i] == once[i]);
        CHECK(interned.texts()[i] == once[i]);
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        CHECK(interned[positions[i]] == given[i]);
    }
    // Asked again, by any view of it: the same position, nothing added.
    const std::string_view view = std::string_view(given[4]);
    CHECK(interned.intern(view) == 3);
    CHECK(interned.intern(std::string_view("council/plan/abc").substr(0, 15)) == 6);
    CHECK(interned.size() == once.size());
}

TEST_CASE("interned texts give the same positions whatever hint they are given",
          "[interned-texts]") {
    const std::vector<std::string> given = {"council/plan",
                                            "council/officer/cex",
                                            "",
                                            "council/plan",
                                            "council/plan/a",
                                            "council/pla",
                                            "council/plan",
                                            "council/plan/a",
                                            "council/plan",
                                            "x",
                                            "",
                                            "council/officer/cex"};
    InternedTexts plain;
    std::vector<std::uint32_t> expected;
    for (const std::string& text : given) {
        expected.push_back(plain.intern(text));
    }
    // Hints that are right, the one before's (sometimes right), wrong, a text the one asked for
    // begins or is the start of, past the end, and none.
    const std::vector<std::function<std::uint32_t(std::size_t)>> hints = {
        [&](std::size_t i) { return expected[i]; },
        [&](std::size_t i) { return i == 0 ? InternedTexts::none : expected[i - 1]; },
        [&](std::size_t i) { return expected[i] == 0 ? 1U : 0U; },
        [&](std::size_t i) {
            return static_cast<std::uint32_t>(given[i] == "council/pla" ? 0 : 3);
        },
        [](std::size_t) { return 1000U; },
        [](std::size_t) { return InternedTexts::none; },
    };
    for (std::size_t h = 0; h < hints.size(); ++h) {
        INFO("hints " << h);
        InternedTexts hinted;
        std::vector<std::uint32_t> positions;
        for (std::size_t i = 0; i < given.size(); ++i) {
            positions.push_back(hinted.intern(given[i], hints[h](i)));
        }
        CHECK(positions == expected);
        CHECK(hinted.texts() == plain.texts());
        CHECK(hinted.size() == plain.size());
    }
    // A right hint for a text there, a wrong one for a text not there.
    InternedTexts interned = plain;
    CHECK(interned.intern("council/pla", 4) == 4);
    CHECK(interned.intern("council/pla", 3) == 4);  // "council/plan/a"
    CHECK(interned.intern("council/plan", 4) == 0); // "council/pla"
    CHECK(interned.intern("", 2) == 2);
    CHECK(interned.intern("", 0) == 2);
    CHECK(interned.intern("new", 0) == plain.size());
    CHECK(interned.intern("newer", static_cast<std::uint32_t>(plain.size())) == plain.size() + 1);
    CHECK(interned.size() == plain.size() + 2);
    CHECK(plain.size() == 6); // a copy is its own
}

TEST_CASE("an action's plan, section and ref read as lists of their one text", "[action-table]") {
    const auto actions = varied_actions();
    const ActionTable table = table_of(actions);
    for (std::size_t i = 0; i < actions.size(); ++i) {
        INFO("action " << i << ": " << actions[i].id);
        const ActionView view = table[i];
        const std::vector<std::pair<TextList, std::string>> lists = {
            {view.plan_as_list(), actions[i].plan},
            {view.section_as_list(), actions[i].section},
            {view.ref_as_list(), actions[i].ref}};
        for (const auto& [list, text] : lists) {
            INFO("text '" << text << "'");
            CHECK(list.size() == 1);
            CHECK_FALSE(list.empty()); // an empty section is one empty text
            CHECK(list.front() == text);
            CHECK(list.back() == text);
            CHECK(list[0] == text);
            CHECK(list.contains(text));
            CHECK(list.to_vector() == std::vector<std::string>{text});
            CHECK(list == std::vector<std::string>{text});
            CHECK(std::ranges::distance(list) == 1);
        }
    }
    CHECK(table[1].plan_as_list() == table[2].plan_as_list());
    CHECK(table[1].ref_as_list() != table[2].ref_as_list());
}

TEST_CASE("an action table gives the position of its own views only", "[action-table]") {
    const auto actions = varied_actions();
    const ActionTable table = table_of(actions);
    const ActionTable copy = table;
    REQUIRE(copy == table);
    const ActionTable empty;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        INFO("action " << i);
        CHECK(table.position_of(table[i]) == i);
        CHECK(table.position_of(*(table.begin() + static_cast<std::ptrdiff_t>(i))) == i);
        CHECK(copy.position_of(copy[i]) == i);
        CHECK(copy[i] == table[i]);
        CHECK_FALSE(copy.position_of(table[i]).has_value());
        CHECK_FALSE(table.position_of(copy[i]).has_value());
        CHECK_FALSE(empty.position_of(table[i]).has_value());
    }
}
