#include <algorithm>
#include <functional>

#include <bestvalue/query/recommendation_query.hpp>

#include "../detail/element_handle.hpp"
#include "../detail/text.hpp"
#include "values.hpp"

namespace bestvalue {

namespace {

using RecommendationFilter = Filter<Recommendation>;

const Assessment* source_of(const Store& store, const Recommendation& recommendation) {
    return recommendation.source.empty() ? nullptr : store.find_assessment(recommendation.source);
}

// Recommendations made by any of the assessments in `assessments` (handles of assessments).
Handles made_by(const Store& store, const Handles& assessments) {
    std::vector<const Handles*> lists;
    for (const auto handle : assessments) {
        lists.push_back(&store.index().recommendations_from(store.assessments()[handle].id));
    }
    return detail::union_of(lists);
}

} // namespace

namespace recommendation_filters {

RecommendationFilter from_source(const Store& store, std::string assessment) {
    Handles candidates = store.index().recommendations_from(assessment);
    return {[assessment = std::move(assessment)](const Recommendation& recommendation) {
                return recommendation.source == assessment;
            },
            std::move(candidates)};
}

RecommendationFilter tagged(const Store& store, std::string tag) {
    Handles candidates = store.index().recommendations_tagged(tag);
    return {[tag = std::move(tag)](const Recommendation& recommendation) {
                return detail::equal_ignoring_case(recommendation.source_tag, tag);
            },
            std::move(candidates)};
}

RecommendationFilter numbered(std::string number) {
    return [number = std::move(number)](const Recommendation& recommendation) {
        return recommendation.number == number;
    };
}

RecommendationFilter with_priority(std::string priority) {
    return [priority = std::move(priority)](const Recommendation& recommendation) {
        return recommendation.priority == priority;
    };
}

RecommendationFilter of_subject(const Store& store, std::string organisation) {
    Handles candidates = made_by(store, store.index().assessments_of(organisation));
    return {[&store, organisation = std::move(organisation)](const Recommendation& recommendation) {
                const Assessment* source = source_of(store, recommendation);
                return source != nullptr && source->subject == organisation;
            },
            std::move(candidates)};
}

RecommendationFilter by_assessor(const Store& store, std::string organisation) {
    Handles candidates = made_by(store, store.index().assessments_by(organisation));
    return {[&store, organisation = std::move(organisation)](const Recommendation& recommendation) {
                const Assessment* source = source_of(store, recommendation);
                return source != nullptr &&
                       std::find(source->assessors.begin(), source->assessors.end(),
                                 organisation) != source->assessors.end();
            },
            std::move(candidates)};
}

RecommendationFilter addressed(const Store& store) {
    RecommendationFilter filter = [&store](const Recommendation& recommendation) {
        // The store's own recommendations by handle, from a flag the index sets once.
        if (const auto handle = detail::element_handle(store.recommendations(), recommendation)) {
            return store.index().is_addressed(*handle);
        }
        return !store.index().actions_addressing(recommendation.id).empty() ||
               !store.index().plans_addressing(recommendation.id).empty();
    };
    // 'not addressed' lists the index's few unaddressed recommendations instead of a scan:
    // exactly the store's own that fail, so the query does not test them again.
    return std::move(filter).with_failing(
        store.index().recommendations_not_addressed().size(),
        [&store] { return store.index().recommendations_not_addressed(); }, Candidates::exact);
}

RecommendationFilter addressed_in(const Store& store, std::string plan) {
    return [&store, plan = std::move(plan)](const Recommendation& recommendation) {
        const auto& index = store.index();
        for (const auto handle : index.actions_addressing(recommendation.id)) {
            if (store.actions().plan(handle) == plan) {
                return true;
            }
        }
        for (const auto handle : index.plans_addressing(recommendation.id)) {
            if (store.plans()[handle].id == plan) {
                return true;
            }
        }
        return false;
    };
}

RecommendationFilter addressed_by(const Store& store, std::string action_or_plan) {
    return [&store, id = std::move(action_or_plan)](const Recommendation& recommendation) {
        if (const auto action = store.find_action(id)) {
            return action->addresses().contains(recommendation.id);
        }
        if (const Plan* plan = store.find_plan(id)) {
            return std::find(plan->addresses.begin(), plan->addresses.end(), recommendation.id) !=
                   plan->addresses.end();
        }
        return false;
    };
}

RecommendationFilter delivered_on(const Store& store, Date day) {
    return [&store, day](const Recommendation& recommendation) {
        const auto& addressing = store.index().actions_addressing(recommendation.id);
        return !addressing.empty() &&
               std::all_of(addressing.begin(), addressing.end(), [&](std::uint32_t handle) {
                   return store.index().lifecycle_on(handle, day) == Lifecycle::completed;
               });
    };
}

RecommendationFilter text_contains(std::string words) {
    return [words = std::move(words)](const Recommendation& recommendation) {
        return detail::contains_ignoring_case(recommendation.number, words) ||
               detail::contains_ignoring_case(recommendation.text, words);
    };
}

} // namespace recommendation_filters

RecommendationQuery& RecommendationQuery::from_source(std::string_view assessment) {
    return where(recommendation_filters::from_source(store(), std::string(assessment)));
}
RecommendationQuery& RecommendationQuery::tagged(std::string_view tag) {
    return where(recommendation_filters::tagged(store(), std::string(tag)));
}
RecommendationQuery& RecommendationQuery::of_subject(std::string_view organisation) {
    return where(recommendation_filters::of_subject(store(), std::string(organisation)));
}
RecommendationQuery& RecommendationQuery::by_assessor(std::string_view organisation) {
    return where(recommendation_filters::by_assessor(store(), std::string(organisation)));
}
RecommendationQuery& RecommendationQuery::addressed() {
    return where(recommendation_filters::addressed(store()));
}
RecommendationQuery& RecommendationQuery::not_addressed() {
    return where(recommendation_filters::addressed(store()).negated());
}
RecommendationQuery& RecommendationQuery::addressed_in(std::string_view plan) {
    return where(recommendation_filters::addressed_in(store(), std::string(plan)));
}
RecommendationQuery& RecommendationQuery::not_addressed_in(std::string_view plan) {
    return where(recommendation_filters::addressed_in(store(), std::string(plan)).negated());
}
RecommendationQuery& RecommendationQuery::delivered_on(Date day) {
    return where(recommendation_filters::delivered_on(store(), day));
}
RecommendationQuery& RecommendationQuery::numbered(std::string_view number) {
    return where(recommendation_filters::numbered(std::string(number)));
}
RecommendationQuery& RecommendationQuery::addressed_by(std::string_view action_or_plan) {
    return where(recommendation_filters::addressed_by(store(), std::string(action_or_plan)));
}
RecommendationQuery& RecommendationQuery::text_contains(std::string_view words) {
    return where(recommendation_filters::text_contains(std::string(words)));
}

std::vector<std::string> RecommendationQuery::values_of(const Recommendation& recommendation,
                                                        RecommendationField field,
                                                        Date /*day*/) const {
    switch (field) {
    case RecommendationField::source:
        return {recommendation.source};
    case RecommendationField::tag:
        return {recommendation.source_tag};
    case RecommendationField::number:
        return {recommendation.number};
    case RecommendationField::subject: {
        const Assessment* source = source_of(store(), recommendation);
        return {source == nullptr ? "" : source->subject};
    }
    case RecommendationField::priority:
        return {recommendation.priority};
    }
    return {""};
}

} // namespace bestvalue
