"""Numbers a chapter cites, computed from declarations, the record, the rules and the data.

Each function returns a flat mapping of names to numbers (or short texts); a chapter glues
them (``widgets.glue_all``) and its prose cites them, so no number is typed in the text.
"""

from __future__ import annotations

from datetime import date

from chipcontrols.core import record
from chipcontrols.core.data import load_chips, load_table, table_names
from chipcontrols.core.parameters import ParameterSet
from chipcontrols.eccn3a090 import RULE_VERSIONS, classify_chips, versions


def parameter_figures(parameters: ParameterSet) -> dict[str, float]:
    """``<name>_default``, ``<name>_min`` and ``<name>_max`` of every declared parameter."""
    figures = {}
    for name, parameter in parameters.items():
        figures[f"{name}_default"] = float(parameter.default)
        figures[f"{name}_min"] = float(parameter.minimum)
        figures[f"{name}_max"] = float(parameter.maximum)
    return figures


def record_figures() -> dict[str, float]:
    """Every figure of ``data/record.csv``, by key."""
    return {key: item.value for key, item in record.figures().items()}


def record_period() -> dict[str, str]:
    """The record's dates: its first and last events, and the day of its last search.

    ``start`` and ``end`` are the first and last dates of ``data/timeline.csv``; ``searched``
    is the latest access date of any sourced row in ``data/`` (every table with an
    ``accessed`` column), the day the searches behind the book last ran.  Each comes as an
    ISO date and as prose (``*_text``).

    Examples
    --------
    >>> sorted(record_period())
    ['end', 'end_text', 'searched', 'searched_text', 'start', 'start_text']
    >>> record_period()["end"] <= record_period()["searched"]
    True
    """
    dates = load_table("timeline")["date"].map(lambda d: str(d)[:10])
    start, end = min(dates), max(dates)
    searched = max(
        str(day)[:10]
        for name in table_names()
        if "accessed" in (table := load_table(name)).columns
        for day in table["accessed"].dropna()
    )

    def prose(iso: str) -> str:
        day = date.fromisoformat(iso)
        return f"{day.day} {day:%B} {day.year}"

    return {
        "start": start,
        "end": end,
        "searched": searched,
        "start_text": prose(start),
        "end_text": prose(end),
        "searched_text": prose(searched),
    }


def rule_figures() -> dict[str, float]:
    """The thresholds of every rule version, by the constant's name in lower case."""
    names = (
        "TPP_LINE_2022",
        "INTERCONNECT_LINE_2022",
        "TPP_LINE",
        "TPP_DENSE_LINE",
        "DENSITY_LINE",
        "GREY_TPP_LOW",
        "GREY_DENSITY_LOW",
        "GREY_SECOND_DENSITY_LOW",
        "CASE_BY_CASE_TPP_LIMIT",
        "CASE_BY_CASE_BANDWIDTH_LIMIT",
    )
    figures = {name.lower(): float(getattr(versions, name)) for name in names}
    figures["version_count"] = float(len(RULE_VERSIONS))
    return figures


def chip_figures() -> dict[str, float]:
    """Per chip of ``data/chips.csv``: TPP, density and every published figure.

    Keys are ``<chip id with underscores>_<column>``, e.g. ``nvidia_h200_sxm_tpp``; blanks in
    the data are left out, never filled.
    """
    classified = classify_chips(load_chips())
    columns = (
        "tpp",
        "density",
        "die_area_mm2",
        "dense_fp16_tflops",
        "dense_8bit_tops",
        "dense_fp4_tflops",
        "memory_bandwidth_gbs",
        "interconnect_gbs",
        "memory_gb",
    )
    figures = {}
    for row in classified.itertuples():
        prefix = row.chip_id.replace("-", "_")
        for column in columns:
            value = getattr(row, column)
            if value == value:  # not NaN
                figures[f"{prefix}_{column}"] = float(value)
    figures["chip_count"] = float(len(classified))
    return figures
