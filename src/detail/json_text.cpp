#include "json_text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace bestvalue::detail {

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return {line, offset - line_start + 1};
}

BlockBits block_bits_each_byte(const char* block) {
    BlockBits bits;
    for (unsigned i = 0; i < block_size; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        switch (block[i]) {
        case '"':
            bits.quotes |= bit;
            break;
        case '\\':
            bits.backslashes |= bit;
            break;
        case '{':
        case '[':
            bits.opens |= bit;
            break;
        case '}':
        case ']':
            bits.closes |= bit;
            break;
        case ',':
            bits.commas |= bit;
            break;
        default:
            break;
        }
    }
    return bits;
}

BlockBits block_bits(const char* block) {
#if defined(__SSE2__)
    // Sixteen bytes at a time where the processor has SSE2 (every x86-64). '{' and '[', like
    // '}' and ']', differ only in the bit 0x20, and no other byte is either once it is set.
    BlockBits bits;
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i open = _mm_set1_epi8('{');
    const __m128i close = _mm_set1_epi8('}');
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i case_bit = _mm_set1_epi8(0x20);
    for (int part = 0; part < 4; ++part) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * part));
        const __m128i folded = _mm_or_si128(bytes, case_bit);
        const auto bits_of = [part](__m128i equal) {
            return std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(equal))}
                   << (16 * part);
        };
        bits.quotes |= bits_of(_mm_cmpeq_epi8(bytes, quote));
        bits.backslashes |= bits_of(_mm_cmpeq_epi8(bytes, backslash));
        bits.opens |= bits_of(_mm_cmpeq_epi8(folded, open));
        bits.closes |= bits_of(_mm_cmpeq_epi8(folded, close));
        bits.commas |= bits_of(_mm_cmpeq_epi8(bytes, comma));
    }
    return bits;
#else
    return block_bits_each_byte(block);
#endif
}

namespace {

// Each bit set whose count of bits set at or below it is odd: given a block's quotes, the
// bytes from each opening quote up to its closing one (not included), when none is escaped.
std::uint64_t prefix_xor(std::uint64_t bits) {
    for (unsigned shift = 1; shift < 64; shift *= 2) {
        bits ^= bits << shift;
    }
    return bits;
}

// A minimal scanner over text already known to be valid JSON (or failing safely if not).
class Scanner {
public:
    explicit Scanner(std::string_view text)
        : text_(text) {}

    std::size_t position() const { return position_; }
    void move_to(std::size_t position) { position_ = position; }
    bool at_end() const { return position_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[position_]; }

    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++position_;
        }
    }

    bool consume(char c) {
        skip_space();
        if (peek() != c) {
            return false;
        }
        ++position_;
        return true;
    }

    // Reads a string at the position (after the opening quote check); decodes the escapes that
    // can appear in member names we look for, and keeps others verbatim.
    std::string read_string() {
        std::string value;
        ++position_; // opening quote
        while (!at_end() && peek() != '"') {
            if (peek() == '\\' && position_ + 1 < text_.size()) {
                const char escaped = text_[position_ + 1];
                value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
                position_ += escaped == 'u' ? 6 : 2;
                continue;
            }
            value += peek();
            ++position_;
        }
        ++position_; // closing quote
        return value;
    }

    // Moves past the string at the position without decoding it (a quote preceded by an even
    // number of backslashes ends it); false if the text ends inside it. Strings are most of a
    // document's bytes: `memchr` finds each quote.
    bool skip_string() {
        std::size_t from = position_ + 1;
        while (true) {
            const void* quote = std::memchr(text_.data() + from, '"', text_.size() - from);
            if (quote == nullptr) {
                position_ = text_.size();
                return false;
            }
            const auto at =
                static_cast<std::size_t>(static_cast<const char*>(quote) - text_.data());
            std::size_t backslashes = 0;
            while (at - backslashes - 1 > position_ && text_[at - backslashes - 1] == '\\') {
                ++backslashes;
            }
            from = at + 1;
            if (backslashes % 2 == 0) {
                position_ = from;
                return true;
            }
        }
    }

    // Moves past the value at the position, matching brackets and strings without checking
    // what is between them; false if the text ends first or no value starts here. Counts an
    // array's items into `items` when given, and marks where every `item_mark_spacing`-th
    // begins in `marks`, when given.
    bool skip_value(std::size_t* items = nullptr, std::vector<std::size_t>* marks = nullptr) {
        skip_space();
        const std::size_t start = position_;
        const char c = peek();
        if (c == '"') {
            return skip_string();
        }
        if (c == '{' || c == '[') {
            if (items != nullptr) {
                Scanner inside = *this;
                ++inside.position_;
                inside.skip_space();
                *items = c == '[' && inside.peek() != ']' ? 1 : 0;
            }
            return skip_container(c == '[' ? items : nullptr, marks);
        }
        while (!at_end() && peek() != ',' && peek() != '}' && peek() != ']' && peek() != ' ' &&
               peek() != '\n' && peek() != '\r' && peek() != '\t') {
            ++position_;
        }
        return position_ > start;
    }

    // Moves past the array or object whose opening bracket is at the position, as `skip_value`
    // does: counting into `items` (given for an array) the items after its first, which
    // `skip_value` has counted. A national collection is a gigabyte of text: it is read 64
    // bytes at a time, each byte a bit of which bytes are quotes, brackets and commas, the
    // bytes inside strings masked out at once, only brackets looked at one by one, and the
    // commas between two brackets counted at once. A block with a backslash, or after one escaping
    // its first byte, is read a byte at a time: escaped quotes are rare, and so is the need to find
    // them quickly.
    bool skip_container(std::size_t* items, std::vector<std::size_t>* marks) {
        std::size_t depth = 0;
        bool in_string = false;
        bool escaped = false; // the next byte is escaped (in a string, after a backslash)
        // The bracket or comma at `at`, outside any string: true once the container closes.
        const auto structural = [&](std::size_t at) {
            const char d = text_[at];
            if (d == '{' || d == '[') {
                ++depth;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) {
                    position_ = at + 1;
                    return true;
                }
            } else if (d == ',' && depth == 1 && items != nullptr) {
                // Item *items begins after this comma.
                if (marks != nullptr && *items % item_mark_spacing == 0) {
                    marks->push_back(at + 1);
                }
                ++*items;
            }
            return false;
        };
        // The commas of the block at `block_at` whose bits are `commas`, outside strings and
        // with no bracket between them: counted at once, or one at a time if one is marked.
        const auto commas_at_one_depth = [&](std::uint64_t commas, std::size_t block_at) {
            if (depth != 1 || items == nullptr || commas == 0) {
                return;
            }
            const auto count = static_cast<std::size_t>(std::popcount(commas));
            const std::size_t into_spacing = *items % item_mark_spacing;
            if (marks == nullptr ||
                (into_spacing != 0 && into_spacing + count <= item_mark_spacing)) {
                *items += count;
                return;
            }
            for (; commas != 0; commas &= commas - 1) {
                structural(block_at + static_cast<std::size_t>(std::countr_zero(commas)));
            }
        };
        // Any byte at `at`, strings followed through their escapes.
        const auto any = [&](std::size_t at) {
            const char d = text_[at];
            if (in_string) {
                if (escaped) {
                    escaped = false;
                } else if (d == '\\') {
                    escaped = true;
                } else if (d == '"') {
                    in_string = false;
                }
                return false;
            }
            if (d == '"') {
                in_string = true;
                return false;
            }
            return (d == '{' || d == '[' || d == '}' || d == ']' || d == ',') && structural(at);
        };
        constexpr std::size_t block = block_size;
        std::size_t at = position_;
        for (; text_.size() - at >= block; at += block) {
            const BlockBits bits = block_bits(text_.data() + at);
            if (bits.backslashes != 0 || escaped) {
                for (std::size_t i = 0; i < block; ++i) {
                    if (any(at + i)) {
                        return true;
                    }
                }
                continue;
            }
            const std::uint64_t inside =
                prefix_xor(bits.quotes) ^ (in_string ? ~std::uint64_t{0} : std::uint64_t{0});
            in_string = (inside >> 63U) != 0;
            std::uint64_t commas = bits.commas & ~inside;
            for (std::uint64_t brackets = (bits.opens | bits.closes) & ~inside; brackets != 0;
                 brackets &= brackets - 1) {
                const int bracket = std::countr_zero(brackets);
                const std::uint64_t before = (std::uint64_t{1} << bracket) - 1;
                commas_at_one_depth(commas & before, at);
                commas &= ~before;
                if (structural(at + static_cast<std::size_t>(bracket))) {
                    return true;
                }
            }
            commas_at_one_depth(commas, at);
        }
        for (; at < text_.size(); ++at) {
            if (any(at)) {
                return true;
            }
        }
        position_ = text_.size();
        return false;
    }

    // Moves to the value of member `key` of the object at the position; false if absent.
    bool enter_member(const std::string& key) {
        if (!consume('{')) {
            return false;
        }
        while (true) {
            skip_space();
            if (peek() != '"') {
                return false;
            }
            const std::string name = read_string();
            if (!consume(':')) {
                return false;
            }
            skip_space();
            if (name == key) {
                return true;
            }
            if (!skip_value() || !consume(',')) {
                return false;
            }
        }
    }

    // Moves to element `index` of the array at the position; false if absent.
    bool enter_element(std::size_t index) {
        if (!consume('[')) {
            return false;
        }
        for (std::size_t i = 0; i < index; ++i) {
            if (!skip_value() || !consume(',')) {
                return false;
            }
        }
        skip_space();
        return peek() != ']';
    }

private:
    std::string_view text_;
    std::size_t position_ = 0;
};

std::vector<std::string> pointer_tokens(std::string_view pointer) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < pointer.size() && pointer[i] == '/') {
        ++i;
        std::string token;
        while (i < pointer.size() && pointer[i] != '/') {
            if (pointer[i] == '~' && i + 1 < pointer.size()) {
                token += pointer[i + 1] == '1' ? '/' : '~';
                i += 2;
                continue;
            }
            token += pointer[i++];
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

} // namespace

std::optional<std::size_t> locate_pointer(std::string_view text, std::string_view pointer) {
    Scanner scanner(text);
    scanner.skip_space();
    if (scanner.at_end()) {
        return std::nullopt;
    }
    std::size_t found = scanner.position();
    for (const auto& token : pointer_tokens(pointer)) {
        Scanner attempt = scanner;
        const bool is_index = !token.empty() && token.size() < 10 &&
                              token.find_first_not_of("0123456789") == std::string::npos;
        const bool entered = attempt.peek() == '['
                                 ? is_index && attempt.enter_element(std::stoul(token))
                                 : attempt.enter_member(token);
        if (!entered) {
            break;
        }
        attempt.skip_space();
        scanner = attempt;
        found = scanner.position();
    }
    return found;
}

std::optional<std::vector<MemberSpan>> object_members(std::string_view text) {
    return object_members(text, [](const MemberSpan&) {});
}

std::optional<std::vector<MemberSpan>>
object_members(std::string_view text, const std::function<void(const MemberSpan&)>& scanned) {
    Scanner scanner(text);
    if (!scanner.consume('{')) {
        return std::nullopt;
    }
    std::vector<MemberSpan> members;
    if (!scanner.consume('}')) {
        while (true) {
            scanner.skip_space();
            const std::size_t name_begin = scanner.position();
            if (scanner.peek() != '"' || !scanner.skip_string()) {
                return std::nullopt;
            }
            MemberSpan member;
            member.name = text.substr(name_begin, scanner.position() - name_begin);
            if (!scanner.consume(':')) {
                return std::nullopt;
            }
            scanner.skip_space();
            member.value_begin = scanner.position();
            if (!scanner.skip_value(&member.items, &member.item_marks)) {
                return std::nullopt;
            }
            member.value_end = scanner.position();
            members.push_back(member);
            scanned(members.back());
            if (scanner.consume('}')) {
                break;
            }
            if (!scanner.consume(',')) {
                return std::nullopt;
            }
        }
    }
    scanner.skip_space();
    if (!scanner.at_end()) {
        return std::nullopt;
    }
    return members;
}

namespace {

bool is_index_token(std::string_view token) {
    return !token.empty() && token.size() < 10 &&
           token.find_first_not_of("0123456789") == std::string_view::npos;
}

// Locates many pointers into one document: pointers into an item of a top-level array (what
// nearly every problem names) go straight to the item, whose place is found once for the whole
// array, and are followed from there as `locate_pointer` follows them; others are located from
// the start.
class PointerLocator {
public:
    explicit PointerLocator(std::string_view text)
        : text_(text)
        , members_(object_members(text)) {}

    std::optional<std::size_t> locate(std::string_view pointer) {
        const auto tokens = pointer_tokens(pointer);
        if (!members_ || tokens.size() < 2 || !is_index_token(tokens[1])) {
            return locate_pointer(text_, pointer);
        }
        const std::vector<std::size_t>* items = items_of(tokens[0]);
        const std::size_t index = std::stoul(tokens[1]);
        if (items == nullptr || index >= items->size()) {
            return locate_pointer(text_, pointer);
        }
        const std::size_t item = (*items)[index];
        // The rest of the pointer, after its first two tokens, within the item.
        const std::size_t second = pointer.find('/', 1);
        const std::size_t third = pointer.find('/', second + 1);
        if (third == std::string_view::npos) {
            return item;
        }
        const auto within = locate_pointer(text_.substr(item), pointer.substr(third));
        return within ? std::optional<std::size_t>(item + *within) : std::nullopt;
    }

private:
    // Where each item of the top-level array `name` starts (its first member of that name, as
    // `locate_pointer` takes it); null if there is no such array.
    const std::vector<std::size_t>* items_of(const std::string& name) {
        if (const auto found = items_.find(name); found != items_.end()) {
            return found->second ? &*found->second : nullptr;
        }
        std::optional<std::vector<std::size_t>>& items = items_[name];
        for (const auto& member : *members_) {
            if (Scanner(member.name).read_string() != name) {
                continue;
            }
            if (text_[member.value_begin] != '[') {
                break;
            }
            items.emplace();
            Scanner scanner(text_);
            scanner.move_to(member.value_begin + 1);
            scanner.skip_space();
            while (scanner.position() < member.value_end - 1) {
                items->push_back(scanner.position());
                if (!scanner.skip_value() || !scanner.consume(',')) {
                    break;
                }
                scanner.skip_space();
            }
            break;
        }
        return items ? &*items : nullptr;
    }

    std::string_view text_;
    std::optional<std::vector<MemberSpan>> members_;
    std::unordered_map<std::string, std::optional<std::vector<std::size_t>>> items_;
};

} // namespace

void locate_problems(std::string_view text, std::vector<Problem>& problems) {
    PointerLocator locator(text);
    std::vector<std::pair<std::size_t, std::size_t>> located; // offset, problem
    located.reserve(problems.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
        if (const auto offset = locator.locate(problems[i].location)) {
            located.emplace_back(std::min(*offset, text.size()), i);
        }
    }
    // Lines counted once, from one problem's place to the next in the order of the text.
    std::sort(located.begin(), located.end());
    std::size_t line = 1;
    std::size_t line_start = 0;
    std::size_t counted = 0;
    for (const auto& [offset, i] : located) {
        while (const void* newline = std::memchr(text.data() + counted, '\n', offset - counted)) {
            ++line;
            line_start =
                static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1;
            counted = line_start;
        }
        counted = offset;
        problems[i].line = line;
        problems[i].column = offset - line_start + 1;
    }
}

std::string escape_pointer_token(std::string_view token) {
    std::string escaped;
    for (const char c : token) {
        if (c == '~') {
            escaped += "~0";
        } else if (c == '/') {
            escaped += "~1";
        } else {
            escaped += c;
        }
    }
    return escaped;
}

std::string describe_kind(const boost::json::value& value) {
    return describe_kind(value.kind());
}

std::string describe_kind(boost::json::kind kind) {
    switch (kind) {
    case boost::json::kind::null:
        return "null";
    case boost::json::kind::bool_:
        return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
        return "a number";
    case boost::json::kind::string:
        return "a string";
    case boost::json::kind::array:
        return "an array";
    case boost::json::kind::object:
        return "an object";
    }
    return "a value";
}

} // namespace bestvalue::detail
