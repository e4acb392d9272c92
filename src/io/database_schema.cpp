#include "database_schema.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <bestvalue/error.hpp>
#include <bestvalue/io/database.hpp>
#include <bestvalue/model/scale.hpp>
#include <bestvalue/model/vocabulary.hpp>

#include "sqlite.hpp"

namespace bestvalue::detail {

namespace {

// Schema version 1. Every foreign key is deferred to the commit, so a write may put rows in any
// order (a section before its parent, an action row replaced in place). Empty text and absent
// values are NULL. Dates are ISO 8601 text; enumerations their snake_case names.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'organisation', 'officer', 'service_area',
        'scale', 'vocabulary', 'assessment', 'rating', 'recommendation', 'plan', 'section',
        'action'))
) WITHOUT ROWID;

CREATE TABLE date_texts (
    date_text INTEGER PRIMARY KEY,
    text TEXT,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    reason TEXT,
    recurrence_frequency TEXT,
    recurrence_month INTEGER CHECK (recurrence_month BETWEEN 1 AND 12),
    recurrence_text TEXT
);
CREATE TABLE date_text_periods (
    date_text INTEGER NOT NULL REFERENCES date_texts ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    start_date TEXT,
    end_date TEXT NOT NULL,
    precision TEXT NOT NULL,
    text TEXT,
    PRIMARY KEY (date_text, position)
) WITHOUT ROWID;
CREATE TABLE date_text_unread (
    date_text INTEGER NOT NULL REFERENCES date_texts ON DELETE CASCADE
        DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    text TEXT,
    PRIMARY KEY (date_text, position)
) WITHOUT ROWID;

CREATE TABLE cites (
    entity TEXT NOT NULL REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    paragraph TEXT,
    PRIMARY KEY (entity, position)
) WITHOUT ROWID;
CREATE INDEX cites_by_document ON cites (document);
CREATE TABLE notes (
    entity TEXT NOT NULL REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (entity, position)
) WITHOUT ROWID;

CREATE TABLE documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    title TEXT,
    organisation TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    meeting TEXT,
    date TEXT,
    author TEXT,
    contact TEXT,
    item TEXT,
    status TEXT,
    source TEXT
);

CREATE TABLE organisations (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    name TEXT,
    kind TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    successor TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE organisation_codes (
    organisation TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    scheme TEXT NOT NULL,
    code TEXT,
    PRIMARY KEY (organisation, scheme)
) WITHOUT ROWID;

CREATE TABLE officers (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    organisation TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    post TEXT,
    abbreviation TEXT,
    unit TEXT
);
CREATE TABLE officer_holders (
    officer TEXT NOT NULL REFERENCES officers (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    name TEXT,
    from_date TEXT,
    to_date TEXT,
    PRIMARY KEY (officer, position)
) WITHOUT ROWID;

CREATE TABLE service_areas (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    name TEXT,
    parent TEXT REFERENCES service_areas (id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE scales (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    name TEXT
);
CREATE TABLE scale_levels (
    scale TEXT NOT NULL REFERENCES scales (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    code TEXT,
    label TEXT,
    value REAL NOT NULL,
    PRIMARY KEY (scale, position)
) WITHOUT ROWID;

CREATE TABLE vocabularies (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    name TEXT
);
CREATE TABLE vocabulary_terms (
    vocabulary TEXT NOT NULL REFERENCES vocabularies (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    term TEXT,
    label TEXT,
    lifecycle TEXT NOT NULL,
    health TEXT,
    PRIMARY KEY (vocabulary, position)
) WITHOUT ROWID;

CREATE TABLE assessments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    title TEXT,
    kind TEXT NOT NULL,
    subject TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    programme TEXT,
    track TEXT,
    scheduled INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    actual INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    status TEXT,
    description TEXT
);
CREATE INDEX assessments_by_subject ON assessments (subject);
CREATE TABLE assessment_assessors (
    assessment TEXT NOT NULL REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    organisation TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (assessment, position)
) WITHOUT ROWID;
CREATE INDEX assessment_assessors_by_organisation ON assessment_assessors (organisation);
CREATE TABLE assessment_service_areas (
    assessment TEXT NOT NULL REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    service_area TEXT NOT NULL REFERENCES service_areas (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (assessment, position)
) WITHOUT ROWID;
CREATE TABLE assessment_markers (
    assessment TEXT NOT NULL REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    marker TEXT,
    PRIMARY KEY (assessment, position)
) WITHOUT ROWID;
CREATE TABLE assessment_officers (
    assessment TEXT NOT NULL REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL CHECK (role IN ('responsible', 'challenge')),
    position INTEGER NOT NULL,
    officer TEXT NOT NULL REFERENCES officers (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (assessment, role, position)
) WITHOUT ROWID;

CREATE TABLE ratings (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    scale TEXT NOT NULL,
    level TEXT,
    subject TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    service_area TEXT REFERENCES service_areas (id) DEFERRABLE INITIALLY DEFERRED,
    component TEXT,
    date TEXT,
    assessment TEXT REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    text TEXT
);
CREATE INDEX ratings_by_subject ON ratings (subject, scale, date);
CREATE INDEX ratings_by_scale ON ratings (scale, level);
CREATE INDEX ratings_by_assessment ON ratings (assessment);

CREATE TABLE recommendations (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    number TEXT,
    text TEXT,
    source TEXT REFERENCES assessments (id) DEFERRABLE INITIALLY DEFERRED,
    source_tag TEXT,
    priority TEXT
);
CREATE INDEX recommendations_by_source ON recommendations (source);
CREATE INDEX recommendations_by_source_tag ON recommendations (source_tag);

CREATE TABLE plans (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    title TEXT,
    organisation TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    status TEXT,
    adopted TEXT,
    horizon INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    cadence TEXT,
    audience TEXT,
    scope TEXT,
    vocabulary TEXT NOT NULL
);
CREATE INDEX plans_by_organisation ON plans (organisation);
CREATE TABLE plan_versions (
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    number TEXT,
    review_date TEXT,
    issues TEXT,
    amended TEXT,
    approved_by TEXT,
    amendment_date TEXT,
    PRIMARY KEY (plan, position)
) WITHOUT ROWID;
CREATE TABLE plan_targets (
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    text TEXT,
    scale TEXT,
    level TEXT,
    due INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (plan, position)
) WITHOUT ROWID;
CREATE TABLE plan_legend (
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    abbreviation TEXT,
    meaning TEXT,
    PRIMARY KEY (plan, position)
) WITHOUT ROWID;
CREATE TABLE plan_addresses (
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    recommendation TEXT NOT NULL REFERENCES recommendations (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (plan, position)
) WITHOUT ROWID;
CREATE INDEX plan_addresses_by_recommendation ON plan_addresses (recommendation);

CREATE TABLE sections (
    id TEXT PRIMARY KEY REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    visibility TEXT NOT NULL,
    ref TEXT,
    title TEXT,
    objective TEXT,
    parent TEXT REFERENCES sections (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (plan, position)
) WITHOUT ROWID;

CREATE TABLE actions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    visibility TEXT NOT NULL,
    plan TEXT NOT NULL REFERENCES plans (id) DEFERRABLE INITIALLY DEFERRED,
    section TEXT REFERENCES sections (id) DEFERRABLE INITIALLY DEFERRED,
    ref TEXT,
    title TEXT,
    text TEXT,
    due INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    due_end TEXT,
    outcome TEXT,
    resources TEXT,
    funding TEXT,
    has_ict INTEGER NOT NULL DEFAULT 0 CHECK (has_ict IN (0, 1)),
    ict_text TEXT,
    ict_required INTEGER CHECK (ict_required IN (0, 1))
);
CREATE INDEX actions_by_plan ON actions (plan, section);
CREATE INDEX actions_by_due_end ON actions (due_end);
CREATE TABLE action_officers (
    action TEXT NOT NULL REFERENCES actions (id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL CHECK (role IN ('lead', 'delivery')),
    position INTEGER NOT NULL,
    officer TEXT NOT NULL REFERENCES officers (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (action, role, position)
) WITHOUT ROWID;
CREATE INDEX action_officers_by_officer ON action_officers (officer, role);
CREATE TABLE action_addresses (
    action TEXT NOT NULL REFERENCES actions (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    recommendation TEXT NOT NULL REFERENCES recommendations (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (action, position)
) WITHOUT ROWID;
CREATE INDEX action_addresses_by_recommendation ON action_addresses (recommendation);
CREATE TABLE action_source_tags (
    action TEXT NOT NULL REFERENCES actions (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    tag TEXT,
    PRIMARY KEY (action, position)
) WITHOUT ROWID;
CREATE TABLE milestones (
    action TEXT NOT NULL REFERENCES actions (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    title TEXT,
    due INTEGER REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (action, position)
) WITHOUT ROWID;
CREATE TABLE milestone_leads (
    action TEXT NOT NULL,
    milestone INTEGER NOT NULL,
    position INTEGER NOT NULL,
    officer TEXT NOT NULL REFERENCES officers (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (action, milestone, position),
    FOREIGN KEY (action, milestone) REFERENCES milestones (action, position)
        DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;

-- History: rows are only ever added; the triggers refuse any change or removal.
CREATE TABLE due_revisions (
    action TEXT NOT NULL REFERENCES actions (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    revised_on TEXT,
    due INTEGER NOT NULL REFERENCES date_texts DEFERRABLE INITIALLY DEFERRED,
    reason TEXT,
    approved_by TEXT,
    approved_on TEXT,
    PRIMARY KEY (action, position)
) WITHOUT ROWID;
CREATE TRIGGER due_revisions_are_history_update BEFORE UPDATE ON due_revisions
BEGIN SELECT RAISE(ABORT, 'due revisions are history: they are never changed'); END;
CREATE TRIGGER due_revisions_are_history_delete BEFORE DELETE ON due_revisions
BEGIN SELECT RAISE(ABORT, 'due revisions are history: they are never removed'); END;

CREATE TABLE progress (
    seq INTEGER PRIMARY KEY,
    subject TEXT NOT NULL REFERENCES entities DEFERRABLE INITIALLY DEFERRED,
    as_of TEXT NOT NULL,
    recorded TEXT,
    status TEXT,
    lifecycle TEXT,
    health TEXT,
    percent REAL,
    narrative TEXT,
    author TEXT,
    visibility TEXT NOT NULL
);
CREATE INDEX progress_by_subject ON progress (subject, as_of);
CREATE INDEX progress_by_as_of ON progress (as_of);
CREATE TABLE progress_cites (
    progress INTEGER NOT NULL REFERENCES progress DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    document TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    paragraph TEXT,
    PRIMARY KEY (progress, position)
) WITHOUT ROWID;
CREATE TABLE progress_notes (
    progress INTEGER NOT NULL REFERENCES progress DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (progress, position)
) WITHOUT ROWID;
CREATE TRIGGER progress_is_history_update BEFORE UPDATE ON progress
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never changed'); END;
CREATE TRIGGER progress_is_history_delete BEFORE DELETE ON progress
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never removed'); END;
CREATE TRIGGER progress_cites_are_history_update BEFORE UPDATE ON progress_cites
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never changed'); END;
CREATE TRIGGER progress_cites_are_history_delete BEFORE DELETE ON progress_cites
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never removed'); END;
CREATE TRIGGER progress_notes_are_history_update BEFORE UPDATE ON progress_notes
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never changed'); END;
CREATE TRIGGER progress_notes_are_history_delete BEFORE DELETE ON progress_notes
BEGIN SELECT RAISE(ABORT, 'progress updates are history: they are never removed'); END;
)sql";

// Schema version 2: views that reporting tools (Excel, Power BI, Metabase, DuckDB, the sqlite3
// shell) read without bestvalue, and the built-in scales' levels and vocabularies' terms as
// reference rows, which the views need to show labels and read status words. The reference
// rows are the library's, rewritten by `write_reference_rows` when they differ.
constexpr const char* schema_v2 = R"sql(
CREATE TABLE builtin_scale_levels (
    scale TEXT NOT NULL,
    scale_name TEXT NOT NULL,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    label TEXT,
    value REAL NOT NULL,
    PRIMARY KEY (scale, position)
) WITHOUT ROWID;
CREATE TABLE builtin_vocabulary_terms (
    vocabulary TEXT NOT NULL,
    position INTEGER NOT NULL,
    term TEXT,
    label TEXT,
    lifecycle TEXT NOT NULL,
    health TEXT,
    PRIMARY KEY (vocabulary, position)
) WITHOUT ROWID;

CREATE VIEW scale_level_labels AS
SELECT s.id AS scale, s.name AS scale_name, l.position, l.code, l.label, l.value
FROM scales s JOIN scale_levels l ON l.scale = s.id
UNION ALL
SELECT scale, scale_name, position, code, label, value FROM builtin_scale_levels;

CREATE VIEW status_terms AS
SELECT vocabulary, position, term, label, lifecycle, health FROM vocabulary_terms
UNION ALL
SELECT vocabulary, position, term, label, lifecycle, health FROM builtin_vocabulary_terms;

CREATE VIEW progress_history AS
SELECT p.seq,
       p.subject,
       COALESCE(a.plan, s.plan, p.subject) AS plan,
       p.as_of,
       COALESCE(p.recorded, p.as_of) AS recorded,
       p.status,
       COALESCE(p.lifecycle, t.lifecycle) AS lifecycle,
       COALESCE(p.health, t.health) AS health,
       (p.health IS NOT NULL OR p.status IS NOT NULL) AS gives_health,
       p.percent,
       p.narrative,
       p.author,
       p.visibility
FROM progress p
LEFT JOIN actions a ON a.id = p.subject
LEFT JOIN sections s ON s.id = p.subject
LEFT JOIN plans pl ON pl.id = COALESCE(a.plan, s.plan, p.subject)
LEFT JOIN status_terms t ON t.vocabulary = pl.vocabulary AND t.term = p.status;

CREATE VIEW action_status AS
SELECT a.id AS action,
       a.plan,
       a.section,
       a.ref,
       a.title,
       a.text,
       d.text AS due,
       a.due_end,
       (SELECT group_concat(COALESCE(o.abbreviation, o.post, o.id), ', ')
          FROM (SELECT officer FROM action_officers
                WHERE action = a.id AND role = 'lead' ORDER BY position) x
          JOIN officers o ON o.id = x.officer) AS leads,
       COALESCE((SELECT h.lifecycle FROM progress_history h
                 WHERE h.subject = a.id AND h.lifecycle IS NOT NULL
                   AND h.as_of <= date('now') AND h.recorded <= date('now')
                 ORDER BY h.as_of DESC, h.recorded DESC, h.seq DESC LIMIT 1),
                'not_started') AS lifecycle,
       (SELECT h.health FROM progress_history h
        WHERE h.subject = a.id AND h.gives_health
          AND h.as_of <= date('now') AND h.recorded <= date('now')
        ORDER BY h.as_of DESC, h.recorded DESC, h.seq DESC LIMIT 1) AS health,
       (SELECT h.percent FROM progress_history h
        WHERE h.subject = a.id AND h.percent IS NOT NULL
          AND h.as_of <= date('now') AND h.recorded <= date('now')
        ORDER BY h.as_of DESC, h.recorded DESC, h.seq DESC LIMIT 1) AS percent,
       (SELECT max(h.as_of) FROM progress_history h
        WHERE h.subject = a.id AND h.as_of <= date('now')
          AND h.recorded <= date('now')) AS last_update,
       a.visibility
FROM actions a
LEFT JOIN date_texts d ON d.date_text = a.due;

CREATE VIEW overdue_actions AS
SELECT * FROM action_status
WHERE due_end IS NOT NULL AND due_end < date('now')
  AND lifecycle NOT IN ('completed', 'cancelled', 'superseded');

CREATE VIEW recommendation_coverage AS
SELECT r.id AS recommendation,
       r.number,
       r.text,
       r.source,
       r.source_tag,
       r.priority,
       (SELECT count(*) FROM action_addresses x WHERE x.recommendation = r.id) AS actions,
       (SELECT count(*) FROM action_addresses x JOIN action_status s ON s.action = x.action
        WHERE x.recommendation = r.id AND s.lifecycle = 'completed') AS actions_completed,
       (SELECT count(*) FROM plan_addresses x WHERE x.recommendation = r.id) AS plans,
       (EXISTS (SELECT 1 FROM action_addresses x WHERE x.recommendation = r.id)
        OR EXISTS (SELECT 1 FROM plan_addresses x WHERE x.recommendation = r.id)) AS addressed,
       (EXISTS (SELECT 1 FROM action_addresses x WHERE x.recommendation = r.id)
        AND NOT EXISTS (SELECT 1 FROM action_addresses x JOIN action_status s
                        ON s.action = x.action
                        WHERE x.recommendation = r.id AND s.lifecycle != 'completed'))
           AS delivered,
       r.visibility
FROM recommendations r;

CREATE VIEW subject_ratings AS
SELECT r.subject,
       o.name AS subject_name,
       r.scale,
       l.scale_name,
       r.date,
       r.level,
       l.label AS level_label,
       l.value AS level_value,
       r.service_area,
       r.component,
       r.assessment,
       r.text,
       r.id AS rating,
       r.visibility
FROM ratings r
LEFT JOIN organisations o ON o.id = r.subject
LEFT JOIN scale_level_labels l ON l.scale = r.scale AND l.code = r.level;

CREATE VIEW inspection_programme AS
SELECT x.assessment, x.title, x.kind, x.subject, x.programme, x.track, x.status, x.assessors,
       x.scheduled_text, x.scheduled_start, x.scheduled_end,
       CASE WHEN x.start_year IS NOT NULL AND x.start_year = x.end_year
            THEN x.start_year || '/' || substr(x.start_year + 1, 3, 2) END AS financial_year,
       x.visibility
FROM (SELECT a.id AS assessment, a.title, a.kind, a.subject, a.programme, a.track, a.status,
             (SELECT group_concat(organisation, ', ')
                FROM (SELECT organisation FROM assessment_assessors
                      WHERE assessment = a.id ORDER BY position)) AS assessors,
             p.text AS scheduled_text,
             p.start_date AS scheduled_start,
             p.end_date AS scheduled_end,
             -- The UK financial year (1 April to 31 March) each end falls in, by its first year.
             CAST(strftime('%Y', p.start_date) AS INTEGER)
                 - (CAST(strftime('%m', p.start_date) AS INTEGER) < 4) AS start_year,
             CAST(strftime('%Y', p.end_date) AS INTEGER)
                 - (CAST(strftime('%m', p.end_date) AS INTEGER) < 4) AS end_year,
             a.visibility
      FROM assessments a
      LEFT JOIN date_text_periods p ON p.date_text = a.scheduled) x;
)sql";

constexpr Migration steps[] = {
    {0, schema_v1},
    {1, schema_v2},
};

int user_version(sqlite3* connection, const std::string& path) {
    Statement statement(connection, "PRAGMA user_version", path);
    statement.step();
    return static_cast<int>(statement.integer(0));
}

} // namespace

std::span<const Migration> migrations() {
    return steps;
}

void migrate(sqlite3* connection, std::span<const Migration> steps, const std::string& path) {
    const int target = steps.empty() ? 0 : steps.back().from + 1;
    if (user_version(connection, path) == target) {
        return;
    }
    Transaction transaction(connection, path, Transaction::Kind::write);
    // Read again under the write lock: another process may have migrated it meanwhile.
    int version = user_version(connection, path);
    if (version > target) {
        throw DatabaseError(DatabaseFailure::newer_version, path,
                            "the store has schema version " + std::to_string(version) +
                                ", newer than this bestvalue knows (" + std::to_string(target) +
                                "): use a newer bestvalue");
    }
    for (const Migration& step : steps) {
        if (step.from != version) {
            continue;
        }
        execute(connection, step.sql, path);
        ++version;
        // PRAGMA takes no parameters; the value is a number made here, not outside text.
        const std::string set_version = "PRAGMA user_version = " + std::to_string(version);
        execute(connection, set_version.c_str(), path);
    }
    if (version != target) {
        throw DatabaseError(DatabaseFailure::not_a_store, path,
                            "no migration leads from schema version " + std::to_string(version));
    }
    const std::string set_id = "PRAGMA application_id = " + std::to_string(database_application_id);
    execute(connection, set_id.c_str(), path);
    transaction.commit();
}

namespace {

// The built-in rows as the reference tables keep them. Empty text is NULL in the file and
// reads back empty, so rows compare as written.
using LevelRow =
    std::tuple<std::string, std::string, std::int64_t, std::string, std::string, double>;
using TermRow =
    std::tuple<std::string, std::int64_t, std::string, std::string, std::string, std::string>;

std::vector<LevelRow> builtin_level_rows() {
    std::vector<LevelRow> rows;
    for (const auto& scale : builtin_scales()) {
        for (std::size_t position = 0; position < scale.levels.size(); ++position) {
            const auto& level = scale.levels[position];
            rows.emplace_back(scale.id, scale.name, static_cast<std::int64_t>(position), level.code,
                              level.label, level.value);
        }
    }
    return rows;
}

std::vector<TermRow> builtin_term_rows() {
    std::vector<TermRow> rows;
    for (const auto& vocabulary : builtin_vocabularies()) {
        for (std::size_t position = 0; position < vocabulary.terms.size(); ++position) {
            const auto& term = vocabulary.terms[position];
            rows.emplace_back(vocabulary.id, static_cast<std::int64_t>(position), term.term,
                              term.label, std::string(to_name(term.lifecycle)),
                              term.health ? std::string(to_name(*term.health)) : std::string());
        }
    }
    return rows;
}

} // namespace

void write_reference_rows(sqlite3* connection, const std::string& path) {
    const auto levels = builtin_level_rows();
    const auto terms = builtin_term_rows();
    const auto stored = [&] {
        std::vector<LevelRow> stored_levels;
        Statement level_rows(connection,
                             "SELECT scale, scale_name, position, code, label, value "
                             "FROM builtin_scale_levels ORDER BY scale, position",
                             path);
        while (level_rows.step()) {
            stored_levels.emplace_back(level_rows.text(0), level_rows.text(1),
                                       level_rows.integer(2), level_rows.text(3),
                                       level_rows.text(4), level_rows.real(5));
        }
        std::vector<TermRow> stored_terms;
        Statement term_rows(connection,
                            "SELECT vocabulary, position, term, label, lifecycle, health "
                            "FROM builtin_vocabulary_terms ORDER BY vocabulary, position",
                            path);
        while (term_rows.step()) {
            stored_terms.emplace_back(term_rows.text(0), term_rows.integer(1), term_rows.text(2),
                                      term_rows.text(3), term_rows.text(4), term_rows.text(5));
        }
        return std::pair(stored_levels, stored_terms);
    };
    auto sorted_levels = levels;
    std::sort(sorted_levels.begin(), sorted_levels.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<2>(b));
    });
    auto sorted_terms = terms;
    std::sort(sorted_terms.begin(), sorted_terms.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    {
        Transaction reading(connection, path, Transaction::Kind::read);
        const bool same = stored() == std::pair(sorted_levels, sorted_terms);
        reading.commit();
        if (same) {
            // Nothing to write: a writer's open leaves the file, and readers' view of it, as
            // they were.
            return;
        }
    }
    Transaction writing(connection, path, Transaction::Kind::write);
    execute(connection, "DELETE FROM builtin_scale_levels", path);
    execute(connection, "DELETE FROM builtin_vocabulary_terms", path);
    Statement insert_level(connection,
                           "INSERT INTO builtin_scale_levels (scale, scale_name, position, code, "
                           "label, value) VALUES (?, ?, ?, ?, ?, ?)",
                           path);
    for (const auto& [scale, name, position, code, label, value] : levels) {
        insert_level.run(scale, name, position, code, label, value);
    }
    Statement insert_term(connection,
                          "INSERT INTO builtin_vocabulary_terms (vocabulary, position, term, "
                          "label, lifecycle, health) VALUES (?, ?, ?, ?, ?, ?)",
                          path);
    for (const auto& [vocabulary, position, term, label, lifecycle, health] : terms) {
        insert_term.run(vocabulary, position, term, label, lifecycle, health);
    }
    writing.commit();
}

} // namespace bestvalue::detail
