"""Trying a student's function: points drawn in the declared ranges, calls that never raise.

A check of a function a student wrote (``check_*_function``) tries it at parameter sets it
draws itself (:func:`sample_points`), refuses an answer that is not a function
(:func:`require_function`) and turns whatever the function does wrong, raising, returning the
starter's ``...`` or something that is not a number, into a hint naming the inputs
(:func:`call_student_function`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np

from chipcontrols.core.checking import CheckResult, is_unanswered
from chipcontrols.core.parameters import Parameter, require_number

__all__ = ["call_student_function", "require_function", "sample_points", "shown_point"]


def sample_points(parameters: Sequence[Parameter], seed: int, count: int) -> Iterator[dict]:
    """``count`` parameter sets drawn uniformly inside the declared ranges of ``parameters``.

    A check of a student's function tries it at these points (``seed`` chooses them, so an
    autograder can try points the chapter never shows).

    Examples
    --------
    >>> from chipcontrols.core.parameters import Parameter
    >>> share = Parameter("share_sample_example", "Share", "", 0.5, 0, 1, 0.05, "test")
    >>> [round(point["share_sample_example"], 3) for point in sample_points([share], 1, 2)]
    [0.512, 0.95]
    """
    generator = np.random.default_rng(seed)
    for _ in range(count):
        yield {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in parameters}


def require_function(
    function: object, parameter: str, name: str, arguments: Sequence[str]
) -> None:
    """Refuse an answer that is not a function, saying what to define.

    Raises
    ------
    ValueError
        If ``function`` is not callable (an exercise check turns this into a hint).

    Examples
    --------
    >>> require_function(0.3, "rho", "rho", ("volume", "h"))
    Traceback (most recent call last):
    ...
    ValueError: rho = 0.3 is not a function: define def rho(volume, h): ...
    """
    if not callable(function):
        raise ValueError(
            f"{parameter} = {function!r} is not a function: define "
            f"def {name}({', '.join(arguments)}): ..."
        )


def shown_point(point: Mapping[str, float]) -> str:
    """A parameter set as a hint shows it: ``"a=0.512, b=3.1"``."""
    return ", ".join(f"{name}={value:.3g}" for name, value in point.items())


def call_student_function(
    function: Callable,
    name: str,
    point: Mapping[str, float],
    *,
    when_raising: str = "",
    infinite: bool = False,
) -> tuple[float | None, CheckResult | None]:
    """Call a student's ``function`` at ``point``: its number, or a hint saying what went wrong.

    Parameters
    ----------
    function : callable
        The student's function, called with ``point`` as keywords.
    name : str
        Its name in the question, for the hint.
    point : mapping of str to float
        The parameter set.
    when_raising : str, optional
        What the question asks of the function, added to the hint when it raises.
    infinite : bool, optional
        Whether ``math.inf`` is a valid answer (a crossing that never comes).

    Returns
    -------
    tuple
        ``(value, None)``, or ``(None, hint)`` if the function raised, still returns the
        starter's ``...`` or returned something that is not a number.

    Examples
    --------
    >>> call_student_function(lambda x: 1 / x, "f", {"x": 0.0})[1]
    Not yet: your function f raised ZeroDivisionError (float division by zero) at x=0; it must return a number for every input in the declared ranges.
    >>> call_student_function(lambda x: 2 * x, "f", {"x": 0.5})
    (1.0, None)
    """
    try:
        returned = function(**point)
    except Exception as error:  # noqa: BLE001 - the student's function may raise anything
        asked = when_raising or "it must return a number for every input in the declared ranges."
        return None, CheckResult(
            False,
            f"your function {name} raised {type(error).__name__} ({error}) at "
            f"{shown_point(point)}; {asked}",
        )
    if is_unanswered(returned):
        return None, CheckResult(
            False, f"fill in {name}: its body still returns ...; write its formula instead."
        )
    if infinite and isinstance(returned, float) and math.isinf(returned):
        return returned, None
    try:
        return require_number(f"{name}(...)", returned), None
    except ValueError as error:
        return None, CheckResult(False, f"at {shown_point(point)} {error}.")
