"""The H200 ledger: what a year's exports to China buy and cost (chapter 1).

Volume is the smallest of four limits — Chinese demand, Nvidia's supply for China, the US
cap (a share of US-customer volume of the same chip) and Beijing's approvals — and the
ledger reports every limit that binds (two can tie).  Revenue splits between the US
Treasury (the 25% tariff) and Nvidia.  China's compute gain is counted in H100-equivalents
(``h100e_per_chip`` per H200: 1.0 by arithmetic, about 1.43 by memory bandwidth), and the
US:China ratio of compute added that year falls as exports rise; ``displacement`` lets each
China-bound chip displace US deployments.

Closed forms (sympy; rendered to LaTeX, numpy and Vega from these objects):

* ``RATIO``: ρ(Q) = (C_US − δ·h·Q) / (C_CN + h·Q)
* ``VOLUME_FOR_TARGET_RATIO``: Q* solving ρ(Q*) = ρ̄
* ``MARGINAL_RATIO``: ∂ρ/∂Q
* ``BREAK_EVEN_VALUATION``: σ* = g_chip·Q / ln(1 + h·Q/C_CN), g_chip = (τ + ω(1 − τ))·p_H200

Every quantity is a declared :class:`~chipcontrols.core.parameters.Parameter` (name, label, unit,
default, range, source, LaTeX); its sympy symbol is named after it.  Defaults that are record
figures are read from ``data/record.csv``.  Volumes and compute are in millions of chips and
millions of H100-equivalents, money in billions of USD (price in thousands of USD).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.core import limits as _limits, record
from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

_MILLION = 1e6
_DEMAND_SOURCE = record.figure("chinese_h200_orders_2026")
_SUPPLY_SOURCE = record.figure("nvidia_h200_inventory")
_APPROVALS_SOURCE = record.figure("beijing_h200_approvals_jan_2026")
_PRICE_SOURCE = record.figure("h200_price_usd")
_TARIFF_SOURCE = record.figure("section_232_tariff_rate_percent")
_CAP_SOURCE = record.figure("china_volume_cap_percent_of_us_shipments")


def _sourced(figure: record.RecordFigure) -> str:
    qualifier = f"{figure.qualifier} " if figure.qualifier else ""
    return (
        f"{figure.description.rstrip('.')} ({qualifier}{figure.value:,.10g} {figure.unit}; "
        f"{figure.citation}, {figure.date})."
    )


PARAMETERS = ParameterSet(
    Parameter(
        "demand",
        "Chinese demand for H200s",
        "million chips",
        _DEMAND_SOURCE.value / _MILLION,
        0.0,
        2.5,
        0.05,
        _sourced(_DEMAND_SOURCE),
        latex=r"D_{\mathrm{CN}}",
    ),
    Parameter(
        "supply",
        "Nvidia supply for China",
        "million chips",
        _SUPPLY_SOURCE.value / _MILLION,
        0.3,
        2.0,
        0.05,
        _sourced(_SUPPLY_SOURCE),
        latex=r"S_{\mathrm{NV}}",
    ),
    Parameter(
        "cap_share",
        "US cap: share of US-customer volume",
        "",
        _CAP_SOURCE.value / 100,
        0.0,
        1.0,
        0.05,
        _sourced(_CAP_SOURCE),
        latex=r"\kappa",
    ),
    Parameter(
        "us_volume",
        "H200s sold to US customers",
        "million chips",
        1.0,
        0.2,
        3.0,
        0.05,
        "Not published; illustrative (research memo, models.md §3).",
        latex=r"Q_{\mathrm{US}}",
    ),
    Parameter(
        "approvals",
        "Beijing's approvals",
        "million chips",
        _APPROVALS_SOURCE.value / _MILLION,
        0.0,
        2.5,
        0.05,
        _sourced(_APPROVALS_SOURCE),
        latex=r"A_{\mathrm{BJ}}",
    ),
    Parameter(
        "price",
        "Price per H200",
        "thousand USD",
        _PRICE_SOURCE.value / 1e3,
        20.0,
        35.0,
        0.5,
        _sourced(_PRICE_SOURCE),
        latex=r"p_{\mathrm{H200}}",
    ),
    Parameter(
        "tariff_share",
        "US government take",
        "",
        _TARIFF_SOURCE.value / 100,
        0.0,
        0.5,
        0.01,
        _sourced(_TARIFF_SOURCE),
        latex=r"\tau",
    ),
    Parameter(
        "h100e_per_chip",
        "H100-equivalents per H200",
        "H100e",
        1.0,
        1.0,
        1.8,
        0.01,
        "1.0 by dense arithmetic; 4.8/3.35 ≈ 1.43 by memory bandwidth (data/chips.csv).",
        latex="h",
    ),
    Parameter(
        "china_compute",
        "China's other compute added",
        "million H100e",
        0.3,
        0.2,
        1.5,
        0.05,
        "Domestic output plus smuggling, The Substrate (Feb 2026), via models.md §3.",
        latex=r"C_{\mathrm{CN}}",
    ),
    Parameter(
        "us_compute",
        "US compute added",
        "million H100e",
        13.0,
        8.0,
        25.0,
        0.5,
        "Derived assumption from Epoch AI stock and growth (models.md §3).",
        latex=r"C_{\mathrm{US}}",
    ),
    Parameter(
        "displacement",
        "US deployments displaced per China-bound chip",
        "",
        0.0,
        0.0,
        1.0,
        0.05,
        "0 if supply is slack, up to 1 if foundry or HBM capacity binds.",
        latex=r"\delta",
    ),
    Parameter(
        "nvidia_weight",
        "Weight on Nvidia's revenue in US gains",
        "",
        0.3,
        0.0,
        1.0,
        0.05,
        "Policy judgement; research memo default 0.3 (models.md §3).",
        latex=r"\omega",
    ),
    Parameter(
        "volume",
        "H200s exported to China in the year",
        "million chips",
        _DEMAND_SOURCE.value / _MILLION,
        0.0,
        2.5,
        0.05,
        "Any volume Chinese demand could reach in the ledger (the demand slider's range).",
        latex="Q",
    ),
    Parameter(
        "target_ratio",
        "Target US:China ratio of compute added",
        "×",
        10.0,
        1.0,
        50.0,
        0.5,
        "Reader's choice; research memo example 10× (models.md §3).",
        latex=r"\bar{\rho}",
    ),
    Parameter(
        "valuation",
        "Harm per log-unit of China's compute",
        "billion USD",
        5.0,
        0.1,
        50.0,
        0.1,
        "Reader's judgement: the decision-maker's valuation (models.md §3).",
        latex=r"\sigma",
    ),
)
#: The inputs of :func:`ledger` (the volume is its output; the target and valuation are not).
INPUTS = PARAMETERS.subset(
    *(name for name in PARAMETERS if name not in ("volume", "target_ratio", "valuation"))
)
#: The export volume studied as given (:func:`ratio_at`, :func:`scenarios`).
EXPORT_VOLUME = PARAMETERS["volume"]
TARGET_RATIO = PARAMETERS["target_ratio"]
#: Sympy symbol → LaTeX name, for the chapter's derivations.
LATEX_NAMES = PARAMETERS.latex_names
#: Two limits within this many million chips of each other both bind (a tie): the tolerance
#: of the one binding rule, :mod:`chipcontrols.core.limits`.
TIE_TOLERANCE = _limits.TIE_TOLERANCE

_SYMBOL = PARAMETERS.symbol
demand, supply, cap_share, us_volume = (
    _SYMBOL(n) for n in ("demand", "supply", "cap_share", "us_volume")
)
approvals, price, tariff_share = (_SYMBOL(n) for n in ("approvals", "price", "tariff_share"))
h100e_per_chip, china_compute, us_compute = (
    _SYMBOL(n) for n in ("h100e_per_chip", "china_compute", "us_compute")
)
displacement, nvidia_weight, volume = (
    _SYMBOL(n) for n in ("displacement", "nvidia_weight", "volume")
)
target_ratio, valuation = _SYMBOL("target_ratio"), _SYMBOL("valuation")

#: The four limits on the year's exports, by the name the ledger reports when one binds.
LIMITS = {
    "Chinese demand": demand,
    "Nvidia supply": supply,
    "US cap": cap_share * us_volume,
    "Beijing's approvals": approvals,
}
#: Exports are the tightest of the four limits (million chips).
VOLUME = sp.Min(*LIMITS.values())
#: Revenue in billion USD: price in thousand USD times volume in million chips.
TREASURY_REVENUE = tariff_share * price * volume
NVIDIA_REVENUE = (1 - tariff_share) * price * volume
#: China's compute added by the exports, million H100-equivalents.
CHINA_COMPUTE_ADDED = h100e_per_chip * volume
RATIO = (us_compute - displacement * h100e_per_chip * volume) / (
    china_compute + h100e_per_chip * volume
)
VOLUME_FOR_TARGET_RATIO = derive(
    "VOLUME_FOR_TARGET_RATIO",
    lambda: sp.solve(sp.Eq(RATIO, target_ratio), volume)[0],
)
MARGINAL_RATIO = derive(
    "MARGINAL_RATIO",
    lambda: sp.factor(sp.cancel(sp.diff(RATIO, volume))),
)
#: Value to the US of one exported chip: the tariff plus a weight on Nvidia's share (thousand USD).
US_GAIN_PER_CHIP = (tariff_share + nvidia_weight * (1 - tariff_share)) * price
#: Net US gain from exporting Q, against exporting nothing (billion USD).
WELFARE = US_GAIN_PER_CHIP * volume - valuation * sp.log(
    1 + h100e_per_chip * volume / china_compute
)
#: The valuation at which exporting Q and exporting nothing are equally good: G_US(Q) = 0.
BREAK_EVEN_VALUATION = derive(
    "BREAK_EVEN_VALUATION",
    lambda: sp.solve(sp.Eq(WELFARE, 0), valuation)[0],
)


def _at_binding_volume(expression: sp.Basic) -> sp.Basic:
    return expression.subs(volume, VOLUME)


#: Every closed form of the ledger, registered for the text and the website.
FORMS = {
    "limits": {
        name: register(f"ledger: limit, {name}", limit, PARAMETERS)
        for name, limit in LIMITS.items()
    },
    "volume": register("ledger: export volume, the tightest limit", VOLUME, PARAMETERS),
    "treasury": register("ledger: Treasury revenue", TREASURY_REVENUE, PARAMETERS),
    "nvidia": register("ledger: Nvidia revenue", NVIDIA_REVENUE, PARAMETERS),
    "china_added": register("ledger: China's compute added", CHINA_COMPUTE_ADDED, PARAMETERS),
    "ratio": register("ledger: US:China compute ratio", RATIO, PARAMETERS),
    "ratio_without_exports": register(
        "ledger: ratio with no exports", RATIO.subs(volume, 0), PARAMETERS
    ),
    "treasury_at_limit": register(
        "ledger: Treasury revenue at the binding volume",
        _at_binding_volume(TREASURY_REVENUE),
        PARAMETERS,
    ),
    "nvidia_at_limit": register(
        "ledger: Nvidia revenue at the binding volume",
        _at_binding_volume(NVIDIA_REVENUE),
        PARAMETERS,
    ),
    "ratio_at_limit": register(
        "ledger: ratio at the binding volume", _at_binding_volume(RATIO), PARAMETERS
    ),
    "marginal_ratio": register(
        "ledger: marginal effect of one more chip on the ratio", MARGINAL_RATIO, PARAMETERS
    ),
    "volume_for_target": register(
        "ledger: export volume for a target ratio", VOLUME_FOR_TARGET_RATIO, PARAMETERS
    ),
    "welfare": register("ledger: net US gain from exporting", WELFARE, PARAMETERS),
    "break_even_valuation": register(
        "ledger: break-even valuation", BREAK_EVEN_VALUATION, PARAMETERS
    ),
}
_LIMITS_NUMPY = {name: form.numpy() for name, form in FORMS["limits"].items()}
_NUMPY = {key: form.numpy() for key, form in FORMS.items() if key != "limits"}


@dataclass(frozen=True)
class LedgerResult:
    """One year of exports under one set of parameters.

    ``binding`` names every limit equal to the volume (within :data:`TIE_TOLERANCE`), in the
    order of :data:`LIMITS`; it has two or more names when limits tie
    (:func:`chipcontrols.core.limits.binding`).
    """

    volume: float
    binding: tuple[str, ...]
    limits: dict[str, float]
    treasury_revenue: float
    nvidia_revenue: float
    china_compute_added: float
    ratio_without_exports: float
    ratio_with_exports: float

    @property
    def binding_text(self) -> str:
        """The binding limit(s) as text, e.g. ``"Nvidia supply and US cap (tied)"``."""
        return _limits.binding_text(self.binding)


def binding_limits(limits: dict[str, float]) -> tuple[str, ...]:
    """Every limit within :data:`TIE_TOLERANCE` of the smallest, in :data:`LIMITS` order."""
    return _limits.binding(min(limits.values()), limits)


def ledger(**values: float) -> LedgerResult:
    """Evaluate the ledger; unspecified parameters take their declared defaults.

    Volumes are in million chips, money in billion USD, compute in million H100e.

    Raises
    ------
    ValueError
        For an unknown parameter, or a value that is not a number inside its declared range.

    Examples
    --------
    >>> result = ledger()
    >>> result.binding, round(result.volume, 2), round(result.treasury_revenue, 2)
    (("Beijing's approvals",), 0.4, 2.7)
    >>> round(result.ratio_without_exports, 1), round(result.ratio_with_exports, 1)
    (43.3, 18.6)
    >>> ledger(approvals=2.5, us_volume=1.4).binding_text     # supply 0.7 = cap 0.5 x 1.4
    'Nvidia supply and US cap (tied)'
    """
    checked = INPUTS.check(values)
    limits = {name: float(limit(**checked)) for name, limit in _LIMITS_NUMPY.items()}
    exported = {**checked, "volume": min(limits.values())}
    return LedgerResult(
        volume=exported["volume"],
        binding=binding_limits(limits),
        limits=limits,
        treasury_revenue=float(_NUMPY["treasury"](**exported)),
        nvidia_revenue=float(_NUMPY["nvidia"](**exported)),
        china_compute_added=float(_NUMPY["china_added"](**exported)),
        ratio_without_exports=float(_NUMPY["ratio_without_exports"](**checked)),
        ratio_with_exports=float(_NUMPY["ratio"](**exported)),
    )


def _at_volumes(volumes: object, values: dict[str, float]) -> dict[str, object]:
    """Checked parameters plus ``volume``: each volume checked against :data:`EXPORT_VOLUME`."""
    return {**INPUTS.check(values), "volume": EXPORT_VOLUME.check_array(volumes)}


def ratio_at(volumes, **values: float):
    """The US:China ratio of compute added at given export volumes (million chips).

    Parameters other than the volume take their declared defaults unless given; the limits
    on volume are not applied, so any volume in the range of :data:`EXPORT_VOLUME` can be
    studied.  A single volume gives a float, a sequence an array.

    Raises
    ------
    ValueError
        For an unknown parameter, a value outside its declared range, or a volume outside
        the range of :data:`EXPORT_VOLUME`.

    Examples
    --------
    >>> [round(float(r), 1) for r in ratio_at([0.0, 0.7, 2.0])]
    [43.3, 13.0, 5.7]
    >>> round(ratio_at(0.4), 1)
    18.6
    """
    at = _at_volumes(volumes, values)
    result = np.broadcast_to(np.asarray(_NUMPY["ratio"](**at), dtype=float), at["volume"].shape)
    return float(result) if result.ndim == 0 else result.copy()


def break_even_at(volume: float, **values: float) -> float:
    """σ*, the break-even valuation, at a given export volume (billion USD per log-unit).

    Selling ``volume`` chips beats selling none exactly when the valuation σ of China's
    compute is below σ*.  Unlike :func:`closed_form_results`, the volume is not set by the
    four limits, so any positive volume in the range of :data:`EXPORT_VOLUME` can be studied.

    Parameters
    ----------
    volume : float
        Export volume Q, million chips; must be positive.
    **values : float
        ``tariff_share``, ``nvidia_weight``, ``price`` (thousand USD), ``h100e_per_chip`` and
        ``china_compute`` (million H100e); the others take their declared defaults.

    Raises
    ------
    ValueError
        For an unknown parameter, a value outside its declared range, or a volume that is not
        positive.

    Examples
    --------
    >>> round(break_even_at(0.7), 2)
    7.46
    """
    exported = EXPORT_VOLUME.check(volume)
    if exported <= 0:
        raise ValueError(
            f"volume = {volume!r} must be positive for σ*: with no exports there "
            f"is nothing to value (valid range (0, {EXPORT_VOLUME.maximum:g}] "
            f"{EXPORT_VOLUME.unit})"
        )
    return float(_NUMPY["break_even_valuation"](**{**INPUTS.check(values), "volume": exported}))


@dataclass(frozen=True)
class ClosedFormResults:
    """The chapter's closed forms evaluated for one set of parameters."""

    target_ratio: float
    volume_for_target: float
    marginal_ratio: float
    break_even_valuation: float


def closed_form_results(
    target_ratio: float = TARGET_RATIO.default, **values: float
) -> ClosedFormResults:
    """Q* for a target ratio, ∂ρ/∂Q and σ* at the ledger's volume, from the sympy forms.

    Returns
    -------
    ClosedFormResults
        ``volume_for_target`` in million chips (negative when the ratio is already below
        the target with no exports), ``marginal_ratio`` in ratio points per million chips,
        ``break_even_valuation`` in billion USD per log-unit of China's compute (``nan``
        when the ledger's volume is zero).

    Examples
    --------
    >>> r = closed_form_results(approvals=2.5, us_volume=3.0)   # Nvidia supply binds at 0.7
    >>> round(r.volume_for_target, 2), round(r.break_even_valuation, 2)
    (1.0, 7.46)
    """
    checked = {**INPUTS.check(values), "target_ratio": TARGET_RATIO.check(target_ratio)}
    exported = ledger(**values).volume
    at_volume = {**checked, "volume": exported}
    return ClosedFormResults(
        target_ratio=checked["target_ratio"],
        volume_for_target=float(_NUMPY["volume_for_target"](**checked)),
        marginal_ratio=float(_NUMPY["marginal_ratio"](**at_volume)),
        break_even_valuation=(
            float(_NUMPY["break_even_valuation"](**at_volume)) if exported > 0 else float("nan")
        ),
    )


def scenario_volumes() -> tuple[float, ...]:
    """The volumes a scenario table shows: none, each declared limit's default, the largest."""
    limits = ("approvals", "supply", "demand")
    volumes = {0.0, EXPORT_VOLUME.maximum, *(PARAMETERS[name].default for name in limits)}
    return tuple(sorted(volumes))


def scenarios(volumes=None, **values: float):
    """The ledger's accounts at several export volumes, for one set of parameters.

    The volumes are taken as given (the four limits are not applied), so the table shows
    what each volume would buy and cost.

    Parameters
    ----------
    volumes : float or sequence of float, optional
        Export volumes, million chips, each in the range of :data:`EXPORT_VOLUME`; defaults
        to :func:`scenario_volumes`.
    **values : float
        Ledger parameters; unspecified ones take their declared defaults.

    Returns
    -------
    pandas.DataFrame
        Columns ``volume`` (million chips), ``treasury_revenue`` and ``nvidia_revenue``
        (billion USD), ``china_compute_added`` (million H100e) and ``ratio`` (US:China).

    Examples
    --------
    >>> scenarios([0.4, 2.0])[["volume", "treasury_revenue", "ratio"]].round(1).to_dict("list")
    {'volume': [0.4, 2.0], 'treasury_revenue': [2.7, 13.5], 'ratio': [18.6, 5.7]}
    >>> len(scenarios(0.5))
    1
    """
    import pandas as pd

    at = _at_volumes(scenario_volumes() if volumes is None else volumes, values)
    at["volume"] = np.atleast_1d(at["volume"]).ravel()
    columns = {
        "volume": at["volume"],
        "treasury_revenue": _NUMPY["treasury"](**at),
        "nvidia_revenue": _NUMPY["nvidia"](**at),
        "china_compute_added": _NUMPY["china_added"](**at),
        "ratio": _NUMPY["ratio"](**at),
    }
    return pd.DataFrame(
        {
            name: np.broadcast_to(np.asarray(column, dtype=float), at["volume"].shape)
            for name, column in columns.items()
        }
    )
