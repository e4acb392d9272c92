#include "text.hpp"

#include <algorithm>

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

bool contains_ignoring_case(std::string_view text, std::string_view words) {
    if (words.empty()) {
        return true;
    }
    if (words.size() > text.size()) {
        return false;
    }
    // Find each place the first letter occurs, in either case, with memchr (vectorised), and
    // compare the rest there; the words are short and rarely lower-cased twice, so folding
    // them as we go costs less than a copy.
    const char first = ascii_lower(words.front());
    const char first_upper =
        first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
    const std::string_view rest = words.substr(1);
    const std::size_t last_start = text.size() - words.size();
    const auto matches_at = [&](std::size_t at) {
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (ascii_lower(text[at + 1 + i]) != ascii_lower(rest[i])) {
                return false;
            }
        }
        return true;
    };
    if (first == first_upper) {
        for (std::size_t at = text.find(first); at != std::string_view::npos && at <= last_start;
             at = text.find(first, at + 1)) {
            if (matches_at(at)) {
                return true;
            }
        }
        return false;
    }
    // Both cases of the first letter: the earlier of the two next occurrences each time.
    std::size_t lower_at = text.find(first);
    std::size_t upper_at = text.find(first_upper);
    while (true) {
        const std::size_t at = std::min(lower_at, upper_at);
        if (at == std::string_view::npos || at > last_start) {
            return false;
        }
        if (matches_at(at)) {
            return true;
        }
        if (at == lower_at) {
            lower_at = text.find(first, at + 1);
        } else {
            upper_at = text.find(first_upper, at + 1);
        }
    }
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
