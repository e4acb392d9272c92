#pragma once

// Reading comma-separated text (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends,
// an optional UTF-8 byte order mark), keeping where each field starts so that errors about a
// cell can name its line and column.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bestvalue::detail {

struct CsvField {
    std::string text;       // unquoted, doubled quotes undone
    std::size_t line = 0;   // where the field starts, from 1
    std::size_t column = 0; // in bytes from 1
};

struct CsvRecord {
    std::vector<CsvField> fields;
    std::size_t line = 0; // where the record starts
};

// Every record of `text`; lines that are wholly empty are left out.
// \throws ParseError (naming `source`) for a quote left open or text after a closing quote.
[[nodiscard]] std::vector<CsvRecord> read_csv(std::string_view text, std::string_view source);

} // namespace bestvalue::detail
