"""What every chapter's checks share: the verdict, the tolerance on a number and the matching
of named answers."""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from chipcontrols.core.parameters import Parameter, require_number

#: What a starter cell leaves for the student to replace.
PLACEHOLDERS = (Ellipsis, None)


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check.

    Attributes
    ----------
    correct : bool
        Whether the answer is right.
    message : str
        What was checked; for a wrong answer, a hint (never the expected answer).

    Examples
    --------
    >>> CheckResult(True, "TPP and class agree with the book's classifier.")
    Right: TPP and class agree with the book's classifier.
    >>> bool(CheckResult(False, "look again at the bit length."))
    False
    """

    correct: bool
    message: str

    def __str__(self) -> str:
        return f"{'Right' if self.correct else 'Not yet'}: {self.message}"

    __repr__ = __str__

    def __bool__(self) -> bool:
        return self.correct


def close_enough(
    value: float, expected: float, *, relative: float = 0.0, absolute: float = 0.0
) -> bool:
    """Whether a student's ``value`` is within tolerance of the ``expected`` answer.

    The tolerance is ``relative * |expected| + absolute``: it scales with the expected answer
    only, so a wrong answer does not widen its own tolerance (:func:`math.isclose` scales with
    the larger of the two), and the two parts add, so a tiny ``absolute`` guards a relative
    tolerance against floating-point rounding.  Every chapter's checks compare numbers this
    way, each with the tolerances it declares.  An infinite ``expected`` is matched only by the
    same infinity (as :func:`math.isclose` does); ``nan`` matches nothing.

    Parameters
    ----------
    value : float
        The student's number.
    expected : float
        The answer the book's model gives.
    relative : float, optional
        Tolerance as a share of ``|expected|`` (0.01 is 1%).
    absolute : float, optional
        Tolerance in the answer's own unit, added to the relative part.

    Examples
    --------
    >>> close_enough(4_950, 5_000, relative=0.01), close_enough(4_940, 5_000, relative=0.01)
    (True, False)
    >>> close_enough(0.347, 0.35, absolute=0.005)
    True
    >>> close_enough(1e-10, 0.0, relative=0.01), close_enough(1e-10, 0.0, relative=0.01, absolute=1e-9)
    (False, True)
    >>> close_enough(math.inf, math.inf), close_enough(1e300, math.inf, relative=0.01)
    (True, False)
    """
    if math.isinf(expected):
        agrees = value == expected
    else:
        agrees = abs(value - expected) <= relative * abs(expected) + absolute
    if agrees and _RECORDED is not None:
        _RECORDED.append(
            Match(
                value, float(expected), relative, absolute, _CHECKING[min(1, len(_CHECKING) - 1)]
            )
        )
    return agrees


class Match(NamedTuple):
    """One answer a check accepted: the student's value, the expected one, the tolerance and
    the check that compared them (``""`` outside a check).

    A named answer (:func:`choose`) has the option as ``expected`` and no tolerance.
    """

    given: object
    expected: object
    relative: float = 0.0
    absolute: float = 0.0
    check: str = ""

    def accepts(self, value: float) -> bool:
        """Whether the check would accept ``value`` as well."""
        return isinstance(self.expected, float) and close_enough(
            value, self.expected, relative=self.relative, absolute=self.absolute
        )


#: Every match while :func:`recorded_matches` is active, else None.
_RECORDED: list[Match] | None = None
#: The checks running, outermost first after the empty name (a match is credited to the
#: outermost: the check the student called).
_CHECKING: list[str] = [""]


@contextlib.contextmanager
def recorded_matches() -> Iterator[list[Match]]:
    """Collect every answer a check accepted in the block, with the tolerance it allowed.

    Every check compares numbers with :func:`close_enough` and reads a named answer with
    :func:`choose` (both record here).  Running the worked solutions inside this block lists
    the checked answers: ``tools/printed_answers.py`` looks for numbers on the page that the
    checks would accept, and ``tests/book/test_hints.py`` finds which arguments of a check
    are the student's answers.

    Examples
    --------
    >>> with recorded_matches() as matches:
    ...     _ = close_enough(0.331, 0.33, absolute=0.005), close_enough(2.0, 3.0)
    >>> matches
    [Match(given=0.331, expected=0.33, relative=0.0, absolute=0.005, check='')]
    >>> matches[0].accepts(0.334), matches[0].accepts(0.34)
    (True, False)
    """
    global _RECORDED
    outer, _RECORDED = _RECORDED, []
    try:
        yield _RECORDED
    finally:
        collected, _RECORDED = _RECORDED, outer
        if outer is not None:
            outer.extend(collected)


def exercise_check(check):
    """Make a check answer every mistake with a hint, never a traceback.

    A student's answer of the wrong type, a label that is not one of the options, an unknown
    keyword or a student's function that raises would otherwise stop the cell with an error
    from inside the check.  Wrapped, the check returns a "Not yet" that names what went wrong
    (the error's own message names the argument and the valid values).

    Examples
    --------
    >>> @exercise_check
    ... def check_share(share):
    ...     if not isinstance(share, float):
    ...         raise TypeError(f"share = {share!r} is not a number")
    ...     return CheckResult(share == 0.5, "a half.")
    >>> check_share("half")
    Not yet: your answer could not be checked: share = 'half' is not a number. Fix it and run the cell again.
    """

    @functools.wraps(check)
    def checked(*args, **kwargs) -> CheckResult:
        _CHECKING.append(check.__name__)
        try:
            return check(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every student mistake becomes a hint
            reason = str(error).rstrip(".") or type(error).__name__
            return CheckResult(
                False,
                f"your answer could not be checked: {reason}. Fix it and run the cell again.",
            )
        finally:
            _CHECKING.pop()

    checked.is_exercise_check = True
    return checked


def choose(name: str, answer: object, options: tuple[str, ...] | list[str]) -> str:
    """The option ``answer`` names, ignoring case, spacing and curly apostrophes.

    Raises
    ------
    ValueError
        If ``answer`` is not text or names none of ``options`` (the message lists them).

    Examples
    --------
    >>> choose("answer", "  us CAP ", ("Chinese demand", "US cap"))
    'US cap'
    """

    def normal(text: str) -> str:
        return " ".join(text.replace("\u2019", "'").split()).casefold()

    valid = {normal(option): option for option in options}
    if not isinstance(answer, str) or normal(answer) not in valid:
        raise ValueError(f"{name} = {answer!r} is not one of the valid answers: {list(options)}")
    if _RECORDED is not None:
        _RECORDED.append(
            Match(answer, valid[normal(answer)], check=_CHECKING[min(1, len(_CHECKING) - 1)])
        )
    return valid[normal(answer)]


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


def is_unanswered(value: object) -> bool:
    """Whether ``value`` is still a starter cell's placeholder: ``...``, ``None`` or ``"..."``.

    Examples
    --------
    >>> is_unanswered(...), is_unanswered("..."), is_unanswered(0.0)
    (True, True, False)
    """
    if isinstance(value, str):
        return value.strip() in ("", "...")
    return any(value is placeholder for placeholder in PLACEHOLDERS)


def unanswered(**answers: object) -> CheckResult | None:
    """A "Not yet" naming every answer still left as a placeholder, or None if all are given.

    Every check calls this first, so a starter cell run as it stands says what to fill in
    instead of raising an error.

    Examples
    --------
    >>> unanswered(tpp=..., eccn_class="3A090.a")
    Not yet: fill in tpp: replace each ... with your answer, then run the cell again.
    >>> unanswered(tpp=4992.0) is None
    True
    """
    missing = [name for name, value in answers.items() if is_unanswered(value)]
    if not missing:
        return None
    listed = ", ".join(missing[:-1]) + f" and {missing[-1]}" if len(missing) > 1 else missing[0]
    return CheckResult(
        False, f"fill in {listed}: replace each ... with your answer, then run the cell again."
    )
