#pragma once

/// \file
/// `Regime`: a rating scale as one framework used it, for some kinds of council, over a window
/// of dates (CPA categories 2002-2004 for single tier and county councils), and the comparison
/// of subjects rated in the same regime and year.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <bestvalue/calendar/date.hpp>
#include <bestvalue/model/enums.hpp>
#include <bestvalue/model/rating.hpp>
#include <bestvalue/store.hpp>

namespace bestvalue {

/// A scale as one assessment regime used it: which kinds of council it rated and when. Ratings
/// on one scale given under different regimes (a county's CPA category of 2003 and a district's
/// of 2008) were reached by different rules, so they are compared only through an explicit
/// `ScaleMapping`.
struct Regime {
    std::string id;                      ///< 'cpa-2002-2004-single-tier'
    std::string name;                    ///< how it is shown
    std::string scale;                   ///< scale id
    std::vector<OrganisationKind> kinds; ///< the kinds of organisation it rated
    Date from;                           ///< first day of the window, inclusive
    Date to;                             ///< last day of the window, inclusive
    std::string source;                  ///< where the window comes from, in words

    /// True if the regime rated organisations of `kind` on its scale on `day`.
    [[nodiscard]] bool covers(std::string_view scale_id, OrganisationKind kind,
                              Date day) const noexcept;

    friend bool operator==(const Regime&, const Regime&) = default;
};

/// The regimes bestvalue knows: CPA categories and scores 2002-2004 for single tier and county
/// councils, CPA categories for districts 2003 to March 2009, CPA 2005 'harder test' stars,
/// Direction of Travel and use of resources 2005-2008, CAA organisational assessment 2009/10.
/// docs/ratings.md gives the windows and why.
[[nodiscard]] const std::vector<Regime>& builtin_regimes();

/// The regime of `regimes` that rated organisations of `kind` on `scale` on `day`; the first
/// one listed if several do, none if none does. Pass `builtin_regimes()` plus your own to
/// extend the table.
[[nodiscard]] std::optional<Regime>
regime_of(std::string_view scale, OrganisationKind kind, Date day,
          const std::vector<Regime>& regimes = builtin_regimes());

/// The regime a stored rating was given under: none if it is undated, its subject is unknown
/// to the store, or no regime covers it.
[[nodiscard]] std::optional<Regime>
regime_of_rating(const Store& store, const Rating& rating,
                 const std::vector<Regime>& regimes = builtin_regimes());

/// The ratings on `scale` dated in calendar year `year` of subjects of `kind`, of the whole
/// body (no service area) and of `component` (empty: none), highest level first, then by
/// subject id: how councils of one kind stood against each other that year.
/// \throws NotFound if the store has no such scale.
[[nodiscard]] std::vector<const Rating*> compare_subjects(const Store& store,
                                                          std::string_view scale, int year,
                                                          OrganisationKind kind,
                                                          std::string_view component = {});

} // namespace bestvalue
