#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Date;
using bestvalue::Lifecycle;
using bestvalue::Store;

namespace {

bestvalue::Contents rochford() {
    bestvalue::Contents contents;
    bestvalue::Organisation council;
    council.id = "rochford";
    council.name = "Rochford District Council";
    council.kind = bestvalue::OrganisationKind::district_council;
    contents.organisations.push_back(council);

    contents.officers.push_back(bestvalue::testing::officer(
        "rochford/officer/spmo", "rochford", "Senior Performance Management Officer", "SPMO"));

    bestvalue::Document paper;
    paper.id = "rochford/executive-2009-02-18";
    paper.title = "CPA Improvement Plan";
    paper.date = Date(2009, 2, 18);
    contents.documents.push_back(paper);

    bestvalue::Plan plan;
    plan.id = "rochford/plan";
    plan.title = "Strategic Improvement Plan";
    plan.organisation = "rochford";
    plan.cites.push_back({"rochford/executive-2009-02-18", ""});
    bestvalue::Section section;
    section.id = "rochford/plan/3";
    section.ref = "3";
    section.title = "Performance Management";
    plan.sections.push_back(section);
    contents.plans.push_back(plan);

    bestvalue::Action action;
    action.id = "rochford/plan/3.4";
    action.plan = "rochford/plan";
    action.section = "rochford/plan/3";
    action.ref = "3.4";
    action.leads = {"rochford/officer/spmo"};
    action.due = bestvalue::parse_date_text("April 2009");
    contents.actions.push_back(action);
    return contents;
}

// The problems of the ValidationError `change` throws; none if it throws none.
template <typename Change>
std::vector<bestvalue::Problem> problems_of(Change change) {
    try {
        change();
    } catch (const bestvalue::ValidationError& error) {
        return error.problems();
    }
    return {};
}

bestvalue::ProgressUpdate update(const char* status, Date as_of,
                                 std::optional<Date> recorded = std::nullopt) {
    bestvalue::ProgressUpdate value;
    value.subject = "rochford/plan/3.4";
    value.status = status;
    value.as_of = as_of;
    value.recorded = recorded;
    return value;
}

} // namespace

TEST_CASE("entities are found by id, and a missing one is NotFound", "[store]") {
    Store store;
    store.add(rochford());
    CHECK(store.get_action("rochford/plan/3.4").ref() == "3.4");
    CHECK_FALSE(store.find_action("rochford/plan/9.9").has_value());
    CHECK(store.kind_of("rochford/plan/3") == bestvalue::EntityKind::section);
    const bestvalue::Plan* owner = nullptr;
    CHECK(store.find_section("rochford/plan/3", &owner)->title == "Performance Management");
    CHECK(owner->id == "rochford/plan");
    CHECK(store.plan_of("rochford/plan/3.4")->id == "rochford/plan");
    CHECK_THROWS_WITH(store.get_plan("rochford/nope"), "no plan with id 'rochford/nope'");
    try {
        (void)store.get_action("rochford/plan/9.9");
    } catch (const bestvalue::NotFound& error) {
        CHECK(error.kind() == "action");
        CHECK(error.id() == "rochford/plan/9.9");
    }
    // A section is not an action, though both have ids.
    CHECK_FALSE(store.find_action("rochford/plan/3").has_value());
}

TEST_CASE("every store has the built-in scales and vocabularies", "[store]") {
    Store store;
    CHECK(store.find_scale("cpa-category")->find_level("fair")->label == "Fair");
    CHECK(store.find_scale("cpa-stars")->levels.size() == 5);
    CHECK(store.find_scale("social-services-stars")->levels.size() == 4);
    CHECK(store.find_scale("equality-standard")->levels.size() == 5);
    CHECK(store.find_scale("direction-of-travel")->levels.back().code == "improving-strongly");
    CHECK(store.find_scale("inspection-judgement")->levels.front().label == "Inadequate");
    CHECK(store.find_scale("social-services-serving-people")->find_level("most")->label ==
          "Serving most people well");
    CHECK(store.find_scale("social-services-capacity")->levels.back().label == "Excellent");
    CHECK(store.find_scale("social-services-capacity")->find_level("promising")->value == 3);
    const auto* symbols = store.find_vocabulary("progress-symbols");
    CHECK(symbols->find_term("(((")->lifecycle == Lifecycle::completed);
    CHECK(symbols->find_term("((")->health == bestvalue::Health::amber);
    CHECK(store.find_vocabulary("done")->find_term("Done") != nullptr);
    CHECK(store.find_vocabulary("rag")->terms.size() == 4);
    CHECK(bestvalue::write_json(store) == "{\n  \"bestvalue\": \"1\"\n}\n");
}

TEST_CASE("a failed add changes nothing", "[store]") {
    Store store;
    store.add(rochford());
    const std::string before = bestvalue::write_json(store);
    auto contents = rochford();
    contents.organisations.clear();
    contents.officers.clear();
    contents.documents.clear();
    contents.plans.clear();
    contents.actions[0].id = "rochford/plan/3.5";
    contents.actions[0].leads = {"rochford/officer/nobody"};
    bestvalue::Action good;
    good.id = "rochford/plan/3.6";
    good.plan = "rochford/plan";
    contents.actions.push_back(good);
    CHECK_THROWS_AS(store.add(contents), bestvalue::ValidationError);
    CHECK(bestvalue::write_json(store) == before);
    CHECK_FALSE(store.find_action("rochford/plan/3.6").has_value());
}

TEST_CASE("an id already in the store is accepted only for an equal entity", "[store]") {
    Store store;
    store.add(rochford());
    store.add(rochford()); // the same document again: nothing new
    CHECK(store.actions().size() == 1);
    auto changed = rochford();
    changed.organisations[0].name = "Rochford Council";
    try {
        store.add(changed);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].location == "/organisations/0/id");
        CHECK(error.problems()[0].message ==
              "id 'rochford' is already used by a different organisation in the store");
    }
    bestvalue::Contents clash;
    bestvalue::ServiceArea area;
    area.id = "rochford/plan/3.4"; // an action's id
    area.name = "Clash";
    clash.service_areas.push_back(area);
    CHECK_THROWS_WITH(store.add(clash), Catch::Contains("already used by an action"));
}

TEST_CASE("status history is kept in date order and never overwritten", "[store][history]") {
    Store store;
    auto contents = rochford();
    contents.plans[0].vocabulary = "rag";
    contents.progress = {update("Amber", Date(2009, 6, 30)), update("Red", Date(2009, 3, 31)),
                         update("Blue", Date(2009, 9, 30))};
    store.add(contents);
    const auto history = store.progress_of("rochford/plan/3.4");
    REQUIRE(history.size() == 3);
    CHECK(history[0].status == "Red");
    CHECK(history[1].status == "Amber");
    CHECK(history[2].status == "Blue");
    CHECK(store.lifecycle_on("rochford/plan/3.4", Date(2009, 3, 1)) == Lifecycle::not_started);
    CHECK(store.health_on("rochford/plan/3.4", Date(2009, 4, 1)) == bestvalue::Health::red);
    CHECK(store.lifecycle_on("rochford/plan/3.4", Date(2009, 7, 1)) == Lifecycle::in_progress);
    CHECK(store.lifecycle_on("rochford/plan/3.4", Date(2009, 10, 1)) == Lifecycle::completed);
}

TEST_CASE("a later correction does not rewrite what a committee was shown", "[store][history]") {
    Store store;
    auto contents = rochford();
    // Reported Green for June at the July meeting; corrected to Red for June in September.
    contents.progress = {update("Green", Date(2009, 6, 30), Date(2009, 7, 10)),
                         update("Red", Date(2009, 6, 30), Date(2009, 9, 1))};
    store.add(contents);
    CHECK(store.status_on("rochford/plan/3.4", Date(2009, 7, 20))->status == "Green");
    CHECK(store.status_on("rochford/plan/3.4", Date(2009, 9, 2))->status == "Red");
    CHECK_FALSE(store.status_on("rochford/plan/3.4", Date(2009, 7, 1)).has_value());
}

TEST_CASE("an action is overdue after its due ends, until it is completed", "[store]") {
    Store store;
    auto contents = rochford();
    contents.progress = {update("Blue", Date(2009, 6, 1))};
    store.add(contents);
    const auto action = store.get_action("rochford/plan/3.4");
    CHECK_FALSE(store.is_overdue_on(action, Date(2009, 4, 30)));
    CHECK(store.is_overdue_on(action, Date(2009, 5, 1)));
    CHECK_FALSE(store.is_overdue_on(action, Date(2009, 6, 1)));
}

TEST_CASE("the latest due revision is the baseline, the original is kept", "[store]") {
    auto contents = rochford();
    bestvalue::DueRevision revision;
    revision.revised_on = Date(2009, 4, 20);
    revision.due = bestvalue::parse_date_text("July 2009");
    revision.reason = "software procurement delayed";
    contents.actions[0].due_revisions.push_back(revision);
    Store store;
    store.add(contents);
    const auto action = store.get_action("rochford/plan/3.4");
    CHECK(action.due()->text == "April 2009");
    CHECK(action.due_end() == Date(2009, 7, 31));
    CHECK_FALSE(store.is_overdue_on(action, Date(2009, 5, 15)));
}

TEST_CASE("the reference date comes from the first cited document", "[store]") {
    Store store;
    store.add(rochford());
    CHECK(store.reference_date_of("rochford/plan") == Date(2009, 2, 18));
    CHECK(store.reference_date_of("rochford/plan/3.4") == Date(2009, 2, 18)); // via its plan
    CHECK_FALSE(store.reference_date_of("rochford").has_value());
}

TEST_CASE("progress must be about an action, section or plan, in the plan's words", "[store]") {
    Store store;
    auto contents = rochford();
    contents.plans[0].vocabulary = "progress-symbols";
    contents.progress = {update("Green", Date(2009, 3, 1))};
    contents.progress.push_back(update("((", Date(2009, 3, 1)));
    contents.progress.back().subject = "rochford";
    try {
        store.add(contents);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 2);
        CHECK_THAT(error.problems()[0].message,
                   Catch::Contains("unknown status 'Green' for vocabulary 'progress-symbols'"));
        CHECK(error.problems()[1].message ==
              "'rochford' is an organisation, not an action, section or plan");
    }
}

TEST_CASE("each update's status is checked in its subject's words, however statuses repeat",
          "[store]") {
    auto contents = rochford();
    contents.plans[0].vocabulary = "rag";
    const auto about = [](const char* subject, const char* status) {
        auto value = update(status, Date(2009, 3, 1));
        value.subject = subject;
        return value;
    };
    // A subject's updates come together; a status found once is not looked for again, and
    // one not found is reported at each update that gives it.
    contents.progress = {
        about("rochford/plan/3.4", "Green"),  about("rochford/plan/3.4", "Green"),
        about("rochford/plan/3.4", "Purple"), about("rochford/plan/3.4", "Green"),
        about("rochford/plan/3.4", "Purple"), about("rochford/plan", "Purple"),
        about("rochford/plan/3", "Green"),    about("rochford/plan/3", "(("),
        about("rochford", "Green"),           about("rochford/plan/3.4", "Amber"),
    };
    const auto problems = problems_of([&] { Store().add(contents); });
    REQUIRE(problems.size() == 5);
    const std::vector<std::string> at = {"/progress/2/status", "/progress/4/status",
                                         "/progress/5/status", "/progress/7/status",
                                         "/progress/8/subject"};
    for (std::size_t i = 0; i < at.size(); ++i) {
        INFO(i);
        CHECK(problems[i].location == at[i]);
    }
    CHECK_THAT(problems[0].message, Catch::Contains("unknown status 'Purple' for vocabulary "
                                                    "'rag' of plan 'rochford/plan'"));
    CHECK_THAT(problems[3].message, Catch::Contains("unknown status '(('"));
    CHECK(problems[4].message == "'rochford' is an organisation, not an action, section or plan");
    // The same statuses in another plan's words: those it knows pass, each after one it does
    // not.
    contents.plans[0].vocabulary = "progress-symbols";
    const auto in_symbols = problems_of([&] { Store().add(contents); });
    std::vector<std::string> locations;
    for (const auto& problem : in_symbols) {
        locations.push_back(problem.location);
    }
    CHECK(locations == std::vector<std::string>{
                           "/progress/0/status", "/progress/1/status", "/progress/2/status",
                           "/progress/3/status", "/progress/4/status", "/progress/5/status",
                           "/progress/6/status", "/progress/8/subject", "/progress/9/status"});
}

TEST_CASE("update replaces entities by id in their place and re-indexes", "[store][update]") {
    Store store;
    store.add(rochford());
    bestvalue::Action action = store.get_action("rochford/plan/3.4").value();
    action.title = "Review the performance framework";
    action.leads.clear();
    bestvalue::Officer spmo = store.get_officer("rochford/officer/spmo");
    spmo.unit = "Policy";
    bestvalue::Contents change;
    change.actions.push_back(action);
    change.officers.push_back(spmo);
    store.update(change);
    CHECK(store.get_action("rochford/plan/3.4").title() == "Review the performance framework");
    CHECK(store.get_officer("rochford/officer/spmo").unit == "Policy");
    CHECK(store.actions().size() == 1);
    CHECK(store.officers().size() == 1);
    // The index follows: the action is no longer led by the SPMO.
    CHECK(store.index().actions_led_by("rochford/officer/spmo").empty());
}

TEST_CASE("a failed update lists every problem and changes nothing", "[store][update]") {
    Store store;
    store.add(rochford());
    store.add([] {
        bestvalue::Contents progress;
        progress.progress.push_back(update("Amber", Date(2009, 3, 1)));
        return progress;
    }());
    const std::string before = bestvalue::write_json(store);

    bestvalue::Contents change;
    bestvalue::Action unknown;
    unknown.id = "rochford/plan/9.9";
    unknown.plan = "rochford/plan";
    change.actions.push_back(unknown);
    bestvalue::Scale builtin = *store.find_scale("cpa-category");
    change.scales.push_back(builtin);
    change.progress.push_back(update("Green", Date(2009, 4, 1)));
    try {
        store.update(change);
        FAIL("no ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 3);
        CHECK(error.problems()[0].location == "/scales/0/id");
        CHECK(error.problems()[1].location == "/actions/0/id");
        CHECK(error.problems()[1].message == "no action 'rochford/plan/9.9' to update");
        CHECK(error.problems()[2].location == "/progress");
    }
    CHECK(bestvalue::write_json(store) == before);

    // A replacement that breaks a reference: the action's section goes with the plan's.
    bestvalue::Plan plan = store.get_plan("rochford/plan");
    plan.sections.clear();
    bestvalue::Contents drop_section;
    drop_section.plans.push_back(plan);
    CHECK_THROWS_AS(store.update(drop_section), bestvalue::ValidationError);
    CHECK(bestvalue::write_json(store) == before);
}

TEST_CASE("an update keeps an action's due revisions and may only add to them", "[store][update]") {
    Store store;
    store.add(rochford());
    bestvalue::Action action = store.get_action("rochford/plan/3.4").value();
    bestvalue::DueRevision first;
    first.revised_on = Date(2009, 3, 1);
    first.due = bestvalue::parse_date_text("June 2009");
    action.due_revisions.push_back(first);
    bestvalue::Contents change;
    change.actions.push_back(action);
    store.update(change);
    CHECK(store.get_action("rochford/plan/3.4").due_revisions().size() == 1);

    action.due_revisions.front().reason = "rewritten";
    change.actions = {action};
    CHECK_THROWS_AS(store.update(change), bestvalue::ValidationError);
    action.due_revisions.clear();
    change.actions = {action};
    CHECK_THROWS_AS(store.update(change), bestvalue::ValidationError);
    CHECK(store.get_action("rochford/plan/3.4").due_revisions().front().reason.empty());
}

namespace {

// Each subject's updates as `progress_of` must give them, by its definition: those of the
// subject in the order added, then stably sorted by as_of and recorded.
std::vector<bestvalue::ProgressUpdate> plain_history(const Store& store, std::string_view subject) {
    std::vector<bestvalue::ProgressUpdate> history;
    for (const auto& update : store.progress()) {
        if (update.subject == subject) {
            history.push_back(update.value());
        }
    }
    std::stable_sort(history.begin(), history.end(), [](const auto& a, const auto& b) {
        return a.as_of != b.as_of ? a.as_of < b.as_of : a.recorded_on() < b.recorded_on();
    });
    return history;
}

void check_histories(const Store& store) {
    for (const auto action : store.actions()) {
        INFO(action.id());
        CHECK(store.progress_of(action.id()) == plain_history(store, action.id()));
    }
}

} // namespace

TEST_CASE("actions given as a table and updates as a log are checked and added as those of "
          "contents",
          "[store][progress-log][action-table]") {
    const bestvalue::Contents all = bestvalue::testing::five_papers().contents();
    REQUIRE(all.actions.size() > 10);
    REQUIRE(all.progress.size() > 10);
    const std::size_t given_actions = all.actions.size() / 3;
    const std::size_t given = all.progress.size() / 3;
    const auto table_of = [](std::span<const bestvalue::Action> actions) {
        bestvalue::ActionTable table;
        for (const auto& action : actions) {
            table.push_back(action);
        }
        return table;
    };
    // The first third in contents, the rest in a table and a log; and all in a table and a log.
    bestvalue::Contents split = all;
    split.actions.resize(given_actions);
    split.progress.resize(given);
    const bestvalue::ActionTable rest_actions =
        table_of(std::span(all.actions).subspan(given_actions));
    bestvalue::ProgressLog rest;
    for (std::size_t i = given; i < all.progress.size(); ++i) {
        rest.push_back(all.progress[i]);
    }
    bestvalue::Contents none = all;
    none.actions.clear();
    none.progress.clear();
    bestvalue::ProgressLog whole;
    for (const auto& update : all.progress) {
        whole.push_back(update);
    }
    Store expected;
    expected.add(all);
    Store from_split;
    from_split.add(split, rest_actions, rest);
    Store from_tables;
    from_tables.add(none, table_of(all.actions), whole);
    CHECK(from_split.contents() == all);
    CHECK(from_tables.contents() == all);
    CHECK(bestvalue::write_json(from_split) == bestvalue::write_json(expected));
    CHECK(bestvalue::write_json(from_tables) == bestvalue::write_json(expected));
    check_histories(from_tables);

    // A problem of the log's second update is where it would be in contents.progress.
    bestvalue::ProgressUpdate stray = all.progress[given + 1];
    stray.subject = "rochford/no-such-action";
    bestvalue::ProgressLog broken;
    broken.push_back(all.progress[given]);
    broken.push_back(stray);
    const auto problems = problems_of([&] { Store().add(split, rest_actions, broken); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].location == "/progress/" + std::to_string(given + 1) + "/subject");
    bestvalue::Contents plain = all;
    plain.progress.resize(given);
    plain.progress.push_back(all.progress[given]);
    plain.progress.push_back(stray);
    CHECK(problems_of([&] { Store().add(plain); }) == problems);

    // Likewise a problem of the table's second action, and an id the table repeats from
    // contents.actions (without updates, which would miss the action whose id is changed).
    bestvalue::Contents bare = split;
    bare.progress.clear();
    std::vector<bestvalue::Action> given_rest(
        all.actions.begin() + static_cast<std::ptrdiff_t>(given_actions), all.actions.end());
    given_rest[1].leads.push_back("rochford/no-such-officer");
    given_rest[2].id = all.actions[0].id;
    const auto action_problems =
        problems_of([&] { Store().add(bare, table_of(given_rest), bestvalue::ProgressLog()); });
    REQUIRE(action_problems.size() == 2);
    CHECK(action_problems[0].location == "/actions/" + std::to_string(given_actions + 2) + "/id");
    CHECK_THAT(action_problems[0].message,
               Catch::Matchers::Contains("first used at /actions/0/id"));
    CHECK(action_problems[1].location == "/actions/" + std::to_string(given_actions + 1) +
                                             "/leads/" +
                                             std::to_string(given_rest[1].leads.size() - 1));
    plain = all;
    plain.progress.clear();
    std::copy(given_rest.begin(), given_rest.end(),
              plain.actions.begin() + static_cast<std::ptrdiff_t>(given_actions));
    CHECK(problems_of([&] { Store().add(plain); }) == action_problems);
}

TEST_CASE("adding in parts gives the store that adding at once gives", "[store][datasets]") {
    const Store& papers = bestvalue::testing::five_papers();
    const bestvalue::Contents& all = papers.contents();
    REQUIRE(all.progress.size() > 10);

    // Into an empty store: every collection is taken whole.
    Store whole;
    whole.add(all);
    CHECK(whole.contents() == all);
    check_histories(whole);

    // In three parts, the later ones appended to what is there; the second also brings again
    // an entity already held (skipped as the same one).
    bestvalue::Contents first = all;
    first.actions.clear();
    first.progress.clear();
    bestvalue::Contents second;
    second.organisations = {all.organisations.front()};
    second.actions = all.actions;
    const auto half = static_cast<std::ptrdiff_t>(all.progress.size() / 2);
    second.progress.assign(all.progress.begin(), all.progress.begin() + half);
    bestvalue::Contents third;
    third.progress.assign(all.progress.begin() + half, all.progress.end());
    Store parts;
    parts.add(first);
    parts.add(second);
    parts.add(third);
    CHECK(parts.contents() == all);
    check_histories(parts);
    for (const auto& action : all.actions) {
        CHECK(parts.find_action(action.id).has_value());
        CHECK(parts.find_action(action.id)->id() == action.id);
        CHECK(parts.progress_of(action.id) == whole.progress_of(action.id));
    }
}

TEST_CASE("a pending addition taken back leaves the store as it was, index and all",
          "[store][pending]") {
    const bestvalue::Contents& all = bestvalue::testing::five_papers().contents();
    bestvalue::Contents first = all;
    first.actions.clear();
    first.progress.clear();
    bestvalue::Contents second;
    second.actions = all.actions;
    second.progress = all.progress;
    Store store;
    store.add(first);
    const std::uint64_t generation = store.index().generation();
    const std::string plan = all.actions.front().plan;
    {
        Store::PendingChange pending = store.add_pending(second);
        CHECK_FALSE(pending.previous_action(all.actions.front().id).has_value());
        CHECK(pending.previous_plan(plan) == store.find_plan(plan));
        CHECK(pending.sizes_before()[10] == 0);
        CHECK(pending.sizes_before()[9] == all.plans.size());
        CHECK(store.actions().size() == all.actions.size());
        CHECK(store.index().generation() != generation);
        CHECK_FALSE(store.index().actions_in_plan(plan).empty());
        // Moved, it is taken back once, by the one it was moved to.
        Store::PendingChange moved = std::move(pending);
    }
    CHECK(store.contents() == first);
    CHECK(store.index().generation() == generation);
    CHECK(store.index().actions_in_plan(plan).empty());
    for (const auto& action : all.actions) {
        CHECK_FALSE(store.find_action(action.id).has_value());
        CHECK_FALSE(store.kind_of(action.id));
        CHECK(store.progress_of(action.id).empty());
    }
    // What was taken back can be added again, and kept: the store adding it at once makes.
    store.add_pending(second).keep();
    CHECK(store.contents() == all);
    check_histories(store);
    Store whole;
    whole.add(all);
    CHECK(store.index().actions_in_plan(plan) == whole.index().actions_in_plan(plan));
}

TEST_CASE("updates taken back leave every history as it was, those they came before too",
          "[store][pending][history]") {
    const bestvalue::Contents all = bestvalue::testing::five_papers().contents();
    bestvalue::Contents first = all;
    first.progress.clear();
    // Half the actions have a history before; the added updates come before each of those
    // (so each history's first update is one taken back), and give the others their first.
    bestvalue::Contents second;
    for (std::size_t i = 0; i < all.actions.size(); ++i) {
        bestvalue::ProgressUpdate given;
        given.subject = all.actions[i].id;
        given.narrative = "kept";
        given.as_of = Date(2001, 1, 1);
        (i % 2 == 0 ? first : second).progress.push_back(given);
        given.as_of = Date(2000, 1, 1 + static_cast<int>(i % 28));
        given.narrative = "taken back";
        second.progress.push_back(given);
    }
    Store store;
    store.add(first);
    std::vector<std::vector<bestvalue::ProgressUpdate>> before;
    for (const auto& action : all.actions) {
        before.push_back(store.progress_of(action.id));
    }
    {
        Store::PendingChange pending = store.add_pending(second);
        const auto& history = store.progress_of(all.actions.front().id);
        REQUIRE(history.size() == 2);
        CHECK(history.front().narrative == "taken back");
    }
    for (std::size_t i = 0; i < all.actions.size(); ++i) {
        INFO(all.actions[i].id);
        CHECK(store.progress_of(all.actions[i].id) == before[i]);
    }
    check_histories(store);
    store.add(second);
    check_histories(store);
    for (const auto& action : all.actions) {
        CHECK(store.progress_of(action.id).size() == 2);
    }
}

TEST_CASE("a pending update taken back leaves the store as it was", "[store][pending][update]") {
    Store store;
    store.add(rochford());
    const std::string before = bestvalue::write_json(store);
    const std::uint64_t generation = store.index().generation();
    bestvalue::Action action = store.get_action("rochford/plan/3.4").value();
    action.title = "Review the performance framework";
    action.leads.clear();
    bestvalue::Contents change;
    change.actions.push_back(action);
    {
        const Store::PendingChange pending = store.update_pending(change);
        REQUIRE(pending.previous_action("rochford/plan/3.4").has_value());
        CHECK(pending.previous_action("rochford/plan/3.4")->title() != action.title);
        CHECK(store.get_action("rochford/plan/3.4").title() == action.title);
        CHECK(store.index().actions_led_by("rochford/officer/spmo").empty());
    }
    CHECK(bestvalue::write_json(store) == before);
    CHECK(store.index().generation() == generation);
    CHECK_FALSE(store.index().actions_led_by("rochford/officer/spmo").empty());
    // A failed one changes nothing and leaves nothing pending.
    bestvalue::Contents unknown;
    unknown.actions.push_back(action);
    unknown.actions.back().id = "rochford/plan/9.9";
    CHECK_THROWS_AS(store.update_pending(unknown), bestvalue::ValidationError);
    CHECK(bestvalue::write_json(store) == before);
    store.update_pending(change).keep();
    CHECK(store.get_action("rochford/plan/3.4").title() == action.title);
    CHECK(store.index().actions_led_by("rochford/officer/spmo").empty());
}

TEST_CASE("adding one at a time moves a collection only as it doubles", "[store]") {
    // As push_back grows a vector: an exact reserve at each add moved every stored update (a
    // national store's 0.9 GB) at each append of one.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    for (std::size_t i = 0; i < 100; ++i) {
        contents.actions.push_back(bestvalue::testing::council_action(i));
    }
    for (std::size_t i = 0; i < 1000; ++i) {
        bestvalue::ProgressUpdate update;
        update.subject = "council/plan/" + std::to_string(i % 100);
        update.as_of = Date(2005, 1, 1) + boost::gregorian::days(static_cast<long>(i));
        contents.progress.push_back(std::move(update));
    }
    Store store;
    store.add(std::move(contents));
    std::size_t update_moves = 0;
    std::size_t action_moves = 0;
    for (std::size_t i = 0; i < 200; ++i) {
        const auto updates = store.progress().capacity();
        const auto actions = store.actions().capacity();
        bestvalue::Contents one;
        one.progress.emplace_back();
        one.progress.back().subject = "council/plan/7";
        one.progress.back().as_of = Date(2009, 1, 1) + boost::gregorian::days(static_cast<long>(i));
        one.actions.push_back(bestvalue::testing::council_action(100 + i));
        store.add(std::move(one));
        update_moves += store.progress().capacity() != updates ? 1 : 0;
        action_moves += store.actions().capacity() != actions ? 1 : 0;
    }
    CHECK(store.progress().size() == 1200);
    CHECK(store.actions().size() == 300);
    CHECK(update_moves == 1); // 1,000 to room for 2,000
    CHECK(action_moves == 2); // 100 to 200, then to 400
}

TEST_CASE("actions updated alone are replaced in place and checked as the whole store would",
          "[store][pending][update]") {
    Store store;
    store.add(rochford());
    bestvalue::Plan other;
    other.id = "rochford/other-plan";
    other.title = "Another plan";
    other.organisation = "rochford";
    other.vocabulary = "done";
    bestvalue::Contents more;
    more.plans.push_back(other);
    more.progress.push_back(update("Amber", Date(2009, 3, 1)));
    store.add(more);
    const std::string before = bestvalue::write_json(store);
    // The store's table of actions: the same after an update in place, a new store's after
    // one checked whole.
    const auto* stored = &store.actions();

    // A broken reference: the problems of a check of the whole store, at the stored place.
    // Giving an unchanged officer too takes the whole store's check, to compare.
    bestvalue::Action broken = store.get_action("rochford/plan/3.4").value();
    broken.leads = {"rochford/officer/nobody"};
    broken.addresses = {"no-such-recommendation"};
    bestvalue::Contents alone;
    alone.actions.push_back(broken);
    bestvalue::Contents with_officer = alone;
    with_officer.officers.push_back(store.get_officer("rochford/officer/spmo"));
    const auto in_place = problems_of([&] { store.update(alone); });
    const auto whole = problems_of([&] { store.update(with_officer); });
    REQUIRE(in_place.size() == 2);
    CHECK(in_place[0].location == "/actions/0/leads/0");
    CHECK(in_place == whole);
    CHECK(bestvalue::write_json(store) == before);

    // A good one is put in the action's place: nothing else is moved.
    bestvalue::Action revised = store.get_action("rochford/plan/3.4").value();
    revised.title = "Review the framework";
    bestvalue::Contents change;
    change.actions.push_back(revised);
    store.update(change);
    CHECK(&store.actions() == stored);
    CHECK(store.get_action("rochford/plan/3.4").title() == "Review the framework");
    CHECK(store.index().actions_in_plan("rochford/plan").size() == 1);

    // An action moved to a plan whose vocabulary lacks its updates' status is refused: that
    // is the whole store's check.
    bestvalue::Action moved = store.get_action("rochford/plan/3.4").value();
    moved.plan = other.id;
    moved.section.clear();
    bestvalue::Contents move;
    move.actions.push_back(moved);
    const auto refused = problems_of([&] { store.update(move); });
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].location == "/progress/0/status");
    CHECK(store.get_action("rochford/plan/3.4").plan() == "rochford/plan");
}

TEST_CASE("updates given in any order come out in date order", "[store][history]") {
    const bestvalue::Contents& all = bestvalue::testing::five_papers().contents();
    bestvalue::Contents reversed = all;
    std::reverse(reversed.progress.begin(), reversed.progress.end());
    Store store;
    store.add(reversed);
    CHECK(store.progress() == reversed.progress);
    check_histories(store);
}

TEST_CASE("a subject's updates give the same store and problems together or apart",
          "[store][history]") {
    // Consecutive updates of one subject share what its id resolves to: each must still be
    // checked and filed as if alone.
    const bestvalue::Contents& all = bestvalue::testing::five_papers().contents();
    bestvalue::Contents shuffled = all;
    std::mt19937 random(7);
    std::shuffle(shuffled.progress.begin(), shuffled.progress.end(), random);
    bestvalue::Contents grouped = all;
    std::stable_sort(grouped.progress.begin(), grouped.progress.end(),
                     [](const auto& a, const auto& b) { return a.subject < b.subject; });
    Store apart;
    apart.add(shuffled);
    Store together;
    together.add(grouped);
    check_histories(apart);
    check_histories(together);
    for (const auto& action : all.actions) {
        INFO(action.id);
        CHECK(apart.progress_of(action.id) == together.progress_of(action.id));
        for (const Date day : {Date(2003, 1, 1), Date(2004, 6, 30), Date(2009, 12, 31)}) {
            CHECK(apart.lifecycle_on(action.id, day) == together.lifecycle_on(action.id, day));
            CHECK(apart.health_on(action.id, day) == together.health_on(action.id, day));
            CHECK(apart.percent_on(action.id, day) == together.percent_on(action.id, day));
        }
    }

    // Every update of a run of one subject is checked.
    Store store;
    auto contents = rochford();
    contents.plans[0].vocabulary = "progress-symbols";
    for (const char* subject :
         {"rochford/plan/3.4", "rochford/plan/3.4", "rochford", "rochford", "rochford/nowhere",
          "rochford/nowhere", "rochford/plan/3", "rochford/plan/3"}) {
        contents.progress.push_back(update("Green", Date(2009, 3, 1)));
        contents.progress.back().subject = subject;
    }
    try {
        store.add(contents);
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        const auto& problems = error.problems();
        REQUIRE(problems.size() == 8);
        for (std::size_t i = 0; i < problems.size(); ++i) {
            INFO(i);
            CHECK_THAT(problems[i].location, Catch::StartsWith("/progress/" + std::to_string(i)));
        }
        for (const std::size_t i : {0, 1, 6, 7}) {
            CHECK_THAT(problems[i].message,
                       Catch::Contains("unknown status 'Green' for vocabulary 'progress-symbols' "
                                       "of plan 'rochford/plan'"));
        }
        CHECK(problems[2].message ==
              "'rochford' is an organisation, not an action, section or plan");
        CHECK(problems[3].message == problems[2].message);
        CHECK(problems[4].message == "unknown action, section or plan 'rochford/nowhere'");
        CHECK(problems[5].message == problems[4].message);
    }
    CHECK(store.progress().empty());
}

TEST_CASE("a collection whose updates are indexed beside the rest gives each its history",
          "[store][history]") {
    // 160,000 updates of 20,000 actions, added in two parts of 80,000, each enough to be
    // indexed by subject on a thread of its own (65,536): the first part's, the store's first
    // updates, beside the checks, the second's while the entities are filed. Every action's
    // history must be its updates in date order, as filing them alone gives.
    bestvalue::Contents first = bestvalue::testing::council_with_a_plan();
    constexpr std::size_t actions = 20'000;
    for (std::size_t i = 0; i < actions; ++i) {
        bestvalue::Action action = bestvalue::testing::council_action(i);
        action.title = "Action " + std::to_string(i);
        first.actions.push_back(std::move(action));
    }
    std::vector<bestvalue::ProgressUpdate> updates;
    for (std::size_t n = 0; n < 8 * actions; ++n) {
        bestvalue::ProgressUpdate update;
        // Each action's eight quarters, the later ones given first for every third action.
        const std::size_t action = n % actions;
        const auto step = static_cast<int>(n / actions);
        const int quarter = action % 3 == 0 ? 7 - step : step;
        update.subject = "council/plan/" + std::to_string(action);
        update.as_of = Date(2005 + quarter / 4, 3 + 3 * (quarter % 4), 1);
        update.percent = 12.5 * quarter;
        updates.push_back(std::move(update));
    }
    std::mt19937 random(11);
    std::shuffle(updates.begin(), updates.end(), random);
    const auto half = static_cast<std::ptrdiff_t>(updates.size() / 2);
    first.progress.assign(updates.begin(), updates.begin() + half);
    bestvalue::Contents second;
    second.progress.assign(updates.begin() + half, updates.end());

    Store store;
    store.add(first);
    store.add(second);
    REQUIRE(store.progress().size() == updates.size());
    // The expected histories, filed in one pass over the updates in the order added.
    std::unordered_map<std::string, std::vector<bestvalue::ProgressUpdate>> expected;
    for (const auto& update : store.progress()) {
        expected[std::string(update.subject)].push_back(update.value());
    }
    std::size_t wrong = 0;
    for (auto& [subject, history] : expected) {
        std::stable_sort(history.begin(), history.end(),
                         [](const auto& a, const auto& b) { return a.as_of < b.as_of; });
        wrong += store.progress_of(subject) == history ? 0 : 1;
    }
    CHECK(expected.size() == actions);
    CHECK(wrong == 0);
    CHECK(store.percent_on("council/plan/3", Date(2005, 7, 1)) == 12.5);
    CHECK(store.percent_on("council/plan/4", Date(2006, 1, 1)) == 37.5);
}

TEST_CASE("a large collection's problems come in the order of its items", "[store][validation]") {
    // 80,000 updates, enough to be checked on a thread of their own beside the actions, in
    // chunks both threads take: the problems must still be every action's, in order, then
    // every update's, in order.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    constexpr std::size_t actions = 20'000;
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < actions; ++i) {
        bestvalue::Action action = bestvalue::testing::council_action(i);
        if (i % 5000 == 1) {
            action.leads = {"council/no-such-officer"};
            expected.push_back("/actions/" + std::to_string(i) + "/leads/0");
        }
        contents.actions.push_back(std::move(action));
    }
    for (std::size_t n = 0; n < 4 * actions; ++n) {
        bestvalue::ProgressUpdate update;
        update.subject = "council/plan/" + std::to_string(n % actions);
        update.as_of = Date(2005, 6, 30);
        // Problems on either side of the edges of the chunks the updates are checked in, too.
        if (n % 9000 == 7 || n == 16383 || n == 16384 || n == 3 * 16384 - 1) {
            update.subject = "council/plan/gone";
            expected.push_back("/progress/" + std::to_string(n) + "/subject");
        }
        if (n % 11000 == 3) {
            update.percent = 101.0;
            expected.push_back("/progress/" + std::to_string(n) + "/percent");
        }
        contents.progress.push_back(std::move(update));
    }
    Store store;
    try {
        store.add(contents);
        FAIL("the collection was added");
    } catch (const bestvalue::ValidationError& error) {
        std::vector<std::string> locations;
        for (const auto& problem : error.problems()) {
            locations.push_back(problem.location);
        }
        CHECK(locations == expected);
    }
    // Nothing is kept of what was indexed beside the checks.
    CHECK(store.actions().empty());
    CHECK(store.progress().empty());
    CHECK(store.progress_of("council/plan/1").empty());
    // And the store takes the collection once it is mended, its histories whole.
    std::size_t moved = 0;
    for (auto& update : contents.progress) {
        update.percent.reset();
        if (update.subject == "council/plan/gone") {
            update.subject = "council/plan/0";
            ++moved;
        }
    }
    for (std::size_t i = 1; i < actions; i += 5000) {
        contents.actions[i].leads = bestvalue::testing::council_action(i).leads;
    }
    store.add(contents);
    CHECK(store.progress().size() == 4 * actions);
    CHECK(store.progress_of("council/plan/1").size() == 4);
    CHECK(store.progress_of("council/plan/0").size() == 4 + moved);
}
