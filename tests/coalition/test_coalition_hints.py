"""Chapter 3's hints diagnose and never bisect (issue 22, item 2).

Every check is called with a right answer, a wrong answer above it and one below it, a wrong
type, and (where it takes one) a wrong label or a student function that raises.  The two wrong
answers must get the same hint apart from the student's own value, no hint may name a direction
or state a formula, and no mistake may raise.  The right answers are computed here
independently of the model: by hand, or with :class:`statistics.NormalDist` and a plain loop.
"""

from __future__ import annotations

import re
from statistics import NormalDist

import pytest

from chipcontrols.coalition import checks

#: Words that tell a student which side of the answer they are on.
DIRECTION = re.compile(
    r"\b(larger|smaller|bigger|widen|narrower|wider|too (?:high|low|big|small)|lighter|"
    r"heavier|higher|lower|increase|decrease|forward|earlier|later)\b",
    re.IGNORECASE,
)
#: An equals sign between symbols or brackets: a formula (echoed values such as "μ = 0.35" pass).
FORMULA = re.compile(r"[A-Za-zμσβζλΦ*)]\s*=\s*[A-Za-zμσβζλΦ(]|=\s*\(|/\s*\(")


def _settle(mean: float, spread: float, seed: float, league: float = 0.0) -> float:
    """Where the cascade settles, iterated independently of the model."""
    cdf = NormalDist(mean, spread).cdf
    x = seed
    for _ in range(100_000):
        following = max(seed, (1 - league) * cdf(x))
        if abs(following - x) < 1e-13:
            return following
        x = following
    return x


def _tipping_seed(mean: float, spread: float) -> float:
    low, high = 0.0, 0.5
    while high - low > 1e-6:
        middle = (low + high) / 2
        low, high = (low, middle) if _settle(mean, spread, middle) > 0.95 else (middle, high)
    return high


def _critical_spread(mean: float) -> float:
    """The spread at which Φ((x − μ)/σ) − x stops dipping below zero for x below μ."""

    def dips(spread: float) -> bool:
        cdf = NormalDist(mean, spread).cdf
        return any(cdf(i * mean / 4000) < i * mean / 4000 for i in range(4001))

    low, high = 0.02, 0.3
    while high - low > 1e-6:
        middle = (low + high) / 2
        low, high = (middle, high) if dips(middle) else (low, middle)
    return high


def _hint(result, *values) -> str:
    """The result's message with the student's own values blanked out."""
    text = result.message
    for value in values:
        shown = value if isinstance(value, str) else f"{value:g}"
        text = text.replace(shown, "#", 1)
    return text


def _assert_diagnoses(right, above, below, above_value, below_value):
    assert str(right).startswith("Right:"), right
    assert not above and not below
    assert _hint(above, above_value) == _hint(below, below_value), (above, below)
    for result in (above, below):
        assert not DIRECTION.search(result.message), result.message
        assert not FORMULA.search(result.message), result.message


UNIFORM = {"threshold_mean": 0.38, "threshold_half_width": 0.22}
NORMAL = {"threshold_mean": 0.4, "threshold_spread": 0.12}
SPREAD = {"threshold_mean": 0.35, "threshold_spread": 0.14, "seed_share": 0.27}


def test_belief_threshold():
    right = 0.318 / 1.4  # q* = r/S, pure weakest link
    call = lambda q: checks.check_belief_threshold(0.318, q_star=q, security_value=1.4)  # noqa: E731
    _assert_diagnoses(call(right), call(right + 0.2), call(right - 0.1), right + 0.2, right - 0.1)
    assert "could not be checked" in call("0.23").message
    beta = (0.318 - 0.24 * 1.4) / (1.4 * (1 - 2 * 0.24))
    assert str(
        checks.check_belief_threshold(0.318, q_star=beta, security_value=1.4, retained_share=0.24)
    ).startswith("Right:")


def test_tipping_point():
    right = (0.38 - 0.22) / (1 - 2 * 0.22)
    call = lambda x: checks.check_tipping_point(x, **UNIFORM)  # noqa: E731
    _assert_diagnoses(call(right), call(0.45), call(0.12), 0.45, 0.12)
    assert "could not be checked" in call([0.3]).message


def test_tipping_seed():
    right = _tipping_seed(0.4, 0.12)
    call = lambda x: checks.check_tipping_seed(x, **NORMAL)  # noqa: E731
    _assert_diagnoses(call(right), call(0.45), call(0.2), 0.45, 0.2)
    assert "could not be checked" in call("a third").message


def test_cascade_outcome():
    settled = _settle(0.35, 0.14, 0.27)
    right = "unravels" if settled > 0.95 else "holds"
    wrong = [label for label in ("holds", "partial cascade", "unravels") if label != right]
    call = lambda label: checks.check_cascade_outcome(label, **SPREAD)  # noqa: E731
    _assert_diagnoses(call(right), call(wrong[0]), call(wrong[1]), wrong[0], wrong[1])
    assert "could not be checked" in call("collapses").message
    assert "could not be checked" in call(3).message


def test_final_share():
    right = _settle(0.35, 0.14, 0.27, league=0.1)
    call = lambda x: checks.check_final_share(x, **SPREAD, league_coverage=0.1)  # noqa: E731
    _assert_diagnoses(call(right), call(0.6), call(0.1), 0.6, 0.1)
    assert "could not be checked" in call("sixty percent").message


def test_critical_spread():
    right = _critical_spread(0.35)
    call = lambda s: checks.check_critical_spread(s, threshold_mean=0.35)  # noqa: E731
    _assert_diagnoses(call(right), call(0.25), call(0.1), 0.25, 0.1)
    assert "could not be checked" in call("wide").message


def test_unravelling_seed():
    # The lightest seed with no one bound: the two US holders (the chapter's named-holder result).
    right = checks.check_unravelling_seed(["US toolmakers", "US chipmakers"])
    heavy, light = ["US toolmakers", "US chipmakers", "Japan"], ["US chipmakers"]
    above = checks.check_unravelling_seed(heavy)
    below = checks.check_unravelling_seed(light)
    _assert_diagnoses(right, above, below, " and ".join(heavy), " and ".join(light))
    assert "could not be checked" in checks.check_unravelling_seed(["France"]).message
    assert "could not be checked" in checks.check_unravelling_seed([3]).message


def test_holder_data():
    right = checks.check_holder_data(2.7, 42.05, 8.5 / 0.30)
    above = checks.check_holder_data(3.5, 45.0, 31.0)
    below = checks.check_holder_data(1.5, 40.0, 25.0)
    _assert_diagnoses(right, above, below, 0, 0)
    assert "could not be checked" in checks.check_holder_data("2.7", 42.05, 28.3).message


def _q_star(restraint_cost, security_value, retained_share):
    return (restraint_cost - retained_share * security_value) / (
        security_value * (1 - 2 * retained_share)
    )


@pytest.mark.parametrize("shift", [0.1, -0.1])
def test_q_star_function_wrong_either_way_gets_one_hint(shift):
    result = checks.check_q_star_function(lambda **point: _q_star(**point) + shift)
    other = checks.check_q_star_function(lambda **point: _q_star(**point) - shift)
    assert not result and not other
    strip = lambda r: re.sub(r"gives -?[\d.e-]+", "gives #", r.message)  # noqa: E731
    assert strip(result) == strip(other)
    assert not DIRECTION.search(result.message) and not FORMULA.search(result.message)


def test_q_star_function_right_raising_and_not_a_function():
    assert str(checks.check_q_star_function(_q_star)).startswith("Right:")
    raising = checks.check_q_star_function(
        lambda restraint_cost, security_value, retained_share: 1 / 0
    )
    assert (
        not raising
        and "ZeroDivisionError" in raising.message
        and "restraint_cost=" in raising.message
    )
    assert "is not a function" in checks.check_q_star_function(0.3).message
