#include <algorithm>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/condition.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include "../detail/text.hpp"

// Each collection's conditions in one table-like function: which comparisons a field takes,
// how its value is read, and which shared filter it stands for.

namespace bestvalue {

namespace {

struct Fields {
    std::vector<std::string_view> all;
    std::vector<std::string_view> flags;
};

const Fields& fields(QueryCollection collection) {
    static const Fields actions{{"plan", "organisation", "section", "lead", "delivery", "status",
                                 "health", "due", "tag", "addresses", "text", "ref", "revisions",
                                 "slipped", "slipped_from_baseline", "overdue", "open",
                                 "health_mismatch"},
                                {"overdue", "open", "health_mismatch"}};
    static const Fields recommendations{{"source", "tag", "number", "priority", "subject",
                                         "assessor", "plan", "addressed_by", "text", "addressed",
                                         "delivered"},
                                        {"addressed", "delivered"}};
    static const Fields assessments{{"scheduled", "assessor", "responsible", "subject",
                                     "service_area", "programme", "title", "kind", "status",
                                     "track", "text"},
                                    {}};
    static const Fields ratings{{"scale", "level", "subject", "service_area", "component",
                                 "assessment", "assessor", "date"},
                                {}};
    static const Fields plans{{"organisation", "kind", "status", "title", "addresses", "text"}, {}};
    switch (collection) {
    case QueryCollection::actions:
        return actions;
    case QueryCollection::recommendations:
        return recommendations;
    case QueryCollection::assessments:
        return assessments;
    case QueryCollection::ratings:
        return ratings;
    case QueryCollection::plans:
        return plans;
    }
    return actions;
}

// Reads one condition on a collection: its comparison, its value, and the errors.
template <typename Entity>
class Reading {
public:
    Reading(QueryCollection collection, const Condition& condition, Date day, std::string_view text)
        : condition_(condition)
        , day_(condition.day.value_or(day))
        , text_(text)
        , flag_(is_flag(collection, condition.field)) {
        const auto& known = condition_fields(collection);
        if (std::find(known.begin(), known.end(), condition.field) == known.end()) {
            fail("unknown field \"" + condition.field + "\" for " +
                     std::string(to_name(collection)) + did_you_mean(condition.field, known),
                 condition.column);
        }
        if (flag_ && !condition.op.empty()) {
            fail("\"" + condition.field + "\" is a flag: write '" + condition.field + "' or 'not " +
                     condition.field + "'",
                 condition.column);
        }
        if (!flag_ && condition.op.empty()) {
            fail("expected a comparison after \"" + condition.field +
                     "\": =, !=, <, <=, >, >=, in or contains",
                 condition.column);
        }
    }

    [[noreturn]] void fail(const std::string& reason, std::size_t column) const {
        throw QueryError(reason, text_, column);
    }

    [[nodiscard]] const std::string& field() const { return condition_.field; }
    [[nodiscard]] const std::string& value() const { return condition_.value; }
    [[nodiscard]] Date day() const { return day_; }

    // The condition takes = or != (the filter is for =).
    void equality() const {
        if (condition_.op != "=" && condition_.op != "!=") {
            fail("\"" + field() + "\" takes = or !=, not " + condition_.op, condition_.column);
        }
    }
    void containment() const {
        if (condition_.op != "contains") {
            fail("\"" + field() + "\" takes contains", condition_.column);
        }
    }

    [[nodiscard]] bool is_period() const { return condition_.op == "in"; }

    [[nodiscard]] Comparison comparison() const {
        const auto& op = condition_.op;
        if (op == "<") {
            return Comparison::less;
        }
        if (op == "<=") {
            return Comparison::less_equal;
        }
        if (op == "=") {
            return Comparison::equal;
        }
        if (op == "!=") {
            return Comparison::not_equal;
        }
        if (op == ">") {
            return Comparison::greater;
        }
        if (op == ">=") {
            return Comparison::greater_equal;
        }
        fail("\"" + field() + "\" takes =, !=, <, <=, >, >= or in", condition_.column);
    }

    [[nodiscard]] Date date() const {
        try {
            return parse_iso_date(value());
        } catch (const ParseError&) {
            fail("expected a date 'YYYY-MM-DD' to compare \"" + field() + "\" with",
                 condition_.value_column);
        }
    }

    [[nodiscard]] std::int64_t number() const {
        if (value().empty() || value().size() > 12 ||
            value().find_first_not_of("0123456789") != std::string::npos) {
            fail("expected a whole number to compare \"" + field() + "\" with",
                 condition_.value_column);
        }
        return std::stoll(value());
    }

    [[nodiscard]] Period period() const {
        try {
            return parse_period(value(), day_);
        } catch (const ParseError& error) {
            fail("cannot read '" + value() + "' as a period: " + error.reason(),
                 condition_.value_column);
        }
    }

    template <typename Enum>
    [[nodiscard]] Enum enum_value(std::string_view what) const {
        const auto found = from_name<Enum>(value());
        if (!found) {
            fail("unknown " + std::string(what) + " \"" + value() + "\"" +
                     did_you_mean(value(), enum_names<Enum>()),
                 condition_.value_column);
        }
        return *found;
    }

    // The filter with `!=` and `not` applied.
    [[nodiscard]] Filter<Entity> finish(Filter<Entity> filter) const {
        const bool opposite = (condition_.op == "!=" && !in_order_) != condition_.negated;
        return opposite ? filter.negated() : filter;
    }

    // For fields compared in order (dates, numbers), '!=' is part of the comparison, not a
    // negation.
    void compared_in_order() { in_order_ = true; }

private:
    const Condition& condition_;
    Date day_;
    std::string_view text_;
    bool flag_;
    bool in_order_ = false;
};

} // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& known) {
    const auto best = detail::nearest_name(name, known);
    return best.empty() ? std::string() : "; did you mean \"" + std::string(best) + "\"?";
}

const std::vector<std::string_view>& condition_fields(QueryCollection collection) {
    return fields(collection).all;
}

bool is_flag(QueryCollection collection, std::string_view field) {
    const auto& flags = fields(collection).flags;
    return std::find(flags.begin(), flags.end(), field) != flags.end();
}

std::vector<std::string_view> order_fields(QueryCollection collection) {
    switch (collection) {
    case QueryCollection::actions: {
        // The language says 'status' for an action's lifecycle, as its conditions do.
        auto names = enum_names<ActionField>();
        std::replace(names.begin(), names.end(), std::string_view("lifecycle"),
                     std::string_view("status"));
        return names;
    }
    case QueryCollection::recommendations:
        return enum_names<RecommendationField>();
    case QueryCollection::assessments:
        return enum_names<AssessmentField>();
    case QueryCollection::ratings:
        return enum_names<RatingField>();
    case QueryCollection::plans:
        return enum_names<PlanField>();
    }
    return {};
}

Filter<ActionView> action_condition(const Store& store, const Condition& condition, Date day,
                                    std::string_view text) {
    namespace filters = action_filters;
    Reading<ActionView> reading(QueryCollection::actions, condition, day, text);
    const auto& field = reading.field();
    const auto& value = reading.value();
    if (field == "overdue") {
        return reading.finish(filters::overdue_on(store, reading.day()));
    }
    if (field == "open") {
        return reading.finish(filters::open_on(store, reading.day()));
    }
    if (field == "health_mismatch") {
        return reading.finish(filters::health_mismatch(store, reading.day()));
    }
    if (field == "revisions" || field == "slipped" || field == "slipped_from_baseline") {
        reading.compared_in_order();
        const Comparison comparison = reading.comparison();
        const std::int64_t number = reading.number();
        if (field == "revisions") {
            return reading.finish(filters::revised(store, comparison, number, reading.day()));
        }
        return reading.finish(
            filters::slipped(store, comparison, number, reading.day(),
                             field == "slipped" ? Baseline::original : Baseline::latest_approved));
    }
    if (field == "due") {
        reading.compared_in_order();
        if (reading.is_period()) {
            return reading.finish(filters::due_within(store, reading.period()));
        }
        const Comparison comparison = reading.comparison();
        return reading.finish(filters::due_compared(store, comparison, reading.date()));
    }
    if (field == "text") {
        reading.containment();
        return reading.finish(filters::text_contains(store, value));
    }
    reading.equality();
    if (field == "status") {
        return reading.finish(
            filters::with_lifecycle(store, reading.enum_value<Lifecycle>("status"), reading.day()));
    }
    if (field == "health") {
        return reading.finish(
            filters::with_health(store, reading.enum_value<Health>("health"), reading.day()));
    }
    if (field == "plan") {
        return reading.finish(filters::in_plan(store, value));
    }
    if (field == "organisation") {
        return reading.finish(filters::in_organisation(store, value));
    }
    if (field == "section") {
        return reading.finish(filters::in_section(store, value));
    }
    if (field == "lead") {
        return reading.finish(filters::led_by(store, value));
    }
    if (field == "delivery") {
        return reading.finish(filters::delivered_by(store, value));
    }
    if (field == "tag") {
        return reading.finish(filters::tagged(store, value));
    }
    if (field == "addresses") {
        return reading.finish(filters::addressing(store, value));
    }
    return reading.finish(filters::with_ref(value)); // "ref"
}

Filter<Recommendation> recommendation_condition(const Store& store, const Condition& condition,
                                                Date day, std::string_view text) {
    namespace filters = recommendation_filters;
    Reading<Recommendation> reading(QueryCollection::recommendations, condition, day, text);
    const auto& field = reading.field();
    const auto& value = reading.value();
    if (field == "addressed") {
        return reading.finish(filters::addressed(store));
    }
    if (field == "delivered") {
        return reading.finish(filters::delivered_on(store, reading.day()));
    }
    if (field == "text") {
        reading.containment();
        return reading.finish(filters::text_contains(value));
    }
    reading.equality();
    if (field == "source") {
        return reading.finish(filters::from_source(store, value));
    }
    if (field == "tag") {
        return reading.finish(filters::tagged(store, value));
    }
    if (field == "number") {
        return reading.finish(filters::numbered(value));
    }
    if (field == "priority") {
        return reading.finish(filters::with_priority(value));
    }
    if (field == "subject") {
        return reading.finish(filters::of_subject(store, value));
    }
    if (field == "assessor") {
        return reading.finish(filters::by_assessor(store, value));
    }
    if (field == "plan") {
        return reading.finish(filters::addressed_in(store, value));
    }
    return reading.finish(filters::addressed_by(store, value)); // "addressed_by"
}

Filter<Assessment> assessment_condition(const Store& store, const Condition& condition, Date day,
                                        std::string_view text) {
    namespace filters = assessment_filters;
    Reading<Assessment> reading(QueryCollection::assessments, condition, day, text);
    const auto& field = reading.field();
    const auto& value = reading.value();
    if (field == "scheduled") {
        if (!reading.is_period()) {
            reading.fail("\"scheduled\" takes in: 'scheduled in 2003/04'", condition.column);
        }
        return reading.finish(filters::scheduled_within(store, reading.period()));
    }
    if (field == "text") {
        reading.containment();
        return reading.finish(filters::text_contains(value));
    }
    reading.equality();
    if (field == "assessor") {
        return reading.finish(filters::by_assessor(store, value));
    }
    if (field == "responsible") {
        return reading.finish(filters::responsible(store, value));
    }
    if (field == "subject") {
        return reading.finish(filters::of_subject(store, value));
    }
    if (field == "service_area") {
        return reading.finish(filters::in_service_area(value));
    }
    if (field == "programme") {
        return reading.finish(filters::in_programme(value));
    }
    if (field == "title") {
        return reading.finish(filters::titled(value));
    }
    if (field == "kind") {
        return reading.finish(filters::of_kind(reading.enum_value<AssessmentKind>("kind")));
    }
    if (field == "status") {
        return reading.finish(filters::with_status(reading.enum_value<AssessmentStatus>("status")));
    }
    return reading.finish(filters::in_track(reading.enum_value<ProgrammeTrack>("track")));
}

Filter<Rating> rating_condition(const Store& store, const Condition& condition, Date day,
                                std::string_view text) {
    namespace filters = rating_filters;
    Reading<Rating> reading(QueryCollection::ratings, condition, day, text);
    const auto& field = reading.field();
    const auto& value = reading.value();
    if (field == "date") {
        reading.compared_in_order();
        if (reading.is_period()) {
            return reading.finish(filters::dated_within(reading.period()));
        }
        const Comparison comparison = reading.comparison();
        return reading.finish(filters::dated(comparison, reading.date()));
    }
    reading.equality();
    if (field == "scale") {
        return reading.finish(filters::on_scale(store, value));
    }
    if (field == "level") {
        return reading.finish(filters::at_level(value));
    }
    if (field == "subject") {
        return reading.finish(filters::of_subject(store, value));
    }
    if (field == "service_area") {
        return reading.finish(filters::in_service_area(value));
    }
    if (field == "component") {
        return reading.finish(filters::for_component(value));
    }
    if (field == "assessment") {
        return reading.finish(filters::from_assessment(value));
    }
    return reading.finish(filters::by_assessor(store, value)); // "assessor"
}

Filter<Plan> plan_condition(const Store& store, const Condition& condition, Date day,
                            std::string_view text) {
    namespace filters = plan_filters;
    Reading<Plan> reading(QueryCollection::plans, condition, day, text);
    const auto& field = reading.field();
    const auto& value = reading.value();
    if (field == "text") {
        reading.containment();
        return reading.finish(filters::text_contains(value));
    }
    reading.equality();
    if (field == "organisation") {
        return reading.finish(filters::of_organisation(store, value));
    }
    if (field == "kind") {
        return reading.finish(filters::of_kind(reading.enum_value<PlanKind>("kind")));
    }
    if (field == "status") {
        return reading.finish(filters::with_status(reading.enum_value<PlanStatus>("status")));
    }
    if (field == "addresses") {
        return reading.finish(filters::addressing(value));
    }
    return reading.finish(filters::titled(value)); // "title"
}

} // namespace bestvalue
