#pragma once

/// \file
/// `BasicQuery`: what every typed question about a store's entities shares — filters answered
/// from indexes where they can be, ordering, limits, counts and groups.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// The entities of `Entity`'s kind in `store`, in the order added: what handles index.
[[nodiscard]] const ActionTable& entities_of(const Store& store, const ActionView*);
[[nodiscard]] const std::vector<Recommendation>& entities_of(const Store& store,
                                                             const Recommendation*);
[[nodiscard]] const std::vector<Assessment>& entities_of(const Store& store, const Assessment*);
[[nodiscard]] const std::vector<Rating>& entities_of(const Store& store, const Rating*);
[[nodiscard]] const std::vector<Plan>& entities_of(const Store& store, const Plan*);

/// What a typed query gives for each entity it finds: a pointer to the one the store holds, or
/// for actions, which the store keeps compactly, a view of it.
template <typename Entity>
struct FoundOf {
    using type = const Entity*;
};
template <>
struct FoundOf<ActionView> {
    using type = ActionView;
};
/// `FoundOf<Entity>::type`.
template <typename Entity>
using Found = typename FoundOf<Entity>::type;

/// The handle of an entity a typed query found: its position among `entities_of` its kind.
template <typename Entity>
[[nodiscard]] std::uint32_t handle_of_found(const Store& store, const Entity* entity) {
    return static_cast<std::uint32_t>(entity - entities_of(store, entity).data());
}
/// The handle of an action a typed query found: its view's position.
[[nodiscard]] inline std::uint32_t handle_of_found(const Store& /*store*/,
                                                   const ActionView& action) noexcept {
    return action.position();
}

/// The part of every typed query (`ActionQuery`, `RecommendationQuery`, …) that does not
/// depend on the kind of entity. `Derived` is the query class itself (so that chained calls
/// keep its type) and provides `values_of(entity, field, day)`: the values an entity has for
/// a field, as text, which ordering and grouping use.
///
/// A query keeps a reference to its store, which must outlive it and not change while it is
/// used; queries are values: copy one to branch it. Running a query on a const store is safe
/// from many threads at once.
template <typename Entity, typename Field, typename Derived>
class BasicQuery {
public:
    /// A question about every entity of its kind in `store`.
    explicit BasicQuery(const Store& store)
        : store_(&store) {}

    /// Adds a filter: results must pass every filter.
    Derived& where(Filter<Entity> filter) {
        filters_.push_back(std::move(filter));
        return derived();
    }
    /// Orders the results (by default they come in the order added; ties keep that order).
    /// Values that depend on status are taken on `day` (default: today). Entities with no value
    /// come last whichever way the order runs; numbers in text order as numbers (3.2 before
    /// 3.10).
    Derived& order_by(Field field, bool descending = false, std::optional<Date> day = std::nullopt);
    /// At most `count` results, after skipping `offset`.
    Derived& limit(std::size_t count, std::size_t offset = 0) {
        limit_ = count;
        offset_ = offset;
        return derived();
    }

    /// The matching entities, ordered and limited.
    [[nodiscard]] std::vector<Found<Entity>> run() const;
    /// The handles of the matching entities, ascending (ignoring order, limit and offset).
    [[nodiscard]] Handles handles() const;
    /// How many entities match (ignoring limit and offset).
    [[nodiscard]] std::size_t count() const { return handles().size(); }
    /// How many matching entities have each value of `field` on `day`. An entity with several
    /// values (several leads, several assessors) counts once under each; one with none counts
    /// under "".
    [[nodiscard]] std::map<std::string, std::size_t> count_by(Field field, Date day) const;
    /// How many matching entities have each pair of values of `first` and `second` on `day`:
    /// a cross-tabulation, such as actions by section and health. An entity counts once under
    /// every pair its values make (two leads and one health: once under each lead), and one
    /// with no value of a field counts under "" for it, as `count_by` of one field counts.
    [[nodiscard]] std::map<std::pair<std::string, std::string>, std::size_t>
    count_by(Field first, Field second, Date day) const;
    /// Receives a pair of values of a count by two fields and how many matches have it.
    using PairCountVisitor =
        std::function<void(std::string_view first, std::string_view second, std::size_t count)>;
    /// The counts of `count_by(first, second, day)`, given pair by pair to `visit` in the map's
    /// order (by the first value, then the second) without copying a value: for callers that
    /// put the counts into their own form. The views last until `for_each_count` returns.
    void for_each_count(Field first, Field second, Date day, const PairCountVisitor& visit) const;

    /// True once a filter is added: until then a query asks of every entity of its kind, which
    /// some answers read from the store's indexes whole.
    [[nodiscard]] bool is_filtered() const noexcept { return !filters_.empty(); }
    /// The store asked.
    [[nodiscard]] const Store& store() const noexcept { return *store_; }

private:
    [[nodiscard]] Derived& derived() { return static_cast<Derived&>(*this); }
    [[nodiscard]] const Derived& derived() const { return static_cast<const Derived&>(*this); }
    // Calls visit(value, lasting) once for each distinct value of `field` that the entity at
    // `handle` has on `day`, or once with "" when it has none. A lasting value views the store's
    // own text or a static name; any other is valid during its call only.
    template <typename Visit>
    void visit_values(std::uint32_t handle, Field field, Date day, const Visit& visit) const;
    // `for_each_count` of `matching` by the numbers the query gives two named fields
    // (`named_code_at`), where it gives them for every match and their ranges are not much
    // larger than the matches; false, having visited nothing, otherwise.
    bool for_each_count_of_codes(const Handles& matching, Field first, Field second, Date day,
                                 const PairCountVisitor& visit) const;
    // The entities after skipping offset_, at most limit_ of them.
    [[nodiscard]] std::vector<Found<Entity>> limited(std::vector<Found<Entity>> found) const;

    const Store* store_;
    std::vector<Filter<Entity>> filters_;
    struct Order {
        Field field;
        bool descending;
        Date day;
    };
    std::optional<Order> order_;
    std::size_t limit_ = static_cast<std::size_t>(-1);
    std::size_t offset_ = 0;
};

} // namespace bestvalue
