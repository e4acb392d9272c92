#pragma once

/// \file
/// Recommendation coverage and traceability, both ways: which actions and plans address a
/// recommendation, which recommendations an action or plan addresses, whether each
/// recommendation is addressed and delivered as of a date, and the traceability matrix from a
/// recommendation's source to the work that answers it.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/model/recommendation.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// The actions that address the recommendation with this id (through `Action::addresses`), in
/// the order added, across all plans.
/// \throws NotFound if the store has no such recommendation.
[[nodiscard]] std::vector<ActionView> actions_addressing(const Store& store,
                                                         std::string_view recommendation);

/// The plans that address the recommendation with this id as a whole (through
/// `Plan::addresses`), in the order added. A plan whose actions address it is not counted here:
/// see `actions_addressing`.
/// \throws NotFound if the store has no such recommendation.
[[nodiscard]] std::vector<const Plan*> plans_addressing(const Store& store,
                                                        std::string_view recommendation);

/// The recommendations an action or a plan addresses, in the order they were added. For an
/// action: those it names. For a plan: those it addresses as a whole and those any of its
/// actions address, each once.
/// \throws NotFound if the id is neither an action nor a plan of the store.
[[nodiscard]] std::vector<const Recommendation*>
recommendations_addressed_by(const Store& store, std::string_view action_or_plan);

/// True if some action or some whole plan addresses the recommendation: what the query
/// language's `addressed` flag means.
/// \throws NotFound if the recommendation is not in the store.
[[nodiscard]] bool is_addressed(const Store& store, const Recommendation& recommendation);

/// True if the recommendation was delivered on `day`: at least one action addresses it, and
/// every action that does was completed on `day` (`Store::lifecycle_on`). Cancelled or
/// superseded actions do not count as completed.
///
/// A recommendation addressed only by a whole plan is never delivered by this measure: such a
/// plan (Cannock Chase's Strategic Housing plan) is referenced, not held action by action, so
/// the store cannot tell whether its work is done; its own progress updates, if any, are
/// narrative about the plan, not completion of the recommendation.
/// \throws NotFound if the recommendation is not in the store.
[[nodiscard]] bool is_delivered_on(const Store& store, const Recommendation& recommendation,
                                   Date day);

/// One row of the traceability matrix: a recommendation, where it came from, and one thing that
/// addresses it. A recommendation nothing addresses has one row with the addressing fields
/// empty.
struct TraceRow {
    std::string recommendation;         ///< recommendation id
    std::string source;                 ///< id of the assessment that made it; may be empty
    std::vector<std::string> assessors; ///< organisation ids of the source's assessors
    std::string source_tag;             ///< the recommendation's own tag: 'PR', 'CPA'
    std::string addressed_by;           ///< the id of the action or plan; empty if none
    /// `EntityKind::action` or `EntityKind::plan`; empty when nothing addresses it.
    std::optional<EntityKind> addressed_by_kind;
    std::string plan; ///< the action's plan, or the plan itself; empty if none
    /// The action's lifecycle on the day; empty for a plan row and for an unaddressed one (a
    /// whole plan's progress is not held action by action).
    std::optional<Lifecycle> lifecycle;
    /// The action's health on the day, if any update gives one; empty for plan rows.
    std::optional<Health> health;

    friend bool operator==(const TraceRow&, const TraceRow&) = default;
};

/// The traceability matrix on `day`: for each recommendation, in the order added, one row per
/// action that addresses it (in the order added), then one row per whole plan that addresses
/// it (in the order added); one row with empty addressing fields if nothing does.
[[nodiscard]] std::vector<TraceRow> traceability(const Store& store, Date day);

/// How many recommendations there are, how many are addressed, and how many delivered, on a
/// day (see `is_addressed` and `is_delivered_on`).
struct CoverageSummary {
    std::size_t recommendations = 0;
    std::size_t addressed = 0;
    std::size_t delivered = 0;

    friend bool operator==(const CoverageSummary&, const CoverageSummary&) = default;
};

/// The coverage on `day` of the recommendations that pass `filter` — any of the queries'
/// `recommendation_filters` (`from_source(store, id)`, `tagged(store, "PR")` …) or any test;
/// all of them by default.
[[nodiscard]] CoverageSummary coverage_on(const Store& store, Date day,
                                          const Filter<Recommendation>& filter = {});

/// The coverage on `day` per source assessment id; recommendations with no source count under
/// "".
[[nodiscard]] std::map<std::string, CoverageSummary> coverage_by_source(const Store& store,
                                                                        Date day);

/// The coverage on `day` per source tag ('PR', 'CPA'); untagged recommendations count under "".
[[nodiscard]] std::map<std::string, CoverageSummary> coverage_by_source_tag(const Store& store,
                                                                            Date day);

} // namespace bestvalue
