#pragma once

/// \file
/// Direction of travel between two ratings, an explicit mapping between scales, and a
/// subject's history with the direction of each step.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/period.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/query/regime.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// How a later rating stands against an earlier one.
enum class Direction { improved, declined, unchanged };

template <>
struct EnumNames<Direction> {
    static constexpr std::pair<Direction, std::string_view> names[] = {
        {Direction::improved, "improved"},
        {Direction::declined, "declined"},
        {Direction::unchanged, "unchanged"},
    };
};

/// How the levels of one scale (or of one regime's use of it) read on another, given by the
/// caller: bestvalue never guesses that 'good' in CPA 2004 equals 3 stars in 2005.
struct ScaleMapping {
    std::string from_scale;                    ///< scale id of the levels mapped
    std::string to_scale;                      ///< scale id they are read on
    std::map<std::string, std::string> levels; ///< level code on from_scale → code on to_scale

    friend bool operator==(const ScaleMapping&, const ScaleMapping&) = default;
};

/// Whether `later` is higher, lower or level with `earlier`, comparing the values of their
/// levels on the scale.
///
/// Ratings on different scales, or on one scale under different regimes (`regime_of_rating`),
/// are refused unless `mapping` is given; the mapping may run either way between the two
/// scales and is applied to the rating on its `from_scale` (to the earlier one when both
/// scales are the same). Refusals throw `Error` itself: nothing structured needs carrying
/// beyond the message, which names both ratings, scales and regimes.
/// \throws Error when the ratings are not comparable, the mapping does not fit them or lacks a
/// level; NotFound for an unknown scale or level.
[[nodiscard]] Direction direction_between(const Store& store, const Rating& earlier,
                                          const Rating& later,
                                          const std::optional<ScaleMapping>& mapping = {},
                                          const std::vector<Regime>& regimes = builtin_regimes());

/// One step of a subject's history: a rating and how it moved from the step before.
struct HistoryStep {
    const Rating* rating = nullptr;
    /// Empty for the first step, for undated ratings (their order is unknown) and for a step
    /// that crosses regimes, which only `direction_between` with a mapping may compare.
    std::optional<Direction> direction;
};

/// A subject's ratings on a scale for one service area and component (both empty: the whole
/// body), oldest first, undated ones last, each with its direction from the step before.
/// Steps are taken within one rated thing only, so Oxfordshire's education score is never
/// compared with its social care score.
[[nodiscard]] std::vector<HistoryStep>
history_with_directions(const Store& store, std::string_view subject, std::string_view scale,
                        std::string_view service_area = {}, std::string_view component = {},
                        const std::vector<Regime>& regimes = builtin_regimes());

/// How one subject's rating moved from one period to another.
struct RatingChange {
    std::string subject;             ///< organisation id
    const Rating* earlier = nullptr; ///< its rating in the earlier period
    const Rating* later = nullptr;   ///< its rating in the later period
    Direction direction = Direction::unchanged;
};

/// Every subject rated on `scale`, for one service area and component (both empty: the whole
/// body), both within `earlier` and within `later`, with how its rating moved: councils whose
/// children and young people score fell between 2005 and 2006 are those whose direction is
/// `declined`. Where a subject has several ratings in a period, its latest there counts.
/// Ordered by subject id. Comparisons follow `direction_between`: across scales or regimes
/// only with `mapping`.
/// \throws what `direction_between` throws, for the first subject it refuses.
[[nodiscard]] std::vector<RatingChange>
changes_between(const Store& store, std::string_view scale, const Period& earlier,
                const Period& later, std::string_view service_area = {},
                std::string_view component = {}, const std::optional<ScaleMapping>& mapping = {},
                const std::vector<Regime>& regimes = builtin_regimes());

} // namespace bestvalue
