"""Validated loading of the book's tables in ``data/``.

Each table is a resource of ``data/datapackage.json`` (a Frictionless Data Package).  The
loader validates the file against its Table Schema with the ``frictionless`` library and
refuses bad data: every problem is reported with the file, the row (spreadsheet numbering:
the header is row 1, the first data row is row 2) and the column.  Nothing is dropped or
coerced silently.

Validation is slow (about a second for the whole package, and importing ``frictionless`` and
``jsonschema`` costs more), so a table that passed is kept in the cache folder of
:mod:`chipcontrols.core.derivations`, keyed by the hash of its file, the descriptor and the
library versions: a changed byte validates it again, and a table that fails is never kept.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from chipcontrols.core.derivations import cache_folder, keep, kept
from chipcontrols.core.parameters import strict_keywords

#: The repository's data folder (``data/`` beside the package).
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
#: Rows of a report shown in an error message before "... and N more".
_MAX_REPORTED = 20


@dataclass(frozen=True)
class DataProblem:
    """One problem found in a data file."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append("row 1 (header)" if self.row == 1 else f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return ", ".join(where) + f": {self.message}"


class DataValidationError(ValueError):
    """A data file does not match its schema; ``problems`` lists every finding."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        lines = [str(problem) for problem in problems[:_MAX_REPORTED]]
        if len(problems) > _MAX_REPORTED:
            lines.append(f"... and {len(problems) - _MAX_REPORTED} more")
        super().__init__(f"{len(problems)} problem(s) in the data:\n  " + "\n  ".join(lines))


def _problems(report, file_label: str) -> list[DataProblem]:
    problems = []
    for task in report.tasks:
        for error in task.errors:
            row = getattr(error, "row_number", None)
            if row is None and getattr(error, "row_numbers", None):
                row = error.row_numbers[0]
            column = getattr(error, "field_name", None) or getattr(error, "label", None)
            cell = getattr(error, "cell", None)
            detail = f"{error.title.lower()}: {error.note}"
            if cell is not None:
                detail += f" (value {cell!r})"
            problems.append(DataProblem(file_label, row, column, detail))
    for error in report.errors:
        problems.append(DataProblem(file_label, None, None, error.message))
    return problems


def _check_header(path: Path, expected: list[str], file_label: str) -> None:
    """Raise if columns are missing or unexpected (before positional checks add noise)."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle), [])
    except FileNotFoundError:
        raise DataValidationError(
            [DataProblem(file_label, None, None, "file not found")]
        ) from None
    problems = [
        DataProblem(file_label, 1, name, "missing column")
        for name in expected
        if name not in header
    ]
    problems += [
        DataProblem(file_label, 1, name, "column not described in datapackage.json")
        for name in header
        if name not in expected
    ]
    if problems:
        raise DataValidationError(problems)


@strict_keywords
def load_table(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Validate and load one table of the data package.

    Parameters
    ----------
    name : str
        Resource name in ``datapackage.json``, e.g. ``"chips"``.
    data_dir : path, optional
        Folder holding ``datapackage.json`` and the CSV files; defaults to :data:`DATA_DIR`.

    Returns
    -------
    pandas.DataFrame
        One row per record, columns typed per the schema (blank numbers become ``NaN``).

    Raises
    ------
    DataValidationError
        Listing every problem with file, row and column.
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    descriptor = folder / "datapackage.json"
    resources = _resources(*_stamp(descriptor))
    if not isinstance(name, str) or name not in resources:
        raise ValueError(
            f"name = {name!r} is not a table of {descriptor}; valid names: {sorted(resources)}"
        )
    path = folder / resources[name]["path"]
    return _validated_table(*_stamp(descriptor), name, *_stamp(path)).copy()


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file's path with its modification time and size: a cache key that changes with the file."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return str(path), -1, -1
    return str(path), status.st_mtime_ns, status.st_size


@lru_cache(maxsize=8)
def _resources(descriptor: str, _mtime: int, _size: int) -> dict[str, dict]:
    """The package's resources by name, as ``datapackage.json`` declares them."""
    try:
        text = Path(descriptor).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataValidationError(
            [DataProblem(descriptor, None, None, "file not found")]
        ) from None
    return {resource["name"]: resource for resource in json.loads(text)["resources"]}


def _kept_path(descriptor: str, name: str, path: str) -> Path | None:
    """Where a validated copy of the table is kept: named by the hash of everything it depends on."""
    folder = cache_folder()
    if folder is None or not Path(path).is_file():
        return None
    digest = hashlib.sha256()
    for file in (descriptor, path):
        digest.update(Path(file).read_bytes())
    for library in ("frictionless", "pandas"):
        digest.update(version(library).encode())
    return folder / "tables" / f"{name}-{digest.hexdigest()[:20]}.pickle"


@lru_cache(maxsize=64)
def _validated_table(
    descriptor: str,
    descriptor_mtime: int,
    descriptor_size: int,
    name: str,
    path: str,
    _mtime: int,
    _size: int,
) -> pd.DataFrame:
    """One table validated and loaded, once per process and version of its file."""
    where = _kept_path(descriptor, name, path)
    frame = kept(where)
    if frame is None:
        frame = _validate_and_read(descriptor, name, path)
        if where is not None:
            keep(where, frame)  # where it cannot be written, it is validated again next time
    return frame


def _validate_and_read(descriptor: str, name: str, path: str) -> pd.DataFrame:
    """Validate one table with ``frictionless`` and read it, typed per its schema."""
    import frictionless

    package = frictionless.Package(descriptor)
    resource = package.get_resource(name)
    _check_header(Path(path), resource.schema.field_names, path)
    report = resource.to_copy().validate()
    if not report.valid:
        raise DataValidationError(_problems(report, path))
    resource = package.get_resource(name).to_copy()
    rows = [row.to_dict() for row in resource.read_rows()]
    frame = pd.DataFrame(rows, columns=resource.schema.field_names)
    for field in resource.schema.fields:
        if field.type in ("number", "integer"):
            frame[field.name] = pd.to_numeric(frame[field.name]).astype(
                float if field.type == "number" else "Int64"
            )
    return frame


def table_names(data_dir: Path | str | None = None) -> tuple[str, ...]:
    """The tables of the data package, in the order ``datapackage.json`` lists them.

    Examples
    --------
    >>> "chips" in table_names()
    True
    """
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    return tuple(_resources(*_stamp(folder / "datapackage.json")))


@strict_keywords
def load_chips(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The accelerators of ``data/chips.csv``, validated (see :func:`load_table`)."""
    return load_table("chips", data_dir)


@strict_keywords
def field_values(name: str, field: str, data_dir: Path | str | None = None) -> tuple[str, ...]:
    """The values a field may take, in the order ``datapackage.json`` lists them (its enum).

    Views use this for filter lists and colour orders, so the data package is the one place
    the categories are declared.

    Examples
    --------
    >>> field_values("timeline", "actor_group")
    ('United States', 'China', 'Allies', 'Industry')
    """
    return tuple(_field(name, field, data_dir)["constraints"]["enum"])


@strict_keywords
def field_labels(name: str, field: str, data_dir: Path | str | None = None) -> dict[str, str]:
    """Value → reader-facing label of a coded field, from its ``categories`` in the package.

    Examples
    --------
    >>> field_labels("timeline", "category")["us_policy"]
    'US policy'
    """
    categories = _field(name, field, data_dir).get("categories", [])
    labels = {category["value"]: category["label"] for category in categories}
    missing = set(field_values(name, field, data_dir)) - set(labels)
    if missing:
        raise ValueError(
            f"datapackage.json, resource {name!r}, field {field!r}: no label for {sorted(missing)}"
        )
    return {value: labels[value] for value in field_values(name, field, data_dir)}


def _field(name: str, field: str, data_dir: Path | str | None) -> dict:
    """A field's declaration in ``datapackage.json``."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    resources = _resources(*_stamp(folder / "datapackage.json"))
    if name not in resources:
        raise ValueError(f"name = {name!r} is not a table; valid names: {sorted(resources)}")
    fields = {declared["name"]: declared for declared in resources[name]["schema"]["fields"]}
    if field not in fields:
        raise ValueError(f"field = {field!r} is not a column of {name}; valid: {list(fields)}")
    return fields[field]


@strict_keywords
def require_table(table: object, name: str, columns: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Return ``table`` if it is a DataFrame with ``columns``; otherwise raise ``ValueError``.

    Examples
    --------
    >>> require_table("chips.csv", "chips", ["chip_id"])
    Traceback (most recent call last):
    ...
    ValueError: chips = 'chips.csv' is not a table (pandas.DataFrame) with columns ['chip_id']
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(
            f"{name} = {table!r:.60} is not a table (pandas.DataFrame) with columns "
            f"{list(columns)}"
        )
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {missing}; needs {list(columns)}")
    return table
