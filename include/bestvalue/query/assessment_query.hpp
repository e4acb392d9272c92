#pragma once

/// \file
/// `AssessmentQuery`: which inspections, reviews and audits of a store match — by schedule,
/// assessor, kind, status, programme track, service area and responsible officer.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/calendar/period.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/assessment.hpp>
#include <bestvalue/query/basic_query.hpp>
#include <bestvalue/query/filter.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What assessments can be ordered and grouped by.
enum class AssessmentField {
    title,
    kind,
    status,
    track,
    subject,
    assessor,
    responsible,
    programme,
    service_area,
    scheduled, ///< the first day of the first scheduled period
};

template <>
struct EnumNames<AssessmentField> {
    static constexpr std::pair<AssessmentField, std::string_view> names[] = {
        {AssessmentField::title, "title"},
        {AssessmentField::kind, "kind"},
        {AssessmentField::status, "status"},
        {AssessmentField::track, "track"},
        {AssessmentField::subject, "subject"},
        {AssessmentField::assessor, "assessor"},
        {AssessmentField::responsible, "responsible"},
        {AssessmentField::programme, "programme"},
        {AssessmentField::service_area, "service_area"},
        {AssessmentField::scheduled, "scheduled"},
    };
};

/// The filters `AssessmentQuery`, the query language and Python share.
namespace assessment_filters {
/// With a scheduled period that lies within `period`; its candidates, counted and listed from
/// `store`'s index of when scheduled periods start, are those with a period starting within it.
[[nodiscard]] Filter<Assessment> scheduled_within(const Store& store, Period period);
/// Carried out by this organisation, alone or jointly.
[[nodiscard]] Filter<Assessment> by_assessor(const Store& store, std::string organisation);
/// Of this organisation.
[[nodiscard]] Filter<Assessment> of_subject(const Store& store, std::string organisation);
[[nodiscard]] Filter<Assessment> of_kind(AssessmentKind kind);
[[nodiscard]] Filter<Assessment> with_status(AssessmentStatus status);
[[nodiscard]] Filter<Assessment> in_track(ProgrammeTrack track);
/// Covering this service area.
[[nodiscard]] Filter<Assessment> in_service_area(std::string service_area);
/// With this responsible officer, named by id, abbreviation, post or holder's name.
[[nodiscard]] Filter<Assessment> responsible(const Store& store, std::string officer);
/// Listed in this programme, as written.
[[nodiscard]] Filter<Assessment> in_programme(std::string programme);
/// Titled exactly so.
[[nodiscard]] Filter<Assessment> titled(std::string title);
/// Whose title or description contains `words`, ignoring case.
[[nodiscard]] Filter<Assessment> text_contains(std::string words);
} // namespace assessment_filters

/// A question about the assessments of a store:
/// `assessments(store).scheduled_within(FinancialYear(2004).period()).by_assessor("audit-commission")`.
class AssessmentQuery : public BasicQuery<Assessment, AssessmentField, AssessmentQuery> {
public:
    using BasicQuery::BasicQuery;

    /// With a scheduled period that lies within `period`.
    AssessmentQuery& scheduled_within(const Period& period);
    /// Carried out by this organisation, alone or jointly.
    AssessmentQuery& by_assessor(std::string_view organisation);
    /// Of this organisation.
    AssessmentQuery& of_subject(std::string_view organisation);
    AssessmentQuery& of_kind(AssessmentKind kind);
    AssessmentQuery& with_status(AssessmentStatus status);
    AssessmentQuery& in_track(ProgrammeTrack track);
    /// Covering this service area.
    AssessmentQuery& in_service_area(std::string_view service_area);
    /// With this responsible officer, named by id, abbreviation, post or holder's name.
    AssessmentQuery& responsible(std::string_view officer);
    /// Listed in this programme, as written ('Inspections 2004/05').
    AssessmentQuery& in_programme(std::string_view programme);

    /// The values of `field` for an assessment, as text (`day` is not used).
    [[nodiscard]] std::vector<std::string> values_of(const Assessment& assessment,
                                                     AssessmentField field, Date day) const;
    /// True for the fields whose values an assessment holds as text (title, subject,
    /// assessor, responsible, programme, service area): counting by them reads
    /// `held_values_of` instead of copying each value.
    [[nodiscard]] static bool holds_values(AssessmentField field) noexcept;
    /// The values `values_of` gives for a field that `holds_values`, as the assessment holds
    /// them (none where `values_of` gives one ""); empty for the other fields.
    [[nodiscard]] static std::span<const std::string> held_values_of(const Assessment& assessment,
                                                                     AssessmentField field);
    /// The index whose keys are a field's values, each assessment filed once under each of its
    /// values (subject, assessor); null for the other fields. Counting many assessments by such
    /// a field reads the index's lists in order rather than each assessment where it lies.
    [[nodiscard]] static const KeyedHandles* values_index(const StoreIndex& index,
                                                          AssessmentField field) noexcept;
};

/// Starts a question about the assessments of `store`.
[[nodiscard]] inline AssessmentQuery assessments(const Store& store) {
    return AssessmentQuery(store);
}

} // namespace bestvalue
