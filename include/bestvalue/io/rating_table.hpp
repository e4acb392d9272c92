#pragma once

/// \file
/// National results tables: CSV files with one row per council and year and one column per
/// component (the Audit Commission's CPA and Direction of Travel tables), read into ratings
/// through an explicit column mapping. Nothing in the table is dropped silently: every cell
/// becomes a rating or is reported as a marker ('n/a', 's/r'), and anything unknown is an error
/// unless the mapping says what to do with it.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// How one column of a results table reads as ratings.
struct RatingColumn {
    std::string header;       ///< the column's header, as the table writes it
    std::string scale;        ///< the scale its levels are on
    std::string service_area; ///< the service area rated (an id in the store); may be empty
    std::string component;    ///< what is rated, when not a service area: 'use of resources'
    /// Cell text → level code, for cells that are neither a level's code nor its label
    /// ('3 stars' → '3'). Codes and labels of the scale are always recognised, labels
    /// ignoring case.
    std::map<std::string, std::string> levels;

    friend bool operator==(const RatingColumn&, const RatingColumn&) = default;
};

/// What to do with a row whose council the store does not know.
enum class UnknownSubjects {
    reject, ///< an error naming the row (the default)
    add,    ///< add the council as a new organisation (its kind from `kind_column` or `kind`)
    skip,   ///< leave the row out, and report it
};

template <>
struct EnumNames<UnknownSubjects> {
    static constexpr std::pair<UnknownSubjects, std::string_view> names[] = {
        {UnknownSubjects::reject, "reject"},
        {UnknownSubjects::add, "add"},
        {UnknownSubjects::skip, "skip"},
    };
};

/// How a results table maps onto ratings: which columns name the council and the year, and
/// how each rated column reads.
struct RatingTableMapping {
    std::string subject_column = "council"; ///< header of the column naming the council
    std::string year_column = "year";       ///< header of the column giving the year
    /// Header of a column giving each row's exact date; empty: the ratings are dated on the last
    /// day of the row's year (31 December for '2005', 31 March 2006 for '2005/06').
    std::string date_column;
    /// Header of a column giving the kind of council (`county_council`, 'District council'),
    /// used for councils added; empty: `kind` is used.
    std::string kind_column;
    std::vector<RatingColumn> columns; ///< the rated columns
    /// Headers of columns to leave unread. Any other column the mapping does not name is an
    /// error, so that nothing in the table is lost unnoticed.
    std::vector<std::string> ignored_columns;
    /// Council as the table writes it → organisation id, for names the store does not match
    /// by itself (see `read_rating_table`).
    std::map<std::string, std::string> subjects;
    /// Cell text that holds no level → what it means. A marked cell gives no rating and is
    /// reported in `RatingTableImport::marked`. Any other text that is not a level is an error.
    std::map<std::string, std::string> markers = {{"", "blank"},
                                                  {"n/a", "not applicable"},
                                                  {"N/A", "not applicable"},
                                                  {"s/r", "subject to review"}};
    UnknownSubjects unknown_subjects = UnknownSubjects::reject;
    OrganisationKind kind = OrganisationKind::other; ///< of councils added without a kind column
    /// The middle part of every rating id: '<council>/<id_part>/<year>/<column>'.
    std::string id_part = "results";
    std::string document; ///< id of a Document in the store the table is cited as; may be empty

    friend bool operator==(const RatingTableMapping&, const RatingTableMapping&) = default;
};

/// A cell that held a marker instead of a level.
struct MarkedCell {
    std::size_t line = 0; ///< in the table's text, from 1
    std::string column;   ///< its header
    std::string subject;  ///< organisation id
    std::string year;     ///< the row's year, as written
    std::string text;     ///< the marker, as written
    std::string meaning;  ///< from `RatingTableMapping::markers`

    friend bool operator==(const MarkedCell&, const MarkedCell&) = default;
};

/// A row left out because its council is unknown and the mapping says `skip`.
struct SkippedRow {
    std::size_t line = 0; ///< in the table's text, from 1
    std::string subject;  ///< the council, as written
    std::string year;     ///< as written

    friend bool operator==(const SkippedRow&, const SkippedRow&) = default;
};

/// What reading a results table did.
struct RatingTableImport {
    std::vector<std::string> ratings;       ///< ids of the ratings read, in table order
    std::vector<std::string> organisations; ///< ids of the councils added
    std::vector<MarkedCell> marked;         ///< every cell that held a marker
    std::vector<SkippedRow> skipped;        ///< every row left out

    friend bool operator==(const RatingTableImport&, const RatingTableImport&) = default;
};

/// Reads a results table (CSV text) into ratings in `store`: all of it, or — on any error —
/// nothing.
///
/// A row's council is found, in this order, through `mapping.subjects`, as an organisation id,
/// as one of an organisation's codes (GSS, SNAC), or as its name ignoring case and a closing
/// 'County Council', 'District Council', 'Borough Council', 'City Council' or 'Council'; a
/// name that fits two organisations is an error. A cell is a level when it is the level's
/// code, its label (ignoring case) or a key of the column's `levels`. Reading the same table
/// twice adds nothing new: the ratings' ids are the same and so are their contents.
///
/// `source` names the text in error messages (a file path).
/// \throws ParseError for text that is not CSV (an unclosed quote), with line and column;
/// ValidationError listing every problem (a mapped header missing, a column the mapping does
/// not name, an unknown council, scale, service area or level, a year or date that cannot be
/// read, a council given twice for one year, a row with too many or too few cells), each with
/// its line and column; or what `Store::add` throws.
RatingTableImport read_rating_table(Store& store, std::string_view text,
                                    const RatingTableMapping& mapping,
                                    std::string_view source = {});

/// Reads a results table file into `store`, all or nothing (see `read_rating_table`).
/// \throws Error if the file cannot be read.
RatingTableImport read_rating_table_file(Store& store, const std::filesystem::path& path,
                                         const RatingTableMapping& mapping);

} // namespace bestvalue
