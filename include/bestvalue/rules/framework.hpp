#pragma once

/// \file
/// `Framework`: an assessment framework as data (components, rule tables, weighted sums,
/// matrices and caps), read from a JSON file, and its evaluation with an explanation.
/// docs/ratings.md describes the file format and the shipped frameworks.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/model/scale.hpp>

namespace bestvalue {

/// Where a framework's rules come from, and which parts of the file it covers.
struct FrameworkSource {
    std::string title;
    std::string publisher;
    std::string url;
    std::string text;                ///< the citation as the source gives it
    std::vector<std::string> covers; ///< the parts of the file it sources: 'rules', 'caps' …

    friend bool operator==(const FrameworkSource&, const FrameworkSource&) = default;
};

/// One rated input of a framework: a service block or theme, on its scale.
struct FrameworkComponent {
    std::string name;
    std::string label;
    Scale scale;
    bool optional = false; ///< may be absent ('fire and rescue where present'); absent ones count
                           ///< in no group

    friend bool operator==(const FrameworkComponent&, const FrameworkComponent&) = default;
};

/// A named set of components that conditions count over ('level1', 'themes').
struct ComponentGroup {
    std::string name;
    std::vector<std::string> members;
    bool is_default = false; ///< set by bestvalue, not by the source: a parameter to review
    std::string note;

    friend bool operator==(const ComponentGroup&, const ComponentGroup&) = default;
};

/// A test on the ratings: 'none below 3 in level1', 'at least 2 at or above 4 in themes',
/// 'component corporate_assessment is 4'. Levels compare by their value on the scale.
struct RuleCondition {
    /// How many of the scope must pass the comparison.
    enum class Quantifier { none, any, all, at_least, at_most, exactly };
    /// How a level compares with `value`.
    enum class Comparison { below, at_or_above, is };

    std::string scope;                   ///< a group name, a component name, or 'a, b, c'
    std::vector<std::string> components; ///< the components the scope names
    bool single = false;                 ///< written as `component`, not as a count over a group
    Quantifier quantifier = Quantifier::all;
    std::size_t count = 0; ///< for at_least, at_most, exactly
    Comparison comparison = Comparison::is;
    double value = 0;

    friend bool operator==(const RuleCondition&, const RuleCondition&) = default;
};

/// One row of a rule table: when every condition holds, the outcome is `then`; a row the
/// source does not publish has no outcome and names what is missing.
struct RuleRow {
    std::vector<RuleCondition> when; ///< empty: 'any other'
    std::optional<std::string> then;
    std::string text;    ///< the published wording, shown in explanations
    std::string missing; ///< for an unpublished row: which rule is missing

    friend bool operator==(const RuleRow&, const RuleRow&) = default;
};

/// A threshold of a weighted sum: a sum of at least `at_least` gives `then`.
struct Threshold {
    double at_least = 0;
    std::string then;

    friend bool operator==(const Threshold&, const Threshold&) = default;
};

/// A weighted sum of component values, banded by thresholds (highest first).
struct WeightedSum {
    std::vector<std::pair<std::string, double>> weights;
    std::vector<Threshold> thresholds;

    friend bool operator==(const WeightedSum&, const WeightedSum&) = default;
};

/// One known cell of a matrix.
struct MatrixCell {
    std::string row;    ///< a level code of the row component
    std::string column; ///< a level code of the column component
    std::string then;

    friend bool operator==(const MatrixCell&, const MatrixCell&) = default;
};

/// A two-way table of outcomes; cells not given are unpublished.
struct Matrix {
    std::string rows;    ///< the component whose level picks the row
    std::string columns; ///< the component whose level picks the column
    std::vector<MatrixCell> cells;
    std::string missing; ///< what to say of a cell not given

    friend bool operator==(const Matrix&, const Matrix&) = default;
};

/// 'no higher than X if Y': limits the outcome when its conditions hold.
struct Cap {
    std::vector<RuleCondition> when;
    std::string no_higher_than;
    std::string text;

    friend bool operator==(const Cap&, const Cap&) = default;
};

/// A component computed from others by a weighted sum (a user-supplied weighting).
struct DerivedComponent {
    std::string name;
    WeightedSum sum;

    friend bool operator==(const DerivedComponent&, const DerivedComponent&) = default;
};

/// An assessment framework: its components, the rule that decides the outcome, and caps.
struct Framework {
    /// Which kind of rule decides the outcome.
    enum class DecideKind { table, weighted_sum, matrix };

    std::string id;
    std::string title;
    std::vector<FrameworkSource> sources;
    std::vector<std::string> defaults; ///< the parts of the file that are defaults, not sourced
    Scale outcome;
    std::vector<FrameworkComponent> components;
    std::vector<DerivedComponent> derived;
    std::vector<ComponentGroup> groups;
    DecideKind decide = DecideKind::table;
    std::vector<RuleRow> table;
    WeightedSum weighted_sum;
    Matrix matrix;
    std::vector<Cap> caps;

    /// The component called `name`; throws NotFound.
    [[nodiscard]] const FrameworkComponent& get_component(std::string_view name) const;
    /// The group called `name`, if there is one.
    [[nodiscard]] const ComponentGroup* find_group(std::string_view name) const noexcept;

    friend bool operator==(const Framework&, const Framework&) = default;
};

/// Component name → level code ('4', 'good').
using ComponentRatings = std::map<std::string, std::string, std::less<>>;

/// One step of an evaluation: a row, a matrix cell, a threshold or a cap, and why it did or did
/// not apply.
struct EvaluationStep {
    std::string rule; ///< 'row 2', 'cap 1', 'matrix', 'weighted sum', 'derived core_services'
    std::string text; ///< the published wording of the rule, if any
    bool applies = false;
    std::string because;

    friend bool operator==(const EvaluationStep&, const EvaluationStep&) = default;
};

/// The outcome of a framework on a set of ratings, with the steps that decided it.
struct Evaluation {
    std::string framework;
    std::optional<std::string> outcome; ///< a level code of the outcome scale; empty if
                                        ///< undetermined
    std::string outcome_label;
    std::string missing_rule; ///< when undetermined: the rule the source does not publish
    std::vector<EvaluationStep> steps;
    ComponentRatings ratings; ///< the ratings evaluated, with derived components

    /// Whether the published rules decide the outcome.
    [[nodiscard]] bool determined() const noexcept { return outcome.has_value(); }
    /// The outcome and its explanation, one step a line.
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const Evaluation&, const Evaluation&) = default;
};

/// Reads a framework from JSON text; `source` names it in errors. Throws ParseError for text
/// that is not JSON, ValidationError (every problem, by JSON pointer) for a bad framework.
[[nodiscard]] Framework parse_framework(std::string_view text, std::string_view source = {});

/// The directories searched for shipped frameworks by name, in order: $BESTVALUE_DATA_DIR, the
/// installed share/bestvalue, then the source tree's data/ (each holds frameworks/<name>.json).
[[nodiscard]] std::vector<std::filesystem::path> framework_search_path();

/// A framework by path (anything naming an existing file, or ending in .json) or by the name
/// of a shipped one ('use-of-resources-2005'), looked up on `framework_search_path()`.
/// Throws NotFound when no file has the name.
[[nodiscard]] Framework load_framework(std::string_view name_or_path);

/// The names of the frameworks found on the search path, sorted.
[[nodiscard]] std::vector<std::string> shipped_frameworks();

/// The outcome of `framework` on `ratings`, explained. Throws ValidationError naming the
/// component for a missing (non-optional) or unknown component, or a level not on its scale.
[[nodiscard]] Evaluation evaluate(const Framework& framework, const ComponentRatings& ratings);

/// The evaluation with one component changed to `level`.
[[nodiscard]] Evaluation what_if(const Framework& framework, const ComponentRatings& ratings,
                                 std::string_view component, std::string_view level);

/// One component change of a lift.
struct ComponentChange {
    std::string component;
    std::string from; ///< empty if the component was absent
    std::string to;

    friend bool operator==(const ComponentChange&, const ComponentChange&) = default;
};

/// A set of changes that lifts the outcome, and the evaluation that follows.
struct Lift {
    std::vector<ComponentChange> changes;
    std::size_t levels = 0; ///< total steps up the components' scales
    Evaluation evaluation;

    friend bool operator==(const Lift&, const Lift&) = default;
};

/// The smallest sets of raises of the rated components' levels (fewest components, then fewest
/// levels; absent optional components are not added) after which the outcome is determined and at
/// least one level higher. Empty when the outcome is already the top level or no raise lifts it.
/// Throws Error if the current outcome is undetermined (there is nothing to lift from).
[[nodiscard]] std::vector<Lift> smallest_lifts(const Framework& framework,
                                               const ComponentRatings& ratings);

} // namespace bestvalue
