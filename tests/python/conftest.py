import csv
import json
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


def rating(id_: str, subject: str, scale: str, level: str, date: str | None = None) -> dict:
    """A rating as a JSON document holds it; undated without `date`."""
    item = {"id": id_, "subject": subject, "scale": scale, "level": level}
    if date:
        item["date"] = date
    return item


def rated_councils(ratings: list[dict]):
    """A store of a county ('shire') and a district ('vale') with `ratings` of them."""
    import bestvalue as bv

    store = bv.Store()
    store.read_json(json.dumps({
        "bestvalue": "1",
        "organisations": [
            {"id": "shire", "name": "Shire", "kind": "county_council"},
            {"id": "vale", "name": "Vale", "kind": "district_council"},
        ],
        "ratings": ratings,
    }))
    return store
