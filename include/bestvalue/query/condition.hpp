#pragma once

/// \file
/// `Condition`: one condition of a question as text — a field, a comparison and a value — and
/// the filters each collection's conditions stand for. The text language and the Python
/// keywords both go through here, so they accept the same fields and give the same answers as
/// the typed builders, whose filters these are.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/action.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What a question asks about.
enum class QueryCollection { actions, recommendations, assessments, ratings, plans };

template <>
struct EnumNames<QueryCollection> {
    static constexpr std::pair<QueryCollection, std::string_view> names[] = {
        {QueryCollection::actions, "actions"},
        {QueryCollection::recommendations, "recommendations"},
        {QueryCollection::assessments, "assessments"},
        {QueryCollection::ratings, "ratings"},
        {QueryCollection::plans, "plans"},
    };
};

/// One condition, as text: `lead = "SPMO"`, `due in 2009/10`, `not addressed`.
struct Condition {
    /// The field, in lower case: 'lead', 'due', or a flag: 'overdue', 'addressed'.
    std::string field;
    /// "=", "!=", "<", "<=", ">", ">=", "in", "contains"; empty for a flag.
    std::string op;
    /// The value as written, without quotes; empty for a flag.
    std::string value;
    /// True for `not …`.
    bool negated = false;
    /// The day a status condition is answered on, when it is not the question's.
    std::optional<Date> day;
    /// Where the condition and its value start in the question's text (from 1), for errors.
    std::size_t column = 1;
    std::size_t value_column = 1;
};

/// The fields conditions on a collection may name (flags included), for listings and
/// suggestions.
[[nodiscard]] const std::vector<std::string_view>& condition_fields(QueryCollection collection);
/// The flags among them: conditions without a comparison or value.
[[nodiscard]] bool is_flag(QueryCollection collection, std::string_view field);
/// The fields a collection orders and groups by.
[[nodiscard]] std::vector<std::string_view> order_fields(QueryCollection collection);

/// The filter a condition on actions stands for; status is answered on the condition's day,
/// else on `day`. `text` is the question the condition comes from, for errors.
/// \throws QueryError naming the column and, for a misspelt name or value, the likely fix.
[[nodiscard]] Filter<ActionView> action_condition(const Store& store, const Condition& condition,
                                                  Date day, std::string_view text);
/// As `action_condition`, for recommendations.
[[nodiscard]] Filter<Recommendation> recommendation_condition(const Store& store,
                                                              const Condition& condition, Date day,
                                                              std::string_view text);
/// As `action_condition`, for assessments.
[[nodiscard]] Filter<Assessment> assessment_condition(const Store& store,
                                                      const Condition& condition, Date day,
                                                      std::string_view text);
/// As `action_condition`, for ratings.
[[nodiscard]] Filter<Rating> rating_condition(const Store& store, const Condition& condition,
                                              Date day, std::string_view text);
/// As `action_condition`, for plans.
[[nodiscard]] Filter<Plan> plan_condition(const Store& store, const Condition& condition, Date day,
                                          std::string_view text);

/// '; did you mean "lead"?' for the known name nearest `name`, or "" if none is near. Names
/// that share a beginning ('lead_officer' and 'lead') count as near.
[[nodiscard]] std::string did_you_mean(std::string_view name,
                                       const std::vector<std::string_view>& known);

} // namespace bestvalue
