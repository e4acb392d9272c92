#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/plan_query.hpp>
#include <bestvalue/query/rating_query.hpp>
#include <bestvalue/query/recommendation_query.hpp>

#include "../detail/text.hpp"
#include "values.hpp"
#include "view_tally.hpp"

namespace bestvalue {

const ActionTable& entities_of(const Store& store, const ActionView*) {
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

// What a query gives for the entity at `handle` of `entities`, and the entity it gives.
template <typename Entity>
const Entity* found_at(const std::vector<Entity>& entities, std::size_t handle) {
    return &entities[handle];
}
ActionView found_at(const ActionTable& actions, std::size_t handle) {
    return actions[handle];
}
template <typename Entity>
const Entity& entity_of(const Entity* found) {
    return *found;
}
const ActionView& entity_of(const ActionView& found) {
    return found;
}

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

// Numbers spanning at most this many values, and eight more per number, are counted into place:
// the buckets then cost about what the numbers do. A few numbers spread wide (the dates of one
// rating history) are sorted, as their buckets would cost many times what sorting them does.
constexpr std::uint64_t counting_width_limit = 4096;
constexpr std::uint64_t counting_buckets_per_number = 256;

// The positions of `numbers` in order: ascending or descending, those without a number last,
// ties in the order given (as a stable sort would leave them). Days slipped and counts of
// revisions lie in a narrow range, so they are counted into place in linear time; a wide range
// is sorted. Sorting 40,000 slipped actions took 16 % of a national slippage question.
std::vector<std::uint32_t>
whole_number_order(const std::vector<std::optional<std::int64_t>>& numbers, bool descending) {
    std::vector<std::uint32_t> order(numbers.size());
    std::int64_t low = std::numeric_limits<std::int64_t>::max();
    std::int64_t high = std::numeric_limits<std::int64_t>::min();
    for (const auto& number : numbers) {
        if (number) {
            low = std::min(low, *number);
            high = std::max(high, *number);
        }
    }
    // In unsigned arithmetic, so that no distance between two int64s overflows.
    const auto width = low <= high
                           ? static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low)
                           : std::uint64_t{0};
    // Counting only: the narrow width leaves room for the last bucket, of those without one.
    const auto bucket_of = [&](const std::optional<std::int64_t>& number) -> std::uint64_t {
        if (!number) {
            return width + 1;
        }
        const auto value = static_cast<std::uint64_t>(*number);
        return descending ? static_cast<std::uint64_t>(high) - value
                          : value - static_cast<std::uint64_t>(low);
    };
    const auto count = static_cast<std::uint64_t>(numbers.size());
    if (width <= counting_width_limit + 8 * count && width <= counting_buckets_per_number * count) {
        // starts[b + 1] counts bucket b, then starts[b] is where bucket b begins.
        std::vector<std::uint32_t> starts(static_cast<std::size_t>(width) + 3, 0);
        for (const auto& number : numbers) {
            ++starts[static_cast<std::size_t>(bucket_of(number)) + 1];
        }
        for (std::size_t b = 1; b < starts.size(); ++b) {
            starts[b] += starts[b - 1];
        }
        for (std::uint32_t position = 0; position < numbers.size(); ++position) {
            order[starts[static_cast<std::size_t>(bucket_of(numbers[position]))]++] = position;
        }
        return order;
    }
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& first = numbers[a];
        const auto& second = numbers[b];
        if (first.has_value() != second.has_value()) {
            return first.has_value();
        }
        return first && (descending ? *second < *first : *first < *second);
    });
    return order;
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
std::vector<Found<Entity>> BasicQuery<Entity, Field, Derived>::run() const {
    const auto& entities = entities_of(*store_, static_cast<const Entity*>(nullptr));
    const Handles matching = handles();
    std::vector<Found<Entity>> found;
    found.reserve(matching.size());
    if constexpr (requires(Field field) { Derived::is_whole_number(field); }) {
        if (order_ && Derived::is_whole_number(order_->field)) {
            // Whole numbers compared as numbers: the order their text would have under
            // natural_less (negative numbers first, larger magnitude first), without the text.
            std::vector<std::optional<std::int64_t>> numbers;
            if constexpr (requires(std::vector<std::optional<std::int64_t>> & into) {
                              derived().whole_numbers_of(matching, order_->field, order_->day,
                                                         into);
                          }) {
                derived().whole_numbers_of(matching, order_->field, order_->day, numbers);
            } else {
                numbers.reserve(matching.size());
                for (const auto handle : matching) {
                    numbers.push_back(
                        derived().whole_number_at(handle, order_->field, order_->day));
                }
            }
            for (const auto position : whole_number_order(numbers, order_->descending)) {
                found.push_back(found_at(entities, matching[position]));
            }
            return limited(std::move(found));
        }
    }
    for (const auto handle : matching) {
        found.push_back(found_at(entities, handle));
    }
    if (order_) {
        std::vector<std::pair<std::string, Found<Entity>>> keyed;
        keyed.reserve(found.size());
        for (const auto& entity : found) {
            keyed.emplace_back(
                derived().values_of(entity_of(entity), order_->field, order_->day).front(), entity);
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
std::vector<Found<Entity>>
BasicQuery<Entity, Field, Derived>::limited(std::vector<Found<Entity>> found) const {
    if (offset_ >= found.size()) {
        return {};
    }
    found.erase(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(offset_));
    if (found.size() > limit_) {
        found.erase(found.begin() + static_cast<std::ptrdiff_t>(limit_), found.end());
    }
    return found;
}

template <typename Entity, typename Field, typename Derived>
std::map<std::string, std::size_t> BasicQuery<Entity, Field, Derived>::count_by(Field field,
                                                                                Date day) const {
    const auto& entities = entities_of(*store_, static_cast<const Entity*>(nullptr));
    const Handles matching = handles();
    std::map<std::string, std::size_t> counts;
    const auto lasting = [](std::string_view value) { return value; }; // the store's, or static
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
    if constexpr (requires(Field f) { Derived::is_named_value(f); }) {
        if (Derived::is_named_value(field)) {
            // A handful of names, each a view of static text: tallied under views and copied
            // once, rather than making each match's text and finding it in the map.
            detail::ViewTally<std::size_t> tally;
            for (const auto handle : matching) {
                ++tally.at(derived().named_value_at(handle, field, day).value_or(""), lasting);
            }
            for (const auto& [value, count] : std::move(tally).sorted()) {
                counts.emplace_hint(counts.end(), value, count);
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
            detail::ViewTally<std::size_t> tally;
            for (const auto handle : matching) {
                const auto values = Derived::held_values_of(entities[handle], field);
                if (values.empty()) {
                    ++tally.at(std::string_view(), lasting);
                }
                for (std::size_t position = 0; position < values.size(); ++position) {
                    if (first_time(values, position)) {
                        ++tally.at(values[position], lasting);
                    }
                }
            }
            for (const auto& [value, count] : std::move(tally).sorted()) {
                counts.emplace_hint(counts.end(), value, count);
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

template <typename Entity, typename Field, typename Derived>
template <typename Visit>
void BasicQuery<Entity, Field, Derived>::visit_values(std::uint32_t handle, Field field, Date day,
                                                      const Visit& visit) const {
    if constexpr (requires(Field f) { Derived::is_named_value(f); }) {
        if (Derived::is_named_value(field)) {
            visit(derived().named_value_at(handle, field, day).value_or(""), true);
            return;
        }
    }
    const Entity& entity = entities_of(*store_, static_cast<const Entity*>(nullptr))[handle];
    const auto visit_each = [&](const auto& values, bool lasting) {
        if (values.empty()) {
            visit(std::string_view(), true);
        }
        for (auto value = values.begin(); value != values.end(); ++value) {
            if (std::find(values.begin(), value, *value) == value) { // a repeat counts once
                visit(std::string_view(*value), lasting);
            }
        }
    };
    if constexpr (requires(const Entity& e, Field f) { Derived::held_values_of(e, f); }) {
        if (Derived::holds_values(field)) {
            visit_each(Derived::held_values_of(entity, field), true);
            return;
        }
    }
    visit_each(derived().values_of(entity, field, day), false);
}

template <typename Entity, typename Field, typename Derived>
bool BasicQuery<Entity, Field, Derived>::for_each_count_of_codes(
    const Handles& matching, Field first, Field second, Date day,
    const PairCountVisitor& visit) const {
    if constexpr (requires(const Derived& query, std::vector<std::uint32_t>& codes, Field field) {
                      query.named_codes_of(matching, field, day, codes);
                      query.named_value_of_code(field, std::uint32_t{0});
                  }) {
        if (matching.empty() || !Derived::is_named_value(first) ||
            !Derived::is_named_value(second)) {
            return false;
        }
        // The matches' numbers, field by field, and the range each field's take.
        std::vector<std::uint32_t> ones;
        std::vector<std::uint32_t> others;
        if (!derived().named_codes_of(matching, first, day, ones) ||
            !derived().named_codes_of(matching, second, day, others)) {
            return false; // a value only the action's own text gives
        }
        const auto [one_low, one_high] = std::minmax_element(ones.begin(), ones.end());
        const auto [other_low, other_high] = std::minmax_element(others.begin(), others.end());
        const std::uint32_t row_base = *one_low;
        const std::uint32_t column_base = *other_low;
        const std::size_t rows = std::size_t{*one_high} - row_base + 1;
        const std::size_t columns = std::size_t{*other_high} - column_base + 1;
        // Counted in a grid over the ranges, unless it would be much larger than the matches
        // (plans or sections far apart across the store): then under views.
        constexpr std::size_t cells_per_match = 4;
        if (rows * columns > std::max<std::size_t>(64, cells_per_match * matching.size())) {
            return false;
        }
        std::vector<std::size_t> grid(rows * columns, 0);
        std::vector<bool> row_held(rows, false);
        std::vector<bool> column_held(columns, false);
        for (std::size_t i = 0; i < ones.size(); ++i) {
            const std::size_t row = ones[i] - row_base;
            const std::size_t column = others[i] - column_base;
            ++grid[row * columns + column];
            row_held[row] = true;
            column_held[column] = true;
        }
        // The rows and columns some match holds, each in the order of its value, which is the
        // order the views' tally gives. A field's numbers stand for distinct values (ids are
        // unique in a store, names in an enumeration), so each pair of values is one cell.
        struct Named {
            std::size_t place; // row or column of the grid
            std::string_view value;
        };
        const auto named_in_order = [&](Field field, std::uint32_t base,
                                        const std::vector<bool>& held) {
            std::vector<Named> named;
            for (std::size_t place = 0; place < held.size(); ++place) {
                if (held[place]) {
                    named.push_back({place, derived().named_value_of_code(
                                                field, base + static_cast<std::uint32_t>(place))});
                }
            }
            std::sort(named.begin(), named.end(),
                      [](const Named& a, const Named& b) { return a.value < b.value; });
            return named;
        };
        const auto row_named = named_in_order(first, row_base, row_held);
        const auto column_named = named_in_order(second, column_base, column_held);
        for (const Named& row : row_named) {
            for (const Named& column : column_named) {
                if (const std::size_t count = grid[row.place * columns + column.place];
                    count != 0) {
                    visit(row.value, column.value, count);
                }
            }
        }
        return true;
    } else {
        return false;
    }
}

template <typename Entity, typename Field, typename Derived>
void BasicQuery<Entity, Field, Derived>::for_each_count(Field first, Field second, Date day,
                                                        const PairCountVisitor& visit) const {
    const Handles matching = handles();
    // Two fields the index names by number (a section and a health, say) are counted by their
    // numbers, with no text compared per match.
    if (for_each_count_of_codes(matching, first, second, day, visit)) {
        return;
    }
    // Tallied under views, by the first value then the second: of the store's own text or of
    // static names where the values are those, else of copies kept here, made once for each
    // new value.
    detail::ViewTally<detail::ViewTally<std::size_t>> tally;
    std::forward_list<std::string> copies; // unlike a deque, nothing allocated while empty
    const auto keeper = [&copies](bool lasting) {
        return [&copies, lasting](std::string_view value) {
            return lasting ? value : std::string_view(copies.emplace_front(value));
        };
    };
    for (const auto handle : matching) {
        visit_values(handle, first, day, [&](std::string_view one, bool one_lasts) {
            auto& seconds = tally.at(one, keeper(one_lasts));
            visit_values(handle, second, day, [&](std::string_view other, bool other_lasts) {
                ++seconds.at(other, keeper(other_lasts));
            });
        });
    }
    for (auto& [one, seconds] : std::move(tally).sorted()) {
        for (const auto& [other, count] : std::move(seconds).sorted()) {
            visit(one, other, count);
        }
    }
}

template <typename Entity, typename Field, typename Derived>
std::map<std::pair<std::string, std::string>, std::size_t>
BasicQuery<Entity, Field, Derived>::count_by(Field first, Field second, Date day) const {
    std::map<std::pair<std::string, std::string>, std::size_t> counts;
    for_each_count(first, second, day,
                   [&counts](std::string_view one, std::string_view other, std::size_t count) {
                       // Given in order, so each goes at the end.
                       counts.emplace_hint(counts.end(),
                                           std::make_pair(std::string(one), std::string(other)),
                                           count);
                   });
    return counts;
}

template class BasicQuery<ActionView, ActionField, ActionQuery>;
template class BasicQuery<Recommendation, RecommendationField, RecommendationQuery>;
template class BasicQuery<Assessment, AssessmentField, AssessmentQuery>;
template class BasicQuery<Rating, RatingField, RatingQuery>;
template class BasicQuery<Plan, PlanField, PlanQuery>;

} // namespace bestvalue
