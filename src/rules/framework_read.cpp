#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <bestvalue/error.hpp>
#include <bestvalue/rules/framework.hpp>

#include <boost/json.hpp>

#include "../detail/file_text.hpp"
#include "../detail/json_text.hpp"

namespace bestvalue {

namespace json = boost::json;

const FrameworkComponent& Framework::get_component(std::string_view name) const {
    const auto found = std::find_if(components.begin(), components.end(),
                                    [&](const auto& component) { return component.name == name; });
    if (found == components.end()) {
        throw NotFound("component of framework " + id, name);
    }
    return *found;
}

const ComponentGroup* Framework::find_group(std::string_view name) const noexcept {
    for (const auto& group : groups) {
        if (group.name == name) {
            return &group;
        }
    }
    return nullptr;
}

namespace {

// Reads the framework file, collecting every problem with its JSON pointer, so that one run
// reports all of them.
class FrameworkReader {
public:
    Framework read(const json::object& top) {
        check_members(top, "",
                      {"bestvalue_framework", "id", "title", "sources", "defaults", "outcome",
                       "components", "groups", "table", "weighted_sum", "matrix", "caps", "notes"});
        const auto version = top.find("bestvalue_framework");
        if (version == top.end() || !version->value().is_string() ||
            version->value().get_string() != "1") {
            problem("/bestvalue_framework",
                    "a framework file starts with \"bestvalue_framework\": \"1\"");
        }
        framework_.id = string(top, "", "id", true);
        framework_.title = string(top, "", "title", true);
        read_sources(top);
        for_each_string(top, "", "defaults",
                        [&](std::string text) { framework_.defaults.push_back(std::move(text)); });
        if (const auto* outcome = top.if_contains("outcome")) {
            framework_.outcome = scale(*outcome, "/outcome");
        } else {
            problem("/outcome", "the member \"outcome\" (the outcome's scale) is required");
        }
        read_components(top);
        read_groups(top);
        read_decider(top);
        read_caps(top);
        return std::move(framework_);
    }

    std::vector<Problem> problems;

private:
    void problem(std::string pointer, std::string message) {
        problems.push_back({std::move(pointer), std::move(message)});
    }

    void check_members(const json::object& object, const std::string& pointer,
                       std::initializer_list<std::string_view> allowed) {
        for (const auto& member : object) {
            if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end()) {
                problem(pointer + "/" + detail::escape_pointer_token(member.key()),
                        "unknown member \"" + std::string(member.key()) + "\"");
            }
        }
    }

    std::string string(const json::object& object, const std::string& pointer, std::string_view key,
                       bool required) {
        const auto* value = object.if_contains(key);
        if (value == nullptr) {
            if (required) {
                problem(pointer + "/" + detail::escape_pointer_token(key),
                        "the member \"" + std::string(key) + "\" is required");
            }
            return {};
        }
        if (!value->is_string()) {
            problem(pointer + "/" + detail::escape_pointer_token(key),
                    "expected a string, found " + detail::describe_kind(*value));
            return {};
        }
        return std::string(value->get_string());
    }

    // A level code: written as a string, or as a whole number for numbered scales.
    std::string code(const json::value& value, const std::string& pointer) {
        if (value.is_string()) {
            return std::string(value.get_string());
        }
        if (value.is_int64()) {
            return std::to_string(value.get_int64());
        }
        problem(pointer, "expected a level code (a string or a whole number), found " +
                             detail::describe_kind(value));
        return {};
    }

    std::optional<double> number(const json::value& value, const std::string& pointer) {
        if (value.is_number()) {
            return value.to_number<double>();
        }
        problem(pointer, "expected a number, found " + detail::describe_kind(value));
        return std::nullopt;
    }

    template <typename Each>
    void for_each_string(const json::object& object, const std::string& pointer,
                         std::string_view key, Each each) {
        const auto* value = object.if_contains(key);
        if (value == nullptr) {
            return;
        }
        const std::string at = pointer + "/" + detail::escape_pointer_token(key);
        if (!value->is_array()) {
            problem(at, "expected an array of strings, found " + detail::describe_kind(*value));
            return;
        }
        const auto& items = value->get_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].is_string()) {
                each(std::string(items[i].get_string()));
            } else {
                problem(at + "/" + std::to_string(i),
                        "expected a string, found " + detail::describe_kind(items[i]));
            }
        }
    }

    // Calls `each(object, pointer)` for every object of the array at `key`.
    template <typename Each>
    void for_each_object(const json::object& object, const std::string& pointer,
                         std::string_view key, bool required, Each each) {
        const auto* value = object.if_contains(key);
        const std::string at = pointer + "/" + detail::escape_pointer_token(key);
        if (value == nullptr) {
            if (required) {
                problem(at, "the member \"" + std::string(key) + "\" is required");
            }
            return;
        }
        if (!value->is_array()) {
            problem(at, "expected an array, found " + detail::describe_kind(*value));
            return;
        }
        const auto& items = value->get_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string item = at + "/" + std::to_string(i);
            if (items[i].is_object()) {
                each(items[i].get_object(), item);
            } else {
                problem(item, "expected an object, found " + detail::describe_kind(items[i]));
            }
        }
    }

    void read_sources(const json::object& top) {
        for_each_object(
            top, "", "sources", true, [&](const json::object& object, const std::string& at) {
                check_members(object, at, {"title", "publisher", "url", "text", "covers"});
                FrameworkSource source;
                source.title = string(object, at, "title", true);
                source.publisher = string(object, at, "publisher", false);
                source.url = string(object, at, "url", false);
                source.text = string(object, at, "text", false);
                for_each_string(object, at, "covers", [&](std::string part) {
                    source.covers.push_back(std::move(part));
                });
                framework_.sources.push_back(std::move(source));
            });
        if (framework_.sources.empty() && top.contains("sources")) {
            problem("/sources", "a framework cites at least one source");
        }
    }

    // A scale: the id of a built-in scale, or an object with id, name and levels.
    Scale scale(const json::value& value, const std::string& at) {
        if (value.is_string()) {
            const auto& builtin = builtin_scales();
            const auto found = std::find_if(builtin.begin(), builtin.end(), [&](const Scale& s) {
                return s.id == value.get_string();
            });
            if (found == builtin.end()) {
                std::string names;
                for (const auto& s : builtin) {
                    names += (names.empty() ? "" : ", ") + s.id;
                }
                problem(at, "unknown scale '" + std::string(value.get_string()) +
                                "'; the built-in scales are " + names);
                return {};
            }
            return *found;
        }
        if (!value.is_object()) {
            problem(at, "expected a scale id or an object, found " + detail::describe_kind(value));
            return {};
        }
        const auto& object = value.get_object();
        check_members(object, at, {"id", "name", "levels"});
        Scale result;
        result.id = string(object, at, "id", true);
        result.name = string(object, at, "name", false);
        for_each_object(object, at, "levels", true,
                        [&](const json::object& level, const std::string& level_at) {
                            check_members(level, level_at, {"code", "label", "value"});
                            ScaleLevel parsed;
                            if (const auto* code_value = level.if_contains("code")) {
                                parsed.code = code(*code_value, level_at + "/code");
                            } else {
                                problem(level_at + "/code", "the member \"code\" is required");
                            }
                            parsed.label = string(level, level_at, "label", false);
                            if (parsed.label.empty()) {
                                parsed.label = parsed.code;
                            }
                            if (const auto* rank = level.if_contains("value")) {
                                parsed.value = number(*rank, level_at + "/value").value_or(0);
                            } else {
                                parsed.value = static_cast<double>(result.levels.size());
                            }
                            result.levels.push_back(std::move(parsed));
                        });
        if (result.levels.empty() && object.contains("levels")) {
            problem(at + "/levels", "a scale has at least one level");
        }
        return result;
    }

    void read_components(const json::object& top) {
        std::set<std::string> seen;
        for_each_object(
            top, "", "components", true, [&](const json::object& object, const std::string& at) {
                check_members(object, at,
                              {"name", "label", "scale", "optional", "weights", "thresholds"});
                FrameworkComponent component;
                component.name = string(object, at, "name", true);
                component.label = string(object, at, "label", false);
                if (component.label.empty()) {
                    component.label = component.name;
                }
                if (const auto* s = object.if_contains("scale")) {
                    component.scale = scale(*s, at + "/scale");
                } else {
                    problem(at + "/scale", "the member \"scale\" is required");
                }
                if (const auto* optional = object.if_contains("optional")) {
                    if (optional->is_bool()) {
                        component.optional = optional->get_bool();
                    } else {
                        problem(at + "/optional", "expected true or false, found " +
                                                      detail::describe_kind(*optional));
                    }
                }
                if (!component.name.empty() && !seen.insert(component.name).second) {
                    problem(at + "/name",
                            "the component '" + component.name + "' is defined twice");
                }
                if (object.contains("weights") || object.contains("thresholds")) {
                    pending_derived_.push_back({&object, at, component.name});
                }
                framework_.components.push_back(std::move(component));
            });
        // Weighted sums name other components, so they are read once all are known.
        for (const auto& pending : pending_derived_) {
            DerivedComponent derived;
            derived.name = pending.name;
            derived.sum = weighted_sum(*pending.object, pending.at);
            const auto* target = component(pending.name);
            for (std::size_t i = 0; i < derived.sum.thresholds.size(); ++i) {
                const auto& then = derived.sum.thresholds[i].then;
                if (target != nullptr && !then.empty() &&
                    target->scale.find_level(then) == nullptr) {
                    problem(pending.at + "/thresholds/" + std::to_string(i) + "/then",
                            "'" + then + "' is not a level of " + pending.name + "'s scale");
                }
            }
            framework_.derived.push_back(std::move(derived));
        }
    }

    void read_groups(const json::object& top) {
        for_each_object(
            top, "", "groups", false, [&](const json::object& object, const std::string& at) {
                check_members(object, at, {"name", "members", "default", "note"});
                ComponentGroup group;
                group.name = string(object, at, "name", true);
                group.note = string(object, at, "note", false);
                if (const auto* is_default = object.if_contains("default")) {
                    if (is_default->is_bool()) {
                        group.is_default = is_default->get_bool();
                    } else {
                        problem(at + "/default", "expected true or false, found " +
                                                     detail::describe_kind(*is_default));
                    }
                }
                std::size_t i = 0;
                for_each_string(object, at, "members", [&](std::string member) {
                    check_component(member, at + "/members/" + std::to_string(i++));
                    group.members.push_back(std::move(member));
                });
                if (!object.contains("members")) {
                    problem(at + "/members", "the member \"members\" is required");
                }
                if (is_component(group.name)) {
                    problem(at + "/name", "a group cannot have the name of a component");
                }
                framework_.groups.push_back(std::move(group));
            });
    }

    [[nodiscard]] bool is_component(std::string_view name) const {
        return std::any_of(framework_.components.begin(), framework_.components.end(),
                           [&](const auto& component) { return component.name == name; });
    }

    const FrameworkComponent* component(std::string_view name) const {
        for (const auto& c : framework_.components) {
            if (c.name == name) {
                return &c;
            }
        }
        return nullptr;
    }

    void check_component(const std::string& name, const std::string& at) {
        if (!is_component(name)) {
            problem(at, "unknown component '" + name + "'");
        }
    }

    void check_outcome(const std::string& level, const std::string& at) {
        if (!level.empty() && framework_.outcome.find_level(level) == nullptr) {
            problem(at, "'" + level + "' is not a level of the outcome scale '" +
                            framework_.outcome.id + "'");
        }
    }

    // 'none', 'any', 'all', 'at least N', 'at most N', 'exactly N'.
    void quantifier(const std::string& text, const std::string& at, RuleCondition& condition) {
        using Q = RuleCondition::Quantifier;
        if (text == "none") {
            condition.quantifier = Q::none;
            return;
        }
        if (text == "any") {
            condition.quantifier = Q::any;
            return;
        }
        if (text == "all") {
            condition.quantifier = Q::all;
            return;
        }
        std::istringstream words(text);
        std::string first;
        std::string second;
        words >> first;
        long n = -1;
        if (first == "exactly") {
            condition.quantifier = Q::exactly;
        } else if (words >> second; first == "at" && second == "least") {
            condition.quantifier = Q::at_least;
        } else if (first == "at" && second == "most") {
            condition.quantifier = Q::at_most;
        } else {
            first.clear();
        }
        std::string rest;
        if (!first.empty() && words >> n && n >= 0 && !(words >> rest)) {
            condition.count = static_cast<std::size_t>(n);
            return;
        }
        problem(at, "unknown count '" + text +
                        "'; write none, any, all, 'at least N', 'at most N' or 'exactly N'");
    }

    std::optional<RuleCondition> condition(const json::value& value, const std::string& at) {
        if (!value.is_object()) {
            problem(at, "expected a condition (an object), found " + detail::describe_kind(value));
            return std::nullopt;
        }
        const auto& object = value.get_object();
        check_members(object, at, {"component", "in", "count", "below", "at_or_above", "is"});
        RuleCondition result;
        const std::size_t before = problems.size();
        if (object.contains("component")) {
            if (object.contains("in") || object.contains("count")) {
                problem(at, "a condition names either a component or a group ('in' and 'count')");
            }
            result.single = true;
            result.scope = string(object, at, "component", true);
            check_component(result.scope, at + "/component");
            result.components = {result.scope};
        } else if (const auto* in = object.if_contains("in")) {
            if (in->is_string()) {
                result.scope = std::string(in->get_string());
                if (const auto* group = framework_.find_group(result.scope)) {
                    result.components = group->members;
                } else if (is_component(result.scope)) {
                    result.components = {result.scope};
                } else {
                    problem(at + "/in", "unknown group '" + result.scope + "'");
                }
            } else if (in->is_array()) {
                std::size_t i = 0;
                for (const auto& item : in->get_array()) {
                    const std::string item_at = at + "/in/" + std::to_string(i++);
                    if (!item.is_string()) {
                        problem(item_at,
                                "expected a component name, found " + detail::describe_kind(item));
                        continue;
                    }
                    std::string name(item.get_string());
                    check_component(name, item_at);
                    result.scope += (result.scope.empty() ? "" : ", ") + name;
                    result.components.push_back(std::move(name));
                }
            } else {
                problem(at + "/in", "expected a group name or an array of component names, found " +
                                        detail::describe_kind(*in));
            }
            const std::string count = string(object, at, "count", true);
            if (!count.empty()) {
                quantifier(count, at + "/count", result);
            }
        } else {
            problem(at, "a condition names a \"component\" or a group (\"in\")");
        }
        int comparisons = 0;
        for (const auto& [key, comparison] :
             {std::pair{"below", RuleCondition::Comparison::below},
              std::pair{"at_or_above", RuleCondition::Comparison::at_or_above},
              std::pair{"is", RuleCondition::Comparison::is}}) {
            if (const auto* level = object.if_contains(key)) {
                ++comparisons;
                result.comparison = comparison;
                result.value = number(*level, at + "/" + key).value_or(0);
            }
        }
        if (comparisons != 1) {
            problem(at, "a condition has exactly one of \"below\", \"at_or_above\" and \"is\"");
        }
        if (problems.size() != before) {
            return std::nullopt;
        }
        return result;
    }

    std::vector<RuleCondition> conditions(const json::object& object, const std::string& at,
                                          std::string_view key) {
        std::vector<RuleCondition> result;
        const auto* value = object.if_contains(key);
        if (value == nullptr) {
            return result;
        }
        const std::string list_at = at + "/" + detail::escape_pointer_token(key);
        if (value->is_object()) {
            if (auto parsed = condition(*value, list_at)) {
                result.push_back(std::move(*parsed));
            }
            return result;
        }
        if (!value->is_array()) {
            problem(list_at, "expected a condition or an array of conditions, found " +
                                 detail::describe_kind(*value));
            return result;
        }
        std::size_t i = 0;
        for (const auto& item : value->get_array()) {
            if (auto parsed = condition(item, list_at + "/" + std::to_string(i++))) {
                result.push_back(std::move(*parsed));
            }
        }
        return result;
    }

    void read_decider(const json::object& top) {
        const int kinds = static_cast<int>(top.contains("table")) +
                          static_cast<int>(top.contains("weighted_sum")) +
                          static_cast<int>(top.contains("matrix"));
        if (kinds != 1) {
            problem("", "a framework has exactly one of \"table\", \"weighted_sum\" and "
                        "\"matrix\" to decide its outcome");
            return;
        }
        if (top.contains("table")) {
            framework_.decide = Framework::DecideKind::table;
            for_each_object(
                top, "", "table", true, [&](const json::object& object, const std::string& at) {
                    check_members(object, at, {"when", "then", "text", "unpublished"});
                    RuleRow row;
                    row.when = conditions(object, at, "when");
                    row.text = string(object, at, "text", false);
                    if (const auto* then = object.if_contains("then")) {
                        row.then = code(*then, at + "/then");
                        check_outcome(*row.then, at + "/then");
                    }
                    row.missing = string(object, at, "unpublished", false);
                    if (row.then.has_value() == object.contains("unpublished")) {
                        problem(at, "a row has either \"then\" (its outcome) or \"unpublished\" "
                                    "(what the source leaves out)");
                    }
                    framework_.table.push_back(std::move(row));
                });
        } else if (const auto* sum = top.if_contains("weighted_sum")) {
            framework_.decide = Framework::DecideKind::weighted_sum;
            if (sum->is_object()) {
                check_members(sum->get_object(), "/weighted_sum", {"weights", "thresholds"});
                framework_.weighted_sum = weighted_sum(sum->get_object(), "/weighted_sum");
                for (std::size_t i = 0; i < framework_.weighted_sum.thresholds.size(); ++i) {
                    check_outcome(framework_.weighted_sum.thresholds[i].then,
                                  "/weighted_sum/thresholds/" + std::to_string(i) + "/then");
                }
            } else {
                problem("/weighted_sum",
                        "expected an object, found " + detail::describe_kind(*sum));
            }
        } else {
            framework_.decide = Framework::DecideKind::matrix;
            read_matrix(top.at("matrix"));
        }
    }

    WeightedSum weighted_sum(const json::object& object, const std::string& at) {
        WeightedSum sum;
        if (const auto* weights = object.if_contains("weights"); weights && weights->is_object()) {
            for (const auto& member : weights->get_object()) {
                const std::string name(member.key());
                const std::string weight_at = at + "/weights/" + detail::escape_pointer_token(name);
                check_component(name, weight_at);
                sum.weights.emplace_back(name, number(member.value(), weight_at).value_or(0));
            }
        } else {
            problem(at + "/weights", "expected an object of component → weight");
        }
        for_each_object(
            object, at, "thresholds", true,
            [&](const json::object& threshold, const std::string& threshold_at) {
                check_members(threshold, threshold_at, {"at_least", "then"});
                Threshold parsed;
                if (const auto* least = threshold.if_contains("at_least")) {
                    parsed.at_least = number(*least, threshold_at + "/at_least").value_or(0);
                } else {
                    problem(threshold_at + "/at_least", "the member \"at_least\" is required");
                }
                if (const auto* then = threshold.if_contains("then")) {
                    parsed.then = code(*then, threshold_at + "/then");
                } else {
                    problem(threshold_at + "/then", "the member \"then\" is required");
                }
                sum.thresholds.push_back(std::move(parsed));
            });
        if (!std::is_sorted(sum.thresholds.begin(), sum.thresholds.end(),
                            [](const auto& a, const auto& b) { return a.at_least > b.at_least; })) {
            problem(at + "/thresholds", "thresholds are listed highest first");
        }
        return sum;
    }

    void read_matrix(const json::value& value) {
        if (!value.is_object()) {
            problem("/matrix", "expected an object, found " + detail::describe_kind(value));
            return;
        }
        const auto& object = value.get_object();
        check_members(object, "/matrix", {"rows", "columns", "cells", "unpublished"});
        auto& matrix = framework_.matrix;
        matrix.rows = string(object, "/matrix", "rows", true);
        matrix.columns = string(object, "/matrix", "columns", true);
        check_component(matrix.rows, "/matrix/rows");
        check_component(matrix.columns, "/matrix/columns");
        matrix.missing = string(object, "/matrix", "unpublished", false);
        for_each_object(
            object, "/matrix", "cells", true, [&](const json::object& cell, const std::string& at) {
                check_members(cell, at, {"row", "column", "then"});
                MatrixCell parsed;
                for (auto [key, target, axis] :
                     {std::tuple{"row", &parsed.row, matrix.rows},
                      std::tuple{"column", &parsed.column, matrix.columns},
                      std::tuple{"then", &parsed.then, std::string()}}) {
                    if (const auto* level = cell.if_contains(key)) {
                        *target = code(*level, at + "/" + key);
                        if (const auto* c = component(axis);
                            c != nullptr && c->scale.find_level(*target) == nullptr) {
                            problem(at + "/" + key, "'" + *target + "' is not a level of " + axis);
                        }
                    } else {
                        problem(at + "/" + key,
                                "the member \"" + std::string(key) + "\" is required");
                    }
                }
                check_outcome(parsed.then, at + "/then");
                matrix.cells.push_back(std::move(parsed));
            });
    }

    void read_caps(const json::object& top) {
        for_each_object(
            top, "", "caps", false, [&](const json::object& object, const std::string& at) {
                check_members(object, at, {"if", "no_higher_than", "text"});
                Cap cap;
                cap.when = conditions(object, at, "if");
                if (!object.contains("if")) {
                    problem(at + "/if", "the member \"if\" is required");
                }
                if (const auto* level = object.if_contains("no_higher_than")) {
                    cap.no_higher_than = code(*level, at + "/no_higher_than");
                    check_outcome(cap.no_higher_than, at + "/no_higher_than");
                } else {
                    problem(at + "/no_higher_than", "the member \"no_higher_than\" is required");
                }
                cap.text = string(object, at, "text", false);
                framework_.caps.push_back(std::move(cap));
            });
    }

    struct PendingDerived {
        const json::object* object;
        std::string at;
        std::string name;
    };

    Framework framework_;
    std::vector<PendingDerived> pending_derived_;
};

std::string read_file(const std::filesystem::path& path) {
    const auto text = detail::FileText::read(path);
    if (!text) {
        throw NotFound("framework file", path.string());
    }
    return std::string(text->view());
}

} // namespace

Framework parse_framework(std::string_view text, std::string_view source) {
    json::parse_options options;
    options.max_depth = 32;
    boost::system::error_code error;
    json::parser parser({}, options);
    const std::size_t consumed = parser.write(text.data(), text.size(), error);
    if (error) {
        const auto [line, column] = detail::line_and_column(text, consumed);
        throw ParseError("not valid JSON: " + error.message(), {},
                         {std::string(source), line, column, consumed});
    }
    const json::value root = parser.release();
    if (!root.is_object()) {
        throw ParseError("a framework file is a JSON object, not " + detail::describe_kind(root),
                         {}, {std::string(source), 1, 1, 0});
    }
    FrameworkReader reader;
    Framework framework = reader.read(root.get_object());
    if (!reader.problems.empty()) {
        detail::locate_problems(text, reader.problems);
        throw ValidationError(std::move(reader.problems));
    }
    return framework;
}

std::vector<std::filesystem::path> framework_search_path() {
    std::vector<std::filesystem::path> path;
    if (const char* dir = std::getenv("BESTVALUE_DATA_DIR"); dir != nullptr && *dir != '\0') {
        path.emplace_back(dir);
    }
#ifdef BESTVALUE_INSTALLED_DATA_DIR
    path.emplace_back(BESTVALUE_INSTALLED_DATA_DIR);
#endif
#ifdef BESTVALUE_SOURCE_DATA_DIR
    path.emplace_back(BESTVALUE_SOURCE_DATA_DIR);
#endif
    return path;
}

Framework load_framework(std::string_view name_or_path) {
    const std::filesystem::path given(name_or_path);
    std::error_code ignored;
    if (std::filesystem::is_regular_file(given, ignored) || given.extension() == ".json" ||
        given.has_parent_path()) {
        return parse_framework(read_file(given), given.string());
    }
    for (const auto& dir : framework_search_path()) {
        const auto candidate = dir / "frameworks" / (std::string(name_or_path) + ".json");
        if (std::filesystem::is_regular_file(candidate, ignored)) {
            return parse_framework(read_file(candidate), candidate.string());
        }
    }
    throw NotFound("framework", name_or_path);
}

std::vector<std::string> shipped_frameworks() {
    std::set<std::string> names;
    for (const auto& dir : framework_search_path()) {
        std::error_code error;
        for (std::filesystem::directory_iterator it(dir / "frameworks", error), end;
             !error && it != end; it.increment(error)) {
            if (it->path().extension() == ".json") {
                names.insert(it->path().stem().string());
            }
        }
    }
    return {names.begin(), names.end()};
}

} // namespace bestvalue
