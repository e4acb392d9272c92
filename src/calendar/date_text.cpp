#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/calendar/financial_year.hpp>
#include <bestvalue/calendar/quarter.hpp>
#include <bestvalue/calendar/season.hpp>
#include <bestvalue/error.hpp>

// The reader works on tokens (words, numbers, punctuation) that remember their byte offsets,
// so every period, recurrence and unread run can be given back as the exact original text.
// At each token it tries every kind of expression and takes the longest that matches; tokens
// no expression takes are reported as unread. The rules are documented in docs/calendar.md.

namespace bestvalue {

namespace {

enum class TokenKind { word, number, punct };

struct Token {
    TokenKind kind = TokenKind::punct;
    std::string lower; // words in lower case; punctuation as written, dashes folded to '-'
    int value = 0;     // numbers only
    int digits = 0;    // numbers only
    bool ordinal = false;
    std::size_t begin = 0; // byte offsets into the original text
    std::size_t end = 0;
};

bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        Token token;
        token.begin = i;
        if (is_ascii_digit(c)) {
            token.kind = TokenKind::number;
            while (i < text.size() && is_ascii_digit(text[i])) {
                if (token.digits < 9) {
                    token.value = token.value * 10 + (text[i] - '0');
                }
                ++token.digits;
                ++i;
            }
            // '4th', '2nd', '1st', '3rd': an ordinal suffix belongs to the number.
            if (i + 1 < text.size() && is_ascii_alpha(text[i]) && is_ascii_alpha(text[i + 1]) &&
                (i + 2 >= text.size() || !is_ascii_alpha(text[i + 2]))) {
                const std::string suffix{to_lower(text[i]), to_lower(text[i + 1])};
                if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
                    token.ordinal = true;
                    i += 2;
                }
            }
        } else if (is_ascii_alpha(c)) {
            token.kind = TokenKind::word;
            while (i < text.size() &&
                   (is_ascii_alpha(text[i]) ||
                    (text[i] == '\'' && i + 1 < text.size() && is_ascii_alpha(text[i + 1])))) {
                token.lower += to_lower(text[i]);
                ++i;
            }
        } else {
            token.kind = TokenKind::punct;
            const std::size_t length =
                std::min(utf8_length(static_cast<unsigned char>(c)), text.size() - i);
            const std::string_view piece = text.substr(i, length);
            // En and em dashes mean what a hyphen means in a range.
            token.lower = (piece == "\u2013" || piece == "\u2014") ? "-" : std::string(piece);
            i += length;
        }
        token.end = i;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

constexpr std::array<std::pair<std::string_view, int>, 24> month_words = {{
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
}};

constexpr std::array<std::pair<std::string_view, Season>, 5> season_words = {{
    {"spring", Season::spring},
    {"summer", Season::summer},
    {"autumn", Season::autumn},
    {"fall", Season::autumn},
    {"winter", Season::winter},
}};

// Words that join a date to its sentence without adding to what it says; they are not
// reported as unread.
constexpr std::array<std::string_view, 12> connector_words = {
    "by", "before", "the", "end", "of", "in", "and", "to", "from", "until", "during", "on"};

constexpr std::array<std::string_view, 3> done_words = {"done", "completed", "complete"};

template <typename Value>
struct Found {
    Value value;
    std::size_t next = 0; // the first token after the match
};

// A date expression as written, before a range fills in what one end leaves out:
// 'Feb' in 'Feb/Mar 09' has a month but no year; '26th' in '26th-27th January 2009' only a day.
struct Point {
    enum class Kind { date_parts, whole };
    Kind kind = Kind::date_parts;
    std::optional<int> day;
    std::optional<int> month;
    std::optional<int> year;
    std::optional<Period> whole; // a season, quarter, financial year or year, complete as written
    std::optional<FinancialYear> financial_year; // set when `whole` is a financial year
    std::size_t first_token = 0;
};

class Reader {
public:
    Reader(std::string_view text, std::optional<Date> reference)
        : text_(text)
        , reference_(reference)
        , tokens_(tokenize(text)) {}

    DateText read() {
        DateText result;
        result.text = std::string(text_);
        std::vector<bool> consumed(tokens_.size(), false);
        std::size_t i = 0;
        while (i < tokens_.size()) {
            const std::size_t next = read_expression_at(i, result);
            if (next == i) {
                ++i;
                continue;
            }
            std::fill(consumed.begin() + static_cast<std::ptrdiff_t>(i),
                      consumed.begin() + static_cast<std::ptrdiff_t>(next), true);
            i = next;
        }
        collect_unread(consumed, result);
        explain(result);
        return result;
    }

    // The column (from 1) where the first unread run starts, for errors.
    [[nodiscard]] std::size_t column_of(std::string_view piece) const {
        const auto offset = text_.find(piece);
        return offset == std::string_view::npos ? 1 : offset + 1;
    }

private:
    // --- token tests -------------------------------------------------------------------------

    [[nodiscard]] const Token* at(std::size_t i) const {
        return i < tokens_.size() ? &tokens_[i] : nullptr;
    }

    [[nodiscard]] bool is_word(std::size_t i, std::string_view word) const {
        const Token* token = at(i);
        return token != nullptr && token->kind == TokenKind::word && token->lower == word;
    }

    [[nodiscard]] bool is_punct(std::size_t i, std::string_view punct) const {
        const Token* token = at(i);
        return token != nullptr && token->kind == TokenKind::punct && token->lower == punct;
    }

    [[nodiscard]] const Token* number_at(std::size_t i) const {
        const Token* token = at(i);
        return token != nullptr && token->kind == TokenKind::number ? token : nullptr;
    }

    // True if token i is written directly after token i-1, with no space between.
    [[nodiscard]] bool touches_previous(std::size_t i) const {
        return i > 0 && i < tokens_.size() && tokens_[i - 1].end == tokens_[i].begin;
    }

    [[nodiscard]] std::optional<int> month_at(std::size_t i) const {
        const Token* token = at(i);
        if (token == nullptr || token->kind != TokenKind::word) {
            return std::nullopt;
        }
        for (const auto& [word, month] : month_words) {
            if (word == token->lower) {
                return month;
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Season> season_at(std::size_t i) const {
        const Token* token = at(i);
        if (token == nullptr || token->kind != TokenKind::word) {
            return std::nullopt;
        }
        for (const auto& [word, season] : season_words) {
            if (word == token->lower) {
                return season;
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] bool is_range_separator(std::size_t i, bool allow_slash) const {
        return is_punct(i, "-") || is_word(i, "to") || (allow_slash && is_punct(i, "/"));
    }

    // Skips an optional comma ('July, 2004', 'Autumn,2004').
    [[nodiscard]] std::size_t skip_comma(std::size_t i) const {
        return is_punct(i, ",") ? i + 1 : i;
    }

    [[nodiscard]] std::string_view slice(std::size_t first_token, std::size_t next_token) const {
        const std::size_t begin = tokens_[first_token].begin;
        const std::size_t end = tokens_[next_token - 1].end;
        return text_.substr(begin, end - begin);
    }

    [[nodiscard]] ParseError error_at(std::size_t token, std::string_view reason) const {
        const std::size_t offset = tokens_[token].begin;
        return ParseError(reason, text_, {{}, 1, offset + 1, offset});
    }

    // Builds a date, turning an impossible one into an error that points at where it starts.
    [[nodiscard]] Date date_at(std::size_t first_token, int year, int month, int day) const {
        try {
            return make_date(year, month, day);
        } catch (const ParseError& error) {
            throw error_at(first_token, error.reason());
        }
    }

    // --- years ------------------------------------------------------------------------------

    // A two-digit year takes the century that puts it nearest the reference year; at exactly
    // fifty years either way, the earlier.
    [[nodiscard]] std::optional<int> resolve_two_digit_year(int two_digits, std::size_t token) {
        if (!reference_.has_value()) {
            note("two-digit year '" + std::string(slice(token, token + 1)) +
                 "' needs a reference date");
            return std::nullopt;
        }
        const int reference_year = reference_->year();
        int best = 0;
        for (const int century :
             {reference_year / 100 - 1, reference_year / 100, reference_year / 100 + 1}) {
            const int candidate = century * 100 + two_digits;
            if (best == 0 ||
                std::abs(candidate - reference_year) < std::abs(best - reference_year)) {
                best = candidate;
            }
        }
        return best;
    }

    // A year written after a month, day or season: four digits, or two with a reference.
    [[nodiscard]] std::optional<Found<int>> year_at(std::size_t i) {
        const Token* token = number_at(i);
        if (token == nullptr || token->ordinal) {
            return std::nullopt;
        }
        if (token->digits == 4 && token->value >= 1000) {
            return Found<int>{token->value, i + 1};
        }
        if (token->digits == 2) {
            if (const auto year = resolve_two_digit_year(token->value, i)) {
                return Found<int>{*year, i + 1};
            }
        }
        return std::nullopt;
    }

    // A year standing alone: four digits from 1900 to 2099, so that numbers such as extension
    // 'x2550' are not taken for years.
    [[nodiscard]] std::optional<Found<int>> bare_year_at(std::size_t i) const {
        const Token* token = number_at(i);
        if (token == nullptr || token->ordinal || token->digits != 4 || token->value < 1900 ||
            token->value > 2099) {
            return std::nullopt;
        }
        return Found<int>{token->value, i + 1};
    }

    // '2003/04', '2002/2003', '2002-03', '09/10': two consecutive years written together.
    [[nodiscard]] std::optional<Found<FinancialYear>> financial_year_at(std::size_t i) {
        const Token* first = number_at(i);
        const Token* second = number_at(i + 2);
        if (first == nullptr || second == nullptr || first->ordinal || second->ordinal ||
            !touches_previous(i + 1) || !touches_previous(i + 2)) {
            return std::nullopt;
        }
        const bool slash = is_punct(i + 1, "/");
        if (!slash && !is_punct(i + 1, "-")) {
            return std::nullopt;
        }
        std::optional<int> start_year;
        if (first->digits == 4 && first->value >= 1000) {
            start_year = first->value;
        } else if (first->digits == 2 && slash) {
            // '09/10' is read only with a slash; '09-10' is too like other things.
            if (second->digits != 2 || second->value != (first->value + 1) % 100) {
                return std::nullopt;
            }
            start_year = resolve_two_digit_year(first->value, i);
        }
        if (!start_year.has_value()) {
            return std::nullopt;
        }
        const bool follows = (second->digits == 2 && second->value == (*start_year + 1) % 100) ||
                             (second->digits == 4 && second->value == *start_year + 1);
        if (!follows) {
            return std::nullopt;
        }
        return Found<FinancialYear>{FinancialYear(*start_year), i + 3};
    }

    // --- points -----------------------------------------------------------------------------

    [[nodiscard]] std::optional<Found<int>> day_number_at(std::size_t i) const {
        const Token* token = number_at(i);
        if (token == nullptr || token->digits > 2 || token->value < 1) {
            return std::nullopt;
        }
        return Found<int>{token->value, i + 1};
    }

    // Every point that starts at token i, longest first is not needed: the caller compares.
    [[nodiscard]] std::vector<Found<Point>> points_at(std::size_t i) {
        std::vector<Found<Point>> points;
        const auto whole = [&](Period period, std::size_t next,
                               std::optional<FinancialYear> financial_year = std::nullopt) {
            Point point;
            point.kind = Point::Kind::whole;
            point.whole = period.with_text(std::string(slice(i, next)));
            point.financial_year = financial_year;
            point.first_token = i;
            points.push_back({point, next});
        };
        const auto parts = [&](std::optional<int> day, std::optional<int> month,
                               std::optional<int> year, std::size_t next) {
            Point point;
            point.day = day;
            point.month = month;
            point.year = year;
            point.first_token = i;
            points.push_back({point, next});
        };

        // ISO 8601: 2009-02-18.
        if (const Token* year = number_at(i);
            year != nullptr && year->digits == 4 && is_punct(i + 1, "-") && number_at(i + 2) &&
            number_at(i + 2)->digits == 2 && is_punct(i + 3, "-") && number_at(i + 4) &&
            number_at(i + 4)->digits == 2 && touches_previous(i + 4)) {
            const Date day =
                date_at(i, year->value, number_at(i + 2)->value, number_at(i + 4)->value);
            whole(Period::day(day), i + 5);
        }
        // Day/month/year, the UK way round: 22/1/09, 31/03/2009.
        if (const auto day = day_number_at(i);
            day && is_punct(i + 1, "/") && number_at(i + 2) && number_at(i + 2)->digits <= 2 &&
            is_punct(i + 3, "/") && touches_previous(i + 1) && touches_previous(i + 2) &&
            touches_previous(i + 3) && touches_previous(i + 4)) {
            if (const auto year = year_at(i + 4)) {
                whole(Period::day(date_at(i, year->value, number_at(i + 2)->value, day->value)),
                      year->next);
            }
        }
        // '4th April 2003', '2nd April, 2003', '27 MAY 2003', '26th' and '26 January' in ranges.
        if (const auto day = day_number_at(i)) {
            std::size_t next = day->next;
            if (is_word(next, "of")) {
                ++next;
            }
            if (const auto month = month_at(next)) {
                const std::size_t after_month = next + 1;
                if (const auto year = year_at(skip_comma(after_month))) {
                    parts(day->value, *month, year->value, year->next);
                } else {
                    parts(day->value, *month, std::nullopt, after_month);
                }
            } else {
                // A lone day is only ever the first end of a range ('26th-27th January 2009').
                parts(day->value, std::nullopt, std::nullopt, day->next);
            }
        }
        // 'July 2009', '(July,2004)', 'Dec 08', and 'Feb' in 'Feb/Mar 09'.
        if (const auto month = month_at(i)) {
            std::size_t next = i + 1;
            if (is_punct(next, ".")) { // 'Sept.'
                ++next;
            }
            if (const auto year = year_at(skip_comma(next))) {
                parts(std::nullopt, *month, year->value, year->next);
            }
            parts(std::nullopt, *month, std::nullopt, next);
        }
        // 'Autumn, 2004', 'spring of 2002', 'Winter 2004/05'.
        if (const auto season = season_at(i)) {
            std::size_t next = i + 1;
            if (is_word(next, "of")) {
                ++next;
            }
            next = skip_comma(next);
            const auto financial_year = financial_year_at(next);
            if (financial_year && *season == Season::winter) {
                whole(season_period(Season::winter, financial_year->value.start_year()),
                      financial_year->next);
            } else if (!financial_year) {
                if (const auto year = year_at(next)) {
                    whole(season_period(*season, year->value), year->next);
                }
            }
        }
        // 'Q3 2004/05' (financial) and 'Q1 2009' (calendar).
        if (is_word(i, "q") && number_at(i + 1) && touches_previous(i + 1) &&
            number_at(i + 1)->digits == 1 && number_at(i + 1)->value >= 1 &&
            number_at(i + 1)->value <= 4) {
            const int number = number_at(i + 1)->value;
            if (const auto financial_year = financial_year_at(i + 2)) {
                whole(FinancialQuarter(financial_year->value, number).period(),
                      financial_year->next);
            } else if (const auto year = year_at(i + 2)) {
                whole(CalendarQuarter(year->value, number).period(), year->next);
            }
        }
        if (const auto financial_year = financial_year_at(i)) {
            whole(financial_year->value.period(), financial_year->next, financial_year->value);
        }
        if (const auto year = bare_year_at(i)) {
            whole(Period::year(year->value), year->next);
        }
        return points;
    }

    // A point that stands alone as a period, or nothing if it lacks a year.
    [[nodiscard]] std::optional<Period> complete(const Point& point, std::size_t next) const {
        if (point.kind == Point::Kind::whole) {
            return point.whole;
        }
        if (!point.month || !point.year) {
            return std::nullopt;
        }
        std::string text(slice(point.first_token, next));
        if (point.day) {
            return Period::day(date_at(point.first_token, *point.year, *point.month, *point.day),
                               std::move(text));
        }
        return Period::month(*point.year, *point.month, std::move(text));
    }

    // 'Feb/Mar 09', 'April 2003 – March 2004', '26th-27th January 2009', '2003/04 – 2005/06',
    // '2008-2013': the first end takes what it leaves out from the second.
    [[nodiscard]] std::optional<Period> join(const Point& first, const Point& second,
                                             std::size_t next) const {
        const std::string text(slice(first.first_token, next));
        const auto checked = [&](Date start, Date end, Precision precision) -> Period {
            if (end < start) {
                throw error_at(first.first_token, "impossible period: it ends on " + to_iso(end) +
                                                      ", before it starts on " + to_iso(start));
            }
            return {start, end, precision, text};
        };
        if (first.kind == Point::Kind::whole || second.kind == Point::Kind::whole) {
            if (first.financial_year && second.financial_year) {
                return checked(first.whole->start(), second.whole->end(),
                               Precision::financial_year_range);
            }
            const bool both_years = first.whole && second.whole &&
                                    first.whole->precision() == Precision::year &&
                                    second.whole->precision() == Precision::year;
            if (both_years) {
                return checked(first.whole->start(), second.whole->end(), Precision::year_range);
            }
            return std::nullopt;
        }
        if (!second.month || !second.year) {
            return std::nullopt;
        }
        if (second.day) {
            // Day ranges: '26th-27th January 2009', '30 December – 2 January 2009'.
            if (!first.day) {
                return std::nullopt;
            }
            const int month = first.month.value_or(*second.month);
            int year = first.year.value_or(*second.year);
            if (!first.year && month > *second.month) {
                year -= 1;
            }
            return checked(date_at(first.first_token, year, month, *first.day),
                           date_at(second.first_token, *second.year, *second.month, *second.day),
                           Precision::day_range);
        }
        if (first.day || !first.month) {
            return std::nullopt;
        }
        // Month ranges: a year written once applies to both months; if the first month comes
        // later in the year than the second, it is in the year before ('Nov/Jan 09').
        int year = first.year.value_or(*second.year);
        if (!first.year && *first.month > *second.month) {
            year -= 1;
        }
        return checked(date_at(first.first_token, year, *first.month, 1),
                       date_at(second.first_token, *second.year, *second.month,
                               days_in_month(*second.year, *second.month)),
                       Precision::month_range);
    }

    // The longest period (single or range) that starts at token i.
    [[nodiscard]] std::optional<Found<Period>> period_at(std::size_t i) {
        std::optional<Found<Period>> best;
        const auto offer = [&](std::optional<Period> period, std::size_t next) {
            if (period && (!best || next > best->next)) {
                best = Found<Period>{*period, next};
            }
        };
        for (const auto& first : points_at(i)) {
            offer(complete(first.value, first.next), first.next);
            const bool month_only = first.value.month && !first.value.day && !first.value.year;
            if (!is_range_separator(first.next, month_only)) {
                continue;
            }
            for (const auto& second : points_at(first.next + 1)) {
                offer(join(first.value, second.value, second.next), second.next);
            }
        }
        return best;
    }

    // 'by 2005', 'by the end of 2002', 'before the end of 2003', 'end of 2003', 'before 2005'.
    [[nodiscard]] std::optional<Found<Period>> deadline_at(std::size_t i) {
        std::size_t next = i;
        bool before_start = false;
        if (is_word(next, "by")) {
            ++next;
        } else if (is_word(next, "before")) {
            ++next;
            before_start = true;
        } else if (is_word(next, "no") && is_word(next + 1, "later") && is_word(next + 2, "than")) {
            next += 3;
        }
        std::size_t after_end_of = next;
        if (is_word(after_end_of, "the")) {
            ++after_end_of;
        }
        if (is_word(after_end_of, "end") && is_word(after_end_of + 1, "of")) {
            next = after_end_of + 2;
            before_start = false; // 'before the end of X' is by the end of X
        } else if (next == i) {
            return std::nullopt; // neither 'by', 'before', 'no later than' nor 'end of'
        }
        const auto period = period_at(next);
        if (!period) {
            return std::nullopt;
        }
        const Date end =
            before_start ? period->value.start() - boost::gregorian::days(1) : period->value.end();
        return Found<Period>{Period::by(end, std::string(slice(i, period->next))), period->next};
    }

    // 'annually', 'quarterly', 'Six-monthly', 'each year', 'four times a year', and an annual
    // one's month: 'annually in March'.
    [[nodiscard]] std::optional<Found<Recurrence>> recurrence_at(std::size_t i) const {
        std::optional<Frequency> frequency;
        std::optional<int> month;
        std::size_t next = i + 1;
        const Token* token = at(i);
        if (token == nullptr || token->kind != TokenKind::word) {
            return std::nullopt;
        }
        const std::string& word = token->lower;
        if (word == "annually" || word == "annual" || word == "yearly") {
            frequency = Frequency::annual;
        } else if (word == "quarterly") {
            frequency = Frequency::quarterly;
        } else if (word == "monthly") {
            frequency = Frequency::monthly;
        } else if (word == "weekly") {
            frequency = Frequency::weekly;
        } else if ((word == "six" || word == "half") &&
                   (is_word(i + 1, word == "six" ? "monthly" : "yearly") ||
                    (is_punct(i + 1, "-") &&
                     is_word(i + 2, word == "six" ? "monthly" : "yearly")))) {
            frequency = Frequency::six_monthly;
            next = is_punct(i + 1, "-") ? i + 3 : i + 2;
        } else if (word == "each" || word == "every") {
            if (is_word(i + 1, "year")) {
                frequency = Frequency::annual;
            } else if (is_word(i + 1, "quarter")) {
                frequency = Frequency::quarterly;
            } else if (is_word(i + 1, "month")) {
                frequency = Frequency::monthly;
            } else if (is_word(i + 1, "week")) {
                frequency = Frequency::weekly;
            } else if (const auto each_month = month_at(i + 1)) {
                frequency = Frequency::annual;
                month = each_month;
            }
            next = i + 2;
        } else if ((word == "once" || word == "twice" || word == "four") &&
                   is_word(i + 1, word == "four" ? "times" : "a")) {
            const std::size_t a = word == "four" ? i + 2 : i + 1;
            if (is_word(a, "a") && is_word(a + 1, "year")) {
                frequency = word == "once"    ? Frequency::annual
                            : word == "twice" ? Frequency::six_monthly
                                              : Frequency::quarterly;
                next = a + 2;
            }
        }
        if (!frequency) {
            return std::nullopt;
        }
        if (*frequency == Frequency::annual && !month && is_word(next, "in")) {
            const std::size_t after_the = is_word(next + 1, "the") ? next + 2 : next + 1;
            if (const auto in_month = month_at(after_the);
                in_month && !year_follows(after_the + 1)) {
                month = in_month;
                next = after_the + 1;
            }
        }
        return Found<Recurrence>{Recurrence{*frequency, month, std::string(slice(i, next))}, next};
    }

    // True if a year is written at token i (so a month before it is a date, not a recurrence's).
    [[nodiscard]] bool year_follows(std::size_t i) const {
        const Token* token = number_at(skip_comma(i));
        return token != nullptr && (token->digits == 4 || token->digits == 2) && !token->ordinal;
    }

    [[nodiscard]] bool is_done_marker(std::size_t i) const {
        const Token* token = at(i);
        return token != nullptr && token->kind == TokenKind::word &&
               std::find(done_words.begin(), done_words.end(), token->lower) != done_words.end();
    }

    // Reads the longest expression that starts at token i into `result`; returns the token
    // after it, or i if none starts there.
    std::size_t read_expression_at(std::size_t i, DateText& result) {
        if (is_done_marker(i)) {
            result.done = true;
            return i + 1;
        }
        std::optional<Found<Period>> period = period_at(i);
        if (const auto deadline = deadline_at(i);
            deadline && (!period || deadline->next > period->next)) {
            period = deadline;
        }
        std::optional<Found<Recurrence>> recurrence;
        if (!result.recurrence) { // only the first recurrence is read; a second stays unread
            recurrence = recurrence_at(i);
        }
        if (recurrence && (!period || recurrence->next > period->next)) {
            result.recurrence = recurrence->value;
            return recurrence->next;
        }
        if (period) {
            result.periods.push_back(period->value);
            return period->next;
        }
        return i;
    }

    [[nodiscard]] bool is_connector_or_punct(const Token& token) const {
        return token.kind == TokenKind::punct ||
               (token.kind == TokenKind::word &&
                std::find(connector_words.begin(), connector_words.end(), token.lower) !=
                    connector_words.end());
    }

    // Runs of tokens no expression took, each from its first to its last word or number,
    // kept only if it has a word or number that is not a connector.
    void collect_unread(const std::vector<bool>& consumed, DateText& result) const {
        std::size_t i = 0;
        while (i < tokens_.size()) {
            if (consumed[i]) {
                ++i;
                continue;
            }
            std::size_t run_end = i;
            while (run_end < tokens_.size() && !consumed[run_end]) {
                ++run_end;
            }
            std::optional<std::size_t> first;
            std::size_t last = 0;
            bool significant = false;
            for (std::size_t k = i; k < run_end; ++k) {
                if (tokens_[k].kind == TokenKind::punct) {
                    continue;
                }
                if (!first) {
                    first = k;
                }
                last = k;
                significant = significant || !is_connector_or_punct(tokens_[k]);
            }
            if (significant) {
                result.unread.emplace_back(slice(*first, last + 1));
            }
            i = run_end;
        }
    }

    void note(std::string message) {
        if (std::find(notes_.begin(), notes_.end(), message) == notes_.end()) {
            notes_.push_back(std::move(message));
        }
    }

    void explain(DateText& result) const {
        if (result.is_exact()) {
            return;
        }
        const bool nothing_read = result.periods.empty() && !result.recurrence && !result.done;
        std::string reason = nothing_read ? "no date found" : "not all read as dates";
        for (std::size_t k = 0; k < result.unread.size(); ++k) {
            reason += k == 0 ? ": '" : ", '";
            reason += result.unread[k];
            reason += '\'';
        }
        for (const auto& message : notes_) {
            reason += "; ";
            reason += message;
        }
        result.reason = std::move(reason);
    }

    std::string_view text_;
    std::optional<Date> reference_;
    std::vector<Token> tokens_;
    std::vector<std::string> notes_;
};

} // namespace

DateText parse_date_text(std::string_view text, std::optional<Date> reference) {
    return Reader(text, reference).read();
}

std::optional<Date> last_day(const DateText& text) {
    if (text.periods.empty()) {
        return std::nullopt;
    }
    Date end = text.periods.front().end();
    for (const auto& period : text.periods) {
        if (end < period.end()) {
            end = period.end();
        }
    }
    return end;
}

Period parse_period(std::string_view text, std::optional<Date> reference) {
    Reader reader(text, reference);
    DateText result = reader.read();
    if (result.periods.size() == 1 && result.is_exact() && !result.recurrence && !result.done) {
        // The period of text that is exactly one period carries the text as given, brackets
        // and all, so nothing written is lost.
        return result.periods.front().with_text(std::string(text));
    }
    std::string reason;
    if (result.periods.size() > 1) {
        reason = "expected one period, found " + std::to_string(result.periods.size());
    } else if (result.periods.empty()) {
        reason =
            result.reason.empty() ? "expected a period" : "expected a period: " + result.reason;
    } else {
        reason = "expected only a period: " +
                 (result.reason.empty() ? std::string("it also gives a recurrence or 'done'")
                                        : result.reason);
    }
    const std::size_t column = result.unread.empty() ? 1 : reader.column_of(result.unread.front());
    throw ParseError(reason, text, {{}, 1, column, column - 1});
}

} // namespace bestvalue
