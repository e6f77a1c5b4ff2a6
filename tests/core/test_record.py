"""Record figures and timeline rows: each carries a citation that the bibliography holds."""

from pathlib import Path

import pytest

from chipcontrols.core import record
from chipcontrols.core.data import load_table
from chipcontrols.core.figures import record_period


@pytest.mark.parametrize("table", ["timeline", "record"])
def test_every_row_cites_a_source_in_the_bibliography(table, bib_keys):
    rows = load_table(table)
    assert rows["citation"].notna().all()
    missing = sorted(set(rows["citation"]) - bib_keys)
    assert missing == []


def test_record_figures_are_read_by_key_and_unknown_keys_are_refused(bib_keys):
    approvals = record.figure("beijing_h200_approvals_jan_2026")
    assert approvals.value == 400_000 and approvals.qualifier == "more than"
    assert approvals.citation in bib_keys
    with pytest.raises(ValueError, match="key = 'approvals'.*valid keys"):
        record.figure("approvals")


def test_the_record_period_is_computed_from_the_timeline():
    dates = sorted(str(d)[:10] for d in load_table("timeline")["date"])
    period = record_period()
    assert (period["start"], period["end"]) == (dates[0], dates[-1])
    year, month, day = dates[-1].split("-")
    assert period["end_text"].endswith(year) and period["end_text"].startswith(str(int(day)))


def test_the_last_search_is_the_latest_access_date_in_the_data():
    import csv

    data = Path(__file__).resolve().parents[2] / "data"
    accessed = []
    for path in data.glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            accessed += [
                row["accessed"][:10] for row in csv.DictReader(handle) if row.get("accessed")
            ]
    period = record_period()
    assert period["searched"] == max(accessed)
    assert period["end"] <= period["searched"]
