// The JSON reader reads a document collection by collection and each collection item by item,
// finding where members and items lie before parsing them. These tests hold it to what a parse
// of the whole text decides: the same documents accepted, the same first syntax error refused at
// the same place, whatever the layout, order or repetition of the members.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "datasets.hpp"
#include "tsv.hpp"

namespace json = boost::json;

using bestvalue::Store;
using bestvalue::testing::read_data_file;

namespace {

const std::string seed =
    bestvalue::testing::examples_dir() + "003-rochford-cpa-improvement-plan-2009.json";

// What a whole parse of `text` says: the offset of its first syntax error, if any, and its
// message, with the reader's limit on nesting.
struct WholeParse {
    bool valid = true;
    std::size_t offset = 0;
    std::string message;
};

WholeParse parse_whole(const std::string& text) {
    json::parse_options options;
    options.max_depth = 64;
    json::parser parser({}, options);
    boost::system::error_code error;
    const std::size_t consumed = parser.write(text.data(), text.size(), error);
    if (error) {
        return {false, consumed, error.message()};
    }
    return {};
}

// Reads `text` into a new store and checks the outcome against the whole parse: a syntax
// error is reported as the whole parse reports it, and only then.
void check_against_whole_parse(const std::string& text) {
    const WholeParse whole = parse_whole(text);
    Store store;
    try {
        bestvalue::read_json(store, text, "doc.json");
        CHECK(whole.valid);
    } catch (const bestvalue::ParseError& error) {
        const bool syntax = error.reason().rfind("not valid JSON", 0) == 0;
        CHECK(syntax == !whole.valid);
        if (syntax && !whole.valid) {
            CHECK(error.reason() == "not valid JSON: " + whole.message);
            CHECK(error.location().offset == whole.offset);
        }
    } catch (const bestvalue::ValidationError&) {
        CHECK(whole.valid);
    }
    // Anything else (a std::logic_error of a misread layout) fails the test case.
}

std::string nested_arrays(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// The seed document with its top-level members in reverse order, written compactly.
std::string reversed_members(const std::string& text) {
    const json::object original = json::parse(text).as_object();
    std::vector<const json::key_value_pair*> members;
    for (const auto& member : original) {
        members.push_back(&member);
    }
    json::object reversed;
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        reversed[(*it)->key()] = (*it)->value();
    }
    return json::serialize(reversed);
}

// A document of one plan, "p", and `count` progress updates of it, one a line from line 4:
// update i gives "subject" and "as_of", then the members `members(i)` writes.
std::string updates_document(std::size_t count,
                             const std::function<std::string(std::size_t)>& members) {
    std::string text = "{\"bestvalue\": \"1\",\n\"plans\": [{\"id\": \"p\", \"title\": \"P\"}],\n"
                       "\"progress\": [\n";
    for (std::size_t i = 0; i < count; ++i) {
        text += (i == 0 ? "" : ",\n") +
                std::string("{\"subject\": \"p\", \"as_of\": \"2009-01-01\", ") + members(i) + "}";
    }
    return text + "\n]}";
}

// The problems reading `text` into a new store gives; none if it reads.
std::vector<bestvalue::Problem> problems_reading(const std::string& text) {
    try {
        Store store;
        bestvalue::read_json(store, text);
        return {};
    } catch (const bestvalue::ValidationError& error) {
        return error.problems();
    }
}

std::string read_back(const std::string& text) {
    Store store;
    bestvalue::read_json(store, text);
    return bestvalue::write_json(store);
}

} // namespace

TEST_CASE("collections are read in the same way whatever order and layout they are written in",
          "[json][layout]") {
    const std::string text = read_data_file(seed);
    const std::string reversed = reversed_members(text);
    // Actions come before their plans, and the documents that give reference dates come last.
    REQUIRE(reversed.find("\"actions\"") < reversed.find("\"plans\""));
    REQUIRE(reversed.find("\"plans\"") < reversed.find("\"documents\""));
    CHECK(read_back(reversed) == text);
    CHECK(read_back(json::serialize(json::parse(text))) == text);
}

TEST_CASE("a repeated member counts once, as its last", "[json][layout]") {
    const std::string text = read_data_file(seed);
    const std::string expected = read_back(text);
    const std::size_t open = text.find('{');
    REQUIRE(open == 0);

    // Earlier occurrences are parsed but not read: neither their items nor their problems.
    const std::string earlier = R"({"actions": [{"id": "no plan"}], "plans": 7, )";
    CHECK(read_back(earlier + text.substr(1)) == expected);

    // Yet they must be JSON.
    Store store;
    CHECK_THROWS_WITH(
        bestvalue::read_json(store, R"({"actions": [{"id": "x",}], )" + text.substr(1)),
        Catch::Contains("not valid JSON"));

    // A name written with escapes is the same name.
    std::string escaped = text;
    const std::size_t actions = escaped.find("\"actions\":");
    REQUIRE(actions != std::string::npos);
    escaped.replace(actions, 9, R"("\u0061ctions")");
    CHECK(read_back(escaped) == expected);
}

TEST_CASE("an unknown top-level member is a problem after everything else is read",
          "[json][layout]") {
    Store store;
    try {
        bestvalue::read_json(store, R"({"bestvalue": "1", "colour": {"deep": [1, 2]},
            "organisations": [{"id": "x"}]})");
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        REQUIRE(error.problems().size() == 2);
        CHECK(error.problems()[0].location == "/organisations/0/name");
        CHECK(error.problems()[1].location == "/colour");
        CHECK(error.problems()[1].line == 1);
        CHECK(error.problems()[1].column == 30);
    }
}

TEST_CASE("nesting is limited to 64 levels, wherever it is", "[json][layout]") {
    for (std::size_t depth = 58; depth <= 66; ++depth) {
        INFO("depth " << depth);
        // In an action's member: the top-level object, the collection, the action and `notes`.
        check_against_whole_parse(R"({"bestvalue": "1", "actions": [{"id": "a", "notes": )" +
                                  nested_arrays(depth) + "}]}");
        // As an item of a collection.
        check_against_whole_parse(R"({"bestvalue": "1", "progress": [)" + nested_arrays(depth) +
                                  "]}");
        // As the value of a top-level member.
        check_against_whole_parse(R"({"bestvalue": "1", "notes": )" + nested_arrays(depth) + "}");
    }
}

TEST_CASE("a damaged document is refused where a whole parse refuses it", "[json][layout]") {
    const std::string text = read_data_file(seed);
    std::vector<std::size_t> structural;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (std::string_view("{}[],:\"\\").find(text[i]) != std::string_view::npos) {
            structural.push_back(i);
        }
    }
    const std::string inserts = "{}[],:\"\\ x0-";
    std::mt19937 random(20261123);
    for (int round = 0; round < 600; ++round) {
        // Half the damage where the layout is decided, half anywhere.
        const std::size_t at =
            round % 2 == 0 ? structural[random() % structural.size()] : random() % text.size();
        const char other = inserts[random() % inserts.size()];
        std::string damaged = text;
        switch (random() % 3) {
        case 0:
            damaged.erase(at, 1);
            break;
        case 1:
            damaged[at] = other;
            break;
        default:
            damaged.insert(at, 1, other);
            break;
        }
        INFO("round " << round << ": offset " << at << ", '" << other << "'");
        check_against_whole_parse(damaged);
    }
    // Cut short anywhere in the first few hundred bytes, where the top-level layout is.
    for (std::size_t length = 0; length < 400; length += 7) {
        INFO("cut at " << length);
        check_against_whole_parse(text.substr(0, length));
    }
    check_against_whole_parse(text + " x");
    check_against_whole_parse(text + ",");
    check_against_whole_parse("[" + text + "]");
}

TEST_CASE("every one of twenty thousand problems is given its line and column", "[json][layout]") {
    // One action a line, each leading with an officer the store does not know (a problem of the
    // store's checks) or, in a second document, with a misspelt member (a problem of the
    // reader's); each problem is placed where its action's value is written.
    constexpr std::size_t actions = 20000;
    constexpr std::size_t first_line = 4;
    const auto document = [&](const std::string& member) {
        std::string text =
            "{\"bestvalue\": \"1\",\n\"plans\": [{\"id\": \"p\", \"title\": \"P\"}],\n"
            "\"actions\": [\n";
        for (std::size_t i = 0; i < actions; ++i) {
            text += (i == 0 ? "" : ",\n") + std::string("{\"id\": \"p/") + std::to_string(i) +
                    "\", \"plan\": \"p\", \"" + member + "\": [\"nobody-" + std::to_string(i) +
                    "\"]}";
        }
        return text + "\n]}";
    };
    for (const std::string member : {"leads", "leeds"}) {
        INFO(member);
        const std::string text = document(member);
        Store store;
        try {
            bestvalue::read_json(store, text);
            FAIL("expected a ValidationError");
        } catch (const bestvalue::ValidationError& error) {
            REQUIRE(error.problems().size() == actions);
            std::size_t misplaced = 0;
            for (const auto& problem : error.problems()) {
                const std::size_t i = std::stoul(problem.location.substr(9));
                const std::string expected_location =
                    "/actions/" + std::to_string(i) + (member == "leads" ? "/leads/0" : "/leeds");
                // The line's text up to the value: {"id": "p/<i>", "plan": "p", "<member>": [
                const std::size_t column =
                    std::string("{\"id\": \"p/").size() + std::to_string(i).size() +
                    std::string("\", \"plan\": \"p\", \"").size() + member.size() +
                    std::string("\": ").size() + 1 + (member == "leads" ? 1 : 0);
                if (problem.location != expected_location || problem.line != first_line + i ||
                    problem.column != column) {
                    ++misplaced;
                    UNSCOPED_INFO(problem.location << " at " << problem.line << ":"
                                                   << problem.column);
                }
            }
            CHECK(misplaced == 0);
        }
    }
}

TEST_CASE("a long collection read in parts gives its entities and problems in the order written",
          "[json][layout]") {
    // Twenty thousand actions, one a line: read in parts at once where the machine has two
    // cores or more, split at marked items (every 4,096th). Some items carry a problem of the
    // reader's, in every part and at the items where parts may begin.
    constexpr std::size_t actions = 20000;
    const std::vector<std::size_t> misspelt = {3, 4095, 4096, 9000, 12289, 19999};
    const std::vector<std::size_t> not_objects = {8192, 16384};
    const auto document = [&](bool with_problems, const std::string& separator) {
        std::string text =
            "{\"bestvalue\": \"1\",\n\"plans\": [{\"id\": \"p\", \"title\": \"P\"}],\n"
            "\"actions\": [\n";
        for (std::size_t i = 0; i < actions; ++i) {
            const auto has = [&](const std::vector<std::size_t>& items) {
                return with_problems && std::find(items.begin(), items.end(), i) != items.end();
            };
            text += i == 0 ? "" : separator;
            if (has(not_objects)) {
                text += std::to_string(i);
                continue;
            }
            text += "{\"id\": \"p/" + std::to_string(i) + "\", \"plan\": \"p\", \"ref\": \"" +
                    std::to_string(i) + "\", \"" + (has(misspelt) ? "titel" : "title") +
                    "\": \"action " + std::to_string(i) + "\"}";
        }
        text += "\n],\n\"progress\": [\n";
        for (std::size_t i = 0; i < actions; ++i) {
            text += (i == 0 ? "" : separator) + std::string("{\"subject\": \"p/") +
                    std::to_string((i * 7) % actions) + "\", \"as_of\": \"2009-01-01\", " +
                    "\"percent\": " + std::to_string(i % 100) + "}";
        }
        return text + "\n]}";
    };

    for (const std::string separator : {",\n", " , ", ","}) {
        INFO("separator '" << separator << "'");
        Store store;
        bestvalue::read_json(store, document(false, separator));
        REQUIRE(store.actions().size() == actions);
        REQUIRE(store.progress().size() == actions);
        std::size_t misread = 0;
        for (std::size_t i = 0; i < actions; ++i) {
            const auto action = store.actions()[i];
            const auto& update = store.progress()[i];
            misread += action.id() == "p/" + std::to_string(i) &&
                               action.ref() == std::to_string(i) &&
                               action.title() == "action " + std::to_string(i) &&
                               update.subject == "p/" + std::to_string((i * 7) % actions) &&
                               update.percent == static_cast<double>(i % 100)
                           ? 0
                           : 1;
        }
        CHECK(misread == 0);
    }

    // The problems come out in the order of the items, each placed on its item's line.
    constexpr std::size_t first_line = 4;
    std::vector<std::pair<std::string, std::size_t>> expected;
    for (std::size_t i = 0; i < actions; ++i) {
        if (std::find(misspelt.begin(), misspelt.end(), i) != misspelt.end()) {
            expected.emplace_back("/actions/" + std::to_string(i) + "/titel", first_line + i);
        } else if (std::find(not_objects.begin(), not_objects.end(), i) != not_objects.end()) {
            expected.emplace_back("/actions/" + std::to_string(i), first_line + i);
        }
    }
    try {
        Store store;
        bestvalue::read_json(store, document(true, ",\n"));
        FAIL("expected a ValidationError");
    } catch (const bestvalue::ValidationError& error) {
        std::vector<std::pair<std::string, std::size_t>> found;
        for (const auto& problem : error.problems()) {
            found.emplace_back(problem.location, problem.line);
        }
        CHECK(found == expected);
    }

    // A syntax error in any part, or where a part begins, is refused as a whole parse refuses
    // it: the first in the text.
    const std::string text = document(false, ",\n");
    for (const std::size_t item : {std::size_t{2}, std::size_t{8192}, std::size_t{15000}}) {
        const std::string start = "{\"id\": \"p/" + std::to_string(item) + "\"";
        const std::size_t at = text.find(start);
        REQUIRE(at != std::string::npos);
        std::string missing_comma = text;
        missing_comma.erase(at - 2, 1); // the comma before the item
        INFO("item " << item);
        CHECK_FALSE(parse_whole(missing_comma).valid);
        check_against_whole_parse(missing_comma);
        std::string broken_item = text;
        broken_item.insert(at + start.size(), "x");
        CHECK_FALSE(parse_whole(broken_item).valid);
        check_against_whole_parse(broken_item);
    }
}

TEST_CASE("long collections of assessments, ratings and recommendations are read in parts, in "
          "order",
          "[json][layout]") {
    // Twenty thousand of each: read in parts at once where the machine has two cores or more.
    // The assessments' dates are read against the date of the document they cite, read before.
    constexpr std::size_t items = 20000;
    const std::vector<std::size_t> misspelt = {3, 4095, 4096, 12289, 19999};
    const std::size_t not_object = 8192;
    const auto document = [&](bool with_problems) {
        std::string text = "{\"bestvalue\": \"1\",\n"
                           "\"documents\": [{\"id\": \"d\", \"title\": \"D\", \"date\": "
                           "\"2009-03-18\"}],\n"
                           "\"organisations\": [{\"id\": \"c\", \"name\": \"C\"}]";
        const auto collection = [&](const std::string& key, const auto& item) {
            text += ",\n\"" + key + "\": [\n";
            for (std::size_t i = 0; i < items; ++i) {
                const bool misspell = with_problems && std::find(misspelt.begin(), misspelt.end(),
                                                                 i) != misspelt.end();
                text += i == 0 ? "" : ",\n";
                text +=
                    with_problems && i == not_object ? "null" : item(std::to_string(i), misspell);
            }
            text += "\n]";
        };
        collection("assessments", [](const std::string& i, bool misspell) {
            return "{\"id\": \"a/" + i + "\", \"" + (misspell ? "titel" : "title") + "\": \"A " +
                   i + "\", \"cites\": [{\"document\": \"d\"}], " +
                   "\"scheduled\": {\"text\": \"July 09\"}}";
        });
        collection("ratings", [](const std::string& i, bool misspell) {
            return "{\"id\": \"r/" + i + "\", \"scale\": \"cpa-score\", \"level\": \"" +
                   std::to_string(1 + std::stoi(i) % 4) + "\", \"subject\": \"c\", \"" +
                   (misspell ? "dat" : "date") + "\": \"2009-01-01\"}";
        });
        collection("recommendations", [](const std::string& i, bool misspell) {
            return "{\"id\": \"m/" + i + "\", \"" + (misspell ? "txt" : "text") + "\": \"R " + i +
                   "\"}";
        });
        return text + "}";
    };

    Store store;
    bestvalue::read_json(store, document(false));
    REQUIRE(store.assessments().size() == items);
    REQUIRE(store.ratings().size() == items);
    REQUIRE(store.recommendations().size() == items);
    std::size_t misread = 0;
    for (std::size_t i = 0; i < items; ++i) {
        const std::string n = std::to_string(i);
        const auto& assessment = store.assessments()[i];
        const auto& rating = store.ratings()[i];
        const auto& recommendation = store.recommendations()[i];
        misread +=
            assessment.id == "a/" + n && assessment.title == "A " + n && assessment.scheduled &&
                    !assessment.scheduled->periods.empty() &&
                    assessment.scheduled->periods[0].start() == bestvalue::Date(2009, 7, 1) &&
                    rating.id == "r/" + n && rating.level == std::to_string(1 + i % 4) &&
                    rating.date == bestvalue::Date(2009, 1, 1) && recommendation.id == "m/" + n &&
                    recommendation.text == "R " + n
                ? 0
                : 1;
    }
    CHECK(misread == 0);

    // The problems come out in the order of the collections and of their items: a required
    // member misspelt is missing, then unknown.
    std::vector<std::string> expected;
    for (const auto& [key, members] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"assessments", {"title", "titel"}},
             {"ratings", {"dat"}},
             {"recommendations", {"text", "txt"}}}) {
        for (std::size_t i = 0; i < items; ++i) {
            if (std::find(misspelt.begin(), misspelt.end(), i) != misspelt.end()) {
                for (const auto& member : members) {
                    expected.push_back("/" + key + "/" + std::to_string(i) + "/" + member);
                }
            } else if (i == not_object) {
                expected.push_back("/" + key + "/" + std::to_string(i));
            }
        }
    }
    std::vector<std::string> found;
    for (const auto& problem : problems_reading(document(true))) {
        found.push_back(problem.location);
    }
    CHECK(found == expected);
}

TEST_CASE("an item repeating a member reads as its last, wherever the item lies",
          "[json][layout]") {
    // Twenty thousand updates, read in stretches of marked items and in parts; some repeat a
    // member, known or unknown. As a whole parse keeps them, the last value counts and an
    // unknown name is one problem.
    constexpr std::size_t updates = 20000;
    const std::vector<std::size_t> repeating = {0, 4095, 4096, 4097, 12000, 19999};
    const auto document = [&](const std::string& repeated) {
        return updates_document(updates, [&](std::size_t i) {
            const bool repeats =
                std::find(repeating.begin(), repeating.end(), i) != repeating.end();
            return (repeats ? repeated : "") + "\"percent\": " + std::to_string(i % 100);
        });
    };
    std::vector<std::string> found;
    for (const auto& problem :
         problems_reading(document("\"percent\": 99, \"colour\": 1, \"colour\": 2, "))) {
        found.push_back(problem.location + " " + problem.message);
    }
    std::vector<std::string> expected;
    for (const std::size_t i : repeating) {
        expected.push_back("/progress/" + std::to_string(i) + "/colour unknown member \"colour\"");
    }
    CHECK(found == expected);

    Store store;
    bestvalue::read_json(store, document("\"percent\": 99, "));
    REQUIRE(store.progress().size() == updates);
    std::size_t misread = 0;
    for (std::size_t i = 0; i < updates; ++i) {
        misread += store.progress()[i].percent == static_cast<double>(i % 100) ? 0 : 1;
    }
    CHECK(misread == 0);
}

TEST_CASE("numbers beyond 64 bits read as a whole parse reads them, wherever they lie",
          "[json][layout]") {
    // simdjson, which parses stretches of items, refuses integers beyond 64 bits and numbers
    // beyond a double's range; Boost.JSON, as a whole parse, reads them as doubles. Such a
    // stretch is read by Boost.JSON, item by item, so the document reads as it always did.
    const std::string huge = "100000000000000000000000"; // 1e23, beyond 64 bits
    Store scales;
    bestvalue::read_json(scales,
                         R"({"bestvalue": "1", "scales": [{"id": "s", "name": "S", "levels": [
                             {"code": "low", "value": 1}, {"code": "high", "value": )" +
                             huge + "}]}]}");
    CHECK(scales.find_scale("s")->levels.at(1).value == 1e23);

    // In a long collection, in a stretch of a part that is not the first: the updates around it
    // read as they are, and the numbers out of range are the problems they always were, each
    // in its place.
    constexpr std::size_t updates = 20000;
    constexpr std::size_t out_of_range = 13000;
    const auto problems = problems_reading(updates_document(updates, [&](std::size_t i) {
        return "\"percent\": " + (i == out_of_range       ? huge
                                  : i == out_of_range + 1 ? std::string("1e400")
                                                          : std::to_string(i % 100));
    }));
    REQUIRE(problems.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(problems[i].location == "/progress/" + std::to_string(out_of_range + i) + "/percent");
        CHECK(problems[i].message == "a percentage must be from 0 to 100");
        CHECK(problems[i].line == 4 + out_of_range + i);
    }
}

TEST_CASE("an item that is not an object is a problem, whichever parser reads it",
          "[json][layout]") {
    // Items of a collection read by simdjson, items of a stretch read by Boost.JSON (the one
    // with a number beyond 64 bits), and items of an array inside an item.
    const auto problems = problems_reading(
        updates_document(3,
                         [](std::size_t i) {
                             return std::string("\"percent\": 5") +
                                    (i == 1 ? ", \"cites\": [7]" : "");
                         })
            .replace(std::string("{\"bestvalue\": \"1\",\n").size(), 0,
                     "\"organisations\": [\"x\", {\"id\": \"o\", \"name\": \"O\", \"start\": "
                     "\"2001-01-01\", \"codes\": {\"gss\": 1e30}}],\n"
                     "\"officers\": [null, {\"id\": \"f\", \"organisation\": \"o\", \"notes\": "
                     "[100000000000000000000000]}],\n"));
    std::vector<std::string> found;
    for (const auto& problem : problems) {
        found.push_back(problem.location + " " + problem.message);
    }
    CHECK(found == std::vector<std::string>{
                       "/organisations/0 expected an object, found a string",
                       "/organisations/1/codes/gss expected a string",
                       "/officers/0 expected an object, found null",
                       "/officers/1/notes/0 expected a string, found a number",
                       "/progress/1/cites/0 expected an object, found a number",
                   });
}

namespace {

// What reading `text` into an empty store gives, told apart from what another text gives only
// by what it holds or what is wrong with it (not by where in the text): the store written back,
// or each problem's place and message, or the reason it is not a bestvalue document.
std::string outcome_of_reading(const std::string& text) {
    try {
        Store store;
        bestvalue::read_json(store, text);
        return "read: " + bestvalue::write_json(store);
    } catch (const bestvalue::ValidationError& error) {
        std::string problems = "problems:";
        for (const auto& problem : error.problems()) {
            problems += " " + problem.location + " " + problem.message + ";";
        }
        return problems;
    } catch (const bestvalue::ParseError& error) {
        return "refused: " + error.reason();
    }
}

// `text` with whitespace enough to have its members scanned beside the reading: `stretch` at
// each "<stretch>" in it, and 1.5 MiB after its first character, where the scan passes it before
// finding any member, or before its last (the object's close), where it passes it after finding
// every member. With `stretch` empty and `at_start` false, just `text` without its marks, small.
std::string stretched(std::string text, const std::string& stretch, std::optional<bool> at_start) {
    const std::string mark = "<stretch>";
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
        text.replace(at, mark.size(), stretch);
        at += stretch.size();
    }
    if (at_start) {
        text.insert(*at_start ? 1 : text.size() - 1, std::size_t{3} << 19, ' ');
    }
    return text;
}

} // namespace

TEST_CASE("a document is written with its members in the order they are read", "[json][layout]") {
    // A large document's reading takes a member not found by the time one written after it is
    // found for absent: in the order written here, every member is where it looks.
    const std::vector<std::string> reading_order = {
        "bestvalue", "documents",    "organisations", "officers", "service_areas",
        "scales",    "vocabularies", "assessments",   "ratings",  "recommendations",
        "plans",     "actions",      "progress"};
    const json::object written =
        json::parse(bestvalue::write_json(bestvalue::testing::five_papers())).as_object();
    // Empty collections are left out; those written come in that order.
    std::size_t next = 0;
    for (const auto& member : written) {
        const auto found = std::find(reading_order.begin() + static_cast<std::ptrdiff_t>(next),
                                     reading_order.end(), std::string(member.key()));
        INFO("member " << std::string(member.key()));
        REQUIRE(found != reading_order.end());
        next = static_cast<std::size_t>(found - reading_order.begin()) + 1;
    }
    CHECK(written.size() >= 10); // the seeds hold all but a few collections
}

TEST_CASE("a large document, its members scanned while the first are read, reads as a small one",
          "[json][layout]") {
    std::vector<std::string> texts;
    for (const auto& name : bestvalue::testing::seed_datasets()) {
        texts.push_back(read_data_file(bestvalue::testing::examples_dir() + name));
    }
    const std::string plan = "{\"id\": \"p\", \"title\": \"P\", \"organisation\": \"c\"}";
    const std::string other_plan = "{\"id\": \"q\", \"title\": \"Q\", \"organisation\": \"c\"}";
    const std::string council = "\"organisations\": [{\"id\": \"c\", \"name\": \"C\"}]";
    const std::string action = "\"actions\": [{\"id\": \"p/1\", \"plan\": \"p\", \"ref\": "
                               "\"1\", \"title\": \"T\"}]";
    // Long enough (16 MiB) that the members before it are read before the scan has passed it.
    const std::string stretch(std::size_t{1} << 24, ' ');
    const std::string padding = "<stretch>";
    // Members written out of the order bestvalue writes them, repeated, missing or wrong: each
    // of these is read again once every member is scanned, or refused as a small one is.
    texts.insert(
        texts.end(),
        {// In the order written, then the plans before the organisations, "bestvalue" last.
         "{\"bestvalue\": \"1\", " + council + ", \"plans\": [" + plan + "], " + action + "}",
         "{\"plans\": [" + plan + "], " + council + ", " + action + ", \"bestvalue\": \"1\"}",
         // The plans repeated after a long stretch: the last counts, whichever is wrong.
         "{\"bestvalue\": \"1\", " + council + ", \"plans\": [" + plan + "], " + padding +
             "\"plans\": [" + other_plan + "]}",
         "{\"bestvalue\": \"1\", " + council + ", \"plans\": [{\"id\": \"p\"}], " + padding +
             "\"plans\": [" + plan + "], " + action + "}",
         // A collection before the plans written after them and after a long stretch.
         "{\"bestvalue\": \"1\", \"plans\": [" + plan + "], " + padding + council + "}",
         // No version, a version written late, a wrong version.
         "{" + council + "}", "{" + council + ", " + padding + "\"bestvalue\": \"1\"}",
         "{\"bestvalue\": \"2\", " + council + "}",
         // Not JSON after a long stretch, or not an object's members.
         "{\"bestvalue\": \"1\", " + council + ", " + padding + "\"plans\": [}",
         "{\"bestvalue\": \"1\", " + council + ", " + padding + "\"plans\" []}", "[<stretch>]",
         // A member's name that is not JSON, before and after a long stretch.
         "{\"bestvalue\": \"1\", \"pl\\xans\": [], " + padding + council + "}",
         "{\"bestvalue\": \"1\", " + council + ", " + padding + "\"pl\\xans\": []}"});
    for (std::size_t i = 0; i < texts.size(); ++i) {
        INFO("text " << i << ": " << texts[i].substr(0, 160));
        const std::string small = outcome_of_reading(stretched(texts[i], "", std::nullopt));
        if (i < bestvalue::testing::seed_datasets().size()) {
            CHECK(small.starts_with("read: "));
        }
        CHECK(outcome_of_reading(stretched(texts[i], stretch, std::nullopt)) == small);
        CHECK(outcome_of_reading(stretched(texts[i], stretch, true)) == small);
        CHECK(outcome_of_reading(stretched(texts[i], stretch, false)) == small);
    }
}
