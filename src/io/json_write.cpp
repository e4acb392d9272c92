#include <charconv>
#include <cmath>
#include <fstream>
#include <span>

#include <bestvalue/error.hpp>
#include <bestvalue/io/json.hpp>

namespace bestvalue {

namespace {

// Writes canonical JSON: two-space indentation, members in the order given, every array
// element and member on its own line, strings with only the escapes JSON requires.
class CanonicalWriter {
public:
    std::string release() && {
        out_ += '\n';
        return std::move(out_);
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // Starts a member; the next value written is its value.
    void key(std::string_view name) {
        next_item();
        quoted(name);
        out_ += ": ";
        after_key_ = true;
    }

    void string(std::string_view text) {
        next_value();
        quoted(text);
    }

    void quoted(std::string_view text) {
        out_ += '"';
        for (const char c : text) {
            switch (c) {
            case '"':
                out_ += "\\\"";
                break;
            case '\\':
                out_ += "\\\\";
                break;
            case '\n':
                out_ += "\\n";
                break;
            case '\r':
                out_ += "\\r";
                break;
            case '\t':
                out_ += "\\t";
                break;
            case '\b':
                out_ += "\\b";
                break;
            case '\f':
                out_ += "\\f";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += hex[(c >> 4) & 0xF];
                    out_ += hex[c & 0xF];
                } else {
                    out_ += c;
                }
            }
        }
        out_ += '"';
    }

    void boolean(bool value) {
        next_value();
        out_ += value ? "true" : "false";
    }

    // Whole numbers are written without a fraction; others in the shortest form that reads
    // back to the same double.
    void number(double value) {
        next_value();
        char buffer[32];
        const bool whole =
            std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15;
        const auto result =
            whole ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(value))
                  : std::to_chars(buffer, buffer + sizeof buffer, value);
        out_.append(buffer, result.ptr);
    }

    // --- members that are left out when empty or at their default ---------------------------

    void text(std::string_view name, std::string_view value) {
        if (!value.empty()) {
            key(name);
            string(value);
        }
    }

    void date(std::string_view name, const std::optional<Date>& value) {
        if (value) {
            key(name);
            string(to_iso(*value));
        }
    }

    // `values`: any range of texts (strings, or a `TextList`).
    template <typename Texts>
    void strings(std::string_view name, const Texts& values) {
        if (values.empty()) {
            return;
        }
        key(name);
        begin_array();
        for (const auto& value : values) {
            string(value);
        }
        end_array();
    }

    template <typename Enum>
    void enumeration(std::string_view name, const std::optional<Enum>& value) {
        if (value) {
            key(name);
            string(to_name(*value));
        }
    }

    template <typename Items, typename Write>
    void list(std::string_view name, const Items& items, Write write) {
        if (items.empty()) {
            return;
        }
        key(name);
        begin_array();
        for (const auto& item : items) {
            begin_object();
            write(item);
            end_object();
        }
        end_array();
    }

private:
    void open(char bracket) {
        next_value();
        out_ += bracket;
        empty_.push_back(true);
    }

    void close(char bracket) {
        const bool empty = empty_.back();
        empty_.pop_back();
        if (!empty) {
            newline();
        }
        out_ += bracket;
    }

    // Before a value: inside an array, a value is an item of its own.
    void next_value() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!empty_.empty()) {
            next_item();
        }
    }

    void next_item() {
        if (!empty_.back()) {
            out_ += ',';
        }
        empty_.back() = false;
        newline();
    }

    void newline() {
        out_ += '\n';
        out_.append(2 * empty_.size(), ' ');
    }

    std::string out_;
    std::vector<bool> empty_; // per open container: nothing written in it yet
    bool after_key_ = false;
};

void write_record_head(CanonicalWriter& out, const Record& record) {
    out.text("id", record.id);
}

// The fields every record ends with, however it is held.
void write_record_tail(CanonicalWriter& out, Visibility visibility, std::span<const Citation> cites,
                       std::span<const std::string> notes) {
    if (visibility != Visibility::public_) {
        out.key("visibility");
        out.string(to_name(visibility));
    }
    out.list("cites", cites, [&](const Citation& cite) {
        out.text("document", cite.document);
        out.text("paragraph", cite.paragraph);
    });
    out.strings("notes", notes);
}

void write_record_tail(CanonicalWriter& out, const Record& record) {
    write_record_tail(out, record.visibility, record.cites, record.notes);
}

// `reading`, if not null, as the object `name`.
void write_date_text(CanonicalWriter& out, std::string_view name, const DateText* reading) {
    if (reading == nullptr) {
        return;
    }
    out.key(name);
    out.begin_object();
    out.key("text");
    out.string(reading->text);
    out.list("periods", reading->periods, [&](const Period& period) {
        if (!period.has_open_start()) {
            out.key("start");
            out.string(to_iso(period.start()));
        }
        out.key("end");
        out.string(to_iso(period.end()));
        out.key("precision");
        out.string(to_string(period.precision()));
        out.text("text", period.text());
    });
    if (reading->recurrence) {
        out.key("recurrence");
        out.begin_object();
        out.key("frequency");
        out.string(to_string(reading->recurrence->frequency));
        if (reading->recurrence->month) {
            out.key("month");
            out.number(*reading->recurrence->month);
        }
        out.text("text", reading->recurrence->text);
        out.end_object();
    }
    if (reading->done) {
        out.key("done");
        out.boolean(true);
    }
    out.strings("unread", reading->unread);
    out.end_object();
}

void write_date_text(CanonicalWriter& out, std::string_view name, const DateText& reading) {
    write_date_text(out, name, &reading);
}

void write_date_text(CanonicalWriter& out, std::string_view name,
                     const std::optional<DateText>& reading) {
    write_date_text(out, name, reading ? &*reading : nullptr);
}

// Reads the store's collections in place: its progress updates are not a Contents' vector.
// The collections go in the order the reader reads them (`collection_names` in json_read.cpp),
// which a large document's reading counts on to take a member not yet found for absent.
void write_contents(CanonicalWriter& out, const Store& store) {
    out.begin_object();
    out.key("bestvalue");
    out.string("1");
    out.list("documents", store.documents(), [&](const Document& document) {
        write_record_head(out, document);
        out.text("title", document.title);
        out.text("organisation", document.organisation);
        out.text("meeting", document.meeting);
        out.date("date", document.date);
        out.text("author", document.author);
        out.text("contact", document.contact);
        out.text("item", document.item);
        out.text("status", document.status);
        out.text("source", document.source);
        write_record_tail(out, document);
    });
    out.list("organisations", store.organisations(), [&](const Organisation& organisation) {
        write_record_head(out, organisation);
        out.text("name", organisation.name);
        out.enumeration("kind", std::optional(organisation.kind));
        if (!organisation.codes.empty()) {
            out.key("codes");
            out.begin_object();
            for (const auto& [scheme, code] : organisation.codes) {
                out.key(scheme);
                out.string(code);
            }
            out.end_object();
        }
        out.date("start", organisation.start);
        out.date("end", organisation.end);
        out.text("successor", organisation.successor);
        write_record_tail(out, organisation);
    });
    out.list("officers", store.officers(), [&](const Officer& officer) {
        write_record_head(out, officer);
        out.text("organisation", officer.organisation);
        if (officer.kind != OfficerKind::post) {
            out.enumeration("kind", std::optional(officer.kind));
        }
        out.text("post", officer.post);
        out.text("abbreviation", officer.abbreviation);
        out.text("unit", officer.unit);
        out.list("holders", officer.holders, [&](const PostHolder& holder) {
            out.text("name", holder.name);
            out.date("from", holder.from);
            out.date("to", holder.to);
        });
        write_record_tail(out, officer);
    });
    out.list("service_areas", store.service_areas(), [&](const ServiceArea& area) {
        write_record_head(out, area);
        out.text("name", area.name);
        out.text("parent", area.parent);
        write_record_tail(out, area);
    });
    out.list("scales", store.scales(), [&](const Scale& scale) {
        write_record_head(out, scale);
        out.text("name", scale.name);
        out.list("levels", scale.levels, [&](const ScaleLevel& level) {
            out.text("code", level.code);
            out.text("label", level.label);
            out.key("value");
            out.number(level.value);
        });
        write_record_tail(out, scale);
    });
    out.list("vocabularies", store.vocabularies(), [&](const StatusVocabulary& vocabulary) {
        write_record_head(out, vocabulary);
        out.text("name", vocabulary.name);
        out.list("terms", vocabulary.terms, [&](const StatusTerm& term) {
            out.text("term", term.term);
            out.text("label", term.label);
            out.enumeration("lifecycle", std::optional(term.lifecycle));
            out.enumeration("health", term.health);
        });
        write_record_tail(out, vocabulary);
    });
    out.list("assessments", store.assessments(), [&](const Assessment& assessment) {
        write_record_head(out, assessment);
        out.text("title", assessment.title);
        out.enumeration("kind", std::optional(assessment.kind));
        out.strings("assessors", assessment.assessors);
        out.text("subject", assessment.subject);
        out.strings("service_areas", assessment.service_areas);
        out.text("programme", assessment.programme);
        out.enumeration("track", assessment.track);
        write_date_text(out, "scheduled", assessment.scheduled);
        write_date_text(out, "actual", assessment.actual);
        out.enumeration("status", assessment.status);
        out.strings("markers", assessment.markers);
        out.strings("responsible_officers", assessment.responsible_officers);
        out.strings("challenge_officers", assessment.challenge_officers);
        out.text("description", assessment.description);
        write_record_tail(out, assessment);
    });
    out.list("ratings", store.ratings(), [&](const Rating& rating) {
        write_record_head(out, rating);
        out.text("scale", rating.scale);
        out.text("level", rating.level);
        out.text("subject", rating.subject);
        out.text("service_area", rating.service_area);
        out.text("component", rating.component);
        out.date("date", rating.date);
        out.text("assessment", rating.assessment);
        out.text("text", rating.text);
        write_record_tail(out, rating);
    });
    out.list("recommendations", store.recommendations(), [&](const Recommendation& item) {
        write_record_head(out, item);
        out.text("number", item.number);
        out.text("text", item.text);
        out.text("source", item.source);
        out.text("source_tag", item.source_tag);
        out.text("priority", item.priority);
        write_record_tail(out, item);
    });
    out.list("plans", store.plans(), [&](const Plan& plan) {
        write_record_head(out, plan);
        out.text("title", plan.title);
        out.text("organisation", plan.organisation);
        out.enumeration("kind", std::optional(plan.kind));
        out.enumeration("status", plan.status);
        out.date("adopted", plan.adopted);
        write_date_text(out, "horizon", plan.horizon);
        out.text("cadence", plan.cadence);
        out.text("audience", plan.audience);
        out.text("scope", plan.scope);
        if (plan.vocabulary != "rag") {
            out.text("vocabulary", plan.vocabulary);
        }
        out.list("versions", plan.versions, [&](const PlanVersion& version) {
            out.text("number", version.number);
            out.date("review_date", version.review_date);
            out.text("issues", version.issues);
            out.text("amended", version.amended);
            out.text("approved_by", version.approved_by);
            out.date("amendment_date", version.amendment_date);
        });
        out.list("targets", plan.targets, [&](const PlanTarget& target) {
            out.text("text", target.text);
            out.text("scale", target.scale);
            out.text("level", target.level);
            write_date_text(out, "due", target.due);
        });
        out.list("legend", plan.legend, [&](const LegendEntry& entry) {
            out.text("abbreviation", entry.abbreviation);
            out.text("meaning", entry.meaning);
        });
        out.list("sections", plan.sections, [&](const Section& section) {
            write_record_head(out, section);
            out.text("ref", section.ref);
            out.text("title", section.title);
            out.text("objective", section.objective);
            out.text("parent", section.parent);
            write_record_tail(out, section);
        });
        out.strings("addresses", plan.addresses);
        write_record_tail(out, plan);
    });
    out.list("actions", store.actions(), [&](const ActionView& action) {
        out.text("id", action.id());
        out.text("plan", action.plan());
        out.text("section", action.section());
        out.text("ref", action.ref());
        out.text("title", action.title());
        out.text("text", action.text());
        out.strings("leads", action.leads());
        out.strings("delivery", action.delivery());
        write_date_text(out, "due", action.due());
        out.list("due_revisions", action.due_revisions(), [&](const DueRevision& revision) {
            out.date("revised_on", revision.revised_on);
            write_date_text(out, "due", revision.due);
            out.text("reason", revision.reason);
            out.text("approved_by", revision.approved_by);
            out.date("approved_on", revision.approved_on);
        });
        out.list("milestones", action.milestones(), [&](const Milestone& milestone) {
            out.text("title", milestone.title);
            write_date_text(out, "due", milestone.due);
            out.strings("leads", milestone.leads);
        });
        out.text("outcome", action.outcome());
        out.text("resources", action.resources());
        out.text("funding", action.funding());
        if (const IctRequirement* ict = action.ict()) {
            out.key("ict");
            out.begin_object();
            out.text("text", ict->text);
            if (ict->required) {
                out.key("required");
                out.boolean(*ict->required);
            }
            out.end_object();
        }
        out.strings("addresses", action.addresses());
        out.strings("source_tags", action.source_tags());
        write_record_tail(out, action.visibility(), action.cites(), action.notes());
    });
    out.list("progress", store.progress(), [&](const ProgressUpdateView& update) {
        out.text("subject", update.subject);
        out.date("as_of", update.as_of);
        out.date("recorded", update.recorded);
        out.text("status", update.status);
        out.enumeration("lifecycle", update.lifecycle);
        out.enumeration("health", update.health);
        if (update.percent) {
            out.key("percent");
            out.number(*update.percent);
        }
        out.text("narrative", update.narrative);
        out.text("author", update.author);
        if (update.visibility != Visibility::public_) {
            out.key("visibility");
            out.string(to_name(update.visibility));
        }
        out.list("cites", update.cites, [&](const Citation& cite) {
            out.text("document", cite.document);
            out.text("paragraph", cite.paragraph);
        });
        out.strings("notes", update.notes);
    });
    out.end_object();
}

} // namespace

std::string write_json(const Store& store) {
    CanonicalWriter out;
    write_contents(out, store);
    return std::move(out).release();
}

void save_json_file(const Store& store, const std::filesystem::path& path) {
    const std::string text = write_json(store);
    // Write beside the target and rename over it, so a failed save never leaves half a file.
    std::filesystem::path partial = path;
    partial += ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file || !file.write(text.data(), static_cast<std::streamsize>(text.size())) ||
            !file.flush()) {
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            throw Error("cannot write '" + path.string() + "'");
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) {
        std::filesystem::remove(partial, error);
        throw Error("cannot replace '" + path.string() + "': " + error.message());
    }
}

} // namespace bestvalue
