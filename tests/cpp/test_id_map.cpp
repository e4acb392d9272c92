#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/id_map.hpp"

using bestvalue::detail::IdMap;

TEST_CASE("an id map finds every id it was given, and only those", "[id_map]") {
    // Ids that share long prefixes and differ in length, as a store's do.
    std::vector<std::string> ids = {"", "a", "a/", "a/b"};
    for (int i = 0; i < 5000; ++i) {
        ids.push_back("council-" + std::to_string(i % 37) + "/plan/" + std::to_string(i));
    }
    for (const bool reserved : {false, true}) {
        INFO(reserved);
        IdMap<std::uint32_t> map;
        CHECK(map.find("a") == nullptr);
        map.prefetch("a"); // an empty map has no slot to ask for
        if (reserved) {
            map.reserve(ids.size());
        }
        for (std::uint32_t i = 0; i < ids.size(); ++i) {
            // Asking ahead for ids to come, and for one given, changes nothing.
            map.prefetch(ids[(i + 8) % ids.size()]);
            map.prefetch(ids[i / 2]);
            const auto [value, added] = map.try_emplace(ids[i], i);
            CHECK(added);
            CHECK(*value == i);
        }
        CHECK(map.size() == ids.size());
        for (std::uint32_t i = 0; i < ids.size(); ++i) {
            INFO(ids[i]);
            const std::uint32_t* found = map.find(std::string(ids[i]));
            REQUIRE(found != nullptr);
            CHECK(*found == i);
        }
        // The first value given for an id stays.
        const auto [value, added] = map.try_emplace(ids[10], 99999);
        CHECK_FALSE(added);
        CHECK(*value == 10);
        CHECK(map.size() == ids.size());
        for (const std::string_view missing :
             {"b", "a/b/", "council-1/plan/1000000", "council-0/plan/", "A"}) {
            CHECK(map.find(missing) == nullptr);
        }
        CHECK(*map.find(std::string_view()) == 0); // a null view is the empty id
    }
}
