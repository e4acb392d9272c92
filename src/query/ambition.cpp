#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/query/ambition.hpp>
#include <bestvalue/query/rating_query.hpp>

namespace bestvalue {

namespace {

AmbitionCheck check(const Store& store, const Plan& plan, const PlanTarget& target, Date day) {
    const Scale* scale = store.find_scale(target.scale);
    if (scale == nullptr) {
        throw NotFound("scale", target.scale);
    }
    const ScaleLevel* aim = scale->find_level(target.level);
    if (aim == nullptr) {
        throw NotFound("level of scale " + target.scale, target.level);
    }
    AmbitionCheck result{plan.id,
                         target.text,
                         target.scale,
                         target.level,
                         target.due ? last_day(*target.due) : std::nullopt,
                         AmbitionStatus::not_yet_due,
                         {}};
    for (const Rating* rating : rating_history(store, plan.organisation, target.scale)) {
        if (!rating->date || *rating->date > day || (result.due && *rating->date > *result.due) ||
            (plan.adopted && *rating->date < *plan.adopted)) {
            continue;
        }
        const ScaleLevel* level = scale->find_level(rating->level);
        if (level != nullptr && level->value >= aim->value) {
            result.status = AmbitionStatus::met;
            result.rating = rating->id;
            return result;
        }
        result.rating = rating->id; // the history is oldest first, so this ends the latest
    }
    if (result.due && day > *result.due) {
        result.status = AmbitionStatus::missed;
    }
    return result;
}

} // namespace

std::vector<AmbitionCheck> check_ambitions(const Store& store, Date day) {
    std::vector<AmbitionCheck> checks;
    for (const auto& plan : store.plans()) {
        for (const auto& target : plan.targets) {
            if (!target.scale.empty() && !target.level.empty()) {
                checks.push_back(check(store, plan, target, day));
            }
        }
    }
    return checks;
}

} // namespace bestvalue
