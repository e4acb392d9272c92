#pragma once

/// \file
/// `RatingQuery`: which ratings of a store match — by scale, subject, service area, assessor
/// and date — and a subject's history on a scale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What ratings can be ordered and grouped by.
enum class RatingField {
    scale,
    level,
    subject,
    service_area,
    component,
    date,
    assessment,
    assessor
};

template <>
struct EnumNames<RatingField> {
    static constexpr std::pair<RatingField, std::string_view> names[] = {
        {RatingField::scale, "scale"},           {RatingField::level, "level"},
        {RatingField::subject, "subject"},       {RatingField::service_area, "service_area"},
        {RatingField::component, "component"},   {RatingField::date, "date"},
        {RatingField::assessment, "assessment"}, {RatingField::assessor, "assessor"},
    };
};

/// The filters `RatingQuery`, the query language and Python share.
namespace rating_filters {
[[nodiscard]] Filter<Rating> on_scale(const Store& store, std::string scale);
/// At this level code of its scale.
[[nodiscard]] Filter<Rating> at_level(std::string level);
[[nodiscard]] Filter<Rating> of_subject(const Store& store, std::string organisation);
[[nodiscard]] Filter<Rating> in_service_area(std::string service_area);
/// Of this component ('corporate assessment', 'use of resources'), ignoring case.
[[nodiscard]] Filter<Rating> for_component(std::string component);
/// Given by the assessment with this id.
[[nodiscard]] Filter<Rating> from_assessment(std::string assessment);
/// Given by an assessment this organisation carried out.
[[nodiscard]] Filter<Rating> by_assessor(const Store& store, std::string organisation);
/// Dated, and the date compares with `day` so; undated ratings never pass.
[[nodiscard]] Filter<Rating> dated(Comparison comparison, Date day);
/// Dated within `period`.
[[nodiscard]] Filter<Rating> dated_within(Period period);
} // namespace rating_filters

/// A question about the ratings of a store: `ratings(store).of_subject("oxfordshire")`.
class RatingQuery : public BasicQuery<Rating, RatingField, RatingQuery> {
public:
    using BasicQuery::BasicQuery;

    RatingQuery& on_scale(std::string_view scale);
    RatingQuery& at_level(std::string_view level);
    RatingQuery& of_subject(std::string_view organisation);
    RatingQuery& in_service_area(std::string_view service_area);
    RatingQuery& for_component(std::string_view component);
    RatingQuery& by_assessor(std::string_view organisation);
    RatingQuery& dated_within(const Period& period);

    /// The values of `field` for a rating, as text (`day` is not used).
    [[nodiscard]] std::vector<std::string> values_of(const Rating& rating, RatingField field,
                                                     Date day) const;

    /// True for `date`: ordering by it compares `whole_number_at`, the date's day number,
    /// which orders as its ISO text does, without making the text.
    [[nodiscard]] static bool is_whole_number(RatingField field) noexcept;
    /// The day number of the date of the store's rating at `handle` for `date`; empty for an
    /// undated rating and for the other fields (`day` is not used).
    [[nodiscard]] std::optional<std::int64_t> whole_number_at(std::uint32_t handle,
                                                              RatingField field, Date day) const;
};

/// Starts a question about the ratings of `store`.
[[nodiscard]] inline RatingQuery ratings(const Store& store) {
    return RatingQuery(store);
}

/// A subject's ratings on a scale, oldest first (undated ones last): its history, e.g.
/// Oxfordshire's CPA category.
[[nodiscard]] std::vector<const Rating*>
rating_history(const Store& store, std::string_view subject, std::string_view scale);

} // namespace bestvalue
