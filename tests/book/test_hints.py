"""Every check answers every kind of mistake with a hint that diagnoses and never bisects.

The test runs each chapter's exercise cells as a student would, with the worked solutions, and
records every call of a check that the check accepted.  For each such call it finds the
student's answers among the arguments (the values the check compared,
:func:`chipcontrols.core.checking.recorded_matches`) and tries wrong answers of every kind:

* a number above the right one and one below: both "Not yet", with the same hint apart from the
  numbers in it, so a hint cannot say which way the answer lies;
* a wrong type (text for a number, a number for a label, a function that raises, a function
  whose values are off): a "Not yet", never a traceback;

and no hint for a wrong number states a formula (an "=" other than the echo of the student's
own value).  It needs the worked solutions (``solutions``), so it is in the book tier.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from printed_answers import run_exercises

from chipcontrols import CHAPTER_MODELS
from chipcontrols.core.checking import CheckResult, recorded_matches

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
#: Factors that move a right number up and down, far outside any check's tolerance; the
#: second pair for answers near the end of their valid range.
UP, DOWN = 1.37, 0.61
MOVES = ((UP, DOWN), (1.12, 0.88))
#: What a check says when a value is outside the valid range: refused, not diagnosed.
REFUSED = "could not be checked"
_NUMBER = re.compile(r"[−+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[−+-]?\d+)?%?")
#: A formula in a hint: "=" followed by anything but a number ("q* = (r - βS)/S"); an "="
#: before a number only echoes a value ("your q* = 0.67", "at k = 9.6").
_FORMULA = re.compile(r"=(?!\s*#)")


@dataclass
class Call:
    """A call of a check that the check accepted."""

    check: object
    name: str
    args: tuple
    kwargs: dict
    compared: list = field(default_factory=list)


def _check_modules(model: str) -> list:
    """The chapter's checks module, or every module of its checks package."""
    package = importlib.import_module(f"chipcontrols.{model}.checks")
    modules = [package]
    if hasattr(package, "__path__"):
        modules += [
            importlib.import_module(f"{package.__name__}.{info.name}")
            for info in pkgutil.iter_modules(package.__path__)
        ]
    return modules


@functools.cache
def accepted_calls(path: Path) -> tuple[Call, ...]:
    """Every accepted call of a check while the chapter's exercise cells run."""
    model = CHAPTER_MODELS[int(path.name[:2]) - 1]
    modules = _check_modules(model)
    originals = {
        (module, name): getattr(module, name)
        for module in modules
        for name in dir(module)
        if name.startswith("check_") and callable(getattr(module, name))
    }
    calls: list[Call] = []

    def recording(name, check):
        @functools.wraps(check)
        def wrapper(*args, **kwargs):
            with recorded_matches() as matches:
                result = check(*args, **kwargs)
            if isinstance(result, CheckResult) and result.correct:
                calls.append(Call(check, name, args, kwargs, [match.given for match in matches]))
            return result

        return wrapper

    wrapped = {name: recording(name, check) for (_, name), check in originals.items()}
    for module, name in originals:
        setattr(module, name, wrapped[name])
    try:
        for _ in run_exercises(path):
            pass
    finally:
        for (module, name), check in originals.items():
            setattr(module, name, check)
    return tuple(calls)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.floating, np.integer)) and not isinstance(value, bool)


def _same(a: object, b: object) -> bool:
    """Whether ``a`` is the value a check compared, ``b`` (a number, numbers or a label)."""
    if isinstance(a, str) or isinstance(b, str):
        return a is b or a == b
    try:
        return bool(np.all(np.asarray(a, dtype=float) == np.asarray(b, dtype=float)))
    except (TypeError, ValueError):
        return a is b


def answer_slots(call: Call) -> list[tuple[str | int, object]]:
    """The arguments of ``call`` that are the student's answers: the numbers and labels the
    check compared, and functions."""
    slots = list(enumerate(call.args)) + list(call.kwargs.items())
    found = []
    for key, value in slots:
        function = callable(value) and not isinstance(value, type)
        if function or any(_same(value, given) for given in call.compared):
            found.append((key, value))
    named = [value for key, value in found if isinstance(key, str)]
    # A scenario passed by position may equal a named answer (q* = r/S when S = 1): the
    # answer is the named one.
    found = [
        (key, value)
        for key, value in found
        if isinstance(key, str) or not any(_same(value, other) for other in named)
    ]
    return found


def call_with(call: Call, key: str | int, value: object) -> CheckResult:
    args, kwargs = list(call.args), dict(call.kwargs)
    if isinstance(key, int):
        args[key] = value
    else:
        kwargs[key] = value
    return call.check(*args, **kwargs)


def moved(value: object, factor: float) -> object:
    """A number or a list of numbers moved by ``factor`` (zero moves to ±0.37)."""
    if _is_number(value):
        return value * factor if value != 0 else (0.37 if factor > 1 else -0.37)
    array = np.asarray(value, dtype=float)
    shifted = np.where(array == 0, 0.37 if factor > 1 else -0.37, array * factor)
    return type(value)(shifted.tolist()) if isinstance(value, (list, tuple)) else shifted


def shape(message: str) -> str:
    """A hint without its numbers, so two hints differing only in the echoed value compare."""
    return _NUMBER.sub("#", message)


CASES = [(path, index) for path in CHAPTERS for index in range(len(accepted_calls(path)))]


def _id(case) -> str:
    path, index = case
    call = accepted_calls(path)[index]
    return f"{path.stem[:2]}-{call.name}-{index}"


def test_every_chapter_has_checks_to_try():
    for path in CHAPTERS:
        assert len(accepted_calls(path)) >= 3, f"{path.name}: the worked solutions check little"


@pytest.mark.parametrize("case", CASES, ids=[_id(case) for case in CASES])
def test_wrong_answers_get_hints_that_do_not_bisect(case):
    path, index = case
    call = accepted_calls(path)[index]
    slots = answer_slots(call)
    if not slots:
        # The answer is a table, a mapping or a list of names: each argument of a wrong type
        # gets a hint.
        arguments = list(enumerate(call.args)) + list(call.kwargs.items())
        for key, _ in arguments:
            result = call_with(call, key, 7)
            assert isinstance(result, CheckResult) and not result.correct, f"{call.name}({key})"
        assert arguments, f"{call.name}: an accepted call with no arguments"
        return
    for key, value in slots:
        where = f"{call.name}({key}=…)"
        if callable(value):

            def raising(*args, **kwargs):
                raise ZeroDivisionError("division by zero")

            def off(*args, _f=value, **kwargs):
                return np.asarray(_f(*args, **kwargs), dtype=float) * UP

            for wrong in (raising, off):
                result = call_with(call, key, wrong)
                assert isinstance(result, CheckResult) and not result.correct, where
            continue
        if isinstance(value, str):
            result = call_with(call, key, "not one of the options")
            assert isinstance(result, CheckResult) and not result.correct, where
            result = call_with(call, key, 0.5)
            assert isinstance(result, CheckResult) and not result.correct, where
            continue
        for up, down in MOVES:
            above, below = (call_with(call, key, moved(value, f)) for f in (up, down))
            assert isinstance(above, CheckResult) and isinstance(below, CheckResult), where
            assert not above.correct and not below.correct, f"{where}: a far-off number passes"
            if REFUSED not in above.message + below.message:
                break
        else:
            continue  # both moves leave the valid range: refused, with the range, not hinted
        assert shape(above.message) == shape(below.message), (
            f"{where}: the hint tells the direction of the answer:\n  above: "
            f"{above.message}\n  below: {below.message}"
        )
        assert not _FORMULA.search(shape(above.message)), (
            f"{where}: the hint states a formula: {above.message}"
        )
        result = call_with(call, key, "a number")
        assert isinstance(result, CheckResult) and not result.correct, where


def test_the_direction_test_can_fail():
    def check_share(share):
        from chipcontrols.core.checking import close_enough

        if close_enough(share, 0.3, absolute=0.01):
            return CheckResult(True, "right.")
        return CheckResult(
            False, f"your share = {share:g} is too {'high' if share > 0.3 else 'low'}."
        )

    call = Call(check_share, "check_share", (0.3,), {}, [0.3])
    above, below = (call_with(call, 0, moved(0.3, f)) for f in (UP, DOWN))
    assert shape(above.message) != shape(below.message)
