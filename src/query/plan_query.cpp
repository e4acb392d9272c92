#include <algorithm>

#include <bestvalue/query/plan_query.hpp>

#include "../detail/text.hpp"

namespace bestvalue {

namespace plan_filters {

Filter<Plan> of_organisation(const Store& store, std::string organisation) {
    Handles candidates = store.index().plans_of(organisation);
    return {[organisation = std::move(organisation)](const Plan& plan) {
                return plan.organisation == organisation;
            },
            std::move(candidates)};
}

Filter<Plan> of_kind(PlanKind kind) {
    return [kind](const Plan& plan) { return plan.kind == kind; };
}

Filter<Plan> with_status(PlanStatus status) {
    return [status](const Plan& plan) { return plan.status == status; };
}

Filter<Plan> addressing(std::string recommendation) {
    return [id = std::move(recommendation)](const Plan& plan) {
        return std::find(plan.addresses.begin(), plan.addresses.end(), id) != plan.addresses.end();
    };
}

Filter<Plan> titled(std::string title) {
    return [title = std::move(title)](const Plan& plan) { return plan.title == title; };
}

Filter<Plan> text_contains(std::string words) {
    return [words = std::move(words)](const Plan& plan) {
        return detail::contains_ignoring_case(plan.title, words) ||
               detail::contains_ignoring_case(plan.scope, words);
    };
}

} // namespace plan_filters

PlanQuery& PlanQuery::of_organisation(std::string_view organisation) {
    return where(plan_filters::of_organisation(store(), std::string(organisation)));
}
PlanQuery& PlanQuery::of_kind(PlanKind kind) {
    return where(plan_filters::of_kind(kind));
}
PlanQuery& PlanQuery::with_status(PlanStatus status) {
    return where(plan_filters::with_status(status));
}
PlanQuery& PlanQuery::addressing(std::string_view recommendation) {
    return where(plan_filters::addressing(std::string(recommendation)));
}

std::vector<std::string> PlanQuery::values_of(const Plan& plan, PlanField field,
                                              Date /*day*/) const {
    switch (field) {
    case PlanField::organisation:
        return {plan.organisation};
    case PlanField::kind:
        return {std::string(to_name(plan.kind))};
    case PlanField::status:
        return {plan.status ? std::string(to_name(*plan.status)) : ""};
    case PlanField::title:
        return {plan.title};
    case PlanField::adopted:
        return {plan.adopted ? to_iso(*plan.adopted) : ""};
    }
    return {""};
}

} // namespace bestvalue
