#pragma once

// A thin RAII layer over the SQLite C API, private to the library: a connection, prepared
// statements with typed binding and reading, and the mapping of SQLite's result codes to
// DatabaseError. Every value reaches SQL through a bound parameter, never through the SQL text.

#include <cstdint>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <type_traits>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/detail/enum_names.hpp>
#include <bestvalue/error.hpp>

namespace bestvalue::detail {

struct ConnectionCloser {
    void operator()(sqlite3* connection) const noexcept { sqlite3_close_v2(connection); }
};

/// One SQLite connection, closed when it goes.
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

/// Throws the DatabaseError for result code `code` of `connection` on the file `path`.
[[noreturn]] void throw_sqlite_error(sqlite3* connection, int code, const std::string& path,
                                     std::string_view doing);

/// Runs SQL text that takes no parameters (schema, pragmas, transaction control).
void execute(sqlite3* connection, const char* sql, const std::string& path);

/// A prepared statement. Parameters are bound by position from 1; columns are read from 0.
/// Empty strings are written as NULL and NULL is read as an empty string, so optional text
/// and references (which foreign keys need NULL for) are handled alike.
class Statement {
public:
    Statement(sqlite3* connection, std::string_view sql, const std::string& path);

    /// Binds `values` to parameters 1…n, runs the statement to completion and resets it.
    template <typename... Values>
    void run(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        while (step()) {
        }
        reset();
    }

    /// Binds `values` to parameters 1…n, ready for `step`.
    template <typename... Values>
    Statement& with(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        return *this;
    }

    /// Advances to the next row: true if there is one.
    bool step();
    /// Ready to run again, with its parameters cleared.
    void reset();

    void bind(int index, std::string_view text);
    void bind(int index, const std::string& text) { bind(index, std::string_view(text)); }
    void bind(int index, const char* text) { bind(index, std::string_view(text)); }
    void bind(int index, std::nullptr_t);
    void bind(int index, std::int64_t value);
    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, std::size_t value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    void bind(int index, double value);
    void bind(int index, const Date& date);
    template <typename Enum>
    requires std::is_enum_v<Enum>
    void bind(int index, Enum value) { bind(index, to_name(value)); }
    template <typename Value>
    void bind(int index, const std::optional<Value>& value) {
        if (value) {
            bind(index, *value);
        } else {
            bind(index, nullptr);
        }
    }

    [[nodiscard]] bool is_null(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::string_view text_view(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optional_integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::optional<double> optional_real(int column) const;
    [[nodiscard]] Date date(int column) const;
    [[nodiscard]] std::optional<Date> optional_date(int column) const;
    template <typename Enum>
    [[nodiscard]] Enum enumeration(int column) const {
        const auto name = text_view(column);
        if (const auto value = from_name<Enum>(name)) {
            return *value;
        }
        corrupt(column, name);
    }
    template <typename Enum>
    [[nodiscard]] std::optional<Enum> optional_enumeration(int column) const {
        if (is_null(column)) {
            return std::nullopt;
        }
        return enumeration<Enum>(column);
    }

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
    };

    [[noreturn]] void fail(int code, std::string_view doing) const;
    [[noreturn]] void corrupt(int column, std::string_view value) const;

    sqlite3* connection_;
    std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
    const std::string* path_;
};

/// One SQLite transaction: `BEGIN IMMEDIATE` (or deferred, for reading) on construction,
/// rolled back on destruction unless committed.
class Transaction {
public:
    enum class Kind { read, write };
    Transaction(sqlite3* connection, const std::string& path, Kind kind);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

private:
    sqlite3* connection_;
    const std::string* path_;
    bool open_ = true;
};

} // namespace bestvalue::detail
