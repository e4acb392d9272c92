#include <bit>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "detail/json_text.hpp"

using bestvalue::detail::item_mark_spacing;
using bestvalue::detail::MemberSpan;
using bestvalue::detail::object_members;

namespace {

// A document written together with what `object_members` must find in it: each member's
// value, where it begins and ends, its count of items and where its marked items begin.
class Document {
public:
    explicit Document(unsigned seed)
        : random_(seed) {}

    // Adds a member whose value `write` writes; `write` may call `item()` before each item
    // of an array after the first, just after the comma before it.
    template <typename Write>
    void member(const std::string& name, Write write) {
        text_ += members_.empty() ? "{" : ",";
        space();
        text_ += '"' + name + "\":";
        space();
        MemberSpan expected;
        expected.value_begin = text_.size();
        current_ = &expected;
        write();
        current_ = nullptr;
        expected.value_end = text_.size();
        members_.push_back(expected);
        names_.push_back('"' + name + '"');
        space();
    }

    // An array of `count` items, each a random value.
    void array(std::size_t count) {
        MemberSpan& span = *current_;
        current_ = nullptr; // nested arrays are not the member's
        text_ += '[';
        space();
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0) {
                text_ += ',';
                if (i % item_mark_spacing == 0) {
                    span.item_marks.push_back(text_.size());
                }
                space();
            }
            value(0);
            space();
        }
        text_ += ']';
        span.items = count;
    }

    // A random value: strings with escapes, brackets and commas in them, numbers, literals,
    // and arrays and objects of them to a depth of three.
    void value(int depth) {
        const int kind = pick(depth < 3 ? 6 : 3);
        if (kind == 0) {
            string();
        } else if (kind == 1) {
            text_ += std::to_string(pick(100000)) + (pick(2) == 0 ? ".5e3" : "");
        } else if (kind == 2) {
            const char* const literals[] = {"true", "false", "null"};
            text_ += literals[pick(3)];
        } else if (kind == 3 || kind == 4) {
            object(depth);
        } else {
            text_ += '[';
            const int items = pick(4);
            for (int i = 0; i < items; ++i) {
                text_ += i > 0 ? "," : "";
                space();
                value(depth + 1);
            }
            space();
            text_ += ']';
        }
    }

    // An object of random members, at `depth`.
    void object(int depth) {
        text_ += '{';
        const int members = pick(5);
        for (int m = 0; m < members; ++m) {
            text_ += m > 0 ? "," : "";
            space();
            string();
            text_ += ':';
            space();
            value(depth + 1);
        }
        space();
        text_ += '}';
    }

    // A string of random length whose characters include quotes and backslashes escaped,
    // runs of backslashes, brackets, braces and commas.
    void string() {
        const char* const pieces[] = {"a",   "b",       ",",    "[",       "]",
                                      "{",   "}",       "\\\"", "\\\\",    "\\\\\\\"",
                                      "\\n", "\\u0022", " ",    "\xc3\xa9"};
        text_ += '"';
        const int length = pick(3) == 0 ? pick(200) : pick(12);
        for (int i = 0; i < length; ++i) {
            text_ += pieces[pick(static_cast<int>(std::size(pieces)))];
        }
        text_ += '"';
    }

    void space() {
        const char* const spaces[] = {"", "", "", " ", "\n", "\t ", "\r\n  "};
        text_ += spaces[pick(static_cast<int>(std::size(spaces)))];
    }

    [[nodiscard]] std::string finished() {
        text_ += '}';
        return text_;
    }
    [[nodiscard]] const std::vector<MemberSpan>& members() const { return members_; }
    [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

private:
    int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(random_); }

    std::mt19937 random_;
    std::string text_;
    std::vector<MemberSpan> members_;
    std::vector<std::string> names_;
    MemberSpan* current_ = nullptr;
};

void check_members(const std::string& text, const Document& document) {
    const auto found = object_members(text);
    REQUIRE(found.has_value());
    REQUIRE(found->size() == document.members().size());
    for (std::size_t m = 0; m < found->size(); ++m) {
        INFO("member " << m);
        const MemberSpan& is = (*found)[m];
        const MemberSpan& expected = document.members()[m];
        CHECK(is.name == document.names()[m]);
        CHECK(is.value_begin == expected.value_begin);
        CHECK(is.value_end == expected.value_end);
        CHECK(is.items == expected.items);
        CHECK(is.item_marks == expected.item_marks);
    }
}

} // namespace

TEST_CASE("a document's members, their items and marked items are found whatever the strings "
          "hold",
          "[json][layout]") {
    // Quotes and backslashes escaped, brackets and commas in strings, whitespace, nesting:
    // each falls at every place of the scanner's 64-byte blocks over the documents.
    for (unsigned seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        Document document(seed);
        document.member("few", [&] { document.array(seed % 7); });
        document.member("string", [&] { document.string(); });
        document.member("scalar", [&] { document.value(3); });
        document.member("object", [&] { document.object(1); });
        document.member("many", [&] { document.array(seed <= 4 ? 3 * item_mark_spacing : 300); });
        const std::string text = document.finished();
        check_members(text, document);
    }
}

TEST_CASE("an escaped quote is found wherever it falls in a block of the scanner",
          "[json][layout]") {
    // A string whose backslashes and quotes move one byte at a time across the edges of the
    // 64-byte blocks, with a bracket and a comma after each quote that would end it if the
    // escape were missed.
    for (std::size_t pad = 0; pad < 140; ++pad) {
        INFO("pad " << pad);
        for (const std::string_view escapes : {"\\\"", "\\\\\\\"", "\\\\", "\\\\\\\\"}) {
            const std::string inside = std::string(pad, 'x') + std::string(escapes) + "],[" +
                                       std::string(escapes) + "\\\"]";
            const std::string value = "[\"" + inside + "\",{\"k\":[1,2]},3]";
            const std::string text = "{\"a\":" + value + ",\"b\":[]}";
            const auto found = object_members(text);
            REQUIRE(found.has_value());
            REQUIRE(found->size() == 2);
            CHECK((*found)[0].value_begin == 5);
            CHECK((*found)[0].value_end == 5 + value.size());
            CHECK((*found)[0].items == 3);
            CHECK((*found)[1].items == 0);
        }
    }
}

TEST_CASE("a document that ends inside a value has no members", "[json][layout]") {
    for (std::size_t pad = 0; pad < 140; pad += 7) {
        INFO("pad " << pad);
        const std::string body(pad, 'x');
        CHECK_FALSE(object_members("{\"a\":[\"" + body + "\"").has_value());
        CHECK_FALSE(object_members("{\"a\":[\"" + body).has_value());
        CHECK_FALSE(object_members("{\"a\":[\"" + body + "\\\"]}").has_value());
        CHECK_FALSE(object_members("{\"a\":[[\"" + body + "\"]}").has_value());
        CHECK(object_members("{\"a\":[[\"" + body + "\"]]}").has_value());
    }
}

TEST_CASE("an array's marked items are found however its commas fall in the scanner's blocks",
          "[json][layout]") {
    // Items of one byte after a first string of `pad` bytes and no brackets: the scanner counts
    // a block's commas at once, and must find the one before each marked item, which falls at
    // each place of a block in turn as the first item grows.
    for (std::size_t pad = 0; pad < 64; ++pad) {
        INFO("pad " << pad);
        std::string text = "{\"a\":[\"" + std::string(pad, 'x') + "\"";
        std::vector<std::size_t> marks;
        const std::size_t items = 2 * item_mark_spacing + 3;
        for (std::size_t i = 1; i < items; ++i) {
            text += ',';
            if (i % item_mark_spacing == 0) {
                marks.push_back(text.size());
            }
            text += std::to_string(i % 10);
        }
        text += "]}";
        const auto found = object_members(text);
        REQUIRE(found.has_value());
        REQUIRE(found->size() == 1);
        CHECK((*found)[0].value_begin == 5);
        CHECK((*found)[0].items == items);
        CHECK((*found)[0].item_marks == marks);
    }
}

TEST_CASE("a block's bits are the same found sixteen bytes at a time as a byte at a time",
          "[json][layout]") {
    // The scanner finds them with SSE2 where the processor has it, and a byte at a time
    // elsewhere: both must give the same bits for any bytes, those that matter among others
    // that differ from them by one bit (the case bit of '[' and '{' among them).
    using bestvalue::detail::block_bits;
    using bestvalue::detail::block_bits_each_byte;
    using bestvalue::detail::block_size;
    const std::string matter = "\"\\{}[],";
    std::mt19937 random(7);
    std::string block(block_size, ' ');
    for (int trial = 0; trial < 2000; ++trial) {
        for (char& byte : block) {
            const int kind = std::uniform_int_distribution<int>(0, 3)(random);
            const char near =
                matter[std::uniform_int_distribution<std::size_t>(0, matter.size() - 1)(random)];
            byte = kind == 0 ? static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random))
                   : kind == 1
                       ? near
                       : static_cast<char>(near ^
                                           (1 << std::uniform_int_distribution<int>(0, 7)(random)));
        }
        INFO("trial " << trial);
        REQUIRE(block_bits(block.data()) == block_bits_each_byte(block.data()));
    }
    // Each byte that matters, alone, at every place.
    for (std::size_t place = 0; place < block_size; ++place) {
        for (const char byte : matter) {
            std::string one(block_size, 'x');
            one[place] = byte;
            const auto bits = block_bits_each_byte(one.data());
            CHECK(bits == block_bits(one.data()));
            CHECK(std::popcount(bits.quotes | bits.backslashes | bits.opens | bits.closes |
                                bits.commas) == 1);
        }
    }
}
