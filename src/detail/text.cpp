#include "text.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define BESTVALUE_AVX2_SEARCH 1
#endif

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace bestvalue::detail {

namespace {

// ASCII lower case by arithmetic: libc's tolower costs a call (and a locale lookup) a byte, and
// other bytes compare as they are, which is what the "C" locale did.
constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

std::string lower_case(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        c = ascii_lower(c);
    }
    return lower;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

namespace {

// Eight bytes at a time (SWAR): a word whose bytes are those of the text from `at`.
std::uint64_t load_word(std::string_view text, std::size_t at) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + at, sizeof word);
    return word;
}

constexpr std::uint64_t every_byte(unsigned char byte) noexcept {
    return 0x0101010101010101ULL * byte;
}

// The high bit of each byte of `word` that is zero, and no other bit (exact, unlike the
// shorter has-zero trick, whose borrows can mark a byte above a zero one).
constexpr std::uint64_t zero_bytes(std::uint64_t word) noexcept {
    const std::uint64_t low7 = every_byte(0x7F);
    return ~(((word & low7) + low7) | word | low7);
}

// The byte of a word that a bit of it belongs to, counted from the word's first byte in memory.
std::size_t byte_of_bit(int bit) noexcept {
    const auto byte = static_cast<std::size_t>(bit) / 8;
    if constexpr (std::endian::native == std::endian::little) {
        return byte;
    } else {
        return 7 - byte;
    }
}

bool matches_ignoring_case_at(std::string_view text, std::string_view words, std::size_t at) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (ascii_lower(text[at + i]) != ascii_lower(words[i])) {
            return false;
        }
    }
    return true;
}

#if defined(BESTVALUE_AVX2_SEARCH)
// The quick test of find_ignoring_case, 32 places at a time, for processors with AVX2: compiled
// for AVX2 alone and chosen when the processor has it, since the library is built for every
// x86-64. The national text search (111 MB) took 8.5 ms where it took 9.8. Tests the places from
// `at` while 32 fit before `stop` (one past the last place), and leaves `at` past those tested.
__attribute__((target("avx2"))) std::size_t find_ignoring_case_avx2(std::string_view text,
                                                                    std::string_view words,
                                                                    std::size_t& at,
                                                                    std::size_t stop) {
    // No lambdas here: they would be compiled without AVX2.
    const __m256i first =
        _mm256_set1_epi8(static_cast<char>(static_cast<unsigned char>(words.front()) | 0x20U));
    const __m256i last =
        _mm256_set1_epi8(static_cast<char>(static_cast<unsigned char>(words.back()) | 0x20U));
    const __m256i case_bits = _mm256_set1_epi8(0x20);
    const char* const start = text.data();
    const std::size_t last_offset = words.size() - 1;
    for (; at + 32 <= stop; at += 32) {
        const __m256i at_first = _mm256_or_si256(
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(start + at)), case_bits);
        const __m256i at_last = _mm256_or_si256(
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(start + at + last_offset)),
            case_bits);
        auto places = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_and_si256(
            _mm256_cmpeq_epi8(at_first, first), _mm256_cmpeq_epi8(at_last, last))));
        while (places != 0) {
            const std::size_t place = at + static_cast<std::size_t>(std::countr_zero(places));
            if (matches_ignoring_case_at(text, words, place)) {
                return place;
            }
            places &= places - 1;
        }
    }
    return std::string_view::npos;
}

// Asked while the library's statics are made, which may be before the runtime's own detection
// has run: hence the explicit __builtin_cpu_init.
const bool has_avx2 = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
}();
#endif

} // namespace

std::size_t find_ignoring_case(std::string_view text, std::string_view words, std::size_t from) {
    if (from > text.size()) {
        return std::string_view::npos;
    }
    if (words.empty()) {
        return from;
    }
    if (words.size() > text.size() - from) {
        return std::string_view::npos;
    }
    const std::size_t last_start = text.size() - words.size();
    const auto matches_at = [&](std::size_t at) {
        return matches_ignoring_case_at(text, words, at);
    };
    // A place can match only where the text's bytes at the words' first and last positions,
    // with bit 0x20 set, equal the words' first and last bytes with it set: setting it folds
    // 'A'-'Z' onto 'a'-'z' (and a few other bytes onto others, which the full comparison then
    // rejects). Eight places are tested at once, and only places passing both are compared.
    const auto key = [](char c) { return static_cast<unsigned char>(c) | 0x20U; };
    const std::uint64_t first = every_byte(static_cast<unsigned char>(key(words.front())));
    const std::uint64_t last = every_byte(static_cast<unsigned char>(key(words.back())));
    const std::uint64_t case_bits = every_byte(0x20);
    const std::size_t last_offset = words.size() - 1;
    std::size_t at = from;
#if defined(BESTVALUE_AVX2_SEARCH)
    if (has_avx2) {
        if (const auto place = find_ignoring_case_avx2(text, words, at, last_start + 1);
            place != std::string_view::npos) {
            return place;
        }
    }
#endif
#if defined(__SSE2__)
    // Sixteen places at a time where the processor has SSE2 (every x86-64): the same test.
    const __m128i first_16 = _mm_set1_epi8(static_cast<char>(key(words.front())));
    const __m128i last_16 = _mm_set1_epi8(static_cast<char>(key(words.back())));
    const __m128i case_bits_16 = _mm_set1_epi8(0x20);
    const auto load_16 = [&](std::size_t offset) {
        return _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + offset)),
                            case_bits_16);
    };
    for (; at + 16 <= last_start + 1; at += 16) {
        auto places = static_cast<std::uint32_t>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(load_16(at), first_16),
                                            _mm_cmpeq_epi8(load_16(at + last_offset), last_16))));
        while (places != 0) {
            const std::size_t place = at + static_cast<std::size_t>(std::countr_zero(places));
            if (matches_at(place)) {
                return place;
            }
            places &= places - 1;
        }
    }
#endif
    for (; at + 8 <= last_start + 1; at += 8) {
        std::uint64_t places = zero_bytes((load_word(text, at) | case_bits) ^ first) &
                               zero_bytes((load_word(text, at + last_offset) | case_bits) ^ last);
        while (places != 0) {
            const std::size_t place = at + byte_of_bit(std::countr_zero(places));
            if (matches_at(place)) {
                return place;
            }
            places &= places - 1;
        }
    }
    for (; at <= last_start; ++at) {
        if (key(text[at]) == key(words.front()) && matches_at(at)) {
            return at;
        }
    }
    return std::string_view::npos;
}

bool contains_ignoring_case(std::string_view text, std::string_view words) {
    return find_ignoring_case(text, words) != std::string_view::npos;
}

bool natural_less(std::string_view a, std::string_view b) {
    // Negative whole numbers ('-5', '-10') order before the others, the larger magnitude first.
    const auto negative = [](std::string_view text) {
        return text.size() > 1 && text[0] == '-' && is_digit(text[1]);
    };
    if (negative(a) || negative(b)) {
        if (negative(a) && negative(b)) {
            return natural_less(b.substr(1), a.substr(1));
        }
        return negative(a);
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t i_end = i;
            std::size_t j_end = j;
            while (i_end < a.size() && is_digit(a[i_end])) {
                ++i_end;
            }
            while (j_end < b.size() && is_digit(b[j_end])) {
                ++j_end;
            }
            // Longer runs (without leading zeros) are larger numbers.
            auto left = a.substr(i, i_end - i);
            auto right = b.substr(j, j_end - j);
            left.remove_prefix(std::min(left.find_first_not_of('0'), left.size()));
            right.remove_prefix(std::min(right.find_first_not_of('0'), right.size()));
            if (left.size() != right.size()) {
                return left.size() < right.size();
            }
            if (left != right) {
                return left < right;
            }
            i = i_end;
            j = j_end;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string_view nearest_name(std::string_view name, const std::vector<std::string_view>& known) {
    std::string_view best;
    std::size_t best_distance = name.size() / 2 + 2;
    for (const auto candidate : known) {
        std::size_t distance = edit_distance(name, candidate);
        if (name.rfind(candidate, 0) == 0 || candidate.rfind(name, 0) == 0) {
            distance = std::min<std::size_t>(distance, 1);
        }
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace bestvalue::detail
