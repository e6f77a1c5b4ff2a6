"""Units, compute and dollars: what a "market share" of China's AI chips measures.

A share of cards shipped is not a share of compute or of money.  If domestic vendors ship a
share s of the cards, each worth ``h_d`` H100-equivalents, and foreign vendors ship the rest
at ``h_f`` each, the domestic share of compute is

    s·h_d / (s·h_d + (1 − s)·h_f),

and, with a domestic card costing p times a foreign one, the domestic share of dollars is
``s·p / (s·p + 1 − s)``.  In 2025 most of Nvidia's cards in China were H20s, worth far less
than an H100, so the two shares can differ a lot, in either direction.

Defaults: IDC's 41% of cards in 2025; H100-equivalents by TPP from ``data/chips.csv`` (the
910B for a typical domestic card, the H20 for Nvidia's China mix); the price ratio is an
assumption, since no Ascend card price is published.
"""

from __future__ import annotations

from chipcontrols.core.closed_forms import register
from chipcontrols.core.data import load_chips, load_table
from chipcontrols.core.parameters import Parameter, ParameterSet, strict_keywords
from chipcontrols.eccn3a090 import chip_metric, classify_chips

H100, H20, TYPICAL_DOMESTIC = "nvidia-h100-sxm5", "nvidia-h20", "huawei-ascend-910b"
_CHIPS = classify_chips(load_chips())
_MARKET = load_table("domestic_market").set_index("figure_id")


@strict_keywords
def h100e_by_tpp(chip_id: str) -> float:
    """A chip's TPP over the H100's, from ``data/chips.csv`` (H100-equivalents by arithmetic)."""
    return chip_metric(_CHIPS, chip_id, "tpp") / chip_metric(_CHIPS, H100, "tpp")


PARAMETERS = ParameterSet(
    Parameter(
        "domestic_unit_share",
        "Domestic share of cards shipped",
        "",
        float(_MARKET.loc["idc-2025-domestic-share", "value"]) / 100,
        0.01,
        0.99,
        0.01,
        "IDC, China 2025 (data/domestic_market.csv).",
        latex=r"s_0",
    ),
    Parameter(
        "domestic_h100e_per_card",
        "H100-equivalents per domestic card",
        "H100e",
        round(h100e_by_tpp(TYPICAL_DOMESTIC), 4),
        0.05,
        1.5,
        0.01,
        "Ascend 910B by TPP (data/chips.csv, rounded to four decimals) as a typical domestic card; the 910C would "
        "count about twice as much, smaller vendors' cards less.",
        latex=r"h_d",
    ),
    Parameter(
        "foreign_h100e_per_card",
        "H100-equivalents per foreign card",
        "H100e",
        round(h100e_by_tpp(H20), 4),
        0.05,
        1.5,
        0.01,
        "Nvidia H20 by TPP (data/chips.csv, rounded to four decimals): most of Nvidia's China cards in 2025.",
        latex=r"h_f",
    ),
    Parameter(
        "domestic_price_ratio",
        "Price of a domestic card over a foreign one",
        "×",
        1.0,
        0.2,
        3.0,
        0.05,
        "Assumption: no Ascend card price is published.",
        latex="p",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
share, h_domestic, h_foreign, price_ratio = (
    PARAMETERS.symbol(n)
    for n in (
        "domestic_unit_share",
        "domestic_h100e_per_card",
        "foreign_h100e_per_card",
        "domestic_price_ratio",
    )
)

COMPUTE_SHARE = share * h_domestic / (share * h_domestic + (1 - share) * h_foreign)
DOLLAR_SHARE = share * price_ratio / (share * price_ratio + 1 - share)
FORMS = {
    "compute_share": register(
        "catch-up market: domestic share of compute", COMPUTE_SHARE, PARAMETERS
    ),
    "dollar_share": register(
        "catch-up market: domestic share of dollars", DOLLAR_SHARE, PARAMETERS
    ),
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}


def shares(**values: float) -> dict[str, float]:
    """The domestic share of cards, of compute and of dollars for one set of parameters.

    Examples
    --------
    >>> s = shares(domestic_unit_share=0.5, domestic_h100e_per_card=0.6,
    ...            foreign_h100e_per_card=0.2, domestic_price_ratio=1.0)
    >>> round(s["compute"], 2), round(s["dollars"], 2)        # 0.3 / (0.3 + 0.1)
    (0.75, 0.5)
    """
    checked = PARAMETERS.check(values)
    return {
        "cards": checked["domestic_unit_share"],
        "compute": float(_NUMPY["compute_share"](**checked)),
        "dollars": float(_NUMPY["dollar_share"](**checked)),
    }


@strict_keywords
def market_figure(figure_id: str) -> float:
    """One value of ``data/domestic_market.csv`` by its id (in the row's unit)."""
    if figure_id not in _MARKET.index:
        raise ValueError(
            f"figure_id = {figure_id!r} is not in data/domestic_market.csv; valid "
            f"ids: {sorted(_MARKET.index)}"
        )
    return float(_MARKET.loc[figure_id, "value"])


def period_label(figure_id: str, period: int) -> str:
    """The period a market figure covers, as the market table prints it.

    ``data/domestic_market.csv`` holds the year only; a figure for the first half of a year is
    marked by ``-h1-`` in its id (IDC's half-year server tracker), so that the table and the text
    say the same thing.  A column for the part of the year would be better (requested).

    Examples
    --------
    >>> period_label("idc-h1-2025-domestic-server-share", 2025)
    'first half of 2025'
    >>> period_label("idc-2025-domestic-share", 2025)
    '2025'
    """
    return f"first half of {period}" if "-h1-" in f"-{figure_id}-" else f"{period}"
