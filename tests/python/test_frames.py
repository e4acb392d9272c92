"""to_pandas and to_arrow against a plain construction from the numpy columns: the same values,
dtypes, missing values and category order, on the five datasets and on generated data. The
columns themselves are checked against the entities in test_tables; here the frames built from
codes and Arrow buffers must equal frames built the plain way from those columns."""

import gc
import weakref
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import bestvalue as bv
from test_tables import DATASETS, DAY, TABLES, python_value

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
TEXT = (bv.ColumnType.text, bv.ColumnType.text_list)
# What pandas makes of text by itself: str backed by Arrow in pandas 3, object before.
TEXT_DTYPE = pd.Series(["text"]).dtype
ARROW_TEXT = getattr(TEXT_DTYPE, "storage", None) == "pyarrow"
ARROW_LISTS = pa.large_list(pa.large_string())


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "small.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate"), "--scale", "small",
                    "--seed", "3", "--out", str(path)], check=True, capture_output=True)
    return bv.load(path)


@pytest.fixture(scope="module", params=[*DATASETS, "generated"],
                ids=lambda p: p if isinstance(p, str) else p.name[:3])
def store(request):
    if request.param == "generated":
        return request.getfixturevalue("generated")
    return bv.load(request.param)


def plain_pandas(table, arrow_text=ARROW_TEXT):
    """The DataFrame made the plain way: categoricals looked up from the names; text from
    Python's str in pandas' own text dtype; text lists from Python's lists, as Arrow lists where
    pandas' text is Arrow-backed, else as object."""
    categories, types, columns = table.categories, table.column_types, table.columns()
    text_dtype = pd.Series(["text"]).dtype
    data = {}
    for name in table.column_names:
        values = columns[name]
        if name in categories:
            data[name] = pd.Categorical(list(values), categories=categories[name])
        elif types[name] is bv.ColumnType.text:
            data[name] = pd.Series(list(values), dtype=text_dtype)
        elif types[name] is bv.ColumnType.text_list and arrow_text:
            data[name] = pd.array(pa.array(list(values), type=ARROW_LISTS),
                                  dtype=pd.ArrowDtype(ARROW_LISTS))
        elif types[name] is bv.ColumnType.text_list:
            data[name] = pd.Series(list(values), dtype=object)
        else:
            data[name] = values
    return pd.DataFrame(data, columns=table.column_names)


def plain_arrow(table):
    """The Arrow table made the plain way: an array from each column's Python values."""
    kinds = {bv.ColumnType.text: pa.string(), bv.ColumnType.date: pa.date32(),
             bv.ColumnType.number: pa.float64(), bv.ColumnType.integer: pa.int64(),
             bv.ColumnType.boolean: pa.bool_(), bv.ColumnType.text_list: pa.list_(pa.string())}
    types, columns = table.column_types, table.columns()
    arrays = [pa.array([python_value(v) if types[n] is not bv.ColumnType.text_list else v
                        for v in columns[n]], type=kinds[types[n]]) for n in table.column_names]
    return pa.Table.from_arrays(arrays, names=table.column_names)


def tables_of(store):
    """Every kind of table, and one of the actions twice over (repeats after many distinct
    values) and one of none."""
    tables = {kind: make(store) for kind, (make, _, _) in TABLES.items()}
    ids = [a.id for a in store.actions]
    tables["actions twice"] = bv.action_table(store, ids + ids[::-1], DAY)
    tables["no actions"] = bv.action_table(store, [], DAY)
    return tables


def check_frame(kind, table, frame, arrow_text):
    plain = plain_pandas(table, arrow_text)
    pd.testing.assert_frame_equal(frame, plain, check_exact=True, obj=kind)
    assert dict(frame.dtypes) == dict(plain.dtypes), kind
    types = table.column_types
    for name in table.column_names:
        values = list(frame[name])
        if name in table.categories:
            assert list(frame[name].cat.categories) == table.categories[name]
            names = [None if pd.isna(v) else v for v in values]
            assert names == list(table.column(name)), (kind, name)
        elif types[name] is bv.ColumnType.text:
            # str where the table has a value; where it has none, None in object, NaN in str.
            for got, wanted in zip(values, table.column(name)):
                if wanted is not None:
                    assert type(got) is str and got == wanted, (kind, name)
                elif arrow_text:
                    assert isinstance(got, float) and np.isnan(got), (kind, name)
                else:
                    assert got is None, (kind, name)
        elif types[name] is bv.ColumnType.text_list:
            assert [list(v) for v in values] == list(table.column(name)), (kind, name)
            assert all(type(v) is list for v in values), (kind, name)


def skip_without_text_option():
    """Skips a test of pandas' text option where this pandas has none."""
    try:
        pd.get_option("future.infer_string")
    except KeyError:  # pandas' OptionError is one
        pytest.skip("this pandas always infers str for text")


def test_pandas_frames_equal_the_plain_construction(store):
    for kind, table in tables_of(store).items():
        check_frame(kind, table, bv.to_pandas(table), ARROW_TEXT)


@pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")
def test_pandas_frames_without_arrow_backed_text_are_object(store):
    # pandas 3 makes object of text when told not to infer str, as pandas 2 does: text is then
    # object with None for missing, and text lists Python lists.
    skip_without_text_option()
    with pd.option_context("future.infer_string", False):
        assert pd.Series(["text"]).dtype == object
        for kind, table in tables_of(store).items():
            frame = bv.to_pandas(table)
            for name, type_ in table.column_types.items():
                if type_ in TEXT and name not in table.categories:
                    assert frame[name].dtype == object, (kind, name)
            check_frame(kind, table, frame, arrow_text=False)


def test_pandas_frames_with_str_held_in_python_strings(store):
    # pandas 3 without pyarrow holds str in Python strings, as it does when told to here: text
    # is then that str (NaN for missing), made from the object column, and text lists are
    # Python lists.
    with pd.option_context("mode.string_storage", "python"):
        dtype = pd.Series(["text"]).dtype
        if getattr(dtype, "storage", None) != "python":
            pytest.skip("this pandas does not infer str held in Python strings")
        for kind, table in tables_of(store).items():
            frame = bv.to_pandas(table)
            plain = plain_pandas(table, arrow_text=False)
            pd.testing.assert_frame_equal(frame, plain, check_exact=True, obj=kind)
            for name, type_ in table.column_types.items():
                if name in table.categories:
                    continue
                if type_ is bv.ColumnType.text:
                    assert frame[name].dtype == dtype, (kind, name)
                elif type_ is bv.ColumnType.text_list:
                    assert frame[name].dtype == object, (kind, name)
                    assert all(type(v) is list for v in frame[name]), (kind, name)


def test_arrow_backed_text_is_read_from_the_tables_buffers():
    if not ARROW_TEXT:
        pytest.skip("pandas here does not back text with Arrow")
    table = bv.action_table(bv.load(DATASETS[0]), None, DAY)
    frame = bv.to_pandas(table)
    offsets, data, _ = table.text_buffers("title")
    arrow = pa.array(frame["title"].array)
    # The frame's strings are the table's bytes, not a copy of them.
    assert arrow.buffers()[2].address == data.ctypes.data
    assert arrow.buffers()[1].address == offsets.ctypes.data
    assert isinstance(frame["leads"].dtype, pd.ArrowDtype)
    assert frame["leads"].dtype.pyarrow_dtype == ARROW_LISTS
    assert frame["title"].dtype == TEXT_DTYPE


def test_arrow_tables_equal_the_plain_construction(store):
    for kind, table in tables_of(store).items():
        arrow, plain = bv.to_arrow(table), plain_arrow(table)
        arrow.validate(full=True)
        assert arrow.schema == plain.schema, kind
        assert arrow.equals(plain), kind
        for name in table.column_names:
            assert arrow.column(name).null_count == plain.column(name).null_count


def test_codes_index_the_categories(store):
    table = bv.action_table(store, None, DAY)
    for name, categories in table.categories.items():
        codes = table.codes(name)
        # The type pandas keeps codes in, so that from_codes takes them without a copy.
        assert codes.dtype == np.dtype("int8") and len(codes) == len(table)
        kept = pd.Categorical.from_codes(codes, categories=categories).codes
        assert kept.dtype == codes.dtype
        assert np.shares_memory(kept, codes) or not len(codes)
        names = [categories[c] if c >= 0 else None for c in codes]
        assert names == list(table.column(name))
    with pytest.raises(bv.Error):
        table.codes("title")
    with pytest.raises(bv.NotFound):
        table.codes("no such column")


def test_pandas_frames_are_their_own(store):
    # Every column can be written to, and writing changes neither the table nor a later frame.
    table = bv.action_table(store, None, DAY)
    if not len(table):
        pytest.skip("no actions to write to")
    before = bv.to_pandas(table)
    frame = bv.to_pandas(table)
    frame.loc[0, "percent"] = 5.0
    frame.loc[0, "overdue"] = not frame.loc[0, "overdue"]
    frame.loc[0, "due_end"] = pd.Timestamp("1999-01-01")
    frame.loc[0, "health"] = table.categories["health"][-1]
    frame.loc[0, "title"] = "changed"
    frame["percent"] *= 2
    assert frame.loc[0, "title"] == "changed" and frame.loc[0, "percent"] == 10.0
    pd.testing.assert_frame_equal(bv.to_pandas(table), before)


@pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")
def test_pandas_frames_follow_the_text_option_of_the_moment(store):
    # What to_pandas works out for a pandas is kept by the dtype text takes, so a change of
    # option between calls is followed both ways.
    skip_without_text_option()
    table = bv.action_table(store, None, DAY)
    first = bv.to_pandas(table)
    with pd.option_context("future.infer_string", not ARROW_TEXT):
        other = bv.to_pandas(table)
    assert other["title"].dtype != first["title"].dtype
    pd.testing.assert_frame_equal(bv.to_pandas(table), first)


def test_text_buffers_are_read_only_views_that_keep_the_table(store):
    table = bv.action_table(store, None, DAY)
    titles = list(table.column("title"))
    offsets, data, valid = table.text_buffers("title")
    lead_offsets, lead_data, starts = table.text_buffers("leads")
    for array in (offsets, data, valid, lead_offsets, lead_data, starts):
        assert not array.flags.writeable
        # A view, with the table behind it (numpy gives an empty array its own, empty, data).
        assert not array.flags.owndata or array.size == 0
    with pytest.raises(ValueError):
        data[:1] = 0
    del table
    gc.collect()
    raw = data.tobytes()
    assert [raw[offsets[i]:offsets[i + 1]].decode() if valid[i] else None
            for i in range(len(valid))] == titles


def test_text_buffers_hold_the_text(store):
    table = bv.action_table(store, None, DAY)
    offsets, data, valid = table.text_buffers("due")
    raw = data.tobytes()
    got = [raw[offsets[i]:offsets[i + 1]].decode() if valid[i] else None
           for i in range(len(table))]
    assert got == list(table.column("due"))
    offsets, data, starts = table.text_buffers("leads")
    raw = data.tobytes()
    strings = [raw[offsets[i]:offsets[i + 1]].decode() for i in range(len(offsets) - 1)]
    assert [strings[starts[i]:starts[i + 1]] for i in range(len(table))] == \
        list(table.column("leads"))
    with pytest.raises(bv.Error):
        table.text_buffers("percent")


def test_repeated_text_shares_one_str_and_each_row_reads_right(generated):
    table = bv.action_table(generated, None, DAY)
    organisations = table.column("organisation")
    assert len({id(v) for v in organisations}) == len(set(organisations))
    assert list(organisations) == [generated.plans[a.plan].organisation
                                   for a in generated.actions]


@pytest.fixture(params=[True, False], ids=["mapped", "copied"])
def frame_images(request):
    """Tables made in the test lay out their frame arrays to be mapped however small (where the
    system can), or in memory of their own, copied for each frame."""
    before = bv._core._map_frame_images_from(0 if request.param else 2**62)
    yield request.param
    bv._core._map_frame_images_from(before)


def test_frame_arrays_hold_the_fixed_size_columns_as_pandas_does(store, frame_images):
    for kind, table in tables_of(store).items():
        arrays = table.frame_arrays()
        types, categories = table.column_types, table.categories
        fixed = [name for name in table.column_names
                 if name in categories or types[name] not in TEXT]
        assert list(arrays) == fixed, kind
        for name, array in arrays.items():
            if name in categories:
                wanted = table.codes(name)
            elif types[name] is bv.ColumnType.date:
                wanted = table.column(name, date_unit="s")
            else:
                wanted = table.column(name)
            assert array.dtype == wanted.dtype, (kind, name)
            np.testing.assert_array_equal(array, wanted, err_msg=f"{kind} {name}")
            assert array.flags.writeable, (kind, name)


def test_frame_arrays_are_each_calls_own(store, frame_images):
    # Written arrays, whole columns written, change neither the table nor the next call's.
    table = bv.action_table(store, None, DAY)
    before = {name: array.copy() for name, array in table.frame_arrays().items()}
    written = table.frame_arrays()
    for array in written.values():
        array[:] = array[::-1] if len(array) > 1 else array
        if len(array):
            array[0] = 1 if array.dtype != bool else not array[0]
    again = table.frame_arrays()
    for name, array in again.items():
        np.testing.assert_array_equal(array, before[name], err_msg=name)
        assert not np.shares_memory(array, written[name]), name
    if len(table):
        assert written["percent"][0] == 1


def test_frames_are_mapped_where_the_system_can(store):
    # On Linux a frame's arrays map the table's image, which keeps its mapping alive: the
    # arrays' base is the capsule that holds it, not an array of their own.
    if not sys.platform.startswith("linux"):
        pytest.skip("frames are mapped on Linux only")
    table = bv.action_table(store, None, DAY)
    if not len(table):
        pytest.skip("an empty table has nothing to map")

    def owner(array):
        while isinstance(array, np.ndarray):
            array = array.base
        return array

    before = bv._core._map_frame_images_from(0)  # decided when the image is laid out
    try:
        arrays = table.frame_arrays()
    finally:
        bv._core._map_frame_images_from(before)
    assert all(type(owner(array)).__name__ == "PyCapsule" for array in arrays.values())
    assert len({id(owner(array)) for array in arrays.values()}) == 1
    frame = bv.to_pandas(table)
    assert type(owner(frame["percent"].to_numpy())).__name__ == "PyCapsule"


def test_frames_outlive_their_table_and_share_its_text(store, frame_images):
    import bestvalue.frames as frames

    table = bv.action_table(store, None, DAY)
    wanted, wanted_arrow = plain_pandas(table), plain_arrow(table)
    first, second = bv.to_pandas(table), bv.to_pandas(table)
    # One Arrow array of the table's titles, kept with it and shared: Arrow arrays do not
    # change.
    titles = table._kept[("arrow", "title", True)]
    assert frames._arrow_text(pa, table, "title", bv.ColumnType.text, large=True) is titles
    arrow = bv.to_arrow(table)
    assert ("arrow", "title", False) in table._kept
    kept = weakref.ref(table)
    del table, titles
    gc.collect()
    # Nothing keeps the Python table, not even what is kept with it: no cycle holds it.
    assert kept() is None
    if len(second):
        second.loc[0, "title"] = "written"
    # The frames and the Arrow table still read the table's buffers, which they keep.
    pd.testing.assert_frame_equal(first, wanted, check_exact=True)
    assert arrow.equals(wanted_arrow)


def test_small_frames_are_copied_and_large_ones_mapped(generated):
    # Each mapped table holds a file descriptor while it lives: only images of 1 MiB or more
    # are mapped, unless told otherwise.
    if not sys.platform.startswith("linux"):
        pytest.skip("frames are mapped on Linux only")
    small = bv.action_table(generated, None, DAY)
    assert all(array.flags.owndata for array in small.frame_arrays().values())
    ids = [action.id for action in generated.actions]
    large = bv.action_table(generated, ids * (2**20 // (len(ids) * 20) + 1), DAY)
    assert not any(array.flags.owndata for array in large.frame_arrays().values())


def test_frame_arrays_of_a_table_without_rows(store, frame_images):
    table = bv.action_table(store, [], DAY)
    arrays = table.frame_arrays()
    assert arrays and all(len(array) == 0 for array in arrays.values())
    assert bv.to_pandas(table).empty
