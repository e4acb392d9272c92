#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/keyless_map.hpp"

using bestvalue::detail::KeylessMap;

namespace {

// Keys held outside the map, as a store's entities hold their ids; a value is a key's position.
struct Keys {
    std::vector<std::string> texts;
    std::string_view operator()(std::uint32_t position) const { return texts[position]; }
};

Keys many_keys(std::size_t count) {
    Keys keys;
    keys.texts = {"", "a", "a/", "a/b"};
    for (std::size_t i = 0; keys.texts.size() < count; ++i) {
        keys.texts.push_back("council-" + std::to_string(i % 37) + "/plan/" + std::to_string(i));
    }
    return keys;
}

} // namespace

TEST_CASE("a keyless map finds every key it was given, and only those", "[keyless_map]") {
    const Keys keys = many_keys(20000);
    for (const bool reserved : {false, true}) {
        INFO(reserved);
        KeylessMap<std::uint32_t> map;
        CHECK(map.find("a", keys) == nullptr);
        if (reserved) {
            map.reserve(keys.texts.size());
        }
        const std::size_t bytes = map.bytes();
        for (std::uint32_t i = 0; i < keys.texts.size(); ++i) {
            const auto [value, added] = map.try_emplace(keys.texts[i], i, keys);
            CHECK(added);
            CHECK(*value == i);
        }
        CHECK(map.size() == keys.texts.size());
        if (reserved) {
            CHECK(map.bytes() == bytes); // reserved room takes them all without growing
        }
        for (std::uint32_t i = 0; i < keys.texts.size(); ++i) {
            const std::uint32_t* found = map.find(std::string(keys.texts[i]), keys);
            REQUIRE(found != nullptr);
            CHECK(*found == i);
        }
        // The first value given under a key stays.
        const auto [value, added] = map.try_emplace(keys.texts[10], 10, keys);
        CHECK_FALSE(added);
        CHECK(*value == 10);
        for (const std::string_view missing : {"b", "a/b/", "council-1/plan/1000000", "A"}) {
            CHECK(map.find(missing, keys) == nullptr);
        }
        std::size_t visited = 0;
        map.for_each([&](std::uint32_t position) { visited += position < keys.texts.size(); });
        CHECK(visited == keys.texts.size());
    }
}

TEST_CASE("a keyless map keeps every other key findable as keys are erased", "[keyless_map]") {
    // Small maps with long runs of used slots, wrapping past the end: erasing moves the values
    // after a gap back into it only where their probes pass the gap. Checked against std::map
    // after every step of a random sequence.
    const Keys keys = many_keys(600);
    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        KeylessMap<std::uint32_t, 90> map;
        std::map<std::uint32_t, bool> held;
        for (int step = 0; step < 3000; ++step) {
            const auto position = static_cast<std::uint32_t>(random() % keys.texts.size());
            if (random() % 3 == 0) {
                CHECK(map.erase(keys.texts[position], keys) == (held.erase(position) == 1));
            } else {
                CHECK(map.try_emplace(keys.texts[position], position, keys).second ==
                      held.emplace(position, true).second);
            }
            REQUIRE(map.size() == held.size());
        }
        for (std::uint32_t i = 0; i < keys.texts.size(); ++i) {
            const std::uint32_t* found = map.find(keys.texts[i], keys);
            CHECK((found != nullptr) == held.contains(i));
            if (found != nullptr) {
                CHECK(*found == i);
            }
        }
    }
    KeylessMap<std::uint32_t> empty;
    CHECK_FALSE(empty.erase("a", keys));
}
