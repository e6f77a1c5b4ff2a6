"""Parameters declared once: label, unit, default, valid range, slider step and source.

Every slider in the book (Altair on the static site, ipywidgets in a live kernel) is
generated from a :class:`Parameter`, and every model function checks its inputs with
:meth:`Parameter.check`, so the range a reader can choose and the range a function
accepts are the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """One model input.

    Parameters
    ----------
    name : str
        Identifier used in code, in sympy symbols and as the Vega signal name.
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

    Examples
    --------
    >>> area = Parameter("die_area", "Die area", "mm²", 800, 50, 5000, 10, "illustrative")
    >>> area.check(814)
    814.0
    >>> area.check(-5)
    Traceback (most recent call last):
    ...
    ValueError: die_area = -5 is outside the valid range [50, 5000] mm² (Die area)
    """

    name: str
    label: str
    unit: str
    default: float
    minimum: float
    maximum: float
    step: float
    source: str

    def __post_init__(self) -> None:
        if not self.minimum <= self.default <= self.maximum:
            raise ValueError(
                f"parameter {self.name}: default {self.default} lies outside "
                f"[{self.minimum}, {self.maximum}]"
            )
        if self.step <= 0:
            raise ValueError(f"parameter {self.name}: step must be positive, got {self.step}")

    def describe_range(self) -> str:
        """Return the valid range as text, e.g. ``"[50, 5000] mm²"``."""
        unit = f" {self.unit}" if self.unit else ""
        return f"[{self.minimum:g}, {self.maximum:g}]{unit}"

    def check(self, value: float) -> float:
        """Return ``value`` as a float, or raise ``ValueError`` naming parameter, value and range.

        Nothing is clamped: a value outside the declared range is an error.
        """
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(
                f"{self.name} = {value!r} is not a number; valid range {self.describe_range()}"
                f" ({self.label})"
            ) from None
        if math.isnan(number) or not self.minimum <= number <= self.maximum:
            raise ValueError(
                f"{self.name} = {value:g} is outside the valid range "
                f"{self.describe_range()} ({self.label})"
            )
        return number
