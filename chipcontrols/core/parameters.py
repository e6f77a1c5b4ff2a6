"""Parameters declared once: name, label, unit, default, valid range, slider step, source, LaTeX.

A :class:`Parameter` is the single source of everything the book knows about one model input:
its sympy symbol (:attr:`Parameter.symbol`, named after the parameter, so the same name is
the Python keyword, the sympy symbol and the website's Vega signal), its LaTeX name in the
chapter's equations, its slider (Altair on the static site, ipywidgets in a live kernel) and
the range a model function accepts.  A model collects its declarations in a
:class:`ParameterSet`, from which the maps between names, symbols and LaTeX are derived.

Inputs that are not sliders (a chip's TPP, a table, a range of an axis) are checked with
:func:`require_number`, which reports bad values the same way: the parameter, the value and
the valid range, in a ``ValueError``.  Nothing is clamped.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sympy as sp

#: Every parameter declared by any model, by name: one name, one quantity, across the book.
_DECLARED: dict[str, Parameter] = {}


def _format(value: float) -> str:
    """A bound as text: ``inf`` or ``-inf`` for infinity, otherwise the shortest general format."""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:g}"


#: How a log rate per year reads as a multiple: growth (× e^g) or decline (× e^-g); "" for none.
PER_YEAR = ("", "growth", "decline")


class UnknownKeywordError(ValueError, TypeError):
    """A keyword argument the function does not take (a ``ValueError`` and a ``TypeError``)."""


def strict_keywords(function):
    """Make ``function`` refuse unknown keyword arguments with a ``ValueError`` naming them.

    Python itself raises a ``TypeError`` for an unexpected keyword; the book's functions raise
    :class:`UnknownKeywordError` (both a ``ValueError`` and a ``TypeError``) that lists the
    keywords the function does take.

    Examples
    --------
    >>> @strict_keywords
    ... def area(width, height=1.0):
    ...     return width * height
    >>> area(2, heigth=3)
    Traceback (most recent call last):
    ...
    chipcontrols.core.parameters.UnknownKeywordError: area: unknown keyword(s) ['heigth']; valid keywords: ['width', 'height']
    """
    signature = inspect.signature(function)
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values())
    valid = [
        name
        for name, p in signature.parameters.items()
        if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        and name != "self"
    ]

    @functools.wraps(function)
    def checked(*args, **kwargs):
        unknown = sorted(set(kwargs) - set(valid))
        if unknown and not takes_any:
            raise UnknownKeywordError(
                f"{function.__name__}: unknown keyword(s) {unknown}; valid keywords: {valid}"
            )
        return function(*args, **kwargs)

    return checked


@strict_keywords
def describe_range(
    minimum: float, maximum: float, unit: str = "", *, minimum_included: bool = True
) -> str:
    """A range as text, e.g. ``"[50, 5000] mm²"`` or ``"(0, inf) bit-TOPS"``.

    Examples
    --------
    >>> describe_range(0, math.inf, "GB/s", minimum_included=False)
    '(0, inf) GB/s'
    >>> describe_range(-math.inf, math.inf)
    '(-inf, inf)'
    """
    opening = "[" if minimum_included and math.isfinite(minimum) else "("
    closing = "]" if math.isfinite(maximum) else ")"
    text = f"{opening}{_format(minimum)}, {_format(maximum)}{closing}"
    return f"{text} {unit}" if unit else text


@strict_keywords
def require_number(
    name: str,
    value: object,
    *,
    minimum: float = -math.inf,
    maximum: float = math.inf,
    unit: str = "",
    minimum_included: bool = True,
    label: str = "",
) -> float:
    """Return ``value`` as a float, or raise ``ValueError`` naming the parameter, value and range.

    A value must be a real number (``bool``, text, ``None`` and arrays are refused), finite,
    and inside ``[minimum, maximum]`` (``(minimum, maximum]`` when ``minimum_included`` is
    false).

    Examples
    --------
    >>> require_number("die_area", 814, minimum=0, minimum_included=False, unit="mm²")
    814.0
    >>> require_number("die_area", -5, minimum=0, minimum_included=False, unit="mm²")
    Traceback (most recent call last):
    ...
    ValueError: die_area = -5 is outside the valid range (0, inf) mm²
    >>> require_number("die_area", "814", minimum=0, unit="mm²")
    Traceback (most recent call last):
    ...
    ValueError: die_area = '814' is not a number (it is a str); valid range [0, inf) mm²
    """
    valid = describe_range(minimum, maximum, unit, minimum_included=minimum_included)
    suffix = f" ({label})" if label else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, np.ndarray) and value.ndim == 0:
            return require_number(
                name,
                value.item(),
                minimum=minimum,
                maximum=maximum,
                unit=unit,
                minimum_included=minimum_included,
                label=label,
            )
        raise ValueError(
            f"{name} = {_show(value)} is not a number (it is a "
            f"{type(value).__name__}); valid range {valid}{suffix}"
        )
    number = float(value)
    if math.isnan(number):
        raise ValueError(f"{name} = nan is not a number; valid range {valid}{suffix}")
    below = number < minimum if minimum_included else number <= minimum
    if math.isinf(number) or below or number > maximum:
        raise ValueError(f"{name} = {_show(value)} is outside the valid range {valid}{suffix}")
    return number


def _show(value: object) -> str:
    """A short, unambiguous rendering of a bad value for an error message."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
        if number.is_integer() and not math.isinf(number):
            return f"{number:.0f}"
        return f"{number:g}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Parameter:
    """One model input.

    Parameters
    ----------
    name : str
        Identifier used as the Python keyword, the sympy symbol's name and the Vega signal name.
    label : str
        Human-readable label shown next to a slider.
    unit : str
        Unit of the value, e.g. ``"mm²"``; ``""`` for a pure number.
    default : float
        Value a chart or lab starts from.
    minimum, maximum : float
        Inclusive valid range.
    step : float
        Slider step.
    source : str
        Where the default and range come from.
    latex : str
        How the symbol is typeset in the book's equations, e.g. ``r"C_{\\mathrm{CN}}"``.
    per_year : str
        For a continuous rate per year (a log rate ``g``): ``"growth"`` if a quantity grows by
        the multiple ``e^g`` a year, ``"decline"`` if it shrinks to ``e^-g`` of itself; ``""``
        for anything else.  Readers see the multiple, never the log rate
        (:meth:`multiple_per_year`; the views' sliders move the multiple).

    Examples
    --------
    >>> area = Parameter("die_area_example", "Die area", "mm²", 800, 50, 5000, 10, "illustrative",
    ...                  latex=r"A_{\\mathrm{die}}")
    >>> area.check(814)
    814.0
    >>> area.symbol, area.symbol.is_positive
    (die_area_example, True)
    >>> area.check(-5)
    Traceback (most recent call last):
    ...
    ValueError: die_area_example = -5 is outside the valid range [50, 5000] mm² (Die area)
    """

    name: str
    label: str
    unit: str
    default: float
    minimum: float
    maximum: float
    step: float
    source: str
    latex: str = ""
    per_year: str = ""

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"parameter name {self.name!r} is not a Python identifier")
        if not self.minimum <= self.default <= self.maximum:
            raise ValueError(
                f"parameter {self.name}: default {self.default} lies outside "
                f"[{self.minimum}, {self.maximum}]"
            )
        if self.step <= 0:
            raise ValueError(f"parameter {self.name}: step must be positive, got {self.step}")
        if not self.source.strip():
            raise ValueError(f"parameter {self.name}: declare a source")
        if self.per_year not in PER_YEAR:
            raise ValueError(
                f"parameter {self.name}: per_year = {self.per_year!r} is not one of {PER_YEAR}"
            )
        declared = _DECLARED.setdefault(self.name, self)
        if declared != self:
            raise ValueError(
                f"parameter {self.name!r} is declared twice with different "
                f"definitions ({declared.label!r} and {self.label!r}); one name, "
                "one quantity"
            )

    @property
    def symbol(self) -> sp.Symbol:
        """The sympy symbol of this parameter: its name, non-negative or positive per its range."""
        if self.minimum > 0:
            return sp.Symbol(self.name, positive=True)
        if self.minimum >= 0:
            return sp.Symbol(self.name, nonnegative=True)
        return sp.Symbol(self.name, real=True)

    @property
    def latex_name(self) -> str:
        """LaTeX of the symbol (the declared ``latex``, or the name set upright)."""
        return self.latex or rf"\mathrm{{{self.name}}}"

    def multiple_per_year(self, rate: float) -> float:
        """The multiple a year a log rate ``rate`` of this parameter means.

        Examples
        --------
        >>> growth = Parameter("growth_example", "Growth", "per year", 0.6, 0, 1.5, 0.01, "test",
        ...                    per_year="growth")
        >>> round(growth.multiple_per_year(0.6), 3), round(growth.multiple_per_year(0.0), 3)
        (1.822, 1.0)
        """
        if not self.per_year:
            raise ValueError(f"parameter {self.name} is not a rate per year (per_year is empty)")
        return math.exp(rate if self.per_year == "growth" else -rate)

    def describe_range(self) -> str:
        """Return the valid range as text, e.g. ``"[50, 5000] mm²"``."""
        return describe_range(self.minimum, self.maximum, self.unit)

    @strict_keywords
    def check(self, value: object) -> float:
        """Return ``value`` as a float, or raise ``ValueError`` naming parameter, value and range.

        Nothing is clamped: a value outside the declared range is an error, and so is anything
        that is not a single real number (text, ``bool``, ``None``, an array, ``nan``, ``inf``).
        """
        return require_number(
            self.name,
            value,
            minimum=self.minimum,
            maximum=self.maximum,
            unit=self.unit,
            label=self.label,
        )

    @strict_keywords
    def check_array(self, values: object) -> np.ndarray:
        """Check every element of an array-like of values; return them as a float array.

        Examples
        --------
        >>> share = Parameter("share_example", "Share", "", 0.5, 0, 1, 0.05, "test")
        >>> share.check_array([0.1, 0.2]).tolist()
        [0.1, 0.2]
        >>> share.check_array([0.1, 2])
        Traceback (most recent call last):
        ...
        ValueError: share_example = 2 is outside the valid range [0, 1] (Share)
        """
        if isinstance(values, (str, bytes, Mapping)) or values is None:
            return np.array(self.check(values))
        array = np.asarray(values, dtype=object)
        checked = [self.check(value) for value in array.ravel()]
        return np.array(checked, dtype=float).reshape(array.shape)


class ParameterSet(Mapping[str, Parameter]):
    """The declared parameters of one model, by name; names, symbols and LaTeX derive from them.

    Examples
    --------
    >>> speed = Parameter("speed_example", "Speed", "km/h", 50, 0, 130, 5, "test", latex="v")
    >>> model = ParameterSet(speed)
    >>> model.symbol("speed_example"), model.latex_names[model.symbol("speed_example")]
    (speed_example, 'v')
    >>> model.check({"speed_example": 60, "colour": 1})
    Traceback (most recent call last):
    ...
    ValueError: unknown parameter(s) ['colour']; valid names: ['speed_example']
    """

    def __init__(self, *parameters: Parameter) -> None:
        self._by_name: dict[str, Parameter] = {}
        for parameter in parameters:
            if parameter.name in self._by_name:
                raise ValueError(f"parameter {parameter.name!r} is listed twice")
            self._by_name[parameter.name] = parameter

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(
                f"{name!r} is not a declared parameter; declared: {sorted(self._by_name)}"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"ParameterSet({', '.join(self._by_name)})"

    def table(self):
        """The declarations as a table: name, label, unit, default, minimum, maximum, source.

        Returns
        -------
        pandas.DataFrame
            One row per parameter, indexed by name, in declaration order.
        """
        return pd.DataFrame(
            [
                {
                    "name": p.name,
                    "label": p.label,
                    "unit": p.unit,
                    "default": p.default,
                    "minimum": p.minimum,
                    "maximum": p.maximum,
                    "source": p.source,
                }
                for p in self._by_name.values()
            ]
        ).set_index("name")

    def symbol(self, name: str) -> sp.Symbol:
        """The sympy symbol of a declared parameter."""
        return self[name].symbol

    @property
    def symbols(self) -> dict[str, sp.Symbol]:
        """Name → sympy symbol, for every declared parameter."""
        return {name: p.symbol for name, p in self._by_name.items()}

    @property
    def latex_names(self) -> dict[sp.Symbol, str]:
        """Sympy symbol → LaTeX name, for ``sympy.latex(..., symbol_names=...)``."""
        return {p.symbol: p.latex_name for p in self._by_name.values()}

    def of_symbol(self, symbol: sp.Symbol) -> Parameter:
        """The declaration behind a sympy symbol."""
        for parameter in self._by_name.values():
            if parameter.symbol == symbol:
                return parameter
        raise KeyError(f"symbol {symbol} is not declared; declared: {sorted(self._by_name)}")

    def subset(self, *names: str) -> ParameterSet:
        """The declarations of ``names``, in that order."""
        return ParameterSet(*(self[name] for name in names))

    @strict_keywords
    def check(self, values: Mapping[str, object]) -> dict[str, float]:
        """Check keyword values against the declarations; fill the rest with defaults.

        Raises
        ------
        ValueError
            For a name that is not declared (listing the valid names), or a value that
            :meth:`Parameter.check` refuses.
        """
        unknown = sorted(set(values) - set(self._by_name))
        if unknown:
            raise ValueError(
                f"unknown parameter(s) {unknown}; valid names: {sorted(self._by_name)}"
            )
        return {
            name: p.check(values[name]) if name in values else float(p.default)
            for name, p in self._by_name.items()
        }

    def defaults(self) -> dict[str, float]:
        """Name → declared default."""
        return {name: float(p.default) for name, p in self._by_name.items()}
