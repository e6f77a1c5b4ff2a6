"""Glue the model's numbers into a chapter, so its prose cites them instead of typing them.

Every key is named by what it belongs to: a chapter's own figures by its model
(``coalition_ex_seed_share``, ``ledger_sol_memo_rubric_total``), the figures any page may cite by
a book-wide prefix (:data:`BOOK_WIDE_PREFIXES`: ``record_``, ``period_``, ``chip_``, ``book_``,
``guide_``).  Each model's views have a ``numbers`` module whose ``GROUPS`` maps each glue
prefix to the function that computes its figures, and whose ``glue_numbers()`` is the whole of
the chapter's setup cell.

Examples
--------
>>> groups = {"coalition_ex": lambda: {"seed": 0.2}, "coalition": lambda: {"ex_seed": 0.3}}
>>> glued_keys(groups)
Traceback (most recent call last):
...
ValueError: coalition_ex_seed is glued twice: by group coalition_ex and by group coalition
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import sympy as sp
from IPython.display import Markdown, Math

from widgets.core.stage import writing_the_book

__all__ = ["BOOK_WIDE_PREFIXES", "glue_all", "glue_groups", "glued_keys"]

#: Prefixes of the figures every page may cite: the record (``data/record.csv``), its period,
#: the chips (``data/chips.csv``), the book's generated boxes and the instructor guide's tables.
BOOK_WIDE_PREFIXES = ("record", "period", "chip", "book", "guide")

#: A group of figures: a function that returns them, by key.
Group = Callable[[], Mapping[str, object]]


def glue_all(prefix: str, values: Mapping[str, object]) -> None:
    """Glue each value as ``<prefix>_<key>``: numbers as numbers, text as Markdown, sympy as math.

    Only while the book is written (:func:`~widgets.core.display.writing_the_book`); in a
    student's kernel it glues nothing.

    The chapter cites them with ``{glue:text}`prefix_key:.2f``` (numbers),
    ``{glue:md}`prefix_key``` (text) or the ``glue:math`` directive (formulas).
    """
    from myst_nb import glue

    if not writing_the_book():
        # A student's kernel: the notebook's text already shows every number
        # (tools/lab_notebooks.py), and the glued values would be hundreds of empty outputs.
        return
    for key, value in values.items():
        if isinstance(value, str):
            value = Markdown(value)
        elif isinstance(value, Math):
            pass
        elif isinstance(value, sp.Basic):
            raise ValueError(
                f"{prefix}_{key}: glue a typeset equation (widgets.equation), "
                "not a bare sympy object"
            )
        glue(f"{prefix}_{key}", value, display=False)


def _computed(groups: Mapping[str, Group], prefixes: tuple[str, ...]) -> dict[str, Mapping]:
    unknown = [prefix for prefix in prefixes if prefix not in groups]
    if unknown:
        raise ValueError(f"no group {unknown}; the groups are {sorted(groups)}")
    return {prefix: groups[prefix]() for prefix in prefixes or tuple(groups)}


def _check_unique(values: Mapping[str, Mapping[str, object]]) -> set[str]:
    owner: dict[str, str] = {}
    for prefix, figures in values.items():
        for key in figures:
            name = f"{prefix}_{key}"
            if name in owner:
                raise ValueError(
                    f"{name} is glued twice: by group {owner[name]} and by group {prefix}"
                )
            owner[name] = prefix
    return set(owner)


def glued_keys(groups: Mapping[str, Group], *prefixes: str) -> set[str]:
    """Every key ``glue_groups(groups, *prefixes)`` glues.

    Raises
    ------
    ValueError
        If a prefix names no group, or two groups would glue the same key (``coalition`` with
        ``ex_seed`` and ``coalition_ex`` with ``seed``, say).
    """
    return _check_unique(_computed(groups, prefixes))


def glue_groups(groups: Mapping[str, Group], *prefixes: str) -> None:
    """Glue each group as ``<prefix>_<key>`` (only the groups ``prefixes`` name, if any).

    Raises
    ------
    ValueError
        As :func:`glued_keys`: nothing is glued if a key would be glued twice.
    """
    values = _computed(groups, prefixes)
    _check_unique(values)
    for prefix, figures in values.items():
        glue_all(prefix, figures)
