#pragma once

// Reading a whole store from the tables of docs/sqlite.md, and writing the rows of what a
// change added or replaced. Both run inside a transaction the caller holds.

#include <chrono>
#include <optional>
#include <sqlite3.h>
#include <string>

#include <bestvalue/store.hpp>

namespace bestvalue::detail {

/// What a file holds: its progress updates kept as a store keeps them.
struct StoredContents {
    Contents contents;
    ProgressLog progress;
};

/// Everything the file holds, in the order it was added: one pass per table. Given
/// `second_connection` (its busy timeout), a large store's progress updates are read beside the
/// rest on a second connection: only when the caller's transaction has read nothing yet, as
/// the second's check that both read one snapshot must begin before the first's snapshot does.
[[nodiscard]] StoredContents
read_contents(sqlite3* connection, const std::string& path,
              std::optional<std::chrono::milliseconds> second_connection);

/// Writes the rows of `change`, made to `after` and not yet kept: of the entities `after` holds
/// beyond the change's sizes before (the tail of each collection: a store only ever appends),
/// and of the entities of `replaced` (matched by id in `after` and in the store from before the
/// change, which an update holds), whose rows are replaced in place, keeping their order; due
/// revisions and progress updates are only ever appended.
void write_changes(sqlite3* connection, const std::string& path, const Store::PendingChange& change,
                   const Store& after, const Contents& replaced);

} // namespace bestvalue::detail
