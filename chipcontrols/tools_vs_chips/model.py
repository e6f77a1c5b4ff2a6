"""Tools vs chips: where China's AI compute comes from, and what each kind of control denies.

China's supply of AI compute in a year has two sources (chapter 2).  Imports ``M`` are a
*flow* that chip controls switch on or off.  Domestic output is made from a *stock* of
capacity and is the smaller of two limits: the good accelerators the wafers allow,

    N_w = f_AI · W_yr · (u/n_l) · g(A) · y / n_d,   g(A) = π(d/2)²/A − π·d/√(2A),

and the accelerators the high-bandwidth memory (HBM) allows, ``N_h = H/s_h``; output is
``D = P · min(N_w, N_h)`` in H100-equivalents (H100e).  Tool-side levers act on the wafer
limit: a servicing ban lowers tool uptime ``u``, missing EUV lithography raises the passes
``n_l`` a critical layer needs.

Over time domestic output grows at ``γ_c`` under tool controls and ``γ_f`` without them,
``D(t) = D_now·e^{γt}``.  The closed forms (sympy; rendered to LaTeX, numpy and Vega from these
objects): the year domestic output replaces imports ``t_x = ln(M/D_now)/γ``; the years tool
controls buy; the compute each control denies over a horizon ``T`` (a chip ban ``M·T``, tool
controls the gap between the two output paths); the HBM supply at which the wafers start to
bind; and each lever's elasticity.  The horizon ``T*`` after which tool controls deny more has
no closed form in general; :mod:`chipcontrols.tools_vs_chips.dynamics` finds it numerically
and, for ``γ_c = 0``, with the Lambert W function.

Units: wafer starts in thousand wafers per month, accelerators in million per year, HBM in
million stacks per year, compute in million H100e per year (cumulative: million H100e),
growth rates per year, times in years.  Defaults that are published figures are read from
``data/capacity.csv``, ``data/chips.csv`` and ``data/record.csv``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import sympy as sp

from chipcontrols import ledger
from chipcontrols.core.closed_forms import register
from chipcontrols.core.data import load_chips
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet
from chipcontrols.reference.wafers import gross_dies_per_wafer
from chipcontrols.tools_vs_chips.evidence import estimate, estimate_value

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

#: Diameter of the wafers SMIC's advanced lines use (mm).
WAFER_DIAMETER_MM = 300
#: Wafer starts are declared per month (thousands); the model counts per year (millions).
MONTHS_PER_YEAR = 12
THOUSANDS_PER_MILLION = 1000
#: Chips of ``data/chips.csv`` whose figures set defaults.
ASCEND_910B, ASCEND_910C, H100 = "huawei-ascend-910b", "huawei-ascend-910c", "nvidia-h100-sxm5"
#: The capacity path (``data/capacity.csv``) whose growth is the controlled rate.
CAPACITY_PATH = (
    "smic-advanced-capacity-2025-semianalysis",
    "smic-advanced-capacity-2027-semianalysis",
)
#: SemiAnalysis's HBM-limited output for 2026, which the default HBM supply reproduces.
HBM_LIMITED_2026 = "ascend-output-2026-semianalysis"


def _chip(chip_id: str, column: str) -> float:
    value = float(load_chips().set_index("chip_id").loc[chip_id, column])
    if math.isnan(value):
        raise ValueError(f"data/chips.csv: {chip_id} has no {column}")
    return value


def _growth_of_capacity_path() -> float:
    start, end = (estimate(estimate_id) for estimate_id in CAPACITY_PATH)
    return math.log(end.value / start.value) / (end.year - start.year)


_WAFERS_2025 = estimate(CAPACITY_PATH[0])
_GROWTH_CONTROLLED = _growth_of_capacity_path()
_HBM_PER_PACKAGE = 8.0
_MILLION = 1e6

STATIC = ParameterSet(
    Parameter(
        "wafer_starts",
        "SMIC advanced-node wafer starts",
        "thousand wafers/month",
        _WAFERS_2025.value / THOUSANDS_PER_MILLION,
        10.0,
        150.0,
        1.0,
        f"SemiAnalysis: about {_WAFERS_2025.value:,.0f} wafers a month at the end of "
        f"{_WAFERS_2025.year} (data/capacity.csv); CSIS reports a 50,000 target.",
        latex="W",
    ),
    Parameter(
        "ai_wafer_share",
        "Share of those wafers for AI accelerators",
        "",
        0.10,
        0.01,
        0.6,
        0.01,
        "Research memo default (models.md §4); SemiAnalysis: single-digit "
        "shares already yield millions of dies.",
        latex=r"f_{\mathrm{AI}}",
    ),
    Parameter(
        "ascend_die_area",
        "Compute-die area",
        "mm²",
        _chip(ASCEND_910B, "die_area_mm2"),
        300.0,
        858.0,
        1.0,
        "Disputed: the 910B compute die measures 665.61 mm² in die shots (data/chips.csv); "
        "the original 910's 456.25 mm² (data/disputed_inputs.csv). 858 mm² is one reticle.",
        latex="A",
    ),
    Parameter(
        "ascend_yield",
        "Die yield",
        "",
        0.4,
        0.1,
        0.9,
        0.01,
        "About 40% for the 910C (FT via Lao Tian Times, Feb 2025), up from about 20% "
        "(Reuters, Nov 2024); Huawei's target 60%.",
        latex="y",
    ),
    Parameter(
        "dies_per_package",
        "Compute dies per accelerator",
        "dies",
        2.0,
        1.0,
        4.0,
        1.0,
        "Disputed: two (TechInsights teardown, Bloomberg) or one (Tom's Hardware); "
        "data/disputed_inputs.csv.",
        latex="n_d",
    ),
    Parameter(
        "hbm_supply",
        "HBM stacks available",
        "million stacks/year",
        estimate_value(HBM_LIMITED_2026) * _HBM_PER_PACKAGE / _MILLION,
        0.2,
        15.0,
        0.1,
        "Calibrated, not published: the supply at which the model reproduces SemiAnalysis's "
        "HBM-limited 300,000 Ascends in 2026 at 8 stacks each; about 13 million stacks "
        "reached China before the December 2024 controls.",
        latex="H",
    ),
    Parameter(
        "hbm_per_package",
        "HBM stacks per accelerator",
        "stacks",
        _HBM_PER_PACKAGE,
        2.0,
        12.0,
        1.0,
        "Disputed: about 8 (SemiAnalysis: 13 million stacks for 1.6 million "
        "910C packages); the original Ascend 910 carries 4 (data/disputed_inputs.csv).",
        latex="s_h",
    ),
    Parameter(
        "h100e_per_accelerator",
        "H100-equivalents per Ascend accelerator",
        "H100e",
        round(_chip(ASCEND_910C, "dense_fp16_tflops") / _chip(H100, "dense_fp16_tflops"), 2),
        0.3,
        1.5,
        0.01,
        "Dense 16-bit throughput of the 910C over the H100's "
        "(data/chips.csv), to the slider's step.",
        latex="P",
    ),
    Parameter(
        "tool_uptime",
        "Uptime of installed tools",
        "",
        1.0,
        0.3,
        1.0,
        0.01,
        "Relative to today; a servicing ban lowers it. No published estimate of the effect.",
        latex="u",
    ),
    Parameter(
        "litho_passes",
        "Lithography passes per critical layer",
        "× today",
        1.0,
        1.0,
        4.0,
        0.1,
        "Relative to today's process; without EUV, smaller nodes need more "
        "multipatterning passes. Conceptual.",
        latex="n_l",
    ),
)

_S = STATIC.symbol
wafer_starts, ai_wafer_share, ascend_die_area, ascend_yield = (
    _S(n) for n in ("wafer_starts", "ai_wafer_share", "ascend_die_area", "ascend_yield")
)
dies_per_package, hbm_supply, hbm_per_package = (
    _S(n) for n in ("dies_per_package", "hbm_supply", "hbm_per_package")
)
h100e_per_accelerator, tool_uptime, litho_passes = (
    _S(n) for n in ("h100e_per_accelerator", "tool_uptime", "litho_passes")
)

_d = sp.Integer(WAFER_DIAMETER_MM)
#: Gross dies per 300 mm wafer: wafer area over die area, less the dies lost at the edge.
GROSS_DIES = gross_dies_per_wafer(ascend_die_area, _d)
#: Million wafers a year that run as if fully available: starts × uptime ÷ passes.
EFFECTIVE_WAFERS = (
    MONTHS_PER_YEAR * wafer_starts / THOUSANDS_PER_MILLION * tool_uptime / litho_passes
)
#: Good compute dies a year for AI accelerators (million).
GOOD_DIES = ai_wafer_share * EFFECTIVE_WAFERS * GROSS_DIES * ascend_yield
#: The two limits on good accelerators a year (million).
WAFER_LIMIT = GOOD_DIES / dies_per_package
HBM_LIMIT = hbm_supply / hbm_per_package
LIMITS = {"wafers": WAFER_LIMIT, "HBM": HBM_LIMIT}
ACCELERATORS = sp.Min(WAFER_LIMIT, HBM_LIMIT)
#: Domestic output, million H100e a year.
OUTPUT = h100e_per_accelerator * ACCELERATORS
#: The HBM supply at which the wafer limit starts to bind (million stacks a year).
HBM_AT_WHICH_WAFERS_BIND = derive(
    "hbm_at_which_wafers_bind", lambda: sp.solve(sp.Eq(WAFER_LIMIT, HBM_LIMIT), hbm_supply)[0]
)

_DEFAULT_OUTPUT = float(OUTPUT.subs({p.symbol: p.default for p in STATIC.values()}))

DYNAMIC = ParameterSet(
    Parameter(
        "chip_imports",
        "China's chip imports",
        "million H100e/year",
        ledger.PARAMETERS["supply"].default * ledger.PARAMETERS["h100e_per_chip"].default,
        0.01,
        5.0,
        0.01,
        "Chapter 1: Nvidia's H200 stock for China (about 700,000), at one "
        "H100e each by arithmetic (data/record.csv).",
        latex="M",
    ),
    Parameter(
        "domestic_output",
        "Domestic output today",
        "million H100e/year",
        round(_DEFAULT_OUTPUT, 3),
        0.005,
        5.0,
        0.005,
        "The wafer and HBM limits at their defaults (this model's static part).",
        latex=r"D_{\mathrm{now}}",
    ),
    Parameter(
        "growth_with_controls",
        "Growth of capacity with tool controls",
        "log rate per year",
        round(_GROWTH_CONTROLLED, 4),
        0.0,
        1.0,
        0.01,
        "ln(80,000 ÷ 45,000) ÷ 2 from SemiAnalysis's SMIC capacity path "
        "(data/capacity.csv); other published paths are faster "
        "(data/disputed_inputs.csv).",
        latex=r"\gamma_c",
        per_year="growth",
    ),
    Parameter(
        "growth_without_controls",
        "Growth of capacity without tool controls",
        "log rate per year",
        0.6,
        0.0,
        1.5,
        0.01,
        "No published estimate: a scenario parameter "
        "(research memo, models.md §4); world AI chip production grows about 0.50 a year "
        "(AI 2027).",
        latex=r"\gamma_f",
        per_year="growth",
    ),
    Parameter(
        "horizon_years",
        "Horizon",
        "years",
        8.0,
        1.0,
        20.0,
        0.5,
        "Reader's choice: the years over which denied compute is summed.",
        latex="T",
    ),
    Parameter(
        "years_ahead",
        "Years from now",
        "years",
        0.0,
        0.0,
        20.0,
        0.5,
        "Time along an output path.",
        latex="t",
    ),
    Parameter(
        "hbm_growth",
        "Growth of HBM supply",
        "log rate per year",
        round(_GROWTH_CONTROLLED, 4),
        -0.5,
        1.5,
        0.01,
        "Assumption, no published estimate: HBM made with controlled "
        "tools grows at the controlled rate; CXMT's ramp could make it faster.",
        latex=r"\gamma_h",
        per_year="growth",
    ),
    Parameter(
        "servicing_ban_year",
        "Year a servicing ban takes effect",
        "years from now",
        2.0,
        0.0,
        20.0,
        0.5,
        "Scenario: from this year on, installed tools run at the uptime u; illustrative.",
        latex="t_s",
    ),
)
#: Every declaration of the model.
PARAMETERS = ParameterSet(*STATIC.values(), *DYNAMIC.values())
LATEX_NAMES = PARAMETERS.latex_names

_D = PARAMETERS.symbol
chip_imports, domestic_output, growth_with_controls, growth_without_controls = (
    _D(n)
    for n in ("chip_imports", "domestic_output", "growth_with_controls", "growth_without_controls")
)
horizon_years, years_ahead, hbm_growth, servicing_ban_year = (
    _D(n) for n in ("horizon_years", "years_ahead", "hbm_growth", "servicing_ban_year")
)
#: A growth rate in general (the derivations are shown once, then specialised).
growth = sp.Symbol("gamma", nonnegative=True)
_GENERAL_LATEX = {**LATEX_NAMES, growth: r"\gamma"}

#: Domestic output along a path growing at γ.
OUTPUT_PATH = domestic_output * sp.exp(growth * years_ahead)
#: The year domestic output reaches the level of imports: solve D0·e^{γt} = M for t.
CROSSOVER = derive("crossover", lambda: sp.solve(sp.Eq(OUTPUT_PATH, chip_imports), years_ahead)[0])
#: Compute over the horizon along a path growing at γ (an integral; γ = 0 handled).
CUMULATIVE = derive(
    "cumulative", lambda: sp.integrate(OUTPUT_PATH, (years_ahead, 0, horizon_years))
)


def at_growth(expression: sp.Basic, rate: sp.Symbol) -> sp.Basic:
    """A general form with the growth rate γ set to ``rate`` (γ_c or γ_f)."""
    return expression.subs(growth, rate)


CROSSOVER_WITH, CROSSOVER_WITHOUT = (
    at_growth(CROSSOVER, g) for g in (growth_with_controls, growth_without_controls)
)
#: Years tool controls buy before domestic output replaces imports: the difference of the two
#: crossover years, written as ln(M/D0)·(1/γ_c − 1/γ_f) (a test checks the two are equal).
YEARS_BOUGHT = sp.log(chip_imports / domestic_output) * (
    1 / growth_with_controls - 1 / growth_without_controls
)
#: Cumulative compute denied over the horizon: a chip ban stops the flow M.
DENIED_BY_CHIP_BAN = sp.integrate(chip_imports, (years_ahead, 0, horizon_years))
#: ... tool controls keep output on the slower path.
DENIED_BY_TOOL_CONTROLS = at_growth(CUMULATIVE, growth_without_controls) - at_growth(
    CUMULATIVE, growth_with_controls
)
#: The horizon T* solves DENIED_BY_TOOL_CONTROLS = DENIED_BY_CHIP_BAN (no closed form in general).
HORIZON_EQUATION = sp.Eq(DENIED_BY_TOOL_CONTROLS, DENIED_BY_CHIP_BAN)
#: Domestic share of China's compute acquisitions in a year, with imports M.
DOMESTIC_SHARE = domestic_output / (domestic_output + chip_imports)

#: Wafer-limited output along a path growing at γ; from the servicing-ban year on, installed
#: tools run at uptime u (before it, at full uptime).
WAFER_PATH = (
    h100e_per_accelerator
    * WAFER_LIMIT.subs(tool_uptime, 1)
    * sp.exp(growth * years_ahead)
    * sp.Piecewise((tool_uptime, years_ahead >= servicing_ban_year), (1, True))
)
#: HBM-limited output along a path growing at γ.  Under tool controls HBM supply grows at its
#: own rate γ_h (the December 2024 rules control HBM and the tools that make it); without
#: them, at γ_f like the wafers.
HBM_PATH = h100e_per_accelerator * HBM_LIMIT * sp.exp(growth * years_ahead)
#: Two-input paths: output is the smaller of the two limits.
TWO_INPUT_WITH = sp.Min(
    at_growth(WAFER_PATH, growth_with_controls), at_growth(HBM_PATH, hbm_growth)
)
TWO_INPUT_WITHOUT = sp.Min(
    at_growth(WAFER_PATH, growth_without_controls), at_growth(HBM_PATH, growth_without_controls)
)


def elasticity(expression: sp.Basic, symbol: sp.Symbol) -> sp.Basic:
    """∂ln(expression)/∂ln(symbol), simplified."""
    return sp.simplify(symbol * sp.diff(sp.log(expression), symbol))


#: The static levers, in the order the text lists them.
LEVERS = (
    "wafer_starts",
    "ai_wafer_share",
    "ascend_yield",
    "tool_uptime",
    "litho_passes",
    "dies_per_package",
    "ascend_die_area",
    "hbm_supply",
    "hbm_per_package",
    "h100e_per_accelerator",
)
#: Elasticity of output to each lever when the wafers bind and when HBM binds.
ELASTICITIES = {
    regime: derive(
        f"elasticities, {regime} binding",
        lambda limit=limit: {
            name: elasticity(h100e_per_accelerator * limit, STATIC.symbol(name)) for name in LEVERS
        },
    )
    for regime, limit in LIMITS.items()
}


def _forms() -> dict[str, object]:
    with_, without = growth_with_controls, growth_without_controls
    forms = {
        "gross_dies": ("gross dies per wafer", GROSS_DIES),
        "good_dies": ("good dies a year", GOOD_DIES),
        "wafer_limit": ("wafer limit", WAFER_LIMIT),
        "hbm_limit": ("HBM limit", HBM_LIMIT),
        "accelerators": ("accelerators a year", ACCELERATORS),
        "output": ("domestic output", OUTPUT),
        "hbm_at_which_wafers_bind": ("HBM supply at which wafers bind", HBM_AT_WHICH_WAFERS_BIND),
        "die_area_elasticity": (
            "elasticity of output to die area, wafers binding",
            ELASTICITIES["wafers"]["ascend_die_area"],
        ),
        "path_with": ("output path with tool controls", at_growth(OUTPUT_PATH, with_)),
        "path_without": ("output path without tool controls", at_growth(OUTPUT_PATH, without)),
        "crossover_with": ("crossover year with tool controls", CROSSOVER_WITH),
        "crossover_without": ("crossover year without tool controls", CROSSOVER_WITHOUT),
        "years_bought": ("years tool controls buy", YEARS_BOUGHT),
        "denied_by_chip_ban": ("compute denied by a chip ban", DENIED_BY_CHIP_BAN),
        "denied_by_tool_controls": ("compute denied by tool controls", DENIED_BY_TOOL_CONTROLS),
        "domestic_share": ("domestic share of acquisitions", DOMESTIC_SHARE),
        "wafer_path_with": ("wafer-limited path with tool controls", at_growth(WAFER_PATH, with_)),
        "wafer_path_without": (
            "wafer-limited path without tool controls",
            at_growth(WAFER_PATH, without),
        ),
        "hbm_path_with": ("HBM-limited path with tool controls", at_growth(HBM_PATH, hbm_growth)),
        "hbm_path_without": (
            "HBM-limited path without tool controls",
            at_growth(HBM_PATH, without),
        ),
        "two_input_with": ("two-input output path with tool controls", TWO_INPUT_WITH),
        "two_input_without": ("two-input output path without tool controls", TWO_INPUT_WITHOUT),
    }
    return {
        key: register(f"tools vs chips: {name}", expression, PARAMETERS)
        for key, (name, expression) in forms.items()
    }


#: Every closed form the text and the website use, registered (the only route to Vega).
FORMS = _forms()
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}


def evaluate(key: str, **values: float) -> float:
    """One registered form at checked parameter values (defaults for the rest).

    Raises
    ------
    ValueError
        For an unknown form (the message lists them), an unknown parameter, or a value outside
        its declared range.

    Examples
    --------
    >>> round(evaluate("hbm_limit"), 2)          # million accelerators a year
    0.3
    >>> round(evaluate("crossover_with", domestic_output=0.25), 1)
    3.6
    """
    if key not in FORMS:
        raise ValueError(
            f"key = {key!r} is not a form of the tools-vs-chips model; valid: {sorted(FORMS)}"
        )
    checked = {name: np.float64(value) for name, value in PARAMETERS.check(values).items()}
    # numpy floats, so that the unselected branch of a Piecewise (γ = 0) yields nan, not an error
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(_NUMPY[key](**checked))


def evaluate_along(key: str, years, **values: float):
    """One registered form at each of several years from now (``years_ahead``), as an array.

    Examples
    --------
    >>> evaluate_along("path_with", [0, 1], domestic_output=0.25).round(3).tolist()
    [0.25, 0.333]
    """
    if key not in FORMS:
        raise ValueError(
            f"key = {key!r} is not a form of the tools-vs-chips model; valid: {sorted(FORMS)}"
        )
    checked = PARAMETERS.check(values)
    grid = PARAMETERS["years_ahead"].check_array(years).ravel()
    names = [s.name for s in FORMS[key].symbols]
    with np.errstate(divide="ignore", invalid="ignore"):
        result = _NUMPY[key](
            **{
                name: grid if name == "years_ahead" else np.float64(checked[name])
                for name in names
            }
        )
    return np.broadcast_to(np.asarray(result, dtype=float), grid.shape).copy()


def static_table(**values: float) -> pd.DataFrame:
    """The static model's intermediate quantities, for the text and the lab.

    Returns
    -------
    pandas.DataFrame
        One row per quantity (gross dies per wafer, good dies, the two limits, accelerators,
        output, the HBM at which wafers bind), with its unit.
    """
    units = {
        "gross_dies": "dies per wafer",
        "good_dies": "million dies a year",
        "wafer_limit": "million accelerators a year",
        "hbm_limit": "million accelerators a year",
        "accelerators": "million accelerators a year",
        "output": "million H100e a year",
        "hbm_at_which_wafers_bind": "million stacks a year",
    }
    return pd.DataFrame(
        [
            {"quantity": key, "value": evaluate(key, **values), "unit": unit}
            for key, unit in units.items()
        ]
    )
