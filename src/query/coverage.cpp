#include <algorithm>
#include <set>

#include <bestvalue/error.hpp>
#include <bestvalue/query/coverage.hpp>
#include <bestvalue/query/recommendation_query.hpp>

namespace bestvalue {

namespace {

// What addresses a recommendation, from the store's index, in the order added.
std::vector<ActionView> indexed_actions_addressing(const Store& store,
                                                   std::string_view recommendation) {
    std::vector<ActionView> found;
    for (const auto handle : store.index().actions_addressing(recommendation)) {
        found.push_back(store.actions()[handle]);
    }
    return found;
}

std::vector<const Plan*> indexed_plans_addressing(const Store& store,
                                                  std::string_view recommendation) {
    std::vector<const Plan*> found;
    for (const auto handle : store.index().plans_addressing(recommendation)) {
        found.push_back(&store.plans()[handle]);
    }
    return found;
}

const Recommendation& checked(const Store& store, std::string_view recommendation) {
    return store.get_recommendation(recommendation);
}

// 'Addressed' and 'delivered' mean here what they mean in queries: the same filters decide.
void count_into(CoverageSummary& summary, const Store& store, const Recommendation& recommendation,
                Date day) {
    ++summary.recommendations;
    if (recommendation_filters::addressed(store)(recommendation)) {
        ++summary.addressed;
    }
    if (recommendation_filters::delivered_on(store, day)(recommendation)) {
        ++summary.delivered;
    }
}

} // namespace

std::vector<ActionView> actions_addressing(const Store& store, std::string_view recommendation) {
    return indexed_actions_addressing(store, checked(store, recommendation).id);
}

std::vector<const Plan*> plans_addressing(const Store& store, std::string_view recommendation) {
    return indexed_plans_addressing(store, checked(store, recommendation).id);
}

std::vector<const Recommendation*> recommendations_addressed_by(const Store& store,
                                                                std::string_view action_or_plan) {
    std::set<std::string, std::less<>> ids;
    const auto kind = store.kind_of(action_or_plan);
    if (kind == EntityKind::action) {
        const TextList addresses = store.get_action(action_or_plan).addresses();
        ids.insert(addresses.begin(), addresses.end());
    } else if (kind == EntityKind::plan) {
        const Plan& plan = store.get_plan(action_or_plan);
        ids.insert(plan.addresses.begin(), plan.addresses.end());
        for (const ActionView action : store.actions()) {
            if (action.plan() == plan.id) {
                const TextList addresses = action.addresses();
                ids.insert(addresses.begin(), addresses.end());
            }
        }
    } else {
        throw NotFound("action or plan", action_or_plan);
    }
    // In the order the recommendations were added, whatever order the plan names them in.
    std::vector<const Recommendation*> found;
    for (const Recommendation& recommendation : store.recommendations()) {
        if (ids.count(recommendation.id) > 0) {
            found.push_back(&recommendation);
        }
    }
    return found;
}

bool is_addressed(const Store& store, const Recommendation& recommendation) {
    return recommendation_filters::addressed(store)(checked(store, recommendation.id));
}

bool is_delivered_on(const Store& store, const Recommendation& recommendation, Date day) {
    return recommendation_filters::delivered_on(store, day)(checked(store, recommendation.id));
}

std::vector<TraceRow> traceability(const Store& store, Date day) {
    std::vector<TraceRow> rows;
    for (const Recommendation& recommendation : store.recommendations()) {
        TraceRow base;
        base.recommendation = recommendation.id;
        base.source = recommendation.source;
        if (const Assessment* source = store.find_assessment(recommendation.source)) {
            base.assessors = source->assessors;
        }
        base.source_tag = recommendation.source_tag;

        const auto actions = indexed_actions_addressing(store, recommendation.id);
        const auto plans = indexed_plans_addressing(store, recommendation.id);
        for (const ActionView action : actions) {
            TraceRow row = base;
            row.addressed_by = action.id();
            row.addressed_by_kind = EntityKind::action;
            row.plan = action.plan();
            row.lifecycle = store.lifecycle_on(action, day);
            row.health = store.health_on(action, day);
            rows.push_back(std::move(row));
        }
        for (const Plan* plan : plans) {
            TraceRow row = base;
            row.addressed_by = plan->id;
            row.addressed_by_kind = EntityKind::plan;
            row.plan = plan->id;
            rows.push_back(std::move(row));
        }
        if (actions.empty() && plans.empty()) {
            rows.push_back(std::move(base));
        }
    }
    return rows;
}

CoverageSummary coverage_on(const Store& store, Date day, const Filter<Recommendation>& filter) {
    CoverageSummary summary;
    for (const Recommendation& recommendation : store.recommendations()) {
        if (filter(recommendation)) {
            count_into(summary, store, recommendation, day);
        }
    }
    return summary;
}

std::map<std::string, CoverageSummary> coverage_by_source(const Store& store, Date day) {
    std::map<std::string, CoverageSummary> by_source;
    for (const Recommendation& recommendation : store.recommendations()) {
        count_into(by_source[recommendation.source], store, recommendation, day);
    }
    return by_source;
}

std::map<std::string, CoverageSummary> coverage_by_source_tag(const Store& store, Date day) {
    std::map<std::string, CoverageSummary> by_tag;
    for (const Recommendation& recommendation : store.recommendations()) {
        count_into(by_tag[recommendation.source_tag], store, recommendation, day);
    }
    return by_tag;
}

} // namespace bestvalue
