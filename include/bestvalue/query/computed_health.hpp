#pragma once

/// \file
/// Computed health: the RAG an action's dates and percent complete give, to set beside the
/// health its owner reported.

#include <optional>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/action_table.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// How far behind the expected percent complete an action may be: on track (green) at or above
/// `on_track` times the expected fraction, off track (red) below `off_track` times it, amber
/// between. Valid when 0 < off_track <= on_track <= 1.
struct HealthThresholds {
    double on_track = 0.9;
    double off_track = 0.7;

    /// Checks the thresholds.
    /// \throws ValidationError unless 0 < off_track <= on_track <= 1 (NaN fails too).
    void validate() const;

    friend bool operator==(const HealthThresholds&, const HealthThresholds&) = default;
};

/// The start an action's expected progress is measured from: the adopted date of its plan,
/// else its reference date (`Store::reference_date_of`: its first cited paper's date, else its
/// plan's), else the day of its first progress update. Empty when none is known.
[[nodiscard]] std::optional<Date> health_start_of(const Store& store, const ActionView& action);

/// The health `action`'s dates and percent complete give on `day`, as a committee could have
/// known them then:
/// - completed on the day: blue; cancelled or superseded: empty;
/// - otherwise it needs a start (`health_start_of`), the last day of the due in force on the
///   day (`slippage_on(action, day).current_end`) and a percent complete (the latest update
///   that gives one, of those that speak of the day or before and were recorded by then, as
///   `Store::status_on` reads them); without any of them, empty;
/// - after the due's last day and not complete: red;
/// - else the expected fraction is (day − start) / (due end − start) in days, clamped to
///   [0, 1] (0 before the start; 1 when the due ends on or before the start); expected 0 gives
///   green, and percent / 100 at or above `on_track` × expected green, at or above
///   `off_track` × expected amber, below that red (a value on a boundary, within 1e-9 for
///   rounding, is on its upper side: 90 % of expected is green, 70 % amber).
///
/// \throws ValidationError if the thresholds are not valid.
[[nodiscard]] std::optional<Health> computed_health_on(const Store& store, const ActionView& action,
                                                       Date day,
                                                       const HealthThresholds& thresholds = {});

/// True if on `day` the action has both a reported health (`Store::health_on`) and a computed
/// one (`computed_health_on`) and they differ.
/// \throws ValidationError if the thresholds are not valid.
[[nodiscard]] bool health_disagrees_on(const Store& store, const ActionView& action, Date day,
                                       const HealthThresholds& thresholds = {});

} // namespace bestvalue
