"""Assessment frameworks as data: load a shipped or your own framework file and evaluate it.

>>> from bestvalue import frameworks
>>> uor = frameworks.load("use-of-resources-2005")
>>> result = uor.evaluate({"financial_reporting": 4, "financial_management": 4,
...                        "financial_standing": 3, "internal_control": 3,
...                        "value_for_money": 3})
>>> result.outcome
'4'

Names are looked up, in order: an explicit path; ``$BESTVALUE_DATA_DIR/frameworks/``; the
frameworks shipped inside this package; the library's installed ``share/bestvalue`` and the
source tree's ``data/`` folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Set, Union

from bestvalue._core import Framework, load_framework

__all__ = ["Framework", "available", "load", "package_data_dir", "search_path"]


def package_data_dir() -> Path:
    """The data folder shipped inside the package (holds ``frameworks/<name>.json``)."""
    return Path(__file__).resolve().parent / "data"


def search_path() -> List[Path]:
    """The folders searched for a framework by name, in order."""
    from bestvalue._core import framework_search_path

    folders: List[Path] = []
    if os.environ.get("BESTVALUE_DATA_DIR"):
        folders.append(Path(os.environ["BESTVALUE_DATA_DIR"]))
    folders.append(package_data_dir())
    for folder in framework_search_path():
        if Path(folder) not in folders:
            folders.append(Path(folder))
    return folders


def _find(name_or_path: Union[str, os.PathLike]) -> str:
    text = os.fspath(name_or_path)
    if os.path.isfile(text) or text.endswith(".json") or os.sep in text or "/" in text:
        return text
    for folder in search_path():
        candidate = folder / "frameworks" / f"{text}.json"
        if candidate.is_file():
            return str(candidate)
    return text  # the core raises NotFound, naming it


def load(name_or_path: Union[str, os.PathLike]) -> Framework:
    """A framework by path, or a shipped one by name: ``load("cpa-2005-stars")``.

    The result evaluates ratings (a dict of component → level code, ints allowed):
    ``load(name).evaluate({...})`` returns an :class:`Evaluation` that prints its explanation
    and converts with ``to_dict()``.
    """
    return load_framework(_find(name_or_path))


def available() -> List[str]:
    """The names of the frameworks found on the search path, sorted."""
    names: Set[str] = set()
    for folder in search_path():
        names.update(path.stem for path in (folder / "frameworks").glob("*.json"))
    return sorted(names)
