"""Derived numbers chapter 1's prose, the preface and the exercise statements cite.

Everything here is reader-facing and ships in every edition: record counts converted to the
ledger's units, chip ratios, the classifier demonstration and the datasheet figures the
exercises hand to the student.  Solutions live in :mod:`solutions.ledger`,
which the student edition never imports.  Units follow the ledger: volumes in million chips,
money in billion USD, compute in million H100-equivalents (H100e).
"""

from __future__ import annotations

from functools import lru_cache

from chipcontrols import ledger
from chipcontrols.core import record
from chipcontrols.core.data import load_chips
from chipcontrols.eccn3a090 import (
    chip_metric,
    classify_chips,
    classify_hypothetical_chip,
    versions,
)
from chipcontrols.eccn3a090.metrics import PRECISIONS
from chipcontrols.ledger.figures import FIRST_TENTH, h100_equivalence

__all__ = ["exercise_figures", "exercise_scenarios", "prose_figures"]

#: One million, for converting counts of chips to the ledger's million chips.
MILLION = 1e6
#: The die area (mm²) of the classifier's "try this" chip: so large that density stays
#: below the grey zone, so the chip jumps straight from "not controlled" to 3A090.a.
TRY_DIE_AREA_MM2 = 4000.0
#: How far below the 3A090.a TPP line the "try this" chip starts (TPP).
TRY_TPP_STEP = 100.0
#: Chip ids of the Blackwell parts in ``data/chips.csv``.
BLACKWELL = ("nvidia-b200-hgx", "nvidia-b300-hgx", "nvidia-gb300")
#: Chip ids used by the TPP exercise and the prose.
A100, H20, H100, H200, H800 = (
    "nvidia-a100-sxm4-80gb",
    "nvidia-h20",
    "nvidia-h100-sxm5",
    "nvidia-h200-sxm",
    "nvidia-h800-sxm5",
)
#: A 2:4-sparse headline figure is twice the dense one (half the weights are skipped).
SPARSITY_FACTOR = 2.0


@lru_cache(maxsize=1)
def _classified_chips():
    """``data/chips.csv`` with TPP, density and class, loaded and classified once."""
    return classify_chips(load_chips())


@lru_cache(maxsize=1)
def _h_bandwidth() -> float:
    """H100-equivalents per H200 by memory bandwidth (:func:`h100_equivalence`), once."""
    return h100_equivalence()["memory bandwidth"]


def _chip(chip_id: str, column: str) -> float:
    """One published or computed figure of a chip (:func:`chip_metric`)."""
    return chip_metric(_classified_chips(), chip_id, column)


def bit_lengths() -> dict[str, int]:
    """Bit length of each precision that enters TPP (bits), from the classifier's declaration."""
    names = {"fp16_ops": "fp16", "int8_ops": "int8", "fp4_ops": "fp4"}
    return {names.get(p.name, p.name): bits for p, bits in PRECISIONS}


#: Two accelerators a vendor might plan for China (the datasheet exercise): not chips of
#: ``data/chips.csv``, so no answer is printed in the chapter.  Dense 16-bit TFLOPS, dense
#: 8-bit TOPS, logic-die mm²; ``x`` lands in the grey zone, ``y`` just under it.
EXERCISE_CHIPS = {
    "x": {"dense_fp16_tflops": 140.0, "dense_8bit_tops": 330.0, "die_area_mm2": 600.0},
    "y": {"dense_fp16_tflops": 140.0, "dense_8bit_tops": 290.0, "die_area_mm2": 760.0},
}
#: "Which limit binds?", part 2: a loosening the chapter does not show (Washington raises the
#: cap share, a US price cut lifts US-customer sales, Nvidia restarts production, Beijing
#: approves every order).  Shares and million chips, inside the declared ranges.
EXERCISE_LOOSENING = {"cap_share": 0.8, "us_volume": 1.35, "supply": 2.0, "approvals": 2.5}
#: "A cap tied to a legacy product": the hawks' side, a cap share cut to this.
EXERCISE_LEGACY_CAP_SHARE = 0.3


def exercise_scenarios() -> dict[str, dict[str, float]]:
    """The exercises' scenarios as ledger keyword arguments, each checked against its range."""
    P = ledger.PARAMETERS
    legacy = {
        "cap_share": EXERCISE_LEGACY_CAP_SHARE,
        "approvals": P["approvals"].maximum,
        "us_volume": P["us_volume"].minimum,
    }
    memo = {"volume": _us_clearances_million(), "h100e_per_chip": _h_bandwidth()}
    scenarios = {"loosening": dict(EXERCISE_LOOSENING), "legacy": legacy}
    for values in scenarios.values():
        ledger.INPUTS.check(values)
    return {**scenarios, "memo": memo}


def _us_clearances_million() -> float:
    """The US clearances reported in May 2026, in million chips (firms x chips per firm)."""
    v = record.value
    return v("us_cleared_chinese_h200_buyers") * v("us_clearance_per_firm_h200") / MILLION


def exercise_figures() -> dict[str, float]:
    """Numbers the exercise statements give the student (not answers).

    Returns
    -------
    dict
        Glued as ``ledger_ex_<key>``: the two datasheet chips (``chip_x_*``, ``chip_y_*``:
        TFLOPS, TOPS, mm²) with chip X's 2:4-sparse headline 8-bit figure (a trap: the rule
        uses dense throughput); the loosening scenario (``loose_*``: shares and million
        chips); the legacy-cap share (``legacy_cap_share``) and the memo's volume (million
        chips) and H100-equivalence.
    """
    out: dict[str, float] = {}
    for name, sheet in EXERCISE_CHIPS.items():
        for key, value in sheet.items():
            out[f"chip_{name}_{key}"] = value
    out["chip_x_sparse_8bit_tops"] = SPARSITY_FACTOR * EXERCISE_CHIPS["x"]["dense_8bit_tops"]
    scenarios = exercise_scenarios()
    for key, value in scenarios["loosening"].items():
        out[f"loose_{key}"] = value
    out["legacy_cap_share"] = scenarios["legacy"]["cap_share"]
    out["legacy_cap_share_percent"] = 100 * scenarios["legacy"]["cap_share"]
    out["memo_volume"] = scenarios["memo"]["volume"]
    out["memo_h100e_per_chip"] = scenarios["memo"]["h100e_per_chip"]
    out["ifp_volume"] = ledger.PARAMETERS["demand"].default
    return out


def prose_figures() -> dict[str, float | str]:
    """Derived numbers chapter 1's prose (and the preface) cite, from the record and data.

    Returns
    -------
    dict
        Flat mapping, glued as ``ledger_prose_<key>``: record counts converted to million chips,
        money in billion USD, chip ratios (dimensionless), Blackwell thresholds (TPP, GB/s),
        the classifier demonstration (TPP, mm²) and the FT deliveries run through the ledger.
    """
    v = record.value
    P = ledger.PARAMETERS
    out: dict[str, float | str] = {}
    out["orders_million"] = v("chinese_h200_orders_2026") / MILLION
    out["inventory_million"] = v("nvidia_h200_inventory") / MILLION
    out["approvals_million"] = v("beijing_h200_approvals_jan_2026") / MILLION
    out["epoch_stock_million"] = v("epoch_global_ai_compute_h100e") / MILLION
    out["us_clearances_total"] = v("us_cleared_chinese_h200_buyers") * v(
        "us_clearance_per_firm_h200"
    )
    # FT, August 2026: what reached ByteDance and Tencent, and what it is worth.
    received = v("ft_h200_received_bytedance") + v("ft_h200_received_tencent")
    out["ft_received_total"] = received
    out["ft_received_million"] = received / MILLION
    out["ft_value_usd_billion"] = received * v("h200_price_usd") / 1e9
    out["ft_share_of_approvals_percent"] = 100 * received / v("beijing_h200_approvals_jan_2026")
    out["ft_share_of_orders_percent"] = 100 * received / v("chinese_h200_orders_2026")
    ft = ledger.ledger(approvals=received / MILLION)
    out["ft_binding"] = ft.binding_text
    out["ft_ratio"] = ft.ratio_with_exports
    out["ft_treasury"] = ft.treasury_revenue
    out["ft_treasury_usd_million"] = ft.treasury_revenue * 1e3
    out["ratio_points_cost_ft"] = ft.ratio_without_exports - ft.ratio_with_exports
    # Nvidia, Q2 FY2027: the ceiling "under 1% of data-centre revenue" implies.
    out["hopper_ceiling_usd_billion"] = (
        v("china_hopper_share_of_dc_revenue_q2_fy2027_percent")
        / 100
        * v("nvidia_q2_fy2027_data_center_revenue_usd_billion")
    )
    # Chips: how far the H100 sits above the line, and the H20 below it.
    out["h100_tpp_over_line"] = _chip(H100, "tpp") / versions.TPP_LINE
    out["h100_over_h20_tpp"] = _chip(H100, "tpp") / _chip(H20, "tpp")
    blackwell_tpp = [_chip(c, "tpp") for c in BLACKWELL]
    blackwell_bw = [_chip(c, "memory_bandwidth_gbs") for c in BLACKWELL]
    out["blackwell_min_tpp"] = min(blackwell_tpp)
    out["blackwell_min_bandwidth_gbs"] = min(blackwell_bw)
    out["blackwell_count"] = float(len(BLACKWELL))
    # The classifier demonstration: a die so large that the chip skips the grey zone.
    below = versions.TPP_LINE - TRY_TPP_STEP
    out["try_die_area_mm2"] = TRY_DIE_AREA_MM2
    out["try_tpp_below"] = below
    out["try_tpp_at"] = versions.TPP_LINE
    out["try_class_below"] = classify_hypothetical_chip(below, TRY_DIE_AREA_MM2)
    out["try_class_at"] = classify_hypothetical_chip(versions.TPP_LINE, TRY_DIE_AREA_MM2)
    out["try_density_at"] = versions.TPP_LINE / TRY_DIE_AREA_MM2
    # Ledger defaults in chips, for sentences that speak of chips rather than millions.
    out["us_volume_default_million"] = P["us_volume"].default
    out["first_tenth_chips"] = FIRST_TENTH * MILLION
    out["cap_share_percent"] = 100 * P["cap_share"].default
    return out
