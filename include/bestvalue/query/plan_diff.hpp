#pragma once

/// \file
/// Plan diffs: what changed between two versions of a plan — the sections and actions added,
/// removed and changed, field by field — worded as a committee's record of review and
/// amendment would word it. The matching rules and the fields compared are set out in
/// docs/query.md.

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/plan.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// What happened to a section or action between two versions of a plan.
enum class ChangeKind { added, removed, changed };

template <>
struct EnumNames<ChangeKind> {
    static constexpr std::string_view type_name = "ChangeKind";
    static constexpr std::array<std::pair<ChangeKind, std::string_view>, 3> names = {{
        {ChangeKind::added, "added"},
        {ChangeKind::removed, "removed"},
        {ChangeKind::changed, "changed"},
    }};
};

/// One field that differs, as text: lists joined with ", " (milestones, revisions, targets and
/// legend entries with "; "), officers by abbreviation (else post, else holder's name, else id),
/// sections by ref (else title), dues by their text as written. Empty text means the field was
/// empty or unset on that side.
struct FieldChange {
    std::string field; ///< 'due', 'leads', 'title' …: the names listed in docs/query.md
    std::string before;
    std::string after;

    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// A section or action added, removed or changed.
struct PlanChange {
    ChangeKind kind = ChangeKind::changed;
    EntityKind entity = EntityKind::action; ///< `section` or `action`
    /// The ref (the after version's, or the before version's for a removal); may be empty.
    std::string ref;
    /// The title, likewise; for an action without a title, its text.
    std::string title;
    std::string before_id; ///< empty when added
    std::string after_id;  ///< empty when removed
    /// The fields that differ, in the order of docs/query.md; empty unless `changed`.
    std::vector<FieldChange> fields;

    /// How the record names it: 'Action 3.4', 'Section 2.1', or by its (shortened) title when it
    /// has no ref: 'Action "Develop a shared vision statement"'.
    [[nodiscard]] std::string label() const;

    friend bool operator==(const PlanChange&, const PlanChange&) = default;
};

/// The differences between two versions of a plan.
struct PlanDiff {
    std::string before_plan; ///< plan id in the before store
    std::string after_plan;  ///< plan id in the after store
    /// The plan's own fields that differ (title, scope, targets …).
    std::vector<FieldChange> plan_fields;
    /// Sections first, then actions; within each, the added and changed ones in the after
    /// version's order, then the removed ones in the before version's order.
    std::vector<PlanChange> changes;

    /// True if nothing differs.
    [[nodiscard]] bool empty() const noexcept { return plan_fields.empty() && changes.empty(); }

    /// One line per change, as a record of review and amendment words it: 'Action 3.4 added',
    /// 'Action 1.2: due changed from "Jan/Feb 09" to "March 2009"', 'Section 2: title changed
    /// from "…" to "…"'. A changed entity gives one line per field; values longer than 80
    /// characters are shortened with '…'. Lines are separated by '\n'; empty if nothing
    /// differs.
    [[nodiscard]] std::string summary() const;

    /// The row of the record of review and amendment this diff produces: `issues` is the
    /// summary, `amended` is "Y" if anything changed and "N" if not, and the amendment date is
    /// the review date when amended.
    [[nodiscard]] PlanVersion as_version(std::string number, Date review_date,
                                         std::string approved_by) const;

    friend bool operator==(const PlanDiff&, const PlanDiff&) = default;
};

/// What changed from one version of a plan to another; the two may be in one store or in two.
///
/// Ids are not compared (they embed the plan id, so they differ between versions). Sections are
/// matched by ref, then the rest by title. Actions are matched by ref, then the rest by section
/// (as matched) with title and text, then the rest by title and text alone (an action moved to
/// another section). Whatever is left is added or removed.
/// \throws NotFound if either plan is not in its store.
[[nodiscard]] PlanDiff diff_plans(const Store& before_store, std::string_view before_plan,
                                  const Store& after_store, std::string_view after_plan);

/// As above, for two versions held in one store.
[[nodiscard]] PlanDiff diff_plans(const Store& store, std::string_view before_plan,
                                  std::string_view after_plan);

} // namespace bestvalue
