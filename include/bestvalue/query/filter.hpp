#pragma once

/// \file
/// `Filter`: one test of a question, with the candidates an index gives for it.

#include <concepts>
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

/// A test of one entity — what every condition of a query is — and, when an index answers it,
/// the candidates: the handles of a superset of the entities that pass, ascending. A query
/// intersects its filters' candidates before testing, so a selective filter spares a scan.
/// Any callable taking the entity converts to a filter without candidates.
template <typename Entity>
class Filter {
public:
    /// The test itself.
    using Test = std::function<bool(const Entity&)>;

    /// A filter that lets everything through.
    Filter()
        : test_([](const Entity&) { return true; }) {}
    /// A filter from any test, without candidates.
    template <typename Callable>
    requires(!std::same_as<std::remove_cvref_t<Callable>, Filter> &&
             std::is_invocable_r_v<bool, const Callable&, const Entity&>)
        Filter(Callable test) // NOLINT(google-explicit-constructor): filters are written as lambdas
        : test_(std::move(test)) {}
    /// A filter whose passing entities are all among `candidates`.
    Filter(Test test, Handles candidates)
        : test_(std::move(test))
        , candidates_(std::move(candidates)) {}

    /// True if `entity` passes.
    [[nodiscard]] bool operator()(const Entity& entity) const { return test_(entity); }
    /// The candidates from an index, if any.
    [[nodiscard]] const std::optional<Handles>& candidates() const noexcept { return candidates_; }
    /// The opposite test; it has no candidates.
    [[nodiscard]] Filter negated() const {
        return Filter([test = test_](const Entity& entity) { return !test(entity); });
    }

private:
    Test test_;
    std::optional<Handles> candidates_;
};

} // namespace bestvalue
