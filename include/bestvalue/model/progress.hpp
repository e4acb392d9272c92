#pragma once

/// \file
/// `ProgressUpdate`: a dated report of how an action, section or plan stands.

#include <optional>
#include <string>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/record.hpp>

namespace bestvalue {

/// A dated update. Status is never overwritten: each change is a new update. `as_of` is the
/// date it speaks of and `recorded` when it was written down, so a later correction does not
/// rewrite what was reported then.
struct ProgressUpdate {
    std::string subject; ///< id of an action, section or plan
    Date as_of;
    std::optional<Date> recorded; ///< empty: recorded on `as_of`
    std::string status;           ///< a term of the plan's vocabulary, as written; may be empty
    std::optional<Lifecycle> lifecycle;
    std::optional<Health> health;
    std::optional<double> percent;
    std::string narrative;
    std::string author;
    Visibility visibility = Visibility::public_;
    std::vector<Citation> cites; ///< the papers that reported it
    std::vector<std::string> notes;

    /// The day it was recorded: `recorded`, or `as_of` when that is empty.
    [[nodiscard]] Date recorded_on() const { return recorded.value_or(as_of); }

    friend bool operator==(const ProgressUpdate&, const ProgressUpdate&) = default;
};

} // namespace bestvalue
