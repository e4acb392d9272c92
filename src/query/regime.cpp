#include <algorithm>

#include <bestvalue/error.hpp>
#include <bestvalue/query/regime.hpp>

namespace bestvalue {

bool Regime::covers(std::string_view scale_id, OrganisationKind kind, Date day) const noexcept {
    return scale == scale_id && from <= day && day <= to &&
           std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

namespace {

Date on(int year, int month, int day) {
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
}

// Councils that are not districts: CPA 2002 rated them first, and the harder test from 2005.
const std::vector<OrganisationKind> single_tier_and_county = {
    OrganisationKind::county_council,       OrganisationKind::unitary_council,
    OrganisationKind::metropolitan_council, OrganisationKind::london_borough,
    OrganisationKind::city_council,
};

const std::vector<OrganisationKind> every_council = {
    OrganisationKind::county_council,  OrganisationKind::district_council,
    OrganisationKind::unitary_council, OrganisationKind::metropolitan_council,
    OrganisationKind::london_borough,  OrganisationKind::city_council,
};

} // namespace

const std::vector<Regime>& builtin_regimes() {
    static const std::vector<Regime> regimes = {
        {"cpa-2002-2004-category", "CPA category 2002-2004 (single tier and county councils)",
         "cpa-category", single_tier_and_county, on(2002, 1, 1), on(2004, 12, 31),
         "CPA results for single tier and county councils were published in December 2002, "
         "2003 and 2004; the harder test replaced them in 2005"},
        {"cpa-2002-2004-score", "CPA scores 2002-2004 (single tier and county councils)",
         "cpa-score", single_tier_and_county, on(2002, 1, 1), on(2004, 12, 31),
         "the core service, use of resources and corporate assessment scores (1-4) behind the "
         "2002-2004 categories"},
        {"cpa-districts-category",
         "CPA category for district councils",
         "cpa-category",
         {OrganisationKind::district_council},
         on(2003, 1, 1),
         on(2009, 3, 31),
         "districts were assessed from 2003 and kept the categories through re-inspections "
         "until CPA ended in March 2009 (Rochford: 'Good' after its 2008 re-inspection)"},
        {"cpa-2005-2008-stars", "CPA 2005-2008 'the harder test' stars", "cpa-stars",
         single_tier_and_county, on(2005, 1, 1), on(2008, 12, 31),
         "the harder test star categories, 2005 to 2008"},
        {"direction-of-travel-2005-2008", "Direction of Travel 2005-2008", "direction-of-travel",
         every_council, on(2005, 1, 1), on(2008, 12, 31),
         "Direction of Travel labels, given with CPA from 2005 to 2008"},
        {"use-of-resources-2005-2008", "Use of resources 2005-2008 (common 1-4 scale)",
         "common-1-4", every_council, on(2005, 1, 1), on(2008, 12, 31),
         "the Audit Commission's common scale of 2005-2008"},
        {"caa-2009", "CAA organisational assessment 2009", "caa-organisational-assessment",
         every_council, on(2009, 4, 1), on(2010, 3, 31),
         "CAA's one published round, for 2009/10 (results December 2009); CAA was abolished in "
         "2010"},
    };
    return regimes;
}

std::optional<Regime> regime_of(std::string_view scale, OrganisationKind kind, Date day,
                                const std::vector<Regime>& regimes) {
    for (const auto& regime : regimes) {
        if (regime.covers(scale, kind, day)) {
            return regime;
        }
    }
    return std::nullopt;
}

std::optional<Regime> regime_of_rating(const Store& store, const Rating& rating,
                                       const std::vector<Regime>& regimes) {
    const Organisation* subject = store.find_organisation(rating.subject);
    if (subject == nullptr || !rating.date) {
        return std::nullopt;
    }
    return regime_of(rating.scale, subject->kind, *rating.date, regimes);
}

std::vector<const Rating*> compare_subjects(const Store& store, std::string_view scale_id, int year,
                                            OrganisationKind kind, std::string_view component) {
    const Scale* scale = store.find_scale(scale_id);
    if (scale == nullptr) {
        throw NotFound("scale", scale_id);
    }
    std::vector<const Rating*> found;
    for (const auto& rating : store.ratings()) {
        const Organisation* subject = store.find_organisation(rating.subject);
        if (rating.scale == scale_id && rating.date && rating.date->year() == year &&
            subject != nullptr && subject->kind == kind && rating.service_area.empty() &&
            rating.component == component && scale->find_level(rating.level) != nullptr) {
            found.push_back(&rating);
        }
    }
    std::stable_sort(found.begin(), found.end(), [scale](const Rating* a, const Rating* b) {
        const double va = scale->find_level(a->level)->value;
        const double vb = scale->find_level(b->level)->value;
        return va != vb ? va > vb : a->subject < b->subject;
    });
    return found;
}

} // namespace bestvalue
