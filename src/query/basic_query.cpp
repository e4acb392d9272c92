#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include "../detail/text.hpp"
#include "values.hpp"

namespace bestvalue {

const std::vector<Action>& entities_of(const Store& store, const Action*) {
    return store.actions();
}
const std::vector<Recommendation>& entities_of(const Store& store, const Recommendation*) {
    return store.recommendations();
}
const std::vector<Assessment>& entities_of(const Store& store, const Assessment*) {
    return store.assessments();
}
const std::vector<Rating>& entities_of(const Store& store, const Rating*) {
    return store.ratings();
}
const std::vector<Plan>& entities_of(const Store& store, const Plan*) {
    return store.plans();
}

Handles detail::union_of(const std::vector<const Handles*>& lists) {
    Handles all;
    for (const Handles* list : lists) {
        all.insert(all.end(), list->begin(), list->end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

namespace {

// Keeps in `into` the handles also in `other`; both ascending.
void intersect(Handles& into, const Handles& other) {
    auto kept = into.begin();
    auto it = other.begin();
    for (const auto handle : into) {
        it = std::lower_bound(it, other.end(), handle);
        if (it == other.end()) {
            break;
        }
        if (*it == handle) {
            *kept++ = handle;
        }
    }
    into.erase(kept, into.end());
}

} // namespace

template <typename Entity, typename Field, typename Derived>
Derived& BasicQuery<Entity, Field, Derived>::order_by(Field field, bool descending,
                                                      std::optional<Date> day) {
    order_ = Order{field, descending, day.value_or(boost::gregorian::day_clock::local_day())};
    return derived();
}

template <typename Entity, typename Field, typename Derived>
Handles BasicQuery<Entity, Field, Derived>::handles() const {
    const auto& entities = entities_of(*store_, static_cast<const Entity*>(nullptr));
    // The smallest set of candidates first: every other filter only narrows it.
    std::vector<const Filter<Entity>*> indexed;
    for (const auto& filter : filters_) {
        if (filter.has_candidates()) {
            indexed.push_back(&filter);
        }
    }
    std::stable_sort(indexed.begin(), indexed.end(), [](const auto* a, const auto* b) {
        return *a->candidate_count() < *b->candidate_count();
    });
    // A filter whose candidates are listed first and are exactly what passes is not tested
    // again (a text search would read every match's texts twice).
    const Filter<Entity>* untested =
        !indexed.empty() && indexed.front()->candidate_kind() == Candidates::exact ? indexed.front()
                                                                                   : nullptr;
    const auto passes = [&](std::uint32_t handle) {
        const Entity& entity = entities[handle];
        return std::all_of(filters_.begin(), filters_.end(), [&](const auto& filter) {
            return &filter == untested || filter(entity);
        });
    };
    Handles found;
    if (indexed.empty()) {
        for (std::uint32_t handle = 0; handle < entities.size(); ++handle) {
            if (passes(handle)) {
                found.push_back(handle);
            }
        }
        return found;
    }
    found = *indexed.front()->candidates();
    for (std::size_t i = 1; i < indexed.size() && !found.empty(); ++i) {
        // Held candidates cost a binary search per handle kept; listing the others would cost
        // more than testing what is kept, which every filter does anyway.
        if (const Handles* held = indexed[i]->held_candidates()) {
            intersect(found, *held);
        }
    }
    if (untested != nullptr && filters_.size() == 1) {
        return found; // exactly the one filter's candidates: nothing is left to test
    }
    std::erase_if(found, [&](std::uint32_t handle) { return !passes(handle); });
    return found;
}

template <typename Entity, typename Field, typename Derived>
std::vector<const Entity*> BasicQuery<Entity, Field, Derived>::run() const {
    const auto& entities = entities_of(*store_, static_cast<const Entity*>(nullptr));
    const Handles matching = handles();
    std::vector<const Entity*> found;
    found.reserve(matching.size());
    for (const auto handle : matching) {
        found.push_back(&entities[handle]);
    }
    if constexpr (requires(Field field) { Derived::is_whole_number(field); }) {
        if (order_ && Derived::is_whole_number(order_->field)) {
            // Whole numbers compared as numbers: the order their text would have under
            // natural_less (negative numbers first, larger magnitude first), without the text.
            std::vector<std::pair<std::optional<std::int64_t>, const Entity*>> keyed;
            keyed.reserve(found.size());
            for (const Entity* entity : found) {
                keyed.emplace_back(derived().whole_number_of(*entity, order_->field, order_->day),
                                   entity);
            }
            std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
                if (a.first.has_value() != b.first.has_value()) {
                    return a.first.has_value();
                }
                if (!a.first) {
                    return false;
                }
                return order_->descending ? *b.first < *a.first : *a.first < *b.first;
            });
            for (std::size_t i = 0; i < keyed.size(); ++i) {
                found[i] = keyed[i].second;
            }
            return limited(std::move(found));
        }
    }
    if (order_) {
        std::vector<std::pair<std::string, const Entity*>> keyed;
        keyed.reserve(found.size());
        for (const Entity* entity : found) {
            keyed.emplace_back(derived().values_of(*entity, order_->field, order_->day).front(),
                               entity);
        }
        // Empty values (no due, no health) go last whichever way the order runs.
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            if (a.first.empty() != b.first.empty()) {
                return b.first.empty();
            }
            return order_->descending ? detail::natural_less(b.first, a.first)
                                      : detail::natural_less(a.first, b.first);
        });
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            found[i] = keyed[i].second;
        }
    }
    return limited(std::move(found));
}

template <typename Entity, typename Field, typename Derived>
std::vector<const Entity*>
BasicQuery<Entity, Field, Derived>::limited(std::vector<const Entity*> found) const {
    if (offset_ >= found.size()) {
        return {};
    }
    found.erase(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(offset_));
    if (found.size() > limit_) {
        found.resize(limit_);
    }
    return found;
}

template <typename Entity, typename Field, typename Derived>
std::map<std::string, std::size_t> BasicQuery<Entity, Field, Derived>::count_by(Field field,
                                                                                Date day) const {
    const auto& entities = entities_of(*store_, static_cast<const Entity*>(nullptr));
    const Handles matching = handles();
    std::map<std::string, std::size_t> counts;
    if constexpr (requires(const StoreIndex& index, Field f) { Derived::values_index(index, f); }) {
        const KeyedHandles* keyed = Derived::values_index(store_->index(), field);
        // When the matches are a fair part of the collection, reading the index's lists in
        // order costs less than visiting each match's values where it lies in memory.
        if (keyed != nullptr && matching.size() * 16 >= entities.size()) {
            // Per entity: 0 not matching, 1 matching with no value met yet, 2 with one.
            std::vector<std::uint8_t> state(entities.size(), 0);
            for (const auto handle : matching) {
                state[handle] = 1;
            }
            keyed->for_each([&](std::string_view value, const Handles& filed) {
                std::size_t count = 0;
                for (const auto handle : filed) {
                    if (state[handle] != 0) {
                        ++count;
                        state[handle] = 2;
                    }
                }
                if (count > 0) {
                    counts[std::string(value)] += count;
                }
            });
            const auto none = static_cast<std::size_t>(std::count_if(
                matching.begin(), matching.end(), [&](auto handle) { return state[handle] == 1; }));
            if (none > 0) {
                counts[""] += none;
            }
            return counts;
        }
    }
    // A value an entity lists twice counts once.
    const auto first_time = [](const auto& values, std::size_t position) {
        return std::find(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(position),
                         values[position]) ==
               values.begin() + static_cast<std::ptrdiff_t>(position);
    };
    if constexpr (requires(const Entity& entity, Field f) { Derived::held_values_of(entity, f); }) {
        if (Derived::holds_values(field)) {
            // Counted by views of the values the entities hold; each key is copied once.
            std::unordered_map<std::string_view, std::size_t> viewed;
            for (const auto handle : matching) {
                const auto values = Derived::held_values_of(entities[handle], field);
                if (values.empty()) {
                    ++viewed[std::string_view()];
                }
                for (std::size_t position = 0; position < values.size(); ++position) {
                    if (first_time(values, position)) {
                        ++viewed[values[position]];
                    }
                }
            }
            for (const auto& [value, count] : viewed) {
                counts.emplace(value, count);
            }
            return counts;
        }
    }
    for (const auto handle : matching) {
        const auto values = derived().values_of(entities[handle], field, day);
        for (std::size_t position = 0; position < values.size(); ++position) {
            if (first_time(values, position)) {
                ++counts[values[position]];
            }
        }
    }
    return counts;
}

template class BasicQuery<Action, ActionField, ActionQuery>;
template class BasicQuery<Recommendation, RecommendationField, RecommendationQuery>;
template class BasicQuery<Assessment, AssessmentField, AssessmentQuery>;
template class BasicQuery<Rating, RatingField, RatingQuery>;
template class BasicQuery<Plan, PlanField, PlanQuery>;

} // namespace bestvalue
