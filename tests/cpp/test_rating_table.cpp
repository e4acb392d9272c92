#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>
#include <bestvalue/io/rating_table.hpp>
#include <bestvalue/query/direction.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/store.hpp>

#include <catch2/catch.hpp>

#include "datasets.hpp"

using bestvalue::Date;
using bestvalue::Direction;
using bestvalue::RatingColumn;
using bestvalue::RatingTableMapping;
using bestvalue::UnknownSubjects;

namespace {

const std::string results_table =
    std::string(BESTVALUE_TEST_DATA_DIR) + "/results/cpa-2005-2006.csv";

// The mapping of tests/data/results/cpa-2005-2006.csv: every block on the common 1-4 scale,
// the star category with the table's '1 star', and Direction of Travel by its labels.
RatingTableMapping cpa_results_mapping() {
    RatingTableMapping mapping;
    mapping.subject_column = "Council";
    mapping.year_column = "Year";
    mapping.kind_column = "Type";
    mapping.unknown_subjects = UnknownSubjects::add;
    mapping.id_part = "cpa-results";
    for (const char* block :
         {"Corporate assessment", "Children and young people", "Adult social care",
          "Use of resources", "Housing", "Environment", "Culture", "Benefits"}) {
        RatingColumn column;
        column.header = block;
        column.scale = "common-1-4";
        std::string component = block;
        std::transform(component.begin(), component.end(), component.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        column.component = component;
        mapping.columns.push_back(column);
    }
    mapping.columns.push_back(
        {"Star category", "cpa-stars", "", "star category", {{"1 star", "1"}}});
    mapping.columns.push_back(
        {"Direction of travel", "direction-of-travel", "", "direction of travel", {}});
    return mapping;
}

std::vector<std::string> subjects_of(const std::vector<bestvalue::RatingChange>& changes,
                                     Direction direction) {
    std::vector<std::string> subjects;
    for (const auto& change : changes) {
        if (change.direction == direction) {
            subjects.push_back(change.subject);
        }
    }
    return subjects;
}

std::vector<std::string> messages_of(const bestvalue::ValidationError& error) {
    std::vector<std::string> messages;
    for (const auto& problem : error.problems()) {
        messages.push_back(problem.message);
    }
    return messages;
}

// Reads `text` with `mapping` into a copy of `store`, expecting a ValidationError, and checks
// that the store is left as it was.
bestvalue::ValidationError refused(const bestvalue::Store& store, const std::string& text,
                                   const RatingTableMapping& mapping) {
    bestvalue::Store copy = store;
    const auto before = bestvalue::write_json(copy);
    try {
        (void)bestvalue::read_rating_table(copy, text, mapping, "table.csv");
    } catch (const bestvalue::ValidationError& error) {
        CHECK(bestvalue::write_json(copy) == before);
        return error;
    }
    FAIL("the table was read");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("a national results table reads into ratings, markers reported, councils added",
          "[rating_table]") {
    bestvalue::Store store;
    const auto report =
        bestvalue::read_rating_table_file(store, results_table, cpa_results_mapping());

    CHECK(report.ratings.size() == 90);
    CHECK(store.ratings().size() == 90);
    CHECK(report.organisations ==
          std::vector<std::string>{"northshire", "eastmoor", "westvale", "greyford", "lowfield"});
    CHECK(store.get_organisation("westvale").kind == bestvalue::OrganisationKind::unitary_council);
    CHECK(store.get_organisation("greyford").kind == bestvalue::OrganisationKind::london_borough);
    CHECK(store.get_organisation("eastmoor").name == "Eastmoor Borough Council");
    CHECK(report.skipped.empty());

    REQUIRE(report.marked.size() == 10);
    std::map<std::string, int> meanings;
    for (const auto& cell : report.marked) {
        ++meanings[cell.meaning];
    }
    CHECK(meanings == std::map<std::string, int>{{"not applicable", 8}, {"subject to review", 2}});
    const auto& review = report.marked[6];
    CHECK(review.line == 10);
    CHECK(review.column == "Use of resources");
    CHECK(review.subject == "greyford");
    CHECK(review.year == "2006");
    CHECK(review.text == "s/r");

    const auto* stars = store.find_rating("lowfield/cpa-results/2005/star-category");
    REQUIRE(stars != nullptr);
    CHECK(stars->scale == "cpa-stars");
    CHECK(stars->level == "1");
    CHECK(stars->text == "1 star");
    CHECK(stars->component == "star category");
    CHECK(stars->date == Date(2005, 12, 31));
    CHECK(store.get_organisation("lowfield").kind == bestvalue::OrganisationKind::county_council);
    const auto* travel = store.find_rating("westvale/cpa-results/2006/direction-of-travel");
    REQUIRE(travel != nullptr);
    CHECK(travel->level == "improving-strongly");
}

TEST_CASE("an imported table answers who fell between two years and counts per label",
          "[rating_table]") {
    bestvalue::Store store;
    (void)bestvalue::read_rating_table_file(store, results_table, cpa_results_mapping());

    const auto changes = bestvalue::changes_between(
        store, "common-1-4", bestvalue::parse_period("2005"), bestvalue::parse_period("2006"), {},
        "children and young people");
    CHECK(changes.size() == 5);
    CHECK(subjects_of(changes, Direction::declined) ==
          std::vector<std::string>{"northshire", "westvale"});
    CHECK(subjects_of(changes, Direction::improved) ==
          std::vector<std::string>{"eastmoor", "lowfield"});
    CHECK(subjects_of(changes, Direction::unchanged) == std::vector<std::string>{"greyford"});
    const auto& northshire = changes[3];
    CHECK(northshire.subject == "northshire");
    CHECK(northshire.earlier->level == "3");
    CHECK(northshire.later->level == "2");

    const auto counts = bestvalue::run_query(
        store, R"(count ratings where scale = "direction-of-travel" and date in 2006 by level)");
    CHECK(counts.counts == std::map<std::string, std::size_t>{{"improving-adequately", 2},
                                                              {"improving-strongly", 1},
                                                              {"improving-well", 2}});
    // A later table year is a later step of each council's history.
    const auto history = bestvalue::history_with_directions(
        store, "eastmoor", "direction-of-travel", {}, "direction of travel");
    REQUIRE(history.size() == 2);
    CHECK(history[1].direction == Direction::improved);
}

TEST_CASE("reading a results table twice adds nothing new", "[rating_table]") {
    bestvalue::Store store;
    const auto first =
        bestvalue::read_rating_table_file(store, results_table, cpa_results_mapping());
    const auto saved = bestvalue::write_json(store);
    auto mapping = cpa_results_mapping();
    mapping.unknown_subjects = UnknownSubjects::reject; // the councils are known now
    const auto second = bestvalue::read_rating_table_file(store, results_table, mapping);
    CHECK(second.ratings == first.ratings);
    CHECK(second.organisations.empty());
    CHECK(bestvalue::write_json(store) == saved);
}

TEST_CASE("councils are found by id, code, name and name without 'County Council'",
          "[rating_table]") {
    bestvalue::Store store = bestvalue::testing::five_papers();
    bestvalue::Organisation with_code;
    with_code.id = "lowfield";
    with_code.name = "Lowfield District Council";
    with_code.kind = bestvalue::OrganisationKind::district_council;
    with_code.codes = {{"gss", "E07000999"}};
    bestvalue::Contents contents;
    contents.organisations.push_back(with_code);
    store.add(std::move(contents));

    RatingTableMapping mapping;
    mapping.columns = {{"category", "cpa-category", "", "", {}}};
    mapping.subjects = {{"Oxon", "oxfordshire"}};
    const auto report = bestvalue::read_rating_table(store,
                                                     "council,year,category\n"
                                                     "Oxfordshire,2002,Fair\n"
                                                     "rochford,2008,good\n"
                                                     "CANNOCK CHASE COUNCIL,2008,Good\n"
                                                     "E07000999,2008,Weak\n"
                                                     "Oxon,2003,Good\n",
                                                     mapping);
    CHECK(report.ratings == std::vector<std::string>{"oxfordshire/results/2002/category",
                                                     "rochford/results/2008/category",
                                                     "cannock-chase/results/2008/category",
                                                     "lowfield/results/2008/category",
                                                     "oxfordshire/results/2003/category"});
    CHECK(store.get_organisation("lowfield").name == "Lowfield District Council");
    // Dated at the end of the year, the 2002 category joins Oxfordshire's history.
    const auto history = bestvalue::history_with_directions(store, "oxfordshire", "cpa-category");
    REQUIRE(history.size() == 3);
    CHECK(history[1].rating->id == "oxfordshire/results/2002/category");
    CHECK(history[2].direction == Direction::improved);
}

TEST_CASE("a date column dates each row exactly, years may be financial years", "[rating_table]") {
    bestvalue::Store store = bestvalue::testing::five_papers();
    RatingTableMapping mapping;
    mapping.date_column = "published";
    mapping.columns = {{"category", "cpa-category", "", "", {}}};
    auto report = bestvalue::read_rating_table(store,
                                               "council,year,published,category\n"
                                               "Rochford,2007/08,2008-07-31,Good\n",
                                               mapping);
    REQUIRE(report.ratings == std::vector<std::string>{"rochford/results/2007-08/category"});
    CHECK(store.find_rating(report.ratings[0])->date == Date(2008, 7, 31));

    RatingTableMapping by_year;
    by_year.columns = {{"score", "cpa-score", "", "use of resources", {}}};
    report =
        bestvalue::read_rating_table(store, "council,year,score\nRochford,2004/05,3\n", by_year);
    CHECK(store.find_rating(report.ratings[0])->date == Date(2005, 3, 31));
}

TEST_CASE("unknown councils are refused, or skipped and reported, as the mapping says",
          "[rating_table]") {
    const bestvalue::Store& store = bestvalue::testing::five_papers();
    const std::string table = "council,year,category\n"
                              "Oxfordshire,2003,Good\n"
                              "Oxfordshir,2004,Good\n"
                              "Nowhere Council,2004,Fair\n";
    RatingTableMapping mapping;
    mapping.columns = {{"category", "cpa-category", "", "", {}}};
    const auto error = refused(store, table, mapping);
    REQUIRE(error.problems().size() == 2);
    CHECK(error.problems()[0].line == 3);
    CHECK(error.problems()[0].column == 1);
    CHECK(error.problems()[0].location == "table.csv, column 'council'");
    CHECK(error.problems()[0].message.starts_with(
        "unknown council 'Oxfordshir'; did you mean 'Oxfordshire County Council'?"));
    CHECK(error.problems()[1].message.starts_with("unknown council 'Nowhere Council'"));

    mapping.unknown_subjects = UnknownSubjects::skip;
    bestvalue::Store copy = store;
    const auto report = bestvalue::read_rating_table(copy, table, mapping);
    CHECK(report.ratings == std::vector<std::string>{"oxfordshire/results/2003/category"});
    REQUIRE(report.skipped.size() == 2);
    CHECK(report.skipped[0].line == 3);
    CHECK(report.skipped[0].subject == "Oxfordshir");
    CHECK(report.skipped[1].year == "2004");
}

TEST_CASE("every problem of a table is reported with its place, and nothing is added",
          "[rating_table]") {
    const bestvalue::Store& store = bestvalue::testing::five_papers();
    RatingTableMapping mapping;
    mapping.columns = {{"category", "cpa-category", "", "", {}},
                       {"travel", "direction-of-travel", "", "", {}}};

    SECTION("levels that are not on the scale, a bad year, a council twice, a short row") {
        const auto error = refused(store,
                                   "council,year,category,travel\n"
                                   "Oxfordshire,2003,Excelent,Improving well\n"
                                   "Rochford,203x,Good,Improving well\n"
                                   "Rochford,2008,Good,improving-well\n"
                                   "Rochford District Council,2008,Good,Improving well\n"
                                   "Cannock Chase,2008,Good\n"
                                   "Cannock Chase,2009,-,Improving well\n",
                                   mapping);
        const auto messages = messages_of(error);
        REQUIRE(messages.size() == 5);
        CHECK(messages[0] == "'Excelent' is not a level of scale cpa-category; did you mean "
                             "'Excellent'? (or add it to the column's levels or the markers)");
        CHECK(error.problems()[0].column == 18);
        CHECK(messages[1].starts_with("cannot read '203x' as a date"));
        CHECK(messages[2] == "council 'Rochford District Council' is given twice for 2008 "
                             "(also on line 4)");
        CHECK(messages[3] == "the row has 3 cells; the header has 4");
        CHECK(messages[4].starts_with("'-' is not a level of scale cpa-category"));
    }
    SECTION("headers the mapping lacks or does not name, unknown scales and service areas") {
        auto bad = mapping;
        bad.columns.push_back({"score", "cpa-scor", "", "", {}});
        bad.columns.push_back({"travel2", "direction-of-travel", "nowhere", "", {}});
        bad.columns.push_back({"travel3", "direction-of-travel", "", "", {{"up", "better"}}});
        const auto error = refused(store,
                                   "council,year,category,travel,travel2,travel3,notes,score\n"
                                   "Rochford,2008,Good,Improving well,,,,\n",
                                   bad);
        const auto messages = messages_of(error);
        REQUIRE(messages.size() == 4);
        CHECK(messages[0] == "unknown scale 'cpa-scor'; did you mean 'cpa-score'?");
        CHECK(messages[1] == "unknown service area 'nowhere'");
        CHECK(messages[2] == "the mapping reads 'up' as level 'better', which scale "
                             "direction-of-travel does not have");
        CHECK(messages[3] == "the mapping does not say how to read column 'notes'; map it or "
                             "list it in ignored_columns");

        auto missing = mapping;
        missing.year_column = "yr";
        const auto no_year = refused(
            store, "council,year,category,travel\nRochford,2008,Good,Improving well\n", missing);
        CHECK(messages_of(no_year) ==
              std::vector<std::string>{
                  "no column 'yr' (the year) in the header; did you mean 'year'?",
                  "the mapping does not say how to read column 'year'; map it or list it in "
                  "ignored_columns"});
    }
    SECTION("a cell the store refuses is located in the table") {
        bestvalue::Store copy = store;
        auto clash = mapping;
        clash.columns = {{"category", "cpa-category", "", "", {}}};
        (void)bestvalue::read_rating_table(copy, "council,year,category\nRochford,2008,Good\n",
                                           clash);
        const auto error = refused(copy, "council,year,category\nRochford,2008,Fair\n", clash);
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].location == "table.csv, column 'category'");
        CHECK(error.problems()[0].line == 2);
    }
}

TEST_CASE("markers are the mapping's to choose, an unknown marker is an error", "[rating_table]") {
    bestvalue::Store store = bestvalue::testing::five_papers();
    RatingTableMapping mapping;
    mapping.columns = {{"category", "cpa-category", "", "", {}}};
    const std::string table = "council,year,category\nRochford,2008,tbc\nOxfordshire,2003,\n";
    CHECK(messages_of(refused(store, table, mapping)) ==
          std::vector<std::string>{"'tbc' is not a level of scale cpa-category (or add it to the "
                                   "column's levels or the markers)"});
    mapping.markers["tbc"] = "to be confirmed";
    const auto report = bestvalue::read_rating_table(store, table, mapping);
    CHECK(report.ratings.empty());
    REQUIRE(report.marked.size() == 2);
    CHECK(report.marked[0].meaning == "to be confirmed");
    CHECK(report.marked[1].meaning == "blank");
    CHECK(report.marked[1].text.empty());
}

TEST_CASE("text that is not CSV is a parse error with its place", "[rating_table]") {
    bestvalue::Store store;
    RatingTableMapping mapping;
    try {
        (void)bestvalue::read_rating_table(store, "council,year\n\"Rochford,2008\n", mapping,
                                           "t.csv");
        FAIL("read");
    } catch (const bestvalue::ParseError& error) {
        CHECK(error.location().line == 2);
        CHECK(error.location().column == 1);
        CHECK(std::string(error.what()) == "t.csv:2:1: a quoted field is not closed");
    }
    CHECK_THROWS_AS(bestvalue::read_rating_table(store, "council,year\nRoch\"ford,2008\n", mapping),
                    bestvalue::ParseError);
    CHECK_THROWS_AS(
        bestvalue::read_rating_table(store, "council,year\n\"Roch\"ford,2008\n", mapping),
        bestvalue::ParseError);
    CHECK_THROWS_AS(bestvalue::read_rating_table_file(store, "/nonexistent/table.csv", mapping),
                    bestvalue::Error);
}

TEST_CASE("quoted fields, CRLF line ends and a byte order mark read as written", "[rating_table]") {
    bestvalue::Store store = bestvalue::testing::five_papers();
    RatingTableMapping mapping;
    mapping.columns = {{"Direction, as published", "direction-of-travel", "", "", {}}};
    mapping.subjects = {{"Cannock Chase, \"CCDC\"", "cannock-chase"}};
    const auto report =
        bestvalue::read_rating_table(store,
                                     "\xEF\xBB\xBF"
                                     "council,year,\"Direction, as published\"\r\n"
                                     "\"Cannock Chase, \"\"CCDC\"\"\",2008,Improving well\r\n",
                                     mapping);
    REQUIRE(report.ratings ==
            std::vector<std::string>{"cannock-chase/results/2008/direction-as-published"});
    CHECK(store.find_rating(report.ratings[0])->level == "improving-well");
}
