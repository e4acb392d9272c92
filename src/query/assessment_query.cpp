#include <algorithm>

#include <bestvalue/query/action_query.hpp>
#include <bestvalue/query/assessment_query.hpp>

#include "../detail/text.hpp"
#include "values.hpp"

namespace bestvalue {

namespace {

using AssessmentFilter = Filter<Assessment>;

bool contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

} // namespace

namespace assessment_filters {

AssessmentFilter scheduled_within(const Store& store, Period period) {
    const std::optional<Date> from =
        period.has_open_start() ? std::nullopt : std::optional<Date>(period.start());
    const Date to = period.end();
    const std::size_t count = store.index().count_periods_starting_within(from, to);
    auto test = [period = std::move(period)](const Assessment& assessment) {
        return assessment.scheduled.has_value() &&
               std::any_of(assessment.scheduled->periods.begin(),
                           assessment.scheduled->periods.end(),
                           [&](const Period& scheduled) { return period.contains(scheduled); });
    };
    // The index keeps each period's first and last days: its candidates are exactly those that
    // pass, and the query need not visit the assessments to test them.
    return {std::move(test), count,
            [&store, from, to] { return store.index().assessments_scheduled_within(from, to); },
            Candidates::exact};
}

AssessmentFilter by_assessor(const Store& store, std::string organisation) {
    Handles candidates = store.index().assessments_by(organisation);
    return {[organisation = std::move(organisation)](const Assessment& assessment) {
                return contains(assessment.assessors, organisation);
            },
            std::move(candidates)};
}

AssessmentFilter of_subject(const Store& store, std::string organisation) {
    Handles candidates = store.index().assessments_of(organisation);
    return {[organisation = std::move(organisation)](const Assessment& assessment) {
                return assessment.subject == organisation;
            },
            std::move(candidates)};
}

AssessmentFilter of_kind(AssessmentKind kind) {
    return [kind](const Assessment& assessment) { return assessment.kind == kind; };
}

AssessmentFilter with_status(AssessmentStatus status) {
    return [status](const Assessment& assessment) { return assessment.status == status; };
}

AssessmentFilter in_track(ProgrammeTrack track) {
    return [track](const Assessment& assessment) { return assessment.track == track; };
}

AssessmentFilter in_service_area(std::string service_area) {
    return [service_area = std::move(service_area)](const Assessment& assessment) {
        return contains(assessment.service_areas, service_area);
    };
}

AssessmentFilter responsible(const Store& store, std::string officer) {
    return [&store, officer = std::move(officer)](const Assessment& assessment) {
        return std::any_of(
            assessment.responsible_officers.begin(), assessment.responsible_officers.end(),
            [&](const std::string& id) { return officer_matches(store, id, officer); });
    };
}

AssessmentFilter in_programme(std::string programme) {
    return [programme = std::move(programme)](const Assessment& assessment) {
        return assessment.programme == programme;
    };
}

AssessmentFilter titled(std::string title) {
    return [title = std::move(title)](const Assessment& assessment) {
        return assessment.title == title;
    };
}

AssessmentFilter text_contains(std::string words) {
    return [words = std::move(words)](const Assessment& assessment) {
        return detail::contains_ignoring_case(assessment.title, words) ||
               detail::contains_ignoring_case(assessment.description, words);
    };
}

} // namespace assessment_filters

AssessmentQuery& AssessmentQuery::scheduled_within(const Period& period) {
    return where(assessment_filters::scheduled_within(store(), period));
}
AssessmentQuery& AssessmentQuery::by_assessor(std::string_view organisation) {
    return where(assessment_filters::by_assessor(store(), std::string(organisation)));
}
AssessmentQuery& AssessmentQuery::of_subject(std::string_view organisation) {
    return where(assessment_filters::of_subject(store(), std::string(organisation)));
}
AssessmentQuery& AssessmentQuery::of_kind(AssessmentKind kind) {
    return where(assessment_filters::of_kind(kind));
}
AssessmentQuery& AssessmentQuery::with_status(AssessmentStatus status) {
    return where(assessment_filters::with_status(status));
}
AssessmentQuery& AssessmentQuery::in_track(ProgrammeTrack track) {
    return where(assessment_filters::in_track(track));
}
AssessmentQuery& AssessmentQuery::in_service_area(std::string_view service_area) {
    return where(assessment_filters::in_service_area(std::string(service_area)));
}
AssessmentQuery& AssessmentQuery::responsible(std::string_view officer) {
    return where(assessment_filters::responsible(store(), std::string(officer)));
}
AssessmentQuery& AssessmentQuery::in_programme(std::string_view programme) {
    return where(assessment_filters::in_programme(std::string(programme)));
}

std::vector<std::string> AssessmentQuery::values_of(const Assessment& assessment,
                                                    AssessmentField field, Date /*day*/) const {
    switch (field) {
    case AssessmentField::title:
        return {assessment.title};
    case AssessmentField::kind:
        return {std::string(to_name(assessment.kind))};
    case AssessmentField::status:
        return {assessment.status ? std::string(to_name(*assessment.status)) : ""};
    case AssessmentField::track:
        return {assessment.track ? std::string(to_name(*assessment.track)) : ""};
    case AssessmentField::subject:
        return {assessment.subject};
    case AssessmentField::assessor:
        return detail::or_empty(assessment.assessors);
    case AssessmentField::responsible:
        return detail::or_empty(assessment.responsible_officers);
    case AssessmentField::programme:
        return {assessment.programme};
    case AssessmentField::service_area:
        return detail::or_empty(assessment.service_areas);
    case AssessmentField::scheduled:
        return {assessment.scheduled && !assessment.scheduled->periods.empty() &&
                        !assessment.scheduled->periods.front().has_open_start()
                    ? to_iso(assessment.scheduled->periods.front().start())
                    : ""};
    }
    return {""};
}

bool AssessmentQuery::holds_values(AssessmentField field) noexcept {
    switch (field) {
    case AssessmentField::title:
    case AssessmentField::subject:
    case AssessmentField::assessor:
    case AssessmentField::responsible:
    case AssessmentField::programme:
    case AssessmentField::service_area:
        return true;
    case AssessmentField::kind:
    case AssessmentField::status:
    case AssessmentField::track:
    case AssessmentField::scheduled:
        return false;
    }
    return false;
}

const KeyedHandles* AssessmentQuery::values_index(const StoreIndex& index,
                                                  AssessmentField field) noexcept {
    switch (field) {
    case AssessmentField::subject:
        return &index.assessments_of_each_subject();
    case AssessmentField::assessor:
        return &index.assessments_by_each_assessor();
    default:
        return nullptr;
    }
}

std::span<const std::string> AssessmentQuery::held_values_of(const Assessment& assessment,
                                                             AssessmentField field) {
    switch (field) {
    case AssessmentField::title:
        return {&assessment.title, 1};
    case AssessmentField::subject:
        return {&assessment.subject, 1};
    case AssessmentField::assessor:
        return assessment.assessors;
    case AssessmentField::responsible:
        return assessment.responsible_officers;
    case AssessmentField::programme:
        return {&assessment.programme, 1};
    case AssessmentField::service_area:
        return assessment.service_areas;
    case AssessmentField::kind:
    case AssessmentField::status:
    case AssessmentField::track:
    case AssessmentField::scheduled:
        break;
    }
    return {};
}

} // namespace bestvalue
