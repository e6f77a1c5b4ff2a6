"""Which limit binds: the one rule the models apply in Python and the charts print to Vega.

A model's outcome is set by several named limits (chapter 1's four limits on exports, chapter
5's bounds on Beijing's import share).  The limits that *bind* are those within
:data:`TIE_TOLERANCE` of the chosen value, named in the order the model declares them; two or
more bind when they tie, and the text joins their names with :data:`JOINER` and adds
:data:`TIED`.  A model may name a *floor*, reported alone when the chosen value is zero (within
the tolerance): Beijing buying nothing is set by its not buying, whatever else is at zero.

:func:`binding` and :func:`binding_text` apply the rule in Python; :func:`binding_text_vega`
prints the same rule, from the same tolerance, order and joining, as a Vega expression that the
website evaluates as the sliders move, so the text under a chart and the text the model reports
cannot drift apart (``tests/core/test_limits.py`` evaluates both on ties).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = [
    "JOINER",
    "TIED",
    "TIE_TOLERANCE",
    "binding",
    "binding_text",
    "binding_text_vega",
    "within_tolerance",
    "within_tolerance_vega",
]

#: Limits within this distance of the chosen value all bind (a tie); in the model's own unit.
TIE_TOLERANCE = 1e-9
#: What joins the names of limits that tie.
JOINER = " and "
#: What follows the names when two or more limits tie.
TIED = " (tied)"


def within_tolerance(value: float, chosen: float) -> bool:
    """Whether a limit at ``value`` binds when the chosen value is ``chosen``.

    Examples
    --------
    >>> within_tolerance(0.5, 0.5 + 1e-10), within_tolerance(0.5, 0.5 + 1e-8)
    (True, False)
    """
    return abs(value - chosen) <= TIE_TOLERANCE


def binding(
    chosen: float, limits: Mapping[str, float], *, floor: str | None = None
) -> tuple[str, ...]:
    """The names of the limits that bind, in the order of ``limits``.

    Parameters
    ----------
    chosen : float
        The value the limits set (the export volume, the import share).
    limits : mapping of str to float
        Each limit's name and value, in the order the model declares them.
    floor : str, optional
        A name reported alone when ``chosen`` is at most :data:`TIE_TOLERANCE` (zero).

    Examples
    --------
    >>> binding(0.5, {"demand": 2.0, "supply": 0.5, "cap": 0.5 + 1e-12})
    ('supply', 'cap')
    >>> binding(0.0, {"interior": -0.2, "cap": 0.25}, floor="no imports")
    ('no imports',)
    """
    if floor is not None and chosen <= TIE_TOLERANCE:
        return (floor,)
    return tuple(name for name, value in limits.items() if within_tolerance(value, chosen))


def binding_text(names: Sequence[str]) -> str:
    """The binding limits as text: ``"supply and cap (tied)"`` when two or more tie.

    Examples
    --------
    >>> binding_text(("supply",)), binding_text(("supply", "cap"))
    ('supply', 'supply and cap (tied)')
    """
    joined = JOINER.join(names)
    return joined + TIED if len(names) > 1 else joined


def _literal(text: str) -> str:
    """A Vega string literal, single-quoted."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def within_tolerance_vega(value: str, chosen: str) -> str:
    """:func:`within_tolerance` as a Vega expression of the Vega expressions ``value``, ``chosen``.

    Examples
    --------
    >>> within_tolerance_vega("datum.value", "datum.volume")
    'abs(datum.value - datum.volume) <= 1e-09'
    """
    return f"abs({value} - {chosen}) <= {TIE_TOLERANCE!r}"


def binding_text_vega(
    chosen: str, limits: Sequence[tuple[str, str]], *, floor: str | None = None
) -> str:
    """:func:`binding_text` of :func:`binding`, as one Vega expression.

    Parameters
    ----------
    chosen : str
        Vega expression of the chosen value.
    limits : sequence of (str, str)
        Each limit's name and value, both as Vega expressions (a fixed name as a string
        literal, e.g. ``json.dumps(name)``), in the order the model declares them.
    floor : str, optional
        Vega expression of the name reported alone when the chosen value is zero.

    Examples
    --------
    >>> print(binding_text_vega("datum.s", [('"cap"', "datum.cap")]))
    slice((abs(datum.cap - datum.s) <= 1e-09 ? "cap" + ' and ' : ''), 0, -5) + (((abs(datum.cap - datum.s) <= 1e-09 ? 1 : 0)) > 1 ? ' (tied)' : '')
    """
    conditions = [(within_tolerance_vega(value, chosen), name) for name, value in limits]
    joined = " + ".join(
        f"({condition} ? {name} + {_literal(JOINER)} : '')" for condition, name in conditions
    )
    count = " + ".join(f"({condition} ? 1 : 0)" for condition, _ in conditions)
    named = f"slice({joined}, 0, -{len(JOINER)}) + (({count}) > 1 ? {_literal(TIED)} : '')"
    if floor is None:
        return named
    return f"({chosen} <= {TIE_TOLERANCE!r} ? {floor} : {named})"
