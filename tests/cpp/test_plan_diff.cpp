#include <algorithm>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/plan_diff.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::ChangeKind;
using bestvalue::Contents;
using bestvalue::Date;
using bestvalue::EntityKind;
using bestvalue::FieldChange;
using bestvalue::Store;

namespace {

const std::string examples = bestvalue::testing::examples_dir();

Store load(const char* name) {
    Store store;
    bestvalue::read_json_file(store, examples + name);
    return store;
}

// The seed papers hold one version of each plan, so the tests make the next one: the plan, its
// sections and its actions copied under new ids (the plan id `from` replaced by `to` where ids
// start with it), for the test to change. Recommendations they address keep their ids.
Contents next_version(const Store& store, const std::string& from, const std::string& to) {
    const auto renamed = [&](std::string id) {
        if (id.rfind(from, 0) == 0) {
            id.replace(0, from.size(), to);
        }
        return id;
    };
    Contents contents;
    bestvalue::Plan plan = store.get_plan(from);
    plan.id = to;
    for (auto& section : plan.sections) {
        section.id = renamed(section.id);
        section.parent = renamed(section.parent);
    }
    contents.plans.push_back(plan);
    for (const auto action : store.actions()) {
        if (action.plan() == from) {
            bestvalue::Action copy = action.value();
            copy.id = renamed(copy.id);
            copy.plan = to;
            copy.section = renamed(copy.section);
            contents.actions.push_back(copy);
        }
    }
    return contents;
}

template <typename Entity>
Entity& by_id(std::vector<Entity>& entities, const std::string& id) {
    const auto found = std::find_if(entities.begin(), entities.end(),
                                    [&](const Entity& entity) { return entity.id == id; });
    REQUIRE(found != entities.end());
    return *found;
}

bestvalue::Section& section_with_ref(bestvalue::Plan& plan, const std::string& ref) {
    const auto found = std::find_if(plan.sections.begin(), plan.sections.end(),
                                    [&](const auto& section) { return section.ref == ref; });
    REQUIRE(found != plan.sections.end());
    return *found;
}

const std::string dot = "cannock-chase/dot-plan-2008-09";
const std::string dot_next = "cannock-chase/dot-plan-2009-10";
const std::string rop = "oxfordshire/raising-our-performance";
const std::string rop_next = "oxfordshire/raising-our-performance-2004";

} // namespace

// Cannock Chase's Direction of Travel plan (18 March 2009) reviewed into a 2009/10 version: the
// title moves on a year, section 2 gets a short title, 3a slips from Jan 2009 to March 2009, 3b
// changes lead, 3d is added and 2.4 (the JOG review) is dropped.
TEST_CASE("a plan diff finds every section and action added, removed and changed, and words "
          "them as a record of review would",
          "[plan_diff]") {
    Store store = load("004-cannock-chase-direction-of-travel-2009.json");
    Contents next = next_version(store, dot, dot_next);
    auto& plan = next.plans.front();
    plan.title = "Direction of Travel Improvement Plan 2009/10";
    section_with_ref(plan, "2").title = "Community safety";
    by_id(next.actions, dot_next + "/3a").due =
        bestvalue::parse_date_text("March 2009", Date(2009, 3, 18));
    by_id(next.actions, dot_next + "/3b").leads = {"cannock-chase/officer/natasha-swan"};
    bestvalue::Action added = by_id(next.actions, dot_next + "/3c");
    added.id = dot_next + "/3d";
    added.ref = "3d";
    added.text = "Report on data quality to Cabinet";
    next.actions.push_back(added);
    next.actions.erase(std::find_if(next.actions.begin(), next.actions.end(),
                                    [](const auto& action) { return action.ref == "2.4"; }));
    store.add(next);

    const auto diff = bestvalue::diff_plans(store, dot, dot_next);
    CHECK(diff.before_plan == dot);
    CHECK(diff.after_plan == dot_next);
    CHECK(diff.plan_fields ==
          std::vector<FieldChange>{{"title", "Direction of Travel Improvement Plan 2008/09",
                                    "Direction of Travel Improvement Plan 2009/10"}});
    REQUIRE(diff.changes.size() == 5);

    const auto& section = diff.changes[0];
    CHECK(section.kind == ChangeKind::changed);
    CHECK(section.entity == EntityKind::section);
    CHECK(section.ref == "2");
    CHECK(section.title == "Community safety");
    CHECK(section.before_id == dot + "/section-2");
    CHECK(section.after_id == dot_next + "/section-2");
    CHECK(section.fields ==
          std::vector<FieldChange>{
              {"title",
               "Continue to work with partners to step up the pace of improvement "
               "in driving down crime in the area and improving community safety",
               "Community safety"}});

    const auto& slipped = diff.changes[1];
    CHECK(slipped.kind == ChangeKind::changed);
    CHECK(slipped.entity == EntityKind::action);
    CHECK(slipped.ref == "3a");
    CHECK(slipped.title == "Develop Data Quality action plan"); // no title: its text
    CHECK(slipped.before_id == dot + "/3a");
    CHECK(slipped.after_id == dot_next + "/3a");
    CHECK(slipped.fields == std::vector<FieldChange>{{"due", "Jan 2009", "March 2009"}});

    CHECK(diff.changes[2].ref == "3b");
    CHECK(diff.changes[2].fields ==
          std::vector<FieldChange>{{"leads", "Katie Beeston", "Natasha Swan"}});

    const auto& new_action = diff.changes[3];
    CHECK(new_action.kind == ChangeKind::added);
    CHECK(new_action.ref == "3d");
    CHECK(new_action.before_id.empty());
    CHECK(new_action.after_id == dot_next + "/3d");
    CHECK(new_action.fields.empty());

    const auto& dropped = diff.changes[4];
    CHECK(dropped.kind == ChangeKind::removed);
    CHECK(dropped.ref == "2.4");
    CHECK(dropped.title == "Community Safety Structures");
    CHECK(dropped.before_id == dot + "/2.4");
    CHECK(dropped.after_id.empty());

    CHECK(diff.summary() ==
          "Plan: title changed from \"Direction of Travel Improvement Plan 2008/09\" to "
          "\"Direction of Travel Improvement Plan 2009/10\"\n"
          "Section 2: title changed from \"Continue to work with partners to step up the pace of "
          "improvement in driving…\" to \"Community safety\"\n"
          "Action 3a: due changed from \"Jan 2009\" to \"March 2009\"\n"
          "Action 3b: leads changed from \"Katie Beeston\" to \"Natasha Swan\"\n"
          "Action 3d added\n"
          "Action 2.4 removed");
    CHECK_FALSE(diff.empty());

    const auto version = diff.as_version("2.0", Date(2009, 6, 17), "Cabinet");
    CHECK(version.number == "2.0");
    CHECK(version.review_date == Date(2009, 6, 17));
    CHECK(version.issues == diff.summary());
    CHECK(version.amended == "Y");
    CHECK(version.approved_by == "Cabinet");
    CHECK(version.amendment_date == Date(2009, 6, 17));
}

// Raising our Performance numbers its sections but not its actions, so they are matched by
// section and text, then by text alone.
TEST_CASE("actions without refs are matched by section and text, and followed when they move",
          "[plan_diff]") {
    Store store = load("001-oxfordshire-raising-our-performance-2003.json");
    Contents next = next_version(store, rop, rop_next);
    auto& plan = next.plans.front();
    section_with_ref(plan, "6").ref = "7"; // renumbered, matched by its title
    by_id(next.actions, rop_next + "/2.1/1").text =
        "Agree and commit to a set of values, a vision and priorities";
    by_id(next.actions, rop_next + "/4.4/4").section = rop_next + "/section/5.2";
    by_id(next.actions, rop_next + "/5.1/1").due =
        bestvalue::parse_date_text("by March 2004", Date(2003, 7, 31));
    store.add(next);

    const auto diff = bestvalue::diff_plans(store, rop, rop_next);
    CHECK(diff.plan_fields.empty());
    REQUIRE(diff.changes.size() == 8);
    CHECK(diff.changes[0].entity == EntityKind::section);
    CHECK(diff.changes[0].fields == std::vector<FieldChange>{{"ref", "6", "7"}});
    // Text is what an unnumbered action is known by: new words make a new action.
    CHECK(diff.changes[1].kind == ChangeKind::added);
    CHECK(diff.changes[1].after_id == rop_next + "/2.1/1");
    CHECK(diff.changes[2].before_id == rop + "/4.4/4");
    CHECK(diff.changes[2].fields == std::vector<FieldChange>{{"section", "4.4", "5.2"}});
    CHECK(diff.changes[3].fields ==
          std::vector<FieldChange>{{"due", "by December 2002", "by March 2004"}});
    for (std::size_t i = 4; i < 7; ++i) {
        CHECK(diff.changes[i].fields == std::vector<FieldChange>{{"section", "6", "7"}});
    }
    CHECK(diff.changes[7].kind == ChangeKind::removed);
    CHECK(diff.changes[7].before_id == rop + "/2.1/1");

    CHECK(diff.summary() ==
          "Section 7: ref changed from \"6\" to \"7\"\n"
          "Action \"Agree and commit to a set of values, a vision and priorities\" added\n"
          "Action \"Establish a contact centre, if at all possible jointly with…\": section "
          "changed from \"4.4\" to \"5.2\"\n"
          "Action \"Refresh our Employment Strategy to address staff concerns…\": due changed "
          "from \"by December 2002\" to \"by March 2004\"\n"
          "Action \"Develop a four year financial strategy that will boost the…\": section "
          "changed from \"6\" to \"7\"\n"
          "Action \"Allocate resources in line with priorities\": section changed from \"6\" to "
          "\"7\"\n"
          "Action \"Improve strategic management of assets and links between…\": section changed "
          "from \"6\" to \"7\"\n"
          "Action \"Agree and commit to a set of values and a vision statement\" removed");
}

// The two versions may live in two stores under the same ids (two files of one plan).
TEST_CASE("versions in two stores are compared, fields set and cleared are worded so",
          "[plan_diff]") {
    const Store before = load("004-cannock-chase-direction-of-travel-2009.json");
    Contents contents = before.contents();
    auto& workforce = by_id(contents.actions, dot + "/1.14");
    bestvalue::DueRevision revision;
    revision.revised_on = Date(2009, 6, 1);
    revision.due = bestvalue::parse_date_text("September 2009", Date(2009, 6, 1));
    revision.reason = "awaiting job evaluation";
    revision.approved_by = "Cabinet";
    workforce.due_revisions.push_back(revision);
    by_id(contents.actions, dot + "/1.3a").outcome.clear();
    by_id(contents.actions, dot + "/2.1").ict = bestvalue::IctRequirement{"", true};
    Store after;
    after.add(contents);

    const auto diff = bestvalue::diff_plans(before, dot, after, dot);
    REQUIRE(diff.changes.size() == 3);
    CHECK(diff.changes[0].fields ==
          std::vector<FieldChange>{{"due_revisions", "",
                                    "September 2009 on 2009-06-01: awaiting job evaluation "
                                    "(approved by Cabinet)"}});
    CHECK(diff.summary() ==
          "Action 1.14: due revisions set to \"September 2009 on 2009-06-01: awaiting job "
          "evaluation (approved by Cabinet)\"\n"
          "Action 1.3a: outcome \"Ensure vfm is embedded into key council activities/ processes "
          "and the culture of…\" removed\n"
          "Action 2.1: ict set to \"Y\"");
}

TEST_CASE("a plan compared with itself, or with the same file loaded again, has no changes",
          "[plan_diff]") {
    const Store store = load("003-rochford-cpa-improvement-plan-2009.json");
    const auto same =
        bestvalue::diff_plans(store, "rochford/cpa-plan-2009", "rochford/cpa-plan-2009");
    CHECK(same.empty());
    CHECK(same.changes.empty());
    CHECK(same.summary().empty());
    const auto version = same.as_version("1.3", Date(2009, 3, 5), "SDIMT");
    CHECK(version.amended == "N");
    CHECK(version.issues.empty());
    CHECK_FALSE(version.amendment_date.has_value());

    const Store again = load("003-rochford-cpa-improvement-plan-2009.json");
    CHECK(bestvalue::diff_plans(store, "rochford/cpa-plan-2009", again, "rochford/cpa-plan-2009")
              .empty());
}

TEST_CASE("unknown plans are NotFound", "[plan_diff][errors]") {
    const Store store = load("003-rochford-cpa-improvement-plan-2009.json");
    CHECK_THROWS_AS(bestvalue::diff_plans(store, "no/such/plan", "rochford/cpa-plan-2009"),
                    bestvalue::NotFound);
    CHECK_THROWS_AS(bestvalue::diff_plans(store, "rochford/cpa-plan-2009", "no/such/plan"),
                    bestvalue::NotFound);
    // An action is not a plan.
    CHECK_THROWS_AS(
        bestvalue::diff_plans(store, "rochford/cpa-plan-2009/1.1", "rochford/cpa-plan-2009"),
        bestvalue::NotFound);
}

TEST_CASE("change kinds have names", "[plan_diff]") {
    CHECK(bestvalue::to_name(ChangeKind::added) == "added");
    CHECK(bestvalue::to_name(ChangeKind::removed) == "removed");
    CHECK(bestvalue::from_name<ChangeKind>("changed") == ChangeKind::changed);
    CHECK_FALSE(bestvalue::from_name<ChangeKind>("moved").has_value());
}
