#include <algorithm>
#include <cmath>
#include <sstream>

#include <bestvalue/error.hpp>
#include <bestvalue/rules/framework.hpp>

namespace bestvalue {

namespace {

std::string number_text(double value) {
    if (std::floor(value) == value && std::abs(value) < 1e15) {
        return std::to_string(static_cast<long long>(value));
    }
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string comparison_text(const RuleCondition& condition) {
    switch (condition.comparison) {
    case RuleCondition::Comparison::below:
        return "below " + number_text(condition.value);
    case RuleCondition::Comparison::at_or_above:
        return "at or above " + number_text(condition.value);
    case RuleCondition::Comparison::is:
        return "is " + number_text(condition.value);
    }
    return {};
}

// The condition as it reads in the rules: 'none below 3 in level1'.
std::string describe(const RuleCondition& condition) {
    if (condition.single) {
        return condition.scope + " " + comparison_text(condition);
    }
    std::string quantifier;
    switch (condition.quantifier) {
    case RuleCondition::Quantifier::none:
        quantifier = "none";
        break;
    case RuleCondition::Quantifier::any:
        quantifier = "any";
        break;
    case RuleCondition::Quantifier::all:
        quantifier = "all";
        break;
    case RuleCondition::Quantifier::at_least:
        quantifier = "at least " + std::to_string(condition.count);
        break;
    case RuleCondition::Quantifier::at_most:
        quantifier = "at most " + std::to_string(condition.count);
        break;
    case RuleCondition::Quantifier::exactly:
        quantifier = "exactly " + std::to_string(condition.count);
        break;
    }
    return quantifier + " " + comparison_text(condition) + " in " + condition.scope;
}

bool passes(const RuleCondition& condition, double value) {
    switch (condition.comparison) {
    case RuleCondition::Comparison::below:
        return value < condition.value;
    case RuleCondition::Comparison::at_or_above:
        return value >= condition.value;
    case RuleCondition::Comparison::is:
        return value == condition.value;
    }
    return false;
}

// The ratings being evaluated, as codes and as values on each component's scale.
struct Rated {
    ComponentRatings codes;
    std::map<std::string, double, std::less<>> values;
};

struct Check {
    bool holds = false;
    std::string because;
};

Check check(const RuleCondition& condition, const Rated& rated, bool explain) {
    std::size_t members = 0;
    std::size_t passing = 0;
    std::string which;
    for (const auto& name : condition.components) {
        const auto found = rated.values.find(name);
        if (found == rated.values.end()) {
            continue; // an absent optional component counts in no group
        }
        ++members;
        if (passes(condition, found->second)) {
            ++passing;
            if (explain) {
                which += (which.empty() ? "" : ", ") + name + " = " + rated.codes.at(name);
            }
        }
    }
    Check result;
    if (condition.single) {
        result.holds = passing == 1;
        if (explain) {
            const auto found = rated.codes.find(condition.scope);
            result.because = found == rated.codes.end() ? condition.scope + " is not rated"
                                                        : condition.scope + " = " + found->second;
        }
        return result;
    }
    switch (condition.quantifier) {
    case RuleCondition::Quantifier::none:
        result.holds = passing == 0;
        break;
    case RuleCondition::Quantifier::any:
        result.holds = passing > 0;
        break;
    case RuleCondition::Quantifier::all:
        result.holds = passing == members;
        break;
    case RuleCondition::Quantifier::at_least:
        result.holds = passing >= condition.count;
        break;
    case RuleCondition::Quantifier::at_most:
        result.holds = passing <= condition.count;
        break;
    case RuleCondition::Quantifier::exactly:
        result.holds = passing == condition.count;
        break;
    }
    if (explain) {
        result.because = std::to_string(passing) + " of " + std::to_string(members) + " " +
                         comparison_text(condition) + (which.empty() ? "" : " (" + which + ")");
    }
    return result;
}

// Whether every condition holds; the explanation names the first that does not, or all that do.
Check check_all(const std::vector<RuleCondition>& conditions, const Rated& rated, bool explain) {
    Check result{true, {}};
    for (const auto& condition : conditions) {
        const Check one = check(condition, rated, explain);
        if (!one.holds) {
            result.holds = false;
            if (explain) {
                result.because = describe(condition) + " fails: " + one.because;
            }
            return result;
        }
        if (explain) {
            result.because +=
                (result.because.empty() ? "" : "; ") + describe(condition) + ": " + one.because;
        }
    }
    if (explain && conditions.empty()) {
        result.because = "any other case";
    }
    return result;
}

double outcome_value(const Framework& framework, const std::string& code) {
    const auto* level = framework.outcome.find_level(code);
    return level == nullptr ? 0 : level->value;
}

// Checks the ratings and gives each its value; every problem, named by its component.
Rated rate(const Framework& framework, const ComponentRatings& ratings) {
    std::vector<Problem> problems;
    Rated rated;
    for (const auto& [name, code] : ratings) {
        const auto found =
            std::find_if(framework.components.begin(), framework.components.end(),
                         [&](const auto& component) { return component.name == name; });
        if (found == framework.components.end()) {
            std::string names;
            for (const auto& component : framework.components) {
                names += (names.empty() ? "" : ", ") + component.name;
            }
            problems.push_back({name, "unknown component '" + name + "' of framework " +
                                          framework.id + "; its components are " + names});
            continue;
        }
        const auto* level = found->scale.find_level(code);
        if (level == nullptr) {
            std::string codes;
            for (const auto& l : found->scale.levels) {
                codes += (codes.empty() ? "" : ", ") + l.code;
            }
            problems.push_back({name, "'" + code + "' is not a level of " + name + "'s scale " +
                                          found->scale.id + " (" + codes + ")"});
            continue;
        }
        rated.codes[name] = code;
        rated.values[name] = level->value;
    }
    for (const auto& component : framework.components) {
        const bool derived = std::any_of(framework.derived.begin(), framework.derived.end(),
                                         [&](const auto& d) { return d.name == component.name; });
        if (!component.optional && !derived && !ratings.contains(component.name)) {
            problems.push_back({component.name, "component '" + component.name + "' of framework " +
                                                    framework.id + " has no rating"});
        }
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return rated;
}

struct Sum {
    std::optional<std::string> level;
    std::string because;
};

Sum weigh(const WeightedSum& sum, const Rated& rated, bool explain) {
    double total = 0;
    std::string terms;
    for (const auto& [name, weight] : sum.weights) {
        const auto found = rated.values.find(name);
        const double value = found == rated.values.end() ? 0 : found->second;
        total += weight * value;
        if (explain) {
            terms += (terms.empty() ? "" : " + ") + number_text(weight) + " × " + name + " " +
                     (found == rated.values.end() ? "(not rated) 0" : number_text(value));
        }
    }
    Sum result;
    for (const auto& threshold : sum.thresholds) {
        if (total >= threshold.at_least) {
            result.level = threshold.then;
            if (explain) {
                result.because = terms + " = " + number_text(total) + ", at least " +
                                 number_text(threshold.at_least) + " → " + threshold.then;
            }
            return result;
        }
    }
    if (explain) {
        result.because = terms + " = " + number_text(total) + ", below every threshold";
    }
    return result;
}

Evaluation run(const Framework& framework, const ComponentRatings& ratings, bool explain) {
    Rated rated = rate(framework, ratings);
    Evaluation evaluation;
    evaluation.framework = framework.id;
    auto step = [&](std::string rule, std::string text, bool applies, std::string because) {
        if (explain) {
            evaluation.steps.push_back(
                {std::move(rule), std::move(text), applies, std::move(because)});
        }
    };
    auto undetermined = [&](std::string missing) {
        evaluation.outcome.reset();
        evaluation.missing_rule = std::move(missing);
    };

    bool decided = true;
    for (const auto& derived : framework.derived) {
        if (rated.codes.contains(derived.name)) {
            continue; // given directly: the weighting is not needed
        }
        Sum sum = weigh(derived.sum, rated, explain);
        step("derived " + derived.name, {}, sum.level.has_value(), std::move(sum.because));
        if (!sum.level) {
            undetermined("a threshold of " + derived.name + "'s weighted sum for this total");
            decided = false;
            break;
        }
        const auto& scale = framework.get_component(derived.name).scale;
        const auto* level = scale.find_level(*sum.level);
        rated.codes[derived.name] = *sum.level;
        rated.values[derived.name] = level == nullptr ? 0 : level->value;
    }

    if (decided) {
        switch (framework.decide) {
        case Framework::DecideKind::table: {
            bool matched = false;
            for (std::size_t i = 0; i < framework.table.size() && !matched; ++i) {
                const auto& row = framework.table[i];
                const Check result = check_all(row.when, rated, explain);
                const std::string rule = "row " + std::to_string(i + 1);
                if (!result.holds) {
                    step(rule, row.text, false, "not matched: " + result.because);
                    continue;
                }
                matched = true;
                if (row.then) {
                    evaluation.outcome = row.then;
                    step(rule, row.text, true, "matched: " + result.because + " → " + *row.then);
                } else {
                    undetermined(row.missing);
                    step(rule, row.text, true,
                         "matched: " + result.because + "; not published: " + row.missing);
                }
            }
            if (!matched) {
                undetermined("a row of the table for these ratings");
            }
            break;
        }
        case Framework::DecideKind::weighted_sum: {
            Sum sum = weigh(framework.weighted_sum, rated, explain);
            step("weighted sum", {}, sum.level.has_value(), std::move(sum.because));
            if (sum.level) {
                evaluation.outcome = sum.level;
            } else {
                undetermined("a threshold of the weighted sum for this total");
            }
            break;
        }
        case Framework::DecideKind::matrix: {
            const auto& matrix = framework.matrix;
            const std::string& row = rated.codes[matrix.rows];
            const std::string& column = rated.codes[matrix.columns];
            const auto cell =
                std::find_if(matrix.cells.begin(), matrix.cells.end(),
                             [&](const auto& c) { return c.row == row && c.column == column; });
            const std::string where =
                matrix.rows + " = " + row + ", " + matrix.columns + " = " + column;
            if (cell != matrix.cells.end()) {
                evaluation.outcome = cell->then;
                step("matrix", {}, true, "cell " + where + " → " + cell->then);
            } else {
                const std::string missing =
                    "the matrix cell " + where +
                    (matrix.missing.empty() ? std::string() : " (" + matrix.missing + ")");
                undetermined(missing);
                step("matrix", {}, true, "not published: " + missing);
            }
            break;
        }
        }
    }

    for (std::size_t i = 0; i < framework.caps.size(); ++i) {
        const auto& cap = framework.caps[i];
        const Check result = check_all(cap.when, rated, explain);
        const std::string rule = "cap " + std::to_string(i + 1);
        if (!result.holds) {
            step(rule, cap.text, false, "does not apply: " + result.because);
            continue;
        }
        const double limit = outcome_value(framework, cap.no_higher_than);
        if (!evaluation.outcome) {
            step(rule, cap.text, true,
                 "applies: " + result.because + "; the outcome can be no higher than " +
                     cap.no_higher_than);
        } else if (outcome_value(framework, *evaluation.outcome) > limit) {
            step(rule, cap.text, true,
                 "applies: " + result.because + "; lowers " + *evaluation.outcome + " to " +
                     cap.no_higher_than);
            evaluation.outcome = cap.no_higher_than;
        } else {
            step(rule, cap.text, true,
                 "applies: " + result.because + "; " + *evaluation.outcome +
                     " is already no higher than " + cap.no_higher_than);
        }
    }
    if (evaluation.outcome) {
        const auto* level = framework.outcome.find_level(*evaluation.outcome);
        evaluation.outcome_label = level == nullptr ? *evaluation.outcome : level->label;
    }
    evaluation.ratings = std::move(rated.codes);
    return evaluation;
}

} // namespace

std::string Evaluation::to_string() const {
    std::string text = framework + ": ";
    if (outcome) {
        text += *outcome;
        if (outcome_label != *outcome) {
            text += " (" + outcome_label + ")";
        }
    } else {
        text += "undetermined: not published: " + missing_rule;
    }
    for (const auto& step : steps) {
        text += "\n  " + step.rule;
        if (!step.text.empty()) {
            text += " [" + step.text + "]";
        }
        text += ": " + step.because;
    }
    return text;
}

Evaluation evaluate(const Framework& framework, const ComponentRatings& ratings) {
    return run(framework, ratings, true);
}

Evaluation what_if(const Framework& framework, const ComponentRatings& ratings,
                   std::string_view component, std::string_view level) {
    ComponentRatings changed = ratings;
    changed.insert_or_assign(std::string(component), std::string(level));
    return evaluate(framework, changed);
}

std::vector<Lift> smallest_lifts(const Framework& framework, const ComponentRatings& ratings) {
    const Evaluation now = run(framework, ratings, false);
    if (!now.outcome) {
        throw Error("the outcome of " + framework.id +
                    " is undetermined for these ratings, so there is no level to lift from");
    }
    const auto& levels = framework.outcome.levels;
    const double current = outcome_value(framework, *now.outcome);
    double target = 0;
    bool has_higher = false;
    for (const auto& level : levels) {
        if (level.value > current && (!has_higher || level.value < target)) {
            target = level.value;
            has_higher = true;
        }
    }
    if (!has_higher) {
        return {};
    }
    // The components the user rated, each with the levels above its current one.
    struct Candidate {
        std::string name;
        std::string from;
        std::vector<std::pair<std::string, std::size_t>> raises; // level, steps up
    };
    std::vector<Candidate> candidates;
    for (const auto& [name, code] : ratings) {
        const auto& scale = framework.get_component(name).scale;
        const double value = scale.find_level(code)->value;
        std::vector<const ScaleLevel*> above;
        for (const auto& level : scale.levels) {
            if (level.value > value) {
                above.push_back(&level);
            }
        }
        std::sort(above.begin(), above.end(),
                  [](const auto* a, const auto* b) { return a->value < b->value; });
        Candidate candidate{name, code, {}};
        for (std::size_t i = 0; i < above.size(); ++i) {
            candidate.raises.emplace_back(above[i]->code, i + 1);
        }
        if (!candidate.raises.empty()) {
            candidates.push_back(std::move(candidate));
        }
    }

    std::vector<Lift> found;
    std::size_t best_levels = 0;
    // Try sets of `size` components, smallest first; within a size keep the fewest levels.
    for (std::size_t size = 1; size <= candidates.size() && found.empty(); ++size) {
        std::vector<bool> chosen(candidates.size(), false);
        std::fill(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(size), true);
        do {
            std::vector<const Candidate*> set;
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                if (chosen[i]) {
                    set.push_back(&candidates[i]);
                }
            }
            std::vector<std::size_t> pick(set.size(), 0);
            while (true) {
                ComponentRatings changed = ratings;
                std::size_t steps = 0;
                for (std::size_t i = 0; i < set.size(); ++i) {
                    changed[set[i]->name] = set[i]->raises[pick[i]].first;
                    steps += set[i]->raises[pick[i]].second;
                }
                if (found.empty() || steps <= best_levels) {
                    const Evaluation after = run(framework, changed, false);
                    if (after.outcome && outcome_value(framework, *after.outcome) >= target) {
                        if (!found.empty() && steps < best_levels) {
                            found.clear();
                        }
                        best_levels = steps;
                        Lift lift;
                        for (std::size_t i = 0; i < set.size(); ++i) {
                            lift.changes.push_back(
                                {set[i]->name, set[i]->from, set[i]->raises[pick[i]].first});
                        }
                        lift.levels = steps;
                        lift.evaluation = evaluate(framework, changed);
                        found.push_back(std::move(lift));
                    }
                }
                // The next combination of raises, like an odometer.
                std::size_t digit = 0;
                while (digit < pick.size() && ++pick[digit] == set[digit]->raises.size()) {
                    pick[digit] = 0;
                    ++digit;
                }
                if (digit == pick.size()) {
                    break;
                }
            }
        } while (std::prev_permutation(chosen.begin(), chosen.end()));
    }
    return found;
}

} // namespace bestvalue
