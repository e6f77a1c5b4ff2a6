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

import sympy as sp

from chipcontrols.parameters import Parameter

volume, us_compute, china_compute, h100e_per_chip, displacement = sp.symbols(
    "Q C_US C_CN h delta", nonnegative=True)
target_ratio, price, tariff_share, nvidia_weight = sp.symbols(
    "rho_target p tau omega", nonnegative=True)

RATIO = (us_compute - displacement * h100e_per_chip * volume) / (china_compute + h100e_per_chip * volume)
VOLUME_FOR_TARGET_RATIO = sp.solve(sp.Eq(RATIO, target_ratio), volume)[0]
MARGINAL_RATIO = sp.simplify(sp.diff(RATIO, volume))
US_GAIN_PER_CHIP = (tariff_share + nvidia_weight * (1 - tariff_share)) * price
BREAK_EVEN_VALUATION = US_GAIN_PER_CHIP * volume / sp.log(1 + h100e_per_chip * volume / china_compute)

_ratio = sp.lambdify((volume, us_compute, china_compute, h100e_per_chip, displacement), RATIO)

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
        Parameter("price", "Price per H200", "USD", 27_000, 20_000, 35_000, 500,
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
    )
}

#: Target US:China ratio for :data:`VOLUME_FOR_TARGET_RATIO` (not an input of :func:`ledger`).
TARGET_RATIO = Parameter("target_ratio", "Target US:China ratio of compute added", "×", 10.0, 1.0,
                         50.0, 0.5, "Reader's choice; research memo example 10× (models.md §3).")

#: The closed-form symbol each declared parameter stands for.
SYMBOL_OF = {
    "us_added": us_compute,
    "china_other": china_compute,
    "h100e_per_chip": h100e_per_chip,
    "displacement": displacement,
    "price": price,
    "tariff_share": tariff_share,
    "target_ratio": target_ratio,
}


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
    unknown = set(values) - set(PARAMETERS)
    if unknown:
        raise ValueError(f"unknown ledger parameter(s): {sorted(unknown)}; "
                         f"known: {sorted(PARAMETERS)}")
    v = {name: p.check(values.get(name, p.default)) for name, p in PARAMETERS.items()}
    limits = {
        "Chinese demand": v["demand"],
        "Nvidia supply": v["supply"],
        "US cap": v["cap_share"] * v["us_volume"],
        "Beijing's approvals": v["approvals"],
    }
    binding = min(limits, key=limits.get)
    exported = limits[binding]
    revenue = v["price"] * exported / 1000  # million chips x USD -> billion USD
    args = (v["us_added"], v["china_other"], v["h100e_per_chip"], v["displacement"])
    return LedgerResult(
        volume=exported,
        binding=binding,
        limits=limits,
        treasury_revenue=v["tariff_share"] * revenue,
        nvidia_revenue=(1 - v["tariff_share"]) * revenue,
        china_compute_added=v["h100e_per_chip"] * exported,
        ratio_without_exports=float(_ratio(0.0, *args)),
        ratio_with_exports=float(_ratio(exported, *args)),
    )
