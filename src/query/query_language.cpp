#include <algorithm>
#include <cctype>
#include <type_traits>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/completion_series.hpp>
#include <bestvalue/query/condition.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/query_language.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

// A hand-written reader for the grammar in docs/query.md: tokens with their columns, then one
// function per rule. Conditions become the shared filters of bestvalue/query/condition.hpp and
// run through the typed queries, so the language answers as the builders do.

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

struct Parsed {
    QueryCollection collection = QueryCollection::actions;
    bool count = false;
    std::vector<Condition> conditions;
    std::optional<Token> group_by;
    std::optional<Token> order_by;
    bool descending = false;
    std::optional<std::size_t> limit;
    std::optional<std::size_t> offset;
    std::optional<Date> as_of;
    std::optional<Frequency> per;
    std::optional<Token> span;
};

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
        if (is_word("per")) {
            if (!parsed.count) {
                fail("'per' makes a series of counts: write 'count " +
                     collection_name(parsed.collection) + " … per quarter in 2003/04'");
            }
            ++at_;
            parsed.per = step();
            expect_word("in");
            if (current().kind == TokenKind::end || current().kind == TokenKind::symbol) {
                fail("expected the period the series covers: 'in 2003/04'");
            }
            parsed.span = current();
            ++at_;
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
            parsed.limit = number("limit");
            if (is_word("offset")) {
                ++at_;
                parsed.offset = number("offset");
            }
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

    Frequency step() {
        static const std::pair<std::string_view, Frequency> steps[] = {
            {"week", Frequency::weekly},
            {"month", Frequency::monthly},
            {"quarter", Frequency::quarterly},
            {"half", Frequency::six_monthly},
            {"year", Frequency::annual}};
        std::vector<std::string_view> names;
        for (const auto& [name, frequency] : steps) {
            if (is_word(name)) {
                ++at_;
                return frequency;
            }
            names.push_back(name);
        }
        fail("expected a step after 'per': week, month, quarter, half or year" +
             did_you_mean(current().text, names));
    }

    std::size_t number(std::string_view after) {
        const Token& token = current();
        if (token.kind != TokenKind::value || token.text.size() > 9 ||
            token.text.find_first_not_of("0123456789") != std::string::npos) {
            fail("expected a number after '" + std::string(after) + "'");
        }
        ++at_;
        return std::stoul(token.text);
    }

    void expect_word(std::string_view word) {
        if (!is_word(word)) {
            fail("expected '" + std::string(word) + "'");
        }
        ++at_;
    }

    static std::string collection_name(QueryCollection collection) {
        return std::string(to_name(collection));
    }

    QueryCollection collection() {
        std::vector<std::string_view> names;
        for (const auto& [unused, name] : EnumNames<QueryCollection>::names) {
            names.push_back(name);
        }
        const Token& name = current();
        if (name.kind != TokenKind::word) {
            fail("expected what to ask about: actions, recommendations, assessments, ratings or "
                 "plans");
        }
        ++at_;
        if (const auto found = from_name<QueryCollection>(name.text)) {
            return *found;
        }
        fail("unknown collection \"" + name.text + "\"" + did_you_mean(name.text, names),
             name.column);
    }

    // A field to order or group by.
    Token field(QueryCollection collection) {
        const Token& name = current();
        if (name.kind != TokenKind::word) {
            fail("expected a field name");
        }
        const auto known = order_fields(collection);
        if (std::find(known.begin(), known.end(), name.text) == known.end()) {
            fail(collection_name(collection) + " cannot be ordered or grouped by \"" + name.text +
                     "\"" + did_you_mean(name.text, known),
                 name.column);
        }
        ++at_;
        return name;
    }

    Condition condition(QueryCollection collection) {
        Condition result;
        if (is_word("not")) {
            result.negated = true;
            ++at_;
        }
        const Token& name = current();
        if (name.kind != TokenKind::word) {
            fail("expected a field name");
        }
        result.field = name.text;
        result.column = name.column;
        const auto& known = condition_fields(collection);
        if (std::find(known.begin(), known.end(), name.text) == known.end()) {
            fail("unknown field \"" + name.text + "\" for " + collection_name(collection) +
                     did_you_mean(name.text, known),
                 name.column);
        }
        ++at_;
        if (is_flag(collection, result.field)) {
            if (current().kind == TokenKind::symbol || is_word("in") || is_word("contains")) {
                fail("\"" + result.field + "\" is a flag: write '" + result.field + "' or 'not " +
                     result.field + "'");
            }
            return result;
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
        result.value = current().text;
        result.value_column = current().column;
        ++at_;
        return result;
    }

    std::string_view query_;
    std::vector<Token> tokens_;
    std::size_t at_ = 0;
};

template <typename Field>
Field field_named(const Token& token) {
    // The language says 'status' for an action's lifecycle, as its conditions do.
    if constexpr (std::is_same_v<Field, ActionField>) {
        if (token.text == "status") {
            return ActionField::lifecycle;
        }
    }
    return *from_name<Field>(token.text); // the reader accepted only known names
}

// The id of an entity a query found.
template <typename Entity>
std::string_view id_of(const Entity* entity) {
    return entity->id;
}
std::string_view id_of(const ActionView& action) {
    return action.id();
}

template <typename Query, typename Field, typename MakeFilter>
QueryResult run_typed(Query query, const Parsed& parsed, QueryResult result, bool with_ids,
                      MakeFilter make_filter) {
    for (const auto& condition : parsed.conditions) {
        query.where(make_filter(condition));
    }
    if (parsed.count) {
        if (parsed.group_by) {
            const auto field = field_named<Field>(*parsed.group_by);
            if constexpr (std::is_same_v<Query, ActionQuery>) {
                for (const auto& [key, group] : query.completion_by(field, result.as_of)) {
                    result.counts[key] = group.actions;
                    result.completed[key] = group.completed;
                }
            } else {
                result.counts = query.count_by(field, result.as_of);
            }
        } else if constexpr (std::is_same_v<Query, ActionQuery>) {
            const Completion all = query.completion(result.as_of);
            result.counts[""] = all.actions;
            result.completed[""] = all.completed;
        } else {
            result.counts[""] = query.count();
        }
        return result;
    }
    if (parsed.order_by) {
        query.order_by(field_named<Field>(*parsed.order_by), parsed.descending, result.as_of);
    }
    if (parsed.limit || parsed.offset) {
        query.limit(parsed.limit.value_or(static_cast<std::size_t>(-1)), parsed.offset.value_or(0));
    }
    const auto found = query.run();
    result.handles.reserve(found.size());
    for (const auto& entity : found) {
        result.handles.push_back(handle_of_found(query.store(), entity));
    }
    if (with_ids) {
        result.ids.reserve(found.size());
        for (const auto& entity : found) {
            result.ids.emplace_back(id_of(entity));
        }
    }
    return result;
}

} // namespace

namespace {

QueryResult run(const Store& store, std::string_view query, std::optional<Date> today,
                bool with_ids) {
    Reader reader(query);
    const Parsed parsed = reader.parse();
    QueryResult result;
    result.collection = parsed.collection;
    result.is_count = parsed.count;
    result.as_of = parsed.as_of.value_or(today.value_or(boost::gregorian::day_clock::local_day()));
    // The whole question answered on one day: conditions on status are made for that day.
    const auto answer_on = [&](Date day, QueryResult answer) {
        const auto condition_with = [&](auto make) {
            return [&store, day, query, make](const Condition& condition) {
                return make(store, condition, day, query);
            };
        };
        answer.as_of = day;
        switch (parsed.collection) {
        case QueryCollection::actions:
            return run_typed<ActionQuery, ActionField>(ActionQuery(store), parsed,
                                                       std::move(answer), with_ids,
                                                       condition_with(&action_condition));
        case QueryCollection::recommendations:
            return run_typed<RecommendationQuery, RecommendationField>(
                RecommendationQuery(store), parsed, std::move(answer), with_ids,
                condition_with(&recommendation_condition));
        case QueryCollection::assessments:
            return run_typed<AssessmentQuery, AssessmentField>(
                AssessmentQuery(store), parsed, std::move(answer), with_ids,
                condition_with(&assessment_condition));
        case QueryCollection::ratings:
            return run_typed<RatingQuery, RatingField>(RatingQuery(store), parsed,
                                                       std::move(answer), with_ids,
                                                       condition_with(&rating_condition));
        case QueryCollection::plans:
            return run_typed<PlanQuery, PlanField>(PlanQuery(store), parsed, std::move(answer),
                                                   with_ids, condition_with(&plan_condition));
        }
        return answer;
    };
    const QueryResult blank = result;
    result = answer_on(result.as_of, blank);
    if (parsed.per) {
        Period span = Period::day(result.as_of);
        try {
            span = parse_period(parsed.span->text, result.as_of);
        } catch (const ParseError& error) {
            reader.fail("cannot read '" + parsed.span->text + "' as a period: " + error.reason(),
                        parsed.span->column);
        }
        if (span.has_open_start()) {
            reader.fail("a series needs a period with a first day, not '" + parsed.span->text + "'",
                        parsed.span->column);
        }
        for (auto& step : steps_within(span, *parsed.per)) {
            QueryResult point = answer_on(step.end, blank);
            result.series.push_back({std::move(step.label), step.end, std::move(point.counts),
                                     std::move(point.completed)});
        }
    }
    return result;
}

} // namespace

QueryResult run_query(const Store& store, std::string_view query, std::optional<Date> today) {
    return run(store, query, today, true);
}

QueryResult run_query_handles(const Store& store, std::string_view query,
                              std::optional<Date> today) {
    return run(store, query, today, false);
}

namespace {

// The entities of a result, by its ids, or by its handles when it has no ids
// (`run_query_handles`).
template <typename Found>
std::vector<Found> entities_with(const QueryResult& result,
                                 Found (Store::*find)(std::string_view) const, const Store& store) {
    std::vector<Found> found;
    if (result.ids.empty()) {
        // The entities' collection: what a find of the kind gives, without its pointer or
        // optional, is what the collection's queries find.
        using Entity = std::remove_cvref_t<decltype(*std::declval<Found>())>;
        const auto& entities = entities_of(store, static_cast<const Entity*>(nullptr));
        found.reserve(result.handles.size());
        for (const auto handle : result.handles) {
            if (handle >= entities.size()) {
                throw NotFound("entity", "#" + std::to_string(handle));
            }
            if constexpr (std::is_pointer_v<Found>) {
                found.push_back(&entities[handle]);
            } else {
                found.push_back(entities[handle]);
            }
        }
        return found;
    }
    found.reserve(result.ids.size());
    for (const auto& id : result.ids) {
        Found entity = (store.*find)(id);
        if (!entity) {
            throw NotFound("entity", id);
        }
        found.push_back(std::move(entity));
    }
    return found;
}

// The rows of counts: one per step (when `series`) and key, with the completion of actions.
Table count_table(const QueryResult& result) {
    TextValues steps;
    DateValues ends;
    TextValues keys;
    IntegerValues counts;
    IntegerValues completed;
    NumberValues percents;
    const auto add_rows = [&](const std::map<std::string, std::size_t>& counted,
                              const std::map<std::string, std::size_t>& done,
                              const SeriesPoint* point) {
        for (const auto& [key, count] : counted) {
            if (point != nullptr) {
                steps.push_back(point->label);
                ends.emplace_back(point->end);
            }
            keys.push_back(key.empty() ? std::nullopt : std::optional<std::string_view>(key));
            counts.push_back(static_cast<std::int64_t>(count));
            const auto found = done.find(key);
            const auto finished = found == done.end() ? 0 : found->second;
            completed.push_back(static_cast<std::int64_t>(finished));
            percents.push_back(Completion{count, finished}.percent());
        }
    };
    Table table;
    if (result.series.empty()) {
        add_rows(result.counts, result.completed, nullptr);
    } else {
        for (const auto& point : result.series) {
            add_rows(point.counts, point.completed, &point);
        }
        table.add({"step", std::move(steps), {}});
        table.add({"end", std::move(ends), {}});
    }
    table.add({"key", std::move(keys), {}});
    table.add({"count", std::move(counts), {}});
    if (result.collection == QueryCollection::actions) {
        table.add({"completed", std::move(completed), {}});
        table.add({"percent_complete", std::move(percents), {}});
    }
    return table;
}

} // namespace

Table table_of(const Store& store, const QueryResult& result) {
    if (result.is_count) {
        return count_table(result);
    }
    switch (result.collection) {
    case QueryCollection::actions: {
        std::vector<ActionView> actions;
        for (const auto& action : entities_with(result, &Store::find_action, store)) {
            actions.push_back(*action);
        }
        return action_table(store, actions, result.as_of);
    }
    case QueryCollection::recommendations:
        return recommendation_table(store,
                                    entities_with(result, &Store::find_recommendation, store));
    case QueryCollection::assessments:
        return assessment_table(store, entities_with(result, &Store::find_assessment, store));
    case QueryCollection::ratings:
        return rating_table(store, entities_with(result, &Store::find_rating, store));
    case QueryCollection::plans:
        return plan_table(store, entities_with(result, &Store::find_plan, store));
    }
    return {};
}

} // namespace bestvalue
