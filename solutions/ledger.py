"""Every number chapter 1's exercise solutions state, computed from the model.

The reader edition glues :func:`solution_figures` as ``ledger_sol_<key>`` in a cell tagged
``solution``; the student edition drops that cell and every solution, and never imports this
module.  Numbers the prose and the exercise statements cite are in :mod:`chipcontrols.ledger.prose`.  Units follow the ledger:
volumes in million chips, money in billion USD (prices in thousand USD unless a key ends in
``_usd``), compute in million H100-equivalents (H100e), ratios dimensionless (US:China).
The few inputs here that are not model parameters are the worked examples' own choices
(:data:`IFP_TOP`, :data:`IFP_BOTTOM`, :data:`MEMO_RUBRIC`); each is
declared once, checked against the model's ranges, and glued like every other figure.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from chipcontrols import ledger
from chipcontrols.core import record
from chipcontrols.eccn3a090 import (
    classify_hypothetical_chip,
    total_processing_performance,
    versions,
)
from chipcontrols.ledger.prose import (
    EXERCISE_CHIPS,
    MILLION,
    SPARSITY_FACTOR,
    _h_bandwidth,
    bit_lengths,
    exercise_scenarios,
)

#: A parameter set near the top of IFP's reported range (the IFP exercise, part 2).
IFP_TOP = {
    "us_compute": 14.5,
    "china_compute": 0.3,
    "h100e_per_chip": 1.0,
    "displacement": 0.0,
    "volume": 1.9,
}
#: A parameter set near the bottom of IFP's reported range (the IFP exercise, part 2).
IFP_BOTTOM = {
    "us_compute": 8.0,
    "china_compute": 0.38,
    "h100e_per_chip": 1.8,
    "displacement": 0.45,
    "volume": 2.5,
}
#: The memo exercise's marking guide: criterion → points; deductions as negative points.
MEMO_RUBRIC = {
    "recommendation": 3,
    "sigma_star": 5,
    "sensitivity": 3,
    "interpretation": 3,
    "corner": 3,
    "limits": 3,
}
MEMO_DEDUCTIONS = {"per_log_vs_doubling": 2, "units": 2, "length": 3}
#: The tariff essay's marking guide: one criterion per point of the model answer → points.
TARIFF_RUBRIC = {
    "mechanism": 2,
    "export_clause": 2,
    "license_fee": 2,
    "incidence": 2,
    "case_against": 2,
}


def solve_ratio_for(name: str, target: float, volume: float, **values: float) -> float:
    """The value of one ledger parameter that brings ρ to ``target``, others held fixed.

    Parameters
    ----------
    name : str
        A parameter of :data:`chipcontrols.ledger.model.PARAMETERS` that enters ``RATIO``
        (``volume``, ``h100e_per_chip``, ``displacement``, ``us_compute``, ``china_compute``).
    target : float
        The target US:China ratio of compute added (dimensionless).
    volume : float
        Export volume Q (million chips), used unless ``name`` is ``"volume"``.
    **values : float
        Other parameters; unspecified ones take their declared defaults.

    Returns
    -------
    float
        The solution of ρ = target for that parameter, in the parameter's own unit
        (million chips, H100e per chip, dimensionless or million H100e); not range-checked,
        since the point is to compare it with the declared range.
    """
    given = {**ledger.INPUTS.check(values), "volume": volume}
    symbol = ledger.PARAMETERS.symbol(name)
    fixed = {ledger.PARAMETERS.symbol(n): sp.nsimplify(v) for n, v in given.items() if n != name}
    solutions = sp.solve(sp.Eq(ledger.RATIO.subs(fixed), sp.nsimplify(target)), symbol)
    real = [float(s) for s in solutions if s.is_real]
    if len(real) != 1:
        raise ValueError(f"ρ = {target} has {len(real)} real solutions for {name}")
    return real[0]


def _tpp_figures() -> dict[str, float | str]:
    bits = bit_lengths()
    out: dict[str, float | str] = {"bits_fp16": bits["fp16"], "bits_int8": bits["int8"]}
    for key, sheet in EXERCISE_CHIPS.items():
        fp16, int8, area = (
            sheet["dense_fp16_tflops"],
            sheet["dense_8bit_tops"],
            sheet["die_area_mm2"],
        )
        out[f"{key}_tpp16"] = fp16 * bits["fp16"]
        out[f"{key}_tpp8"] = int8 * bits["int8"]
        out[f"{key}_tpp"] = total_processing_performance(fp16, int8)
        out[f"{key}_density"] = out[f"{key}_tpp"] / area
        out[f"{key}_class"] = classify_hypothetical_chip(out[f"{key}_tpp"], area)
    x = EXERCISE_CHIPS["x"]
    out["x_sparse_tpp"] = SPARSITY_FACTOR * x["dense_8bit_tops"] * bits["int8"]
    out["x_sparse_density"] = out["x_sparse_tpp"] / x["die_area_mm2"]
    out["x_sparse_class"] = classify_hypothetical_chip(out["x_sparse_tpp"], x["die_area_mm2"])
    # Headroom: the 8-bit throughput at which chip Y would enter the first 3A090.b box.
    y = EXERCISE_CHIPS["y"]
    grey_tpp = versions.GREY_TPP_LOW
    out["y_density_at_grey_tpp"] = grey_tpp / y["die_area_mm2"]
    out["y_grey_8bit_tops"] = grey_tpp / bits["int8"]
    out["y_headroom_tops"] = out["y_grey_8bit_tops"] - y["dense_8bit_tops"]
    out["y_headroom_percent"] = 100 * out["y_headroom_tops"] / y["dense_8bit_tops"]
    return out


def _binding_figures() -> dict[str, float | str]:
    P = ledger.PARAMETERS
    january = ledger.ledger(approvals=P["approvals"].minimum)
    cap = ledger.ledger(approvals=P["approvals"].maximum)
    supply = ledger.ledger(approvals=P["approvals"].maximum, us_volume=P["us_volume"].maximum)
    cleared = (
        record.value("us_cleared_chinese_h200_buyers")
        * record.value("us_clearance_per_firm_h200")
        / MILLION
    )
    as_approvals = ledger.ledger(approvals=cleared)
    unseen = ledger.ledger(**exercise_scenarios()["loosening"])
    return {
        "jan_binding": january.binding_text,
        "jan_volume": january.volume,
        "jan_treasury": january.treasury_revenue,
        "jan_ratio": january.ratio_with_exports,
        "jan_cap": january.limits["US cap"],
        "cap_binding": cap.binding_text,
        "cap_volume": cap.volume,
        "cap_treasury": cap.treasury_revenue,
        "cap_ratio": cap.ratio_with_exports,
        "supply_binding": supply.binding_text,
        "supply_cap": supply.limits["US cap"],
        "supply_volume": supply.volume,
        "supply_treasury": supply.treasury_revenue,
        "supply_ratio": supply.ratio_with_exports,
        "us_clearances_million": cleared,
        "us_clearances_binding": as_approvals.binding_text,
        "us_clearances_volume": as_approvals.volume,
        "unseen_binding": unseen.binding_text,
        "unseen_cap": unseen.limits["US cap"],
        "unseen_volume": unseen.volume,
        "unseen_treasury": unseen.treasury_revenue,
        "unseen_ratio": unseen.ratio_with_exports,
    }


def _ifp_figures() -> dict[str, float]:
    P = ledger.PARAMETERS
    out: dict[str, float] = {}
    defaults = {
        n: P[n].default for n in ("us_compute", "china_compute", "h100e_per_chip", "displacement")
    }
    demand = P["demand"].default
    out["demand_denominator"] = defaults["china_compute"] + defaults["h100e_per_chip"] * demand
    # Part 1: all Chinese orders, counted by memory bandwidth.
    stock, h_stock = P["demand"].default, _h_bandwidth()
    out["part1_volume"] = stock
    out["part1_h"] = h_stock
    out["part1_denominator"] = defaults["china_compute"] + h_stock * stock
    out["part1_ratio"] = ledger.ratio_at(stock, h100e_per_chip=h_stock)
    for label, case in (("top", IFP_TOP), ("bottom", IFP_BOTTOM)):
        params = {n: P[n].check(v) for n, v in case.items()}
        volume = params.pop("volume")
        for n, v in case.items():
            out[f"{label}_{n}"] = v
        out[f"{label}_ratio_none"] = ledger.ratio_at(0.0, **params)
        out[f"{label}_ratio"] = ledger.ratio_at(volume, **params)
        h, d = params["h100e_per_chip"], params["displacement"]
        out[f"{label}_numerator"] = params["us_compute"] - d * h * volume
        out[f"{label}_denominator"] = params["china_compute"] + h * volume
    out["bottom_displaced"] = (
        IFP_BOTTOM["displacement"] * IFP_BOTTOM["h100e_per_chip"] * IFP_BOTTOM["volume"]
    )
    # Part 3: one parameter at a time, ρ = IFP's low end with exports, at Q = demand.
    target = record.value("ifp_ratio_with_exports_low")
    out["target"] = target
    for name in ("volume", "h100e_per_chip", "displacement", "us_compute", "china_compute"):
        out[f"need_{name}"] = solve_ratio_for(name, target, demand)
        out[f"default_{name}"] = demand if name == "volume" else P[name].default
        out[f"min_{name}"] = P[name].minimum
        out[f"max_{name}"] = P[name].maximum
    out["china_compute_multiple"] = out["need_china_compute"] / P["china_compute"].default
    out["ratio_none_at_needed_china"] = P["us_compute"].default / out["need_china_compute"]
    out["hq_multiple"] = out["need_volume"] / (P["h100e_per_chip"].default * demand)
    pessimistic = {n: v for n, v in IFP_BOTTOM.items() if n not in ("displacement", "volume")}
    out["pessimistic_no_displacement"] = ledger.ratio_at(
        IFP_BOTTOM["volume"], displacement=0.0, **pessimistic
    )
    out["pessimistic_displacement_needed"] = solve_ratio_for(
        "displacement", target, IFP_BOTTOM["volume"], **pessimistic
    )
    # Part 4: ρ at the scenario volumes, by arithmetic and by bandwidth.
    h_bw = _h_bandwidth()
    out["h_bandwidth"] = h_bw
    for name in ("approvals", "supply", "demand"):
        q = P[name].default
        out[f"q_{name}"] = q
        out[f"ratio_{name}"] = ledger.ratio_at(q)
        out[f"ratio_{name}_bandwidth"] = ledger.ratio_at(q, h100e_per_chip=h_bw)
    q_max = ledger.EXPORT_VOLUME.maximum
    out["q_max"] = q_max
    out["ratio_max"] = ledger.ratio_at(q_max)
    out["ratio_max_bandwidth"] = ledger.ratio_at(q_max, h100e_per_chip=h_bw)
    out["ratio_none"] = ledger.ratio_at(0.0)
    out["drop_first"] = out["ratio_none"] - out["ratio_approvals"]
    out["next_volume"] = demand - P["approvals"].default
    out["drop_next"] = out["ratio_approvals"] - out["ratio_demand"]
    out["china_added_first_multiple"] = (P["china_compute"].default + P["approvals"].default) / P[
        "china_compute"
    ].default
    return out


def _memo_figures() -> dict[str, float]:
    P = ledger.PARAMETERS
    tau, omega, price = (P[n].default for n in ("tariff_share", "nvidia_weight", "price"))
    memo = exercise_scenarios()["memo"]
    q, h, c_cn = memo["volume"], memo["h100e_per_chip"], P["china_compute"].default
    out: dict[str, float] = {
        "tau": tau,
        "omega": omega,
        "one_minus_tau": 1 - tau,
        "price_usd": price * 1e3,
    }
    gain = float(
        ledger.US_GAIN_PER_CHIP.subs(
            {ledger.tariff_share: tau, ledger.nvidia_weight: omega, ledger.price: price}
        )
    )
    out["gain_per_chip_usd"] = gain * 1e3
    out["q"] = q
    out["gain_bn"] = gain * q
    out["h"] = h
    out["harm_factor"] = float(np.log1p(h * q / c_cn))
    out["sigma_star"] = ledger.break_even_at(q, h100e_per_chip=h)
    out["ln2"] = float(np.log(2))
    out["per_doubling"] = out["sigma_star"] * out["ln2"]
    # Sensitivity: σ* per doubling for ω at its minimum, default and maximum.
    h_bw = _h_bandwidth()
    rows = {
        "approvals": (P["approvals"].default, 1.0),
        "supply": (P["supply"].default, 1.0),
        "bandwidth": (q, h_bw),
        "demand": (P["demand"].default, 1.0),
    }
    omegas = {
        "min": P["nvidia_weight"].minimum,
        "default": omega,
        "max": P["nvidia_weight"].maximum,
    }
    for row, (volume, h_row) in rows.items():
        out[f"sens_{row}_q"] = volume
        out[f"sens_{row}_h"] = h_row
        for col, w in omegas.items():
            out[f"sens_{row}_{col}"] = (
                ledger.break_even_at(volume, nvidia_weight=w, h100e_per_chip=h_row) * out["ln2"]
            )
    for col, w in omegas.items():
        out[f"omega_{col}"] = w
        column = [out[f"sens_{row}_{col}"] for row in rows]
        out[f"sens_{col}_lowest"], out[f"sens_{col}_highest"] = min(column), max(column)
    for key, points in MEMO_RUBRIC.items():
        out[f"rubric_{key}"] = points
    out["rubric_total"] = sum(MEMO_RUBRIC.values())
    for key, points in MEMO_DEDUCTIONS.items():
        out[f"deduct_{key}"] = points
    return out


def _tariff_figures() -> dict[str, float]:
    out = {f"rubric_{key}": float(points) for key, points in TARIFF_RUBRIC.items()}
    out["rubric_total"] = float(sum(TARIFF_RUBRIC.values()))
    return out


def _legacy_figures() -> dict[str, float | str]:
    P = ledger.PARAMETERS
    legacy = exercise_scenarios()["legacy"]
    share = legacy["cap_share"]
    out: dict[str, float | str] = {"cap_share": share}
    for label, us_volume in (("high", P["us_volume"].default), ("low", legacy["us_volume"])):
        r = ledger.ledger(**{**legacy, "us_volume": us_volume})
        out[f"{label}_us_volume"] = us_volume
        out[f"{label}_binding"] = r.binding_text
        out[f"{label}_cap"] = r.limits["US cap"]
        out[f"{label}_volume"] = r.volume
        out[f"{label}_treasury"] = r.treasury_revenue
        out[f"{label}_ratio"] = r.ratio_with_exports
        out[f"{label}_denominator"] = (
            P["china_compute"].default + P["h100e_per_chip"].default * r.volume
        )
    out["unlocked_per_us_sale"] = share
    out["switch_us_volume"] = P["supply"].default / share
    out["switch_multiple"] = out["switch_us_volume"] / P["us_volume"].default
    return out


def solution_figures() -> dict[str, float | str]:
    """Every number the six exercise solutions of chapter 1 state.

    Returns
    -------
    dict
        Flat mapping, glued as ``ledger_sol_<key>``.  Prefixes name the exercise: ``tpp_`` (classify a
        chip: TPP in bit-TOPS, density in TPP per mm², throughput in TOPS, headroom in TOPS
        and percent), ``bind_`` (which limit binds: volumes in million chips, revenue in
        billion USD, ratios US:China), ``ifp_`` (reproduce IFP: compute in million H100e,
        volumes in million chips, ratios), ``memo_`` (break-even valuation: billion USD per
        log-unit or per doubling, gain per chip in USD, rubric in points), ``legacy_`` (the
        legacy cap: million chips, billion USD, ratios).
    """
    out: dict[str, float | str] = {}
    for prefix, part in (
        ("tpp", _tpp_figures()),
        ("bind", _binding_figures()),
        ("ifp", _ifp_figures()),
        ("memo", _memo_figures()),
        ("tariff", _tariff_figures()),
        ("legacy", _legacy_figures()),
    ):
        out.update({f"{prefix}_{key}": value for key, value in part.items()})
    return out
