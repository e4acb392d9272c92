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
template <typename Rows>
class TableBuilder {
public:
    explicit TableBuilder(const Rows& rows)
        : rows_(rows) {}

    template <typename Get>
    TableBuilder& add(std::string name, Get get) {
        table_.add(make_column(std::move(name), rows_, std::move(get)));
        return *this;
    }

    [[nodiscard]] Table done() { return std::move(table_); }

private:
    const Rows& rows_;
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

// The date text as written; a view into `text`.
std::optional<std::string_view> text_of(const std::optional<DateText>& text) {
    return text ? std::optional<std::string_view>(text->text) : std::nullopt;
}

} // namespace

Table action_table(const Store& store, const std::vector<ActionView>& actions, Date day) {
    return TableBuilder(actions)
        .add("id", &ActionView::id)
        .add("plan", &ActionView::plan)
        .add("organisation",
             // A plan's actions are mostly side by side: its organisation is looked up once
             // for each run of them.
             [&store, plan_id = std::string_view(),
              organisation = std::string_view()](const ActionView& action) mutable {
                 if (action.plan() != plan_id) {
                     const Plan* plan = store.find_plan(action.plan());
                     plan_id = action.plan();
                     organisation = plan != nullptr ? std::string_view(plan->organisation)
                                                    : std::string_view();
                 }
                 return organisation;
             })
        .add("section", &ActionView::section)
        .add("ref", &ActionView::ref)
        .add("title", &ActionView::title)
        .add("text", &ActionView::text)
        .add("leads", &ActionView::leads)
        .add("due", &ActionView::due_text)
        .add("due_end", [](const ActionView& action) { return action.due_end(); })
        .add("lifecycle",
             [&store, day](const ActionView& action) { return store.lifecycle_on(action, day); })
        .add("health",
             [&store, day](const ActionView& action) { return store.health_on(action, day); })
        .add("overdue",
             [&store, day](const ActionView& action) { return store.is_overdue_on(action, day); })
        .add("percent",
             [&store, day](const ActionView& action) { return store.percent_on(action, day); })
        .add("source_tags", &ActionView::source_tags)
        .add("addresses", &ActionView::addresses)
        .add("visibility", &ActionView::visibility)
        .done();
}

Table recommendation_table(const Store& /*store*/,
                           const std::vector<const Recommendation*>& recommendations) {
    using R = Recommendation;
    return TableBuilder(recommendations)
        .add("id", &R::id)
        .add("number", &R::number)
        .add("text", &R::text)
        .add("source", &R::source)
        .add("source_tag", &R::source_tag)
        .add("priority", &R::priority)
        .add("visibility", &R::visibility)
        .done();
}

Table assessment_table(const Store& /*store*/, const std::vector<const Assessment*>& assessments) {
    using A = Assessment;
    return TableBuilder(assessments)
        .add("id", &A::id)
        .add("title", &A::title)
        .add("kind", &A::kind)
        .add("assessors", &A::assessors)
        .add("subject", &A::subject)
        .add("service_areas", &A::service_areas)
        .add("programme", &A::programme)
        .add("track", &A::track)
        .add("scheduled", [](const A& a) { return text_of(a.scheduled); })
        .add("scheduled_start", [](const A& a) { return first_day(a.scheduled); })
        .add("scheduled_end", [](const A& a) { return last_day(a.scheduled); })
        .add("actual", [](const A& a) { return text_of(a.actual); })
        .add("status", &A::status)
        .add("responsible", &A::responsible_officers)
        .add("visibility", &A::visibility)
        .done();
}

Table rating_table(const Store& /*store*/, const std::vector<const Rating*>& ratings) {
    using R = Rating;
    return TableBuilder(ratings)
        .add("id", &R::id)
        .add("scale", &R::scale)
        .add("level", &R::level)
        .add("subject", &R::subject)
        .add("service_area", &R::service_area)
        .add("component", &R::component)
        .add("date", &R::date)
        .add("assessment", &R::assessment)
        .add("text", &R::text)
        .add("visibility", &R::visibility)
        .done();
}

Table plan_table(const Store& /*store*/, const std::vector<const Plan*>& plans) {
    return TableBuilder(plans)
        .add("id", &Plan::id)
        .add("title", &Plan::title)
        .add("organisation", &Plan::organisation)
        .add("kind", &Plan::kind)
        .add("status", &Plan::status)
        .add("adopted", &Plan::adopted)
        .add("versions", [](const Plan& plan) { return plan.versions.size(); })
        .add("visibility", &Plan::visibility)
        .done();
}

} // namespace bestvalue
