#include <map>

#include <bestvalue/error.hpp>
#include <bestvalue/query/direction.hpp>
#include <bestvalue/query/rating_query.hpp>

namespace bestvalue {

namespace {

const Scale& scale_named(const Store& store, std::string_view id) {
    const Scale* scale = store.find_scale(id);
    if (scale == nullptr) {
        throw NotFound("scale", id);
    }
    return *scale;
}

double value_of(const Store& store, std::string_view scale_id, std::string_view level) {
    const ScaleLevel* found = scale_named(store, scale_id).find_level(level);
    if (found == nullptr) {
        throw NotFound("level of scale " + std::string(scale_id), level);
    }
    return found->value;
}

std::string describe(const Rating& rating) {
    return "rating \"" + rating.id + "\" (" + rating.scale + " " + rating.level + ")";
}

std::string regime_name(const std::optional<Regime>& regime) {
    return regime ? "regime \"" + regime->id + "\"" : "no known regime";
}

// The level `rating` has on `to_scale` through `mapping`.
std::string mapped_level(const ScaleMapping& mapping, const Rating& rating) {
    const auto found = mapping.levels.find(rating.level);
    if (found == mapping.levels.end()) {
        throw Error("the mapping from " + mapping.from_scale + " to " + mapping.to_scale +
                    " has no level for \"" + rating.level + "\" of " + describe(rating));
    }
    return found->second;
}

Direction direction_of(double earlier, double later) {
    if (later > earlier) {
        return Direction::improved;
    }
    return later < earlier ? Direction::declined : Direction::unchanged;
}

} // namespace

Direction direction_between(const Store& store, const Rating& earlier, const Rating& later,
                            const std::optional<ScaleMapping>& mapping,
                            const std::vector<Regime>& regimes) {
    if (!mapping) {
        if (earlier.scale != later.scale) {
            throw Error("cannot compare " + describe(earlier) + " with " + describe(later) +
                        ": they are on different scales; give a ScaleMapping between them");
        }
        const auto earlier_regime = regime_of_rating(store, earlier, regimes);
        const auto later_regime = regime_of_rating(store, later, regimes);
        // A rating outside every known regime is compared by its scale alone.
        if (earlier_regime && later_regime && earlier_regime->id != later_regime->id) {
            throw Error("cannot compare " + describe(earlier) + " under " +
                        regime_name(earlier_regime) + " with " + describe(later) + " under " +
                        regime_name(later_regime) + "; give a ScaleMapping between them");
        }
        return direction_of(value_of(store, earlier.scale, earlier.level),
                            value_of(store, later.scale, later.level));
    }
    scale_named(store, mapping->from_scale);
    scale_named(store, mapping->to_scale);
    if (mapping->from_scale == earlier.scale && mapping->to_scale == later.scale) {
        return direction_of(value_of(store, later.scale, mapped_level(*mapping, earlier)),
                            value_of(store, later.scale, later.level));
    }
    if (mapping->from_scale == later.scale && mapping->to_scale == earlier.scale) {
        return direction_of(value_of(store, earlier.scale, earlier.level),
                            value_of(store, earlier.scale, mapped_level(*mapping, later)));
    }
    throw Error("the mapping from " + mapping->from_scale + " to " + mapping->to_scale +
                " does not fit " + describe(earlier) + " and " + describe(later));
}

std::vector<HistoryStep> history_with_directions(const Store& store, std::string_view subject,
                                                 std::string_view scale,
                                                 std::string_view service_area,
                                                 std::string_view component,
                                                 const std::vector<Regime>& regimes) {
    std::vector<HistoryStep> steps;
    const Rating* previous = nullptr;
    for (const Rating* rating : rating_history(store, subject, scale)) {
        if (rating->service_area != service_area || rating->component != component) {
            continue;
        }
        HistoryStep step{rating, std::nullopt};
        if (previous != nullptr && previous->date && rating->date) {
            const auto before = regime_of_rating(store, *previous, regimes);
            const auto after = regime_of_rating(store, *rating, regimes);
            if (!before || !after || before->id == after->id) {
                step.direction = direction_between(store, *previous, *rating, {}, regimes);
            }
        }
        steps.push_back(step);
        previous = rating;
    }
    return steps;
}

std::vector<RatingChange> changes_between(const Store& store, std::string_view scale,
                                          const Period& earlier, const Period& later,
                                          std::string_view service_area, std::string_view component,
                                          const std::optional<ScaleMapping>& mapping,
                                          const std::vector<Regime>& regimes) {
    // Each subject's latest rating within each period.
    std::map<std::string, std::pair<const Rating*, const Rating*>, std::less<>> found;
    const auto keep_latest = [](const Rating*& kept, const Rating& rating) {
        if (kept == nullptr || *kept->date < *rating.date) {
            kept = &rating;
        }
    };
    for (const auto& rating : store.ratings()) {
        if (rating.scale != scale || rating.service_area != service_area ||
            rating.component != component || !rating.date) {
            continue;
        }
        if (earlier.contains(*rating.date)) {
            keep_latest(found[rating.subject].first, rating);
        }
        if (later.contains(*rating.date)) {
            keep_latest(found[rating.subject].second, rating);
        }
    }
    std::vector<RatingChange> changes;
    for (const auto& [subject, pair] : found) {
        const auto [before, after] = pair;
        if (before == nullptr || after == nullptr) {
            continue;
        }
        changes.push_back(
            {subject, before, after, direction_between(store, *before, *after, mapping, regimes)});
    }
    return changes;
}

} // namespace bestvalue
