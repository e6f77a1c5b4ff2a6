"""The catch-up clock, cost side (3): Wright's law against Nvidia's falling cost per H100e.

Wright's law: each doubling of cumulative output cuts unit cost by the learning rate LR, so
cost ∝ X^(−b) with ``b = −log₂(1 − LR)``.  If Huawei's cumulative output grows like
``e^(γt)``, its cost per H100-equivalent falls like ``e^(−bγt)`` (Nagy et al. 2013), while
Nvidia's falls at its own rate ``r_N``.  Starting ``c_H0/c_N0`` times as dear, Huawei draws
level after

    t_c = ln(c_H0/c_N0) / (bγ − r_N),

which is a positive, finite time only when ``γ > γ_min = r_N/b``.  Mandates work through γ:
guaranteed buyers raise output growth, and ``∂t_c/∂γ`` says how many years each extra unit
of growth buys.  A mandate that lifts the domestic share from ``s₀`` to ``s₁`` in ``T`` years
in a market growing at ``g`` adds ``ln(s₁/s₀)/T`` to the domestic vendors' output growth.

Costs are relative to Nvidia's cost per H100e in 2025 (= 1); times in years from 2025.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.catchup.market import market_figure
from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.data import load_table
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

_LEARNING = record.figure("semiconductor_learning_rate_percent")
_DECLINE = record.figure("ml_hardware_cost_decline_percent")
_MARKET_2025, _MARKET_2027 = (
    market_figure(f"bernstein-{year}-market-size") for year in (2025, 2027)
)
_SHARE_NOW = market_figure("idc-2025-domestic-share") / 100
_DRAFT = load_table("domestic_mandates").set_index("mandate_id").loc["national-2026-06-draft-grid"]
#: The year the mandate clock starts: the IDC shares describe 2025.
BASE_YEAR = 2025

PARAMETERS = ParameterSet(
    Parameter(
        "learning_rate",
        "Learning rate per doubling of cumulative output",
        "",
        _LEARNING.value / 100,
        0.05,
        0.4,
        0.01,
        f"Memory chips average about {_LEARNING.value:g}% ({_LEARNING.citation}).",
        latex=r"\mathrm{LR}",
    ),
    Parameter(
        "huawei_output_growth",
        "Growth of Huawei's cumulative output",
        "log rate per year",
        round(math.log(2), 4),
        0.0,
        2.0,
        0.01,
        "ln 2 (rounded to four decimals), a doubling a year: Huawei's reported plan to double Ascend 910C output in "
        "2026 (Bloomberg, September 2025; chapter 2's capacity data).",
        latex=r"\gamma",
        per_year="growth",
    ),
    Parameter(
        "nvidia_cost_decline",
        "Change in Nvidia's cost per H100e",
        "log rate of decline per year",
        round(-math.log(1 - _DECLINE.value / 100), 4),
        0.1,
        0.6,
        0.005,
        f"−ln(1 − {_DECLINE.value / 100:g}), rounded to four decimals: hardware of fixed performance becomes about "
        f"{_DECLINE.value:g}% cheaper each year ({_DECLINE.citation}).",
        latex=r"r_N",
        per_year="decline",
    ),
    Parameter(
        "huawei_cost_ratio",
        "Huawei's cost per H100e over Nvidia's, 2025",
        "×",
        2.5,
        1.0,
        6.0,
        0.1,
        "Contested assumption (research memo). SemiAnalysis: CloudMatrix 384 needs about "
        "2.3 times the power per FLOP/s of GB200 NVL72; IFP: a half-spec cluster costs "
        "only about 20% more. The cost clock's silicon arithmetic gives a similar ratio.",
        latex=r"c_{H0}/c_{N0}",
    ),
    Parameter(
        "race_years",
        "Years from 2025",
        "years",
        5.0,
        0.0,
        25.0,
        0.5,
        "The time axis of the cost race.",
        latex="t",
    ),
    Parameter(
        "market_growth",
        "Growth of China's AI-chip market",
        "log rate per year",
        round(math.log(_MARKET_2027 / _MARKET_2025) / 2, 4),
        0.0,
        1.0,
        0.01,
        f"ln({_MARKET_2027:g}/{_MARKET_2025:g})/2: Bernstein's ${_MARKET_2025:g} bn (2025) "
        f"to ${_MARKET_2027:g} bn (2027), in dollars (data/domestic_market.csv).",
        latex="g_m",
        per_year="growth",
    ),
    Parameter(
        "domestic_share_now",
        "Domestic share now",
        "",
        _SHARE_NOW,
        0.05,
        0.95,
        0.01,
        f"IDC: {100 * _SHARE_NOW:g}% of accelerator cards shipped in China in 2025 "
        "(data/domestic_market.csv).",
        latex=r"s_0",
    ),
    Parameter(
        "domestic_share_target",
        "Domestic share a mandate requires",
        "",
        float(_DRAFT["percent"]) / 100,
        0.1,
        1.0,
        0.01,
        f"The June 2026 draft national plan: about {float(_DRAFT['percent']):g}% by "
        f"{int(_DRAFT['target_year'])} (data/domestic_mandates.csv).",
        latex=r"s_1",
    ),
    Parameter(
        "mandate_years",
        "Years to reach the mandated share",
        "years",
        float(int(_DRAFT["target_year"]) - BASE_YEAR),
        0.5,
        10.0,
        0.5,
        f"{BASE_YEAR} to {int(_DRAFT['target_year'])}, the draft plan's horizon.",
        latex=r"T_{\mathrm{mandate}}",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
learning_rate, output_growth, nvidia_decline, cost_ratio, years = (
    PARAMETERS.symbol(n)
    for n in (
        "learning_rate",
        "huawei_output_growth",
        "nvidia_cost_decline",
        "huawei_cost_ratio",
        "race_years",
    )
)
market_growth, share_now, share_target, mandate_years = (
    PARAMETERS.symbol(n)
    for n in ("market_growth", "domestic_share_now", "domestic_share_target", "mandate_years")
)

#: Wright's exponent as a display symbol (b), and in terms of the learning rate.
B = sp.Symbol("b", positive=True)
LEARNING_EXPONENT = -sp.log(1 - learning_rate) / sp.log(2)
#: Costs per H100e relative to Nvidia's in 2025.
HUAWEI_COST_IN_B = cost_ratio * sp.exp(-B * output_growth * years)
NVIDIA_COST = sp.exp(-nvidia_decline * years)
#: The crossover: solve c_H(t) = c_N(t) for t.
CROSSOVER_IN_B = derive(
    "CROSSOVER_IN_B",
    lambda: sp.solve(sp.Eq(sp.log(HUAWEI_COST_IN_B), sp.log(NVIDIA_COST)), years)[0],
)
GAMMA_MIN_IN_B = derive(
    "GAMMA_MIN_IN_B",
    lambda: sp.solve(sp.Eq(B * output_growth, nvidia_decline), output_growth)[0],
)
SENSITIVITY_IN_B = derive(
    "SENSITIVITY_IN_B",
    lambda: sp.simplify(sp.diff(CROSSOVER_IN_B, output_growth)),
)
HUAWEI_COST = HUAWEI_COST_IN_B.subs(B, LEARNING_EXPONENT)
CROSSOVER = CROSSOVER_IN_B.subs(B, LEARNING_EXPONENT)
GAMMA_MIN = GAMMA_MIN_IN_B.subs(B, LEARNING_EXPONENT)
SENSITIVITY = SENSITIVITY_IN_B.subs(B, LEARNING_EXPONENT)
#: Output growth a mandate implies: the market's growth plus the share gained each year.
MANDATE_GROWTH = market_growth + sp.log(share_target / share_now) / mandate_years
#: The same in multiples per year (e^γ).
ANNUAL_MULTIPLE = sp.exp(GAMMA_MIN)

FORMS = {
    "exponent": register("catch-up race: Wright exponent b", LEARNING_EXPONENT, PARAMETERS),
    "huawei_cost": register("catch-up race: Huawei cost per H100e", HUAWEI_COST, PARAMETERS),
    "nvidia_cost": register("catch-up race: Nvidia cost per H100e", NVIDIA_COST, PARAMETERS),
    "crossover": register("catch-up race: cost crossover t_c", CROSSOVER, PARAMETERS),
    "gamma_min": register("catch-up race: minimum output growth", GAMMA_MIN, PARAMETERS),
    "gamma_min_multiple": register(
        "catch-up race: minimum output multiple per year", ANNUAL_MULTIPLE, PARAMETERS
    ),
    "sensitivity": register("catch-up race: dt_c/dgamma", SENSITIVITY, PARAMETERS),
    "mandate_growth": register(
        "catch-up race: output growth a mandate implies", MANDATE_GROWTH, PARAMETERS
    ),
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}
#: Inputs of the race (the time axis and the mandate link are not).
RACE_INPUTS = PARAMETERS.subset(
    "learning_rate", "huawei_output_growth", "nvidia_cost_decline", "huawei_cost_ratio"
)
MANDATE_INPUTS = PARAMETERS.subset(
    "market_growth", "domestic_share_now", "domestic_share_target", "mandate_years"
)


@dataclass(frozen=True)
class Race:
    """The cost race for one set of parameters.

    Attributes
    ----------
    exponent : float
        Wright's b.
    gamma_min : float
        Output growth below which Huawei never catches up (per year).
    crossover_years : float
        Years from 2025 until Huawei's cost per H100e equals Nvidia's; ``inf`` when output
        grows no faster than ``gamma_min`` (the gap never closes).
    sensitivity : float
        ∂t_c/∂γ in years per unit of growth (``nan`` when there is no crossover).
    """

    exponent: float
    gamma_min: float
    crossover_years: float
    sensitivity: float

    @property
    def catches_up(self) -> bool:
        """Whether the cost gap closes at all."""
        return math.isfinite(self.crossover_years)


def race(**values: float) -> Race:
    """The cost race; unspecified parameters take their defaults.

    Examples
    --------
    >>> r = race(huawei_output_growth=1.3)
    >>> round(r.exponent, 4), round(r.gamma_min, 3), round(r.crossover_years, 1)
    (0.3219, 1.108, 14.8)
    >>> round(race(huawei_output_growth=1.6).crossover_years, 1)
    5.8
    >>> race().catches_up                               # a doubling a year is too slow
    False
    """
    checked = RACE_INPUTS.check(values)
    exponent = float(_NUMPY["exponent"](**checked))
    gamma_min = float(_NUMPY["gamma_min"](**checked))
    if checked["huawei_output_growth"] * exponent > checked["nvidia_cost_decline"]:
        crossover = float(_NUMPY["crossover"](**checked))
        sensitivity = float(_NUMPY["sensitivity"](**checked))
    else:
        crossover, sensitivity = math.inf, math.nan
    return Race(exponent, gamma_min, crossover, sensitivity)


def cost_paths(years_grid, **values: float):
    """Huawei's and Nvidia's cost per H100e (Nvidia 2025 = 1) at each of ``years_grid``.

    Returns
    -------
    tuple of numpy.ndarray
        ``(huawei, nvidia)``, one value per year in the grid.
    """
    grid = PARAMETERS["race_years"].check_array(years_grid)
    checked = RACE_INPUTS.check(values)
    huawei = np.broadcast_to(_NUMPY["huawei_cost"](**checked, race_years=grid), grid.shape)
    nvidia = np.broadcast_to(_NUMPY["nvidia_cost"](**checked, race_years=grid), grid.shape)
    return np.asarray(huawei, dtype=float), np.asarray(nvidia, dtype=float)


def mandate_growth(**values: float) -> float:
    """Output growth a share mandate implies (per year): ``g + ln(s₁/s₀)/T``.

    Examples
    --------
    >>> round(mandate_growth(market_growth=0.0, domestic_share_now=0.4,
    ...                      domestic_share_target=0.8, mandate_years=1.0), 4)    # ln 2
    0.6931
    """
    return float(_NUMPY["mandate_growth"](**MANDATE_INPUTS.check(values)))


def crossover_table(learning_rates, growths, **values: float):
    """t_c (years; ``inf`` where the gap never closes) for each learning rate and growth.

    Returns
    -------
    pandas.DataFrame
        Rows indexed by learning rate, one column per output growth γ.
    """
    import pandas as pd

    rates = PARAMETERS["learning_rate"].check_array(learning_rates).ravel()
    gammas = PARAMETERS["huawei_output_growth"].check_array(growths).ravel()
    table = {
        float(g): [
            race(
                **{**values, "learning_rate": float(lr), "huawei_output_growth": float(g)}
            ).crossover_years
            for lr in rates
        ]
        for g in gammas
    }
    return pd.DataFrame(table, index=pd.Index(rates, name="learning_rate"))
