#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <unordered_map>

#include <bestvalue/calendar/date_text.hpp>
#include <bestvalue/error.hpp>
#include <bestvalue/io/rating_table.hpp>

#include "../detail/csv.hpp"
#include "../detail/file_text.hpp"
#include "../detail/text.hpp"

namespace bestvalue {

namespace {

using detail::CsvField;
using detail::CsvRecord;

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// An id segment from free text: 'Children and young people' → 'children-and-young-people',
// '2005/06' → '2005-06'.
std::string id_segment(std::string_view text) {
    std::string segment;
    for (const char c : detail::lower_case(text)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
        if (keep) {
            segment += c;
        } else if (!segment.empty() && segment.back() != '-') {
            segment += '-';
        }
    }
    while (!segment.empty() && segment.back() == '-') {
        segment.pop_back();
    }
    return segment;
}

// A council's name without the closing words national tables leave out: 'Oxfordshire County
// Council' and 'Oxfordshire' are the same council.
std::string bare_name(std::string_view name) {
    auto text = detail::lower_case(trimmed(name));
    static constexpr std::array suffixes = {" county council", " district council",
                                            " borough council", " city council", " council"};
    for (const std::string_view suffix : suffixes) {
        if (text.size() > suffix.size() && text.ends_with(suffix)) {
            text.resize(text.size() - suffix.size());
            break;
        }
    }
    return text;
}

// Where a cell is, for problems.
struct CellPlace {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string header;
};

class RatingTableReader {
public:
    RatingTableReader(const Store& store, const RatingTableMapping& mapping,
                      std::string_view source)
        : store_(store)
        , mapping_(mapping)
        , source_(source) {}

    std::pair<Contents, RatingTableImport> read(const std::vector<CsvRecord>& records) {
        if (records.empty()) {
            problem({}, "the table has no header row");
            throw ValidationError(std::move(problems_));
        }
        read_header(records.front());
        if (!problems_.empty()) {
            throw ValidationError(std::move(problems_));
        }
        index_organisations();
        for (std::size_t row = 1; row < records.size(); ++row) {
            read_row(records[row]);
        }
        if (!problems_.empty()) {
            throw ValidationError(std::move(problems_));
        }
        return {std::move(contents_), std::move(report_)};
    }

    // Where the entity at `pointer` of the contents came from, for problems `Store::add` finds.
    [[nodiscard]] std::optional<CellPlace> place_of(std::string_view pointer) const {
        const auto locate = [&](std::string_view prefix,
                                const std::vector<CellPlace>& places) -> std::optional<CellPlace> {
            if (!pointer.starts_with(prefix)) {
                return std::nullopt;
            }
            const auto rest = pointer.substr(prefix.size());
            std::size_t index = 0;
            std::size_t digits = 0;
            while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
                index = index * 10 + static_cast<std::size_t>(rest[digits] - '0');
                ++digits;
            }
            if (digits == 0 || index >= places.size()) {
                return std::nullopt;
            }
            return places[index];
        };
        if (auto place = locate("/ratings/", rating_places_)) {
            return place;
        }
        return locate("/organisations/", organisation_places_);
    }

    // A problem's location: the table, and the column when the problem is in one; its line
    // and column go in the problem's own fields.
    [[nodiscard]] std::string describe(const CellPlace& place) const {
        std::string text = source_.empty() ? std::string("table") : source_;
        if (!place.header.empty()) {
            text += ", column '" + place.header + "'";
        }
        return text;
    }

private:
    void problem(const CellPlace& place, std::string message) {
        // A problem with a row but no cell is placed at the row's start.
        const std::size_t column = place.line != 0 && place.column == 0 ? 1 : place.column;
        problems_.push_back({describe(place), std::move(message), place.line, column});
    }

    // Finds each mapped header, and refuses columns the mapping does not account for.
    void read_header(const CsvRecord& header) {
        std::vector<std::string_view> names;
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            headers_.push_back(trimmed(header.fields[i].text));
        }
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            names.push_back(headers_[i]);
            const auto first = std::find(headers_.begin(), headers_.end(), headers_[i]);
            if (first != headers_.begin() + static_cast<std::ptrdiff_t>(i)) {
                problem(header_place(header, i), "the header '" + headers_[i] + "' is given twice");
            }
        }
        std::set<std::string> accounted(mapping_.ignored_columns.begin(),
                                        mapping_.ignored_columns.end());
        const auto require = [&](const std::string& name,
                                 std::string_view role) -> std::optional<std::size_t> {
            accounted.insert(name);
            const auto found = std::find(headers_.begin(), headers_.end(), name);
            if (found == headers_.end()) {
                const auto near = detail::nearest_name(name, names);
                problem({header.line, 0, {}},
                        "no column '" + name + "' (" + std::string(role) + ") in the header" +
                            (near.empty() ? std::string()
                                          : "; did you mean '" + std::string(near) + "'?"));
                return std::nullopt;
            }
            return static_cast<std::size_t>(found - headers_.begin());
        };
        subject_column_ = require(mapping_.subject_column, "the council");
        year_column_ = require(mapping_.year_column, "the year");
        if (!mapping_.date_column.empty()) {
            date_column_ = require(mapping_.date_column, "the date");
        }
        if (!mapping_.kind_column.empty()) {
            kind_column_ = require(mapping_.kind_column, "the kind of council");
        }
        for (const auto& column : mapping_.columns) {
            rated_columns_.push_back(require(column.header, "a rated column"));
            check_column(column, header.line);
        }
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            if (!accounted.contains(headers_[i])) {
                problem(header_place(header, i), "the mapping does not say how to read column '" +
                                                     headers_[i] +
                                                     "'; map it or list it in ignored_columns");
            }
        }
        if (!mapping_.document.empty() && store_.find_document(mapping_.document) == nullptr) {
            problem({header.line, 0, {}}, "the mapping cites document '" + mapping_.document +
                                              "', which the store "
                                              "does not hold");
        }
    }

    CellPlace header_place(const CsvRecord& header, std::size_t index) const {
        return {header.fields[index].line, header.fields[index].column, headers_[index]};
    }

    void check_column(const RatingColumn& column, std::size_t line) {
        const CellPlace place{line, 0, column.header};
        const Scale* scale = store_.find_scale(column.scale);
        if (scale == nullptr) {
            std::vector<std::string_view> known;
            for (const auto* scales : {&builtin_scales(), &store_.scales()}) {
                for (const auto& each : *scales) {
                    known.push_back(each.id);
                }
            }
            const auto near = detail::nearest_name(column.scale, known);
            problem(place, "unknown scale '" + column.scale + "'" +
                               (near.empty() ? std::string()
                                             : "; did you mean '" + std::string(near) + "'?"));
        } else {
            for (const auto& [text, code] : column.levels) {
                if (scale->find_level(code) == nullptr) {
                    problem(place, "the mapping reads '" + text + "' as level '" + code +
                                       "', which scale " + scale->id + " does not have");
                }
            }
        }
        if (!column.service_area.empty() &&
            store_.find_service_area(column.service_area) == nullptr) {
            problem(place, "unknown service area '" + column.service_area + "'");
        }
    }

    void index_organisations() {
        for (const auto& organisation : store_.organisations()) {
            add_name(organisation);
        }
    }

    void add_name(const Organisation& organisation) {
        by_name_[detail::lower_case(trimmed(organisation.name))].insert(organisation.id);
        by_name_[bare_name(organisation.name)].insert(organisation.id);
        for (const auto& [scheme, code] : organisation.codes) {
            by_code_[code].insert(organisation.id);
        }
    }

    // The organisation a row's council text names; empty if none. A text that fits two
    // organisations is a problem.
    std::string find_subject(const std::string& text, const CellPlace& place) {
        if (const auto mapped = mapping_.subjects.find(text); mapped != mapping_.subjects.end()) {
            return mapped->second;
        }
        if (const auto added = added_.find(text); added != added_.end()) {
            return added->second;
        }
        if (store_.find_organisation(text) != nullptr) {
            return text;
        }
        for (const auto* index : {&by_code_, &by_name_}) {
            for (const auto& key : {text, detail::lower_case(text), bare_name(text)}) {
                const auto found = index->find(key);
                if (found == index->end()) {
                    continue;
                }
                if (found->second.size() > 1) {
                    std::string ids;
                    for (const auto& id : found->second) {
                        ids += (ids.empty() ? "" : ", ") + id;
                    }
                    problem(place, "council '" + text + "' fits more than one organisation (" +
                                       ids + "); say which in the mapping's subjects");
                    return {};
                }
                return *found->second.begin();
            }
        }
        return {};
    }

    // Adds the council `text` names as a new organisation, as the mapping allows.
    std::string add_subject(const std::string& text, const CsvRecord& record,
                            const CellPlace& place) {
        const auto mapped = mapping_.subjects.find(text);
        std::string id =
            mapped != mapping_.subjects.end() ? mapped->second : id_segment(bare_name(text));
        if (id.empty()) {
            problem(place, "council '" + text + "' gives no id; map it in the mapping's subjects");
            return {};
        }
        if (store_.kind_of(id).has_value()) {
            problem(place, "council '" + text + "' would be added as '" + id +
                               "', which the store already holds as something else");
            return {};
        }
        Organisation organisation;
        organisation.id = id;
        organisation.name = text;
        organisation.kind = mapping_.kind;
        if (kind_column_) {
            const auto kind_text = trimmed(record.fields[*kind_column_].text);
            const auto name = id_segment(kind_text);
            std::string underscored = name;
            std::replace(underscored.begin(), underscored.end(), '-', '_');
            auto kind = from_name<OrganisationKind>(underscored);
            if (!kind) {
                kind = from_name<OrganisationKind>(underscored + "_council");
            }
            if (!kind) {
                const auto& field = record.fields[*kind_column_];
                problem({field.line, field.column, headers_[*kind_column_]},
                        "unknown kind of council '" + kind_text + "'" +
                            did_you_mean_kind(underscored));
                return {};
            }
            organisation.kind = *kind;
        }
        if (!mapping_.document.empty()) {
            organisation.cites.push_back({mapping_.document, {}});
        }
        added_[text] = id;
        add_name(organisation);
        report_.organisations.push_back(id);
        organisation_places_.push_back(place);
        contents_.organisations.push_back(std::move(organisation));
        return id;
    }

    static std::string did_you_mean_kind(std::string_view text) {
        const auto near = detail::nearest_name(text, enum_names<OrganisationKind>());
        return near.empty() ? std::string() : "; did you mean '" + std::string(near) + "'?";
    }

    void read_row(const CsvRecord& record) {
        if (record.fields.size() != headers_.size()) {
            problem({record.line, 0, {}}, "the row has " + std::to_string(record.fields.size()) +
                                              " cells; the header has " +
                                              std::to_string(headers_.size()));
            return;
        }
        const auto& subject_field = record.fields[*subject_column_];
        const auto& year_field = record.fields[*year_column_];
        const auto subject_text = trimmed(subject_field.text);
        const auto year_text = trimmed(year_field.text);
        const CellPlace subject_place{subject_field.line, subject_field.column,
                                      mapping_.subject_column};
        std::string subject = find_subject(subject_text, subject_place);
        if (subject.empty() && problems_found_at(subject_place)) {
            return;
        }
        if (subject.empty() || store_.find_organisation(subject) == nullptr) {
            if (!subject.empty() && added_.contains(subject_text)) {
                // Added by an earlier row.
            } else {
                switch (mapping_.unknown_subjects) {
                case UnknownSubjects::reject:
                    problem(subject_place, unknown_subject_message(subject_text, subject));
                    return;
                case UnknownSubjects::skip:
                    report_.skipped.push_back({record.line, subject_text, year_text});
                    return;
                case UnknownSubjects::add:
                    subject = add_subject(subject_text, record, subject_place);
                    if (subject.empty()) {
                        return;
                    }
                    break;
                }
            }
        }
        const auto date = row_date(record);
        if (!date) {
            return;
        }
        const auto year_id = id_segment(year_text);
        const auto [first, inserted] = rows_seen_.emplace(subject + "\n" + year_id, record.line);
        if (!inserted) {
            problem(subject_place, "council '" + subject_text + "' is given twice for " +
                                       year_text + " (also on line " +
                                       std::to_string(first->second) + ")");
            return;
        }
        for (std::size_t i = 0; i < mapping_.columns.size(); ++i) {
            read_cell(record, mapping_.columns[i], *rated_columns_[i], subject, year_text, year_id,
                      *date);
        }
    }

    [[nodiscard]] bool problems_found_at(const CellPlace& place) const {
        return !problems_.empty() && problems_.back().line == place.line &&
               problems_.back().column == place.column;
    }

    std::string unknown_subject_message(const std::string& text, const std::string& mapped) const {
        if (!mapped.empty()) {
            return "the mapping's subjects read council '" + text + "' as '" + mapped +
                   "', which the store does not hold";
        }
        std::vector<std::string_view> names;
        for (const auto& organisation : store_.organisations()) {
            names.push_back(organisation.name);
        }
        const auto near = detail::nearest_name(text, names);
        return "unknown council '" + text + "'" +
               (near.empty() ? std::string() : "; did you mean '" + std::string(near) + "'?") +
               " (the mapping's unknown_subjects can add or skip it)";
    }

    // The date the row's ratings were given: its date cell, or the last day of its year.
    std::optional<Date> row_date(const CsvRecord& record) {
        const auto read = [&](std::size_t index) -> std::optional<Period> {
            const auto& field = record.fields[index];
            const CellPlace place{field.line, field.column, headers_[index]};
            const auto text = trimmed(field.text);
            try {
                return parse_period(text);
            } catch (const ParseError& error) {
                problem(place, "cannot read '" + text + "' as a date: " + error.reason());
                return std::nullopt;
            }
        };
        const auto year = read(*year_column_);
        if (!year) {
            return std::nullopt;
        }
        if (!date_column_) {
            return year->end();
        }
        const auto date = read(*date_column_);
        if (!date) {
            return std::nullopt;
        }
        if (date->precision() != Precision::day) {
            const auto& field = record.fields[*date_column_];
            problem({field.line, field.column, headers_[*date_column_]},
                    "'" + trimmed(field.text) + "' is a period, not a date");
            return std::nullopt;
        }
        return date->start();
    }

    void read_cell(const CsvRecord& record, const RatingColumn& column, std::size_t index,
                   const std::string& subject, const std::string& year_text,
                   const std::string& year_id, Date date) {
        const auto& field = record.fields[index];
        const CellPlace place{field.line, field.column, column.header};
        const auto text = trimmed(field.text);
        if (const auto marker = mapping_.markers.find(text); marker != mapping_.markers.end()) {
            report_.marked.push_back(
                {record.line, column.header, subject, year_text, text, marker->second});
            return;
        }
        const Scale& scale = *store_.find_scale(column.scale);
        const auto level = level_of(scale, column, text);
        if (!level) {
            std::vector<std::string_view> known;
            for (const auto& each : scale.levels) {
                known.push_back(each.code);
                known.push_back(each.label);
            }
            for (const auto& [key, code] : column.levels) {
                known.push_back(key);
            }
            const auto near = detail::nearest_name(text, known);
            problem(place, "'" + text + "' is not a level of scale " + scale.id +
                               (near.empty() ? std::string()
                                             : "; did you mean '" + std::string(near) + "'?") +
                               " (or add it to the column's levels or the markers)");
            return;
        }
        Rating rating;
        rating.id =
            subject + "/" + mapping_.id_part + "/" + year_id + "/" + id_segment(column.header);
        rating.scale = scale.id;
        rating.level = *level;
        rating.subject = subject;
        rating.service_area = column.service_area;
        rating.component = column.component;
        rating.date = date;
        rating.text = text;
        if (!mapping_.document.empty()) {
            rating.cites.push_back({mapping_.document, {}});
        }
        report_.ratings.push_back(rating.id);
        rating_places_.push_back(place);
        contents_.ratings.push_back(std::move(rating));
    }

    static std::optional<std::string> level_of(const Scale& scale, const RatingColumn& column,
                                               const std::string& text) {
        if (scale.find_level(text) != nullptr) {
            return text;
        }
        for (const auto& level : scale.levels) {
            if (detail::equal_ignoring_case(level.label, text)) {
                return level.code;
            }
        }
        if (const auto mapped = column.levels.find(text); mapped != column.levels.end()) {
            return mapped->second;
        }
        return std::nullopt;
    }

    const Store& store_;
    const RatingTableMapping& mapping_;
    std::string source_;
    std::vector<Problem> problems_;
    std::vector<std::string> headers_;
    std::optional<std::size_t> subject_column_;
    std::optional<std::size_t> year_column_;
    std::optional<std::size_t> date_column_;
    std::optional<std::size_t> kind_column_;
    std::vector<std::optional<std::size_t>> rated_columns_;
    std::unordered_map<std::string, std::set<std::string>> by_name_;
    std::unordered_map<std::string, std::set<std::string>> by_code_;
    std::unordered_map<std::string, std::string> added_;     // council as written → id added
    std::unordered_map<std::string, std::size_t> rows_seen_; // subject and year → line
    std::vector<CellPlace> rating_places_;
    std::vector<CellPlace> organisation_places_;
    Contents contents_;
    RatingTableImport report_;
};

} // namespace

RatingTableImport read_rating_table(Store& store, std::string_view text,
                                    const RatingTableMapping& mapping, std::string_view source) {
    const auto records = detail::read_csv(text, source);
    RatingTableReader reader(store, mapping, source);
    auto [contents, report] = reader.read(records);
    try {
        store.add(std::move(contents));
    } catch (const ValidationError& error) {
        // Problems the store finds are located in the table, not in the contents made from it.
        auto problems = error.problems();
        for (auto& problem : problems) {
            if (const auto place = reader.place_of(problem.location)) {
                problem.location = reader.describe(*place);
                problem.line = place->line;
                problem.column = place->column;
            }
        }
        throw ValidationError(std::move(problems));
    }
    return report;
}

RatingTableImport read_rating_table_file(Store& store, const std::filesystem::path& path,
                                         const RatingTableMapping& mapping) {
    const auto text = detail::FileText::read(path);
    if (!text) {
        throw Error("cannot open '" + path.string() + "'");
    }
    return read_rating_table(store, text->view(), mapping, path.string());
}

} // namespace bestvalue
