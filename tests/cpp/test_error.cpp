#include <bestvalue/error.hpp>

#include <catch2/catch.hpp>

TEST_CASE("a parse error's message names source, line, column and text", "[error]") {
    const bestvalue::ParseError error("unexpected ','", "July,,2004", {"plan.json", 3, 6, 5});
    CHECK(std::string(error.what()) == "plan.json:3:6: unexpected ',' in 'July,,2004'");
    CHECK(error.reason() == "unexpected ','");
    CHECK(error.location().line == 3);
    const bestvalue::Error& base = error; // catchable as the library's root
    CHECK(std::string(base.what()).find("unexpected") != std::string::npos);
}

TEST_CASE("a validation error lists every problem", "[error]") {
    const bestvalue::ValidationError error({{"/actions/0/due", "ends before it starts"},
                                            {"/actions/3/lead", "unknown officer 'XYZ'"}});
    CHECK(error.problems().size() == 2);
    CHECK(std::string(error.what()) ==
          "/actions/0/due: ends before it starts; /actions/3/lead: unknown officer 'XYZ'");
}
