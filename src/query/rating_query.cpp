#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <bestvalue/query/rating_query.hpp>

#include "../detail/text.hpp"
#include "values.hpp"

namespace bestvalue {

namespace {

using RatingFilter = Filter<Rating>;

} // namespace

namespace rating_filters {

RatingFilter on_scale(const Store& store, std::string scale) {
    // The index files each rating under its scale as written: exactly those that pass. A scale
    // holds a large share of the ratings, so they are listed only if they are the fewest.
    const std::size_t count = store.index().ratings_on(scale).size();
    auto list = [&store, scale] { return store.index().ratings_on(scale); };
    return {[scale = std::move(scale)](const Rating& rating) { return rating.scale == scale; },
            count, std::move(list), Candidates::exact};
}

RatingFilter at_level(std::string level) {
    return [level = std::move(level)](const Rating& rating) { return rating.level == level; };
}

RatingFilter of_subject(const Store& store, std::string organisation) {
    // Exactly those that pass, listed only if they are the fewest, as for a scale.
    const std::size_t count = store.index().ratings_of(organisation).size();
    auto list = [&store, organisation] { return store.index().ratings_of(organisation); };
    return {[organisation = std::move(organisation)](const Rating& rating) {
                return rating.subject == organisation;
            },
            count, std::move(list), Candidates::exact};
}

RatingFilter in_service_area(std::string service_area) {
    return [service_area = std::move(service_area)](const Rating& rating) {
        return rating.service_area == service_area;
    };
}

RatingFilter for_component(std::string component) {
    return [component = std::move(component)](const Rating& rating) {
        return detail::equal_ignoring_case(rating.component, component);
    };
}

RatingFilter from_assessment(std::string assessment) {
    return [assessment = std::move(assessment)](const Rating& rating) {
        return rating.assessment == assessment;
    };
}

RatingFilter by_assessor(const Store& store, std::string organisation) {
    return [&store, organisation = std::move(organisation)](const Rating& rating) {
        const Assessment* assessment =
            rating.assessment.empty() ? nullptr : store.find_assessment(rating.assessment);
        return assessment != nullptr &&
               std::find(assessment->assessors.begin(), assessment->assessors.end(),
                         organisation) != assessment->assessors.end();
    };
}

RatingFilter dated(Comparison comparison, Date day) {
    return [comparison, day](const Rating& rating) {
        return rating.date.has_value() && compares(*rating.date, comparison, day);
    };
}

RatingFilter dated_within(Period period) {
    return [period = std::move(period)](const Rating& rating) {
        return rating.date.has_value() && period.contains(*rating.date);
    };
}

} // namespace rating_filters

RatingQuery& RatingQuery::on_scale(std::string_view scale) {
    return where(rating_filters::on_scale(store(), std::string(scale)));
}
RatingQuery& RatingQuery::at_level(std::string_view level) {
    return where(rating_filters::at_level(std::string(level)));
}
RatingQuery& RatingQuery::of_subject(std::string_view organisation) {
    return where(rating_filters::of_subject(store(), std::string(organisation)));
}
RatingQuery& RatingQuery::in_service_area(std::string_view service_area) {
    return where(rating_filters::in_service_area(std::string(service_area)));
}
RatingQuery& RatingQuery::for_component(std::string_view component) {
    return where(rating_filters::for_component(std::string(component)));
}
RatingQuery& RatingQuery::by_assessor(std::string_view organisation) {
    return where(rating_filters::by_assessor(store(), std::string(organisation)));
}
RatingQuery& RatingQuery::dated_within(const Period& period) {
    return where(rating_filters::dated_within(period));
}

std::vector<std::string> RatingQuery::values_of(const Rating& rating, RatingField field,
                                                Date /*day*/) const {
    switch (field) {
    case RatingField::scale:
        return {rating.scale};
    case RatingField::level:
        return {rating.level};
    case RatingField::subject:
        return {rating.subject};
    case RatingField::service_area:
        return {rating.service_area};
    case RatingField::component:
        return {rating.component};
    case RatingField::date:
        return {rating.date ? to_iso(*rating.date) : ""};
    case RatingField::assessment:
        return {rating.assessment};
    case RatingField::assessor: {
        const Assessment* assessment =
            rating.assessment.empty() ? nullptr : store().find_assessment(rating.assessment);
        return assessment == nullptr ? std::vector<std::string>{""}
                                     : detail::or_empty(assessment->assessors);
    }
    }
    return {""};
}

bool RatingQuery::is_whole_number(RatingField field) noexcept {
    return field == RatingField::date;
}

std::optional<std::int64_t> RatingQuery::whole_number_at(std::uint32_t handle, RatingField field,
                                                         Date /*day*/) const {
    const auto& date = store().ratings().at(handle).date;
    if (field != RatingField::date || !date) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(date->day_number());
}

std::vector<const Rating*> rating_history(const Store& store, std::string_view subject,
                                          std::string_view scale) {
    const auto& all = store.ratings();
    const auto handles = store.index().rating_history(subject, scale);
    std::vector<const Rating*> history;
    history.reserve(handles.size());
    for (const auto handle : handles) {
        history.push_back(&all[handle]);
    }
    return history;
}

} // namespace bestvalue
