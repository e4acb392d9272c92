#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <bestvalue/store.hpp>

#include "database_rows.hpp"
#include "sqlite.hpp"

namespace bestvalue::detail {

namespace {

// The names of EntityKind in the entities table, in the order of the enumeration.
constexpr std::string_view kind_names[] = {
    "document",   "organisation", "officer",        "service_area", "scale",   "vocabulary",
    "assessment", "rating",       "recommendation", "plan",         "section", "action",
};

std::string_view kind_name(EntityKind kind) {
    return kind_names[static_cast<std::size_t>(kind)];
}

// Writes rows through prepared statements, each prepared once per change. The SQL is only ever
// one of the literals below; every value is a bound parameter.
class RowWriter {
public:
    RowWriter(sqlite3* connection, const std::string& path)
        : connection_(connection)
        , path_(path) {}

    void write(const Document& d, std::optional<std::int64_t> seq, bool is_new) {
        record(d, EntityKind::document, is_new);
        sql("INSERT INTO documents (seq, id, visibility, title, organisation, meeting, date, "
            "author, contact, item, status, source) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .run(seq, d.id, d.visibility, d.title, d.organisation, d.meeting, d.date, d.author,
                 d.contact, d.item, d.status, d.source);
    }

    void write(const Organisation& o, std::optional<std::int64_t> seq, bool is_new) {
        record(o, EntityKind::organisation, is_new);
        sql("INSERT INTO organisations (seq, id, visibility, name, kind, start_date, end_date, "
            "successor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .run(seq, o.id, o.visibility, o.name, o.kind, o.start, o.end, o.successor);
        for (const auto& [scheme, code] : o.codes) {
            sql("INSERT INTO organisation_codes (organisation, scheme, code) VALUES (?1, ?2, ?3)")
                .run(o.id, scheme, code);
        }
    }

    void write(const Officer& o, std::optional<std::int64_t> seq, bool is_new) {
        record(o, EntityKind::officer, is_new);
        sql("INSERT INTO officers (seq, id, visibility, organisation, kind, post, abbreviation, "
            "unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .run(seq, o.id, o.visibility, o.organisation, o.kind, o.post, o.abbreviation, o.unit);
        for (std::size_t i = 0; i < o.holders.size(); ++i) {
            const auto& h = o.holders[i];
            sql("INSERT INTO officer_holders (officer, position, name, from_date, to_date) "
                "VALUES (?1, ?2, ?3, ?4, ?5)")
                .run(o.id, i, h.name, h.from, h.to);
        }
    }

    void write(const ServiceArea& s, std::optional<std::int64_t> seq, bool is_new) {
        record(s, EntityKind::service_area, is_new);
        sql("INSERT INTO service_areas (seq, id, visibility, name, parent) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
            .run(seq, s.id, s.visibility, s.name, s.parent);
    }

    void write(const Scale& s, std::optional<std::int64_t> seq, bool is_new) {
        record(s, EntityKind::scale, is_new);
        sql("INSERT INTO scales (seq, id, visibility, name) VALUES (?1, ?2, ?3, ?4)")
            .run(seq, s.id, s.visibility, s.name);
        for (std::size_t i = 0; i < s.levels.size(); ++i) {
            const auto& l = s.levels[i];
            sql("INSERT INTO scale_levels (scale, position, code, label, value) "
                "VALUES (?1, ?2, ?3, ?4, ?5)")
                .run(s.id, i, l.code, l.label, l.value);
        }
    }

    void write(const StatusVocabulary& v, std::optional<std::int64_t> seq, bool is_new) {
        record(v, EntityKind::vocabulary, is_new);
        sql("INSERT INTO vocabularies (seq, id, visibility, name) VALUES (?1, ?2, ?3, ?4)")
            .run(seq, v.id, v.visibility, v.name);
        for (std::size_t i = 0; i < v.terms.size(); ++i) {
            const auto& t = v.terms[i];
            sql("INSERT INTO vocabulary_terms (vocabulary, position, term, label, lifecycle, "
                "health) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .run(v.id, i, t.term, t.label, t.lifecycle, t.health);
        }
    }

    void write(const Assessment& a, std::optional<std::int64_t> seq, bool is_new) {
        record(a, EntityKind::assessment, is_new);
        const auto scheduled = date_text(a.scheduled);
        const auto actual = date_text(a.actual);
        sql("INSERT INTO assessments (seq, id, visibility, title, kind, subject, programme, "
            "track, scheduled, actual, status, description) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .run(seq, a.id, a.visibility, a.title, a.kind, a.subject, a.programme, a.track,
                 scheduled, actual, a.status, a.description);
        for (std::size_t i = 0; i < a.assessors.size(); ++i) {
            sql("INSERT INTO assessment_assessors (assessment, position, organisation) "
                "VALUES (?1, ?2, ?3)")
                .run(a.id, i, a.assessors[i]);
        }
        for (std::size_t i = 0; i < a.service_areas.size(); ++i) {
            sql("INSERT INTO assessment_service_areas (assessment, position, service_area) "
                "VALUES (?1, ?2, ?3)")
                .run(a.id, i, a.service_areas[i]);
        }
        for (std::size_t i = 0; i < a.markers.size(); ++i) {
            sql("INSERT INTO assessment_markers (assessment, position, marker) "
                "VALUES (?1, ?2, ?3)")
                .run(a.id, i, a.markers[i]);
        }
        const auto officers = [&](std::string_view role, const std::vector<std::string>& ids) {
            for (std::size_t i = 0; i < ids.size(); ++i) {
                sql("INSERT INTO assessment_officers (assessment, role, position, officer) "
                    "VALUES (?1, ?2, ?3, ?4)")
                    .run(a.id, role, i, ids[i]);
            }
        };
        officers("responsible", a.responsible_officers);
        officers("challenge", a.challenge_officers);
    }

    void write(const Rating& r, std::optional<std::int64_t> seq, bool is_new) {
        record(r, EntityKind::rating, is_new);
        sql("INSERT INTO ratings (seq, id, visibility, scale, level, subject, service_area, "
            "component, date, assessment, text) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
            .run(seq, r.id, r.visibility, r.scale, r.level, r.subject, r.service_area, r.component,
                 r.date, r.assessment, r.text);
    }

    void write(const Recommendation& r, std::optional<std::int64_t> seq, bool is_new) {
        record(r, EntityKind::recommendation, is_new);
        sql("INSERT INTO recommendations (seq, id, visibility, number, text, source, source_tag, "
            "priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .run(seq, r.id, r.visibility, r.number, r.text, r.source, r.source_tag, r.priority);
    }

    void write(const Plan& p, std::optional<std::int64_t> seq, bool is_new) {
        record(p, EntityKind::plan, is_new);
        const auto horizon = date_text(p.horizon);
        sql("INSERT INTO plans (seq, id, visibility, title, organisation, kind, status, adopted, "
            "horizon, cadence, audience, scope, vocabulary) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
            .run(seq, p.id, p.visibility, p.title, p.organisation, p.kind, p.status, p.adopted,
                 horizon, p.cadence, p.audience, p.scope, p.vocabulary);
        for (std::size_t i = 0; i < p.versions.size(); ++i) {
            const auto& v = p.versions[i];
            sql("INSERT INTO plan_versions (plan, position, number, review_date, issues, amended, "
                "approved_by, amendment_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .run(p.id, i, v.number, v.review_date, v.issues, v.amended, v.approved_by,
                     v.amendment_date);
        }
        for (std::size_t i = 0; i < p.targets.size(); ++i) {
            const auto& t = p.targets[i];
            const auto due = date_text(t.due);
            sql("INSERT INTO plan_targets (plan, position, text, scale, level, due) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .run(p.id, i, t.text, t.scale, t.level, due);
        }
        for (std::size_t i = 0; i < p.legend.size(); ++i) {
            sql("INSERT INTO plan_legend (plan, position, abbreviation, meaning) "
                "VALUES (?1, ?2, ?3, ?4)")
                .run(p.id, i, p.legend[i].abbreviation, p.legend[i].meaning);
        }
        for (std::size_t i = 0; i < p.addresses.size(); ++i) {
            sql("INSERT INTO plan_addresses (plan, position, recommendation) VALUES (?1, ?2, ?3)")
                .run(p.id, i, p.addresses[i]);
        }
        for (std::size_t i = 0; i < p.sections.size(); ++i) {
            const auto& s = p.sections[i];
            record(s, EntityKind::section, true);
            sql("INSERT INTO sections (id, plan, position, visibility, ref, title, objective, "
                "parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .run(s.id, p.id, i, s.visibility, s.ref, s.title, s.objective, s.parent);
        }
    }

    // `kept`: the due revisions already in the file, which are never written again.
    void write(const ActionView& a, std::optional<std::int64_t> seq, bool is_new,
               std::size_t kept = 0) {
        const std::string_view id = a.id();
        record(id, a.cites(), a.notes(), EntityKind::action, is_new);
        const auto due = date_text(a.due());
        const IctRequirement* ict = a.ict();
        sql("INSERT INTO actions (seq, id, visibility, plan, section, ref, title, text, due, "
            "due_end, outcome, resources, funding, has_ict, ict_text, ict_required) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
            .run(seq, id, a.visibility(), a.plan(), a.section(), a.ref(), a.title(), a.text(), due,
                 a.due_end(), a.outcome(), a.resources(), a.funding(), ict != nullptr,
                 ict != nullptr ? std::optional<std::string_view>(ict->text) : std::nullopt,
                 ict != nullptr ? ict->required : std::nullopt);
        const auto officers = [&](std::string_view role, const TextList& ids) {
            for (std::size_t i = 0; i < ids.size(); ++i) {
                sql("INSERT INTO action_officers (action, role, position, officer) "
                    "VALUES (?1, ?2, ?3, ?4)")
                    .run(id, role, i, ids[i]);
            }
        };
        officers("lead", a.leads());
        officers("delivery", a.delivery());
        const TextList addresses = a.addresses();
        for (std::size_t i = 0; i < addresses.size(); ++i) {
            sql("INSERT INTO action_addresses (action, position, recommendation) "
                "VALUES (?1, ?2, ?3)")
                .run(id, i, addresses[i]);
        }
        const TextList tags = a.source_tags();
        for (std::size_t i = 0; i < tags.size(); ++i) {
            sql("INSERT INTO action_source_tags (action, position, tag) VALUES (?1, ?2, ?3)")
                .run(id, i, tags[i]);
        }
        const auto milestones = a.milestones();
        for (std::size_t m = 0; m < milestones.size(); ++m) {
            const auto& milestone = milestones[m];
            const auto milestone_due = date_text(milestone.due);
            sql("INSERT INTO milestones (action, position, title, due) VALUES (?1, ?2, ?3, ?4)")
                .run(id, m, milestone.title, milestone_due);
            for (std::size_t i = 0; i < milestone.leads.size(); ++i) {
                sql("INSERT INTO milestone_leads (action, milestone, position, officer) "
                    "VALUES (?1, ?2, ?3, ?4)")
                    .run(id, m, i, milestone.leads[i]);
            }
        }
        const auto revisions = a.due_revisions();
        for (std::size_t i = kept; i < revisions.size(); ++i) {
            const auto& r = revisions[i];
            const auto revised = date_text(r.due);
            sql("INSERT INTO due_revisions (action, position, revised_on, due, reason, "
                "approved_by, approved_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .run(id, i, r.revised_on, revised, r.reason, r.approved_by, r.approved_on);
        }
    }

    void append(const ProgressUpdateView& u) {
        sql("INSERT INTO progress (subject, as_of, recorded, status, lifecycle, health, percent, "
            "narrative, author, visibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
            .run(u.subject, u.as_of, u.recorded, u.status, u.lifecycle, u.health, u.percent,
                 u.narrative, u.author, u.visibility);
        const std::int64_t seq = sqlite3_last_insert_rowid(connection_);
        for (std::size_t i = 0; i < u.cites.size(); ++i) {
            sql("INSERT INTO progress_cites (progress, position, document, paragraph) "
                "VALUES (?1, ?2, ?3, ?4)")
                .run(seq, i, u.cites[i].document, u.cites[i].paragraph);
        }
        for (std::size_t i = 0; i < u.notes.size(); ++i) {
            sql("INSERT INTO progress_notes (progress, position, note) VALUES (?1, ?2, ?3)")
                .run(seq, i, u.notes[i]);
        }
    }

    // Takes out the rows of a stored entity that `write` will put back (history excepted),
    // and gives the place it had in its table's order.
    std::optional<std::int64_t> remove(const Document& d) {
        return take_seq("SELECT seq FROM documents WHERE id = ?1",
                        "DELETE FROM documents WHERE id = ?1", d.id);
    }
    std::optional<std::int64_t> remove(const Organisation& o) {
        sql("DELETE FROM organisation_codes WHERE organisation = ?1").run(o.id);
        return take_seq("SELECT seq FROM organisations WHERE id = ?1",
                        "DELETE FROM organisations WHERE id = ?1", o.id);
    }
    std::optional<std::int64_t> remove(const Officer& o) {
        sql("DELETE FROM officer_holders WHERE officer = ?1").run(o.id);
        return take_seq("SELECT seq FROM officers WHERE id = ?1",
                        "DELETE FROM officers WHERE id = ?1", o.id);
    }
    std::optional<std::int64_t> remove(const ServiceArea& s) {
        return take_seq("SELECT seq FROM service_areas WHERE id = ?1",
                        "DELETE FROM service_areas WHERE id = ?1", s.id);
    }
    std::optional<std::int64_t> remove(const Scale& s) {
        sql("DELETE FROM scale_levels WHERE scale = ?1").run(s.id);
        return take_seq("SELECT seq FROM scales WHERE id = ?1", "DELETE FROM scales WHERE id = ?1",
                        s.id);
    }
    std::optional<std::int64_t> remove(const StatusVocabulary& v) {
        sql("DELETE FROM vocabulary_terms WHERE vocabulary = ?1").run(v.id);
        return take_seq("SELECT seq FROM vocabularies WHERE id = ?1",
                        "DELETE FROM vocabularies WHERE id = ?1", v.id);
    }
    std::optional<std::int64_t> remove(const Assessment& a) {
        sql("DELETE FROM date_texts WHERE date_text IN (SELECT scheduled FROM assessments WHERE "
            "id = ?1 UNION ALL SELECT actual FROM assessments WHERE id = ?1)")
            .run(a.id);
        sql("DELETE FROM assessment_assessors WHERE assessment = ?1").run(a.id);
        sql("DELETE FROM assessment_service_areas WHERE assessment = ?1").run(a.id);
        sql("DELETE FROM assessment_markers WHERE assessment = ?1").run(a.id);
        sql("DELETE FROM assessment_officers WHERE assessment = ?1").run(a.id);
        return take_seq("SELECT seq FROM assessments WHERE id = ?1",
                        "DELETE FROM assessments WHERE id = ?1", a.id);
    }
    std::optional<std::int64_t> remove(const Rating& r) {
        return take_seq("SELECT seq FROM ratings WHERE id = ?1",
                        "DELETE FROM ratings WHERE id = ?1", r.id);
    }
    std::optional<std::int64_t> remove(const Recommendation& r) {
        return take_seq("SELECT seq FROM recommendations WHERE id = ?1",
                        "DELETE FROM recommendations WHERE id = ?1", r.id);
    }
    // `stored`: the plan as the file holds it, whose sections go (they come back with `write`).
    std::optional<std::int64_t> remove(const Plan& stored) {
        sql("DELETE FROM date_texts WHERE date_text IN (SELECT horizon FROM plans WHERE id = ?1 "
            "UNION ALL SELECT due FROM plan_targets WHERE plan = ?1)")
            .run(stored.id);
        sql("DELETE FROM plan_versions WHERE plan = ?1").run(stored.id);
        sql("DELETE FROM plan_targets WHERE plan = ?1").run(stored.id);
        sql("DELETE FROM plan_legend WHERE plan = ?1").run(stored.id);
        sql("DELETE FROM plan_addresses WHERE plan = ?1").run(stored.id);
        for (const auto& section : stored.sections) {
            forget(section.id);
        }
        sql("DELETE FROM sections WHERE plan = ?1").run(stored.id);
        return take_seq("SELECT seq FROM plans WHERE id = ?1", "DELETE FROM plans WHERE id = ?1",
                        stored.id);
    }
    std::optional<std::int64_t> remove(const ActionView& a) {
        const std::string_view id = a.id();
        sql("DELETE FROM date_texts WHERE date_text IN (SELECT due FROM actions WHERE id = ?1 "
            "UNION ALL SELECT due FROM milestones WHERE action = ?1)")
            .run(id);
        sql("DELETE FROM action_officers WHERE action = ?1").run(id);
        sql("DELETE FROM action_addresses WHERE action = ?1").run(id);
        sql("DELETE FROM action_source_tags WHERE action = ?1").run(id);
        sql("DELETE FROM milestone_leads WHERE action = ?1").run(id);
        sql("DELETE FROM milestones WHERE action = ?1").run(id);
        return take_seq("SELECT seq FROM actions WHERE id = ?1",
                        "DELETE FROM actions WHERE id = ?1", id);
    }

private:
    Statement& sql(std::string_view text) {
        auto found = statements_.find(text);
        if (found == statements_.end()) {
            found = statements_.try_emplace(text, connection_, text, path_).first;
        }
        return found->second;
    }

    // The common rows: the id in `entities` (once), and the citations and notes.
    // The rows every entity has, however it is held: its id, citations and notes.
    void record(std::string_view id, std::span<const Citation> cites,
                std::span<const std::string> notes, EntityKind kind, bool is_new) {
        if (is_new) {
            sql("INSERT INTO entities (id, kind) VALUES (?1, ?2)").run(id, kind_name(kind));
        } else {
            sql("DELETE FROM cites WHERE entity = ?1").run(id);
            sql("DELETE FROM notes WHERE entity = ?1").run(id);
        }
        for (std::size_t i = 0; i < cites.size(); ++i) {
            sql("INSERT INTO cites (entity, position, document, paragraph) "
                "VALUES (?1, ?2, ?3, ?4)")
                .run(id, i, cites[i].document, cites[i].paragraph);
        }
        for (std::size_t i = 0; i < notes.size(); ++i) {
            sql("INSERT INTO notes (entity, position, note) VALUES (?1, ?2, ?3)")
                .run(id, i, notes[i]);
        }
    }

    void record(const Record& r, EntityKind kind, bool is_new) {
        record(r.id, r.cites, r.notes, kind, is_new);
    }

    // Takes out an id and its citations and notes altogether (a section of a replaced plan).
    void forget(const std::string& id) {
        sql("DELETE FROM cites WHERE entity = ?1").run(id);
        sql("DELETE FROM notes WHERE entity = ?1").run(id);
        sql("DELETE FROM entities WHERE id = ?1").run(id);
    }

    std::optional<std::int64_t> date_text(const std::optional<DateText>& text) {
        if (!text) {
            return std::nullopt;
        }
        return date_text(*text);
    }

    std::int64_t date_text(const DateText& t) {
        const auto& r = t.recurrence;
        sql("INSERT INTO date_texts (text, done, reason, recurrence_frequency, recurrence_month, "
            "recurrence_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .run(t.text, t.done, t.reason, r ? std::optional(r->frequency) : std::nullopt,
                 r ? r->month : std::nullopt,
                 r ? std::optional<std::string>(r->text) : std::nullopt);
        const std::int64_t id = sqlite3_last_insert_rowid(connection_);
        for (std::size_t i = 0; i < t.periods.size(); ++i) {
            const auto& p = t.periods[i];
            sql("INSERT INTO date_text_periods (date_text, position, start_date, end_date, "
                "precision, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .run(id, i, p.has_open_start() ? std::nullopt : std::optional(p.start()), p.end(),
                     p.precision(), p.text());
        }
        for (std::size_t i = 0; i < t.unread.size(); ++i) {
            sql("INSERT INTO date_text_unread (date_text, position, text) VALUES (?1, ?2, ?3)")
                .run(id, i, t.unread[i]);
        }
        return id;
    }

    std::optional<std::int64_t> take_seq(std::string_view select, std::string_view remove,
                                         std::string_view id) {
        Statement& find = sql(select).with(id);
        std::optional<std::int64_t> seq;
        if (find.step()) {
            seq = find.integer(0);
        }
        find.reset();
        sql(remove).run(id);
        return seq;
    }

    sqlite3* connection_;
    const std::string& path_;
    std::unordered_map<std::string_view, Statement> statements_;
};

// The new tail of one collection.
template <typename Entities>
void write_added(RowWriter& writer, std::size_t before, const Entities& after) {
    for (std::size_t i = before; i < after.size(); ++i) {
        writer.write(after[i], std::nullopt, true);
    }
}

// The replaced entities of one collection, written as `after` holds them.
template <typename Entity, typename Find>
void write_replaced(RowWriter& writer, const std::vector<Entity>& replaced, Find&& find) {
    for (const auto& given : replaced) {
        const Entity* stored = find(given.id);
        if (stored != nullptr) {
            const auto seq = writer.remove(*stored);
            writer.write(*stored, seq, false);
        }
    }
}

} // namespace

void write_changes(sqlite3* connection, const std::string& path, const Store::PendingChange& change,
                   const Store& after, const Contents& replaced) {
    RowWriter writer(connection, path);
    const auto& before = change.sizes_before();
    write_added(writer, before[0], after.documents());
    write_added(writer, before[1], after.organisations());
    write_added(writer, before[2], after.officers());
    write_added(writer, before[3], after.service_areas());
    write_added(writer, before[4], after.scales());
    write_added(writer, before[5], after.vocabularies());
    write_added(writer, before[6], after.assessments());
    write_added(writer, before[7], after.ratings());
    write_added(writer, before[8], after.recommendations());
    write_added(writer, before[9], after.plans());
    write_added(writer, before[10], after.actions());

    write_replaced(writer, replaced.documents,
                   [&](std::string_view id) { return after.find_document(id); });
    write_replaced(writer, replaced.organisations,
                   [&](std::string_view id) { return after.find_organisation(id); });
    write_replaced(writer, replaced.officers,
                   [&](std::string_view id) { return after.find_officer(id); });
    write_replaced(writer, replaced.service_areas,
                   [&](std::string_view id) { return after.find_service_area(id); });
    write_replaced(writer, replaced.scales,
                   [&](std::string_view id) { return after.find_scale(id); });
    write_replaced(writer, replaced.vocabularies,
                   [&](std::string_view id) { return after.find_vocabulary(id); });
    write_replaced(writer, replaced.assessments,
                   [&](std::string_view id) { return after.find_assessment(id); });
    write_replaced(writer, replaced.ratings,
                   [&](std::string_view id) { return after.find_rating(id); });
    write_replaced(writer, replaced.recommendations,
                   [&](std::string_view id) { return after.find_recommendation(id); });
    // A plan's rows go as the file holds them (its old sections), and come back as replaced.
    for (const auto& given : replaced.plans) {
        const Plan* stored = change.previous_plan(given.id);
        const Plan* now_plan = after.find_plan(given.id);
        if (stored != nullptr && now_plan != nullptr) {
            const auto seq = writer.remove(*stored);
            writer.write(*now_plan, seq, false);
        }
    }
    for (const auto& given : replaced.actions) {
        const auto stored = change.previous_action(given.id);
        const auto now_action = after.find_action(given.id);
        if (stored && now_action) {
            const auto seq = writer.remove(*stored);
            writer.write(*now_action, seq, false, stored->due_revisions().size());
        }
    }
    const ProgressLog& progress = after.progress();
    for (std::size_t i = before[11]; i < progress.size(); ++i) {
        writer.append(progress[i]);
    }
}

} // namespace bestvalue::detail
