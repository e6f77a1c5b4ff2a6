"""What every chapter's checks share: the verdict and the matching of named answers."""

from __future__ import annotations

from dataclasses import dataclass


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
    return valid[normal(answer)]
