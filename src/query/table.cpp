#include <algorithm>

#include <bestvalue/query/table.hpp>

namespace bestvalue {

std::size_t Column::size() const noexcept {
    return std::visit([](const auto& list) { return list.size(); }, values);
}

void Table::add(Column column) {
    if (find_column(column.name) != nullptr) {
        throw Error("the table already has a column '" + column.name + "'");
    }
    const std::size_t size = column.size();
    if (!columns_.empty() && size != rows_) {
        throw Error("column '" + column.name + "' has " + std::to_string(size) +
                    " values; the table has " + std::to_string(rows_) + " rows");
    }
    rows_ = size;
    columns_.push_back(std::move(column));
}

std::vector<std::string> Table::column_names() const {
    std::vector<std::string> names;
    names.reserve(columns_.size());
    for (const auto& column : columns_) {
        names.push_back(column.name);
    }
    return names;
}

const Column* Table::find_column(std::string_view name) const noexcept {
    const auto found = std::find_if(columns_.begin(), columns_.end(),
                                    [name](const Column& column) { return column.name == name; });
    return found == columns_.end() ? nullptr : &*found;
}

const Column& Table::column(std::string_view name) const {
    if (const Column* found = find_column(name)) {
        return *found;
    }
    throw NotFound("column", name);
}

namespace {

// Builds a table over `rows`: add("name", getter) for each column, in order.
template <typename Row>
class TableBuilder {
public:
    explicit TableBuilder(const std::vector<const Row*>& rows)
        : rows_(rows) {}

    template <typename Get>
    TableBuilder& add(std::string name, Get get) {
        table_.add(make_column(std::move(name), rows_, std::move(get)));
        return *this;
    }

    [[nodiscard]] Table done() { return std::move(table_); }

private:
    const std::vector<const Row*>& rows_;
    Table table_;
};

// The first day of the earliest period read from date text; empty for an open start or none.
std::optional<Date> first_day(const std::optional<DateText>& text) {
    if (!text || text->periods.empty()) {
        return std::nullopt;
    }
    const auto earliest =
        std::min_element(text->periods.begin(), text->periods.end(),
                         [](const Period& a, const Period& b) { return a.start() < b.start(); });
    return earliest->start();
}

// The last day of the latest period read from date text; empty if none was read.
std::optional<Date> last_day(const std::optional<DateText>& text) {
    if (!text || text->periods.empty()) {
        return std::nullopt;
    }
    const auto latest =
        std::max_element(text->periods.begin(), text->periods.end(),
                         [](const Period& a, const Period& b) { return a.end() < b.end(); });
    return latest->end();
}

std::optional<std::string> text_of(const std::optional<DateText>& text) {
    return text ? std::optional<std::string>(text->text) : std::nullopt;
}

} // namespace

Table action_table(const Store& store, const std::vector<const Action*>& actions, Date day) {
    return TableBuilder<Action>(actions)
        .add("id", [](const Action& action) { return action.id; })
        .add("plan", [](const Action& action) { return action.plan; })
        .add("organisation",
             [&store](const Action& action) {
                 const Plan* plan = store.find_plan(action.plan);
                 return plan != nullptr ? plan->organisation : std::string();
             })
        .add("section", [](const Action& action) { return action.section; })
        .add("ref", [](const Action& action) { return action.ref; })
        .add("title", [](const Action& action) { return action.title; })
        .add("text", [](const Action& action) { return action.text; })
        .add("leads", [](const Action& action) { return action.leads; })
        .add("due", [](const Action& action) { return text_of(action.due); })
        .add("due_end", [](const Action& action) { return action.due_end(); })
        .add("lifecycle",
             [&store, day](const Action& action) { return store.lifecycle_on(action, day); })
        .add("health", [&store, day](const Action& action) { return store.health_on(action, day); })
        .add("overdue",
             [&store, day](const Action& action) { return store.is_overdue_on(action, day); })
        .add("percent",
             [&store, day](const Action& action) { return store.percent_on(action, day); })
        .add("source_tags", [](const Action& action) { return action.source_tags; })
        .add("addresses", [](const Action& action) { return action.addresses; })
        .add("visibility", [](const Action& action) { return action.visibility; })
        .done();
}

Table recommendation_table(const Store& /*store*/,
                           const std::vector<const Recommendation*>& recommendations) {
    using R = Recommendation;
    return TableBuilder<R>(recommendations)
        .add("id", [](const R& r) { return r.id; })
        .add("number", [](const R& r) { return r.number; })
        .add("text", [](const R& r) { return r.text; })
        .add("source", [](const R& r) { return r.source; })
        .add("source_tag", [](const R& r) { return r.source_tag; })
        .add("priority", [](const R& r) { return r.priority; })
        .add("visibility", [](const R& r) { return r.visibility; })
        .done();
}

Table assessment_table(const Store& /*store*/, const std::vector<const Assessment*>& assessments) {
    using A = Assessment;
    return TableBuilder<A>(assessments)
        .add("id", [](const A& a) { return a.id; })
        .add("title", [](const A& a) { return a.title; })
        .add("kind", [](const A& a) { return a.kind; })
        .add("assessors", [](const A& a) { return a.assessors; })
        .add("subject", [](const A& a) { return a.subject; })
        .add("service_areas", [](const A& a) { return a.service_areas; })
        .add("programme", [](const A& a) { return a.programme; })
        .add("track", [](const A& a) { return a.track; })
        .add("scheduled", [](const A& a) { return text_of(a.scheduled); })
        .add("scheduled_start", [](const A& a) { return first_day(a.scheduled); })
        .add("scheduled_end", [](const A& a) { return last_day(a.scheduled); })
        .add("actual", [](const A& a) { return text_of(a.actual); })
        .add("status", [](const A& a) { return a.status; })
        .add("responsible", [](const A& a) { return a.responsible_officers; })
        .add("visibility", [](const A& a) { return a.visibility; })
        .done();
}

Table rating_table(const Store& /*store*/, const std::vector<const Rating*>& ratings) {
    using R = Rating;
    return TableBuilder<R>(ratings)
        .add("id", [](const R& r) { return r.id; })
        .add("scale", [](const R& r) { return r.scale; })
        .add("level", [](const R& r) { return r.level; })
        .add("subject", [](const R& r) { return r.subject; })
        .add("service_area", [](const R& r) { return r.service_area; })
        .add("component", [](const R& r) { return r.component; })
        .add("date", [](const R& r) { return r.date; })
        .add("assessment", [](const R& r) { return r.assessment; })
        .add("text", [](const R& r) { return r.text; })
        .add("visibility", [](const R& r) { return r.visibility; })
        .done();
}

Table plan_table(const Store& /*store*/, const std::vector<const Plan*>& plans) {
    return TableBuilder<Plan>(plans)
        .add("id", [](const Plan& plan) { return plan.id; })
        .add("title", [](const Plan& plan) { return plan.title; })
        .add("organisation", [](const Plan& plan) { return plan.organisation; })
        .add("kind", [](const Plan& plan) { return plan.kind; })
        .add("status", [](const Plan& plan) { return plan.status; })
        .add("adopted", [](const Plan& plan) { return plan.adopted; })
        .add("versions", [](const Plan& plan) { return plan.versions.size(); })
        .add("visibility", [](const Plan& plan) { return plan.visibility; })
        .done();
}

} // namespace bestvalue
