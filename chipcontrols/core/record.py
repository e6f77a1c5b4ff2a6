"""Record figures: numbers the book takes from its sources, each with a citation key.

``data/record.csv`` holds every numeric fact of the record that the text or a check uses
(for example Beijing's approvals in January 2026 or the range IFP published), with its
source, access date and confidence.  Code and chapters read them here by key, never as bare
literals, so a corrected figure changes everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import strict_keywords


@dataclass(frozen=True)
class RecordFigure:
    """One sourced number of the record.

    Attributes
    ----------
    key : str
        Identifier, e.g. ``"beijing_approvals_2026_01_28"``.
    value : float
        The number, in ``unit``.
    unit : str
        Unit of ``value`` (e.g. ``"chips"``, ``"USD billion"``, ``"percent"``).
    qualifier : str
        How the source hedges it (``"more than"``, ``"about"``, ``"under"``, ...), or ``""``.
    date : str
        ISO date the fact was reported or took effect.
    description : str
        What the number is, in one sentence.
    citation : str
        Bibliography key of the source in ``references.bib``.
    confidence : str
        ``high``, ``medium`` or ``low``.
    """

    key: str
    value: float
    unit: str
    qualifier: str
    date: str
    description: str
    citation: str
    confidence: str


@lru_cache(maxsize=1)
def figures() -> dict[str, RecordFigure]:
    """Every record figure of ``data/record.csv``, validated, by key."""
    table = load_table("record")
    return {
        row.key: RecordFigure(
            row.key,
            float(row.value),
            row.unit,
            row.qualifier if isinstance(row.qualifier, str) else "",
            str(row.date)[:10],
            row.description,
            row.citation,
            row.confidence,
        )
        for row in table.itertuples()
    }


@strict_keywords
def figure(key: str) -> RecordFigure:
    """The record figure named ``key``.

    Raises
    ------
    ValueError
        For a key that ``data/record.csv`` does not have (the message lists the valid keys).
    """
    known = figures()
    if not isinstance(key, str) or key not in known:
        raise ValueError(f"key = {key!r} is not a record figure; valid keys: {sorted(known)}")
    return known[key]


@strict_keywords
def value(key: str) -> float:
    """The number of the record figure named ``key`` (see :func:`figure`)."""
    return figure(key).value
