"""The hedged-dependence model's declarations: every input declared once, with its source.

Chapter 5's model (:mod:`chipcontrols.hedging`) has two sides.  Beijing chooses the share
``s`` of its new AI compute bought from the United States; Washington collects a levy, gains
leverage from the dependence it creates and bears the harm of China's extra capability.  The
parameters of both sides are declared here in one :class:`~chipcontrols.core.parameters.ParameterSet`
(:data:`PARAMETERS`), so every closed form of either side is checked against one set of
names, ranges and LaTeX symbols.

Units.  ``V``, the value of China's year of new AI compute if it were all domestic, is the
normaliser (1 by default): the advantage ``a``, the domestic value ``β``, the cut-off loss
``L`` and US leverage are measured in units of ``V``.  Money is in billions of US dollars.
Shares are fractions of China's spending on new AI accelerators in the year.

The levy convention (one for the whole chapter).  The research memo's advantage of 1.8 comes
from chip-level and system-level comparisons, before any price effect: it is the advantage
*before* the levy, ``a0`` (``base_advantage``, the only declaration of that number).  Beijing
pays the levy when it is passed on, so every result of Beijing's side uses the advantage
*after* the levy, ``a = a0 − χτ`` (``us_advantage``), whose default is computed from the
declared defaults of ``a0``, the levy ``τ`` (the record's Section 232 rate) and the
pass-through ``χ``.  Only :func:`~chipcontrols.hedging.us.levy_outcome` and the exit clock
vary ``τ`` or ``χ``; they apply the same ``a = a0 − χτ``.

Defaults that are record figures come from ``data/record.csv``; defaults that chapter 1's
ledger already declares (China's orders, the H200's price, the US cap, US-customer volume,
the weight on Nvidia's revenue) are read from the ledger's public declarations, so the two
chapters cannot disagree about them.
"""

from __future__ import annotations

from chipcontrols import ledger
from chipcontrols.core import record
from chipcontrols.core.parameters import Parameter, ParameterSet

_ORDERS = record.figure("chinese_h200_orders_2026")
_APPROVALS = record.figure("beijing_h200_approvals_jan_2026")
_TARIFF = record.figure("section_232_tariff_rate_percent")
_CAP = record.figure("china_volume_cap_percent_of_us_shipments")
_H20_BOOKED = record.figure("h20_charge_booked_usd_billion")
_H20_FLAGGED = record.figure("h20_charges_flagged_usd_billion")
_LEDGER = ledger.PARAMETERS

#: The research memo's advantage of a US chip per yuan, before any levy is passed on (a0).
BASE_ADVANTAGE = 1.8
#: The memo's pass-through: the fall in the advantage per unit of levy (χ).
PASS_THROUGH = 0.8
#: The levy in force: the record's Section 232 rate as a fraction (τ).
LEVY = _TARIFF.value / 100
#: The advantage Beijing faces at the defaults, after the levy is passed on: a = a0 − χτ.
ADVANTAGE_AFTER_LEVY_DEFAULT = BASE_ADVANTAGE - PASS_THROUGH * LEVY

#: The January 2026 approved share: approvals ÷ orders, both record figures (dimensionless).
JANUARY_2026_APPROVED_SHARE = _APPROVALS.value / _ORDERS.value
#: Washington's cap read as a share of China's orders at the ledger's defaults:
#: cap_share × us_volume ÷ demand (the rule caps China-bound volume at a share of US sales).
US_CAP_AS_SHARE = (
    _LEDGER["cap_share"].default * _LEDGER["us_volume"].default / _LEDGER["demand"].default
)
#: China's yearly AI-accelerator budget if every order were an H200: demand × price.
#: The ledger's demand is in million chips and its price in thousand USD: billion USD.
BUDGET_USD_BILLION = _LEDGER["demand"].default * _LEDGER["price"].default


def _percent_source(figure: record.RecordFigure) -> str:
    return (
        f"{figure.description.rstrip('.')} ({figure.value:g}%; {figure.citation}, {figure.date})."
    )


PARAMETERS = ParameterSet(
    # --- Beijing's side ---------------------------------------------------------------------
    Parameter(
        "value_scale",
        "Value of a year of all-domestic compute",
        "",
        1.0,
        0.5,
        2.0,
        0.05,
        "Normaliser of China's payoff (research memo, models.md §7).",
        latex="V",
    ),
    Parameter(
        "us_advantage",
        "US chip's advantage per yuan after the levy",
        "×",
        ADVANTAGE_AFTER_LEVY_DEFAULT,
        1.0,
        3.0,
        0.05,
        f"The advantage Beijing faces once the levy is passed on, a = a0 − χτ: "
        f"{BASE_ADVANTAGE:g} − {PASS_THROUGH:g} × {LEVY:g} at the defaults of base_advantage, "
        "pass_through and levy. Every result of Beijing's side uses it.",
        latex="a",
    ),
    Parameter(
        "domestic_value",
        "Value of buying domestic (learning, mandates)",
        "",
        0.2,
        0.01,
        0.8,
        0.01,
        "Revealed by the domestic-only rule for state-funded data centres (Nov "
        "2025), the justification requirement (Dec 2025) and the pairing talk (Jan 2026); "
        "memo default 0.2 (models.md §7). Kept above 0 so the exit date is finite.",
        latex=r"\beta",
    ),
    Parameter(
        "cutoff_probability",
        "Perceived probability of a US cut-off",
        "",
        0.4,
        0.05,
        0.9,
        0.01,
        "Judgement from the 2025 record: H20 licences required (Apr), reversed (Jul), "
        "CAC summons over remote shut-down (31 Jul); memo default 0.4 (models.md §7).",
        latex="p_c",
    ),
    Parameter(
        "cutoff_loss",
        "Loss scale of a cut-off",
        "",
        1.0,
        0.2,
        3.0,
        0.05,
        "Stranded clusters and re-tooling; the buyer's side is unpublished. The seller's "
        f"side: Nvidia flagged up to ${_H20_FLAGGED.value:g}bn of H20 charges in April 2025 "
        f"and booked ${_H20_BOOKED.value:g}bn in the quarter to April 2025 "
        f"({_H20_FLAGGED.citation}, {_H20_BOOKED.citation}). Memo default 1 (models.md §7).",
        latex="L",
    ),
    Parameter(
        "pairing_ratio",
        "Beijing's pairing rule: domestic chips per import",
        "",
        0.0,
        0.0,
        5.0,
        0.25,
        "Reported January 2026 talks on buying domestic chips alongside each "
        "import (tomshw2026pause); 0 = no rule. A draft plan's 80% domestic target "
        "(Jun 2026) is k = 4.",
        latex="k",
    ),
    Parameter(
        "us_share_cap",
        "Washington's cap as a share of China's orders",
        "",
        US_CAP_AS_SHARE,
        0.05,
        1.0,
        0.05,
        f"{_percent_source(_CAP).rstrip('.')}, read as a share of China's "
        f"orders at chapter 1's defaults: {_LEDGER['cap_share'].default:g} × "
        f"{_LEDGER['us_volume'].default:g} M ÷ {_LEDGER['demand'].default:g} M.",
        latex=r"\bar{s}",
    ),
    Parameter(
        "import_share",
        "Share of new AI compute bought from the US",
        "",
        0.5,
        0.0,
        1.0,
        0.01,
        "Beijing's choice variable: any share from none to all (models.md §7).",
        latex="s",
    ),
    Parameter(
        "observed_share",
        "Observed approved share",
        "",
        JANUARY_2026_APPROVED_SHARE,
        0.01,
        1.0,
        0.01,
        f"Approvals ÷ orders, January 2026: {_APPROVALS.value:,.0f} ÷ "
        f"{_ORDERS.value:,.0f} ({_APPROVALS.citation}, {_ORDERS.citation}).",
        latex=r"s_{\mathrm{obs}}",
    ),
    # --- Washington's side ------------------------------------------------------------------
    Parameter(
        "base_advantage",
        "US chip's advantage per yuan before the levy",
        "×",
        BASE_ADVANTAGE,
        1.1,
        3.0,
        0.05,
        "Before any levy is passed on or Huawei closes the gap. Per chip, H200 dense BF16 ÷ "
        "Ascend 910C is about 1.24 (data/chips.csv); at system level CloudMatrix needs about "
        "2.3× the power per FLOP/s, and developers prefer CUDA (models.md §1, §7). "
        "Memo default 1.8, a comparison before any price effect.",
        latex="a_0",
    ),
    Parameter(
        "levy",
        "US levy on China-bound chips",
        "",
        LEVY,
        0.0,
        1.0,
        0.01,
        _percent_source(_TARIFF) + " Range to 1 so the Laffer curve's far side shows.",
        latex=r"\tau",
    ),
    Parameter(
        "pass_through",
        "Fall in the advantage per unit of levy",
        "",
        PASS_THROUGH,
        0.05,
        2.0,
        0.05,
        "a = a0 − χτ; passing the whole levy on to buyers is about χ = a0. Memo default "
        f"{PASS_THROUGH:g} (models.md §7), the chapter's default. Nvidia reports absorbing the "
        f"{_TARIFF.value:g}% so far (nvidia2026tenqq2): χ near zero.",
        latex=r"\chi",
    ),
    Parameter(
        "china_ai_budget",
        "China's yearly AI-chip budget at H200 prices",
        "billion USD",
        BUDGET_USD_BILLION,
        10.0,
        150.0,
        1.0,
        f"Chapter 1's orders × price: "
        f"{_LEDGER['demand'].default:g} M × ${_LEDGER['price'].default:g}k "
        f"({_ORDERS.citation}).",
        latex="R",
    ),
    Parameter(
        "advantage_erosion_rate",
        "Change in the gap Huawei must close",
        "log rate of decline per year",
        0.5,
        0.05,
        1.5,
        0.05,
        "Chapter 4's catch-up clock is the evidence; memo default "
        "0.5 per year (models.md §6, §7).",
        latex=r"\lambda",
        per_year="decline",
    ),
    Parameter(
        "years_after_january_2026",
        "Years after January 2026",
        "years",
        1.0,
        0.0,
        10.0,
        0.1,
        "The exit clock's time axis.",
        latex="t",
    ),
    _LEDGER["nvidia_weight"],
    Parameter(
        "leverage_weight",
        "US value of a unit of leverage",
        "billion USD",
        20.0,
        0.0,
        100.0,
        1.0,
        "Policy judgement, made visible (models.md §7).",
        latex=r"\Lambda",
    ),
    Parameter(
        "harm_weight",
        "US cost of a unit of China's capability gain",
        "billion USD",
        30.0,
        0.0,
        100.0,
        1.0,
        "Policy judgement, made visible (models.md §7).",
        latex=r"\sigma_{h}",
    ),
)
#: Sympy symbol → LaTeX name, for the chapter's derivations.
LATEX_NAMES = PARAMETERS.latex_names

_SYMBOL = PARAMETERS.symbol
value_scale, us_advantage, domestic_value = (
    _SYMBOL(n) for n in ("value_scale", "us_advantage", "domestic_value")
)
cutoff_probability, cutoff_loss, pairing_ratio = (
    _SYMBOL(n) for n in ("cutoff_probability", "cutoff_loss", "pairing_ratio")
)
us_share_cap, import_share, observed_share = (
    _SYMBOL(n) for n in ("us_share_cap", "import_share", "observed_share")
)
base_advantage, levy, pass_through, china_ai_budget = (
    _SYMBOL(n) for n in ("base_advantage", "levy", "pass_through", "china_ai_budget")
)
advantage_erosion_rate = _SYMBOL("advantage_erosion_rate")
years_after_january_2026 = _SYMBOL("years_after_january_2026")
nvidia_weight, leverage_weight, harm_weight = (
    _SYMBOL(n) for n in ("nvidia_weight", "leverage_weight", "harm_weight")
)
