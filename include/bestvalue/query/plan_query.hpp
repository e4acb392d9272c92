#pragma once

/// \file
/// `PlanQuery`: which plans of a store match — by organisation, kind, status and what they
/// address.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What plans can be ordered and grouped by.
enum class PlanField { organisation, kind, status, title, adopted };

template <>
struct EnumNames<PlanField> {
    static constexpr std::pair<PlanField, std::string_view> names[] = {
        {PlanField::organisation, "organisation"},
        {PlanField::kind, "kind"},
        {PlanField::status, "status"},
        {PlanField::title, "title"},
        {PlanField::adopted, "adopted"},
    };
};

/// The filters `PlanQuery`, the query language and Python share.
namespace plan_filters {
[[nodiscard]] Filter<Plan> of_organisation(const Store& store, std::string organisation);
[[nodiscard]] Filter<Plan> of_kind(PlanKind kind);
[[nodiscard]] Filter<Plan> with_status(PlanStatus status);
/// Addressing the recommendation with this id as a whole.
[[nodiscard]] Filter<Plan> addressing(std::string recommendation);
/// Titled exactly so.
[[nodiscard]] Filter<Plan> titled(std::string title);
/// Whose title or scope contains `words`, ignoring case.
[[nodiscard]] Filter<Plan> text_contains(std::string words);
} // namespace plan_filters

/// A question about the plans of a store: `plans(store).of_organisation("rochford")`. A
/// plan's versions (its record of review and amendment) come with it.
class PlanQuery : public BasicQuery<Plan, PlanField, PlanQuery> {
public:
    using BasicQuery::BasicQuery;

    PlanQuery& of_organisation(std::string_view organisation);
    PlanQuery& of_kind(PlanKind kind);
    PlanQuery& with_status(PlanStatus status);
    /// Addressing the recommendation with this id as a whole.
    PlanQuery& addressing(std::string_view recommendation);

    /// The values of `field` for a plan, as text (`day` is not used).
    [[nodiscard]] std::vector<std::string> values_of(const Plan& plan, PlanField field,
                                                     Date day) const;
};

/// Starts a question about the plans of `store`.
[[nodiscard]] inline PlanQuery plans(const Store& store) {
    return PlanQuery(store);
}

} // namespace bestvalue
