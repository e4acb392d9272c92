"""National results tables from Python: reading a CSV table into ratings, all or nothing, and
asking it who fell between two years and how many councils got each label."""

import pytest

import bestvalue as bv

BLOCKS = ["Corporate assessment", "Children and young people", "Adult social care",
          "Use of resources", "Housing", "Environment", "Culture", "Benefits"]


def results_mapping(**options):
    columns = [bv.RatingColumn(block, "common-1-4", component=block.lower()) for block in BLOCKS]
    columns.append(bv.RatingColumn("Star category", "cpa-stars", component="star category",
                                   levels={"1 star": "1"}))
    columns.append(bv.RatingColumn("Direction of travel", "direction-of-travel",
                                   component="direction of travel"))
    settings = dict(subject_column="Council", year_column="Year", kind_column="Type",
                    unknown_subjects=bv.UnknownSubjects.add)
    settings.update(options)
    return bv.RatingTableMapping(columns, **settings)


@pytest.fixture()
def table_path(root):
    return root / "tests" / "data" / "results" / "cpa-2005-2006.csv"


@pytest.fixture()
def results(table_path):
    store = bv.Store()
    report = bv.read_rating_table_file(store, table_path, results_mapping())
    return store, report


def test_table_reads_into_ratings_with_markers_reported(results):
    store, report = results
    assert len(report.ratings) == 90
    assert report.organisations == ["northshire", "eastmoor", "westvale", "greyford",
                                    "lowfield"]
    assert sorted({cell.meaning for cell in report.marked}) == ["not applicable",
                                                                "subject to review"]
    assert [cell.text for cell in report.marked].count("s/r") == 2
    assert len(report.marked) == 10
    assert report.skipped == []
    stars = store.ratings["lowfield/results/2005/star-category"]
    assert stars.level == "1" and stars.text == "1 star"
    assert str(stars.date) == "2005-12-31"


def test_who_fell_and_counts_per_label(results):
    store, _ = results
    changes = bv.changes_between(store, "common-1-4", "2005", "2006",
                                 component="children and young people")
    fell = [change.subject for change in changes if change.direction is bv.Direction.declined]
    assert fell == ["northshire", "westvale"]
    by_period = bv.changes_between(store, "common-1-4", bv.parse_period("2005"),
                                   bv.parse_period("2006"),
                                   component="children and young people")
    assert [c.subject for c in by_period] == [c.subject for c in changes]

    counts = store.query('count ratings where scale = "direction-of-travel" '
                         'and date in 2006 by level').counts
    assert counts == {"improving-adequately": 2, "improving-strongly": 1, "improving-well": 2}
    keywords = store.ratings.where(scale="direction-of-travel", date_in="2006")
    assert keywords.count_by("level") == counts
    frame = keywords.to_pandas()
    assert sorted(frame.subject) == ["eastmoor", "greyford", "lowfield", "northshire",
                                     "westvale"]


def test_a_bad_table_changes_nothing(results, table_path):
    store, _ = results
    before = store.to_json()
    text = table_path.read_text().replace("Improving strongly", "Improving strongest")
    with pytest.raises(bv.ValidationError) as caught:
        bv.read_rating_table(store, text, results_mapping(id_part="again"), source="bad.csv")
    problems = caught.value.problems  # (location, message, line, column)
    assert [(location, line) for location, _, line, _ in problems] == [
        ("bad.csv, column 'Direction of travel'", 4), ("bad.csv, column 'Direction of travel'", 9)]
    assert "'Improving strongest' is not a level of scale direction-of-travel" in problems[0][1]
    assert store.to_json() == before

    with pytest.raises(bv.ParseError):
        bv.read_rating_table(store, 'Council,Year\n"Northshire,2005\n', results_mapping())
    assert store.to_json() == before


def test_unknown_councils_are_refused_or_skipped(table_path):
    store = bv.Store()
    with pytest.raises(bv.ValidationError) as caught:
        bv.read_rating_table_file(store, table_path,
                                  results_mapping(unknown_subjects=bv.UnknownSubjects.reject))
    assert len(caught.value.problems) == 10
    assert caught.value.problems[0][1].startswith(
        "unknown council 'Northshire County Council'")
    assert len(store.ratings) == 0

    report = bv.read_rating_table_file(
        store, table_path, results_mapping(unknown_subjects=bv.UnknownSubjects.skip))
    assert report.ratings == []
    assert [row.line for row in report.skipped] == list(range(2, 12))
    assert report.skipped[0].subject == "Northshire County Council"


def test_mapping_values_and_markers_are_plain_python():
    mapping = bv.RatingTableMapping([bv.RatingColumn("Category", "cpa-category")])
    assert mapping.subject_column == "council" and mapping.year_column == "year"
    assert mapping.markers == {"": "blank", "n/a": "not applicable", "N/A": "not applicable",
                               "s/r": "subject to review"}
    assert mapping.unknown_subjects is bv.UnknownSubjects.reject
    custom = bv.RatingTableMapping([bv.RatingColumn("Category", "cpa-category")],
                                   markers={"tbc": "to be confirmed"})
    assert custom.markers == {"tbc": "to be confirmed"}
    assert custom != mapping
    assert bv.RatingColumn("Category", "cpa-category") == mapping.columns[0]
