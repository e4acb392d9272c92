#include "tsv.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

namespace bestvalue::testing {

namespace {

std::string data_path(const std::string& name) {
    return !name.empty() && name.front() == '/' ? name
                                                : std::string(BESTVALUE_TEST_DATA_DIR) + "/" + name;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos) {
            return fields;
        }
        start = tab + 1;
    }
}

} // namespace

std::vector<TsvRow> read_tsv(const std::string& name, const std::vector<std::string>& columns) {
    std::ifstream file(data_path(name));
    if (!file) {
        throw std::runtime_error("cannot open " + data_path(name));
    }
    std::string line;
    std::getline(file, line);
    const auto header = split_tabs(line);
    for (const auto& column : columns) {
        INFO(name << " lacks the column " << column);
        REQUIRE(std::find(header.begin(), header.end(), column) != header.end());
    }
    std::vector<TsvRow> rows;
    std::size_t number = 1;
    while (std::getline(file, line)) {
        ++number;
        if (line.empty()) {
            continue;
        }
        auto fields = split_tabs(line);
        fields.resize(header.size());
        TsvRow row;
        row.line = number;
        for (std::size_t i = 0; i < header.size(); ++i) {
            row.fields[header[i]] = fields[i];
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string read_data_file(const std::string& name) {
    std::ifstream file(data_path(name), std::ios::binary);
    if (!file) {
        throw std::runtime_error("cannot open " + data_path(name));
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    return std::move(buffer).str();
}

} // namespace bestvalue::testing
