#pragma once

/// \file
/// Ambitions checked against ratings: a plan's target on a scale ('good' on the CPA category
/// by 2004/05) is met, missed or not yet due, as of a day.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// Where an ambition stands on a day.
enum class AmbitionStatus { met, missed, not_yet_due };

template <>
struct EnumNames<AmbitionStatus> {
    static constexpr std::pair<AmbitionStatus, std::string_view> names[] = {
        {AmbitionStatus::met, "met"},
        {AmbitionStatus::missed, "missed"},
        {AmbitionStatus::not_yet_due, "not_yet_due"},
    };
};

/// One plan target on a scale, checked.
struct AmbitionCheck {
    std::string plan;        ///< plan id
    std::string target;      ///< the target's text
    std::string scale;       ///< scale id
    std::string level;       ///< the level aimed at
    std::optional<Date> due; ///< last day of the target's due; empty if it has none readable
    AmbitionStatus status = AmbitionStatus::not_yet_due;
    /// Met: the first rating that reached the level. Otherwise the latest rating counted (the
    /// best evidence of where the council stood), or empty when there is none.
    std::string rating;

    friend bool operator==(const AmbitionCheck&, const AmbitionCheck&) = default;
};

/// Checks every plan target that names a scale and a level against the ratings of the plan's
/// organisation on that scale, as known on `day`.
///
/// A rating counts if it is dated, on or before `day` and the due's last day, and not before
/// the plan was adopted (when the plan gives that date): an ambition looks forward. Met: a
/// counted rating is at or above the level. Missed: none is, and `day` is after the due.
/// Not yet due: none is, and the due has not passed — or the target has no readable due, as it
/// can then never be missed. Targets in words only are left out; plans in store order.
/// \throws NotFound if a target's scale or level is unknown.
[[nodiscard]] std::vector<AmbitionCheck> check_ambitions(const Store& store, Date day);

} // namespace bestvalue
