"""data/chips.csv: contents, sources, and clear errors for every kind of corruption."""

import csv
import shutil
from pathlib import Path

import pytest

from chipcontrols.core.data import DATA_DIR, DataValidationError, load_chips

REQUIRED_CHIPS = {
    "A100",
    "H100",
    "H800",
    "H20",
    "H200",
    "B200",
    "MI308X",
    "MI325X",
    "Ascend 910B",
    "Ascend 910C",
    "Ascend 950PR",
}


def test_at_least_fourteen_accelerators_including_the_required_ones(chips):
    assert len(chips) >= 14
    names = " | ".join(chips["chip"])
    for required in REQUIRED_CHIPS:
        assert required in names, required


def test_every_row_has_a_source_and_a_confidence(chips):
    assert chips["source_url"].str.match(r"https?://").all()
    assert (chips["source_title"].str.len() >= 3).all()
    assert chips["accessed"].notna().all()
    assert set(chips["confidence"]) <= {"high", "medium", "low"}


def test_blank_figures_stay_blank(chips):
    mi308x = chips.set_index("chip_id").loc["amd-instinct-mi308x"]
    assert mi308x[["die_area_mm2", "dense_fp16_tflops", "dense_8bit_tops"]].isna().all()


def _corrupt(tmp_path: Path, change) -> Path:
    """Copy data/ to tmp_path and apply ``change(rows)`` to chips.csv's rows (header first)."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / "chips.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return folder


def _set(row_number: int, column: str, value: str):
    """A change that sets one cell; row_number counts the header as row 1."""

    def change(rows):
        rows[row_number - 1][rows[0].index(column)] = value

    return change


def _drop_column(column: str):
    def change(rows):
        index = rows[0].index(column)
        for row in rows:
            del row[index]

    return change


def _duplicate_row(row_number: int):
    def change(rows):
        rows.append(list(rows[row_number - 1]))

    return change


CORRUPTIONS = {
    "missing column": (_drop_column("launch_year"), 1, "launch_year", "missing column"),
    "wrong type": (_set(3, "launch_year", "twenty-twenty"), 3, "launch_year", "type"),
    "negative area": (_set(4, "die_area_mm2", "-814"), 4, "die_area_mm2", "minimum"),
    "unknown confidence": (_set(5, "confidence", "certain"), 5, "confidence", "enum"),
    "missing source": (_set(6, "source_url", ""), 6, "source_url", "required"),
    "duplicate chip": (_duplicate_row(2), None, "chip_id", "unique"),
    "non-numeric throughput": (_set(7, "dense_8bit_tops", "~1979"), 7, "dense_8bit_tops", "type"),
    "bad date": (_set(8, "accessed", "2026-02-30"), 8, "accessed", "type"),
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_corruption_is_reported_with_file_row_and_column(tmp_path, kind):
    change, row, column, reason = CORRUPTIONS[kind]
    folder = _corrupt(tmp_path, change)
    with pytest.raises(DataValidationError) as error:
        load_chips(folder)
    if row is None:  # the duplicate is appended as the last row
        with open(folder / "chips.csv", encoding="utf-8") as handle:
            row = len(list(csv.reader(handle)))
    expected_place = f"{folder / 'chips.csv'}, " + ("row 1 (header)" if row == 1 else f"row {row}")
    matching = [p for p in error.value.problems if p.column == column]
    assert matching, str(error.value)
    problem = matching[0]
    assert str(problem).startswith(expected_place + f", column '{column}'"), str(problem)
    assert reason in problem.message
    assert str(problem) in str(error.value)


def test_a_missing_file_is_an_error_not_an_empty_table(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    (folder / "chips.csv").unlink()
    with pytest.raises(DataValidationError, match="file not found"):
        load_chips(folder)


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.csv")), ids=lambda path: path.name)
def test_tables_end_their_lines_as_the_repository_does(path):
    # A table rewritten with CRLF shows in a diff as every line changed.
    assert b"\r\n" not in path.read_bytes(), f"{path.name} has CRLF line endings; write LF"
