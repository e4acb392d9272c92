#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/query_language.hpp>

// A hand-written reader for the grammar in docs/query.md: tokens with their columns, then one
// function per rule. Each collection has its own table of fields; a name not in the table is
// an error that suggests the nearest one.

namespace bestvalue {

namespace {

enum class TokenKind { word, string, value, symbol, end };

struct Token {
    TokenKind kind = TokenKind::end;
    std::string text; // words in lower case; strings without their quotes
    std::size_t column = 0;
};

std::vector<Token> tokenize(std::string_view query) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    const auto is_word_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    };
    while (i < query.size()) {
        const char c = query[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
            continue;
        }
        Token token;
        token.column = i + 1;
        if (c == '"' || c == '\'') {
            const auto close = query.find(c, i + 1);
            if (close == std::string_view::npos) {
                throw QueryError("a string is not closed", query, i + 1);
            }
            token.kind = TokenKind::string;
            token.text = std::string(query.substr(i + 1, close - i - 1));
            i = close + 1;
        } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
            // Dates, financial years and numbers: 2009-03-18, 2003/04, 30.
            const auto start = i;
            while (i < query.size() && (std::isalnum(static_cast<unsigned char>(query[i])) != 0 ||
                                        query[i] == '-' || query[i] == '/' || query[i] == '.')) {
                ++i;
            }
            token.kind = TokenKind::value;
            token.text = std::string(query.substr(start, i - start));
        } else if (is_word_char(c)) {
            const auto start = i;
            while (i < query.size() && (is_word_char(query[i]) || query[i] == '-')) {
                ++i;
            }
            token.kind = TokenKind::word;
            for (const char w : query.substr(start, i - start)) {
                token.text += static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
            }
        } else {
            token.kind = TokenKind::symbol;
            const auto two = query.substr(i, 2);
            if (two == "!=" || two == "<=" || two == ">=") {
                token.text = std::string(two);
                i += 2;
            } else if (c == '=' || c == '<' || c == '>') {
                token.text = std::string(1, c);
                ++i;
            } else {
                throw QueryError("unexpected character '" + std::string(1, c) + "'", query, i + 1);
            }
        }
        tokens.push_back(std::move(token));
    }
    tokens.push_back({TokenKind::end, "", query.size() + 1});
    return tokens;
}

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

// 'did you mean "lead"?' for the known name nearest `name`, if any is near; names that share a
// word ('lead_officer' and 'lead') count as near.
std::string suggestion(std::string_view name, const std::vector<std::string_view>& known) {
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
    return best.empty() ? std::string() : "; did you mean \"" + std::string(best) + "\"?";
}

struct Condition {
    bool negated = false;
    std::string field;
    std::string op; // "=", "!=", "<", "<=", ">", ">=", "in", "contains", or "" for a flag
    Token value;
    std::size_t column = 0;
};

struct Parsed {
    QueryCollection collection = QueryCollection::actions;
    bool count = false;
    std::vector<Condition> conditions;
    std::optional<Token> group_by;
    std::optional<Token> order_by;
    bool descending = false;
    std::optional<std::size_t> limit;
    std::optional<Date> as_of;
};

const std::vector<std::string_view>& fields_of(QueryCollection collection) {
    static const std::vector<std::string_view> actions = {
        "plan", "organisation", "section", "lead", "delivery", "status", "health",     "due",
        "tag",  "addresses",    "text",    "ref",  "overdue",  "open",   "due_quarter"};
    static const std::vector<std::string_view> recommendations = {"source", "tag", "addressed",
                                                                  "text", "number"};
    static const std::vector<std::string_view> assessments = {
        "scheduled",   "assessor", "kind",      "status",       "track",
        "responsible", "subject",  "programme", "service_area", "title"};
    switch (collection) {
    case QueryCollection::actions:
        return actions;
    case QueryCollection::recommendations:
        return recommendations;
    case QueryCollection::assessments:
        return assessments;
    }
    return actions;
}

class Reader {
public:
    explicit Reader(std::string_view query)
        : query_(query)
        , tokens_(tokenize(query)) {}

    Parsed parse() {
        Parsed parsed;
        if (is_word("count")) {
            parsed.count = true;
            ++at_;
        }
        parsed.collection = collection();
        if (is_word("where")) {
            ++at_;
            parsed.conditions.push_back(condition(parsed.collection));
            while (is_word("and")) {
                ++at_;
                parsed.conditions.push_back(condition(parsed.collection));
            }
        }
        if (is_word("by")) {
            if (!parsed.count) {
                fail("'by' groups a count: write 'count " + collection_name(parsed.collection) +
                     " by …', or 'order by' to sort");
            }
            ++at_;
            parsed.group_by = field(parsed.collection);
        }
        if (is_word("order")) {
            ++at_;
            expect_word("by");
            parsed.order_by = field(parsed.collection);
            if (is_word("desc") || is_word("asc")) {
                parsed.descending = current().text == "desc";
                ++at_;
            }
        }
        if (is_word("limit")) {
            ++at_;
            const Token& number = current();
            if (number.kind != TokenKind::value ||
                number.text.find_first_not_of("0123456789") != std::string::npos) {
                fail("expected a number after 'limit'");
            }
            parsed.limit = std::stoul(number.text);
            ++at_;
        }
        if (is_word("as")) {
            ++at_;
            expect_word("of");
            const Token& day = current();
            try {
                parsed.as_of = parse_iso_date(day.text);
            } catch (const ParseError&) {
                fail("expected a date 'YYYY-MM-DD' after 'as of'");
            }
            ++at_;
        }
        if (current().kind != TokenKind::end) {
            fail("unexpected '" + current().text +
                 "': a query goes on with 'where', 'and', 'by', 'order by', 'limit' or 'as of'");
        }
        return parsed;
    }

    [[noreturn]] void fail(const std::string& reason, std::size_t column = 0) const {
        throw QueryError(reason, query_, column == 0 ? current().column : column);
    }

private:
    [[nodiscard]] const Token& current() const { return tokens_[at_]; }
    [[nodiscard]] bool is_word(std::string_view word) const {
        return current().kind == TokenKind::word && current().text == word;
    }

    void expect_word(std::string_view word) {
        if (!is_word(word)) {
            fail("expected '" + std::string(word) + "'");
        }
        ++at_;
    }

    static std::string collection_name(QueryCollection collection) {
        switch (collection) {
        case QueryCollection::actions:
            return "actions";
        case QueryCollection::recommendations:
            return "recommendations";
        case QueryCollection::assessments:
            return "assessments";
        }
        return "actions";
    }

    QueryCollection collection() {
        static const std::vector<std::string_view> names = {"actions", "recommendations",
                                                            "assessments"};
        const Token& name = current();
        if (name.kind != TokenKind::word) {
            fail("expected what to ask about: actions, recommendations or assessments");
        }
        ++at_;
        if (name.text == "actions") {
            return QueryCollection::actions;
        }
        if (name.text == "recommendations") {
            return QueryCollection::recommendations;
        }
        if (name.text == "assessments") {
            return QueryCollection::assessments;
        }
        fail("unknown collection \"" + name.text + "\"" + suggestion(name.text, names),
             name.column);
    }

    Token field(QueryCollection collection) {
        const Token& name = current();
        if (name.kind != TokenKind::word) {
            fail("expected a field name");
        }
        const auto& known = fields_of(collection);
        if (std::find(known.begin(), known.end(), name.text) == known.end()) {
            fail("unknown field \"" + name.text + "\" for " + collection_name(collection) +
                     suggestion(name.text, known),
                 name.column);
        }
        ++at_;
        return name;
    }

    Condition condition(QueryCollection collection) {
        Condition result;
        result.column = current().column;
        if (is_word("not")) {
            result.negated = true;
            ++at_;
        }
        const Token name = field(collection);
        result.field = name.text;
        if (result.field == "overdue" || result.field == "open" || result.field == "addressed") {
            return result; // a flag
        }
        const Token& op = current();
        if (op.kind == TokenKind::symbol) {
            result.op = op.text;
        } else if (op.kind == TokenKind::word && (op.text == "in" || op.text == "contains")) {
            result.op = op.text;
        } else {
            fail("expected a comparison after \"" + name.text +
                 "\": =, !=, <, <=, >, >=, in or contains");
        }
        ++at_;
        if (current().kind == TokenKind::end || current().kind == TokenKind::symbol) {
            fail("expected a value after '" + result.op + "'");
        }
        result.value = current();
        ++at_;
        return result;
    }

    std::string_view query_;
    std::vector<Token> tokens_;
    std::size_t at_ = 0;
};

template <typename Enum>
Enum enum_value(const Reader& reader, const Token& token, std::string_view what) {
    const auto value = from_name<Enum>(token.text);
    if (!value) {
        std::vector<std::string_view> names;
        for (const auto& [unused, name] : EnumNames<Enum>::names) {
            names.push_back(name);
        }
        reader.fail("unknown " + std::string(what) + " \"" + token.text + "\"" +
                        suggestion(token.text, names),
                    token.column);
    }
    return *value;
}

ActionField action_field(const Reader& reader, const Token& token) {
    static const std::array<std::pair<std::string_view, ActionField>, 8> fields = {{
        {"plan", ActionField::plan},
        {"section", ActionField::section},
        {"ref", ActionField::ref},
        {"lead", ActionField::lead},
        {"due", ActionField::due},
        {"status", ActionField::lifecycle},
        {"health", ActionField::health},
        {"due_quarter", ActionField::due_quarter},
    }};
    for (const auto& [name, field] : fields) {
        if (name == token.text) {
            return field;
        }
    }
    reader.fail("actions cannot be ordered or grouped by \"" + token.text + "\"", token.column);
}

void require_equality(const Reader& reader, const Condition& condition) {
    if (condition.op != "=" && condition.op != "!=") {
        reader.fail("\"" + condition.field + "\" takes = or !=, not " + condition.op,
                    condition.column);
    }
}

// The filter one condition on actions stands for.
ActionFilter action_condition(const Store& store, const Reader& reader, const Condition& condition,
                              Date day) {
    namespace filters = action_filters;
    const auto& field = condition.field;
    const auto& value = condition.value.text;
    ActionFilter test;
    if (field == "overdue") {
        test = filters::overdue_on(store, day);
    } else if (field == "open") {
        test = filters::open_on(store, day);
    } else if (field == "due") {
        if (condition.op == "in") {
            try {
                test = filters::due_within(parse_period(value, day));
            } catch (const ParseError& error) {
                reader.fail("cannot read '" + value + "' as a period: " + error.reason(),
                            condition.value.column);
            }
        } else if (condition.op == "contains") {
            reader.fail("\"due\" takes =, !=, <, <=, >, >= or in", condition.column);
        } else {
            Date limit;
            try {
                limit = parse_iso_date(value);
            } catch (const ParseError&) {
                reader.fail("expected a date 'YYYY-MM-DD' to compare the due with",
                            condition.value.column);
            }
            test = filters::due_compared(limit, [op = condition.op](int order) {
                return op == "="    ? order == 0
                       : op == "!=" ? order != 0
                       : op == "<"  ? order < 0
                       : op == "<=" ? order <= 0
                       : op == ">"  ? order > 0
                                    : order >= 0;
            });
        }
    } else if (field == "text") {
        if (condition.op != "contains") {
            reader.fail("\"text\" takes contains", condition.column);
        }
        test = filters::text_contains(value);
    } else {
        require_equality(reader, condition);
        if (field == "status") {
            test = filters::with_lifecycle(
                store, enum_value<Lifecycle>(reader, condition.value, "status"), day);
        } else if (field == "health") {
            test = filters::with_health(store,
                                        enum_value<Health>(reader, condition.value, "health"), day);
        } else if (field == "plan") {
            test = filters::in_plan(value);
        } else if (field == "organisation") {
            test = filters::in_organisation(store, value);
        } else if (field == "section") {
            test = filters::in_section(store, value);
        } else if (field == "lead") {
            test = filters::led_by(store, value);
        } else if (field == "delivery") {
            test = filters::delivered_by(store, value);
        } else if (field == "tag") {
            test = filters::tagged(value);
        } else if (field == "addresses") {
            test = filters::addressing(value);
        } else if (field == "ref") {
            test = [value](const Action& action) { return action.ref == value; };
        } else {
            reader.fail("\"" + field + "\" cannot be used in a condition", condition.column);
        }
        if (condition.op == "!=") {
            test = [test](const Action& action) { return !test(action); };
        }
    }
    if (condition.negated) {
        test = [test](const Action& action) { return !test(action); };
    }
    return test;
}

QueryResult run_actions(const Store& store, const Reader& reader, const Parsed& parsed,
                        QueryResult result) {
    ActionQuery query(store);
    for (const auto& condition : parsed.conditions) {
        query.where(action_condition(store, reader, condition, result.as_of));
    }
    if (parsed.count) {
        result.counts = parsed.group_by
                            ? query.count_by(action_field(reader, *parsed.group_by), result.as_of)
                            : std::map<std::string, std::size_t>{{"", query.count()}};
        return result;
    }
    if (parsed.order_by) {
        query.order_by(action_field(reader, *parsed.order_by), parsed.descending, result.as_of);
    }
    if (parsed.limit) {
        query.limit(*parsed.limit);
    }
    for (const Action* action : query.run()) {
        result.ids.push_back(action->id);
    }
    return result;
}

// Recommendations and assessments have few fields: their conditions are tested directly.
template <typename Entity, typename Test>
QueryResult run_simple(const std::vector<Entity>& entities, const Parsed& parsed,
                       QueryResult result, Test test,
                       std::string (*value_of)(const Entity&, std::string_view)) {
    std::vector<const Entity*> found;
    for (const auto& entity : entities) {
        if (std::all_of(parsed.conditions.begin(), parsed.conditions.end(),
                        [&](const Condition& condition) {
                            return test(entity, condition) != condition.negated;
                        })) {
            found.push_back(&entity);
        }
    }
    if (parsed.order_by) {
        std::stable_sort(found.begin(), found.end(), [&](const Entity* a, const Entity* b) {
            const auto left = value_of(*a, parsed.order_by->text);
            const auto right = value_of(*b, parsed.order_by->text);
            return parsed.descending ? right < left : left < right;
        });
    }
    if (parsed.count) {
        if (parsed.group_by) {
            for (const Entity* entity : found) {
                ++result.counts[value_of(*entity, parsed.group_by->text)];
            }
        } else {
            result.counts[""] = found.size();
        }
        return result;
    }
    if (parsed.limit && found.size() > *parsed.limit) {
        found.resize(*parsed.limit);
    }
    for (const Entity* entity : found) {
        result.ids.push_back(entity->id);
    }
    return result;
}

std::string recommendation_value(const Recommendation& recommendation, std::string_view field) {
    if (field == "source") {
        return recommendation.source;
    }
    if (field == "tag") {
        return recommendation.source_tag;
    }
    if (field == "number") {
        return recommendation.number;
    }
    if (field == "text") {
        return recommendation.text;
    }
    return {};
}

std::string assessment_value(const Assessment& assessment, std::string_view field) {
    if (field == "kind") {
        return std::string(to_name(assessment.kind));
    }
    if (field == "status") {
        return assessment.status ? std::string(to_name(*assessment.status)) : "";
    }
    if (field == "track") {
        return assessment.track ? std::string(to_name(*assessment.track)) : "";
    }
    if (field == "subject") {
        return assessment.subject;
    }
    if (field == "programme") {
        return assessment.programme;
    }
    if (field == "title") {
        return assessment.title;
    }
    if (field == "scheduled") {
        return assessment.scheduled && !assessment.scheduled->periods.empty()
                   ? to_iso(assessment.scheduled->periods.front().end())
                   : "";
    }
    if (field == "assessor") {
        return assessment.assessors.empty() ? "" : assessment.assessors.front();
    }
    if (field == "responsible") {
        return assessment.responsible_officers.empty() ? ""
                                                       : assessment.responsible_officers.front();
    }
    if (field == "service_area") {
        return assessment.service_areas.empty() ? "" : assessment.service_areas.front();
    }
    return {};
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

QueryResult run_query(const Store& store, std::string_view query, std::optional<Date> today) {
    Reader reader(query);
    const Parsed parsed = reader.parse();
    QueryResult result;
    result.collection = parsed.collection;
    result.is_count = parsed.count;
    result.as_of = parsed.as_of.value_or(today.value_or(boost::gregorian::day_clock::local_day()));
    switch (parsed.collection) {
    case QueryCollection::actions:
        return run_actions(store, reader, parsed, std::move(result));
    case QueryCollection::recommendations: {
        // Addressed: by any action in any plan, or by a whole plan.
        std::set<std::string> addressed;
        for (const auto& action : store.actions()) {
            addressed.insert(action.addresses.begin(), action.addresses.end());
        }
        for (const auto& plan : store.plans()) {
            addressed.insert(plan.addresses.begin(), plan.addresses.end());
        }
        const auto test = [&](const Recommendation& recommendation, const Condition& condition) {
            if (condition.field == "addressed") {
                return addressed.count(recommendation.id) > 0;
            }
            if (condition.op == "contains") {
                return recommendation_value(recommendation, condition.field)
                           .find(condition.value.text) != std::string::npos;
            }
            require_equality(reader, condition);
            return (recommendation_value(recommendation, condition.field) ==
                    condition.value.text) == (condition.op == "=");
        };
        return run_simple(store.recommendations(), parsed, std::move(result), test,
                          &recommendation_value);
    }
    case QueryCollection::assessments: {
        const auto test = [&](const Assessment& assessment, const Condition& condition) {
            const auto& field = condition.field;
            const auto& value = condition.value.text;
            if (field == "scheduled") {
                if (condition.op != "in") {
                    reader.fail("\"scheduled\" takes in: 'scheduled in 2003/04'", condition.column);
                }
                Period period = Period::day(result.as_of);
                try {
                    period = parse_period(value, result.as_of);
                } catch (const ParseError& error) {
                    reader.fail("cannot read '" + value + "' as a period: " + error.reason(),
                                condition.value.column);
                }
                return assessment.scheduled.has_value() &&
                       std::any_of(
                           assessment.scheduled->periods.begin(),
                           assessment.scheduled->periods.end(),
                           [&](const Period& scheduled) { return period.contains(scheduled); });
            }
            require_equality(reader, condition);
            bool equal = false;
            if (field == "assessor") {
                equal = contains(assessment.assessors, value);
            } else if (field == "responsible") {
                equal = std::any_of(
                    assessment.responsible_officers.begin(), assessment.responsible_officers.end(),
                    [&](const std::string& o) { return officer_matches(store, o, value); });
            } else if (field == "service_area") {
                equal = contains(assessment.service_areas, value);
            } else if (field == "kind") {
                equal =
                    assessment.kind == enum_value<AssessmentKind>(reader, condition.value, "kind");
            } else if (field == "status") {
                equal = assessment.status ==
                        enum_value<AssessmentStatus>(reader, condition.value, "status");
            } else if (field == "track") {
                equal = assessment.track ==
                        enum_value<ProgrammeTrack>(reader, condition.value, "track");
            } else {
                equal = assessment_value(assessment, field) == value;
            }
            return equal == (condition.op == "=");
        };
        return run_simple(store.assessments(), parsed, std::move(result), test, &assessment_value);
    }
    }
    return result;
}

} // namespace bestvalue
