"""Functions called by CPython's fast convention rather than pybind11's dispatcher
(python/src/fast_function.hpp): the same answers, arguments and errors as a bound function."""

import gc
import json

import pytest

import bestvalue as bv
from conftest import rated_councils, rating


def rated_store():
    """Ratings added out of date order, one undated, on two scales and of two subjects."""
    return rated_councils([
        rating("shire/2004", "shire", "cpa-category", "good", "2004-12-16"),
        rating("shire/undated", "shire", "cpa-category", "weak"),
        rating("shire/2002", "shire", "cpa-category", "fair", "2002-12-11"),
        rating("shire/2005", "shire", "cpa-stars", "3", "2005-12-15"),
        rating("shire/2003", "shire", "cpa-category", "good", "2003-12-18"),
        rating("vale/2008", "vale", "cpa-category", "fair", "2008-07-01"),
    ])


def test_rating_history_ids_are_the_history_in_its_order():
    store = rated_store()
    ids = bv.rating_history_ids(store, "shire", "cpa-category")
    assert ids == ["shire/2002", "shire/2003", "shire/2004", "shire/undated"]
    assert ids == [r.id for r in bv.rating_history(store, "shire", "cpa-category")]
    assert bv.rating_history_ids(store, "shire", "cpa-stars") == ["shire/2005"]
    assert bv.rating_history_ids(store, "vale", "cpa-category") == ["vale/2008"]
    assert bv.rating_history_ids(store, "shire", "no-such-scale") == []
    assert bv.rating_history_ids(store, "nobody", "cpa-category") == []


def test_rating_history_ids_are_the_strings_the_store_keeps():
    store = rated_store()
    kept = {id_: id_ for id_ in store.ratings.ids()}
    ids = bv.rating_history_ids(store, "shire", "cpa-category")
    assert all(id_ is kept[id_] for id_ in ids)
    assert all(a is b for a, b in zip(ids, bv.rating_history_ids(store, "shire", "cpa-category")))


def test_rating_history_ids_outlive_their_store():
    store = rated_store()
    ids = bv.rating_history_ids(store, "shire", "cpa-category")
    del store
    gc.collect()
    assert ids == ["shire/2002", "shire/2003", "shire/2004", "shire/undated"]


def test_rating_history_ids_follow_an_update():
    store = rated_store()
    assert bv.rating_history_ids(store, "vale", "cpa-category") == ["vale/2008"]
    store.read_json(json.dumps({"bestvalue": "1", "ratings": [
        {"id": "vale/2007", "subject": "vale", "scale": "cpa-category", "level": "weak",
         "date": "2007-03-01"}]}))
    assert bv.rating_history_ids(store, "vale", "cpa-category") == ["vale/2007", "vale/2008"]


def test_arguments_by_position_or_keyword():
    store = rated_store()
    expected = ["shire/2002", "shire/2003", "shire/2004", "shire/undated"]
    assert bv.rating_history_ids(store, "shire", scale="cpa-category") == expected
    assert bv.rating_history_ids(store, scale="cpa-category", subject="shire") == expected
    assert bv.rating_history_ids(scale="cpa-category", subject="shire", store=store) == expected


@pytest.mark.parametrize("call, message", [
    (lambda s: bv.rating_history_ids(s, "shire"),
     r"rating_history_ids\(\) missing required argument 'scale' \(pos 3\)"),
    (lambda s: bv.rating_history_ids(),
     r"rating_history_ids\(\) missing required argument 'store' \(pos 1\)"),
    (lambda s: bv.rating_history_ids(s, "shire", "cpa-category", "extra"),
     r"rating_history_ids\(\) takes 3 positional arguments but 4 were given"),
    (lambda s: bv.rating_history_ids(s, "shire", "cpa-category", level="good"),
     r"rating_history_ids\(\) got an unexpected keyword argument 'level'"),
    (lambda s: bv.rating_history_ids(s, "shire", "cpa-category", subject="vale"),
     r"rating_history_ids\(\) got multiple values for argument 'subject'"),
    (lambda s: bv.rating_history_ids("store", "shire", "cpa-category"),
     r"rating_history_ids\(\) argument 'store' must be bestvalue._core.Store, not str"),
    (lambda s: bv.rating_history_ids(s, 7, "cpa-category"),
     r"rating_history_ids\(\) argument 'subject' must be str, not int"),
    (lambda s: bv.rating_history_ids(s, "shire", None),
     r"rating_history_ids\(\) argument 'scale' must be str, not NoneType"),
])
def test_arguments_that_do_not_fit_raise_type_error(call, message):
    store = rated_store()
    with pytest.raises(TypeError, match=message):
        call(store)


def test_text_that_is_not_utf8_raises_what_python_raises():
    store = rated_store()
    with pytest.raises(UnicodeEncodeError):
        bv.rating_history_ids(store, "shire\udcff", "cpa-category")


def test_a_fast_function_reads_as_a_bound_one():
    function = bv.rating_history_ids
    assert function.__module__ == "bestvalue._core"
    assert function.__name__ == "rating_history_ids"
    assert function.__doc__.startswith(
        "rating_history_ids(store: bestvalue._core.Store, subject: str, scale: str) "
        "-> list[str]\n\n")
    assert "oldest first" in function.__doc__
