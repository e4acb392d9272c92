#pragma once

// Reads the tab-separated test tables under tests/data: a header line naming the columns, then
// one row per line. Fields hold no tabs or newlines, so no quoting is needed.

#include <map>
#include <string>
#include <vector>

namespace bestvalue::testing {

struct TsvRow {
    std::map<std::string, std::string> fields;
    std::size_t line = 0; // in the file, for messages

    [[nodiscard]] const std::string& operator[](const std::string& column) const {
        return fields.at(column);
    }
};

// The rows of tests/data/`name`; fails the test if the header lacks one of `columns`.
std::vector<TsvRow> read_tsv(const std::string& name, const std::vector<std::string>& columns);

// The bytes of tests/data/`name`, or of any path if `name` is absolute.
std::string read_data_file(const std::string& name);

} // namespace bestvalue::testing
