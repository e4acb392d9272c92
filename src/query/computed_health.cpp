#include <algorithm>
#include <string>

#include <bestvalue/error.hpp>
#include <bestvalue/query/computed_health.hpp>
#include <bestvalue/query/slippage.hpp>

namespace bestvalue {

void HealthThresholds::validate() const {
    // Written so that NaN fails every comparison and so is refused.
    if (0.0 < off_track && off_track <= on_track && on_track <= 1.0) {
        return;
    }
    Problem problem;
    problem.location = "thresholds";
    problem.message =
        "health thresholds must satisfy 0 < off_track <= on_track <= 1, got on_track " +
        std::to_string(on_track) + " and off_track " + std::to_string(off_track);
    throw ValidationError({problem});
}

std::optional<Date> health_start_of(const Store& store, const ActionView& action) {
    if (const Plan* plan = store.find_plan(action.plan()); plan != nullptr && plan->adopted) {
        return plan->adopted;
    }
    if (auto reference = store.reference_date_of(action.id())) {
        return reference;
    }
    // Rarely reached: only for an action whose plan cites no paper.
    const auto updates = store.progress_of(action.id());
    if (!updates.empty()) {
        return updates.front().as_of;
    }
    return std::nullopt;
}

std::optional<Health> computed_health_on(const Store& store, const ActionView& action, Date day,
                                         const HealthThresholds& thresholds) {
    thresholds.validate();
    switch (store.lifecycle_on(action, day)) {
    case Lifecycle::completed:
        return Health::blue;
    case Lifecycle::cancelled:
    case Lifecycle::superseded:
        return std::nullopt;
    default:
        break;
    }
    const auto due_end = slippage_on(action, day).current_end;
    if (!due_end) {
        return std::nullopt;
    }
    const auto percent = store.percent_on(action, day);
    if (!percent) {
        return std::nullopt;
    }
    const auto start = health_start_of(store, action);
    if (!start) {
        return std::nullopt;
    }
    if (*due_end < day) {
        return Health::red;
    }
    double expected = 1.0;
    if (day < *start) {
        expected = 0.0;
    } else if (*start < *due_end) {
        const auto elapsed = static_cast<double>((day - *start).days());
        const auto duration = static_cast<double>((*due_end - *start).days());
        expected = std::clamp(elapsed / duration, 0.0, 1.0);
    }
    if (expected == 0.0) {
        return Health::green;
    }
    // A hair of tolerance, so that 63 % against 0.9 x 0.7 expected is on the line as written,
    // whatever the rounding of the products.
    constexpr double tolerance = 1e-9;
    const double done = *percent / 100.0 + tolerance;
    if (done >= thresholds.on_track * expected) {
        return Health::green;
    }
    if (done >= thresholds.off_track * expected) {
        return Health::amber;
    }
    return Health::red;
}

bool health_disagrees_on(const Store& store, const ActionView& action, Date day,
                         const HealthThresholds& thresholds) {
    const auto computed = computed_health_on(store, action, day, thresholds);
    if (!computed) {
        return false;
    }
    const auto reported = store.health_on(action, day);
    return reported && *reported != *computed;
}

} // namespace bestvalue
