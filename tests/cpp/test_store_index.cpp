#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>
#include <bestvalue/query/slippage.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Date;
using bestvalue::Filter;
using bestvalue::Handles;
using bestvalue::Store;

namespace {

// A store of one plan whose actions (ids council/plan/1, /2, …) have the due revisions given,
// each as the JSON objects of its `due_revisions` array.
Store store_of_revised_actions(const std::vector<std::string>& revisions) {
    std::string actions_json;
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        actions_json += std::string(i == 0 ? "" : ",") + R"({"id": "council/plan/)" +
                        std::to_string(i + 1) + R"(", "plan": "council/plan", "ref": ")" +
                        std::to_string(i + 1) + R"(", "due_revisions": [)" + revisions[i] + "]}";
    }
    Store store;
    bestvalue::read_json(store, R"({"bestvalue": "1", "plans": [{"id": "council/plan",
        "title": "Improvement Plan", "adopted": "2009-01-01"}], "actions": [)" +
                                    actions_json + "]}");
    return store;
}

// What a scan finds: every entity that passes the filter's test. `entities` are the store's of
// the filter's kind: a vector of them, or its table of actions.
template <typename Entities, typename Entity>
Handles scanned(const Entities& entities, const Filter<Entity>& filter) {
    Handles found;
    for (std::uint32_t handle = 0; handle < entities.size(); ++handle) {
        if (filter(entities[handle])) {
            found.push_back(handle);
        }
    }
    return found;
}

// An index may only narrow where to look: every entity that passes is among the candidates,
// and a query that uses them finds what a scan finds.
template <typename Entities, typename Entity, typename Query>
void check_against_scan(const Entities& entities, const Filter<Entity>& filter, Query query) {
    const Handles expected = scanned(entities, filter);
    const std::optional<Handles> listed = filter.candidates();
    REQUIRE(listed.has_value());
    const Handles& candidates = *listed;
    CHECK(std::is_sorted(candidates.begin(), candidates.end()));
    CHECK(std::includes(candidates.begin(), candidates.end(), expected.begin(), expected.end()));
    if (filter.candidate_kind() == bestvalue::Candidates::exact) {
        CHECK(candidates == expected); // a query listing them does not test them again
    }
    CHECK(query.where(filter).handles() == expected);
}

} // namespace

TEST_CASE("indexed filters find what a scan finds, on the five papers", "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    namespace actions = bestvalue::action_filters;
    const Date march_2009(2009, 3, 18);
    const Date july_2003(2003, 7, 31);
    const auto& all = store.actions();
    const auto check = [&](const bestvalue::ActionFilter& filter) {
        check_against_scan(all, filter, bestvalue::actions(store));
    };
    check(actions::in_plan(store, "rochford/cpa-plan-2009"));
    check(actions::in_plan(store, "no-such-plan"));
    check(actions::in_organisation(store, "cannock-chase"));
    // Every plan and organisation: their candidates are exact, so each is put to that test.
    for (const auto& plan : store.plans()) {
        CHECK(actions::in_plan(store, plan.id).candidate_kind() == bestvalue::Candidates::exact);
        check(actions::in_plan(store, plan.id));
    }
    for (const auto& organisation : store.organisations()) {
        check(actions::in_organisation(store, organisation.id));
        // Listed second, after a plan's fewer actions, the organisation is tested instead.
        const auto in_organisation = actions::in_organisation(store, organisation.id);
        const auto in_plan = actions::in_plan(store, "rochford/cpa-plan-2009");
        Handles both;
        for (const auto handle : scanned(all, in_plan)) {
            if (in_organisation(all[handle])) {
                both.push_back(handle);
            }
        }
        CHECK(bestvalue::actions(store).where(in_organisation).where(in_plan).handles() == both);
    }
    check(actions::in_organisation(store, "no-such-organisation"));
    for (const auto& plan : store.plans()) {
        for (const auto& section : plan.sections) {
            check(actions::in_section(store, section.id));
        }
    }
    check(actions::in_section(store, "oxfordshire/raising-our-performance/section/3"));
    check(actions::led_by(store, "SPMO"));
    check(actions::led_by(store, "nick hackney"));
    check(actions::led_by(store, "Director for Resources"));
    check(actions::delivered_by(store, "PIO"));
    // Every name an officer goes by, as written and in capitals, and the empty name (which
    // some officers' missing abbreviation would otherwise match): the lists are exact.
    std::vector<std::string> names = {"", "no such officer"};
    for (const auto& officer : store.officers()) {
        names.insert(names.end(), {officer.id, officer.abbreviation, officer.post});
        for (const auto& holder : officer.holders) {
            names.push_back(holder.name);
        }
    }
    std::size_t led = 0;
    for (const auto& name : names) {
        std::string capitals = name;
        for (char& c : capitals) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        for (const auto& written : {name, capitals}) {
            INFO(written);
            check(actions::led_by(store, written));
            check(actions::delivered_by(store, written));
            led += scanned(all, actions::led_by(store, written)).empty() ? 0 : 1;
        }
    }
    CHECK(led > 10);
    check(actions::tagged(store, "pr"));
    check(actions::addressing(store, "cannock-chase/dot-plan-2008-09/rec-2"));
    check(actions::with_lifecycle(store, bestvalue::Lifecycle::completed, july_2003));
    check(actions::with_lifecycle(store, bestvalue::Lifecycle::completed, march_2009));
    check(actions::with_health(store, bestvalue::Health::red, july_2003));
    check(actions::overdue_on(store, march_2009));
    check(actions::overdue_on(store, july_2003));
    for (const auto comparison : {bestvalue::Comparison::less, bestvalue::Comparison::less_equal,
                                  bestvalue::Comparison::equal, bestvalue::Comparison::greater,
                                  bestvalue::Comparison::greater_equal}) {
        check(actions::due_compared(store, comparison, Date(2009, 3, 31)));
    }
    check(actions::due_within(store, bestvalue::parse_period("2009/10", march_2009)));

    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::tagged(store, "CPA"),
                       bestvalue::recommendations(store));
    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::by_assessor(store, "audit-commission"),
                       bestvalue::recommendations(store));
    check_against_scan(store.recommendations(),
                       bestvalue::recommendation_filters::of_subject(store, "oxfordshire"),
                       bestvalue::recommendations(store));
    check_against_scan(store.assessments(),
                       bestvalue::assessment_filters::by_assessor(store, "ofsted"),
                       bestvalue::assessments(store));
    check_against_scan(store.assessments(),
                       bestvalue::assessment_filters::of_subject(store, "city-council-2003"),
                       bestvalue::assessments(store));
    check_against_scan(store.ratings(), bestvalue::rating_filters::on_scale(store, "cpa-score"),
                       bestvalue::ratings(store));
    check_against_scan(store.ratings(), bestvalue::rating_filters::of_subject(store, "oxfordshire"),
                       bestvalue::ratings(store));
}

TEST_CASE("the index follows the store: built on add, kept by copies, untouched by a failed add",
          "[index]") {
    Store store;
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").empty());
    const auto empty_generation = store.index().generation();
    bestvalue::read_json_file(store, bestvalue::testing::examples_dir() +
                                         "003-rochford-cpa-improvement-plan-2009.json");
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    const auto loaded_generation = store.index().generation();
    CHECK(loaded_generation != empty_generation);
    CHECK(loaded_generation != 0);
    const Store copy = store;
    CHECK(copy.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    CHECK(copy.index().generation() == loaded_generation);
    // The same document in another store is another index.
    Store again;
    bestvalue::read_json_file(again, bestvalue::testing::examples_dir() +
                                         "003-rochford-cpa-improvement-plan-2009.json");
    CHECK(again.index().generation() != loaded_generation);
    CHECK(copy.index().officers_named("spmo") == std::vector<std::string>{"rochford/officer/spmo"});

    // A document that fails leaves the index as it was, with the contents.
    CHECK_THROWS_AS(bestvalue::read_json(store, R"({"bestvalue": "1", "actions": [
        {"id": "rochford/cpa-plan-2009/9.9", "plan": "no-such-plan"}]})"),
                    bestvalue::ValidationError);
    CHECK(store.index().actions_in_plan("no-such-plan").empty());
    CHECK(store.index().actions_in_plan("rochford/cpa-plan-2009").size() == 30);
    CHECK(store.index().generation() == loaded_generation);
    CHECK(store.index().actions_by_due().size() ==
          static_cast<std::size_t>(std::count_if(
              store.actions().begin(), store.actions().end(),
              [](const bestvalue::ActionView& action) { return action.due_end().has_value(); })));

    // A successful add is a new index.
    bestvalue::read_json(store, R"({"bestvalue": "1", "organisations": [
        {"id": "elsewhere", "name": "Elsewhere"}]})");
    CHECK(store.index().generation() != loaded_generation);
    CHECK(store.index().generation() != again.index().generation());
}

TEST_CASE("due ranges are counted without listing, with empty ranges and open ends", "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    const auto& index = store.index();
    // What a scan finds: the actions whose due's last day is within [from, to].
    const auto scanned_due = [&](std::optional<Date> from, std::optional<Date> to) {
        Handles found;
        for (std::uint32_t handle = 0; handle < store.actions().size(); ++handle) {
            const auto end = store.actions()[handle].due_end();
            if (end && (!from || !(*end < *from)) && (!to || !(*to < *end))) {
                found.push_back(handle);
            }
        }
        return found;
    };
    REQUIRE(!index.actions_by_due().empty());
    const Date first_due = index.actions_by_due().front().first;
    const Date last_due = index.actions_by_due().back().first;
    const auto one_day = boost::gregorian::days(1);
    const std::vector<std::pair<std::optional<Date>, std::optional<Date>>> ranges = {
        {std::nullopt, std::nullopt},          // everything with a due
        {std::nullopt, Date(2009, 3, 31)},     // open start
        {Date(2009, 3, 31), std::nullopt},     // open end
        {Date(2004, 4, 1), Date(2009, 3, 31)}, // both ends
        {first_due, first_due},                // one day, the first due
        {last_due, last_due},                  // one day, the last due
        {std::nullopt, first_due - one_day},   // before every due: empty
        {last_due + one_day, std::nullopt},    // after every due: empty
        {Date(2009, 3, 31), Date(2004, 4, 1)}, // ends the wrong way round: empty
    };
    for (const auto& [from, to] : ranges) {
        const Handles expected = scanned_due(from, to);
        CHECK(index.actions_due_within(from, to) == expected);
        CHECK(index.count_actions_due_within(from, to) == expected.size());
    }
    CHECK(index.count_actions_due_within(std::nullopt, std::nullopt) ==
          index.actions_by_due().size());
    CHECK(index.count_actions_due_within(std::nullopt, first_due - one_day) == 0);
    CHECK(index.count_actions_due_within(last_due + one_day, std::nullopt) == 0);

    namespace actions = bestvalue::action_filters;
    // A due before every due (and after every due) leaves nothing, with or without other filters.
    CHECK(bestvalue::actions(store)
              .where(actions::due_compared(store, bestvalue::Comparison::less, first_due))
              .handles()
              .empty());
    CHECK(bestvalue::actions(store)
              .where(actions::in_organisation(store, "cannock-chase"))
              .where(actions::due_compared(store, bestvalue::Comparison::greater, last_due))
              .handles()
              .empty());
    const auto due_filter = actions::due_compared(store, bestvalue::Comparison::less, first_due);
    CHECK(due_filter.candidate_count() == std::optional<std::size_t>(0));
}

TEST_CASE("candidates listed on demand are listed only when they are the fewest", "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    namespace actions = bestvalue::action_filters;
    const auto all = static_cast<std::uint32_t>(store.actions().size());
    REQUIRE(all > 10);
    int listed = 0;
    // Passes the actions with an even handle; its candidates are every action.
    const auto even = [&store, &listed](std::size_t count) {
        return bestvalue::ActionFilter(
            [](const bestvalue::ActionView& action) { return action.position() % 2 == 0; }, count,
            [&store, &listed] {
                ++listed;
                Handles handles(store.actions().size());
                for (std::uint32_t handle = 0; handle < handles.size(); ++handle) {
                    handles[handle] = handle;
                }
                return handles;
            });
    };
    const Handles few = {1, 2, 3, 4, 9};

    // Fewer held candidates: they are tested, the long list is never made.
    CHECK(
        bestvalue::actions(store)
            .where(even(all))
            .where(bestvalue::ActionFilter([](const bestvalue::ActionView&) { return true; }, few))
            .handles() == Handles{2, 4});
    CHECK(listed == 0);

    // Alone, or the fewest, it is listed once and its test still applies.
    Handles evens;
    for (std::uint32_t handle = 0; handle < all; handle += 2) {
        evens.push_back(handle);
    }
    CHECK(bestvalue::actions(store).where(even(all)).handles() == evens);
    CHECK(listed == 1);
    CHECK(bestvalue::actions(store)
              .where(even(3))
              .where(actions::in_plan(store, "no-such-plan"))
              .handles()
              .empty());
    CHECK(listed == 1); // the plan's empty list is fewer

    // A filter with no candidates at all gives nothing, whatever else is asked.
    const bestvalue::ActionFilter nothing([](const bestvalue::ActionView&) { return true; },
                                          Handles{});
    CHECK(nothing.candidate_count() == std::optional<std::size_t>(0));
    CHECK(bestvalue::actions(store).where(even(all)).where(nothing).handles().empty());
    CHECK(listed == 1);

    // Held, listed and absent candidates, as `candidates()` gives them.
    CHECK(nothing.candidates() == std::optional<Handles>(Handles{}));
    CHECK(even(all).candidates() == std::optional<Handles>(bestvalue::actions(store).handles()));
    CHECK(listed == 2);
    const bestvalue::ActionFilter untested([](const bestvalue::ActionView&) { return true; });
    CHECK_FALSE(untested.has_candidates());
    CHECK_FALSE(untested.candidates().has_value());
    CHECK(untested.held_candidates() == nullptr);
}

TEST_CASE("scheduled periods and text search give candidates that find what a scan finds",
          "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    using bestvalue::Period;
    namespace assessments = bestvalue::assessment_filters;
    std::size_t periods_found = 0;
    const auto check_scheduled = [&](const Period& period) {
        const auto filter = assessments::scheduled_within(store, period);
        check_against_scan(store.assessments(), filter, bestvalue::assessments(store));
        // The count bounds the list (an assessment may have several periods in the range).
        REQUIRE(filter.candidate_count().has_value());
        CHECK(*filter.candidate_count() >= filter.candidates()->size());
        periods_found += scanned(store.assessments(), filter).size();
    };
    for (int year = 2000; year <= 2010; ++year) {
        check_scheduled(Period::year(year));
        for (int month = 1; month <= 12; ++month) {
            check_scheduled(Period::month(year, month));
        }
        check_scheduled(Period::by(Date(year, 3, 31))); // an open start takes every start before
    }
    check_scheduled(Period(Date(2003, 1, 1), Date(2009, 12, 31), bestvalue::Precision::day));
    CHECK(periods_found > 0); // the papers schedule inspections, so some checks found some
    // A range ending before it starts, and one before every schedule, have no candidates.
    CHECK(assessments::scheduled_within(store, Period::year(1990)).candidate_count() ==
          std::optional<std::size_t>(0));
    // With a more selective filter the query still agrees with a scan.
    const auto by_commission = assessments::by_assessor(store, "audit-commission");
    for (int year = 2002; year <= 2006; ++year) {
        const auto within = assessments::scheduled_within(store, Period::year(year));
        Handles expected;
        for (std::uint32_t handle = 0; handle < store.assessments().size(); ++handle) {
            const auto& assessment = store.assessments()[handle];
            if (within(assessment) && by_commission(assessment)) {
                expected.push_back(handle);
            }
        }
        CHECK(bestvalue::assessments(store).where(within).where(by_commission).handles() ==
              expected);
    }

    // Text search: every action could match, so its count is the collection and its list is
    // exactly the matches; with a selective filter it is tested, not listed.
    namespace actions = bestvalue::action_filters;
    for (const char* words : {"data quality", "PERFORMANCE", "recycl", "3.1", "zzz-none"}) {
        const auto filter = actions::text_contains(store, words);
        check_against_scan(store.actions(), filter, bestvalue::actions(store));
        CHECK(filter.candidate_count() == std::optional<std::size_t>(store.actions().size()));
        CHECK(*filter.candidates() == scanned(store.actions(), filter));
        const auto organisation = actions::in_organisation(store, "cannock-chase");
        Handles expected;
        for (const auto handle : scanned(store.actions(), organisation)) {
            if (filter(store.actions()[handle])) {
                expected.push_back(handle);
            }
        }
        CHECK(bestvalue::actions(store).where(filter).where(organisation).handles() == expected);
    }
}

TEST_CASE("text search reads the actions' texts end to end as each action's own", "[index]") {
    // A match may not run from one text into the next, nor from one action into the next; a
    // text may hold a NUL; the last action's last text ends the buffer.
    Store store;
    bestvalue::read_json(store, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "Plan"}],
  "actions": [{"id": "p/1", "plan": "p", "ref": "AB", "title": "cd", "text": "ef"},
              {"id": "p/2", "plan": "p", "title": "nul\u0000in title", "text": "Recycling"},
              {"id": "p/3", "plan": "p"},
              {"id": "p/4", "plan": "p", "ref": "gh", "text": "recycling RECYCLING"}]})");
    namespace actions = bestvalue::action_filters;
    const auto& index = store.index();
    CHECK(index.actions_containing("ab") == Handles{0});
    CHECK(index.actions_containing("bc") == Handles{}); // ref then title
    CHECK(index.actions_containing("fg") == Handles{}); // one action then the next
    CHECK(index.actions_containing("recycling") == Handles{1, 3});
    CHECK(index.actions_containing("LINGR") == Handles{});
    CHECK(index.actions_containing("title") == Handles{1});
    CHECK(index.actions_containing("") == Handles{0, 1, 2, 3});
    CHECK(index.actions_containing(std::string("l\0i", 3)) == std::nullopt);
    const std::vector<std::string> searched = {"ab",
                                               "bc",
                                               "recycling",
                                               "",
                                               "title",
                                               std::string("cd\0ef", 5),
                                               std::string("l\0i", 3),
                                               std::string("\0", 1)};
    for (const auto& words : searched) {
        INFO("words '" << words << "'");
        const auto filter = actions::text_contains(store, words);
        CHECK(*filter.candidates() == scanned(store.actions(), filter));
    }
    CHECK(*actions::text_contains(store, std::string("l\0i", 3)).candidates() == Handles{1});

    // And on the five papers, words found in refs, titles and texts in both cases.
    const Store& papers = bestvalue::testing::five_papers();
    for (const char* words : {"data", "QUALITY", "1.", "council", "e", "zz"}) {
        INFO("words '" << words << "'");
        const auto filter = actions::text_contains(papers, words);
        CHECK(papers.index().actions_containing(words) == scanned(papers.actions(), filter));
        // Its exact matches are not tested again, but the query's other filters still are.
        const bestvalue::ActionFilter titled = [](const bestvalue::ActionView& action) {
            return action.title().size() % 2 == 0;
        };
        Handles expected;
        for (const auto handle : scanned(papers.actions(), filter)) {
            if (titled(papers.actions()[handle])) {
                expected.push_back(handle);
            }
        }
        CHECK(bestvalue::actions(papers).where(titled).where(filter).handles() == expected);
    }
}

TEST_CASE("the index gives each action's section as one view per section", "[index]") {
    // Counting by section compares these views: equal sections must be the same view, and
    // each must read as the action's own section.
    const Store& store = bestvalue::testing::five_papers();
    const auto& index = store.index();
    std::map<std::string, const char*> view_of_section;
    std::size_t without_section = 0;
    std::size_t shared = 0;
    for (std::uint32_t handle = 0; handle < store.actions().size(); ++handle) {
        const auto action = store.actions()[handle];
        INFO(action.id());
        const auto section = index.section_of_action(handle);
        REQUIRE(section.has_value());
        CHECK(*section == action.section());
        if (action.section().empty()) {
            ++without_section;
            continue;
        }
        const auto [known, added] =
            view_of_section.emplace(std::string(action.section()), section->data());
        if (!added) {
            CHECK(known->second == section->data());
            ++shared;
        }
        const auto plan = index.plan_of_action(handle);
        REQUIRE(plan.has_value());
        CHECK(index.plan_ids()[*plan] == action.plan());
    }
    CHECK(without_section == 0);
    CHECK(shared > 0);
    CHECK(view_of_section.size() > 10);
    CHECK_THROWS_AS(index.section_of_action(static_cast<std::uint32_t>(store.actions().size())),
                    std::out_of_range);

    // An action without a section, and one in a section below another (its own section, not
    // the one above), in the second of two plans.
    Store small;
    bestvalue::read_json(small, R"({"bestvalue": "1",
  "plans": [{"id": "p", "title": "P", "sections": [{"id": "p/s", "ref": "1", "title": "S"}]},
            {"id": "q", "title": "Q", "sections": [
                {"id": "q/1", "ref": "1", "title": "One"},
                {"id": "q/1/2", "ref": "1.2", "title": "Below", "parent": "q/1"}]}],
  "actions": [{"id": "q/a", "plan": "q", "section": "q/1/2"},
              {"id": "q/b", "plan": "q"},
              {"id": "p/a", "plan": "p", "section": "p/s"}]})");
    CHECK(small.index().section_of_action(0) == "q/1/2");
    CHECK(small.index().section_of_action(1) == "");
    CHECK(small.index().section_of_action(2) == "p/s");
}

TEST_CASE("text search skips actions by the byte pairs of their texts and misses no match",
          "[index]") {
    // The index reads only the texts of actions whose sets of adjacent byte pairs have every
    // pair of the words. Texts of random words, in both cases, with digits, punctuation and
    // bytes of UTF-8 (which no case folding touches), are searched for pieces of themselves
    // with their case changed, and for words nowhere: rare words, so that most actions are
    // skipped by their pairs alone, and what is found must be what a scan finds.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    std::uint32_t state = 12345;
    const auto next = [&state](std::uint32_t below) {
        state = state * 1664525U + 1013904223U; // the numerical recipes generator
        return (state >> 8U) % below;
    };
    // Enough different bytes that an action's texts set about half the 128 bits: most words
    // of three bytes or more then pass few actions' sets.
    std::vector<std::string> pieces = {"0", "7", ".", "-", " ", "\xC3\xA9", "\xC3\x89"};
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        pieces.emplace_back(1, letter);
        pieces.emplace_back(1, static_cast<char>(letter - 'a' + 'A'));
    }
    const auto random_text = [&](std::uint32_t length) {
        std::string text;
        while (text.size() < length) {
            text += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
        }
        return text;
    };
    constexpr std::uint32_t count = 400;
    for (std::uint32_t i = 0; i < count; ++i) {
        bestvalue::Action action = bestvalue::testing::council_action(i);
        action.ref = random_text(next(4));
        action.title = random_text(next(40));
        action.text = random_text(next(120));
        contents.actions.push_back(std::move(action));
    }
    Store store;
    store.add(std::move(contents));
    const auto& actions = store.actions();
    std::vector<std::string> searched;
    for (int i = 0; i < 300; ++i) {
        const auto action = actions[next(count)];
        const std::string_view text =
            std::array{action.ref(), action.title(), action.text()}[next(3)];
        if (text.size() < 2) {
            continue;
        }
        const std::uint32_t length = 2 + next(std::min<std::uint32_t>(10, text.size() - 1));
        // A third of the pieces begin the text and a third end it: a text's first and last
        // pairs count as much as any.
        const auto last_start = static_cast<std::uint32_t>(text.size()) - length;
        const std::uint32_t where = next(3);
        const std::uint32_t start = where == 0 ? 0 : where == 1 ? last_start : next(last_start + 1);
        std::string words(text.substr(start, length));
        for (char& c : words) {
            if (std::isalpha(static_cast<unsigned char>(c)) != 0 && next(2) == 0) {
                c = static_cast<char>(c ^ 0x20);
            }
        }
        searched.push_back(words);
        searched.push_back(random_text(2 + next(8)));
    }
    std::size_t rare = 0;
    std::size_t found = 0;
    namespace action_filters = bestvalue::action_filters;
    for (const auto& words : searched) {
        INFO("words '" << words << "'");
        const Handles expected = scanned(actions, action_filters::text_contains(store, words));
        CHECK(store.index().actions_containing(words) == expected);
        rare += expected.size() * 4 < count ? 1 : 0;
        found += expected.size();
    }
    // The words must be mostly rare, yet found: otherwise the test would not try the pairs.
    CHECK(rare * 2 > searched.size());
    CHECK(found > searched.size() / 2);
}

TEST_CASE("revision counts list only actions revised often enough, and agree with a scan",
          "[index]") {
    // The seed papers revise no due: twelve actions revised 0-3 times, made here, the revisions
    // made on the first days of October, November or December 2009 (listed latest first for
    // odd actions), and for every fourth action one undated revision (always known).
    std::vector<std::string> revised(12);
    for (int i = 0; i < 12; ++i) {
        std::string& revisions = revised[static_cast<std::size_t>(i)];
        const std::string month = std::to_string(10 + i % 3);
        for (int r = 0; r < i % 4; ++r) {
            const int day_of_month = i % 2 == 1 ? 4 - r : r + 1;
            revisions += std::string(revisions.empty() ? "" : ",") + "{" +
                         (i % 4 == 3 && r == 0 ? std::string()
                                               : "\"revised_on\": \"2009-" + month + "-0" +
                                                     std::to_string(day_of_month) + "\", ") +
                         R"("due": {"text": "2010", "periods": [{"start": "2010-01-01",
                            "end": "2010-12-31", "precision": "year", "text": "2010"}]}})";
        }
    }
    const Store store = store_of_revised_actions(revised);
    REQUIRE(store.actions().size() == 12);

    namespace actions = bestvalue::action_filters;
    using bestvalue::Comparison;
    std::size_t revised_found = 0;
    const std::vector<Date> days{Date(2009, 1, 1),  Date(2009, 10, 2), Date(2009, 10, 3),
                                 Date(2009, 11, 2), Date(2009, 11, 3), Date(2009, 12, 1),
                                 Date(2009, 12, 4), Date(2030, 1, 1)};
    // The index's lists by the day each revision is known from agree with counting each
    // action's revisions known on the day, and count what they list.
    for (const Date day : days) {
        for (std::size_t revisions = 1; revisions <= 4; ++revisions) {
            Handles counted;
            for (std::uint32_t action = 0; action < store.actions().size(); ++action) {
                if (bestvalue::revisions_known_on(store.actions()[action], day) >= revisions) {
                    counted.push_back(action);
                }
            }
            CHECK(store.index().actions_with_revisions_known_on(revisions, day) == counted);
            CHECK(store.index().count_actions_with_revisions_known_on(revisions, day) ==
                  counted.size());
        }
    }
    CHECK_THROWS_AS(store.index().actions_with_revisions_known_on(0, Date(2009, 1, 1)),
                    std::invalid_argument);
    CHECK_THROWS_AS(store.index().count_actions_with_revisions_known_on(1, Date()),
                    std::invalid_argument);
    // Not a date: the filter counts each action's revisions as slippage does.
    std::vector<Date> filter_days = days;
    filter_days.push_back(Date());
    for (const Date day : filter_days) {
        for (const Comparison comparison :
             {Comparison::less, Comparison::less_equal, Comparison::equal, Comparison::not_equal,
              Comparison::greater, Comparison::greater_equal}) {
            for (std::int64_t count = 0; count <= 4; ++count) {
                const auto filter = actions::revised(store, comparison, count, day);
                // Candidates may only be given where an unrevised action cannot pass.
                const bool zero_passes = bestvalue::compares<std::int64_t>(0, comparison, count);
                CHECK_FALSE((zero_passes && filter.has_candidates()));
                if (filter.has_candidates()) {
                    check_against_scan(store.actions(), filter, bestvalue::actions(store));
                } else {
                    CHECK(bestvalue::actions(store).where(filter).handles() ==
                          scanned(store.actions(), filter));
                }
                if (comparison == Comparison::greater_equal && count >= 1) {
                    revised_found += scanned(store.actions(), filter).size();
                }
            }
        }
    }
    CHECK(revised_found > 0); // some actions had revisions known, so the lists were not empty
    // The comparisons that need a revision are the ones listed from the index.
    const Date day(2030, 1, 1);
    for (const auto& [comparison, count] :
         std::vector<std::pair<Comparison, std::int64_t>>{{Comparison::greater_equal, 2},
                                                          {Comparison::greater, 0},
                                                          {Comparison::equal, 1},
                                                          {Comparison::not_equal, 0}}) {
        const auto filter = actions::revised(store, comparison, count, day);
        CHECK(filter.has_candidates());
        // Listed as "at least so many": exactly what passes but for "=".
        CHECK(filter.candidate_kind() == (comparison == Comparison::equal
                                              ? bestvalue::Candidates::superset
                                              : bestvalue::Candidates::exact));
    }
    // With three revisions known by 2030, '>= 3' lists actions 4, 8 and 12 only.
    CHECK(*actions::revised(store, Comparison::greater_equal, 3, day).candidates() ==
          Handles{3, 7, 11});
}

TEST_CASE("the addressed test gives a copy of a recommendation the answer the original gets",
          "[index]") {
    // The store's own recommendations are read by handle (their address); a copy, which lies
    // elsewhere, is looked up by id: both must agree.
    const Store& store = bestvalue::testing::five_papers();
    const auto addressed = bestvalue::recommendation_filters::addressed(store);
    std::size_t addressed_count = 0;
    for (const auto& recommendation : store.recommendations()) {
        const bestvalue::Recommendation copy = recommendation;
        CHECK(addressed(copy) == addressed(recommendation));
        addressed_count += addressed(recommendation) ? 1 : 0;
    }
    CHECK(addressed_count > 0);
    // The papers address every recommendation they make; one nothing addresses, added to a
    // copy of the store, is unaddressed both ways.
    Store more = store;
    bestvalue::read_json(more, R"({"bestvalue": "1", "recommendations": [
        {"id": "unaddressed/rec-1", "text": "Nobody has taken this on."}]})");
    const auto addressed_in_more = bestvalue::recommendation_filters::addressed(more);
    const auto& added = more.recommendations().back();
    REQUIRE(added.id == "unaddressed/rec-1");
    const bestvalue::Recommendation added_copy = added;
    CHECK_FALSE(addressed_in_more(added));
    CHECK_FALSE(addressed_in_more(added_copy));
    CHECK(addressed_in_more(more.recommendations().front()));
}

TEST_CASE("a filter's failing candidates serve its negation, listed only when the fewest",
          "[index]") {
    const Store& store = bestvalue::testing::five_papers();
    const auto all = static_cast<std::uint32_t>(store.actions().size());
    REQUIRE(all > 10);
    Handles odds;
    for (std::uint32_t handle = 1; handle < all; handle += 2) {
        odds.push_back(handle);
    }
    int listed = 0;
    // Passes the actions with an even handle; those that fail it are listed on demand.
    const auto even = [&] {
        return bestvalue::ActionFilter(
                   [](const bestvalue::ActionView& action) { return action.position() % 2 == 0; })
            .with_failing(odds.size(), [&odds, &listed] {
                ++listed;
                return odds;
            });
    };
    CHECK_FALSE(even().has_candidates()); // the filter itself still scans
    const auto odd = even().negated();
    REQUIRE(odd.candidate_count() == std::optional<std::size_t>(odds.size()));
    CHECK(odd.candidate_kind() == bestvalue::Candidates::superset); // unless said exact
    CHECK(listed == 0);
    CHECK(bestvalue::actions(store).where(odd).handles() == odds);
    CHECK(listed == 1);
    // Fewer held candidates are tested instead; the negation's list is never made.
    const Handles few = {1, 2, 3, 4, 9};
    CHECK(
        bestvalue::actions(store)
            .where(odd)
            .where(bestvalue::ActionFilter([](const bestvalue::ActionView&) { return true; }, few))
            .handles() == Handles{1, 3, 9});
    CHECK(listed == 1);
    // Said exact, the negation's list is the answer, not tested again: one that passes the
    // filter, listed among those that fail it, shows that.
    const auto exact_odd = bestvalue::ActionFilter([](const bestvalue::ActionView& action) {
                               return action.position() % 2 == 0;
                           })
                               .with_failing(
                                   3,
                                   [] {
                                       return Handles{1, 2, 3};
                                   },
                                   bestvalue::Candidates::exact)
                               .negated();
    CHECK(exact_odd.candidate_kind() == bestvalue::Candidates::exact);
    CHECK(bestvalue::actions(store).where(exact_odd).handles() == Handles{1, 2, 3});
    // Without failing candidates, a negation has none.
    const bestvalue::ActionFilter plain([](const bestvalue::ActionView&) { return true; });
    CHECK_FALSE(plain.negated().has_candidates());
    CHECK(bestvalue::actions(store).where(plain.negated()).handles().empty());
}

TEST_CASE("'not addressed' lists the unaddressed recommendations and finds what a scan finds",
          "[index]") {
    // The papers address every recommendation they make: three more that nothing addresses,
    // two of them tagged as one of the papers' recommendations is.
    Store store = bestvalue::testing::five_papers();
    const auto papers = static_cast<std::uint32_t>(store.recommendations().size());
    const std::string tag = store.recommendations().front().source_tag;
    REQUIRE_FALSE(tag.empty());
    bestvalue::read_json(store, R"({"bestvalue": "1", "recommendations": [
        {"id": "unaddressed/rec-1", "text": "Nobody has taken this on.", "source_tag": ")" +
                                    tag + R"("},
        {"id": "unaddressed/rec-2", "text": "Nor this."},
        {"id": "unaddressed/rec-3", "text": "Nor this one.", "source_tag": ")" +
                                    tag + R"("}]})");
    namespace recommendations = bestvalue::recommendation_filters;
    const auto addressed = recommendations::addressed(store);
    const auto not_addressed = addressed.negated();
    check_against_scan(store.recommendations(), not_addressed, bestvalue::recommendations(store));
    const Handles unaddressed = {papers, papers + 1, papers + 2};
    CHECK(scanned(store.recommendations(), not_addressed) == unaddressed);
    CHECK(*not_addressed.candidates() == unaddressed);
    CHECK(not_addressed.candidate_kind() == bestvalue::Candidates::exact);
    CHECK_FALSE(addressed.has_candidates());
    CHECK(bestvalue::recommendations(store).where(addressed).handles().size() == papers);
    // With another filter, in either order, the answer is the scan's.
    const auto tagged = recommendations::tagged(store, tag);
    Handles expected;
    for (const auto handle : scanned(store.recommendations(), tagged)) {
        if (not_addressed(store.recommendations()[handle])) {
            expected.push_back(handle);
        }
    }
    CHECK(expected == Handles{papers, papers + 2});
    CHECK(bestvalue::recommendations(store).where(not_addressed).where(tagged).handles() ==
          expected);
    CHECK(bestvalue::recommendations(store).where(tagged).where(not_addressed).handles() ==
          expected);
    CHECK(bestvalue::recommendations(store).not_addressed().handles() == unaddressed);
    // The language, with and without the tag, and a count.
    const auto asked = [&](std::string_view query) {
        return bestvalue::run_query(store, query, Date(2026, 1, 1));
    };
    CHECK(asked("recommendations where not addressed").ids ==
          std::vector<std::string>{"unaddressed/rec-1", "unaddressed/rec-2", "unaddressed/rec-3"});
    CHECK(asked("recommendations where not addressed and tag = \"" + tag + "\"").ids ==
          std::vector<std::string>{"unaddressed/rec-1", "unaddressed/rec-3"});
    CHECK(asked("count recommendations where not addressed").counts.at("") == 3);
}

TEST_CASE("the revision-count test gives a copy of an action the answer the original gets",
          "[index]") {
    // Four actions revised 0-3 times, the revisions made in October 2009.
    std::vector<std::string> revised(4);
    for (int i = 0; i < 4; ++i) {
        std::string& revisions = revised[static_cast<std::size_t>(i)];
        for (int r = 0; r < i; ++r) {
            revisions += std::string(revisions.empty() ? "" : ",") +
                         R"({"revised_on": "2009-10-0)" + std::to_string(r + 1) +
                         R"(", "due": {"text": "2010"}})";
        }
    }
    const Store store = store_of_revised_actions(revised);
    REQUIRE(store.actions().size() == 4);
    using bestvalue::Comparison;
    std::size_t passed = 0;
    for (const Date day : {Date(2009, 1, 1), Date(2009, 10, 2), Date(2030, 1, 1)}) {
        for (std::int64_t count = 0; count <= 3; ++count) {
            const auto filter =
                bestvalue::action_filters::revised(store, Comparison::greater_equal, count, day);
            for (const auto action : store.actions()) {
                // A copy in a table of its own, not one of the store's actions.
                bestvalue::ActionTable own;
                own.push_back(action.value());
                const bestvalue::ActionView copy = own[0];
                CHECK(filter(copy) == filter(action));
                // The plain count of revisions known on the day, read from the action.
                CHECK(filter(action) == (static_cast<std::int64_t>(
                                             bestvalue::revisions_known_on(action, day)) >= count));
                passed += filter(action) ? 1 : 0;
            }
        }
    }
    CHECK(passed > 12); // more than the '>= 0' that every action passes
    // On a day before any revision no action is a candidate.
    CHECK(store.index().revised_actions() == Handles{1, 2, 3});
    // Past the last action, the dues' accessors refuse the handle, as the other lists do.
    CHECK(store.index().revision_days(3).size() == 3);
    CHECK(store.index().settled_due(3).revisions == 3);
    CHECK_THROWS_AS(store.index().revision_days(4), std::out_of_range);
    CHECK_THROWS_AS(store.index().settled_due(4), std::out_of_range);
    CHECK_THROWS_AS(store.index().original_due_end(4), std::out_of_range);
    CHECK_THROWS_AS(store.index().due_end(4), std::out_of_range);
    const auto filter =
        bestvalue::action_filters::revised(store, Comparison::greater_equal, 1, Date(2009, 1, 1));
    CHECK(filter.candidate_count() == std::optional<std::size_t>(0));
    CHECK(filter.candidates() == std::optional<Handles>(Handles{}));
    // The candidates are counted from the index, exactly, before they are listed.
    CHECK(bestvalue::action_filters::revised(store, Comparison::greater_equal, 1, Date(2030, 1, 1))
              .candidate_count() == std::optional<std::size_t>(3));
    CHECK(bestvalue::action_filters::revised(store, Comparison::greater_equal, 2, Date(2030, 1, 1))
              .candidate_count() == std::optional<std::size_t>(2));
    CHECK(*bestvalue::action_filters::revised(store, Comparison::equal, 2, Date(2009, 10, 2))
               .candidates() == Handles{2, 3});
}

TEST_CASE("scheduled within is answered from the index exactly, and counts by assessor or "
          "subject from the index equal a plain count",
          "[index]") {
    // The papers' assessments, with hundreds more: periods that start within a year but end
    // after it, open-started ones, several per assessment; no assessor, one, several, one
    // listed twice.
    Store store = bestvalue::testing::five_papers();
    using bestvalue::Period;
    std::vector<std::string> organisations;
    for (const auto& organisation : store.organisations()) {
        organisations.push_back(organisation.id);
    }
    REQUIRE(organisations.size() >= 3);
    std::uint32_t random = 2024;
    const auto next = [&random](std::uint32_t below) {
        random = random * 1664525U + 1013904223U;
        return (random >> 8) % below;
    };
    const auto organisation = [&] {
        return organisations[next(static_cast<std::uint32_t>(organisations.size()))];
    };
    bestvalue::Contents more;
    for (std::uint32_t i = 0; i < 600; ++i) {
        bestvalue::Assessment assessment;
        assessment.id = "generated/assessment-" + std::to_string(i);
        assessment.title = "Inspection " + std::to_string(i);
        assessment.subject = organisation();
        for (std::uint32_t count = next(4); count > 0; --count) {
            assessment.assessors.push_back(organisation());
        }
        if (!assessment.assessors.empty() && next(5) == 0) {
            assessment.assessors.push_back(assessment.assessors.front());
        }
        if (next(8) != 0) {
            bestvalue::DateText scheduled;
            scheduled.text = "generated";
            for (std::uint32_t count = 1 + next(2); count > 0; --count) {
                const Date start = Date(2002, 1, 1) + boost::gregorian::days(next(5 * 365));
                switch (next(3)) {
                case 0:
                    scheduled.periods.push_back(Period::month(static_cast<int>(start.year()),
                                                              static_cast<int>(start.month())));
                    break;
                case 1:
                    scheduled.periods.emplace_back(start, start + boost::gregorian::days(next(120)),
                                                   bestvalue::Precision::day_range);
                    break;
                default:
                    scheduled.periods.push_back(Period::by(start));
                    break;
                }
            }
            assessment.scheduled = std::move(scheduled);
        }
        more.assessments.push_back(std::move(assessment));
    }
    store.add(std::move(more));
    const auto& assessments = store.assessments();

    // Plain: each matching assessment once under each value it lists, or under "" if none.
    const auto plain_counts = [&](const Handles& matching, bestvalue::AssessmentField field) {
        std::map<std::string, std::size_t> counts;
        for (const auto handle : matching) {
            const auto& assessment = assessments[handle];
            std::vector<std::string> values = field == bestvalue::AssessmentField::subject
                                                  ? std::vector<std::string>{assessment.subject}
                                                  : assessment.assessors;
            std::sort(values.begin(), values.end());
            values.erase(std::unique(values.begin(), values.end()), values.end());
            if (values.empty()) {
                values.emplace_back();
            }
            for (const auto& value : values) {
                ++counts[value];
            }
        }
        return counts;
    };
    std::size_t ending_after = 0;
    std::size_t many = 0;
    std::size_t few = 0;
    const auto check = [&](const Period& period) {
        INFO(period.describe());
        const auto filter = bestvalue::assessment_filters::scheduled_within(store, period);
        const Handles expected = scanned(assessments, filter);
        // Exact: the candidates are what a scan finds, so the query does not test them again.
        CHECK(filter.candidate_kind() == bestvalue::Candidates::exact);
        CHECK(filter.candidates() == std::optional<Handles>(expected));
        CHECK(*filter.candidate_count() >= expected.size());
        ending_after += *filter.candidate_count() - expected.size();
        auto query = bestvalue::assessments(store);
        query.where(filter);
        CHECK(query.handles() == expected);
        // Counted by assessor and by subject, from the index when the matches are many.
        for (const auto field :
             {bestvalue::AssessmentField::assessor, bestvalue::AssessmentField::subject}) {
            CHECK(query.count_by(field, Date(2009, 3, 18)) == plain_counts(expected, field));
        }
        (expected.size() * 16 >= assessments.size() ? many : few) += 1;
    };
    for (int year = 2001; year <= 2008; ++year) {
        check(Period::year(year));
        check(
            Period(Date(year, 4, 1), Date(year + 1, 3, 31), bestvalue::Precision::financial_year));
        for (int month = 1; month <= 12; month += 5) {
            check(Period::month(year, month));
        }
        check(Period::by(Date(year, 9, 30)));
    }
    check(Period(Date(2000, 1, 1), Date(2010, 12, 31), bestvalue::Precision::day_range));
    // Periods that start within a range and end after it were met and left out, and both ways
    // of counting were taken.
    CHECK(ending_after > 50);
    CHECK(many > 5);
    CHECK(few > 5);
    // Every assessment, counted from the index, against the plain count.
    Handles all(assessments.size());
    std::iota(all.begin(), all.end(), 0U);
    for (const auto field :
         {bestvalue::AssessmentField::assessor, bestvalue::AssessmentField::subject}) {
        CHECK(bestvalue::assessments(store).count_by(field, Date(2009, 3, 18)) ==
              plain_counts(all, field));
    }
}

TEST_CASE("text search over more text than one core reads finds what a scan finds", "[index]") {
    // About 40 MB of action text: on a machine of two cores or more the index reads it in parts
    // at once (a part is at least 16 MB), and each part's matches must be the scan's, the
    // actions at the parts' edges included.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    constexpr std::size_t count = 20'000;
    const std::string filler(2'000, 'x');
    for (std::size_t i = 0; i < count; ++i) {
        bestvalue::Action action = bestvalue::testing::council_action(i);
        // Every seventh action's title speaks of recycling, in one case or another; every
        // eleventh's text ends with it; the filler around makes each action about 2 KB.
        action.title = i % 7 == 0 ? (i % 2 == 0 ? "Recycling rates" : "more RECYCLING") : "Roads";
        action.text = filler + (i % 11 == 0 ? " recycling" : "");
        contents.actions.push_back(std::move(action));
    }
    Store store;
    store.add(std::move(contents));
    // For so many actions the texts and ids are laid out beside the rest of the index, on a
    // thread of their own: the ids are still the actions' own, in order.
    REQUIRE(store.index().action_ids().size() == count);
    std::size_t ids_apart = 0;
    for (std::uint32_t handle = 0; handle < count; ++handle) {
        ids_apart += store.index().action_ids()[handle] == store.actions()[handle].id() ? 0 : 1;
    }
    CHECK(ids_apart == 0);
    for (const std::string words :
         {"recycling", "x recycling", "Roads", "19999", "x", "", "no such words"}) {
        Handles scanned_handles;
        for (std::uint32_t handle = 0; handle < count; ++handle) {
            const auto action = store.actions()[handle];
            const auto holds = [&](std::string_view text) {
                std::string lower(text);
                std::string wanted = words;
                for (auto* each : {&lower, &wanted}) {
                    std::transform(each->begin(), each->end(), each->begin(), [](unsigned char c) {
                        return static_cast<char>(std::tolower(c));
                    });
                }
                return lower.find(wanted) != std::string::npos;
            };
            if (holds(action.ref()) || holds(action.title()) || holds(action.text())) {
                scanned_handles.push_back(handle);
            }
        }
        INFO("words: " << words);
        CHECK(store.index().actions_containing(words) == scanned_handles);
    }
}

TEST_CASE("an index built beside its actions files dues, plans, officers, assessments, ratings "
          "and the ids actions list",
          "[index]") {
    // 20,000 actions: the index lays out the texts, files the actions by the ids they list,
    // reads the dues and files the other collections on a thread of its own beside the actions
    // (16,384 or more). What it files there must be what the collection holds.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    contents.organisations.push_back(contents.organisations.front());
    contents.organisations.back().id = "auditor";
    const bestvalue::Officer officer =
        bestvalue::testing::officer("council/officer/cex", "council", "Chief Executive", "CEX");
    contents.officers.push_back(officer);
    const bestvalue::Officer deputy =
        bestvalue::testing::officer("council/officer/dcx", "council", "Deputy", "DCX");
    contents.officers.push_back(deputy);
    for (const char* id : {"council/rec/1", "council/rec/2"}) {
        bestvalue::Recommendation recommendation;
        recommendation.id = id;
        recommendation.text = "Improve";
        contents.recommendations.push_back(recommendation);
    }
    constexpr std::size_t count = 20'000;
    std::size_t revised = 0;
    Handles delivered;
    Handles tagged;
    Handles addressing;
    for (std::size_t i = 0; i < count; ++i) {
        bestvalue::Action action = bestvalue::testing::council_action(i);
        action.leads = {officer.id};
        if (i % 3 == 1) {
            action.delivery = {deputy.id, officer.id};
            delivered.push_back(static_cast<std::uint32_t>(i));
        }
        if (i % 7 == 2) {
            // Tags compare ignoring case: both spellings are one tag, each action once.
            action.source_tags = {i % 2 == 0 ? "RoP" : "rop", "ROP"};
            tagged.push_back(static_cast<std::uint32_t>(i));
        }
        if (i % 1000 == 999) {
            action.addresses = {"council/rec/2"};
            addressing.push_back(static_cast<std::uint32_t>(i));
        }
        if (i % 500 == 7) {
            action.due = bestvalue::parse_date_text("March 2005");
            for (const int month : {6, 9}) {
                bestvalue::DueRevision revision;
                revision.revised_on = Date(2005, month - 3, 1);
                revision.due =
                    bestvalue::parse_date_text(month == 6 ? "June 2005" : "September 2005");
                action.due_revisions.push_back(revision);
            }
            ++revised;
        }
        contents.actions.push_back(std::move(action));
    }
    bestvalue::Assessment assessment;
    assessment.id = "auditor/inspection";
    assessment.title = "Inspection";
    assessment.subject = "council";
    assessment.assessors = {"auditor"};
    assessment.scheduled = bestvalue::parse_date_text("Q3 2005/06");
    contents.assessments.push_back(assessment);
    for (const auto& [id, level, year] :
         {std::tuple{"council/2004", "good", 2004}, std::tuple{"council/2002", "fair", 2002},
          std::tuple{"council/2003", "weak", 2003}}) {
        bestvalue::Rating rating;
        rating.id = id;
        rating.subject = "council";
        rating.scale = "cpa-category";
        rating.level = level;
        rating.date = Date(year, 12, 1);
        contents.ratings.push_back(rating);
    }
    Store store;
    store.add(std::move(contents));
    const auto& index = store.index();

    CHECK(index.count_actions_with_revisions_known_on(2, Date(2005, 7, 1)) == revised);
    CHECK(index.count_actions_with_revisions_known_on(2, Date(2005, 4, 1)) == 0);
    CHECK(bestvalue::days_slipped_on(index, 7, Date(2005, 7, 1), bestvalue::Baseline::original) ==
          std::optional<std::int64_t>(183)); // 31 March to 30 September 2005
    CHECK(index.plans_of("council").size() == 1);
    CHECK(index.officers_named("cex") == std::vector<std::string>{officer.id});
    CHECK(index.actions_led_by(officer.id).size() == count);
    CHECK(index.actions_delivered_by(deputy.id) == delivered);
    CHECK(index.actions_delivered_by(officer.id) == delivered);
    CHECK(index.actions_tagged("Rop") == tagged);
    CHECK(index.actions_addressing("council/rec/2") == addressing);
    CHECK(index.actions_addressing("council/rec/1").empty());
    CHECK(index.recommendations_not_addressed() == Handles{0});
    CHECK(index.assessments_by("auditor") == Handles{0});
    CHECK(index.assessments_scheduled_within(Date(2005, 10, 1), Date(2005, 12, 31)) == Handles{0});
    const auto history = index.rating_history("council", "cpa-category");
    CHECK(std::vector<std::uint32_t>(history.begin(), history.end()) ==
          std::vector<std::uint32_t>{1, 2, 0});
}

TEST_CASE("an index rebuilt after updates alone shares what it read of the entities and answers "
          "as one built whole",
          "[index][pending]") {
    const bestvalue::Contents& all = bestvalue::testing::five_papers().contents();
    REQUIRE(all.progress.size() > 10);
    bestvalue::Contents entities = all;
    entities.progress.clear();
    const auto half = static_cast<std::ptrdiff_t>(all.progress.size() / 2);
    bestvalue::Contents first_updates;
    first_updates.progress.assign(all.progress.begin(), all.progress.begin() + half);
    bestvalue::Contents later_updates;
    later_updates.progress.assign(all.progress.begin() + half, all.progress.end());

    Store parts;
    parts.add(entities);
    const bestvalue::PackedTexts* ids = &parts.index().action_ids();
    const auto generation = parts.index().generation();
    parts.add(first_updates);
    parts.add(later_updates);
    // The same entities' part, not a copy of it; a new index all the same.
    CHECK(&parts.index().action_ids() == ids);
    CHECK(parts.index().generation() != generation);
    Store whole;
    whole.add(all);
    CHECK(&whole.index().action_ids() != ids);

    const auto& shared = parts.index();
    const auto& built = whole.index();
    std::vector<Date> days = {Date(2000, 1, 1), Date(2030, 1, 1)};
    for (const auto& update : all.progress) {
        days.push_back(update.as_of);
        days.push_back(update.as_of - boost::gregorian::days(1));
        days.push_back(update.recorded_on());
    }
    const auto actions = static_cast<std::uint32_t>(all.actions.size());
    for (std::uint32_t action = 0; action < actions; ++action) {
        INFO(all.actions[action].id);
        for (const Date day : days) {
            CHECK(shared.lifecycle_on(action, day) == built.lifecycle_on(action, day));
            CHECK(shared.health_on(action, day) == built.health_on(action, day));
            CHECK(shared.percent_update_on(action, day) == built.percent_update_on(action, day));
        }
    }
    for (std::uint32_t plan = 0; plan < all.plans.size(); ++plan) {
        CHECK(shared.action_count_of_plan(plan) == built.action_count_of_plan(plan));
        for (const Date day : days) {
            CHECK(shared.completed_in_plan_on(plan, day) == built.completed_in_plan_on(plan, day));
        }
    }
    for (int lifecycle = 0; lifecycle <= static_cast<int>(bestvalue::Lifecycle::superseded);
         ++lifecycle) {
        CHECK(shared.actions_ever(static_cast<bestvalue::Lifecycle>(lifecycle)) ==
              built.actions_ever(static_cast<bestvalue::Lifecycle>(lifecycle)));
    }
    for (int health = 0; health <= static_cast<int>(bestvalue::Health::blue); ++health) {
        CHECK(shared.actions_ever(static_cast<bestvalue::Health>(health)) ==
              built.actions_ever(static_cast<bestvalue::Health>(health)));
    }
    CHECK(shared.actions_without_plan() == built.actions_without_plan());
    // Some action was completed by the last update, so the updates were read again.
    CHECK_FALSE(shared.actions_ever(bestvalue::Lifecycle::completed).empty());

    // Sharing needs the same entities, and the updates filed still there.
    CHECK_THROWS_AS(bestvalue::StoreIndex(whole, Store().index()), std::invalid_argument);
    Store entities_alone;
    entities_alone.add(entities);
    CHECK_THROWS_AS(bestvalue::StoreIndex(entities_alone, parts.index()), std::invalid_argument);
}

TEST_CASE("the actions ever in a state are listed once each, in order, however their updates "
          "come",
          "[index]") {
    // The index adds an action to a state's list unless it is the last there: repeats that
    // are not next to each other must still come out once.
    bestvalue::Contents contents = bestvalue::testing::council_with_a_plan();
    for (std::size_t i = 0; i < 3; ++i) {
        contents.actions.push_back(bestvalue::testing::council_action(i));
    }
    const auto update = [&](std::size_t action, int day, std::optional<bestvalue::Health> health,
                            std::optional<bestvalue::Lifecycle> lifecycle) {
        bestvalue::ProgressUpdate made;
        made.subject = contents.actions[action].id;
        made.as_of = Date(2005, 1, day);
        made.health = health;
        made.lifecycle = lifecycle;
        contents.progress.push_back(made);
    };
    using bestvalue::Health;
    using bestvalue::Lifecycle;
    update(2, 1, Health::green, Lifecycle::in_progress);
    update(0, 2, Health::green, std::nullopt);
    update(2, 3, Health::green, Lifecycle::in_progress);
    update(0, 4, Health::amber, Lifecycle::in_progress);
    update(0, 5, Health::amber, std::nullopt);
    update(1, 6, std::nullopt, Lifecycle::completed);
    update(0, 7, Health::green, Lifecycle::in_progress);
    update(2, 8, Health::red, Lifecycle::completed);
    Store store;
    store.add(std::move(contents));
    const auto& index = store.index();
    CHECK(index.actions_ever(Health::green) == Handles{0, 2});
    CHECK(index.actions_ever(Health::amber) == Handles{0});
    CHECK(index.actions_ever(Health::red) == Handles{2});
    CHECK(index.actions_ever(Health::blue).empty());
    CHECK(index.actions_ever(Lifecycle::in_progress) == Handles{0, 2});
    CHECK(index.actions_ever(Lifecycle::completed) == Handles{1, 2});
    CHECK(index.actions_ever(Lifecycle::not_started) == Handles{0, 1, 2});
}
