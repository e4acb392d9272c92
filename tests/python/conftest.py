import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def read_seed_dates() -> list[dict[str, str]]:
    """Every date expression of the seed documents, with what it must read as."""
    with (DATA / "seed_dates.tsv").open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
