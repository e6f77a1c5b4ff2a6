"""data/timeline.csv: coverage, sources and citations, validated like chips.csv."""

import csv
import re
import shutil
from pathlib import Path

import pytest

from chipcontrols.core.data import DATA_DIR, DataValidationError, load_table

BIBLIOGRAPHY = Path(__file__).resolve().parents[2] / "references.bib"


@pytest.fixture(scope="module")
def timeline():
    return load_table("timeline")


def test_at_least_forty_dated_events_from_october_2022(timeline):
    assert len(timeline) >= 40
    assert str(timeline["date"].min()) == "2022-10-07"
    assert str(timeline["date"].max()) >= "2026-06-01"
    assert list(timeline["date"]) == sorted(timeline["date"])


def test_every_actor_group_appears(timeline):
    assert set(timeline["actor_group"]) == {"United States", "China", "Allies", "Industry"}


def test_citation_keys_exist_in_the_bibliography(timeline):
    keys = set(re.findall(r"@\w+\{([^,]+),", BIBLIOGRAPHY.read_text(encoding="utf-8")))
    cited = set(timeline["citation"].dropna())
    assert cited, "no event carries a citation key"
    assert cited <= keys, sorted(cited - keys)


def test_an_unknown_actor_group_names_file_row_and_column(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "timeline.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("actor_group")] = "Martians"  # row 4, header counted as row 1
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    with pytest.raises(DataValidationError) as error:
        load_table("timeline", folder)
    assert f"{path}, row 4, column 'actor_group'" in str(error.value)
