"""Ratings over time from Python: directions, regimes, histories and ambitions."""

import datetime

import pytest

import bestvalue as bv
from conftest import rated_councils, rating

D = datetime.date


@pytest.fixture(scope="module")
def seeds():
    from conftest import ROOT

    store = bv.Store()
    for path in sorted((ROOT / "examples" / "data").glob("*.json")):
        store.load(path)
    return store


def small_store():
    """A county rated 2002-2004 and then in stars, and a district: the seeds hold one
    category per council, so histories that move are built here."""
    return rated_councils([
        rating("shire/2002", "shire", "cpa-category", "fair", "2002-12-11"),
        rating("shire/2003", "shire", "cpa-category", "good", "2003-12-18"),
        rating("shire/2005", "shire", "cpa-stars", "3", "2005-12-15"),
        rating("vale/2008", "vale", "cpa-category", "fair", "2008-07-01"),
    ])


def test_direction_between_and_its_refusals():
    store = small_store()
    assert bv.direction_between(store, "shire/2002", "shire/2003") is bv.Direction.improved
    assert bv.direction_between(store, store.ratings["shire/2003"],
                                store.ratings["shire/2002"]) is bv.Direction.declined
    with pytest.raises(bv.Error, match="different scales"):
        bv.direction_between(store, "shire/2003", "shire/2005")
    mapping = bv.ScaleMapping("cpa-category", "cpa-stars", {"good": "3"})
    assert bv.direction_between(store, "shire/2003", "shire/2005",
                                mapping) is bv.Direction.unchanged
    with pytest.raises(bv.Error, match="cpa-districts-category"):
        bv.direction_between(store, "shire/2003", "vale/2008")
    with pytest.raises(bv.NotFound):
        bv.direction_between(store, "shire/2003", "no/such/rating")


def test_history_with_directions():
    steps = bv.history_with_directions(small_store(), "shire", "cpa-category")
    assert [step.rating.id for step in steps] == ["shire/2002", "shire/2003"]
    assert [step.direction for step in steps] == [None, bv.Direction.improved]


def test_regimes():
    regime = bv.regime_of("cpa-category", bv.OrganisationKind.district_council, D(2008, 7, 31))
    assert regime.id == "cpa-districts-category"
    assert bv.regime_of("cpa-category", bv.OrganisationKind.county_council, D(2005, 1, 1)) is None
    own = bv.Regime("ofsted", "Ofsted judgements", "inspection-judgement",
                    [bv.OrganisationKind.unitary_council], D(2012, 9, 1), D(2099, 12, 31))
    assert bv.regime_of("inspection-judgement", bv.OrganisationKind.unitary_council,
                        D(2013, 1, 1), [own]) == own
    assert any(r.id == "caa-2009" for r in bv.builtin_regimes())


def test_compare_subjects():
    found = bv.compare_subjects(small_store(), "cpa-category", 2003,
                                bv.OrganisationKind.county_council)
    assert [r.id for r in found] == ["shire/2003"]


def test_seed_histories_and_regimes(seeds):
    assert [s.rating.level for s in bv.history_with_directions(seeds, "rochford",
                                                               "cpa-category")] == ["good"]
    regime = bv.regime_of_rating(seeds, "oxfordshire/cpa-2002/rating/overall")
    assert regime.id == "cpa-2002-2004-category"


def test_seed_ambitions(seeds):
    checks = bv.check_ambitions(seeds, D(2009, 5, 1))
    by_level = {(c.scale, c.level): c for c in checks}
    assert by_level[("cpa-category", "good")].status is bv.AmbitionStatus.missed
    assert by_level[("cpa-category", "good")].due == D(2005, 3, 31)
    assert by_level[("equality-standard", "4")].status is bv.AmbitionStatus.missed
    assert by_level[("equality-standard", "5")].status is bv.AmbitionStatus.not_yet_due
    assert all(c.status is bv.AmbitionStatus.not_yet_due
               for c in bv.check_ambitions(seeds, D(2003, 6, 1)))


def test_rating_history_is_oldest_first():
    store = small_store()
    history = bv.rating_history(store, "shire", "cpa-category")
    assert [r.id for r in history] == ["shire/2002", "shire/2003"]
    assert history == [r for r in store.ratings.where(subject="shire", scale="cpa-category",
                                                      order_by="date")]
    assert bv.rating_history(store, "shire", "no-such-scale") == []
