"""The H200 ledger: what a year's exports to China buy and cost (chapter 1).

Volume is the smallest of four limits — Chinese demand, Nvidia's supply for China, the US
cap (a share of US-customer volume of the same chip) and Beijing's approvals — and the
ledger reports which one binds.  Revenue splits between the US Treasury (the 25% tariff)
and Nvidia.  China's compute gain is counted in H100-equivalents (``h`` per H200: 1.0 by
arithmetic, about 1.43 by memory bandwidth), and the US:China ratio of compute added that
year falls as exports rise; ``delta`` lets each China-bound chip displace US deployments.

Closed forms (sympy; rendered to LaTeX, numpy and Vega from these objects):

* ``RATIO``: ρ(Q) = (C_US − δ·h·Q) / (C_CN + h·Q)
* ``VOLUME_FOR_TARGET_RATIO``: Q* solving ρ(Q*) = ρ̄
* ``MARGINAL_RATIO``: ∂ρ/∂Q
* ``BREAK_EVEN_VALUATION``: σ* = A_W·Q / ln(1 + h·Q/C_CN), A_W = (τ + ω(1 − τ))·p

Defaults and ranges follow the research memo (``shared/research/models.md`` §3); each
parameter records its source.  Volumes and compute are in millions of chips and millions of
H100-equivalents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols.parameters import Parameter

volume, us_compute, china_compute, h100e_per_chip, displacement = sp.symbols(
    "Q C_US C_CN h delta", nonnegative=True)
target_ratio, price, tariff_share, nvidia_weight = sp.symbols(
    "rho_target p tau omega", nonnegative=True)
demand, supply, cap_share, us_volume, approvals = sp.symbols(
    "D S kappa Q_US A", nonnegative=True)
#: The decision-maker's valuation of one log-unit of China's compute (billion USD).
valuation = sp.Symbol("sigma", positive=True)

#: How each symbol is typeset in the chapter's derivations.
LATEX_NAMES = {
    volume: "Q", us_compute: r"C_{\mathrm{US}}", china_compute: r"C_{\mathrm{CN}}",
    h100e_per_chip: "h", displacement: r"\delta", target_ratio: r"\bar{\rho}", price: "p",
    tariff_share: r"\tau", nvidia_weight: r"\omega", demand: "D", supply: "S",
    cap_share: r"\kappa", us_volume: r"Q_{\mathrm{US}}", approvals: "A", valuation: r"\sigma",
}

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
RATIO = (us_compute - displacement * h100e_per_chip * volume) / (china_compute + h100e_per_chip * volume)
VOLUME_FOR_TARGET_RATIO = sp.solve(sp.Eq(RATIO, target_ratio), volume)[0]
MARGINAL_RATIO = sp.factor(sp.cancel(sp.diff(RATIO, volume)))
#: Value to the US of one exported chip: the tariff plus a weight on Nvidia's share (thousand USD).
US_GAIN_PER_CHIP = (tariff_share + nvidia_weight * (1 - tariff_share)) * price
#: Net US gain from exporting Q, against exporting nothing (billion USD).
WELFARE = US_GAIN_PER_CHIP * volume - valuation * sp.log(1 + h100e_per_chip * volume / china_compute)
#: The valuation at which exporting Q and exporting nothing are equally good: W(Q) = 0.
BREAK_EVEN_VALUATION = sp.solve(sp.Eq(WELFARE, 0), valuation)[0]

PARAMETERS = {
    p.name: p
    for p in (
        Parameter("demand", "Chinese demand for H200s", "million chips", 2.0, 0.0, 2.5, 0.05,
                  "Orders of more than 2 million for 2026 (Reuters, 31 Dec 2025)."),
        Parameter("supply", "Nvidia supply for China", "million chips", 0.7, 0.3, 2.0, 0.05,
                  "Inventory of about 700,000 (Reuters, 31 Dec 2025)."),
        Parameter("cap_share", "US cap: share of US-customer volume", "", 0.5, 0.0, 1.0, 0.05,
                  "BIS rule of 15 Jan 2026: China volume at most 50% of US shipments."),
        Parameter("us_volume", "H200s sold to US customers", "million chips", 1.0, 0.2, 3.0, 0.05,
                  "Not published; illustrative (research memo, models.md §3)."),
        Parameter("approvals", "Beijing's approvals", "million chips", 0.4, 0.0, 2.5, 0.05,
                  "More than 400,000 approved on 28 Jan 2026 (Reuters)."),
        Parameter("price", "Price per H200", "thousand USD", 27.0, 20.0, 35.0, 0.5,
                  "About $27,000 per chip (Reuters, 31 Dec 2025)."),
        Parameter("tariff_share", "US government take", "", 0.25, 0.0, 0.5, 0.01,
                  "25% Section 232 tariff, 14 Jan 2026."),
        Parameter("h100e_per_chip", "H100-equivalents per H200", "H100e", 1.0, 1.0, 1.8, 0.01,
                  "1.0 by dense arithmetic; 4.8/3.35 ≈ 1.43 by memory bandwidth (data/chips.csv)."),
        Parameter("china_other", "China's other compute added", "million H100e", 0.3, 0.2, 1.5, 0.05,
                  "Domestic output plus smuggling, The Substrate (Feb 2026), via models.md §3."),
        Parameter("us_added", "US compute added", "million H100e", 13.0, 8.0, 25.0, 0.5,
                  "Derived assumption from Epoch AI stock and growth (models.md §3)."),
        Parameter("displacement", "US deployments displaced per China-bound chip", "", 0.0, 0.0,
                  1.0, 0.05, "0 if supply is slack, up to 1 if foundry or HBM capacity binds."),
        Parameter("nvidia_weight", "Weight on Nvidia's revenue in US gains", "", 0.3, 0.0, 1.0,
                  0.05, "Policy judgement; research memo default 0.3 (models.md §3)."),
    )
}

#: An export volume studied as given (:func:`ratio_at`, :func:`scenarios`): from none to the
#: largest Chinese demand the ledger accepts.
EXPORT_VOLUME = Parameter(
    "volume", "H200s exported to China in the year", "million chips",
    PARAMETERS["demand"].default, 0.0, PARAMETERS["demand"].maximum, PARAMETERS["demand"].step,
    "Any volume Chinese demand could reach in the ledger (see the demand parameter).",
)

#: Target US:China ratio for :data:`VOLUME_FOR_TARGET_RATIO` (not an input of :func:`ledger`).
TARGET_RATIO = Parameter("target_ratio", "Target US:China ratio of compute added", "×", 10.0, 1.0,
                         50.0, 0.5, "Reader's choice; research memo example 10× (models.md §3).")

#: The closed-form symbol each declared parameter stands for.
SYMBOL_OF = {
    "demand": demand,
    "supply": supply,
    "cap_share": cap_share,
    "us_volume": us_volume,
    "approvals": approvals,
    "price": price,
    "tariff_share": tariff_share,
    "h100e_per_chip": h100e_per_chip,
    "china_other": china_compute,
    "us_added": us_compute,
    "displacement": displacement,
    "nvidia_weight": nvidia_weight,
    "target_ratio": target_ratio,
}
#: Parameter name of each symbol: the names of the website's Vega parameters.
PARAMETER_NAME_OF = {symbol: name for name, symbol in SYMBOL_OF.items()}


def _numpy(expression: sp.Basic):
    """``expression`` as a numpy function of the parameters, by name, plus ``Q``."""
    symbols = sorted(expression.free_symbols, key=lambda s: s.name)
    function = sp.lambdify(symbols, expression, modules="numpy")
    names = [PARAMETER_NAME_OF.get(symbol, symbol.name) for symbol in symbols]
    return lambda values: function(*(values[name] for name in names))


_LIMITS_NUMPY = {name: _numpy(expression) for name, expression in LIMITS.items()}
_TREASURY, _NVIDIA = _numpy(TREASURY_REVENUE), _numpy(NVIDIA_REVENUE)
_CHINA_ADDED, _RATIO = _numpy(CHINA_COMPUTE_ADDED), _numpy(RATIO)
_Q_STAR, _MARGINAL = _numpy(VOLUME_FOR_TARGET_RATIO), _numpy(MARGINAL_RATIO)
_SIGMA_STAR = _numpy(BREAK_EVEN_VALUATION)


@dataclass(frozen=True)
class LedgerResult:
    """One year of exports under one set of parameters."""

    volume: float
    binding: str
    limits: dict[str, float]
    treasury_revenue: float
    nvidia_revenue: float
    china_compute_added: float
    ratio_without_exports: float
    ratio_with_exports: float


def _checked(values: dict[str, float], declared: dict[str, Parameter]) -> dict[str, float]:
    unknown = set(values) - set(declared)
    if unknown:
        raise ValueError(f"unknown ledger parameter(s): {sorted(unknown)}; "
                         f"known: {sorted(declared)}")
    return {name: p.check(values.get(name, p.default)) for name, p in declared.items()}


def ledger(**values: float) -> LedgerResult:
    """Evaluate the ledger; unspecified parameters take their declared defaults.

    Volumes are in million chips, money in billion USD, compute in million H100e.

    Raises
    ------
    ValueError
        For an unknown parameter, or a value outside its declared range.

    Examples
    --------
    >>> result = ledger()
    >>> result.binding, round(result.volume, 2), round(result.treasury_revenue, 2)
    ("Beijing's approvals", 0.4, 2.7)
    >>> round(result.ratio_without_exports, 1), round(result.ratio_with_exports, 1)
    (43.3, 18.6)
    """
    v = _checked(values, PARAMETERS)
    limits = {name: float(limit(v)) for name, limit in _LIMITS_NUMPY.items()}
    binding = min(limits, key=limits.get)
    exported = {**v, "Q": limits[binding]}
    return LedgerResult(
        volume=limits[binding],
        binding=binding,
        limits=limits,
        treasury_revenue=float(_TREASURY(exported)),
        nvidia_revenue=float(_NVIDIA(exported)),
        china_compute_added=float(_CHINA_ADDED(exported)),
        ratio_without_exports=float(_RATIO({**v, "Q": 0.0})),
        ratio_with_exports=float(_RATIO(exported)),
    )


def ratio_at(volumes, **values: float):
    """The US:China ratio of compute added at given export volumes (million chips).

    Parameters other than the volume take their declared defaults unless given; the limits
    on volume are not applied, so any volume from zero to the largest declared demand can be
    studied.

    Raises
    ------
    ValueError
        For an unknown parameter, a value outside its declared range, or a volume outside
        the range of :data:`EXPORT_VOLUME`.

    Examples
    --------
    >>> [round(float(r), 1) for r in ratio_at([0.0, 0.7, 2.0])]
    [43.3, 13.0, 5.7]
    """
    return _RATIO(_at_volumes(volumes, values))


def _at_volumes(volumes, values: dict[str, float]) -> dict[str, object]:
    """Checked parameters plus ``Q``: the volumes, each checked against :data:`EXPORT_VOLUME`."""
    checked = np.array([EXPORT_VOLUME.check(q) for q in np.ravel(volumes)])
    return {**_checked(values, PARAMETERS), "Q": checked.reshape(np.shape(volumes))}


@dataclass(frozen=True)
class ClosedFormResults:
    """The chapter's closed forms evaluated for one set of parameters."""

    target_ratio: float
    volume_for_target: float
    marginal_ratio: float
    break_even_valuation: float


def closed_form_results(target_ratio: float = TARGET_RATIO.default,
                        **values: float) -> ClosedFormResults:
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
    >>> r = closed_form_results(approvals=0.7, us_volume=1.4)   # Nvidia supply binds at 0.7
    >>> round(r.volume_for_target, 2), round(r.break_even_valuation, 2)
    (1.0, 7.46)
    """
    v = {**_checked(values, PARAMETERS), "target_ratio": TARGET_RATIO.check(target_ratio)}
    exported = ledger(**values).volume
    at_volume = {**v, "Q": exported}
    return ClosedFormResults(
        target_ratio=v["target_ratio"],
        volume_for_target=float(_Q_STAR(v)),
        marginal_ratio=float(_MARGINAL(at_volume)),
        break_even_valuation=float(_SIGMA_STAR(at_volume)) if exported > 0 else float("nan"),
    )


#: The two ways of counting an H200 in H100-equivalents, and the metric each compares.
EQUIVALENCE_BASES = {
    "arithmetic": "tpp",
    "memory bandwidth": "memory_bandwidth_gbs",
}


def h100_equivalence(classified_chips) -> dict[str, float]:
    """H100-equivalents per H200 on each basis of :data:`EQUIVALENCE_BASES`, from the data.

    Parameters
    ----------
    classified_chips : pandas.DataFrame
        The chips table with a ``tpp`` column (:func:`chipcontrols.eccn3a090.classify_chips`).

    Returns
    -------
    dict
        Basis → H200 metric ÷ H100 metric (dimensionless).

    Examples
    --------
    >>> from chipcontrols.data import load_chips
    >>> from chipcontrols.eccn3a090 import classify_chips
    >>> {k: round(v, 2) for k, v in h100_equivalence(classify_chips(load_chips())).items()}
    {'arithmetic': 1.0, 'memory bandwidth': 1.43}
    """
    by_id = classified_chips.set_index("chip_id")
    h200, h100 = by_id.loc["nvidia-h200-sxm"], by_id.loc["nvidia-h100-sxm5"]
    return {basis: float(h200[column] / h100[column])
            for basis, column in EQUIVALENCE_BASES.items()}


def scenarios(volumes, **values: float):
    """The ledger's accounts at several export volumes, for one set of parameters.

    The volumes are taken as given (the four limits are not applied), so the table shows
    what each volume would buy and cost.

    Parameters
    ----------
    volumes : sequence of float
        Export volumes, million chips, each in the range of :data:`EXPORT_VOLUME`.
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
    """
    import pandas as pd

    at = _at_volumes(volumes, values)
    columns = {
        "volume": at["Q"],
        "treasury_revenue": _TREASURY(at),
        "nvidia_revenue": _NVIDIA(at),
        "china_compute_added": _CHINA_ADDED(at),
        "ratio": _RATIO(at),
    }
    return pd.DataFrame({name: np.broadcast_to(np.asarray(column, dtype=float), at["Q"].shape)
                         for name, column in columns.items()})
