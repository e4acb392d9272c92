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

TEST_CASE("packed texts know whether every byte is ASCII", "[packed]") {
    bestvalue::PackedTexts texts;
    CHECK(texts.is_ascii()); // no texts: nothing that is not
    texts.push_back("council/plan/1");
    texts.push_back("");
    CHECK(texts.is_ascii());
    texts.push_back("Cabinet \xE2\x80\x93 5 May"); // an en dash, three bytes of UTF-8
    CHECK_FALSE(texts.is_ascii());
    texts.push_back("plain again");
    CHECK_FALSE(texts.is_ascii()); // once not, never again
    bestvalue::PackedTexts high;
    high.push_back(std::string(1, '\x7F'));
    CHECK(high.is_ascii());
    high.push_back(std::string(1, '\x80'));
    CHECK_FALSE(high.is_ascii());
}

TEST_CASE("a byte beyond ASCII is seen wherever it lies in a text", "[packed]") {
    // Texts are read eight bytes at a time, then byte by byte: a high byte in either part, at
    // any place, makes them not ASCII.
    for (std::size_t length : {1U, 7U, 8U, 9U, 16U, 23U}) {
        for (std::size_t place = 0; place < length; ++place) {
            std::string text(length, 'a');
            text[place] = '\xC3';
            bestvalue::PackedTexts texts;
            texts.push_back(std::string(length, 'a'));
            CHECK(texts.is_ascii());
            texts.push_back(text);
            INFO("length " << length << ", place " << place);
            CHECK_FALSE(texts.is_ascii());
        }
    }
}
