"""The catch-up clock, cost side (2): a learning curve for defects, fitted to two yields.

If the defect density falls as a power of cumulative output X, ``D ∝ X^(−θ)``, then two
reported yields, ``Y₁`` at ``X₁`` and ``Y₂`` at ``X₂ = k₁·X₁``, fix the exponent θ.  Every yield
model depends on the die only through the expected defects per die ``m = A·D``, so the fit
needs no die area: ``θ = ln(m₁/m₂)/ln k₁``, with ``m = −ln Y`` (Poisson) or
``α(Y^(−1/α) − 1)`` (negative binomial); Murphy's ``m`` is found numerically.  Projected
``k₂`` times further along, ``m = m₂·k₂^(−θ)`` and the yield follows; cost per good die scales
as ``Y₂/Y``.

Defaults: the 910C's reported ~20% (late 2024) and ~40% (early 2025), and Huawei's 60%
target (``data/record.csv``).  How much cumulative output grew between the two reports is
not published; the default assumes one doubling.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import sympy as sp

from chipcontrols import catchup
from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.parameters import Parameter, ParameterSet, require_number, strict_keywords

_EARLIER = record.figure("ascend_910c_yield_late_2024_percent")
_LATER = record.figure("ascend_910c_yield_early_2025_percent")
_TARGET = record.figure("ascend_910c_yield_target_percent")

PARAMETERS = ParameterSet(
    Parameter(
        "yield_earlier",
        "Earlier reported yield",
        "",
        _EARLIER.value / 100,
        0.05,
        0.9,
        0.01,
        f"Ascend 910C, late 2024 ({_EARLIER.citation}).",
        latex=r"Y_1",
    ),
    Parameter(
        "yield_later",
        "Later reported yield",
        "",
        _LATER.value / 100,
        0.06,
        0.95,
        0.01,
        f"Ascend 910C, early 2025 ({_LATER.citation}).",
        latex=r"Y_2",
    ),
    Parameter(
        "output_multiple_observed",
        "Growth of cumulative output between the two yields",
        "×",
        2.0,
        1.1,
        20.0,
        0.1,
        "Assumption: one doubling between November 2024 and February 2025; not published.",
        latex="k_1",
    ),
    Parameter(
        "output_multiple_ahead",
        "Further growth of cumulative output",
        "×",
        2.0,
        1.0,
        64.0,
        0.5,
        "Reader's choice: how far along the learning curve to project.",
        latex="k_2",
    ),
    Parameter(
        "yield_target",
        "Target yield",
        "",
        _TARGET.value / 100,
        0.06,
        0.99,
        0.01,
        f"Huawei's reported target for the 910C line ({_TARGET.citation}).",
        latex=r"Y^{*}",
    ),
    catchup.yields.PARAMETERS["defect_clustering"],
)
LATEX_NAMES = PARAMETERS.latex_names
y_earlier, y_later, observed, ahead, target, clustering = (
    PARAMETERS.symbol(n)
    for n in (
        "yield_earlier",
        "yield_later",
        "output_multiple_observed",
        "output_multiple_ahead",
        "yield_target",
        "defect_clustering",
    )
)

#: Defects per die as a function of a yield, by model (closed forms only).
_DEFECTS_OF_YIELD = {
    "Poisson": lambda y: -sp.log(y),
    "negative binomial": lambda y: clustering * (y ** (-1 / clustering) - 1),
}
#: The learning exponent θ of the defect density, by model.
EXPONENT = {
    name: sp.log(m(y_earlier) / m(y_later)) / sp.log(observed)
    for name, m in _DEFECTS_OF_YIELD.items()
}
#: θ as a display symbol, for the projected yield written in terms of it.
THETA = sp.Symbol("theta", positive=True)
#: Projected Poisson yield k₂ times further along, in terms of θ (the text's form).
PROJECTED_YIELD_IN_THETA = sp.exp(sp.log(y_later) * ahead ** (-THETA))
#: Projected yield after cumulative output grows k₂-fold beyond the later report.
PROJECTED_YIELD = {
    "Poisson": PROJECTED_YIELD_IN_THETA.subs(THETA, EXPONENT["Poisson"]),
    "negative binomial": (
        1 + (y_later ** (-1 / clustering) - 1) * ahead ** (-EXPONENT["negative binomial"])
    )
    ** (-clustering),
}
#: Output multiple at which the Poisson learning curve reaches the target yield.
MULTIPLE_FOR_TARGET = (sp.log(y_later) / sp.log(target)) ** (1 / EXPONENT["Poisson"])
#: Share by which the defect density falls with each doubling of cumulative output (Poisson).
DEFECT_DECLINE_PER_DOUBLING = 1 - 2 ** (-EXPONENT["Poisson"])

FORMS = {
    "exponent": {
        name: register(f"catch-up learning: defect exponent, {name}", e, PARAMETERS)
        for name, e in EXPONENT.items()
    },
    "projected_yield": {
        name: register(f"catch-up learning: projected yield, {name}", y, PARAMETERS)
        for name, y in PROJECTED_YIELD.items()
    },
    "multiple_for_target": register(
        "catch-up learning: output multiple for the target yield", MULTIPLE_FOR_TARGET, PARAMETERS
    ),
    "decline_per_doubling": register(
        "catch-up learning: defect decline per doubling", DEFECT_DECLINE_PER_DOUBLING, PARAMETERS
    ),
}


@dataclass(frozen=True)
class LearningFit:
    """A defect learning curve through two reported yields.

    Attributes
    ----------
    model : str
        The yield model used to read the yields.
    exponent : float
        θ in ``D ∝ X^(−θ)`` (dimensionless).
    defects_later : float
        Expected defects per die at the later report, m₂.
    yield_later : float
        The later reported yield, Y₂.
    defect_clustering : float
        α, used by the negative-binomial model.
    """

    model: str
    exponent: float
    defects_later: float
    yield_later: float
    defect_clustering: float

    @property
    def decline_per_doubling(self) -> float:
        """Share by which the defect density falls with each doubling of cumulative output."""
        return 1 - 2 ** (-self.exponent)

    def yield_at(self, output_multiple_ahead: float) -> float:
        """The yield after cumulative output grows ``output_multiple_ahead``-fold (≥ 1)."""
        multiple = PARAMETERS["output_multiple_ahead"].check(output_multiple_ahead)
        defects = self.defects_later * multiple ** (-self.exponent)
        return _yield_of_defects(defects, self.model, self.defect_clustering)

    def cost_multiple_at(self, output_multiple_ahead: float) -> float:
        """Cost per good die then, as a multiple of cost per good die at the later report."""
        return self.yield_later / self.yield_at(output_multiple_ahead)

    def multiple_for_yield(self, target_yield: float) -> float:
        """The output multiple at which the curve reaches ``target_yield`` (above Y₂)."""
        wanted = PARAMETERS["yield_target"].check(target_yield)
        if wanted <= self.yield_later:
            raise ValueError(
                f"target_yield = {wanted:g} is not above the later yield "
                f"{self.yield_later:g}: the curve is already there"
            )
        needed = catchup.yields.defects_per_die(wanted, self.model, self.defect_clustering)
        return (self.defects_later / needed) ** (1 / self.exponent)


def _yield_of_defects(defects: float, model: str, clustering_value: float) -> float:
    m = sp.Symbol("m", positive=True)
    form = catchup.yields.YIELD_MODELS_OF_M[model].subs(
        catchup.yields.PARAMETERS.symbol("defect_clustering"), clustering_value
    )
    return float(sp.lambdify(m, form.subs(catchup.yields.DEFECTS_SYMBOL, m), "math")(defects))


@strict_keywords
def fit(
    yield_earlier: float = PARAMETERS["yield_earlier"].default,
    yield_later: float = PARAMETERS["yield_later"].default,
    output_multiple_observed: float = PARAMETERS["output_multiple_observed"].default,
    model: str = "Poisson",
    defect_clustering: float = PARAMETERS["defect_clustering"].default,
) -> LearningFit:
    """Fit the defect learning exponent to two reported yields under a yield model.

    Raises
    ------
    ValueError
        For a value outside its declared range, an unknown model, or a later yield that is
        not higher than the earlier one (no learning to fit).

    Examples
    --------
    >>> curve = fit()                                  # 20% → 40% over one doubling, Poisson
    >>> round(curve.exponent, 3), round(curve.yield_at(2), 3), round(curve.yield_at(4), 3)
    (0.813, 0.594, 0.743)
    >>> round(curve.multiple_for_yield(0.6), 2)
    2.05
    """
    checked = PARAMETERS.check(
        {
            "yield_earlier": yield_earlier,
            "yield_later": yield_later,
            "output_multiple_observed": output_multiple_observed,
            "defect_clustering": defect_clustering,
        }
    )
    name = catchup.yields._model_name(model)
    if checked["yield_later"] <= checked["yield_earlier"]:
        raise ValueError(
            f"yield_later = {checked['yield_later']:g} must be higher than "
            f"yield_earlier = {checked['yield_earlier']:g} to fit a learning curve"
        )
    alpha = checked["defect_clustering"]
    m_earlier = catchup.yields.defects_per_die(checked["yield_earlier"], name, alpha)
    m_later = catchup.yields.defects_per_die(checked["yield_later"], name, alpha)
    exponent = math.log(m_earlier / m_later) / math.log(checked["output_multiple_observed"])
    return LearningFit(name, exponent, m_later, checked["yield_later"], alpha)


@strict_keywords
def years_to_multiple(output_multiple: float, output_growth: float) -> float:
    """Years for cumulative output to grow ``output_multiple``-fold at ``output_growth`` a year.

    Cumulative output growing like ``e^(γt)`` reaches a multiple M after ``ln M/γ`` years.

    Examples
    --------
    >>> round(years_to_multiple(2.0, math.log(2)), 6)
    1.0
    """
    multiple = require_number("output_multiple", output_multiple, minimum=1.0, unit="×")
    growth = require_number(
        "output_growth", output_growth, minimum=0.0, minimum_included=False, unit="per year"
    )
    return math.log(multiple) / growth
