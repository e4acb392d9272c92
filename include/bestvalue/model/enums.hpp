#pragma once

/// \file
/// The model's enumerations, and the one mechanism that names them: every enumerator has the
/// snake_case name it is written with in JSON, SQL and Python.

#include <array>
#include <string_view>
#include <utility>

#include <bestvalue/detail/enum_names.hpp>

namespace bestvalue {

/// Whether an entity may be shown publicly, or is exempt under Schedule 12A of the Local
/// Government Act 1972. Public outputs never show exempt items.
enum class Visibility { public_, exempt };

/// What kind of body an organisation is.
enum class OrganisationKind {
    county_council,
    district_council,
    unitary_council,
    metropolitan_council,
    london_borough,
    city_council,
    inspectorate,
    auditor,
    peer_review_team,
    government_office,
    partnership,
    other,
};

/// What an `Officer` entry stands for: a post, a team or group, or a named person.
enum class OfficerKind { post, team, person };

/// The kinds of inspection, audit, review and assessment.
enum class AssessmentKind {
    corporate_assessment,
    service_inspection,
    re_inspection,
    staged_inspection,
    follow_up,
    annual_review,
    audit_letter,
    peer_review,
    direction_of_travel,
    use_of_resources,
    best_value_review,
    cpa,
    other,
};

/// Where an assessment stands in its programme.
enum class AssessmentStatus {
    proposed,
    possible,
    offered,
    confirmed,
    delayed,
    in_progress,
    completed,
    cancelled,
};

/// The two tracks of an audit and inspection programme.
enum class ProgrammeTrack { improvement_work, assessment_work };

/// What kind of plan.
enum class PlanKind { improvement_plan, action_plan, programme, work_programme };

/// A plan's own status; `referenced` is a plan a source names but does not hold.
enum class PlanStatus { draft, adopted, closed, referenced };

/// Where a piece of work is in its life, whatever words its source used.
enum class Lifecycle {
    not_started,
    in_progress,
    on_hold,
    deferred,
    completed,
    cancelled,
    superseded
};

/// How a piece of work is going: red, amber, green, or blue for complete.
enum class Health { red, amber, green, blue };

#define BESTVALUE_ENUM_NAMES(Enum, count, ...)                                                     \
    template <>                                                                                    \
    struct EnumNames<Enum> {                                                                       \
        static constexpr std::string_view type_name = #Enum;                                       \
        static constexpr std::array<std::pair<Enum, std::string_view>, count> names = {            \
            {__VA_ARGS__}};                                                                        \
    }

BESTVALUE_ENUM_NAMES(Visibility, 2, {Visibility::public_, "public"},
                     {Visibility::exempt, "exempt"});
BESTVALUE_ENUM_NAMES(OrganisationKind, 12, {OrganisationKind::county_council, "county_council"},
                     {OrganisationKind::district_council, "district_council"},
                     {OrganisationKind::unitary_council, "unitary_council"},
                     {OrganisationKind::metropolitan_council, "metropolitan_council"},
                     {OrganisationKind::london_borough, "london_borough"},
                     {OrganisationKind::city_council, "city_council"},
                     {OrganisationKind::inspectorate, "inspectorate"},
                     {OrganisationKind::auditor, "auditor"},
                     {OrganisationKind::peer_review_team, "peer_review_team"},
                     {OrganisationKind::government_office, "government_office"},
                     {OrganisationKind::partnership, "partnership"},
                     {OrganisationKind::other, "other"});
BESTVALUE_ENUM_NAMES(OfficerKind, 3, {OfficerKind::post, "post"}, {OfficerKind::team, "team"},
                     {OfficerKind::person, "person"});
BESTVALUE_ENUM_NAMES(AssessmentKind, 13,
                     {AssessmentKind::corporate_assessment, "corporate_assessment"},
                     {AssessmentKind::service_inspection, "service_inspection"},
                     {AssessmentKind::re_inspection, "re_inspection"},
                     {AssessmentKind::staged_inspection, "staged_inspection"},
                     {AssessmentKind::follow_up, "follow_up"},
                     {AssessmentKind::annual_review, "annual_review"},
                     {AssessmentKind::audit_letter, "audit_letter"},
                     {AssessmentKind::peer_review, "peer_review"},
                     {AssessmentKind::direction_of_travel, "direction_of_travel"},
                     {AssessmentKind::use_of_resources, "use_of_resources"},
                     {AssessmentKind::best_value_review, "best_value_review"},
                     {AssessmentKind::cpa, "cpa"}, {AssessmentKind::other, "other"});
BESTVALUE_ENUM_NAMES(AssessmentStatus, 8, {AssessmentStatus::proposed, "proposed"},
                     {AssessmentStatus::possible, "possible"},
                     {AssessmentStatus::offered, "offered"},
                     {AssessmentStatus::confirmed, "confirmed"},
                     {AssessmentStatus::delayed, "delayed"},
                     {AssessmentStatus::in_progress, "in_progress"},
                     {AssessmentStatus::completed, "completed"},
                     {AssessmentStatus::cancelled, "cancelled"});
BESTVALUE_ENUM_NAMES(ProgrammeTrack, 2, {ProgrammeTrack::improvement_work, "improvement_work"},
                     {ProgrammeTrack::assessment_work, "assessment_work"});
BESTVALUE_ENUM_NAMES(PlanKind, 4, {PlanKind::improvement_plan, "improvement_plan"},
                     {PlanKind::action_plan, "action_plan"}, {PlanKind::programme, "programme"},
                     {PlanKind::work_programme, "work_programme"});
BESTVALUE_ENUM_NAMES(PlanStatus, 4, {PlanStatus::draft, "draft"}, {PlanStatus::adopted, "adopted"},
                     {PlanStatus::closed, "closed"}, {PlanStatus::referenced, "referenced"});
BESTVALUE_ENUM_NAMES(Lifecycle, 7, {Lifecycle::not_started, "not_started"},
                     {Lifecycle::in_progress, "in_progress"}, {Lifecycle::on_hold, "on_hold"},
                     {Lifecycle::deferred, "deferred"}, {Lifecycle::completed, "completed"},
                     {Lifecycle::cancelled, "cancelled"}, {Lifecycle::superseded, "superseded"});
BESTVALUE_ENUM_NAMES(Health, 4, {Health::red, "red"}, {Health::amber, "amber"},
                     {Health::green, "green"}, {Health::blue, "blue"});

#undef BESTVALUE_ENUM_NAMES

} // namespace bestvalue
