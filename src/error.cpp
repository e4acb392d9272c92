#include <utility>

#include <bestvalue/error.hpp>

namespace bestvalue {

namespace {

std::string format_parse_error(std::string_view reason, std::string_view text,
                               const SourceLocation& location) {
    std::string message;
    if (!location.source.empty()) {
        message += location.source;
        message += ':';
    }
    if (location.line != 0) {
        message += std::to_string(location.line);
        message += ':';
    }
    if (location.column != 0) {
        message += std::to_string(location.column);
        message += ':';
    }
    if (!message.empty()) {
        message += ' ';
    }
    message += reason;
    if (!text.empty()) {
        message += " in '";
        message += text;
        message += '\'';
    }
    return message;
}

std::string format_problems(const std::vector<Problem>& problems) {
    std::string message;
    for (const auto& problem : problems) {
        if (!message.empty()) {
            message += "; ";
        }
        message += problem.location;
        if (problem.line != 0) {
            message += " (line " + std::to_string(problem.line) + ", column " +
                       std::to_string(problem.column) + ")";
        }
        message += ": ";
        message += problem.message;
    }
    return message;
}

} // namespace

ParseError::ParseError(std::string_view reason, std::string_view text, SourceLocation location)
    : Error(format_parse_error(reason, text, location))
    , reason_(reason)
    , text_(text)
    , location_(std::move(location)) {}

QueryError::QueryError(std::string_view reason, std::string_view query, std::size_t column)
    : Error("column " + std::to_string(column) + ": " + std::string(reason) + "\n  " +
            std::string(query) + "\n  " + std::string(column > 0 ? column - 1 : 0, ' ') + "^")
    , reason_(reason)
    , query_(query)
    , column_(column) {}

NotFound::NotFound(std::string_view kind, std::string_view id)
    : Error("no " + std::string(kind) + " with id '" + std::string(id) + "'")
    , kind_(kind)
    , id_(id) {}

ValidationError::ValidationError(std::vector<Problem> problems)
    : Error(format_problems(problems))
    , problems_(std::move(problems)) {}

DatabaseError::DatabaseError(DatabaseFailure failure, std::string path, std::string_view reason)
    : Error(path + ": " + std::string(reason))
    , failure_(failure)
    , path_(std::move(path))
    , reason_(reason) {}

} // namespace bestvalue
