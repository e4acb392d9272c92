"""Tables as pandas DataFrames and Arrow tables.

The columns are built in C++ (:meth:`bestvalue.Table.columns` gives numpy arrays; categoricals
come from :meth:`bestvalue.Table.codes`, Arrow's text from :meth:`bestvalue.Table.text_buffers`,
views of the table's own buffers, so no Python object is made per value for them); these
functions only hand them to pandas or pyarrow, which are optional: each is imported when first
needed, and its absence raises :class:`ImportError` naming the package to install.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from bestvalue._core import ColumnType, Table

__all__ = ["to_arrow", "to_pandas"]


def _require(package: str) -> Any:
    """Imports an optional package, or says how to install it."""
    try:
        module = importlib.import_module(package)
    except ImportError as error:
        raise ImportError(
            f"bestvalue needs {package} for this: pip install {package}"
        ) from error
    return module


def to_pandas(table: Table) -> Any:
    """The table as a pandas DataFrame, one column per table column, in order.

    Columns naming an enumerator (lifecycle, health, kind, status, visibility …) are
    Categoricals whose categories are the enumeration's names in its order, so counts list
    every value and sorting follows the enumeration. Dates are datetime64 with NaT where
    missing; numbers float64 with NaN; integers int64; booleans bool.

    Text takes the dtype pandas gives text of its own accord. With pandas 3 and pyarrow that is
    ``str``, backed by Arrow, with NaN where missing: it is made from the table's own buffers,
    nothing copied, and text lists (leads, addresses …) are then Arrow lists of strings
    (``pd.ArrowDtype(pa.large_list(pa.large_string()))``). Otherwise text lists are object, a
    Python list of str per row, and text is object with None where missing (pandas 2), or
    pandas 3's ``str`` held in Python strings (no pyarrow). Either way ``frame.explode("leads")``
    gives a row per lead.

    The frame is its own: writing to it changes neither the table nor another frame. The first
    conversion of a table lays its other columns out once (:meth:`bestvalue.Table.frame_arrays`)
    and makes the Arrow arrays of its text, both kept with the table; on Linux a later one maps
    that layout copy-on-write, so it copies nothing until the frame is written.
    """
    pd = _require("pandas")
    names, types, categories = _described(table)
    make = _pandas_makers(pd)
    # Dates (in seconds, as pandas holds them), numbers, integers, booleans and the codes of
    # the categoricals: new arrays, the frame's own, which on Linux map the table's image
    # copy-on-write rather than copy it.
    arrays = table.frame_arrays()
    data = {}
    for name in names:
        kind = types[name]
        if name in categories:
            # From the codes C++ gives, already valid and of the type pandas keeps: nothing
            # looked up, checked or converted again.
            data[name] = make.categorical(arrays[name], categories[name])
        elif kind in (ColumnType.text, ColumnType.text_list) and make.arrow is not None:
            arrow = _arrow_text(make.arrow, table, name, kind, large=True)
            data[name] = make.text(arrow) if kind is ColumnType.text else make.text_list(arrow)
        elif kind in (ColumnType.text, ColumnType.text_list):
            # Object, with None for missing, whether or not the column is empty; or pandas'
            # own text dtype where it has one without Arrow.
            values = pd.Series(table.column(name), dtype=object, copy=False)
            if kind is ColumnType.text and make.text_dtype != object:
                values = values.astype(make.text_dtype)
            data[name] = values
        else:
            data[name] = arrays[name]
    # The arrays are the frame's alone: no copy needed. The dict holds the columns in order, so
    # pandas need not select them again by name.
    return pd.DataFrame(data, copy=False)


class _PandasMakers:
    """How columns are made for one pandas and the dtype it gives text.

    Worked out once for each: what pandas' signatures take, and each enumeration's dtype, which
    costs pandas more to make than the Categorical.
    """

    def __init__(self, pd: Any, text_dtype: Any) -> None:
        self.text_dtype = text_dtype
        # Arrow-backed text (pandas 3 with pyarrow, or pandas 2 told to infer str).
        arrow_backed = getattr(text_dtype, "storage", None) == "pyarrow"
        self.arrow = importlib.import_module("pyarrow") if arrow_backed else None
        self._pd = pd
        self._categorical_dtypes: dict[tuple[str, ...], Any] = {}
        # validate= came with pandas 2.1; before it, codes are checked.
        parameters = inspect.signature(pd.Categorical.from_codes).parameters
        self._validate = {"validate": False} if "validate" in parameters else {}
        self._text_array = self._arrow_text_array(text_dtype) if arrow_backed else None

    def categorical(self, codes: Any, categories: tuple[str, ...]) -> Any:
        """A Categorical of valid codes among categories, whose dtype is made once."""
        dtype = self._categorical_dtypes.get(categories)
        if dtype is None:
            # Enumerations are few and fixed, so this holds a handful.
            dtype = self._pd.CategoricalDtype(list(categories))
            self._categorical_dtypes[categories] = dtype
        return self._pd.Categorical.from_codes(codes, dtype=dtype, **self._validate)

    def text(self, arrow: Any) -> Any:
        """Text of pandas' Arrow-backed text dtype over an Arrow string array, not copied."""
        if self._text_array is not None:
            return self._text_array(arrow, dtype=self.text_dtype)
        return self._pd.array(arrow, dtype=self.text_dtype)

    def text_list(self, arrow: Any) -> Any:
        """Text lists as an Arrow-backed array of lists of strings, not copied."""
        # Made directly: pd.array's dispatch on what it is given took most of the time.
        return self._pd.arrays.ArrowExtensionArray(arrow)

    @staticmethod
    def _arrow_text_array(text_dtype: Any) -> Any:
        """The array type of text_dtype if it takes Arrow strings and the dtype as they are.

        Made directly, the array skips pd.array's dispatch on what it is given (pandas 3); None
        where its constructor takes no dtype (pandas 2), and pd.array makes it.
        """
        array_type = text_dtype.construct_array_type()
        if "dtype" not in inspect.signature(array_type).parameters:
            return None
        return array_type


# By the settings that decide the dtype pandas gives text (the one pandas there is can change
# them by its options).
_makers: dict[Any, _PandasMakers] = {}


def _pandas_makers(pd: Any) -> _PandasMakers:
    """The column makers for pandas as it stands: the dtype it gives text now."""
    # Reading the settings costs less than asking pandas what it makes of text (a Series made
    # and inferred each call), so that is asked once for each setting.
    key = (_infers_str(pd), _option(pd, "mode.string_storage"))
    makers = _makers.get(key)
    if makers is None:
        # What pandas makes of text by itself: object (pandas 2) or str (pandas 3).
        makers = _PandasMakers(pd, pd.Series(["text"]).dtype)
        _makers[key] = makers
    return makers


def _infers_str(pd: Any) -> Any:
    """Whether pandas infers its str dtype for text now, None where it has no such setting.

    pandas 3 warns whenever its option is read (it is deprecated, though it can still be set),
    so it is read as pandas reads it itself, where pandas has that function.
    """
    using_string_dtype = getattr(importlib.import_module("pandas._config"),
                                 "using_string_dtype", None)
    if using_string_dtype is None:
        return _option(pd, "future.infer_string")
    return using_string_dtype()


def _option(pd: Any, name: str) -> Any:
    """pandas' option of that name, None where this pandas has none."""
    try:
        return pd.get_option(name)
    except KeyError:  # pandas' OptionError is one
        return None


def to_arrow(table: Table) -> Any:
    """The table as a pyarrow.Table, one column per table column, in order.

    Types: text (enumerator names too) ``string``, dates ``date32``, numbers ``float64``,
    integers ``int64``, booleans ``bool``, text lists ``list<string>``. Missing values are nulls
    (a NaN number included).
    """
    pa = _require("pyarrow")
    arrow_types = {
        ColumnType.text: pa.string(),
        ColumnType.date: pa.date32(),
        ColumnType.number: pa.float64(),
        ColumnType.integer: pa.int64(),
        ColumnType.boolean: pa.bool_(),
        ColumnType.text_list: pa.list_(pa.string()),
    }
    names, types, _ = _described(table)
    arrays = []
    for name in names:
        kind = types[name]
        if kind in (ColumnType.text, ColumnType.text_list):
            arrays.append(_arrow_text(pa, table, name, kind))
        else:
            # from_pandas: NaN and NaT are nulls, as they are in pandas.
            arrays.append(pa.array(table.column(name), type=arrow_types[kind], from_pandas=True))
    return pa.Table.from_arrays(arrays, names=names)


def _arrow_text(pa: Any, table: Table, name: str, kind: ColumnType, large: bool = False) -> Any:
    """A text or text list column as an Arrow array, from the buffers C++ lays out; made once
    for each table, which keeps it (Arrow arrays do not change, so every frame and Arrow table
    of the table shares it).

    Large (``large_string``, ``large_list``) takes the table's 64-bit offsets as they are, so
    nothing is copied; otherwise the offsets are made 32-bit, as ``string`` and ``list`` take.
    """
    # Kept with the table and let go with it: the arrays hold the table's buffers, but not the
    # Python table, so keeping them there makes no cycle.
    kept = table._kept
    array = kept.get(("arrow", name, large))
    if array is None:
        array = _make_arrow_text(pa, table, name, kind, large)
        kept[("arrow", name, large)] = array
    return array


def _described(table: Table) -> tuple[list[str], dict[str, ColumnType], dict[str, tuple[str, ...]]]:
    """The table's column names, their types and their categories (as tuples), asked of it once
    and kept with it: a table does not change, and making them took a tenth of a conversion."""
    kept = table._kept
    described = kept.get("described")
    if described is None:
        categories = {name: tuple(names) for name, names in table.categories.items()}
        described = (table.column_names, table.column_types, categories)
        kept["described"] = described
    return described


def _make_arrow_text(pa: Any, table: Table, name: str, kind: ColumnType, large: bool) -> Any:
    """A text or text list column as a new Arrow array (see _arrow_text)."""
    np = _require("numpy")
    offsets, data, third = table.text_buffers(name)
    string_type = pa.large_string() if large else pa.string()
    if not large:
        if offsets[-1] >= 2**31:
            # More text than one Arrow string array holds: pyarrow splits it into chunks.
            values = table.column(name)
            if kind is ColumnType.text_list:
                values = values.tolist()
            type_ = pa.list_(pa.string()) if kind is ColumnType.text_list else pa.string()
            return pa.array(values, type=type_)
        offsets = offsets.astype(np.int32)
    buffers = [pa.py_buffer(offsets), pa.py_buffer(data)]
    if kind is ColumnType.text_list:
        strings = pa.Array.from_buffers(string_type, len(offsets) - 1, [None, *buffers])
        if large:
            return pa.LargeListArray.from_arrays(pa.array(third), strings)
        return pa.ListArray.from_arrays(pa.array(third.astype(np.int32)), strings)
    if third.all():
        return pa.Array.from_buffers(string_type, len(third), [None, *buffers], 0)
    # Arrow counts the missing values from the bitmap when first asked.
    validity = pa.py_buffer(np.packbits(third, bitorder="little"))
    return pa.Array.from_buffers(string_type, len(third), [validity, *buffers], -1)
