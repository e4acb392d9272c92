#pragma once

/// \file
/// `Filter`: one test of a question, with the candidates an index gives for it.

#include <concepts>
#include <cstddef>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include <bestvalue/store_index.hpp>

namespace bestvalue {

/// How a value compares with a bound: the comparisons of the query language.
enum class Comparison { less, less_equal, equal, not_equal, greater, greater_equal };

/// True if `value` compares with `bound` as `comparison` says.
template <typename T>
[[nodiscard]] bool compares(const T& value, Comparison comparison, const T& bound) {
    switch (comparison) {
    case Comparison::less:
        return value < bound;
    case Comparison::less_equal:
        return !(bound < value);
    case Comparison::equal:
        return value == bound;
    case Comparison::not_equal:
        return !(value == bound);
    case Comparison::greater:
        return bound < value;
    case Comparison::greater_equal:
        return !(value < bound);
    }
    return false;
}

/// What a filter's candidates are: a superset of the entities that pass (a query tests each),
/// or exactly them (a query that lists them need not test them again).
enum class Candidates { superset, exact };

/// A test of one entity — what every condition of a query is — and, when an index answers it,
/// the candidates: the handles of a superset of the entities that pass, ascending. A query
/// lists the smallest filter's candidates, intersects them with the others' where that is
/// cheap and tests what remains, so a selective filter spares a scan. Candidates are either
/// held (an index's list, copied once) or listed on demand, with their number (or a bound on
/// it) known in advance: a due range covering most of a collection costs nothing until it is
/// the smallest, and a text search, which bounds its number by the whole collection, scans
/// only when no filter offers fewer.
/// Any callable taking the entity converts to a filter without candidates.
template <typename Entity>
class Filter {
public:
    /// The test itself.
    using Test = std::function<bool(const Entity&)>;
    /// Lists candidates on demand, ascending.
    using Lister = std::function<Handles()>;

    /// A filter that lets everything through.
    Filter()
        : test_([](const Entity&) { return true; }) {}
    /// A filter from any test, without candidates.
    template <typename Callable>
    requires(!std::same_as<std::remove_cvref_t<Callable>, Filter> &&
             std::is_invocable_r_v<bool, const Callable&, const Entity&>)
        Filter(Callable test) // NOLINT(google-explicit-constructor): filters are written as lambdas
        : test_(std::move(test)) {}
    /// A filter whose passing entities are all among `candidates` (or, if `kind` is exact, are
    /// those handles).
    Filter(Test test, Handles candidates, Candidates kind = Candidates::superset)
        : test_(std::move(test))
        , count_(candidates.size())
        , held_(std::move(candidates))
        , kind_(kind) {}
    /// A filter whose passing entities are all among the handles `list` returns when called
    /// (or, if `kind` is exact, are those handles), which are at most `count`; it is called
    /// only if the query needs the list.
    Filter(Test test, std::size_t count, Lister list, Candidates kind = Candidates::superset)
        : test_(std::move(test))
        , count_(count)
        , list_(std::move(list))
        , kind_(kind) {}

    /// True if `entity` passes.
    [[nodiscard]] bool operator()(const Entity& entity) const { return test_(entity); }
    /// True if an index gives candidates.
    [[nodiscard]] bool has_candidates() const noexcept { return count_.has_value(); }
    /// How many candidates there are (at most, if they are listed on demand), if any.
    [[nodiscard]] std::optional<std::size_t> candidate_count() const noexcept { return count_; }
    /// Whether the candidates are exactly the entities that pass, or may hold others.
    [[nodiscard]] Candidates candidate_kind() const noexcept { return kind_; }
    /// The candidates when they are held rather than listed on demand; else null.
    [[nodiscard]] const Handles* held_candidates() const noexcept {
        return held_ ? &*held_ : nullptr;
    }
    /// The candidates, listed if need be; none if the filter has none.
    [[nodiscard]] std::optional<Handles> candidates() const {
        if (held_) {
            return held_;
        }
        if (list_) {
            return list_();
        }
        return std::nullopt;
    }
    /// The same filter, with candidates for its opposite: the entities that fail it are all
    /// among the handles `list` returns when called (or, if `kind` is exact, are those
    /// handles), which are at most `count`. An index that knows which entities pass often knows
    /// which fail, and then `negated()` need not scan.
    [[nodiscard]] Filter with_failing(std::size_t count, Lister list,
                                      Candidates kind = Candidates::superset) && {
        failing_count_ = count;
        failing_list_ = std::move(list);
        failing_kind_ = kind;
        return std::move(*this);
    }
    /// The opposite test; it has candidates only when `with_failing` gave them.
    [[nodiscard]] Filter negated() const {
        Test opposite = [test = test_](const Entity& entity) { return !test(entity); };
        if (failing_count_) {
            return Filter(std::move(opposite), *failing_count_, failing_list_, failing_kind_);
        }
        return Filter(std::move(opposite));
    }

private:
    Test test_;
    std::optional<std::size_t> count_;
    std::optional<Handles> held_;
    Lister list_;
    Candidates kind_ = Candidates::superset;
    std::optional<std::size_t> failing_count_;
    Lister failing_list_;
    Candidates failing_kind_ = Candidates::superset;
};

} // namespace bestvalue
