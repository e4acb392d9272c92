#pragma once

/// \file
/// Slippage: how far an action's due has moved, against its original due or the latest
/// approved revision, as known on a day.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/store_index.hpp>

namespace bestvalue {

/// What slippage is measured against, as committees do.
enum class Baseline {
    original,        ///< the due the action was first given
    latest_approved, ///< the latest revision that was approved, else the original
};

template <>
struct EnumNames<Baseline> {
    static constexpr std::string_view type_name = "Baseline";
    static constexpr std::array<std::pair<Baseline, std::string_view>, 2> names = {{
        {Baseline::original, "original"},
        {Baseline::latest_approved, "latest_approved"},
    }};
};

/// How an action's due stood on a day. Every end is a due's `last_day`: empty when that due
/// could not be read as dates ('ongoing', 'Refreshed annually').
///
/// A revision is *known* on a day if its `revised_on` is empty (undated revisions are taken as
/// always known) or on or before the day. Revisions are taken in the order the action lists
/// them, as `Action::due_end` does, so the current due is the last listed revision known on the
/// day. A revision counts as *approved* if it names who approved it or when; one approved on a
/// date after the day was not yet approved on it.
struct Slippage {
    /// What `baseline_end` was measured from.
    Baseline baseline = Baseline::original;
    /// The last day of the original due; empty if there is none or it was not read.
    std::optional<Date> original_end;
    /// The last day of the baseline: the original due's, or for `latest_approved` the latest
    /// approved revision's known on the day (the original's when there is none).
    std::optional<Date> baseline_end;
    /// The last day of the due in force on the day: the latest revision known then, else the
    /// original.
    std::optional<Date> current_end;
    /// How many revisions were known on the day.
    std::size_t revisions = 0;
    /// `current_end - baseline_end` in days: positive when the due moved later, negative when
    /// it was brought forward; empty when either end is empty.
    std::optional<std::int64_t> days_slipped;

    friend bool operator==(const Slippage&, const Slippage&) = default;
};

/// The slippage of `action` as known on `day`, against `baseline`. Needs no store: everything
/// is on the action.
[[nodiscard]] Slippage slippage_on(const ActionView& action, Date day,
                                   Baseline baseline = Baseline::original);

/// The slippage of `action` counting every revision, whatever its date: its `current_end` is
/// `action.due_end()`.
[[nodiscard]] Slippage slippage_of(const ActionView& action,
                                   Baseline baseline = Baseline::original);

/// `slippage_on(store.actions()[action], day, baseline)` for the store whose index `index` is,
/// from the last days the index read once (`StoreIndex::original_due_end`,
/// `StoreIndex::revision_days`) rather than reading every due again.
[[nodiscard]] Slippage slippage_on(const StoreIndex& index, std::uint32_t action, Date day,
                                   Baseline baseline = Baseline::original);

/// `slippage_on(index, action, day, baseline).days_slipped` alone: ordering many actions by
/// days slipped needs nothing else, and against the original due, once every revision is known,
/// it is one subtraction of two days the index keeps side by side.
[[nodiscard]] std::optional<std::int64_t> days_slipped_on(const StoreIndex& index,
                                                          std::uint32_t action, Date day,
                                                          Baseline baseline = Baseline::original);

/// How many of the action's revisions were known on `day`: `slippage_on(action, day).revisions`,
/// without reading any due.
[[nodiscard]] std::size_t revisions_known_on(const ActionView& action, Date day);

/// `revisions_known_on(store.actions()[action], day)` for the store whose index `index` is, from
/// the revision days the index keeps, without reading the action.
[[nodiscard]] std::size_t revisions_known_on(const StoreIndex& index, std::uint32_t action,
                                             Date day);

} // namespace bestvalue
