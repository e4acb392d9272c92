#include <bestvalue/model/scale.hpp>

namespace bestvalue {

const ScaleLevel* Scale::find_level(std::string_view code) const noexcept {
    for (const auto& level : levels) {
        if (level.code == code) {
            return &level;
        }
    }
    return nullptr;
}

namespace {

Scale make_scale(std::string id, std::string name, std::vector<ScaleLevel> levels) {
    Scale scale;
    scale.id = std::move(id);
    scale.name = std::move(name);
    scale.levels = std::move(levels);
    return scale;
}

// Numbered levels 'first'…'last', labelled as the Audit Commission wrote them.
std::vector<ScaleLevel> numbered(int first, int last, const std::string& suffix) {
    std::vector<ScaleLevel> levels;
    for (int value = first; value <= last; ++value) {
        levels.push_back(
            {std::to_string(value), std::to_string(value) + suffix, static_cast<double>(value)});
    }
    return levels;
}

} // namespace

const std::vector<Scale>& builtin_scales() {
    static const std::vector<Scale> scales = {
        make_scale("cpa-score", "CPA score (1-4)", numbered(1, 4, " out of 4")),
        make_scale("cpa-category", "CPA category",
                   {{"poor", "Poor", 1},
                    {"weak", "Weak", 2},
                    {"fair", "Fair", 3},
                    {"good", "Good", 4},
                    {"excellent", "Excellent", 5}}),
        make_scale("cpa-stars", "CPA 2005 star category (0-4 stars)", numbered(0, 4, " stars")),
        make_scale("social-services-stars", "Social services star rating (0-3 stars)",
                   numbered(0, 3, " stars")),
        // The two judgements behind a social services star rating, as the Social Services
        // Inspectorate and CSCI published them: how well people are served now, and the
        // prospects (capacity) for improvement.
        make_scale("social-services-serving-people", "Social services: serving people well",
                   {{"no", "Not serving people well", 1},
                    {"some", "Serving some people well", 2},
                    {"most", "Serving most people well", 3},
                    {"all", "Serving all people well", 4}}),
        make_scale("social-services-capacity",
                   "Social services: capacity for improvement (prospects)",
                   {{"poor", "Poor", 1},
                    {"uncertain", "Uncertain", 2},
                    {"promising", "Promising", 3},
                    {"excellent", "Excellent", 4}}),
        make_scale("direction-of-travel", "Direction of Travel",
                   {{"not-improving-adequately", "Not improving adequately", 1},
                    {"improving-adequately", "Improving adequately", 2},
                    {"improving-well", "Improving well", 3},
                    {"improving-strongly", "Improving strongly", 4}}),
        make_scale("common-1-4", "Audit Commission common scale 2005-2008 (1-4)",
                   {{"1", "Inadequate performance (1)", 1},
                    {"2", "Adequate performance (2)", 2},
                    {"3", "Performing well (3)", 3},
                    {"4", "Performing strongly (4)", 4}}),
        make_scale("caa-organisational-assessment", "CAA organisational assessment (1-4)",
                   {{"1", "Performs poorly (1)", 1},
                    {"2", "Performs adequately (2)", 2},
                    {"3", "Performs well (3)", 3},
                    {"4", "Performs excellently (4)", 4}}),
        make_scale("inspection-judgement", "Four-point inspection judgement",
                   {{"inadequate", "Inadequate", 1},
                    {"requires-improvement", "Requires improvement", 2},
                    {"good", "Good", 3},
                    {"outstanding", "Outstanding", 4}}),
        make_scale("equality-standard", "Equality Standard for Local Government (levels 1-5)",
                   [] {
                       auto levels = numbered(1, 5, "");
                       for (auto& level : levels) {
                           level.label = "Level " + level.code;
                       }
                       return levels;
                   }()),
    };
    return scales;
}

} // namespace bestvalue
