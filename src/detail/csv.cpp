#include "csv.hpp"

#include <bestvalue/error.hpp>

namespace bestvalue::detail {

namespace {

class CsvReader {
public:
    CsvReader(std::string_view text, std::string_view source)
        : text_(text)
        , source_(source) {
        constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
        if (text_.substr(0, byte_order_mark.size()) == byte_order_mark) {
            position_ = byte_order_mark.size();
            line_start_ = position_;
        }
    }

    std::vector<CsvRecord> records() {
        std::vector<CsvRecord> records;
        while (position_ < text_.size()) {
            if (at_line_end()) {
                skip_line_end();
                continue;
            }
            records.push_back(record());
        }
        return records;
    }

private:
    CsvRecord record() {
        CsvRecord record;
        record.line = line_;
        while (true) {
            record.fields.push_back(field());
            if (position_ < text_.size() && text_[position_] == ',') {
                ++position_;
                continue;
            }
            skip_line_end();
            return record;
        }
    }

    CsvField field() {
        CsvField field{{}, line_, column()};
        if (position_ < text_.size() && text_[position_] == '"') {
            ++position_;
            while (true) {
                if (position_ >= text_.size()) {
                    fail("a quoted field is not closed", field.line, field.column);
                }
                const char c = text_[position_];
                if (c == '"') {
                    if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
                        field.text += '"';
                        position_ += 2;
                        continue;
                    }
                    ++position_;
                    break;
                }
                if (c == '\n') {
                    field.text += c;
                    ++position_;
                    ++line_;
                    line_start_ = position_;
                    continue;
                }
                field.text += c;
                ++position_;
            }
            if (position_ < text_.size() && text_[position_] != ',' && !at_line_end()) {
                fail("text after a closing quote; a quote inside a quoted field is written \"\"",
                     line_, column());
            }
            return field;
        }
        const auto start = position_;
        while (position_ < text_.size() && text_[position_] != ',' && !at_line_end()) {
            if (text_[position_] == '"') {
                fail("a quote inside an unquoted field; quote the whole field", line_, column());
            }
            ++position_;
        }
        field.text = std::string(text_.substr(start, position_ - start));
        return field;
    }

    [[nodiscard]] bool at_line_end() const {
        return text_[position_] == '\n' ||
               (text_[position_] == '\r' && position_ + 1 < text_.size() &&
                text_[position_ + 1] == '\n') ||
               (text_[position_] == '\r' && position_ + 1 == text_.size());
    }

    void skip_line_end() {
        if (position_ < text_.size() && text_[position_] == '\r') {
            ++position_;
        }
        if (position_ < text_.size() && text_[position_] == '\n') {
            ++position_;
        }
        ++line_;
        line_start_ = position_;
    }

    [[nodiscard]] std::size_t column() const { return position_ - line_start_ + 1; }

    [[noreturn]] void fail(std::string_view reason, std::size_t line, std::size_t column) const {
        throw ParseError(reason, {}, SourceLocation{std::string(source_), line, column, position_});
    }

    std::string_view text_;
    std::string_view source_;
    std::size_t position_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
};

} // namespace

std::vector<CsvRecord> read_csv(std::string_view text, std::string_view source) {
    return CsvReader(text, source).records();
}

} // namespace bestvalue::detail
