"""The catch-up clock, cost side (1): dies per wafer, yield, cost per good die (chapter 4).

A wafer of diameter ``d`` holds about ``g(A) = π(d/2)²/A − πd/√(2A)`` whole dies of area ``A``
(the second term counts the partial dies lost at the edge).  A die works when it has no
killer defect; with ``m = A·D₀`` expected defects per die, three standard models give the
share that works:

* Poisson, defects scattered at random: ``Y = e^(−m)``;
* Murphy, defect density varying from wafer to wafer: ``Y = ((1 − e^(−m))/m)²``;
* negative binomial, defects in clusters of size parameter α: ``Y = (1 + m/α)^(−α)``.

Cost per good die is the wafer's cost over its good dies, ``W/(g·Y)``.  Reported yields are
read backwards into a defect density (``D₀ = −ln Y/A`` under Poisson), and two reported
yields at two levels of cumulative output give a learning exponent for defects,
``D ∝ X^(−d)``, which projects yield forward (:mod:`chipcontrols.catchup.learning`).

Units: die area in mm², defect density in defects per cm² (so ``m = A·D₀/100``), wafer
diameter in mm, money in USD.  Defaults that are record figures come from
``data/record.csv`` and ``data/chips.csv``.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.data import load_chips
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet, strict_keywords
from chipcontrols.reference.wafers import gross_dies_per_wafer

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

#: mm² per cm², to turn a die area in mm² and a defect density per cm² into defects per die.
MM2_PER_CM2 = 100.0
_MM2_PER_CM2 = sp.Integer(100)
#: The reticle limit of one exposure, 26 × 33 mm: no single die is larger.
RETICLE_LIMIT_MM2 = 26.0 * 33.0
#: The die whose reported yields the chapter reads: Huawei's 910B-class compute die.
REFERENCE_CHIP = "huawei-ascend-910b"

_DIE_AREA = float(load_chips().set_index("chip_id").loc[REFERENCE_CHIP, "die_area_mm2"])
_LATER_YIELD = record.figure("ascend_910c_yield_early_2025_percent")
_TSMC_WAFER = record.figure("cset_tsmc_7nm_wafer_cost_usd")
_PREMIUM = (
    (
        record.value("smic_wafer_premium_low_percent")
        + record.value("smic_wafer_premium_high_percent")
    )
    / 2
    / 100
)
_SMIC_WAFER_COST = _TSMC_WAFER.value * (1 + _PREMIUM)
_POISSON_DEFECTS = -math.log(_LATER_YIELD.value / 100) * MM2_PER_CM2 / _DIE_AREA

PARAMETERS = ParameterSet(
    Parameter(
        "chip_die_area_mm2",
        "Die area",
        "mm²",
        _DIE_AREA,
        50.0,
        RETICLE_LIMIT_MM2,
        1.0,
        f"Ascend 910B-class compute die, {_DIE_AREA:g} mm² from die shots (data/chips.csv); "
        "the 910C is reported to package two such dies. At most the reticle limit, "
        "26 × 33 mm.",
        latex="A",
    ),
    Parameter(
        "wafer_diameter_mm",
        "Wafer diameter",
        "mm",
        300.0,
        150.0,
        450.0,
        50.0,
        "300 mm wafers are the standard for advanced logic.",
        latex="d",
    ),
    Parameter(
        "wafer_cost_usd",
        "Cost of one processed wafer",
        "USD",
        round(_SMIC_WAFER_COST),
        3_000.0,
        30_000.0,
        100.0,
        f"Assumption: CSET's ${_TSMC_WAFER.value:,.0f} for a TSMC 7 nm wafer "
        f"({_TSMC_WAFER.citation}) plus the midpoint of the 40-50% premium the FT reports "
        "SMIC charges (asiatimes2024smic), rounded to the dollar. No SMIC price is published.",
        latex="c_w",
    ),
    Parameter(
        "defect_density",
        "Defect density",
        "defects per cm²",
        round(_POISSON_DEFECTS, 4),
        0.01,
        0.6,
        0.005,
        f"Backed out of the reported {_LATER_YIELD.value:g}% yield of early 2025 under the "
        "Poisson model on the 910B-class die (rounded to four decimals). Mature TSMC 7 nm and "
        "5 nm lines reported "
        "about 0.1 per cm² or less. No SMIC figure is published.",
        latex=r"D_0",
    ),
    Parameter(
        "defect_clustering",
        "Defect clustering (negative binomial)",
        "",
        3.0,
        0.5,
        10.0,
        0.1,
        "α of the negative-binomial model; small α means strong clustering, α → ∞ "
        "is Poisson. 3 is a common textbook choice (research notes).",
        latex=r"\alpha",
    ),
    Parameter(
        "reported_yield",
        "A reported die yield",
        "",
        _LATER_YIELD.value / 100,
        0.05,
        0.95,
        0.01,
        f"Default: the {_LATER_YIELD.value:g}% reported for the 910C in early "
        f"2025 ({_LATER_YIELD.citation}).",
        latex="Y",
    ),
)
#: Sympy symbol → LaTeX name, for the chapter's derivations.
LATEX_NAMES = PARAMETERS.latex_names

area, diameter, wafer_cost = (
    PARAMETERS.symbol(n) for n in ("chip_die_area_mm2", "wafer_diameter_mm", "wafer_cost_usd")
)
defects, clustering, reported_yield = (
    PARAMETERS.symbol(n) for n in ("defect_density", "defect_clustering", "reported_yield")
)

#: Expected killer defects per die, m = A·D₀ (area in cm²).
DEFECTS_PER_DIE = area * defects / _MM2_PER_CM2
_m = sp.Symbol("m", positive=True)
#: The three yield models as functions of m, by name (the order of every table and chart).
YIELD_MODELS_OF_M = {
    "Poisson": sp.exp(-_m),
    "Murphy": ((1 - sp.exp(-_m)) / _m) ** 2,
    "negative binomial": (1 + _m / clustering) ** (-clustering),
}
YIELD_MODEL_NAMES = tuple(YIELD_MODELS_OF_M)
#: m as a display symbol, for typesetting the yield models compactly.
DEFECTS_SYMBOL = _m
#: Gross dies per wafer (whole dies; the edge term removes the partial ones).
GROSS_DIES = gross_dies_per_wafer(area, diameter)
#: Yield under each model, in terms of the declared parameters.
YIELDS = {name: form.subs(_m, DEFECTS_PER_DIE) for name, form in YIELD_MODELS_OF_M.items()}
#: Cost per good die under each model (USD).
COST_PER_GOOD_DIE = {name: wafer_cost / (GROSS_DIES * y) for name, y in YIELDS.items()}
#: Gross dies as a display symbol g, for the cost per good die written in terms of it.
GROSS_DIES_SYMBOL = sp.Symbol("g", positive=True)
#: The two terms of the dies-per-wafer derivation: the wafer's area over the die's, and the
#: partial dies along the rim (the rim's length over a die's diagonal).
AREA_RATIO = sp.pi * diameter**2 / (4 * area)
EDGE_LOSS = sp.pi * diameter / sp.sqrt(2 * area)
#: Cost per good die at a given yield, in terms of g (the text's form).
COST_AT_YIELD_IN_G = wafer_cost / (GROSS_DIES_SYMBOL * reported_yield)
#: Cost per good die at a given yield, whichever model produced it (USD).
COST_AT_YIELD = COST_AT_YIELD_IN_G.subs(GROSS_DIES_SYMBOL, GROSS_DIES)
#: Defect density that produces a given yield (per cm²), where a closed form exists.
DEFECTS_FROM_YIELD = derive(
    "DEFECTS_FROM_YIELD",
    lambda: {
        name: sp.solve(sp.Eq(YIELDS[name], reported_yield), defects)[0]
        for name in ("Poisson", "negative binomial")
    },
)

FORMS = {
    "gross_dies": register("catch-up cost: gross dies per wafer", GROSS_DIES, PARAMETERS),
    "cost_at_yield": register(
        "catch-up cost: cost per good die at a given yield", COST_AT_YIELD, PARAMETERS
    ),
    "yield": {
        name: register(f"catch-up cost: die yield, {name}", y, PARAMETERS)
        for name, y in YIELDS.items()
    },
    "cost": {
        name: register(f"catch-up cost: cost per good die, {name}", c, PARAMETERS)
        for name, c in COST_PER_GOOD_DIE.items()
    },
    "defects_from_yield": {
        name: register(f"catch-up cost: defect density from a yield, {name}", d, PARAMETERS)
        for name, d in DEFECTS_FROM_YIELD.items()
    },
}
_GROSS = FORMS["gross_dies"].numpy()
_YIELD = {name: form.numpy() for name, form in FORMS["yield"].items()}
_FROM_YIELD = {name: form.numpy() for name, form in FORMS["defects_from_yield"].items()}


def _model_name(model: object) -> str:
    if not isinstance(model, str) or model not in YIELD_MODEL_NAMES:
        raise ValueError(
            f"model = {model!r} is not a yield model; valid models: {list(YIELD_MODEL_NAMES)}"
        )
    return model


@strict_keywords
def gross_dies(
    chip_die_area_mm2: float = PARAMETERS["chip_die_area_mm2"].default,
    wafer_diameter_mm: float = PARAMETERS["wafer_diameter_mm"].default,
) -> float:
    """Gross dies per wafer, ``π(d/2)²/A − πd/√(2A)`` (a real number; not rounded down).

    Examples
    --------
    >>> round(gross_dies(100, 300), 1), round(gross_dies(225, 300), 1)   # 1 cm², 1.5 cm dies
    (640.2, 269.7)
    """
    values = PARAMETERS.check(
        {"chip_die_area_mm2": chip_die_area_mm2, "wafer_diameter_mm": wafer_diameter_mm}
    )
    return float(_GROSS(**values))


def die_yield(model: str = "Poisson", **values: float) -> float:
    """Share of dies with no killer defect under ``model`` (Poisson, Murphy, negative binomial).

    ``values`` are ``chip_die_area_mm2``, ``defect_density`` and (negative binomial)
    ``defect_clustering``; the rest take their defaults.

    Examples
    --------
    >>> round(die_yield("Poisson", chip_die_area_mm2=500, defect_density=0.2), 4)   # e^-1
    0.3679
    >>> round(die_yield("Murphy", chip_die_area_mm2=500, defect_density=0.2), 4)    # (1-e^-1)^2
    0.3996
    """
    name = _model_name(model)
    return float(_YIELD[name](**PARAMETERS.check(values)))


def cost_per_good_die(model: str = "Poisson", **values: float) -> float:
    """Wafer cost over good dies per wafer (USD), yield from ``model``.

    Examples
    --------
    >>> round(cost_per_good_die("Poisson", reported_yield=0.4)) == round(cost_at_yield(0.4))
    True
    """
    checked = PARAMETERS.check(values)
    return checked["wafer_cost_usd"] / (float(_GROSS(**checked)) * die_yield(model, **values))


def cost_at_yield(reported_yield: float, **values: float) -> float:
    """Cost per good die (USD) when a share ``reported_yield`` of the dies works.

    Examples
    --------
    >>> round(cost_at_yield(0.6) / cost_at_yield(0.4), 4)     # 40% → 60% cuts it by a third
    0.6667
    """
    checked = PARAMETERS.check({**values, "reported_yield": reported_yield})
    return checked["wafer_cost_usd"] / (float(_GROSS(**checked)) * checked["reported_yield"])


@strict_keywords
def defects_per_die(
    reported_yield: float,
    model: str = "Poisson",
    defect_clustering: float = PARAMETERS["defect_clustering"].default,
) -> float:
    """Expected killer defects per die, m, at which ``model`` gives ``reported_yield``.

    The three models depend on the die only through m = A·D₀, so m follows from the yield
    alone: ``−ln Y`` (Poisson), ``α(Y^(−1/α) − 1)`` (negative binomial), and for Murphy the
    root of ``((1 − e^(−m))/m)² = Y``, found by bisection (the yield falls as m grows).

    Examples
    --------
    >>> round(defects_per_die(0.4), 4), round(defects_per_die(0.4, "negative binomial", 1.0), 4)
    (0.9163, 1.5)
    >>> round(defects_per_die(0.3996, "Murphy"), 3)
    1.0
    """
    name = _model_name(model)
    target = PARAMETERS["reported_yield"].check(reported_yield)
    alpha = PARAMETERS["defect_clustering"].check(defect_clustering)
    if name == "Poisson":
        return -math.log(target)
    if name == "negative binomial":
        return alpha * (target ** (-1 / alpha) - 1)
    murphy = sp.lambdify(_m, YIELD_MODELS_OF_M["Murphy"], "math")
    low, high = 0.0, 1.0
    while murphy(high) > target:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if middle > 0 and murphy(middle) > target else (low, middle)
    return (low + high) / 2


def defects_from_yield(reported_yield: float, model: str = "Poisson", **values: float) -> float:
    """The defect density (per cm²) at which ``model`` gives ``reported_yield`` on this die.

    Poisson and negative binomial use their registered closed forms; Murphy's comes from
    :func:`defects_per_die` (bisection).

    Raises
    ------
    ValueError
        For an unknown model, or a yield the model cannot reach inside the declared range of
        ``defect_density``.

    Examples
    --------
    >>> round(defects_from_yield(0.4, chip_die_area_mm2=500), 4)    # -ln 0.4 / 5 cm²
    0.1833
    """
    name = _model_name(model)
    checked = PARAMETERS.check({**values, "reported_yield": reported_yield})
    if name in _FROM_YIELD:
        found = float(_FROM_YIELD[name](**checked))
    else:
        found = (
            defects_per_die(checked["reported_yield"], name, checked["defect_clustering"])
            * MM2_PER_CM2
            / checked["chip_die_area_mm2"]
        )
    declared = PARAMETERS["defect_density"]
    if not declared.minimum <= found <= declared.maximum:
        raise ValueError(
            f"reported_yield = {reported_yield:g} needs a defect density of "
            f"{found:.3g} per cm² under the {name} model on a "
            f"{checked['chip_die_area_mm2']:g} mm² die, outside the declared range "
            f"{declared.describe_range()}"
        )
    return found


def yield_table(defect_densities, **values: float):
    """Yield and cost per good die under each model at several defect densities.

    Returns
    -------
    pandas.DataFrame
        One row per defect density (per cm²): gross dies, then ``<model> yield`` and
        ``<model> cost`` (USD) for each of :data:`YIELD_MODEL_NAMES`.

    Examples
    --------
    >>> yield_table([0.1, 0.2]).columns[:3].tolist()
    ['defect_density', 'gross_dies', 'Poisson yield']
    """
    import pandas as pd

    densities = PARAMETERS["defect_density"].check_array(defect_densities).ravel()
    rows = []
    for density in densities:
        point = {**values, "defect_density": float(density)}
        row = {
            "defect_density": float(density),
            "gross_dies": float(_GROSS(**PARAMETERS.check(point))),
        }
        for name in YIELD_MODEL_NAMES:
            row[f"{name} yield"] = die_yield(name, **point)
            row[f"{name} cost"] = cost_per_good_die(name, **point)
        rows.append(row)
    return pd.DataFrame(rows)


def implied_defect_densities(yields, **values: float) -> dict[str, np.ndarray]:
    """Model name → the defect densities (per cm²) that give each of ``yields`` on this die."""
    return {
        name: np.array([defects_from_yield(y, name, **values) for y in yields])
        for name in YIELD_MODEL_NAMES
    }
