#pragma once

/// \file
/// The text query language (docs/query.md): `actions where plan = "rochford/cpa-plan-2009"
/// and due < 2009-06-30 and status != completed order by due as of 2009-02-18`,
/// `count actions by health as of 2009-03-18`, `recommendations where not addressed`,
/// `assessments where scheduled in 2003/04 and assessor = "audit-commission"`,
/// `ratings where subject = "oxfordshire" order by date`, `plans where organisation = "rochford"`.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/query/condition.hpp>
#include <bestvalue/query/table.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// One point of a series (`count … per quarter in 2003/04`): the count as of the last day of
/// a step.
struct SeriesPoint {
    std::string label; ///< 'Q2 2003/04'
    Date end;          ///< the step's last day: the day the count was answered on
    std::map<std::string, std::size_t> counts;
    std::map<std::string, std::size_t> completed; ///< for actions, as in `QueryResult`

    friend bool operator==(const SeriesPoint&, const SeriesPoint&) = default;
};

/// The answer to a text query: the ids of the matching entities in order, or — for `count` —
/// the number of them, grouped when the query says `by`.
struct QueryResult {
    QueryCollection collection = QueryCollection::actions;
    /// The matching entities' ids, in the query's order (empty for a count, and from
    /// `run_query_handles`).
    std::vector<std::string> ids;
    /// The matching entities' handles (positions in the store's collection the query asked
    /// about: `Store::actions()`, `Store::recommendations()`, …), in the same order as `ids`.
    Handles handles;
    /// True for a `count` query.
    bool is_count = false;
    /// For `count … by field`: how many have each value; for a plain count, one entry "".
    std::map<std::string, std::size_t> counts;
    /// For counts of actions: how many of those counted under each key were completed on the
    /// day, so that completion percentages follow (empty for other collections).
    std::map<std::string, std::size_t> completed;
    /// The day status-dependent conditions were answered for.
    Date as_of;
    /// For `count … per step in period`: the same count as of the end of each step.
    std::vector<SeriesPoint> series;

    friend bool operator==(const QueryResult&, const QueryResult&) = default;
};

/// An answer as a table: for ids, the entities' table (`action_table` and the others; status
/// on the answer's day); for a count, one row per key with its count, and for actions the
/// number completed and the percentage; for a series, the same per step, with the step's
/// label and last day first. A result without ids (from `run_query_handles`) is read by its
/// handles, which must be into `store`.
[[nodiscard]] Table table_of(const Store& store, const QueryResult& result);

/// Reads and runs a query against `store`. Conditions on status are answered as of the date
/// the query gives with `as of`, else as of `today` (default: the system's date).
/// \throws QueryError naming the column and, for a misspelt name, the likely fix.
[[nodiscard]] QueryResult run_query(const Store& store, std::string_view query,
                                    std::optional<Date> today = std::nullopt);

/// As `run_query`, but the matching entities are given by `QueryResult::handles` alone and
/// `ids` is left empty: for a caller that reads each id from the store rather than have them
/// all copied (the Python binding makes its strings straight from the store's). `table_of`
/// reads such a result by its handles, so it must be given the same store.
[[nodiscard]] QueryResult run_query_handles(const Store& store, std::string_view query,
                                            std::optional<Date> today = std::nullopt);

} // namespace bestvalue
