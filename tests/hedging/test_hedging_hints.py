"""Chapter 5's hints diagnose, never bisect: every check, right and wrong answers of every kind.

For each check: the right answer (by hand arithmetic at the defaults, models.md §7) is accepted;
a wrong answer above it and one below it get the same hint apart from the echoed numbers; no
hint says in which direction the answer lies or states a formula; a wrong type, an unknown
label or a student function that raises gets a "Not yet" hint, not a traceback.
"""

from __future__ import annotations

import math
import re

import pytest

from chipcontrols import hedging
from chipcontrols.hedging import checks

#: Words that would tell a student which way to move (or hand over the formula).
DIRECTION = re.compile(
    r"\b(larger|smaller|bigger|higher|lower|too high|too low|too big|too small|widen|narrow|"
    r"forward|back|faster|slower|more than|less than|increase|decrease|halfway|not \d)\b",
    re.IGNORECASE,
)
FORMULA = re.compile(r"V\(a|\bln\(|1/\(1|e\^|s\* =|s\*\(|2pL|2 p L|a0 − |a = a0")

#: By hand at the defaults: a = 1.8 − 0.8 × 0.25 = 1.6, net gain V(a − 1) − β = 0.4.
A0, A, GAIN, SHARE = 1.8, 1.6, 0.4, 0.2
LN_EXIT = math.log(0.8 / (0.2 + 0.2))

#: (name, check taking one number, the right number)
NUMERIC = [
    ("calibration β", lambda x: checks.check_calibration("domestic_value", x), GAIN + 0.2 - 0.16),
    ("calibration p", lambda x: checks.check_calibration("cutoff_probability", x), GAIN / 0.4),
    ("calibration L", lambda x: checks.check_calibration("cutoff_loss", x), GAIN / 0.16),
    ("calibration k", lambda x: checks.check_calibration("pairing_ratio", x), 1 / SHARE - 1),
    (
        "calibration a0 side",
        lambda x: checks.check_calibration("domestic_value", x, us_advantage=A0),
        A0 - 1 - 0.16,
    ),
    ("leverage", lambda x: checks.check_leverage(x, us_share_cap=1.0), (GAIN / 0.8) ** 2),
    ("leverage ratio", lambda x: checks.check_leverage_ratio(x, p_low=0.4, p_high=0.6), 2.25),
    ("levy", lambda x: checks.check_levy(x, "below"), 0.6 / (2 * 0.8)),
    ("peak levy", lambda x: checks.check_peak_levy(x), 0.5),
    ("cap share", lambda x: checks.check_us_cap_share(x, cap_share=0.25), 0.125),
    ("pairing switch", lambda x: checks.check_pairing_switch(x, us_share_cap=0.125), 7.0),
    ("compute share", lambda x: checks.check_compute_share(x, import_share=0.2), 0.32 / 1.12),
    ("spending share", lambda x: checks.check_spending_share(x, compute_share=0.6), 0.6 / 1.24),
    ("exit", lambda x: checks.check_exit_time(x), LN_EXIT / 0.5),
    (
        "exit doubled levy",
        lambda x: checks.check_exit_time(x, levy=0.5),
        math.log(0.8 / 0.6) / 0.5,
    ),
    ("erosion", lambda x: checks.check_erosion_for_exit(x, years=2.0), LN_EXIT / 2),
]


def _without_numbers(text: str) -> str:
    return re.sub(r"[-−]?\d+(?:[.,]\d+)*", "#", text)


def _hint(result) -> str:
    assert not result.correct
    return result.message


@pytest.mark.parametrize(("name", "check", "right"), NUMERIC, ids=[n for n, _, _ in NUMERIC])
def test_right_is_accepted_and_wrong_answers_either_side_get_the_same_hint(name, check, right):
    assert check(right).correct, name
    above, below = _hint(check(right * 1.37)), _hint(check(right * 0.71))
    assert _without_numbers(above) == _without_numbers(below), (above, below)
    for hint in (above, below):
        assert not DIRECTION.search(hint), hint
        assert not FORMULA.search(hint), hint


@pytest.mark.parametrize(("name", "check", "right"), NUMERIC, ids=[n for n, _, _ in NUMERIC])
def test_a_wrong_type_gets_a_hint_not_a_traceback(name, check, right):
    for wrong in ("a lot", [right], None if right else "x"):
        if wrong is None:
            continue
        hint = _hint(check(wrong))
        assert "could not be checked" in hint or "fill in" in hint, hint


def test_a_wrong_label_gets_a_hint_not_a_traceback():
    for result in (
        checks.check_bound("Congress"),
        checks.check_levy(0.375, "sideways"),
        checks.check_calibration("levy", 0.3),
        checks.check_bound(42),
    ):
        assert "could not be checked" in _hint(result)


def test_the_wrong_bound_gets_the_same_hint_whichever_it_is():
    # at the defaults with k = 4 the rule binds (1/(1 + 4) = 0.2 below the cap 0.25)
    assert checks.check_bound("Beijing's pairing rule", pairing_ratio=4).correct
    hints = {
        _hint(checks.check_bound(name, pairing_ratio=4)).replace(name, "#", 1)
        for name in (hedging.US_CAP, hedging.INTERIOR, hedging.NO_IMPORTS)
    }
    assert len(hints) == 1
    assert not DIRECTION.search(hints.pop())


def test_a_wrong_verdict_gets_a_hint_without_direction():
    hint = _hint(checks.check_levy(0.375, "above"))
    assert not DIRECTION.search(hint) and hint == _hint(checks.check_levy(0.375, "at"))


def test_a_student_function_that_raises_gets_a_hint_naming_the_error_and_inputs():
    def dividing(value_scale, us_advantage, domestic_value, cutoff_probability, cutoff_loss):
        return 1 / 0

    hint = _hint(checks.check_best_reply_function(dividing))
    assert "ZeroDivisionError" in hint and "cutoff_probability=" in hint


def test_student_functions_either_side_of_the_right_one_get_the_same_hint():
    def right(value_scale, us_advantage, domestic_value, cutoff_probability, cutoff_loss):
        return (value_scale * (us_advantage - 1) - domestic_value) / (
            2 * cutoff_probability * cutoff_loss
        )

    assert checks.check_best_reply_function(right).correct
    above = _hint(checks.check_best_reply_function(lambda **v: 1.3 * right(**v)))
    below = _hint(checks.check_best_reply_function(lambda **v: 0.7 * right(**v)))
    assert _without_numbers(above) == _without_numbers(below)
    assert not DIRECTION.search(above) and not FORMULA.search(above)
    assert "could not be checked" in _hint(checks.check_best_reply_function("s*"))


def test_a_specific_mistake_is_named_without_direction():
    # the answer at the chapter's defaults given in the Nvidia-absorbs scenario
    hint = _hint(checks.check_calibration("domestic_value", GAIN + 0.2 - 0.16, us_advantage=A0))
    assert "defaults" in hint and not DIRECTION.search(hint)
    # the prohibitive levy for τ*
    hint = _hint(checks.check_levy(0.75, "below"))
    assert "prohibitive" in hint and not DIRECTION.search(hint)
    # the cap as a share of US sales
    assert "share of US sales" in _hint(checks.check_us_cap_share(0.5))
