"""Tables as pandas DataFrames and Arrow tables.

The columns are built in C++ (:meth:`bestvalue.Table.columns` gives numpy arrays; categoricals
come from :meth:`bestvalue.Table.codes`, Arrow's text from :meth:`bestvalue.Table.text_buffers`,
views of the table's own buffers, so no Python object is made per value for them); these
functions only hand them to pandas or pyarrow, which are optional: each is imported when first
needed, and its absence raises :class:`ImportError` naming the package to install.
"""

from __future__ import annotations

import importlib
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
    """
    pd = _require("pandas")
    categories = table.categories
    types = table.column_types
    # What pandas makes of text by itself: object (pandas 2) or str (pandas 3).
    text_dtype = pd.Series(["text"]).dtype
    arrow_backed = getattr(text_dtype, "storage", None) == "pyarrow"
    pa = importlib.import_module("pyarrow") if arrow_backed else None
    data = {}
    for name in table.column_names:
        kind = types[name]
        if name in categories:
            # From the codes C++ gives: no str made per row, nor looked up again by pandas.
            dtype = pd.CategoricalDtype(categories[name])
            data[name] = pd.Categorical.from_codes(table.codes(name), dtype=dtype)
        elif kind in (ColumnType.text, ColumnType.text_list) and pa is not None:
            arrow = _arrow_text(pa, table, name, kind, large=True)
            dtype = text_dtype if kind is ColumnType.text else pd.ArrowDtype(arrow.type)
            data[name] = pd.array(arrow, dtype=dtype)
        elif kind in (ColumnType.text, ColumnType.text_list):
            # Object, with None for missing, whether or not the column is empty; or pandas'
            # own text dtype where it has one without Arrow.
            values = pd.Series(table.column(name), dtype=object, copy=False)
            if kind is ColumnType.text and text_dtype != object:
                values = values.astype(text_dtype)
            data[name] = values
        elif kind is ColumnType.date:
            # In seconds, as pandas holds dates: pandas would convert days.
            data[name] = table.column(name, date_unit="s")
        else:
            data[name] = table.column(name)
    # The arrays are new and the frame's alone: no copy needed.
    return pd.DataFrame(data, columns=table.column_names, copy=False)


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
    types = table.column_types
    arrays = []
    for name in table.column_names:
        kind = types[name]
        if kind in (ColumnType.text, ColumnType.text_list):
            arrays.append(_arrow_text(pa, table, name, kind))
        else:
            # from_pandas: NaN and NaT are nulls, as they are in pandas.
            arrays.append(pa.array(table.column(name), type=arrow_types[kind], from_pandas=True))
    return pa.Table.from_arrays(arrays, names=table.column_names)


def _arrow_text(pa: Any, table: Table, name: str, kind: ColumnType, large: bool = False) -> Any:
    """A text or text list column as an Arrow array, from the buffers C++ lays out.

    Large (``large_string``, ``large_list``) takes the table's 64-bit offsets as they are, so
    nothing is copied; otherwise the offsets are made 32-bit, as ``string`` and ``list`` take.
    """
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
