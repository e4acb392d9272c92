#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/query/ambition.hpp>
#include <bestvalue/query/direction.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/regime.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::AmbitionStatus;
using bestvalue::Date;
using bestvalue::Direction;
using bestvalue::OrganisationKind;

namespace {

std::string example(const char* name) {
    return bestvalue::testing::examples_dir() + name;
}

bestvalue::Store seeds() {
    bestvalue::Store store;
    for (const char* name : {"000-oxfordshire-cpa-improvement-strategy-2003.json",
                             "001-oxfordshire-raising-our-performance-2003.json",
                             "003-rochford-cpa-improvement-plan-2009.json",
                             "004-cannock-chase-direction-of-travel-2009.json"}) {
        bestvalue::read_json_file(store, example(name));
    }
    return store;
}

bestvalue::Organisation council(std::string id, OrganisationKind kind) {
    bestvalue::Organisation organisation;
    organisation.id = std::move(id);
    organisation.name = organisation.id;
    organisation.kind = kind;
    return organisation;
}

bestvalue::Rating rating(std::string id, std::string subject, std::string scale, std::string level,
                         std::optional<Date> date, std::string service_area = {}) {
    bestvalue::Rating value;
    value.id = std::move(id);
    value.subject = std::move(subject);
    value.scale = std::move(scale);
    value.level = std::move(level);
    value.date = date;
    value.service_area = std::move(service_area);
    return value;
}

// The seeds hold one CPA category per council, so histories that move are built here: a
// county rated 2002-2004 and then in stars, a district rated in 2004 and 2008, and a unitary.
bestvalue::Store histories() {
    bestvalue::Contents contents;
    contents.organisations = {council("shire", OrganisationKind::county_council),
                              council("vale", OrganisationKind::district_council),
                              council("borough", OrganisationKind::unitary_council)};
    bestvalue::ServiceArea education;
    education.id = "education";
    education.name = "Education";
    contents.service_areas = {education};
    contents.ratings = {
        rating("shire/2002", "shire", "cpa-category", "fair", Date(2002, 12, 11)),
        rating("shire/2003", "shire", "cpa-category", "good", Date(2003, 12, 18)),
        rating("shire/2004", "shire", "cpa-category", "good", Date(2004, 12, 16)),
        rating("shire/2005", "shire", "cpa-stars", "3", Date(2005, 12, 15)),
        rating("shire/2006", "shire", "cpa-stars", "2", Date(2006, 12, 14)),
        rating("shire/2003/education", "shire", "cpa-score", "2", Date(2003, 12, 18), "education"),
        rating("shire/undated", "shire", "cpa-category", "weak", std::nullopt),
        rating("vale/2004", "vale", "cpa-category", "excellent", Date(2004, 6, 1)),
        rating("vale/2008", "vale", "cpa-category", "fair", Date(2008, 7, 1)),
        rating("borough/2003", "borough", "cpa-category", "excellent", Date(2003, 12, 18)),
        rating("borough/2002", "borough", "cpa-category", "weak", Date(2002, 12, 11)),
    };
    bestvalue::Store store;
    store.add(std::move(contents));
    return store;
}

const bestvalue::Rating& get(const bestvalue::Store& store, const char* id) {
    const bestvalue::Rating* found = store.find_rating(id);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace

TEST_CASE("directions have the names they are written with", "[ratings]") {
    CHECK(bestvalue::to_name(Direction::improved) == "improved");
    CHECK(bestvalue::from_name<Direction>("declined") == Direction::declined);
    CHECK(bestvalue::from_name<Direction>("unchanged") == Direction::unchanged);
    CHECK(bestvalue::to_name(AmbitionStatus::not_yet_due) == "not_yet_due");
}

TEST_CASE("the direction between two ratings compares their levels on the scale", "[ratings]") {
    const auto store = histories();
    CHECK(direction_between(store, get(store, "shire/2002"), get(store, "shire/2003")) ==
          Direction::improved);
    CHECK(direction_between(store, get(store, "shire/2003"), get(store, "shire/2004")) ==
          Direction::unchanged);
    CHECK(direction_between(store, get(store, "shire/2005"), get(store, "shire/2006")) ==
          Direction::declined);
    // Reversed, the same pair declines: the direction reads earlier → later as given.
    CHECK(direction_between(store, get(store, "shire/2003"), get(store, "shire/2002")) ==
          Direction::declined);
}

TEST_CASE("ratings on different scales are compared only through a mapping", "[ratings]") {
    const auto store = histories();
    const auto& category = get(store, "shire/2004");
    const auto& stars = get(store, "shire/2005");
    CHECK_THROWS_AS(direction_between(store, category, stars), bestvalue::Error);
    CHECK_THROWS_WITH(direction_between(store, category, stars),
                      Catch::Contains("different scales") && Catch::Contains("ScaleMapping"));

    const bestvalue::ScaleMapping to_stars{
        "cpa-category",
        "cpa-stars",
        {{"poor", "0"}, {"weak", "1"}, {"fair", "2"}, {"good", "3"}, {"excellent", "4"}}};
    CHECK(direction_between(store, category, stars, to_stars) == Direction::unchanged);
    CHECK(direction_between(store, category, get(store, "shire/2006"), to_stars) ==
          Direction::declined);
    // The mapping may run the other way: it is applied to the rating on its from_scale.
    const bestvalue::ScaleMapping to_categories{"cpa-stars", "cpa-category", {{"3", "fair"}}};
    CHECK(direction_between(store, category, stars, to_categories) == Direction::declined);
    // A mapping that lacks the level, or fits neither rating, is refused.
    CHECK_THROWS_WITH(direction_between(store, category, get(store, "shire/2006"), to_categories),
                      Catch::Contains("no level for \"2\""));
    const bestvalue::ScaleMapping unrelated{"cpa-score", "cpa-stars", {{"1", "0"}}};
    CHECK_THROWS_WITH(direction_between(store, category, stars, unrelated),
                      Catch::Contains("does not fit"));
    const bestvalue::ScaleMapping unknown{"no-such-scale", "cpa-stars", {}};
    CHECK_THROWS_AS(direction_between(store, category, stars, unknown), bestvalue::NotFound);
}

TEST_CASE("one scale under two regimes is compared only through a mapping", "[ratings]") {
    const auto store = histories();
    // The district's 2004 and 2008 categories share a regime; the county's 2004 and the
    // district's 2008 categories do not.
    CHECK(direction_between(store, get(store, "vale/2004"), get(store, "vale/2008")) ==
          Direction::declined);
    CHECK_THROWS_WITH(direction_between(store, get(store, "shire/2004"), get(store, "vale/2008")),
                      Catch::Contains("cpa-2002-2004-category") &&
                          Catch::Contains("cpa-districts-category"));
    const bestvalue::ScaleMapping same{"cpa-category", "cpa-category", {{"good", "good"}}};
    CHECK(direction_between(store, get(store, "shire/2004"), get(store, "vale/2008"), same) ==
          Direction::declined);
    // An undated rating has no regime and is compared by its scale alone.
    CHECK(direction_between(store, get(store, "shire/2004"), get(store, "shire/undated")) ==
          Direction::declined);
}

TEST_CASE("a history gives each step's direction within one rated thing", "[ratings]") {
    const auto store = histories();
    const auto steps = history_with_directions(store, "shire", "cpa-category");
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].rating->id == "shire/2002");
    CHECK_FALSE(steps[0].direction);
    CHECK(steps[1].direction == Direction::improved);
    CHECK(steps[2].direction == Direction::unchanged);
    CHECK(steps[3].rating->id == "shire/undated");
    CHECK_FALSE(steps[3].direction); // undated: its place in time is unknown

    const auto education = history_with_directions(store, "shire", "cpa-score", "education");
    REQUIRE(education.size() == 1);
    CHECK(education[0].rating->id == "shire/2003/education");
    CHECK(history_with_directions(store, "shire", "cpa-score").empty());
}

TEST_CASE("a rating history is the query ordered by date, for every subject and scale",
          "[ratings]") {
    const std::string long_id(300, 'l');
    auto contents = [&] {
        bestvalue::Contents made;
        // "ab" on "c" and "a" on "bc" would share a key made by joining subject and scale.
        made.organisations = {council("ab", OrganisationKind::district_council),
                              council("a", OrganisationKind::county_council),
                              council(long_id, OrganisationKind::district_council)};
        for (const char* id : {"c", "bc"}) {
            bestvalue::Scale scale;
            scale.id = id;
            scale.name = id;
            scale.levels = {{"1", "One", 1}, {"2", "Two", 2}};
            made.scales.push_back(scale);
        }
        made.ratings = {
            rating("ab/3", "ab", "c", "1", Date(2005, 1, 1)),
            rating("ab/undated", "ab", "c", "2", std::nullopt),
            rating("ab/1", "ab", "c", "1", Date(2003, 1, 1)),
            rating("ab/3-again", "ab", "c", "2", Date(2005, 1, 1)), // a tie: the order added
            rating("ab/undated-2", "ab", "c", "1", std::nullopt),
            rating("a/1", "a", "bc", "2", Date(2004, 1, 1)),
            rating("a/c", "a", "c", "2", Date(2001, 1, 1)),
            // A key too long to be made on the stack.
            rating(long_id + "/2", long_id, "c", "2", Date(2002, 1, 1)),
            rating(long_id + "/1", long_id, "c", "1", Date(2001, 1, 1)),
        };
        return made;
    }();
    bestvalue::Store store = histories();
    store.add(contents);

    std::vector<std::string> names;
    for (const auto* found : bestvalue::rating_history(store, "ab", "c")) {
        names.push_back(found->id);
    }
    CHECK(names ==
          std::vector<std::string>{"ab/1", "ab/3", "ab/3-again", "ab/undated", "ab/undated-2"});
    REQUIRE(bestvalue::rating_history(store, "a", "bc").size() == 1);
    CHECK(bestvalue::rating_history(store, "a", "bc")[0]->id == "a/1");
    CHECK(bestvalue::rating_history(store, "a", "cpa-category").empty());
    CHECK(bestvalue::rating_history(store, "nobody", "c").empty());
    const auto long_history = bestvalue::rating_history(store, long_id, "c");
    REQUIRE(long_history.size() == 2);
    CHECK(long_history[0]->id == long_id + "/1");

    for (const auto& subject : store.organisations()) {
        for (const char* scale : {"c", "bc", "cpa-category", "cpa-stars", "cpa-score"}) {
            CHECK(bestvalue::rating_history(store, subject.id, scale) ==
                  bestvalue::ratings(store)
                      .of_subject(subject.id)
                      .on_scale(scale)
                      .order_by(bestvalue::RatingField::date)
                      .run());
        }
    }
}

TEST_CASE("a history step that crosses regimes has no direction", "[ratings]") {
    // A user regime splits the district categories at 2006, so the district's two ratings
    // fall under different regimes.
    auto regimes = bestvalue::builtin_regimes();
    bestvalue::Regime early{"early",          "early district categories",
                            "cpa-category",   {OrganisationKind::district_council},
                            Date(2003, 1, 1), Date(2005, 12, 31),
                            "a test"};
    regimes.insert(regimes.begin(), early);
    const auto store = histories();
    const auto steps = history_with_directions(store, "vale", "cpa-category", {}, {}, regimes);
    REQUIRE(steps.size() == 2);
    CHECK_FALSE(steps[1].direction);
    CHECK_THROWS_AS(
        direction_between(store, get(store, "vale/2004"), get(store, "vale/2008"), {}, regimes),
        bestvalue::Error);
    CHECK(history_with_directions(store, "vale", "cpa-category")[1].direction ==
          Direction::declined);
}

TEST_CASE("the seed ratings are histories", "[ratings][seeds]") {
    const auto store = seeds();
    const auto oxfordshire = history_with_directions(store, "oxfordshire", "cpa-category");
    REQUIRE(oxfordshire.size() == 1);
    CHECK(oxfordshire[0].rating->level == "fair");
    const auto education = history_with_directions(store, "oxfordshire", "cpa-score", "education");
    REQUIRE(education.size() == 1);
    CHECK(education[0].rating->level == "3");
    const auto corporate =
        history_with_directions(store, "oxfordshire", "cpa-score", {}, "corporate assessment");
    REQUIRE(corporate.size() == 1);
    CHECK(corporate[0].rating->level == "2");
    const auto rochford = history_with_directions(store, "rochford", "cpa-category");
    REQUIRE(rochford.size() == 1);
    CHECK(rochford[0].rating->level == "good");
    const auto cannock =
        history_with_directions(store, "cannock-chase", "common-1-4", {}, "use of resources");
    REQUIRE(cannock.size() == 1);
    CHECK(cannock[0].rating->level == "3");
}

TEST_CASE("regimes have validity windows by scale and kind of council", "[ratings]") {
    using bestvalue::regime_of;
    CHECK(regime_of("cpa-category", OrganisationKind::county_council, Date(2002, 12, 1))->id ==
          "cpa-2002-2004-category");
    CHECK(regime_of("cpa-category", OrganisationKind::unitary_council, Date(2004, 12, 31))->id ==
          "cpa-2002-2004-category");
    CHECK_FALSE(regime_of("cpa-category", OrganisationKind::county_council, Date(2005, 1, 1)));
    CHECK_FALSE(regime_of("cpa-category", OrganisationKind::county_council, Date(2001, 12, 31)));
    CHECK(regime_of("cpa-category", OrganisationKind::district_council, Date(2008, 7, 31))->id ==
          "cpa-districts-category");
    CHECK_FALSE(regime_of("cpa-category", OrganisationKind::district_council, Date(2009, 4, 1)));
    CHECK(regime_of("cpa-stars", OrganisationKind::metropolitan_council, Date(2006, 3, 1))->id ==
          "cpa-2005-2008-stars");
    CHECK_FALSE(regime_of("cpa-stars", OrganisationKind::district_council, Date(2006, 3, 1)));
    CHECK(regime_of("direction-of-travel", OrganisationKind::district_council, Date(2008, 3, 1))
              ->id == "direction-of-travel-2005-2008");
    CHECK(regime_of("caa-organisational-assessment", OrganisationKind::london_borough,
                    Date(2009, 12, 9))
              ->id == "caa-2009");
    CHECK_FALSE(regime_of("cpa-score", OrganisationKind::inspectorate, Date(2003, 1, 1)));

    // The seeds: Oxfordshire's 2002 category and Rochford's 2008 category.
    const auto store = seeds();
    CHECK(regime_of_rating(store, get(store, "oxfordshire/cpa-2002/rating/overall"))->id ==
          "cpa-2002-2004-category");
    CHECK(regime_of_rating(store, get(store, "rochford/cpa-2008/category"))->id ==
          "cpa-districts-category");
    CHECK_FALSE(regime_of_rating(store, get(store, "cannock-chase/use-of-resources/score")));

    // A user table: regimes are data.
    const std::vector<bestvalue::Regime> own = {{"ofsted-2012",
                                                 "Ofsted four-point judgements",
                                                 "inspection-judgement",
                                                 {OrganisationKind::unitary_council},
                                                 Date(2012, 9, 1),
                                                 Date(2099, 12, 31),
                                                 "a test"}};
    CHECK(
        regime_of("inspection-judgement", OrganisationKind::unitary_council, Date(2013, 1, 1), own)
            ->name == "Ofsted four-point judgements");
    CHECK_FALSE(
        regime_of("cpa-category", OrganisationKind::county_council, Date(2002, 12, 1), own));
}

TEST_CASE("subjects of one kind and year are compared by level", "[ratings]") {
    const auto store = histories();
    const auto counties =
        compare_subjects(store, "cpa-category", 2003, OrganisationKind::county_council);
    REQUIRE(counties.size() == 1);
    CHECK(counties[0]->id == "shire/2003");

    bestvalue::Contents more;
    more.organisations = {council("wold", OrganisationKind::county_council),
                          council("dale", OrganisationKind::county_council)};
    more.ratings = {rating("wold/2003", "wold", "cpa-category", "excellent", Date(2003, 12, 18)),
                    rating("dale/2003", "dale", "cpa-category", "good", Date(2003, 12, 18)),
                    rating("wold/2002", "wold", "cpa-category", "poor", Date(2002, 12, 11))};
    auto larger = store;
    larger.add(std::move(more));
    std::vector<std::string> ids;
    for (const auto* found :
         compare_subjects(larger, "cpa-category", 2003, OrganisationKind::county_council)) {
        ids.push_back(found->id);
    }
    // Highest first; equal levels by subject id; the unitary and the service score left out.
    CHECK(ids == std::vector<std::string>{"wold/2003", "dale/2003", "shire/2003"});
    CHECK_THROWS_AS(
        compare_subjects(larger, "no-such-scale", 2003, OrganisationKind::county_council),
        bestvalue::NotFound);
}

TEST_CASE("the seed ambitions are checked against the seed ratings", "[ratings][seeds]") {
    const auto store = seeds();
    const auto find = [](const std::vector<bestvalue::AmbitionCheck>& checks, const char* level,
                         const char* scale) {
        for (const auto& check : checks) {
            if (check.level == level && check.scale == scale) {
                return check;
            }
        }
        FAIL("no ambition at " << level << " on " << scale);
        return bestvalue::AmbitionCheck{};
    };
    // In 2003 every ambition lay ahead; Oxfordshire's 'Fair' of 2002 predates its plan.
    const auto in_2003 = check_ambitions(store, Date(2003, 6, 1));
    REQUIRE(in_2003.size() == 5);
    for (const auto& check : in_2003) {
        CHECK(check.status == AmbitionStatus::not_yet_due);
    }
    const auto good = find(in_2003, "good", "cpa-category");
    CHECK(good.plan == "oxfordshire/improvement-strategy-2003");
    CHECK(good.due == Date(2005, 3, 31));

    // Nothing in the seeds shows Oxfordshire reaching 'good' by 31 March 2005: missed then.
    CHECK(find(check_ambitions(store, Date(2005, 3, 31)), "good", "cpa-category").status ==
          AmbitionStatus::not_yet_due);
    CHECK(find(check_ambitions(store, Date(2005, 4, 1)), "good", "cpa-category").status ==
          AmbitionStatus::missed);
    CHECK(find(check_ambitions(store, Date(2005, 4, 1)), "2", "social-services-stars").status ==
          AmbitionStatus::missed);

    // Rochford: Level 4 of the Equality Standard by April 2009, Level 5 by September 2010; the
    // seeds hold no equality standard rating.
    const auto in_may_2009 = check_ambitions(store, Date(2009, 5, 1));
    CHECK(find(in_may_2009, "4", "equality-standard").status == AmbitionStatus::missed);
    CHECK(find(in_may_2009, "4", "equality-standard").rating.empty());
    CHECK(find(in_may_2009, "5", "equality-standard").status == AmbitionStatus::not_yet_due);
}

TEST_CASE("an ambition is met by a rating at or above its level by its due", "[ratings]") {
    // Built here: the seeds record no rating that meets an ambition.
    bestvalue::Contents contents;
    contents.organisations = {council("shire", OrganisationKind::county_council)};
    contents.ratings = {
        rating("shire/2002", "shire", "cpa-category", "fair", Date(2002, 12, 11)),
        rating("shire/2003", "shire", "cpa-category", "fair", Date(2003, 12, 18)),
        rating("shire/2004", "shire", "cpa-category", "excellent", Date(2004, 12, 16)),
    };
    bestvalue::Plan plan;
    plan.id = "shire/plan";
    plan.title = "Improvement plan";
    plan.organisation = "shire";
    plan.adopted = Date(2003, 5, 1);
    const auto target = [](const char* text, const char* level, const char* due) {
        bestvalue::PlanTarget value;
        value.text = text;
        value.scale = "cpa-category";
        value.level = level;
        if (due != nullptr) {
            value.due = bestvalue::parse_date_text(due);
        }
        return value;
    };
    plan.targets = {target("good by 2004/05", "good", "by 2004/05"),
                    target("fair by 2002/03", "fair", "by 2002/03"),
                    target("excellent one day", "excellent", nullptr),
                    target("good by 2003/04", "good", "by 2003/04")};
    bestvalue::PlanTarget words;
    words.text = "a leading edge authority";
    plan.targets.push_back(words);
    contents.plans = {plan};
    bestvalue::Store store;
    store.add(std::move(contents));

    const auto in_2004 = check_ambitions(store, Date(2004, 6, 1));
    REQUIRE(in_2004.size() == 4); // the target in words is left out
    CHECK(in_2004[0].status == AmbitionStatus::not_yet_due);
    CHECK(in_2004[0].rating == "shire/2003");
    // 'Fair' came in 2002, before the plan was adopted, and not again by March 2003: missed.
    CHECK(in_2004[1].status == AmbitionStatus::missed);
    CHECK(in_2004[1].rating.empty());
    CHECK(in_2004[2].status == AmbitionStatus::not_yet_due);
    CHECK_FALSE(in_2004[2].due);
    CHECK(in_2004[3].status == AmbitionStatus::missed);
    CHECK(in_2004[3].rating == "shire/2003");

    const auto in_2005 = check_ambitions(store, Date(2005, 1, 1));
    CHECK(in_2005[0].status == AmbitionStatus::met);
    CHECK(in_2005[0].rating == "shire/2004"); // above the level counts
    CHECK(in_2005[0].due == Date(2005, 3, 31));
    CHECK(in_2005[2].status == AmbitionStatus::met);
    CHECK(in_2005[3].status == AmbitionStatus::missed); // 2004's rating came after its due
}
