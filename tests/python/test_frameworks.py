"""The Python side of the rules layer: loading frameworks, evaluating, explanations, what-if.

The rules themselves are tested row by row in tests/cpp/test_frameworks.cpp; these tests cover
the binding surface and the pure-Python loader."""

import shutil

import pytest

import bestvalue as bv
from bestvalue import frameworks

UOR = {
    "financial_reporting": 4,
    "financial_management": 4,
    "financial_standing": 3,
    "internal_control": 3,
    "value_for_money": 2,
}


def test_load_by_name_and_evaluate_as_the_issue_writes_it():
    result = bv.frameworks.load("use-of-resources-2005").evaluate(UOR)
    assert result.outcome == "3"
    assert result.determined
    assert str(result).startswith("use-of-resources-2005: 3 (3 out of 4)\n  row 1 [")
    d = result.to_dict()
    assert d["outcome"] == "3"
    assert d["steps"][0]["rule"] == "row 1"
    assert d["steps"][0]["applies"] is False
    assert d["steps"][1]["applies"] is True
    assert d["ratings"]["value_for_money"] == "2"


def test_shipped_frameworks_are_listed_and_cite_sources():
    names = frameworks.available()
    assert {"use-of-resources-2005", "cpa-2005-stars", "cpa-2002-caps"} <= set(names)
    stars = frameworks.load("cpa-2005-stars")
    assert stars.sources[0].publisher == "Sunderland City Council"
    level1 = next(group for group in stars.groups if group.name == "level1")
    assert level1.is_default
    assert "use_of_resources" in level1.members
    assert [c.name for c in stars.components][0] == "corporate_assessment"
    assert stars.outcome.id == "cpa-stars"


def test_undetermined_names_the_missing_rule():
    stars = frameworks.load("cpa-2005-stars")
    ratings = {name: 4 for name in ("children_and_young_people", "adult_social_care",
                                    "use_of_resources", "housing", "environment", "culture",
                                    "benefits")}
    ratings["corporate_assessment"] = 1
    result = stars.evaluate(ratings)
    assert result.outcome is None
    assert not result.determined
    assert "CA 1 rows" in result.missing_rule
    assert result.to_dict()["outcome"] is None


def test_errors_name_the_component():
    uor = frameworks.load("use-of-resources-2005")
    with pytest.raises(bv.ValidationError, match="internal_control"):
        uor.evaluate({k: v for k, v in UOR.items() if k != "internal_control"})
    with pytest.raises(ValueError, match="'5' is not a level of value_for_money"):
        uor.evaluate({**UOR, "value_for_money": 5})
    with pytest.raises(TypeError):
        uor.evaluate({**UOR, "value_for_money": 2.5})
    with pytest.raises(bv.NotFound):
        frameworks.load("no-such-framework")
    with pytest.raises(bv.ParseError):
        bv.parse_framework("{ not json")


def test_what_if_and_smallest_lifts():
    uor = frameworks.load("use-of-resources-2005")
    assert uor.what_if(UOR, "value_for_money", 3).outcome == "4"
    assert bv.what_if(uor, UOR, "value_for_money", "1").outcome == "2"
    lifts = uor.smallest_lifts(UOR)
    assert len(lifts) == 1
    change = lifts[0].changes[0]
    assert (change.component, change.from_level, change.to_level) == ("value_for_money", "2", "3")
    assert lifts[0].levels == 1
    assert lifts[0].evaluation.outcome == "4"
    assert bv.smallest_lifts(uor, {k: 4 for k in UOR}) == []


def test_a_users_own_file_and_the_data_dir(tmp_path, monkeypatch, root):
    source = root / "data" / "frameworks" / "use-of-resources-2005.json"
    own = tmp_path / "mine.json"
    own.write_text(source.read_text().replace('"id": "use-of-resources-2005"', '"id": "mine"'))
    assert frameworks.load(own).id == "mine"
    assert frameworks.load(str(own)).id == "mine"
    (tmp_path / "frameworks").mkdir()
    shutil.copy(own, tmp_path / "frameworks" / "use-of-resources-2005.json")
    monkeypatch.setenv("BESTVALUE_DATA_DIR", str(tmp_path))
    assert frameworks.search_path()[0] == tmp_path
    assert frameworks.load("use-of-resources-2005").id == "mine"
