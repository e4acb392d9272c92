"""Every example in docs/ and in the package's docstrings runs, and prints what it says."""

import doctest

import pytest

import bestvalue


@pytest.mark.parametrize(
    "page", ["docs/calendar.md", "docs/query.md", "docs/ratings.md", "docs/sqlite.md", "README.md"]
)
def test_docs_examples_run(root, page, monkeypatch):
    monkeypatch.chdir(root)  # examples name files relative to the repository
    result = doctest.testfile(str(root / page), module_relative=False,
                              optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_package_docstring_examples_run():
    result = doctest.testmod(bestvalue)
    assert result.attempted > 0
    assert result.failed == 0
