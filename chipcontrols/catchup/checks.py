"""Checks for the chapter-4 exercises: dies, yields, learning, the clocks, units and compute.

Every expected answer comes from the catch-up clock's modules and the data: gross dies from
:func:`chipcontrols.catchup.yields.gross_dies` on ``data/chips.csv``, defect densities and the
learning curve from :mod:`chipcontrols.catchup.yields` and :mod:`chipcontrols.catchup.learning`,
the race from :mod:`chipcontrols.catchup.cost`, the performance clock from
:mod:`chipcontrols.catchup.performance`, the waste from :mod:`chipcontrols.catchup.reliability`
and the shares from :mod:`chipcontrols.catchup.market`.  Nothing expected is stored here.
"""

from __future__ import annotations

import math
from functools import partial

import numpy as np

from chipcontrols import catchup
from chipcontrols.core.checking import CheckResult, close_enough, is_unanswered, unanswered
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import require_number, strict_keywords

__all__ = [
    "RELATIVE_TOLERANCE",
    "check_chips_to_match",
    "check_compute_share",
    "check_crossover_function",
    "check_defect_density",
    "check_gamma_min",
    "check_growth_for_crossover",
    "check_gross_dies",
    "check_gross_dies_area",
    "check_learning_exponent",
    "check_market_denominators",
    "check_projected_cost",
    "check_required_advantage",
    "check_roadmap_growth",
    "check_time_saved",
    "check_waste",
]

#: Relative tolerance on a student's figures (the data round; hand calculators too).
RELATIVE_TOLERANCE = 0.01
#: How many parameter sets a function check tries.
FUNCTION_SAMPLES = 40


#: A number within :data:`RELATIVE_TOLERANCE` (unless ``relative`` says otherwise) and 1e-12 for
#: rounding of the model's; an infinite answer (a gap that never closes) only by itself.
_near = partial(close_enough, relative=RELATIVE_TOLERANCE, absolute=1e-12)


def _number(name: str, value: object, unit: str = "", **bounds) -> float:
    return require_number(name, value, unit=unit, **bounds)


# --- dies per wafer -------------------------------------------------------------------------


def _die_area(chip_id: str) -> float:
    chips = load_chips().set_index("chip_id")
    known = sorted(chips.index[chips["die_area_mm2"].notna()])
    if chip_id not in known:
        raise ValueError(
            f"chip_id = {chip_id!r} is not a chip with a published die area; valid ids: {known}"
        )
    return float(chips.loc[chip_id, "die_area_mm2"])


@strict_keywords
def check_gross_dies(chip_id: str, dies: float, wafer_diameter_mm: float = 300.0) -> CheckResult:
    """Check the gross dies per wafer of a chip of ``data/chips.csv`` (its die area).

    Within one die of ``π(d/2)²/A − πd/√(2A)`` (not rounded down).

    Examples
    --------
    >>> check_gross_dies("huawei-ascend-910b", dies=80)
    Right: a 665.61 mm² die gives 80.4 gross dies on a 300 mm wafer.
    >>> check_gross_dies("huawei-ascend-910b", dies=106)
    Not yet: 106 dies is about the wafer's area over the die's; subtract the partial dies at the edge, πd/√(2A).
    """
    blank = unanswered(dies=dies)
    if blank is not None:
        return blank
    return check_gross_dies_area(_die_area(chip_id), dies, wafer_diameter_mm)


@strict_keywords
def check_gross_dies_area(
    die_area_mm2: float, dies: float, wafer_diameter_mm: float = 300.0
) -> CheckResult:
    """Check the gross dies per wafer of a die of ``die_area_mm2`` (e.g. a per-student variant).

    Examples
    --------
    >>> check_gross_dies_area(225, dies=269.7)
    Right: a 225 mm² die gives 269.7 gross dies on a 300 mm wafer.
    """
    blank = unanswered(dies=dies)
    if blank is not None:
        return blank
    area = catchup.yields.PARAMETERS["chip_die_area_mm2"].check(die_area_mm2)
    given = _number("dies", dies, "dies", minimum=0.0)
    expected = catchup.yields.gross_dies(area, wafer_diameter_mm)
    if close_enough(given, expected, absolute=1.0):
        return CheckResult(
            True,
            f"a {area:g} mm² die gives {expected:.1f} gross dies on a "
            f"{wafer_diameter_mm:g} mm wafer.",
        )
    area_ratio = math.pi * (wafer_diameter_mm / 2) ** 2 / area
    radius_instead = math.pi * (wafer_diameter_mm / 4) ** 2 / area - (
        math.pi * wafer_diameter_mm / 2 / math.sqrt(2 * area)
    )
    if close_enough(given, area_ratio, absolute=1.0):
        hint = (
            "is about the wafer's area over the die's; subtract the partial dies at the edge, "
            "πd/√(2A)."
        )
    elif close_enough(given, radius_instead, absolute=1.0):
        hint = "looks computed with the radius where the formula wants the diameter."
    else:
        hint = "use d in mm and A in mm²: π(d/2)²/A − πd/√(2A)."
    return CheckResult(False, f"{given:g} dies {hint}")


# --- yields and defect densities ------------------------------------------------------------


@strict_keywords
def check_defect_density(
    reported_yield: float,
    density: float,
    model: str = "Poisson",
    chip_die_area_mm2: float = catchup.yields.PARAMETERS["chip_die_area_mm2"].default,
) -> CheckResult:
    """Check a defect density (killer defects per cm²) read backwards from a yield.

    Examples
    --------
    >>> check_defect_density(0.4, density=0.1377)
    Right: under the Poisson model a 40% yield on a 665.61 mm² die means 0.138 defects per cm².
    >>> check_defect_density(0.4, density=13.77)
    Not yet: your density is 100 times too large: the die area is in mm², the density per cm² (1 cm² = 100 mm²).
    """
    blank = unanswered(density=density)
    if blank is not None:
        return blank
    expected = catchup.yields.defects_from_yield(
        reported_yield, model, chip_die_area_mm2=chip_die_area_mm2
    )
    given = _number("density", density, "defects per cm²", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"under the {model} model a {reported_yield:.0%} yield on a "
            f"{chip_die_area_mm2:g} mm² die means {expected:.3f} defects per "
            "cm².",
        )
    if _near(given, expected * 100):
        hint = (
            "your density is 100 times too large: the die area is in mm², the density per "
            "cm² (1 cm² = 100 mm²)."
        )
    elif _near(given, expected / 100):
        hint = "your density is 100 times too small: 1 cm² is 100 mm², not the other way round."
    elif model == "Poisson":
        hint = "under Poisson, Y = e^(−A·D), so D = −ln(Y)/A with A in cm²."
    else:
        hint = f"invert the {model} formula for the defects per die m, then divide by A in cm²."
    return CheckResult(False, hint)


@strict_keywords
def check_learning_exponent(
    exponent: float,
    model: str = "Poisson",
    yield_earlier: float = catchup.learning.PARAMETERS["yield_earlier"].default,
    yield_later: float = catchup.learning.PARAMETERS["yield_later"].default,
    output_multiple_observed: float = catchup.learning.PARAMETERS[
        "output_multiple_observed"
    ].default,
) -> CheckResult:
    """Check the learning exponent d of the defect density fitted to two yields.

    Examples
    --------
    >>> check_learning_exponent(0.813)
    Right: d = 0.813 under the Poisson model; each doubling of output removes 43% of the defects.
    """
    blank = unanswered(exponent=exponent)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(yield_earlier, yield_later, output_multiple_observed, model)
    given = _number("exponent", exponent)
    if _near(given, curve.exponent):
        return CheckResult(
            True,
            f"d = {curve.exponent:.3f} under the {model} model; each doubling "
            f"of output removes {curve.decline_per_doubling:.0%} of the "
            "defects.",
        )
    if _near(given, math.log(math.log(yield_earlier) / math.log(yield_later))):
        hint = "divide by ln of the output multiple between the two yields."
    elif _near(given, math.log(yield_later / yield_earlier) / math.log(output_multiple_observed)):
        hint = (
            "that fits the yields themselves; fit the defects per die, m = −ln Y under "
            "Poisson, and take ln(m₁/m₂)."
        )
    else:
        hint = "d = ln(m₁/m₂)/ln k, with m the defects per die each yield implies."
    return CheckResult(False, hint)


@strict_keywords
def check_projected_cost(
    cost_usd: float, output_multiple_ahead: float, model: str = "Poisson"
) -> CheckResult:
    """Check the cost per good die (USD) after cumulative output grows ``output_multiple_ahead``-fold.

    Along the learning curve fitted to the chapter's two yields; die and wafer at the defaults.

    Examples
    --------
    >>> check_projected_cost(284, output_multiple_ahead=2)
    Right: at 2× the output the yield is 59.4% and a good die costs $284.
    """
    blank = unanswered(cost_usd=cost_usd)
    if blank is not None:
        return blank
    curve = catchup.learning.fit(model=model)
    projected = curve.yield_at(output_multiple_ahead)
    expected = catchup.yields.cost_at_yield(curve.yield_later) * curve.cost_multiple_at(
        output_multiple_ahead
    )
    given = _number("cost_usd", cost_usd, "USD", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"at {output_multiple_ahead:g}× the output the yield is "
            f"{projected:.1%} and a good die costs ${expected:,.0f}.",
        )
    if _near(given, catchup.yields.cost_at_yield(curve.yield_later)):
        hint = "that is today's cost; project the yield first, then divide the wafer cost again."
    else:
        hint = (
            "project m = m₂·M^(−d), turn it into a yield, then cost = wafer cost / "
            "(gross dies × yield)."
        )
    return CheckResult(False, hint)


# --- the performance clock ------------------------------------------------------------------


@strict_keywords
def check_required_advantage(
    claim_years: float,
    advantage: float,
    performance_gap: float = catchup.performance.PARAMETERS["performance_gap"].default,
) -> CheckResult:
    """Check the growth advantage g_H − g_N (per year) that closes the gap in ``claim_years``.

    Examples
    --------
    >>> check_required_advantage(2, advantage=0.805)
    Right: from a 5× gap, overtaking in 2 years needs Huawei's chips to improve 0.805 a year faster (×2.24 a year more).
    """
    blank = unanswered(advantage=advantage)
    if blank is not None:
        return blank
    expected = catchup.performance.required_advantage(claim_years, performance_gap)
    given = _number("advantage", advantage, "per year")
    if _near(given, expected):
        return CheckResult(
            True,
            f"from a {performance_gap:g}× gap, overtaking in {claim_years:g} "
            f"years needs Huawei's chips to improve {expected:.3f} a year "
            f"faster (×{math.exp(expected):.2f} a year more).",
        )
    if _near(given, math.log10(performance_gap) / claim_years):
        hint = "use the natural logarithm: the growth rates are continuous (e^(gt))."
    elif _near(given, (performance_gap - 1) / claim_years):
        hint = "the gap closes multiplicatively: solve G₀·e^(−Δ·T) = 1 for Δ."
    else:
        hint = "set G(T) = 1 in G₀·e^((g_N − g_H)T) and solve for g_H − g_N."
    return CheckResult(False, hint)


@strict_keywords
def check_roadmap_growth(growth: float, vendor: str = "Huawei") -> CheckResult:
    """Check a vendor's growth per year of dense 8-bit compute along the book's chip data.

    Huawei: the 950DT (planned Q4 2026) to the 970 (planned Q4 2028); Nvidia: the H100 (2022)
    to the GB300 (2025).

    Examples
    --------
    >>> check_roadmap_growth(0.693)
    Right: Huawei's dense 8-bit compute grows 0.693 a year on the data (×2.00 a year).
    """
    blank = unanswered(growth=growth)
    if blank is not None:
        return blank
    expected = {
        "Huawei": catchup.roadmap_growth,
        "Nvidia": lambda: catchup.chip_growth("nvidia-h100-sxm5", "nvidia-gb300"),
    }
    if vendor not in expected:
        raise ValueError(f"vendor = {vendor!r} is not one of the valid vendors: {list(expected)}")
    value = expected[vendor]()
    given = _number("growth", growth, "per year")
    if _near(given, value):
        return CheckResult(
            True,
            f"{vendor}'s dense 8-bit compute grows {value:.3f} a year on the "
            f"data (×{math.exp(value):.2f} a year).",
        )
    if _near(given, math.exp(value)):
        hint = "that is the multiple per year; the clock wants the rate, ln(multiple)."
    else:
        hint = "growth = ln(last/first) / years between the two chips."
    return CheckResult(False, hint)


# --- the cost race --------------------------------------------------------------------------


@strict_keywords
def check_gamma_min(
    learning_rate: float,
    gamma_min: float,
    nvidia_cost_decline: float = catchup.cost.PARAMETERS["nvidia_cost_decline"].default,
) -> CheckResult:
    """Check γ_min = r_N/b, the output growth below which Huawei's cost never catches up.

    Examples
    --------
    >>> check_gamma_min(0.2, gamma_min=1.108)
    Right: at a 20% learning rate b = 0.322 and γ_min = 1.108 a year: output must grow ×3.03 a year.
    """
    blank = unanswered(gamma_min=gamma_min)
    if blank is not None:
        return blank
    result = catchup.cost.race(
        learning_rate=learning_rate, nvidia_cost_decline=nvidia_cost_decline
    )
    given = _number("gamma_min", gamma_min, "per year")
    if _near(given, result.gamma_min):
        return CheckResult(
            True,
            f"at a {learning_rate:.0%} learning rate b = {result.exponent:.3f} "
            f"and γ_min = {result.gamma_min:.3f} a year: output must grow "
            f"×{math.exp(result.gamma_min):.2f} a year.",
        )
    if _near(given, nvidia_cost_decline / learning_rate):
        hint = "divide by Wright's exponent b = −log₂(1 − LR), not by the learning rate itself."
    elif _near(given, math.exp(result.gamma_min)):
        hint = "that is the multiple per year; γ_min is the rate, r_N/b."
    else:
        hint = "γ_min = r_N/b with b = −log₂(1 − LR)."
    return CheckResult(False, hint)


@strict_keywords
def check_growth_for_crossover(learning_rate: float, years: float, growth: float) -> CheckResult:
    """Check the output growth γ that makes Huawei's cost equal Nvidia's after ``years``.

    Solves ``t_c(γ) = years``: ``γ = (ln(c_H0/c_N0)/T + r_N)/b``, other inputs at their defaults.

    Examples
    --------
    >>> check_growth_for_crossover(0.2, years=3, growth=2.06)
    Right: at a 20% learning rate, level in 3 years needs γ = 2.057 a year (output ×7.8 a year).
    """
    blank = unanswered(growth=growth)
    if blank is not None:
        return blank
    defaults = catchup.cost.RACE_INPUTS.check({"learning_rate": learning_rate})
    b = catchup.cost.race(learning_rate=learning_rate).exponent
    target = require_number("years", years, minimum=0.0, minimum_included=False, unit="years")
    expected = (
        math.log(defaults["huawei_cost_ratio"]) / target + defaults["nvidia_cost_decline"]
    ) / b
    given = _number("growth", growth, "per year")
    if _near(given, expected):
        return CheckResult(
            True,
            f"at a {learning_rate:.0%} learning rate, level in {target:g} years "
            f"needs γ = {expected:.3f} a year (output ×{math.exp(expected):.1f} "
            "a year).",
        )
    return CheckResult(
        False,
        "set t_c = ln(c_H0/c_N0)/(bγ − r_N) equal to the years and solve "
        "for γ; above the declared range of γ means the claim cannot hold.",
    )


_RACE_ARGUMENTS = (
    "huawei_cost_ratio",
    "learning_rate",
    "huawei_output_growth",
    "nvidia_cost_decline",
)


def check_crossover_function(t_c, seed: int = 2025_12_10) -> CheckResult:
    """Check a function ``t_c(huawei_cost_ratio, learning_rate, huawei_output_growth,
    nvidia_cost_decline)`` returning the years until level, or ``math.inf`` when never.

    Compared with :func:`chipcontrols.catchup.cost.race` on :data:`FUNCTION_SAMPLES` parameter
    sets drawn inside the declared ranges (``seed`` chooses them); in many of them the gap never
    closes.

    Examples
    --------
    >>> check_crossover_function(lambda huawei_cost_ratio, learning_rate, huawei_output_growth,
    ...                          nvidia_cost_decline: 0.0)
    Not yet: at huawei_cost_ratio=4.54, learning_rate=0.275, huawei_output_growth=0.371, nvidia_cost_decline=0.368 your function gives 0, but the gap never closes (return math.inf). t_c = ln(c_H0/c_N0)/(bγ − r_N), b = −log₂(1 − LR).
    """
    blank = unanswered(t_c=t_c)
    if blank is not None:
        return blank
    if not callable(t_c):
        raise ValueError(
            f"t_c = {t_c!r} is not a function: define def t_c({', '.join(_RACE_ARGUMENTS)}): ..."
        )
    generator = np.random.default_rng(seed)
    declared = [catchup.cost.PARAMETERS[name] for name in _RACE_ARGUMENTS]
    for _ in range(FUNCTION_SAMPLES):
        point = {p.name: float(generator.uniform(p.minimum, p.maximum)) for p in declared}
        expected = catchup.cost.race(**point)
        returned = t_c(**point)
        if is_unanswered(returned):
            return CheckResult(False, "fill in t_c: its body still returns ...")
        if isinstance(returned, float) and math.isinf(returned):
            given = returned
        else:
            given = require_number("t_c(...)", returned)
        if not _near(given, expected.crossover_years):
            shown = ", ".join(f"{k}={v:.3g}" for k, v in point.items())
            truth = (
                f"Huawei is level after {expected.crossover_years:.3g} years"
                if expected.catches_up
                else "the gap never closes (return math.inf)"
            )
            return CheckResult(
                False,
                f"at {shown} your function gives {given:.3g}, but {truth}. "
                "t_c = ln(c_H0/c_N0)/(bγ − r_N), b = −log₂(1 − LR).",
            )
    return CheckResult(
        True,
        f"your t_c agrees with the model on {FUNCTION_SAMPLES} parameter sets, "
        "including those where the gap never closes.",
    )


@strict_keywords
def check_time_saved(years_saved: float, growth_from: float, growth_to: float) -> CheckResult:
    """Check how many years earlier Huawei draws level when output growth rises.

    Examples
    --------
    >>> check_time_saved(5.08, growth_from=1.3, growth_to=1.4)
    Right: raising γ from 1.3 to 1.4 brings the crossover 5.08 years earlier (14.83 → 9.75 years).
    """
    blank = unanswered(years_saved=years_saved)
    if blank is not None:
        return blank
    before, after = (catchup.cost.race(huawei_output_growth=g) for g in (growth_from, growth_to))
    if not (before.catches_up and after.catches_up):
        raise ValueError(
            f"growth_from = {growth_from:g} and growth_to = {growth_to:g} must both be "
            f"above γ_min = {before.gamma_min:.3f} for the crossover to exist"
        )
    expected = before.crossover_years - after.crossover_years
    given = _number("years_saved", years_saved, "years")
    if _near(given, expected):
        return CheckResult(
            True,
            f"raising γ from {growth_from:g} to {growth_to:g} brings the "
            f"crossover {expected:.2f} years earlier "
            f"({before.crossover_years:.2f} → {after.crossover_years:.2f} years).",
        )
    estimate = -before.sensitivity * (growth_to - growth_from)
    if _near(given, estimate, relative=0.02):
        hint = (
            "that is the derivative's estimate; the exact difference is smaller, since t_c "
            "is convex in γ."
        )
    else:
        hint = "compute t_c at both growth rates and subtract."
    return CheckResult(False, hint)


# --- reliability ----------------------------------------------------------------------------


@strict_keywords
def check_waste(
    cluster_size: float,
    waste: float,
    failure_multiple: float = 1.0,
    checkpoint_minutes: float = 1.0,
) -> CheckResult:
    """Check Young's first-order waste √(2·T_s/M) for a cluster (a share, not a percent).

    Examples
    --------
    >>> check_waste(16384, waste=0.104)
    Right: 16,384 chips failing 1× as often as H100s fail every 3.09 h; with 1-minute checkpoints Young's rule wastes 10.4% of the time.
    """
    blank = unanswered(waste=waste)
    if blank is not None:
        return blank
    values = {
        "cluster_size": cluster_size,
        "ascend_failure_multiple": failure_multiple,
        "checkpoint_minutes": checkpoint_minutes,
    }
    result = catchup.reliability.cluster_reliability("ascend", **values)
    given = _number("waste", waste, minimum=0.0)
    if _near(given, result.waste):
        return CheckResult(
            True,
            f"{cluster_size:,.0f} chips failing {failure_multiple:g}× as often as "
            f"H100s fail every {result.mtbf_hours:.2f} h; with "
            f"{checkpoint_minutes:g}-minute checkpoints Young's rule wastes "
            f"{result.waste:.1%} of the time.",
        )
    if _near(given, 100 * result.waste):
        hint = "give the waste as a share (0.10), not a percentage (10)."
    elif _near(given, math.sqrt(2 * checkpoint_minutes / result.mtbf_hours)):
        hint = "put the checkpoint time in hours (minutes / 60) before dividing by the MTBF."
    else:
        hint = "M = 1/(N·k·λ) hours, λ per chip-hour; waste = √(2·T_s/M) with T_s in hours."
    return CheckResult(False, hint)


@strict_keywords
def check_chips_to_match(
    chips: float, h100_chips: float = 16_384.0, failure_multiple: float = 3.0
) -> CheckResult:
    """Check how many 910C chips give the useful compute of ``h100_chips`` H100s.

    Each 910C counts its TPP over the H100's; both clusters lose the exact waste at Young's
    interval.

    Examples
    --------
    >>> check_chips_to_match(22_700)
    Right: about 22,718 910C chips, 12% more than the 20,265 their arithmetic alone suggests.
    """
    blank = unanswered(chips=chips)
    if blank is not None:
        return blank
    h = catchup.market.h100e_by_tpp("huawei-ascend-910c")
    expected = catchup.reliability.chips_to_match(
        h100_chips, h, ascend_failure_multiple=failure_multiple
    )
    naive = h100_chips / h
    given = _number("chips", chips, "chips", minimum=0.0, minimum_included=False)
    if _near(given, expected):
        return CheckResult(
            True,
            f"about {expected:,.0f} 910C chips, {expected / naive - 1:.0%} more "
            f"than the {naive:,.0f} their arithmetic alone suggests.",
        )
    if _near(given, naive):
        hint = "that counts arithmetic only; the bigger, failure-prone cluster wastes more time."
    else:
        hint = "raise N until N·h·(1 − waste(N)) equals the H100 cluster's useful compute."
    return CheckResult(False, hint)


# --- units, compute and dollars -------------------------------------------------------------


@strict_keywords
def check_compute_share(
    share: float,
    domestic_h100e_per_card: float | None = None,
    foreign_h100e_per_card: float | None = None,
    domestic_unit_share: float | None = None,
) -> CheckResult:
    """Check the domestic share of compute implied by a share of cards (a share, not percent).

    Examples
    --------
    >>> check_compute_share(0.64)
    Right: 41% of the cards carry 64% of the compute when a domestic card is worth 0.38 H100e and a foreign one 0.15.
    """
    blank = unanswered(share=share)
    if blank is not None:
        return blank
    given_values = {
        k: v
        for k, v in (
            ("domestic_h100e_per_card", domestic_h100e_per_card),
            ("foreign_h100e_per_card", foreign_h100e_per_card),
            ("domestic_unit_share", domestic_unit_share),
        )
        if v is not None
    }
    values = catchup.market.PARAMETERS.check(given_values)
    expected = catchup.market.shares(**values)["compute"]
    given = _number("share", share, minimum=0.0, maximum=100.0)
    if _near(given, expected, relative=0.02):
        return CheckResult(
            True,
            f"{values['domestic_unit_share']:.0%} of the cards carry "
            f"{expected:.0%} of the compute when a domestic card is worth "
            f"{values['domestic_h100e_per_card']:.2f} H100e and a foreign one "
            f"{values['foreign_h100e_per_card']:.2f}.",
        )
    if _near(given, 100 * expected, relative=0.02):
        hint = "give the share as a fraction, not a percentage."
    elif _near(given, values["domestic_unit_share"], relative=0.02):
        hint = "that is the share of cards; weight each side's cards by its H100e per card."
    else:
        hint = "share of compute = s·h_d / (s·h_d + (1 − s)·h_f)."
    return CheckResult(False, hint)


@strict_keywords
def check_market_denominators(china_over_nvidia: float) -> CheckResult:
    """Check China's AI-chip market as a share of Nvidia's output implied by the two figures.

    If Huawei is about half of China's market (Bernstein, 2026) and about 5% of Nvidia's compute
    (CFR), China's market is Huawei's share of Nvidia over Huawei's share of China.

    Examples
    --------
    >>> check_market_denominators(0.1)
    Right: China's market is about 10% of Nvidia's output, so Nvidia's 8% of China is about 0.8% of Nvidia.
    """
    blank = unanswered(china_over_nvidia=china_over_nvidia)
    if blank is not None:
        return blank
    from chipcontrols.core import record

    of_nvidia = record.value("cfr_huawei_share_of_nvidia_compute_2026_percent") / 100
    of_china = catchup.market.market_figure("bernstein-2026-huawei-share") / 100
    nvidia_in_china = catchup.market.market_figure("bernstein-2026-nvidia-share") / 100
    expected = of_nvidia / of_china
    given = _number("china_over_nvidia", china_over_nvidia, minimum=0.0)
    if _near(given, expected, relative=0.02):
        return CheckResult(
            True,
            f"China's market is about {expected:.0%} of Nvidia's output, so "
            f"Nvidia's {nvidia_in_china:.0%} of China is about "
            f"{nvidia_in_china * expected:.1%} of Nvidia.",
        )
    if _near(given, of_china / of_nvidia, relative=0.02):
        hint = "the ratio is upside down: Huawei's share of Nvidia over Huawei's share of China."
    elif _near(given, 100 * expected, relative=0.02):
        hint = "give the ratio as a fraction, not a percentage."
    else:
        hint = (
            "Huawei's output = its share of China × China's market = its share of Nvidia × "
            "Nvidia's output; solve for China's market over Nvidia's output."
        )
    return CheckResult(False, hint)
