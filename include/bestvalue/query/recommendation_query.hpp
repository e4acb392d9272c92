#pragma once

/// \file
/// `RecommendationQuery`: which recommendations of a store match — by source, assessor,
/// subject, and whether and how far they have been addressed.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What recommendations can be ordered and grouped by.
enum class RecommendationField {
    source,   ///< the assessment that made it
    tag,      ///< its source tag
    number,   ///< as numbered in the source
    subject,  ///< the organisation its source assessed
    priority, ///< as written
};

template <>
struct EnumNames<RecommendationField> {
    static constexpr std::pair<RecommendationField, std::string_view> names[] = {
        {RecommendationField::source, "source"},     {RecommendationField::tag, "tag"},
        {RecommendationField::number, "number"},     {RecommendationField::subject, "subject"},
        {RecommendationField::priority, "priority"},
    };
};

/// The filters `RecommendationQuery`, the query language and Python share.
namespace recommendation_filters {
/// Made by the assessment with this id.
[[nodiscard]] Filter<Recommendation> from_source(const Store& store, std::string assessment);
/// With this source tag ('PR', 'CPA'), ignoring case.
[[nodiscard]] Filter<Recommendation> tagged(const Store& store, std::string tag);
/// Numbered so in the source.
[[nodiscard]] Filter<Recommendation> numbered(std::string number);
/// With this priority, as written.
[[nodiscard]] Filter<Recommendation> with_priority(std::string priority);
/// Made by an assessment of this organisation.
[[nodiscard]] Filter<Recommendation> of_subject(const Store& store, std::string organisation);
/// Made by an assessment this organisation carried out (alone or jointly).
[[nodiscard]] Filter<Recommendation> by_assessor(const Store& store, std::string organisation);
/// Addressed by an action of any plan, or by a whole plan.
[[nodiscard]] Filter<Recommendation> addressed(const Store& store);
/// Addressed by the plan with this id as a whole, or by one of its actions.
[[nodiscard]] Filter<Recommendation> addressed_in(const Store& store, std::string plan);
/// Addressed by the action or plan with this id.
[[nodiscard]] Filter<Recommendation> addressed_by(const Store& store, std::string action_or_plan);
/// Delivered on `day`: addressed by at least one action, and every action addressing it
/// completed on that day. A recommendation addressed only by a whole plan is not counted as
/// delivered: that plan's progress is not held action by action.
[[nodiscard]] Filter<Recommendation> delivered_on(const Store& store, Date day);
/// Whose number or text contains `words`, ignoring case.
[[nodiscard]] Filter<Recommendation> text_contains(std::string words);
} // namespace recommendation_filters

/// A question about the recommendations of a store:
/// `recommendations(store).by_assessor("audit-commission").not_addressed()`.
class RecommendationQuery
    : public BasicQuery<Recommendation, RecommendationField, RecommendationQuery> {
public:
    using BasicQuery::BasicQuery;

    /// Made by the assessment with this id.
    RecommendationQuery& from_source(std::string_view assessment);
    /// With this source tag ('PR', 'CPA'), ignoring case.
    RecommendationQuery& tagged(std::string_view tag);
    /// Made by an assessment of this organisation.
    RecommendationQuery& of_subject(std::string_view organisation);
    /// Made by an assessment this organisation carried out.
    RecommendationQuery& by_assessor(std::string_view organisation);
    /// Addressed by an action of any plan, or by a whole plan.
    RecommendationQuery& addressed();
    /// Addressed by no action and no plan.
    RecommendationQuery& not_addressed();
    /// Addressed by the plan with this id as a whole, or by one of its actions.
    RecommendationQuery& addressed_in(std::string_view plan);
    /// Not addressed by the plan with this id, nor by any of its actions.
    RecommendationQuery& not_addressed_in(std::string_view plan);
    /// Delivered on `day` (see `recommendation_filters::delivered_on`).
    RecommendationQuery& delivered_on(Date day);
    /// Numbered so in the source.
    RecommendationQuery& numbered(std::string_view number);
    /// Addressed by the action or plan with this id.
    RecommendationQuery& addressed_by(std::string_view action_or_plan);
    /// Whose number or text contains `words`, ignoring case.
    RecommendationQuery& text_contains(std::string_view words);

    /// The values of `field` for a recommendation, as text (`day` is not used).
    [[nodiscard]] std::vector<std::string> values_of(const Recommendation& recommendation,
                                                     RecommendationField field, Date day) const;
};

/// Starts a question about the recommendations of `store`.
[[nodiscard]] inline RecommendationQuery recommendations(const Store& store) {
    return RecommendationQuery(store);
}

} // namespace bestvalue
