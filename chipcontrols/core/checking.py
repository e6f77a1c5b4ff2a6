"""What every chapter's checks share: the verdict, the tolerance on a number and the matching
of named answers."""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

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
