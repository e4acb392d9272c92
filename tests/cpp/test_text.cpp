#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/text.hpp"

namespace text = bestvalue::detail;

namespace {

// What ignoring case means, written the plain way: ASCII letters fold, other bytes are kept.
char folded(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t find_by_folding(std::string_view text, std::string_view words, std::size_t from = 0) {
    std::string folded_text;
    std::string folded_words;
    for (const char c : text) {
        folded_text += folded(c);
    }
    for (const char c : words) {
        folded_words += folded(c);
    }
    return folded_text.find(folded_words, from);
}

bool contains_by_folding(std::string_view text, std::string_view words) {
    return find_by_folding(text, words) != std::string::npos;
}

// Every string of up to `length` characters from `alphabet`.
std::vector<std::string> all_strings(std::string_view alphabet, std::size_t length) {
    std::vector<std::string> strings{""};
    for (std::size_t from = 0; from < strings.size(); ++from) {
        if (strings[from].size() == length) {
            continue;
        }
        for (const char c : alphabet) {
            strings.push_back(strings[from] + c);
        }
    }
    return strings;
}

} // namespace

TEST_CASE("text is compared ignoring the case of ASCII letters only", "[text]") {
    CHECK(text::lower_case("Recycling-Plan 2009/10") == "recycling-plan 2009/10");
    // Bytes of other characters are kept: 'É' (C3 89) stays as it is.
    CHECK(text::lower_case("CAF\xC3\x89") == "caf\xC3\x89");
    CHECK(text::lower_case("") == "");

    CHECK(text::equal_ignoring_case("SPMO", "spmo"));
    CHECK(text::equal_ignoring_case("", ""));
    CHECK_FALSE(text::equal_ignoring_case("spmo", "spm"));
    CHECK_FALSE(text::equal_ignoring_case("caf\xC3\x89", "caf\xC3\xA9")); // 'É' is not 'é'
    CHECK_FALSE(text::equal_ignoring_case("[", "{"));                     // only letters fold
}

TEST_CASE("containment ignoring case finds words anywhere, in any case of ASCII letters",
          "[text]") {
    CHECK(text::contains_ignoring_case("Increase recycling", "RECYCLING"));
    CHECK(text::contains_ignoring_case("RECYCLING rates", "recycling"));
    CHECK(text::contains_ignoring_case("household reCYcling", "Recycling"));
    CHECK(text::contains_ignoring_case("", ""));
    CHECK(text::contains_ignoring_case("anything", ""));
    CHECK_FALSE(text::contains_ignoring_case("", "a"));
    CHECK_FALSE(text::contains_ignoring_case("recyclin", "recycling")); // longer than the text
    CHECK_FALSE(text::contains_ignoring_case("recyclinG", "recyclings"));
    CHECK(text::contains_ignoring_case("3.10", ".1"));
    CHECK(text::contains_ignoring_case("aaab", "AAB"));  // a partial match before the match
    CHECK(text::contains_ignoring_case("xxAaB", "aab")); // the match ends the text
    CHECK(text::contains_ignoring_case("Caf\xC3\xA9 culture", "CAF\xC3\xA9"));
    CHECK_FALSE(text::contains_ignoring_case("caf\xC3\xA9", "CAF\xC3\x89"));

    // Against the plain definition, every text and words of a small alphabet with both cases,
    // a non-letter and a byte above ASCII.
    const auto texts = all_strings("aAb-\xC3", 5);
    const auto words = all_strings("aAb-\xC3", 3);
    std::size_t disagreements = 0;
    for (const auto& t : texts) {
        for (const auto& w : words) {
            if (text::contains_ignoring_case(t, w) != contains_by_folding(t, w)) {
                ++disagreements;
            }
        }
    }
    CHECK(disagreements == 0);
}

TEST_CASE("containment ignoring case agrees with the plain definition on long texts", "[text]") {
    // Texts long enough to be searched 8, 16 and 32 places at a time, over bytes that the search's
    // quick test confuses ('@' with '`', '[' with '{', 0x0D with '-') as well as both cases of
    // letters, with the words planted at every offset of a block, at the end and nowhere.
    const std::string alphabet = "aAbB@`[{-\x0D\xC3 ";
    std::uint32_t state = 12345;
    const auto next = [&state](std::size_t bound) {
        state = state * 1664525U + 1013904223U; // a fixed LCG: the same texts on every run
        return static_cast<std::size_t>(state >> 8) % bound;
    };
    const auto random_text = [&](std::size_t length) {
        std::string made;
        for (std::size_t i = 0; i < length; ++i) {
            made += alphabet[next(alphabet.size())];
        }
        return made;
    };
    std::size_t disagreements = 0;
    std::size_t misplaced = 0;
    std::size_t found = 0;
    for (std::size_t round = 0; round < 3000; ++round) {
        const std::string words = random_text(1 + next(6));
        std::string haystack = random_text(next(150));
        if (round % 2 == 0) {
            std::string planted = words;
            for (char& c : planted) { // plant it in another case where letters allow
                if (next(2) == 0 && c >= 'a' && c <= 'z') {
                    c = static_cast<char>(c - 'a' + 'A');
                }
            }
            haystack.insert(next(haystack.size() + 1), planted);
        }
        const bool expected = contains_by_folding(haystack, words);
        found += expected ? 1 : 0;
        if (text::contains_ignoring_case(haystack, words) != expected) {
            ++disagreements;
            UNSCOPED_INFO("text '" << haystack << "' words '" << words << "'");
        }
        // The first place at or after any start, as a search that goes on from a match asks.
        const std::size_t from = next(haystack.size() + 2);
        if (text::find_ignoring_case(haystack, words, from) !=
            find_by_folding(haystack, words, from)) {
            ++misplaced;
            UNSCOPED_INFO("text '" << haystack << "' words '" << words << "' from " << from);
        }
    }
    CHECK(disagreements == 0);
    CHECK(misplaced == 0);
    CHECK(found >= 1500); // the planted half at least, so both answers are exercised
    CHECK(found < 3000);
}
