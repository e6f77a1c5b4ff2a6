"""Per-student variants: the draw every model's variants use, derived from the student id.

An assignment asks each student about a scenario that no one else has, so an answer cannot be
copied from a classmate; each model's ``variants`` module says what it draws.  Everything is
derived from the SHA-256 digest of the student id, never from Python's ``hash`` (salted per
process) or a random generator whose stream may change between numpy versions: the student's
notebook and the autograder, run at different times on different machines, get the same
variant.  Values are drawn inside the declared ranges of the parameters they stand for and
rounded to the precision a datasheet or a scenario would state.

One salt convention for every model: a draw is named by the model's name (one of
:data:`chipcontrols.CHAPTER_MODELS`) and a label for what it is, and the digest is taken of
``"{student_id}|{model}|{label}"``; so two models' draws never share a salt, whatever their
labels.
"""

from __future__ import annotations

import hashlib

from chipcontrols import CHAPTER_MODELS

__all__ = ["between", "fraction"]


def fraction(student_id: str, model: str, label: str) -> float:
    """A number in [0, 1) fixed by the student id, the model's name and a label for the draw.

    Raises
    ------
    ValueError
        If ``student_id`` is not a non-empty string (the placeholder ``...`` included), or
        ``model`` is not one of :data:`chipcontrols.CHAPTER_MODELS`.

    Examples
    --------
    >>> fraction("s1234567", "ledger", "fp16") == fraction(" s1234567 ", "ledger", "fp16")
    True
    >>> fraction("s1234567", "ledger", "fp16") == fraction("s1234567", "ledger", "int8")
    False
    >>> fraction("s1234567", "ledger", "die") == fraction("s1234567", "catchup", "die")
    False
    """
    if not isinstance(student_id, str) or not student_id.strip():
        raise ValueError(
            f"student_id = {student_id!r} is not a student id: set it to the id "
            'your instructor gave you, as text, e.g. student_id = "s1234567"'
        )
    if model not in CHAPTER_MODELS:
        raise ValueError(f"model = {model!r} is not a model's name; valid: {list(CHAPTER_MODELS)}")
    digest = hashlib.sha256(f"{student_id.strip()}|{model}|{label}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def between(
    student_id: str, model: str, label: str, low: float, high: float, step: float
) -> float:
    """A value on the grid ``low, low + step, ..., high``, fixed by the student id, the model's
    name and a label for the draw (:func:`fraction`).

    Every model's variants are drawn this way, so a value is reproducible and lies on the
    precision a scenario would state.

    Examples
    --------
    >>> value = between("s1234567", "ledger", "tpp", 1_200, 6_000, 40)
    >>> 1_200 <= value <= 6_000 and (value - 1_200) % 40 == 0
    True
    """
    steps = int(round((high - low) / step))
    return round(low + step * int(fraction(student_id, model, label) * (steps + 1)), 10)
