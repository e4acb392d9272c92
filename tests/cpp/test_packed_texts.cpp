// PackedTexts: texts laid end to end come back whole, empty ones included.

#include <string>
#include <vector>

#include <bestvalue/packed_texts.hpp>

#include <catch2/catch.hpp>

TEST_CASE("packed texts give back each text at its position", "[packed]") {
    bestvalue::PackedTexts texts;
    CHECK(texts.empty());
    CHECK(texts.size() == 0);
    const std::vector<std::string> written = {"oxfordshire/raising-our-performance/action/1", "",
                                              "Cabinet – 5 May", std::string("a\0b", 3),
                                              std::string(300, 'x')};
    texts.reserve(2, 10); // less room than needed: it grows
    for (const auto& text : written) {
        texts.push_back(text);
    }
    REQUIRE(texts.size() == written.size());
    CHECK_FALSE(texts.empty());
    for (std::size_t position = 0; position < written.size(); ++position) {
        CHECK(texts[position] == written[position]);
    }
    // A copy holds its own buffer.
    const bestvalue::PackedTexts copy = texts;
    texts.push_back("later");
    CHECK(copy.size() == written.size());
    CHECK(copy[4] == written[4]);
    CHECK(texts[5] == "later");
}
